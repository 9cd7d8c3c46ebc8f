package domain

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// MaxSearchLength is the longest search text, in characters; Lookup has the same limit.
const MaxSearchLength = 200

// SearchField says which value of a node a search matched.
type SearchField string

// Search fields.
const (
	FieldName      SearchField = "NAME"       // a name (councils, people, institutions, countries, places, initiatives, themes)
	FieldShortName SearchField = "SHORT_NAME" // an acronym (councils, institutions, initiatives)
	FieldAlias     SearchField = "ALIAS"      // another name or spelling
	FieldTitle     SearchField = "TITLE"      // the title of a meeting, publication or source
	FieldText      SearchField = "TEXT"       // the text of a recommendation
)

// SearchMatch says how a search matched, from the best match to the weakest.
type SearchMatch string

// Search matches, best first. Search ranks every hit by its match, then
// (within a match) by how much of the matched value the text covers, then by
// the field: a name or title before a short name before an alias.
const (
	MatchExact    SearchMatch = "EXACT"    // the whole value, normalised (NormalizeName)
	MatchPrefix   SearchMatch = "PREFIX"   // the start of the value
	MatchWords    SearchMatch = "WORDS"    // every word of the text is a word of the value, in any order
	MatchVariant  SearchMatch = "VARIANT"  // the same, after VariantKey (another transliteration: Gadzhiev for Hajiyev)
	MatchContains SearchMatch = "CONTAINS" // anywhere in the value (texts of 3 or more characters)
	MatchPhrase   SearchMatch = "PHRASE"   // a recommendation's text holds the text as whole words, in order
	MatchText     SearchMatch = "TEXT"     // a recommendation's text holds every word of the text
)

// matchScore is the base score of each match; within a match a hit gains at
// most 60 (coverage and field), so the matches never overlap.
var matchScore = map[SearchMatch]int{
	MatchExact: 1000, MatchPrefix: 900, MatchWords: 800, MatchVariant: 700, MatchContains: 600,
	MatchPhrase: 400, MatchText: 300,
}

// fieldScore ranks fields within a match.
var fieldScore = map[SearchField]int{FieldName: 10, FieldTitle: 10, FieldShortName: 8, FieldAlias: 5, FieldText: 0}

// minContains is the shortest normalised text that may match inside a word:
// shorter ones would match almost everything.
const minContains = 3

// SearchQuery asks for the nodes of the given kinds (all when empty) that
// match a text, best first.
type SearchQuery struct {
	Text  string
	Kinds []Kind
	Page  PageRequest
}

// SearchHit is one node a search found: the node, its score (higher is
// better), how it matched and the value it matched (the name or alias as
// written; a recommendation's text).
type SearchHit struct {
	Node    NodeRef
	Score   int
	Match   SearchMatch
	Field   SearchField
	Matched string
}

// Kind returns the kind of the node found.
func (h *SearchHit) Kind() Kind { return h.Node.Kind }

// Search results, named for the GraphQL schema.
type (
	SearchConnection = Connection[*SearchHit]
	SearchEdge       = Edge[*SearchHit]
)

// SearchValue is one searchable value of a node, prepared once: its field,
// the value as written, its normalised form and its variant key.
type SearchValue struct {
	Field   SearchField
	Value   string
	norm    string
	padded  string // " " + norm + " ", for whole-word phrases of a text
	words   []string
	variant []string
}

// NewSearchValue prepares a value for Search. The text of a recommendation
// gets no variant key: only names are matched by transliteration.
func NewSearchValue(field SearchField, value string) SearchValue {
	v := SearchValue{Field: field, Value: value, norm: NormalizeName(value)}
	v.words = strings.Fields(v.norm)
	if field != FieldText {
		v.variant = strings.Fields(translitVariant(v.norm))
	} else {
		v.padded = " " + v.norm + " "
	}
	return v
}

// translitVariant is VariantKey of an already normalised text.
func translitVariant(norm string) string {
	var out []string
	for _, w := range strings.Fields(TranslitCyrillic(norm)) {
		out = append(out, variantWord(w))
	}
	return strings.Join(out, " ")
}

// SearchValues returns the searchable values of a node in the order Search
// prefers them on a tie: name, short name, aliases, title, text. Empty values
// are left out.
func SearchValues(name, shortName string, aliases []string, title, text string) []SearchValue {
	var out []SearchValue
	add := func(f SearchField, s string) {
		if strings.TrimSpace(s) != "" {
			out = append(out, NewSearchValue(f, s))
		}
	}
	add(FieldName, name)
	add(FieldShortName, shortName)
	for _, a := range aliases {
		add(FieldAlias, a)
	}
	add(FieldTitle, title)
	add(FieldText, text)
	return out
}

// Searcher matches the values of nodes against one search text. Both stores
// use it, so that they find and rank exactly alike; a store only chooses
// which nodes to show it (every node, or what its indexes return, as long as
// that includes every node that can match).
type Searcher struct {
	q       SearchQuery
	norm    string
	padded  string
	words   []string
	variant []string
	kinds   map[Kind]bool
	scope   string
}

