package ingest

import (
	"regexp"
	"regexp/syntax"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A pattern is a regexp with a cheap test that rules out most texts it
// cannot match: the literals its matches must hold. Go's regexp tries
// every alternative of a pattern at every byte, which makes patterns of
// long alternations (speech verbs, country words) slow; most sentences
// hold none of their words, and strings.Contains says so much faster.
type pattern struct {
	*regexp.Regexp
	// each match holds a literal of every clause (folded: see fold)
	need [][]string
	// lead, when not 0, bounds what a match holds before its first
	// literal of need[0]: fewer bytes than lead, but for ASCII white
	// space (see searchFrom; TestPatternLiterals checks it)
	lead int
}

// withLead sets p.lead.
func (p *pattern) withLead(n int) *pattern {
	p.lead = n
	return p
}

func mustPattern(expr string) *pattern {
	re := regexp.MustCompile(expr)
	return &pattern{Regexp: re, need: needs(expr)}
}

// may reports whether a text whose fold is f may hold a match (of the
// pattern, in the text or any part of it).
func (p *pattern) may(f foldedText) bool {
	for _, clause := range p.need {
		found := false
		for _, lit := range clause {
			if f.has(lit) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// mayString is may for a text whose fold is folded.
func (p *pattern) mayString(folded string) bool { return p.may(foldedText{s: folded}) }

// foldedText is the fold of a text, and maybe the pairs of bytes it holds
// (a bit each, in bigrams), which rule out most literals at once.
type foldedText struct {
	s       string
	bigrams *bigrams
	id      int // the text bigrams must be of
}

// bigrams are the pairs of bytes of one text: the text with id of.
type bigrams struct {
	bits [1 << 16 / 64]uint64
	of   int
	text string
}

func (b *bigrams) pair(x, y byte) (int, uint64) {
	k := int(x)<<8 | int(y)
	return k >> 6, 1 << (k & 63)
}

// set makes b the pairs of s, the text with id.
func (b *bigrams) set(id int, s string) {
	for i := 0; i+1 < len(b.text); i++ {
		w, m := b.pair(b.text[i], b.text[i+1])
		b.bits[w] &^= m
	}
	for i := 0; i+1 < len(s); i++ {
		w, m := b.pair(s[i], s[i+1])
		b.bits[w] |= m
	}
	b.of, b.text = id, s
}

// has reports whether the text holds lit.
func (f foldedText) has(lit string) bool {
	if f.bigrams != nil && f.bigrams.of == f.id {
		for i := 0; i+1 < len(lit); i++ {
			w, m := f.bigrams.pair(lit[i], lit[i+1])
			if f.bigrams.bits[w]&m == 0 {
				return false
			}
		}
	}
	return strings.Contains(f.s, lit)
}

// occurrences returns where in folded the literals of the pattern's first
// clause start, in order: every match holds one. (Offsets of the folded
// text: those of the text itself when fold kept its length.)
func (p *pattern) occurrences(f foldedText) []int {
	if len(p.need) == 0 {
		return nil
	}
	folded := f.s
	var out []int
	for _, lit := range p.need[0] {
		if !f.has(lit) {
			continue
		}
		for i := 0; ; {
			k := strings.Index(folded[i:], lit)
			if k < 0 {
				break
			}
			out = append(out, i+k)
			i += k + 1
		}
	}
	sort.Ints(out)
	return out
}

// first returns where in f the first literal of the pattern's first
// clause starts, or len(f.s).
func (p *pattern) first(f foldedText) int {
	k := len(f.s)
	if len(p.need) == 0 {
		return 0
	}
	for _, lit := range p.need[0] {
		if f.has(lit) {
			if i := strings.Index(f.s[:min(len(f.s), k+len(lit))], lit); i >= 0 && i < k {
				k = i
			}
		}
	}
	return k
}

// findAll is FindAllStringSubmatchIndex(s, -1), where f is fold(s).
func (p *pattern) findAll(f, s string) [][]int {
	if !p.mayString(f) {
		return nil
	}
	return p.FindAllStringSubmatchIndex(s, -1)
}

// tries runs a pattern only where its matches can start.
type tries struct {
	re *regexp.Regexp
	// re anchored at a text's start, and after its first character (so
	// that \b sees the character before the start)
	atStart, afterRune *regexp.Regexp
}

func newTries(re *regexp.Regexp) *tries {
	return &tries{re: re, atStart: regexp.MustCompile(`^(?:` + re.String() + `)`), afterRune: regexp.MustCompile(`^(?s:.)(?:` + re.String() + `)`)}
}

// findAt is re.FindAllStringSubmatchIndex(s, -1) when re matches only at
// starts (in order; repeats allowed): the leftmost match is the one at the
// first start that has one, and the next is looked for after it. A match
// at q lies in s[:end(q)] (end nil: s), which ends as s does or before
// ASCII white space. The match at q is re's match there: the character
// before q is matched by (?s:.), so \b reads it, and anchored patterns
// choose among the matches at q as unanchored ones do.
func (p *tries) findAt(s string, starts []int, end func(q int) int) [][]int {
	var out [][]int
	from := 0
	for k, q := range starts {
		if q < from || k > 0 && q == starts[k-1] {
			continue
		}
		e := len(s)
		if end != nil {
			e = end(q)
		}
		var m []int
		if q == 0 {
			m = p.atStart.FindStringSubmatchIndex(s[:e])
		} else {
			// (s[q] starts a character: the one before is decoded the
			// same way backwards as forwards)
			_, w := utf8.DecodeLastRuneInString(s[:q])
			if m = p.afterRune.FindStringSubmatchIndex(s[q-w : e]); m != nil {
				for i := range m {
					if m[i] >= 0 {
						m[i] += q - w
					}
				}
				m[0] = q
			}
		}
		if m != nil {
			out = append(out, m)
			from = m[1]
		}
	}
	return out
}

// fold lowers ASCII letters and turns the two other letters that a
// case-insensitive ASCII letter matches (KELVIN SIGN and LONG S) into
// theirs, so that a text matching a literal, in any case, holds its fold.
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.WriteByte(c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\u212a':
			b.WriteByte('k')
		case r == '\u017f':
			b.WriteByte('s')
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// foldRune is fold of one rune of a literal: ok is false when the literal
// would match a text holding another form of it that fold does not make
// the same (a non-ASCII letter with a case, in a case-insensitive literal).
func foldRune(r rune, foldCase bool) (string, bool) {
	switch {
	case r == '\u212a':
		return "k", true
	case r == '\u017f':
		return "s", true
	case r < utf8.RuneSelf:
		return strings.ToLower(string(r)), true
	case foldCase && unicode.SimpleFold(r) != r:
		return "", false
	}
	return string(r), true
}

const maxClauses = 3

// needs returns clauses of literals, each of which a match of expr holds
// one of (folded), or nil when it can tell none.
func needs(expr string) [][]string {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil
	}
	cnf := needsOf(re.Simplify())
	// the clauses that rule out most first: the fewest and longest literals
	sort.SliceStable(cnf, func(i, j int) bool { return better(cnf[i], cnf[j]) })
	if len(cnf) > maxClauses {
		cnf = cnf[:maxClauses]
	}
	return cnf
}

func better(a, b []string) bool {
	if ma, mb := minLen(a), minLen(b); ma != mb {
		return ma > mb
	}
	return len(a) < len(b)
}

func minLen(c []string) int {
	m := -1
	for _, s := range c {
		if m < 0 || len(s) < m {
			m = len(s)
		}
	}
	return m
}

func needsOf(re *syntax.Regexp) [][]string {
	switch re.Op {
	case syntax.OpLiteral:
		var b strings.Builder
		for _, r := range re.Rune {
			f, ok := foldRune(r, re.Flags&syntax.FoldCase != 0)
			if !ok {
				return nil
			}
			b.WriteString(f)
		}
		if b.Len() == 0 {
			return nil
		}
		return [][]string{{b.String()}}
	case syntax.OpCharClass:
		// a few runes: one of them
		var c []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if re.Rune[i+1]-re.Rune[i] > 4 {
				return nil
			}
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				f, ok := foldRune(r, false)
				if !ok {
					return nil
				}
				c = appendNew(c, f)
			}
		}
		if len(c) == 0 || len(c) > 8 {
			return nil
		}
		return [][]string{c}
	case syntax.OpCapture, syntax.OpPlus:
		return needsOf(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return needsOf(re.Sub[0])
		}
		return nil
	case syntax.OpConcat:
		var cnf [][]string
		for _, s := range re.Sub {
			cnf = append(cnf, needsOf(s)...)
		}
		return cnf
	case syntax.OpAlternate:
		// one of the alternatives: the union of the best clause of each
		var c []string
		for _, s := range re.Sub {
			sc := needsOf(s)
			if len(sc) == 0 {
				return nil
			}
			best := sc[0]
			for _, x := range sc[1:] {
				if better(x, best) {
					best = x
				}
			}
			for _, l := range best {
				c = appendNew(c, l)
			}
		}
		return [][]string{c}
	}
	return nil
}

func appendNew(c []string, s string) []string {
	for _, x := range c {
		if x == s {
			return c
		}
	}
	return append(c, s)
}
