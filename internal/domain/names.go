package domain

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// special maps letters that Unicode decomposition does not reduce to ASCII.
var special = map[rune]string{
	'ə': "e", 'ı': "i", 'ł': "l", 'ø': "o", 'ß': "ss", 'æ': "ae", 'œ': "oe", 'đ': "d", 'ħ': "h",
}

// NormalizeName returns the form of a name used for lookups and identity: lower
// case, diacritics removed, every kind of dash and punctuation turned into a
// space, spaces collapsed. "North–South Corridor", "north-south  corridor" and
// "NORTH—SOUTH CORRIDOR" all become "north south corridor"; "Şuşa" becomes
// "susa". A '+' and '&' are kept ("3+3").
func NormalizeName(s string) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFD.String(s) {
		r = unicode.ToLower(r)
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '+' || r == '&':
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			if rep, ok := special[r]; ok {
				b.WriteString(rep)
			} else {
				b.WriteRune(r)
			}
		case r == '\'' || r == '’' || r == 'ʼ' || r == '`':
			// apostrophes join: "Xi'an" ~ "Xian"
		default:
			space = true
		}
	}
	return b.String()
}

// NameKeys returns the distinct normalised forms of a name and its aliases.
func NameKeys(name string, aliases ...string) []string {
	seen := map[string]bool{}
	var keys []string
	for _, s := range append([]string{name}, aliases...) {
		k := NormalizeName(s)
		if k != "" && !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	return keys
}
