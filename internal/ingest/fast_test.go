package ingest

// Tests of the shortcuts that keep extraction linear: each claims to give
// what the plain computation gives (a pattern searched over a whole
// sentence, a string folded by the standard library), and each is checked
// here against it, on random texts built to hold matches.

import (
	"math/rand"
	"reflect"
	"regexp"
	"regexp/syntax"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// pool holds the characters random texts are made of: ASCII, white space
// of each kind, the letters that fold to ASCII ones (KELVIN SIGN, LONG S),
// dashes, quotes, punctuation, Cyrillic, and bytes that are not UTF-8.
var pool = []string{"a", "e", "s", "k", "t", "o", "n", "r", "d", "A", "S", "K", "T", "I", "B", "M", "J",
	"0", "1", "2", "9", " ", " ", " ", "  ", "\t", "\n", "\r", "\f", "\u00a0", "\u212a", "\u017f", "é", "É", "ü",
	"–", "—", "-", "‑", "“", "”", "\"", "«", "»", "’", "'", ",", ".", ";", ":", "(", ")", "_", "&", "+",
	"д", "Я", "\xff", "\xe2\x80", "ə"}

var poolWords = []string{"the", "of", "and", "said", "Ivan", "Petrov", "Council", "Director", "Russia", "Azerbaijan",
	"Russia–Azerbaijan", "Expert", "meeting", "third", "5th", "June", "May", "2023", "14", "in", "at", "by",
	"according", "to", "according to", "as quoted by", "next", "previous", "capital", "Baku", "moderated",
	"Opening", "remarks", "were", "delivered", "Forum", "Think Tanks", "of Azerbaijan–Türkiye", "themed",
	"organized", "Institute", "Center", "noted", "stressed", "also", "’s", "'s", ", ", "read more", "(photo)"}

// randomText returns n pieces of pool, poolWords and runs of one of them.
func randomText(r *rand.Rand, n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		switch x := r.Intn(20); {
		case x < 9:
			b.WriteString(pool[r.Intn(len(pool))])
		case x < 18:
			b.WriteString(poolWords[r.Intn(len(poolWords))])
			b.WriteString(" ")
		default:
			p := pool[r.Intn(len(pool))]
			if r.Intn(2) == 0 {
				p = poolWords[r.Intn(len(poolWords))]
			}
			b.WriteString(strings.Repeat(p, 1+r.Intn(300)))
		}
	}
	return b.String()
}

// generate writes a random string that re (parsed) likely matches.
func generate(r *rand.Rand, re *syntax.Regexp, b *strings.Builder) {
	pick := func(ok func(rune) bool) rune {
		for i := 0; i < 20; i++ {
			p := []rune(pool[r.Intn(len(pool))])
			if len(p) > 0 && ok(p[0]) {
				return p[0]
			}
		}
		return -1
	}
	switch re.Op {
	case syntax.OpLiteral:
		for _, c := range re.Rune {
			if re.Flags&syntax.FoldCase != 0 {
				for n := r.Intn(4); n > 0; n-- {
					c = unicode.SimpleFold(c)
				}
			}
			b.WriteRune(c)
		}
	case syntax.OpCharClass:
		in := func(c rune) bool {
			for i := 0; i+1 < len(re.Rune); i += 2 {
				if re.Rune[i] <= c && c <= re.Rune[i+1] {
					return true
				}
			}
			return false
		}
		if c := pick(in); c >= 0 && r.Intn(3) > 0 {
			b.WriteRune(c)
		} else if len(re.Rune) > 0 {
			i := 2 * r.Intn(len(re.Rune)/2)
			b.WriteRune(re.Rune[i] + rune(r.Intn(int(min(re.Rune[i+1]-re.Rune[i], 3))+1)))
		}
	case syntax.OpAnyCharNotNL, syntax.OpAnyChar:
		if c := pick(func(c rune) bool { return c != '\n' }); c >= 0 {
			b.WriteRune(c)
		}
	case syntax.OpCapture:
		generate(r, re.Sub[0], b)
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
		lo, hi := 0, 3
		switch re.Op {
		case syntax.OpPlus:
			lo = 1
		case syntax.OpQuest:
			hi = 1
		case syntax.OpRepeat:
			lo, hi = re.Min, re.Max
			if hi < 0 || hi > lo+3 {
				hi = lo + 3
			}
		}
		if r.Intn(4) == 0 {
			hi = max(hi, lo+40) // now and then, a long run
		}
		for n := lo + r.Intn(hi-lo+1); n > 0; n-- {
			generate(r, re.Sub[0], b)
		}
	case syntax.OpConcat:
		for _, s := range re.Sub {
			generate(r, s, b)
		}
	case syntax.OpAlternate:
		generate(r, re.Sub[r.Intn(len(re.Sub))], b)
	}
}

