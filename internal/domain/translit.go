package domain

import "strings"

// VariantKey folds the usual differences between transliterations of one
// Russian, Azerbaijani or Turkish name into one key, so that Hajiyev, Hajiev,
// Gadzhiev, Гаджиев and Hacıyev; Iskandarov, Isgandarov and Iskenderov;
// Evdokimov and Yevdokimov; Shafiyev, Shafiev and Şəfiyev each give the same
// key. Both stores index it (Search matches names by it) and ingest resolves
// people by it, so it lives here, once. It finds candidates only: it also merges some names that differ (it
// ignores which vowel is written), which is why Search ranks a match on it
// below a match on the name itself. Words stay words: "Hikmet Hajiyev" gives
// two.
//
// The rules, in order: NormalizeName (lower case, no diacritics, ə → e);
// Cyrillic transliterated; "dzh", "dj", "zh", "c" → "j"; "kh", "x", "q", "g",
// "h", "k" → "k"; "sh" → "s"; "ch", "tch" → "c"; "ph" → "f"; "w" → "v";
// "iy", "yi" → "i"; "y" before a vowel at the start of a word and between a
// vowel and "e" dropped ("Yevdokimov", "Timofeyev"); other "y" → "i"; every
// vowel → "a"; doubled letters single.
func VariantKey(name string) string {
	s := TranslitCyrillic(NormalizeName(name))
	var out []string
	for _, w := range strings.Fields(s) {
		out = append(out, variantWord(w))
	}
	return strings.Join(out, " ")
}

// VariantKeys returns the distinct variant keys of a name and its aliases.
func VariantKeys(name string, aliases ...string) []string {
	seen := map[string]bool{}
	var keys []string
	for _, s := range append([]string{name}, aliases...) {
		k := VariantKey(s)
		if k != "" && !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	return keys
}

func isVowel(c byte) bool { return strings.IndexByte("aeiouy", c) >= 0 }

var variantDigraphs = strings.NewReplacer("dzh", "j", "tch", "c", "dj", "j", "kh", "k", "sh", "s", "ch", "c", "zh", "j", "ph", "f", "ck", "k")

func variantWord(w string) string {
	w = variantDigraphs.Replace(w)
	// A y-glide at the start of a word: Yevdokimov ~ Evdokimov.
	if len(w) > 1 && w[0] == 'y' && isVowel(w[1]) && w[1] != 'y' {
		w = w[1:]
	}
	var b []byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch c {
		case 'c':
			c = 'j'
		case 'x', 'q', 'g', 'h':
			c = 'k'
		case 'w':
			c = 'v'
		}
		if c == 'y' {
			prev := byte(0)
			if len(b) > 0 {
				prev = b[len(b)-1]
			}
			next := byte(0)
			if i+1 < len(w) {
				next = w[i+1]
			}
			switch {
			case prev == 'i' || next == 'i':
				continue // iy, yi
			case isVowel(prev) && next == 'e':
				continue // Timofeyev
			case !isVowel(prev) && prev != 0 && next == 'e':
				continue // Hajyev
			}
			c = 'i'
		}
		b = append(b, c)
	}
	// Vowels to one class, doubled letters single.
	var o []byte
	for _, c := range b {
		if isVowel(c) {
			c = 'a'
		}
		if len(o) > 0 && o[len(o)-1] == c {
			continue
		}
		o = append(o, c)
	}
	return string(o)
}

var cyrillic = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e", 'ж': "zh", 'з': "z", 'и': "i", 'й': "y",
	'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f",
	'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu", 'я': "ya",
	'і': "i", 'ї': "yi", 'є': "ye", 'ґ': "g", 'ә': "a", 'ғ': "g", 'қ': "k", 'ң': "n", 'ө': "o", 'ұ': "u", 'ү': "u", 'һ': "h",
}

// TranslitCyrillic writes lower-case Cyrillic in Latin letters (BGN-like),
// for keys and readable IDs; other letters pass through.
func TranslitCyrillic(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r >= 0x400 && r <= 0x4ff }) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if t, ok := cyrillic[r]; ok {
			b.WriteString(t)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}
