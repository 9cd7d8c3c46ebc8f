package ingest

import (
	"regexp"
	"sort"
	"strings"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// This file keeps the work per person, per name and per list bounded: an
// index of the people found so far (addPerson looks up the one a name is
// the same as, rather than comparing it with everyone), the titles left to
// finish, and per sentence, what lists, list ends and boundaries a
// sentence holds, read once rather than once per name.

// personKeys are the keys addPerson compares names by.
type personKeys struct {
	norm     string // domain.NormalizeName
	variant  string // VariantKey
	sur      string // VariantKey of the surname
	initOnly bool   // hasInitialsOnly
	init1    string // the first byte of the initials, or ""
}

func keysOf(name string) personKeys {
	in := initials(name)
	return personKeys{
		norm:     normalizeName(name),
		variant:  domain.VariantKey(name),
		sur:      domain.VariantKey(surname(name)),
		initOnly: hasInitialsOnly(name),
		init1:    in[:min(1, len(in))],
	}
}

// peopleIndex finds the people a name may be the same as. Each list is in
// the order the people were found.
type peopleIndex struct {
	byNorm, byVariant map[string][]*person
	// by surname key (and the first byte of the initials): everyone, and
	// those with initials only
	bySur, bySurInit, initOnlyBySur, initOnlyBySurInit map[string][]*person
	// surLog lists the people as they took a surname key, for bare
	// surnames; surDone is how much of it a role was given to.
	surLog  map[string][]*person
	surDone map[surRole]int
}

type surRole struct {
	sur  string
	role domain.Role
}

func newPeopleIndex() *peopleIndex {
	return &peopleIndex{byNorm: map[string][]*person{}, byVariant: map[string][]*person{}, bySur: map[string][]*person{},
		bySurInit: map[string][]*person{}, initOnlyBySur: map[string][]*person{}, initOnlyBySurInit: map[string][]*person{},
		surLog: map[string][]*person{}, surDone: map[surRole]int{}}
}

func surInit(k personKeys) string { return k.sur + "\x00" + k.init1 }

// each calls f on every list of x that p belongs to, with its key.
func (x *peopleIndex) each(p *person, f func(m map[string][]*person, key string)) {
	k := p.keys
	f(x.byNorm, k.norm)
	f(x.byVariant, k.variant)
	f(x.bySur, k.sur)
	f(x.bySurInit, surInit(k))
	if k.initOnly {
		f(x.initOnlyBySur, k.sur)
		f(x.initOnlyBySurInit, surInit(k))
	}
}

func (x *peopleIndex) add(p *person) {
	x.each(p, func(m map[string][]*person, key string) {
		l := m[key]
		i := sort.Search(len(l), func(i int) bool { return l[i].idx > p.idx })
		l = append(l, nil)
		copy(l[i+1:], l[i:])
		l[i] = p
		m[key] = l
	})
	x.surLog[p.keys.sur] = append(x.surLog[p.keys.sur], p)
}

func (x *peopleIndex) remove(p *person) {
	x.each(p, func(m map[string][]*person, key string) {
		l := m[key]
		i := sort.Search(len(l), func(i int) bool { return l[i].idx >= p.idx })
		if i < len(l) && l[i] == p {
			m[key] = append(l[:i], l[i+1:]...)
		}
	})
}

func first(l []*person) *person {
	if len(l) == 0 {
		return nil
	}
	return l[0]
}

// same returns the first person found whom a name with keys k is: one
// with the same normalised name or variant key, or with the same surname
// and initials when either gives initials only. fromSurname says the
// surname made them the same (and the names differ otherwise).
func (x *peopleIndex) same(k personKeys) (p *person, fromSurname bool) {
	var bySurname *person
	switch {
	case k.initOnly && k.init1 != "":
		bySurname = first(x.bySurInit[surInit(k)])
	case k.initOnly:
		bySurname = first(x.bySur[k.sur])
	case k.init1 != "":
		bySurname = first(x.initOnlyBySurInit[surInit(k)])
	default:
		bySurname = first(x.initOnlyBySur[k.sur])
	}
	for _, c := range []*person{first(x.byNorm[k.norm]), first(x.byVariant[k.variant])} {
		if c != nil && (p == nil || c.idx < p.idx) {
			p = c
		}
	}
	if bySurname != nil && (p == nil || bySurname.idx < p.idx) {
		return bySurname, true
	}
	return p, false
}

// rename gives p another name, keeping the index right.
func (x *peopleIndex) rename(p *person, n personName, k personKeys) {
	x.remove(p)
	oldSur := p.keys.sur
	p.name, p.nameS, p.keys = n.text, n.s, k
	x.each(p, func(m map[string][]*person, key string) {
		l := m[key]
		i := sort.Search(len(l), func(i int) bool { return l[i].idx > p.idx })
		l = append(l, nil)
		copy(l[i+1:], l[i:])
		l[i] = p
		m[key] = l
	})
	if k.sur != oldSur {
		x.surLog[k.sur] = append(x.surLog[k.sur], p)
	}
}

// giveRole gives role to everyone whose surname key is sur. A person given
// a role once need not be given it again (addRole then changes nothing), so
// only those who took the key since are.
func (x *peopleIndex) giveRole(sur string, role domain.Role) {
	k := surRole{sur, role}
	log := x.surLog[sur]
	for _, p := range log[x.surDone[k]:] {
		if p.keys.sur == sur {
			p.addRole(role)
		}
	}
	x.surDone[k] = len(log)
}

// setTitle sets p's title and notes that it is to be finished.
func (ex *extractor) setTitle(p *person, s span) {
	p.title = s
	if !p.queued {
		p.queued = true
		ex.unfinished = append(ex.unfinished, p)
	}
}

// needsFinish reports whether finishTitle would change p.
func (p *person) needsFinish() bool {
	return p.title.end > p.title.start && p.inst == "" && !(p.settled && p.title == p.settledTitle)
}

// finishTitles finishes the titles of everyone whose title changed: what
// finishTitle on everyone does, as it changes no one else.
func (ex *extractor) finishTitles() {
	keep := ex.unfinished[:0]
	for _, p := range ex.unfinished {
		ex.finishTitle(p)
		if p.needsFinish() {
			keep = append(keep, p)
		} else {
			p.queued = false
		}
	}
	clear(ex.unfinished[len(keep):])
	ex.unfinished = keep
}

// spans answers whether one of a set of spans contains another.
type spans struct {
	byStart []span
	maxEnd  []int // the greatest end of byStart[:i+1]
}

func newSpans(ss []span) *spans {
	x := &spans{byStart: append([]span(nil), ss...)}
	sort.Slice(x.byStart, func(i, j int) bool { return x.byStart[i].start < x.byStart[j].start })
	x.maxEnd = make([]int, len(x.byStart))
	for i, s := range x.byStart {
		x.maxEnd[i] = s.end
		if i > 0 {
			x.maxEnd[i] = max(x.maxEnd[i], x.maxEnd[i-1])
		}
	}
	return x
}

// contain reports whether one of the spans contains s.
func (x *spans) contain(s span) bool {
	i := sort.Search(len(x.byStart), func(i int) bool { return x.byStart[i].start > s.start })
	return i > 0 && x.maxEnd[i-1] >= s.end
}

// firstMatch is the leftmost match of re in text[from:end], kept for a
// from that grows: a match of text[from:end] that starts after from is
// one of text[f:end] for any f <= from, so a later from needs a search
// only when the match kept starts before it (and a look at from itself,
// where the start of the text may make a match that was none before).
type firstMatch struct {
	re, anchored *regexp.Regexp // anchored is re anchored at the start
	text         string
	end          int
	from         int   // -1 before the first search
	m            []int // absolute; nil: no match
}

func newFirstMatch(re, anchored *regexp.Regexp, text string, end int) *firstMatch {
	return &firstMatch{re: re, anchored: anchored, text: text, end: end, from: -1}
}

// at returns the leftmost match of re in text[from:end], in offsets of text.
func (f *firstMatch) at(from int) []int {
	switch {
	case from == f.from:
		return f.m
	case f.from >= 0 && from > f.from && (f.m == nil || f.m[0] > from):
		f.from = from
		if a := f.anchored.FindStringIndex(f.text[from:f.end]); a != nil {
			f.m = []int{from, from + a[1]}
		}
		return f.m
	}
	f.from, f.m = from, nil
	if m := f.re.FindStringIndex(f.text[from:f.end]); m != nil {
		f.m = []int{from + m[0], from + m[1]}
	}
	return f.m
}

// anchoredRe is re that matches only at the start of a text.
func anchoredRe(re *regexp.Regexp) *regexp.Regexp {
	return regexp.MustCompile(`^(?:` + re.String() + `)`)
}

// lastFinder is the last occurrence (by find, "strings.LastIndex*"-like)
// in text[lo:p] for a p that grows: only what follows the previous p
// (and the few bytes before it an occurrence may begin in) is searched.
type lastFinder struct {
	text    string
	lo, p   int
	last    int // absolute, or -1
	overlap int // the longest occurrence, less one byte
	find    func(string) int
}

func newLastFinder(text string, lo, overlap int, find func(string) int) *lastFinder {
	return &lastFinder{text: text, lo: lo, p: lo, last: -1, overlap: overlap, find: find}
}

// at returns the start of the last occurrence wholly in text[lo:p], or -1.
func (f *lastFinder) at(p int) int {
	if p < f.p {
		if k := f.find(f.text[f.lo:p]); k >= 0 {
			return f.lo + k
		}
		return -1
	}
	from := max(f.lo, f.p-f.overlap)
	if k := f.find(f.text[from:p]); k >= 0 {
		f.last = from + k
	}
	f.p = p
	return f.last
}

// sentenceScan holds what speechSentence and titleBefore read of one
// sentence, once for all its names.
type sentenceScan struct {
	s         span
	clauseEnd *lastFinder   // the last character verbBeforeRe cannot read past
	boundary  *lastFinder   // lastBoundary
	dashes    []*lastFinder // " — ", " – ", " - "
	// the title clause before a comma, by the comma
	clause map[int]span
	// the trimmed start of a title candidate, by its untrimmed start
	candStart       map[int]int
	titleW, notTitl *firstMatch // titleWordRe, hoistedSpeakers5Re
}

var (
	titleWordAnchoredRe = anchoredRe(titleWordRe)
	speakers5AnchoredRe = anchoredRe(hoistedSpeakers5Re)
)

func (ex *extractor) newSentenceScan(s span) *sentenceScan {
	t := ex.doc.text
	sc := &sentenceScan{s: s, clause: map[int]span{}, candStart: map[int]int{},
		titleW:  newFirstMatch(titleWordRe, titleWordAnchoredRe, t, s.end),
		notTitl: newFirstMatch(hoistedSpeakers5Re, speakers5AnchoredRe, t, s.end)}
	sc.boundary = newLastFinder(t, s.start, 3, func(x string) int { return strings.LastIndexAny(x, boundaryChars) })
	sc.clauseEnd = newLastFinder(t, s.start, 3, func(x string) int { return strings.LastIndexAny(x, ",.;“”\"") })
	for _, d := range titleDashes {
		sc.dashes = append(sc.dashes, newLastFinder(t, s.start, len(d)-1, func(x string) int { return strings.LastIndex(x, d) }))
	}
	return sc
}
