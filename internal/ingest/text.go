package ingest

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// sentence is a sentence of a paragraph: its byte span in document.text.
type sentence struct {
	s      span
	para   int
	bullet bool
	fold   string // fold of its text, once folded
	folded bool
}

var abbreviations = wordSet("mr mrs ms dr prof st jr sr no vs etc e.g i.e gen col lt sgt amb approx")

// sentences splits a paragraph into sentences: a '.', '!' or '?' (and the
// quotes after it) followed by a space and a capital letter, a digit or a
// quote, and not closing an initial ("N.S.") or an abbreviation ("Dr.").
func sentences(text string, p span) []span {
	var out []span
	start := p.start
	for i := p.start; i < p.end; {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r != '.' && r != '!' && r != '?' {
			i += n
			continue
		}
		j := i + n
		for j < p.end {
			r2, n2 := utf8.DecodeRuneInString(text[j:])
			if strings.ContainsRune(`"”’'»)`, r2) {
				j += n2
				continue
			}
			break
		}
		if j >= p.end {
			break
		}
		r2, _ := utf8.DecodeRuneInString(text[j:])
		if !isSpaceRune(r2) {
			i = j
			continue
		}
		k := j
		for k < p.end {
			r3, n3 := utf8.DecodeRuneInString(text[k:])
			if !isSpaceRune(r3) {
				break
			}
			k += n3
		}
		if k >= p.end {
			break
		}
		r3, _ := utf8.DecodeRuneInString(text[k:])
		if !(unicode.IsUpper(r3) || unicode.IsDigit(r3) || strings.ContainsRune(`"“‘«'`, r3)) {
			i = j
			continue
		}
		if r == '.' {
			// the word before the dot
			w := i
			for w > start {
				rp, np := utf8.DecodeLastRuneInString(text[:w])
				if !unicode.IsLetter(rp) && rp != '.' {
					break
				}
				w -= np
			}
			prev := text[w:i]
			if (utf8.RuneCountInString(strings.ReplaceAll(prev, ".", "")) <= 2 && isUpperWord(prev)) || abbreviations[strings.ToLower(prev)] {
				i = j
				continue
			}
		}
		out = append(out, trimSpan(text, span{start, j}))
		start = k
		i = k
	}
	if s := trimSpan(text, span{start, p.end}); s.end > s.start {
		out = append(out, s)
	}
	return out
}

// Ordinals in words and figures.
var ordinalWords = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
	"tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
	"seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "inaugural": 1,
}

const ordinalPattern = `(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|inaugural|\d{1,2}\s?(?:st|nd|rd|th|-th|-st|-nd|-rd))`

var ordinalDigitsRe = regexp.MustCompile(`^(\d{1,2})`)

// parseOrdinal reads "fifth", "5th", "5-th", "Inaugural".
func parseOrdinal(s string) int {
	s = strings.ToLower(strings.TrimSpace(s))
	if n, ok := ordinalWords[s]; ok {
		return n
	}
	if m := ordinalDigitsRe.FindString(s); m != "" {
		n := 0
		for _, c := range m {
			n = n*10 + int(c-'0')
		}
		return n
	}
	return 0
}

// quotes are the opening and closing quotation marks a report may use.
const openQuotes = `“"«‘'„`
const closeQuotes = `”"»’'“`

// trimPunct trims spaces and the punctuation a quoted title or a list item
// carries at its ends: "Initiatives," → "Initiatives".
func trimPunct(text string, s span) span {
	s = trimSpan(text, s)
	for s.end > s.start {
		r, n := utf8.DecodeLastRuneInString(text[:s.end])
		if strings.ContainsRune(`,.;:`+closeQuotes, r) || isSpaceRune(r) {
			s.end -= n
			continue
		}
		break
	}
	for s.start < s.end {
		r, n := utf8.DecodeRuneInString(text[s.start:])
		if strings.ContainsRune(`,.;:`+openQuotes, r) || isSpaceRune(r) {
			s.start += n
			continue
		}
		break
	}
	return s
}

// trimWords trims leading words (case-insensitive) such as "and", "the".
func trimLeadingWords(text string, s span, ws ...string) span {
	if s.end < s.start {
		s.end = s.start
	}
	for {
		s = trimSpan(text, s)
		changed := false
		for _, w := range ws {
			t := text[s.start:s.end]
			if len(t) > len(w) && strings.EqualFold(t[:len(w)], w) && (t[len(w)] == ' ' || t[len(w)] == ',') {
				s.start += len(w)
				changed = true
			}
		}
		if !changed {
			return s
		}
	}
}

func contains(s, inner span) bool { return inner.start >= s.start && inner.end <= s.end }

func overlaps(a, b span) bool { return a.start < b.end && b.start < a.end }