// matching returns n random texts, most holding matches of re.
func matching(t *testing.T, r *rand.Rand, re *regexp.Regexp, n int) []string {
	parsed, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for i := 0; i < n; i++ {
		var b strings.Builder
		if r.Intn(3) > 0 {
			b.WriteString(randomText(r, r.Intn(4)))
		}
		for k := 1 + r.Intn(3); k > 0; k-- {
			generate(r, parsed, &b)
			if r.Intn(2) == 0 {
				b.WriteString(randomText(r, r.Intn(3)))
			}
		}
		out = append(out, b.String())
	}
	return out
}

// scaled returns n, or a quarter of it with -short.
func scaled(t *testing.T, n int) int {
	if testing.Short() {
		return n / 4
	}
	return n
}

// patterns are the patterns with literal tests, by name.
func patterns() map[string]*pattern {
	m := map[string]*pattern{"verbBefore": verbBeforeRe, "subjectVerb": subjectVerbRe, "theme": themeRe, "themeTopic": themeTopicRe,
		"format": formatRe, "organisedBy": organisedByRe, "presented": presentedPubRe, "announced": announcedPubRe,
		"mdy": mdyRe, "dmy": dmyRe, "my": myRe, "year": yearRe, "eventNoun": eventNounRe, "eventVerb": eventVerbRe,
		"proposal": proposalRe, "agreement": agreementRe, "followUp": followUpRe, "recs5": hoistedRecs5Re}
	for i, li := range listIntros {
		m["intro"+string(rune('a'+i))] = li.re
	}
	g := defaultGazetteer()
	m["council1"], m["council2"] = g.councilForm1.pattern, g.councilForm2.pattern
	return m
}

// TestPatternLiterals checks that a text a pattern matches passes its test
// of literals (with and without the index of byte pairs), and that a
// search from searchFrom finds the matches a search of the whole finds.
func TestPatternLiterals(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for name, p := range patterns() {
		matched := 0
		for _, s := range matching(t, r, p.Regexp, scaled(t, 150)) {
			want := p.FindAllStringSubmatchIndex(s, -1)
			if want == nil {
				continue
			}
			matched++
			f := fold(s)
			var bg bigrams
			bg.set(7, f)
			if !p.mayString(f) || !p.may(foldedText{s: f, bigrams: &bg, id: 7}) {
				t.Fatalf("%s: %q matches, but its literals %q are not all there", name, s, p.need)
			}
			ex := &extractor{doc: &document{text: s, orig: []byte(s)}, sents: []sentence{{s: span{0, len(s)}}}}
			if got := ex.findAllIn(p, 0); !reflect.DeepEqual(got, want) {
				t.Fatalf("%s: in %q, from %d: %v, want %v", name, s, ex.searchFrom(p, 0), got, want)
			}
		}
		if matched < scaled(t, 150)/15 {
			t.Errorf("%s: only %d texts match: the test tests little", name, matched)
		}
	}
}

// TestCouncilPatterns checks that findAll of the council patterns (tried
// at the starts of country words, or in parts of a sentence) finds what a
// search of the whole sentence finds.
func TestCouncilPatterns(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	g := defaultGazetteer()
	for _, p := range []*councilPattern{g.councilForm1, g.councilForm2} {
		for _, s := range matching(t, r, p.Regexp, scaled(t, 300)) {
			want := p.FindAllStringSubmatchIndex(s, -1)
			if got := p.findAll(s); !reflect.DeepEqual(got, want) {
				t.Fatalf("in %q: %v, want %v", s, got, want)
			}
		}
	}
}

// TestDatePatterns checks the date patterns tried at months' names and at
// numbers against a search of the whole text.
func TestDatePatterns(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	for _, c := range []struct {
		p      *pattern
		t      *tries
		starts func(s, f string) []int
	}{
		{mdyRe, mdyTries, func(s, f string) []int { return monthStarts(f) }},
		{dmyRe, dmyTries, func(s, f string) []int { return numberStarts(s) }},
		{myRe, myTries, func(s, f string) []int { return monthStarts(f) }},
		{&pattern{Regexp: isoRe}, isoTries, func(s, f string) []int { return numberStarts(s) }},
		{&pattern{Regexp: dotRe}, dotTries, func(s, f string) []int { return numberStarts(s) }},
	} {
		for _, s := range matching(t, r, c.p.Regexp, scaled(t, 300)) {
			f := fold(s)
			if len(f) != len(s) {
				continue
			}
			want := c.p.FindAllStringSubmatchIndex(s, -1)
			if got := c.t.findAt(s, c.starts(s, f), nil); !reflect.DeepEqual(got, want) {
				t.Fatalf("%s in %q: %v, want %v", c.p, s, got, want)
			}
		}
	}
}

