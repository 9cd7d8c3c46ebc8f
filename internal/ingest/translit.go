package ingest

import (
	"strings"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// VariantKey folds the usual differences between transliterations of one
// Russian, Azerbaijani or Turkish name into one key, so that Hajiyev,
// Hajiev, Gadzhiev and Hacıyev; Iskandarov, Isgandarov and Iskenderov;
// Evdokimov and Yevdokimov; Shafiyev, Shafiev and Şəfiyev each give the same
// key. It is for finding candidates only: it also merges some names that
// differ (it ignores which vowel is written), so a match on it is checked
// against the given name too, and the key is never shown or stored.
//
// The rules, in order: NormalizeName (lower case, no diacritics, ə → e);
// Cyrillic transliterated; "dzh", "dj", "c" → "j"; "kh", "x", "q", "g", "h",
// "k" → "k"; "sh" → "s", "ch", "tch" → "c"; "ph" → "f", "w" → "v";
// "iy", "yi", "ii", "ij" → "i"; "y" before a vowel at the start of a word and
// between a vowel and "e" dropped ("Yevdokimov", "Timofeyev"); final "y"
// after a vowel → "i" ("Andrey"); every vowel → "a"; doubled letters single.
func VariantKey(name string) string {
	s := translitCyrillic(normalizeName(name))
	var out []string
	for _, w := range strings.Fields(s) {
		out = append(out, variantWord(w))
	}
	return strings.Join(out, " ")
}

func isVowel(c byte) bool { return strings.IndexByte("aeiouy", c) >= 0 }

var variantReplacer = strings.NewReplacer("dzh", "j", "tch", "c", "dj", "j", "kh", "k", "sh", "s", "ch", "c", "zh", "j", "ph", "f", "ck", "k")

func variantWord(w string) string {
	w = variantReplacer.Replace(w)
	// y-glides
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
	// vowels to one class, doubled letters single
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

// translitCyrillic writes lower-case Cyrillic in Latin letters (BGN-like), for IDs and keys.
func translitCyrillic(s string) string {
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

// Slug makes a readable ID from a name: Latin lower-case words joined by
// dashes ("Igor Maslov" → "igor-maslov", "3+3" → "3-plus-3"), at most
// domain.MaxIDLength long, cut at a dash. It returns "" when nothing of the
// name can be written so.
func Slug(name string) string {
	s := strings.ReplaceAll(name, "+", " plus ")
	s = translitCyrillic(normalizeName(s))
	var words []string
	for _, w := range strings.Fields(s) {
		var b strings.Builder
		for _, r := range w {
			if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
				b.WriteRune(r)
			}
		}
		if b.Len() > 0 {
			words = append(words, b.String())
		}
	}
	id := strings.Join(words, "-")
	for len(id) > domain.MaxIDLength {
		i := strings.LastIndexByte(id[:domain.MaxIDLength], '-')
		if i <= 0 {
			id = id[:domain.MaxIDLength]
			break
		}
		id = id[:i]
	}
	return strings.Trim(id, "-")
}
