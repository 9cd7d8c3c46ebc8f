package ingest

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// Extract reads a meeting report, plain text or HTML, into a Draft. It
// returns an EINVALID error wrapping ErrEmpty, ErrBinary or ErrTooLarge for
// input that cannot be a report; text that is not English gives a draft
// without facts (but for the meeting's identity in Russian and Azerbaijani)
// and a warning. It never panics.
func Extract(text []byte, opts Options) (d *Draft, err error) {
	defer func() {
		// A bug must not take the server down with it; FuzzExtract calls
		// extract directly so that such bugs are found.
		if r := recover(); r != nil {
			d, err = nil, domain.Errorf(domain.EINTERNAL, "ingest: could not read the report: %v", r)
		}
	}()
	return extract(text, opts)
}

func extract(text []byte, opts Options) (*Draft, error) {
	if err := checkInput(text, opts.MaxBytes); err != nil {
		return nil, err
	}
	g := opts.Gazetteer
	if g == nil {
		g = defaultGazetteer()
	}
	g.compile()
	doc := newDocument(text)
	ex := &extractor{doc: doc, g: g, d: newDraft(), pub: opts.Published}
	if ex.pub.IsZero() {
		ex.pub = doc.pub
	}
	ex.d.Source.URL = doc.url
	if !doc.pub.IsZero() {
		ex.d.Source.Published = doc.pub.String()
	} else if !opts.Published.IsZero() {
		ex.d.Source.Published = opts.Published.String()
	}
	var body strings.Builder
	for _, p := range doc.paras {
		if !p.meta {
			body.WriteString(doc.text[p.start:p.end])
			body.WriteByte('\n')
		}
	}
	lang, english := detectLanguage(body.String())
	ex.d.Language = lang
	if len(doc.paras) == 0 {
		ex.warn("no text left once page furniture was removed")
		return ex.d, nil
	}
	if !english {
		ex.foreign(lang)
		return ex.d, nil
	}
	ex.split()
	ex.acronyms()
	ex.meeting()
	ex.organisers()
	ex.speakers()
	ex.publications()
	ex.recommendations()
	ex.tags()
	ex.check()
	return ex.d, nil
}

// builtin is Default(), compiled once and shared by every Extract without
// a Gazetteer of its own; it is never handed out, so never changed.
var builtin struct {
	once sync.Once
	g    *Gazetteer
}

func defaultGazetteer() *Gazetteer {
	builtin.once.Do(func() {
		builtin.g = Default()
		builtin.g.compile()
	})
	return builtin.g
}

// extractor holds the state of one Extract.
type extractor struct {
	doc   *document
	g     *Gazetteer
	d     *Draft
	pub   domain.Date
	sents []sentence
	acr   []acronymDef
	acrX  *acronymIndex
	// the council the report is about, and its mentions
	council      *councilGroup
	meetingSents []int // indexes into sents
	people       []*person
	peopleX      *peopleIndex
	unfinished   []*person // people whose title may need finishTitle
	bigrams      *bigrams  // of the sentence sentFold gave last
}

func (ex *extractor) warn(format string, args ...any) {
	ex.d.Warnings = append(ex.d.Warnings, sprintf(format, args...))
}

func (ex *extractor) text(s span) string { return ex.doc.text[s.start:s.end] }

func (ex *extractor) ev(s span, conf float64) Evidence { return ex.doc.evidence(s, conf) }

// sentFold returns fold of sentence i (for the patterns' tests): folded
// once, and indexed by its byte pairs until another sentence is.
func (ex *extractor) sentFold(i int) foldedText {
	s := &ex.sents[i]
	if !s.folded {
		s.fold, s.folded = fold(ex.text(s.s)), true
	}
	if ex.bigrams == nil {
		ex.bigrams = &bigrams{of: -1}
	}
	if ex.bigrams.of != i {
		ex.bigrams.set(i, s.fold)
	}
	return foldedText{s: s.fold, bigrams: ex.bigrams, id: i}
}

// searchFrom returns where in sentence i a search for the leftmost
// match(es) of p can begin: lead bytes (but for white space) before the
// first literal of p's first clause, as no match starts earlier, and none
// starts there (it would hold lead bytes before its literal), so what
// stands before does not matter. Without a lead, or when fold did not
// keep the sentence's offsets, it is the sentence's start.
func (ex *extractor) searchFrom(p *pattern, i int) int {
	s := ex.sents[i].s
	f := ex.sentFold(i)
	if p.lead == 0 || len(f.s) != s.end-s.start {
		return s.start
	}
	return ex.doc.tailStart(s.start, s.start+p.first(f), p.lead, false)
}