// TestTailStart checks the patterns anchored at the end of a text against
// the tail tailStart gives.
func TestTailStart(t *testing.T) {
	r := rand.New(rand.NewSource(4))
	for _, c := range []struct {
		re   *regexp.Regexp
		k    int
		word bool
	}{
		{notThisMeetingRe, tailBytes, false},
		{ordMeetingRe, tailBytes, false},
		{cityCueBefore, tailBytes, true},
		{hoistedSpeakers4Re, tailBytes, false},
	} {
		for _, s := range matching(t, r, c.re, scaled(t, 300)) {
			d := &document{text: s}
			for _, end := range []int{len(s), len(s) / 2} {
				if end > 0 && end < len(s) && s[end]&0xC0 == 0x80 {
					continue
				}
				from := d.tailStart(0, end, c.k, c.word)
				want := c.re.FindStringSubmatchIndex(s[:end])
				got := c.re.FindStringSubmatchIndex(s[from:end])
				for i := range got {
					if got[i] >= 0 {
						got[i] += from
					}
				}
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("%s in %q (from %d): %v, want %v", c.re, s[:end], from, got, want)
				}
			}
		}
	}
}

// TestVerbAfter checks mayVerbAfter against verbAfterRe.
func TestVerbAfter(t *testing.T) {
	r := rand.New(rand.NewSource(5))
	n := 0
	for _, s := range matching(t, r, verbAfterRe, scaled(t, 2000)) {
		for _, x := range []string{s, s[min(len(s), 1):]} {
			if verbAfterRe.MatchString(x) {
				n++
				if !mayVerbAfter(x) {
					t.Fatalf("verbAfterRe matches %q, but mayVerbAfter says it cannot", x)
				}
			}
		}
	}
	if n < scaled(t, 2000)/20 {
		t.Errorf("only %d texts match", n)
	}
}

// TestVerbBefore checks verbBeforeScan against verbBeforeRe searched over
// all the sentence before each word.
func TestVerbBefore(t *testing.T) {
	r := rand.New(rand.NewSource(6))
	for _, s := range matching(t, r, verbBeforeRe.Regexp, scaled(t, 150)) {
		s += " Ivan Petrov"
		ex := &extractor{doc: &document{text: s, orig: []byte(s)}, sents: []sentence{{s: span{0, len(s)}}}}
		v := &verbBeforeScan{ex: ex, s: span{0, len(s)}, folded: fold(s)}
		for _, w := range words(s, span{0, len(s)}) {
			to := w.span.start
			// from: as speechSentence has it
			from := ex.doc.tailStart(0, to, verbBeforeBytes, false)
			if k := strings.LastIndexAny(s[:to], ",.;“”\""); k >= 0 {
				_, wd := utf8.DecodeRuneInString(s[k:])
				from = max(from, k+wd)
			}
			want := verbBeforeRe.FindStringSubmatchIndex(s[:to])
			got := v.find(from, to)
			for i := range got {
				if got[i] >= 0 {
					got[i] += from
				}
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("before %d in %q: %v, want %v", to, s, got, want)
			}
		}
	}
}

// originalFurnitureRe is furnitureRe as one pattern, as it was.
var originalFurnitureRe = regexp.MustCompile(`(?i)^(?:rate this (?:article|news|material)|\(?votes?:?\s*\d+(?:,\s*rating:?\s*[\d.,]+)?\)?|\(?\d+\s+votes?\)?|rating:?\s*[\d.,]+|share(?: this)?(?: article| news| on \w+)?|tweet|print|e-?mail|poll(?: conducted| results)?|vote|results|read more|tags:?|latest|related(?: articles| news)?|leave a reply|back to top(?: button)?|for (?:business|researchers|students|media|partners|experts)|subscribe.*|stay up-to-date.*|follow us.*|your email address will not be published.*|required fields are marked.*|comments?|home|menu|search|login|log in|sign in|sign up|register|advertisement|photo|video|source:.*|details added.*|\+\s*↺\s*−.*|.{0,40}\bread more|[\p{Cyrillic}\s]{1,40}|.{0,60}\(\s*photos?\s*\)|.{0,60}\(\s*video\s*\))$`)

func TestIsFurniture(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	for _, s := range matching(t, r, originalFurnitureRe, scaled(t, 3000)) {
		for _, x := range []string{s, strings.TrimSpace(s), s + ")", "x" + s} {
			if got, want := isFurniture(x), originalFurnitureRe.MatchString(x); got != want {
				t.Fatalf("isFurniture(%q) = %v, want %v", x, got, want)
			}
		}
	}
}

