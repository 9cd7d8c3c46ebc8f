package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

var englishWords = wordSet("the of and in to a is was were for on with by that as at from this be are has have an its it which between their will said")
var azeriWords = wordSet("və ilə bu üçün olan edib deyib ki bir da də onun həm artıq biz qeyd iclas")
var turkishWords = wordSet("ve ile bu için olan bir da de olarak en çok daha ise gibi kadar sonra")
var germanWords = wordSet("der die das und des den dem mit von im zu ist ein eine nicht auf für sich")
var frenchWords = wordSet("le la les et des du un une est pour dans par sur avec que qui")

var languageWords = []struct {
	name string
	set  map[string]bool
}{{"en", englishWords}, {"az", azeriWords}, {"tr", turkishWords}, {"de", germanWords}, {"fr", frenchWords}}

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// detectLanguage guesses the language of s from its script and its most
// common words: "en", "ru" (any Cyrillic), "az", "tr", "de", "fr" or "und".
// english reports whether Extract should read it.
func detectLanguage(s string) (lang string, english bool) {
	latin, cyr, other := 0, 0, 0
	for _, r := range s {
		switch {
		case !unicode.IsLetter(r):
		case unicode.Is(unicode.Latin, r):
			latin++
		case unicode.Is(unicode.Cyrillic, r):
			cyr++
		default:
			other++
		}
	}
	letters := latin + cyr + other
	if letters == 0 {
		return "und", false
	}
	if cyr*10 > letters*3 {
		return "ru", false
	}
	if latin*2 < letters {
		return "und", false
	}
	counts := map[string]int{}
	words := 0
	diacritics := 0
	lower := strings.ToLower(s)
	// the words of strings.FieldsFunc(lower, not a letter), one by one
	for i := 0; i < len(lower); {
		r, n := utf8.DecodeRuneInString(lower[i:])
		if !unicode.IsLetter(r) {
			i += n
			continue
		}
		j := i + n
		for j < len(lower) {
			r, n := utf8.DecodeRuneInString(lower[j:])
			if !unicode.IsLetter(r) {
				break
			}
			j += n
		}
		w := lower[i:j]
		i = j
		words++
		for _, l := range languageWords {
			if l.set[w] {
				counts[l.name]++
			}
		}
		if strings.ContainsAny(w, "əğışçöü") {
			diacritics++
		}
	}
	if words < 8 {
		// Too short to tell; read it if it has English words at all.
		return "en", counts["en"] > 0 || words > 0 && diacritics == 0
	}
	if counts["en"]*100 >= words*8 && counts["en"] >= 3 {
		return "en", true
	}
	best, n := "und", 0
	for _, l := range []string{"az", "tr", "de", "fr"} {
		if counts[l] > n {
			best, n = l, counts[l]
		}
	}
	if best == "tr" && strings.ContainsRune(lower, 'ə') {
		best = "az"
	}
	if best == "und" && diacritics*5 > words {
		best = "az"
		if !strings.ContainsRune(lower, 'ə') {
			best = "tr"
		}
	}
	return best, false
}