// findAllIn is p.FindAllStringSubmatchIndex of sentence i, in offsets of
// the sentence, searched from searchFrom on (the matches are the same: the
// first is the leftmost, and each next one is looked for after the last).
func (ex *extractor) findAllIn(p *pattern, i int) [][]int {
	s := ex.sents[i].s
	from := ex.searchFrom(p, i)
	ms := p.FindAllStringSubmatchIndex(ex.doc.text[from:s.end], -1)
	for _, m := range ms {
		for k := range m {
			if m[k] >= 0 {
				m[k] += from - s.start
			}
		}
	}
	return ms
}

// split cuts the body paragraphs into sentences.
func (ex *extractor) split() {
	for i, p := range ex.doc.paras {
		if p.meta {
			continue
		}
		for _, s := range sentences(ex.doc.text, span{p.start, p.end}) {
			ex.sents = append(ex.sents, sentence{s: s, para: i, bullet: p.bullet})
		}
	}
}

// acronymDef is "Full Name (ACR)" or "Full Name (ACR, Country)".
type acronymDef struct {
	full, acr string
	country   string // a country ID
	fullS     span
	acrS      span
}

var acrContentRe = regexp.MustCompile(`^(?:[A-ZА-ЯС][A-ZА-Я0-9&]{1,9}(?:\s[A-Z][a-z]+)?|[A-Z][a-z]{1,3}\s(?:Center|Centre))$`)

var connectors = wordSet("of for the and on in at & de")

// cutWords end an institution's name going backwards: titles and the like.
var cutWords = wordSet(strings.ToLower(`Chairman Chairwoman Chair Director General Head Chief President Board Member Ambassador Minister
Deputy Advisor Adviser Assistant Secretary Coordinator Professor Fellow Researcher Editor Rector Dean Representative Envoy
Spokesperson Founder Counsellor Analyst Manager Officer Leader Directors Management MP by with from to between`))

// acronyms finds the acronyms the text defines.
func (ex *extractor) acronyms() {
	t := ex.doc.text
	for _, p := range ex.doc.paras {
		if p.meta {
			continue
		}
		pt := t[p.start:p.end]
		closing := -1 // the first ')' at or after i
		for i := 0; i < len(pt); i++ {
			if pt[i] != '(' {
				continue
			}
			if closing < i {
				j := strings.IndexByte(pt[i:], ')')
				if j < 0 {
					break
				}
				closing = i + j
			}
			inner := pt[i+1 : closing]
			// "(ACR)" or "(ACR, Country)": look for the comma only where an
			// acronym may end, so that a run of "(" before one ")" is not
			// read again and again.
			acr, country, hasCountry := inner, "", false
			k := strings.IndexByte(inner[:min(len(inner), maxAcronymBytes)], ',')
			switch {
			case k > 0:
				acr, country, hasCountry = inner[:k], inner[k+1:], true
			case k == 0:
				continue // ", ...": not an acronym
			case len(inner) > maxAcronymBytes:
				continue // too long to be an acronym
			}
			acr = strings.TrimSpace(acr)
			if !acrContentRe.MatchString(acr) && !mixedAcronym(acr) {
				continue
			}
			// Walk back over capitalised words and connectors.
			end := i
			for end > 0 && pt[end-1] == ' ' {
				end--
			}
			start := end
			words := 0
			for start > 0 {
				k := strings.LastIndexByte(pt[:start-1], ' ')
				w := pt[k+1 : start]
				w = strings.TrimSpace(w)
				if w == "" {
					break
				}
				lw := strings.ToLower(stripPossessive(w))
				if cutWords[lw] || strings.ContainsAny(w, `,.;:()“”"«»`) || (!capitalised(w) && !connectors[lw]) || strings.HasSuffix(lw, "-based") {
					break
				}
				start = k + 1
				words++
				if k < 0 {
					start = 0
					break
				}
			}
			// "the X Club and the Y Institute (ACR)": the acronym is Y's
			if k := strings.LastIndex(pt[start:end], " and the "); k >= 0 {
				start += k + len(" and ")
			}
			s := trimLeadingWords(t, span{p.start + start, p.start + end}, "the", "of", "for", "and", "on", "in", "at")
			// drop trailing connectors
			full := t[s.start:s.end]
			if len(strings.Fields(full)) < 2 || !capitalised(full) {
				continue
			}
			def := acronymDef{full: full, acr: acr, fullS: s, acrS: span{p.start + i + 1, p.start + i + 1 + len(acr)}}
			if hasCountry {
				def.country = ex.g.countryOfWord(country)
			}
			ex.acr = append(ex.acr, def)
		}
	}
	ex.indexAcronyms()
}

// maxAcronymBytes is the longest text in parentheses (up to a comma) read
// as an acronym.
const maxAcronymBytes = 256

