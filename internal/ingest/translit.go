package ingest

import (
	"strings"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// Slug makes a readable ID from a name: Latin lower-case words joined by
// dashes ("Igor Maslov" → "igor-maslov", "3+3" → "3-plus-3"), at most
// domain.MaxIDLength long, cut at a dash. It returns "" when nothing of the
// name can be written so.
func Slug(name string) string {
	s := strings.ReplaceAll(name, "+", " plus ")
	s = domain.TranslitCyrillic(normalizeName(s))
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