// NewSearcher checks a search: the text must have a letter or a digit and at
// most MaxSearchLength characters; kinds must be known.
func NewSearcher(q SearchQuery) (*Searcher, error) {
	s := &Searcher{q: q, norm: NormalizeName(q.Text)}
	switch n := utf8.RuneCountInString(q.Text); {
	case s.norm == "":
		return nil, Invalidf("text", "give a search text with at least one letter or digit")
	case n > MaxSearchLength:
		return nil, Invalidf("text", "is %d characters long; shorten it to at most %d", n, MaxSearchLength)
	}
	s.padded = " " + s.norm + " "
	s.words = distinctWords(strings.Fields(s.norm))
	s.variant = distinctWords(strings.Fields(translitVariant(s.norm)))
	for i, k := range q.Kinds {
		if !k.IsValid() {
			return nil, Invalidf("kinds", "kinds[%d] %q is not one of %v", i, k, AllKinds)
		}
		if s.kinds == nil {
			s.kinds = map[Kind]bool{}
		}
		s.kinds[k] = true
	}
	kinds := slices.Clone(q.Kinds)
	slices.Sort(kinds)
	s.scope = Scope("search", nil, []any{s.norm, slices.Compact(kinds)})
	return s, nil
}

func distinctWords(ws []string) []string {
	out := slices.Clone(ws)
	slices.Sort(out)
	return slices.Compact(out)
}

// Text returns the normalised search text.
func (s *Searcher) Text() string { return s.norm }

// Words returns the distinct words of the normalised text: a value matches
// by words (or a recommendation by text) only if it has every one of them.
func (s *Searcher) Words() []string { return s.words }

// VariantWords returns the distinct words of the text's variant key.
func (s *Searcher) VariantWords() []string { return s.variant }

// Wants reports whether nodes of kind k are searched.
func (s *Searcher) Wants(k Kind) bool { return s.kinds == nil || s.kinds[k] }

// Match returns the hit of a node with the given values, or nil when none of
// them matches: the best match of any value, and on a tie the earlier value.
func (s *Searcher) Match(node NodeRef, values []SearchValue) *SearchHit {
	if !s.Wants(node.Kind) {
		return nil
	}
	var best *SearchHit
	for i := range values {
		v := &values[i]
		m, ok := s.match(v)
		if !ok {
			continue
		}
		score := matchScore[m] + fieldScore[v.Field]
		if m != MatchPhrase && m != MatchText {
			// Coverage: "Caspian" is more of "Caspian Five" than of "Caspian
			// Connectivity Roundtable".
			score += 50 * min(utf8.RuneCountInString(s.norm), utf8.RuneCountInString(v.norm)) / max(1, utf8.RuneCountInString(v.norm))
		}
		if best == nil || score > best.Score {
			best = &SearchHit{Node: node, Score: score, Match: m, Field: v.Field, Matched: v.Value}
		}
	}
	return best
}

func (s *Searcher) match(v *SearchValue) (SearchMatch, bool) {
	if v.Field == FieldText {
		switch {
		case strings.Contains(v.padded, s.padded):
			return MatchPhrase, true
		case hasAll(v.words, s.words):
			return MatchText, true
		}
		return "", false
	}
	switch {
	case v.norm == s.norm:
		return MatchExact, true
	case strings.HasPrefix(v.norm, s.norm):
		return MatchPrefix, true
	case hasAll(v.words, s.words):
		return MatchWords, true
	case hasAll(v.variant, s.variant):
		return MatchVariant, true
	case utf8.RuneCountInString(s.norm) >= minContains && strings.Contains(v.norm, s.norm):
		return MatchContains, true
	}
	return "", false
}

// hasAll reports whether every word of want is one of have.
func hasAll(have, want []string) bool {
	if len(want) == 0 {
		return false
	}
	for _, w := range want {
		if !slices.Contains(have, w) {
			return false
		}
	}
	return true
}

// searchKey is a hit's cursor key: its score, zero-padded so that keys sort
// as the scores do.
func searchKey(h *SearchHit) string { return fmt.Sprintf("%06d", h.Score) }

// Page orders hits best first (score descending, then node ID) and returns
// the page the query asks for; the cursor of a search only resumes the same
// text and kinds.
func (s *Searcher) Page(hits []*SearchHit) (*SearchConnection, error) {
	first, after, err := s.q.Page.Resolve(s.scope)
	if err != nil {
		return nil, err
	}
	slices.SortFunc(hits, func(a, b *SearchHit) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(a.Node.ID, b.Node.ID))
	})
	var items []*SearchHit
	for _, h := range hits {
		if len(items) > first {
			break
		}
		if after.After(searchKey(h), h.Node.ID, true) {
			items = append(items, h)
		}
	}
	return NewConnection(items, first, s.scope, after, len(hits), func(h *SearchHit) (string, string) {
		return searchKey(h), h.Node.ID
	}), nil
}