// acronymIndex finds the acronym definitions that a name, a prefix or a
// span involves without going through all of them each time.
type acronymIndex struct {
	byNormAcr, byNormFull map[string]int   // NormalizeName -> first definition
	byAcr                 map[string][]int // definitions of an acronym, in order
	maxAcr                int              // the longest acronym, in bytes
	starts                *prefixSet       // every acronym and full name
	// definitions by fullS.start, with the greatest acrS.end and fullS.end
	// of those up to each
	byStart               []int
	maxAcrEnd, maxFullEnd []int
	// the country an acronym's first and last definitions with one give
	firstCountry, lastCountry map[string]string
}

func (ex *extractor) indexAcronyms() {
	x := &acronymIndex{byNormAcr: map[string]int{}, byNormFull: map[string]int{}, byAcr: map[string][]int{},
		starts: newPrefixSet(), firstCountry: map[string]string{}, lastCountry: map[string]string{}}
	for i, a := range ex.acr {
		if n := normalizeName(a.acr); !hasKey(x.byNormAcr, n) {
			x.byNormAcr[n] = i
		}
		if n := normalizeName(a.full); !hasKey(x.byNormFull, n) {
			x.byNormFull[n] = i
		}
		x.byAcr[a.acr] = append(x.byAcr[a.acr], i)
		x.maxAcr = max(x.maxAcr, len(a.acr))
		x.starts.add(a.acr)
		x.starts.add(a.full)
		x.byStart = append(x.byStart, i)
		if a.country != "" {
			if _, ok := x.firstCountry[a.acr]; !ok {
				x.firstCountry[a.acr] = a.country
			}
			x.lastCountry[a.acr] = a.country
		}
	}
	sort.SliceStable(x.byStart, func(i, j int) bool { return ex.acr[x.byStart[i]].fullS.start < ex.acr[x.byStart[j]].fullS.start })
	x.maxAcrEnd = make([]int, len(x.byStart))
	x.maxFullEnd = make([]int, len(x.byStart))
	for k, i := range x.byStart {
		x.maxAcrEnd[k], x.maxFullEnd[k] = ex.acr[i].acrS.end, ex.acr[i].fullS.end
		if k > 0 {
			x.maxAcrEnd[k] = max(x.maxAcrEnd[k], x.maxAcrEnd[k-1])
			x.maxFullEnd[k] = max(x.maxFullEnd[k], x.maxFullEnd[k-1])
		}
	}
	ex.acrX = x
}

func hasKey[K comparable, V any](m map[K]V, k K) bool {
	_, ok := m[k]
	return ok
}

// before returns how many definitions (by fullS.start) start before i.
func (x *acronymIndex) before(ex *extractor, i int) int {
	return sort.Search(len(x.byStart), func(k int) bool { return ex.acr[x.byStart[k]].fullS.start >= i })
}

// defining reports whether a definition stretches over i: a.fullS.start <
// i <= a.acrS.end.
func (ex *extractor) defining(i int) bool {
	x := ex.acrX
	k := x.before(ex, i)
	return k > 0 && x.maxAcrEnd[k-1] >= i
}

// overlapping returns the definitions whose full name overlaps s, in order.
func (ex *extractor) overlapping(s span) []int {
	x := ex.acrX
	var out []int
	for k := x.before(ex, s.end) - 1; k >= 0 && x.maxFullEnd[k] > s.start; k-- {
		if i := x.byStart[k]; overlaps(ex.acr[i].fullS, s) {
			out = append(out, i)
		}
	}
	sort.Ints(out)
	return out
}

// leadingAcronyms returns the definitions whose acronym and a space begin
// T, in order.
func (ex *extractor) leadingAcronyms(T string) []int {
	x := ex.acrX
	var out []int
	for k := 1; k <= x.maxAcr && k < len(T); k++ {
		if T[k] == ' ' {
			out = append(out, x.byAcr[T[:k]]...)
		}
	}
	sort.Ints(out)
	return out
}

// prefixSet tells whether one of its strings begins a text.
type prefixSet struct {
	edges map[uint64]uint32 // node<<8 | byte -> node
	end   []bool            // a string ends at the node
}

func newPrefixSet() *prefixSet { return &prefixSet{edges: map[uint64]uint32{}, end: []bool{false}} }

func (p *prefixSet) add(s string) {
	n := uint32(0)
	for i := 0; i < len(s); i++ {
		k := uint64(n)<<8 | uint64(s[i])
		next, ok := p.edges[k]
		if !ok {
			next = uint32(len(p.end))
			p.end = append(p.end, false)
			p.edges[k] = next
		}
		n = next
	}
	p.end[n] = true
}

// begins reports whether one of the strings is a prefix of s.
func (p *prefixSet) begins(s string) bool {
	n := uint32(0)
	if p.end[n] {
		return true
	}
	for i := 0; i < len(s); i++ {
		next, ok := p.edges[uint64(n)<<8|uint64(s[i])]
		if !ok {
			return false
		}
		n = next
		if p.end[n] {
			return true
		}
	}
	return false
}