// TestFirstMatch checks firstMatch against a search from each start.
func TestFirstMatch(t *testing.T) {
	r := rand.New(rand.NewSource(8))
	for _, re := range []*regexp.Regexp{titleWordRe, hoistedSpeakers5Re, instHeads} {
		anchored := anchoredRe(re)
		for _, s := range matching(t, r, re, scaled(t, 100)) {
			end := len(s)
			f := newFirstMatch(re, anchored, s, end)
			for from := 0; from < end; from += 1 + r.Intn(8+end/20) {
				if s[from]&0xC0 == 0x80 {
					continue
				}
				want := re.FindStringIndex(s[from:end])
				if want != nil {
					want[0], want[1] = want[0]+from, want[1]+from
				}
				if got := f.at(from); !reflect.DeepEqual(got, want) {
					t.Fatalf("%s in %q from %d: %v, want %v", re, s, from, got, want)
				}
			}
		}
	}
}

// TestStringShortcuts checks the string functions rewritten for speed
// against what they replace.
func TestStringShortcuts(t *testing.T) {
	r := rand.New(rand.NewSource(9))
	words := []string{"RIAC", "AIR Center", "АБВ", "a_b"}
	var wordRes []*regexp.Regexp
	for _, w := range words {
		wordRes = append(wordRes, regexp.MustCompile(`\b`+regexp.QuoteMeta(w)+`\b`))
	}
	for i := 0; i < scaled(t, 1500); i++ {
		s := randomText(r, r.Intn(12))
		s = s[:min(len(s), 3000)]
		if s := s[:min(len(s), 200)]; normalizeName(s) != domain.NormalizeName(s) {
			t.Fatalf("normalizeName(%q) = %q, want %q", s, normalizeName(s), domain.NormalizeName(s))
		}
		if got, want := collapse(s), strings.Join(strings.FieldsFunc(s, isSpaceRune), " "); got != want {
			t.Fatalf("collapse(%q) = %q, want %q", s, got, want)
		}
		if got, want := endsWithFor(s), strings.HasSuffix(strings.ToLower(strings.TrimSpace(s)), "for"); got != want {
			t.Fatalf("endsWithFor(%q) = %v", s, got)
		}
		if f, s2 := nextField(s); f != firstOf(strings.Fields(s)) || strings.Join(strings.Fields(s2), " ") != strings.Join(strings.Fields(s)[min(1, len(strings.Fields(s))):], " ") {
			t.Fatalf("nextField(%q) = %q, %q", s, f, s2)
		}
		for k, w := range words {
			x := s + w + randomText(r, 2)
			want := wordRes[k].MatchString(x)
			if got := containsWord(x, w); got != want {
				t.Fatalf("containsWord(%q, %q) = %v, want %v", x, w, got, want)
			}
		}
		// the last of a set of runes, found piece by piece
		lf := newLastFinder(s, 0, 3, func(x string) int { return strings.LastIndexAny(x, boundaryChars) })
		for p := 0; p <= len(s); p += 1 + r.Intn(5) {
			if p < len(s) && s[p]&0xC0 == 0x80 {
				continue // names start at characters
			}
			if got, want := lf.at(p), strings.LastIndexAny(s[:p], boundaryChars); got != want {
				t.Fatalf("lastFinder at %d in %q: %d, want %d", p, s, got, want)
			}
		}
	}
}

func firstOf(ss []string) string {
	if len(ss) == 0 {
		return ""
	}
	return ss[0]
}

// TestTitleCand checks titleCand against the trimming it stands for.
func TestTitleCand(t *testing.T) {
	r := rand.New(rand.NewSource(10))
	for i := 0; i < scaled(t, 2000); i++ {
		s := randomText(r, 1+r.Intn(10))
		ex := &extractor{doc: &document{text: s}}
		sc := &sentenceScan{s: span{0, len(s)}, candStart: map[int]int{}}
		a := r.Intn(len(s) + 1)
		for a < len(s) && s[a]&0xC0 == 0x80 {
			a++
		}
		for e := a; e <= len(s); e += 1 + r.Intn(7) {
			if e < len(s) && s[e]&0xC0 == 0x80 {
				continue
			}
			want := trimLeadingWords(s, trimPunct(s, span{a, e}), titleLeadWords...)
			if got := ex.titleCand(sc, a, e); got != want && (got.end > got.start || want.end > want.start) {
				t.Fatalf("titleCand(%d, %d) in %q = %v, want %v", a, e, s, got, want)
			}
		}
	}
}