// expand returns the full name an acronym stands for, and the acronym of a
// full name, as the text defines them.
func (ex *extractor) expand(name string) (full, acr string) {
	n := normalizeName(name)
	i, ok := ex.acrX.byNormAcr[n]
	if j, ok2 := ex.acrX.byNormFull[n]; ok2 && (!ok || j < i) {
		i, ok = j, true
	}
	if ok {
		return ex.acr[i].full, ex.acr[i].acr
	}
	return name, ""
}

// tags finds the initiatives, themes and countries of the whole report.
func (ex *extractor) tags() {
	n := 0
	for _, p := range ex.doc.paras {
		n += p.end - p.start
	}
	toks := make([]token, 0, n/5+1)
	for _, p := range ex.doc.paras {
		if !p.meta {
			toks = append(toks, tokenize(ex.doc.text[p.start:p.end], p.start)...)
		}
	}
	ex.d.Initiatives = ex.tagList(ex.g.initM.find(toks), ex.g.Initiatives, 0.85)
	ex.d.Countries = ex.tagList(ex.g.countryM.find(toks), ex.g.Countries, 0.8)
	// Themes of the meeting: those of its recommendations and of its
	// announced theme; without recommendations, those the report keeps
	// coming back to.
	seen := map[string]bool{}
	var themes []Tag
	for _, r := range ex.d.Recommendations {
		for _, t := range r.Themes {
			if !seen[t.ID] {
				seen[t.ID] = true
				themes = append(themes, t)
			}
		}
	}
	if ev, ok := ex.d.Meeting.Evidence["theme"]; ok && ex.d.Meeting.Theme != "" {
		_ = ev
		for _, h := range ex.g.themeHits(tokenize(ex.d.Meeting.Theme, 0)) {
			if !seen[h.id] {
				seen[h.id] = true
				themes = append(themes, Tag{ID: h.id, Name: ex.themeName(h.id), Evidence: ex.d.Meeting.Evidence["theme"]})
			}
		}
	}
	if len(ex.d.Recommendations) == 0 {
		count := map[string]int{}
		first := map[string]span{}
		for _, h := range ex.g.themeHits(toks) {
			count[h.id]++
			if _, ok := first[h.id]; !ok {
				first[h.id] = h.s
			}
		}
		var ids []string
		for id, n := range count {
			if n >= 2 && !seen[id] {
				ids = append(ids, id)
			}
		}
		sort.Slice(ids, func(i, j int) bool { return first[ids[i]].start < first[ids[j]].start })
		for _, id := range ids {
			themes = append(themes, Tag{ID: id, Name: ex.themeName(id), Evidence: ex.ev(first[id], 0.6)})
		}
	}
	ex.d.Themes = themes
	if ex.d.Themes == nil {
		ex.d.Themes = []Tag{}
	}
}

func (ex *extractor) themeName(id string) string {
	for _, r := range ex.g.Themes {
		if r.ID == id {
			return r.Name
		}
	}
	return id
}

// tagList turns hits into tags, one per ID, at its first mention.
func (ex *extractor) tagList(hits []hit, entries []Entry, conf float64) []Tag {
	out := []Tag{}
	seen := map[string]bool{}
	for _, h := range hits {
		if seen[h.id] {
			continue
		}
		seen[h.id] = true
		name := h.id
		if e := ex.g.entry(entries, h.id); e != nil {
			name = e.Name
		}
		out = append(out, Tag{ID: h.id, Name: name, Evidence: ex.ev(h.s, conf)})
	}
	return out
}

// check adds warnings for what a reviewer must fill in.
func (ex *extractor) check() {
	m := ex.d.Meeting
	if m.Council == "" {
		ex.warn("no council named: the meeting may be a one-off event, or the council's name is not in a known form")
	}
	if m.Date == "" {
		ex.warn("no date of the meeting found")
	}
	if m.City == "" {
		ex.warn("no city of the meeting found")
	}
	if len(ex.d.Speakers) == 0 {
		ex.warn("no speakers found")
	}
}

func sprintf(format string, args ...any) string {
	if len(args) == 0 {
		return format
	}
	return fmt.Sprintf(format, args...)
}

// runeLen is the length of s in code points.
func runeLen(s string) int { return utf8.RuneCountInString(s) }

// mixedAcronym reports an acronym in mixed case: "KazISS", "CAIRA".
func mixedAcronym(s string) bool {
	n := utf8.RuneCountInString(s)
	if n < 2 || n > 10 || strings.ContainsAny(s, " ,.") || !capitalised(s) {
		return false
	}
	up := 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			up++
		}
	}
	return up >= 2
}
