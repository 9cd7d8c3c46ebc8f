package ingest

import (
	"context"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// Entry is one thing a Gazetteer recognises: a country, a city, an
// initiative or an institution, by its name, short name and aliases. An
// alias in capitals of up to five letters ("SCO", "US") matches only in
// capitals; every other alias matches whatever its case, dashes and
// diacritics ("North-South corridor" finds "North–South Corridor").
type Entry struct {
	ID        string
	Name      string
	ShortName string
	Aliases   []string
	Kind      string // the initiative's or institution's kind, as in the domain
	Country   string // a city's or institution's country ID
}

// ThemeRule tags a text with a theme of the taxonomy when one of its
// keywords occurs. A keyword is a phrase; a trailing "*" lets its last word
// be a prefix ("logistic*" finds "logistical").
type ThemeRule struct {
	ID       string
	Name     string
	Keywords []string
}

// Gazetteer is what Extract recognises by name. Default gives the built-in
// one; FromStore extends it with what a store knows. A Gazetteer must not
// be changed once Extract has used it.
type Gazetteer struct {
	Countries    []Entry // aliases include demonyms and capitals ("Russian", "Moscow")
	Cities       []Entry // Country is the city's country ID
	Initiatives  []Entry
	Institutions []Entry
	Themes       []ThemeRule

	once                                sync.Once
	countryM, cityM, initM, instM, thmM *matcher
	demonyms                            map[string]string // normalised country word -> country ID
	// councilForm1 and councilForm2 find councils named by country words
	// (see councilRes); built once, with the matchers.
	councilForm1, councilForm2 *councilPattern
	// maxPrefixKey is the length of the longest one-word prefix keyword
	// of thmM: prefixPhrases looks no further.
	maxPrefixKey int
}

// matcher finds phrases in tokenised text, the longest first.
type matcher struct {
	byFirst map[string][]phrase
	maxToks int // the most tokens of a phrase
}

type phrase struct {
	toks   []string
	exact  []string // non-nil: these tokens must match exactly (case-sensitive acronyms)
	prefix bool     // the last token is a prefix
	id     string
}

// token is a word of a text: its normalised form and its byte span.
type token struct {
	norm string
	raw  string
	s    span
}

// canonToken folds spelling variants that never make two things.
func canonToken(t string) string {
	switch {
	case strings.HasSuffix(t, "isation"):
		t = strings.TrimSuffix(t, "isation") + "ization"
	case strings.HasSuffix(t, "isations"):
		t = strings.TrimSuffix(t, "isations") + "izations"
	case strings.HasSuffix(t, "ise"):
		// organise/organize: leave words like "rise" alone
		if len(t) > 6 {
			t = strings.TrimSuffix(t, "ise") + "ize"
		}
	case t == "centre":
		t = "center"
	case t == "centres":
		t = "centers"
	case t == "programme":
		t = "program"
	}
	return t
}

// tokenize splits s into words: letters and digits, with '+' and '&' kept
// inside ("3+3"); an apostrophe ends a word ("Azerbaijan’s" is "azerbaijan", "s").
func tokenize(s string, base int) []token { return tokenizeN(s, base, -1) }

// tokenizeN is tokenize that stops after limit tokens (no limit if limit < 0).
func tokenizeN(s string, base, limit int) []token {
	if limit == 0 {
		return nil
	}
	// room for the tokens of most text at once (a word and a space are
	// some 6 bytes in English)
	c := len(s)/5 + 1
	if limit > 0 {
		c = min(c, limit)
	}
	out := make([]token, 0, c)
	start := -1
	flush := func(end int) bool {
		if start >= 0 {
			raw := s[start:end]
			n := normToken(raw)
			if n != "" {
				out = append(out, token{norm: canonToken(strings.ReplaceAll(n, " ", "")), raw: raw, s: span{base + start, base + end}})
			}
			start = -1
		}
		return limit >= 0 && len(out) >= limit
	}
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || r == '+' && start >= 0 && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9' {
			if start < 0 {
				start = i
			}
			continue
		}
		if flush(i) {
			return out
		}
	}
	flush(len(s))
	return out
}

// normToken is domain.NormalizeName of a token's text (letters, digits,
// marks and '+'), without its Unicode normalisation when the token is ASCII:
// then it is the token in lower case.
func normToken(raw string) string {
	for i := 0; i < len(raw); i++ {
		if raw[i] >= utf8.RuneSelf {
			return domain.NormalizeName(raw)
		}
	}
	return strings.ToLower(raw)
}

// normalizeName is domain.NormalizeName, done byte by byte for ASCII text
// (where Unicode normalisation changes nothing): letters and digits in
// lower case, '+' and '&' kept, apostrophes dropped, every other run of
// characters one space, none at the ends.
func normalizeName(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return domain.NormalizeName(s)
		}
	}
	b := make([]byte, 0, len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
			fallthrough
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '+' || c == '&':
			if space && len(b) > 0 {
				b = append(b, ' ')
			}
			space = false
			b = append(b, c)
		case c == '\'' || c == '`':
		default:
			space = true
		}
	}
	return string(b)
}

func isAcronym(s string) bool {
	if utf8.RuneCountInString(s) > 5 || s == "" {
		return false
	}
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}

func (m *matcher) add(alias, id string) {
	prefix := strings.HasSuffix(alias, "*")
	alias = strings.TrimSuffix(alias, "*")
	toks := tokenize(alias, 0)
	if len(toks) == 0 {
		return
	}
	p := phrase{id: id, prefix: prefix}
	for _, t := range toks {
		p.toks = append(p.toks, t.norm)
	}
	if len(toks) == 1 && isAcronym(strings.TrimSpace(alias)) && strings.IndexFunc(alias, unicode.IsLetter) >= 0 {
		p.exact = []string{toks[0].raw}
	}
	for _, q := range m.byFirst[p.toks[0]] {
		if q.id == id && strings.Join(q.toks, " ") == strings.Join(p.toks, " ") && q.prefix == p.prefix && (q.exact == nil) == (p.exact == nil) {
			return
		}
	}
	m.byFirst[p.toks[0]] = append(m.byFirst[p.toks[0]], p)
	m.maxToks = max(m.maxToks, len(p.toks))
}

func newMatcher(entries []Entry) *matcher {
	m := &matcher{byFirst: map[string][]phrase{}}
	for _, e := range entries {
		for _, a := range append([]string{e.Name, e.ShortName}, e.Aliases...) {
			if a != "" {
				m.add(a, e.ID)
			}
		}
	}
	m.sort()
	return m
}

func (m *matcher) sort() {
	for k, ps := range m.byFirst {
		sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].toks) > len(ps[j].toks) })
		m.byFirst[k] = ps
	}
}

// hit is a phrase found in a text.
type hit struct {
	id string
	s  span
}

// firstTokens is how many tokens of a text decide whether a phrase starts
// at its first or second token: find on them gives the same first hit,
// when that hit starts at one of the two.
func (m *matcher) firstTokens() int { return m.maxToks + 2 }

// find returns the phrases in toks, longest first at each position, not overlapping.
func (m *matcher) find(toks []token) []hit {
	var out []hit
	for i := 0; i < len(toks); {
		matched := false
		for _, p := range m.byFirst[toks[i].norm] {
			if n := p.match(toks[i:]); n > 0 {
				out = append(out, hit{id: p.id, s: span{toks[i].s.start, toks[i+n-1].s.end}})
				i += n
				matched = true
				break
			}
		}
		if !matched {
			i++
		}
	}
	return out
}

func (p phrase) match(toks []token) int {
	if len(toks) < len(p.toks) {
		return 0
	}
	for k, t := range p.toks {
		if k == len(p.toks)-1 && p.prefix {
			if !strings.HasPrefix(toks[k].norm, t) {
				return 0
			}
			continue
		}
		if toks[k].norm != t {
			return 0
		}
	}
	if p.exact != nil && toks[0].raw != p.exact[0] {
		return 0
	}
	return len(p.toks)
}

func (g *Gazetteer) compile() {
	g.once.Do(func() {
		g.countryM = newMatcher(g.Countries)
		g.cityM = newMatcher(g.Cities)
		g.initM = newMatcher(g.Initiatives)
		g.instM = newMatcher(g.Institutions)
		g.thmM = &matcher{byFirst: map[string][]phrase{}}
		for _, r := range g.Themes {
			for _, k := range r.Keywords {
				g.thmM.add(k, r.ID)
			}
			g.thmM.add(r.Name, r.ID)
		}
		g.thmM.sort()
		for k, ps := range g.thmM.byFirst {
			for _, p := range ps {
				if p.prefix && len(p.toks) == 1 {
					g.maxPrefixKey = max(g.maxPrefixKey, len(k))
				}
			}
		}
		g.councilForm1, g.councilForm2 = councilRes(g.Countries)
		g.demonyms = map[string]string{}
		for _, c := range g.Countries {
			for _, a := range append([]string{c.Name}, c.Aliases...) {
				toks := tokenize(a, 0)
				if len(toks) == 1 {
					g.demonyms[toks[0].norm] = c.ID
				}
			}
		}
	})
}

// themeHits finds theme keywords; a keyword whose last word is a prefix
// needs a scan per token, done here.
func (g *Gazetteer) themeHits(toks []token) []hit {
	g.compile()
	var out []hit
	for i := range toks {
		for _, ps := range [][]phrase{g.thmM.byFirst[toks[i].norm], g.prefixPhrases(toks[i].norm)} {
			for _, p := range ps {
				if n := p.match(toks[i:]); n > 0 {
					out = append(out, hit{id: p.id, s: span{toks[i].s.start, toks[i+n-1].s.end}})
				}
			}
		}
	}
	return out
}

// prefixPhrases returns the one-word prefix keywords that t starts with
// (other than t itself, found by its key).
func (g *Gazetteer) prefixPhrases(t string) []phrase {
	var out []phrase
	for n := 3; n < len(t) && n <= g.maxPrefixKey; n++ {
		for _, p := range g.thmM.byFirst[t[:n]] {
			if p.prefix && len(p.toks) == 1 {
				out = append(out, p)
			}
		}
	}
	return out
}

func (g *Gazetteer) entry(list []Entry, id string) *Entry {
	for i := range list {
		if list[i].ID == id {
			return &list[i]
		}
	}
	return nil
}

// countryOfWord returns the country ID a single word names ("Russian",
// "Azerbaijani", "Azerbaijan"), or "".
func (g *Gazetteer) countryOfWord(w string) string {
	g.compile()
	toks := tokenizeN(w, 0, 2)
	if len(toks) != 1 {
		return ""
	}
	return g.demonyms[toks[0].norm]
}

// FromStore returns a copy of base (Default() when nil) extended with the
// countries, places, initiatives, institutions and themes that s holds, with
// their aliases, so that Extract recognises what the graph already knows.
// Store entries come first and win over built-in ones of the same name.
func FromStore(ctx context.Context, s domain.Store, base *Gazetteer) (*Gazetteer, error) {
	if base == nil {
		base = Default()
	}
	g := &Gazetteer{}
	first := domain.MaxPageSize
	page := domain.PageRequest{First: &first}
	var err error
	var countries []*domain.Country
	var places []*domain.Place
	var inits []*domain.Initiative
	var insts []*domain.Institution
	var themes []*domain.Theme
	if countries, err = all(ctx, page, func(p domain.PageRequest) (*domain.CountryConnection, error) {
		return s.ListCountries(ctx, domain.CountryQuery{Page: p})
	}); err != nil {
		return nil, err
	}
	if places, err = all(ctx, page, func(p domain.PageRequest) (*domain.PlaceConnection, error) {
		return s.ListPlaces(ctx, domain.PlaceQuery{Page: p})
	}); err != nil {
		return nil, err
	}
	if inits, err = all(ctx, page, func(p domain.PageRequest) (*domain.InitiativeConnection, error) {
		return s.ListInitiatives(ctx, domain.InitiativeQuery{Page: p})
	}); err != nil {
		return nil, err
	}
	if insts, err = all(ctx, page, func(p domain.PageRequest) (*domain.InstitutionConnection, error) {
		return s.ListInstitutions(ctx, domain.InstitutionQuery{Page: p})
	}); err != nil {
		return nil, err
	}
	if themes, err = all(ctx, page, func(p domain.PageRequest) (*domain.ThemeConnection, error) {
		return s.ListThemes(ctx, domain.ThemeQuery{Page: p})
	}); err != nil {
		return nil, err
	}
	// Built-in countries keep their demonyms; store aliases are added.
	g.Countries = mergeEntries(base.Countries, func() []Entry {
		var out []Entry
		for _, c := range countries {
			out = append(out, Entry{ID: c.ID, Name: c.Name, Aliases: c.Aliases})
		}
		return out
	}())
	g.Cities = mergeEntries(base.Cities, func() []Entry {
		var out []Entry
		for _, p := range places {
			out = append(out, Entry{ID: p.ID, Name: p.Name, Aliases: p.Aliases, Country: p.CountryID})
		}
		return out
	}())
	g.Initiatives = mergeEntries(base.Initiatives, func() []Entry {
		var out []Entry
		for _, x := range inits {
			out = append(out, Entry{ID: x.ID, Name: x.Name, ShortName: x.ShortName, Aliases: x.Aliases, Kind: string(x.Kind)})
		}
		return out
	}())
	g.Institutions = mergeEntries(base.Institutions, func() []Entry {
		var out []Entry
		for _, x := range insts {
			out = append(out, Entry{ID: x.ID, Name: x.Name, ShortName: x.ShortName, Aliases: x.Aliases, Kind: string(x.Kind), Country: x.CountryID})
		}
		return out
	}())
	g.Themes = append([]ThemeRule(nil), base.Themes...)
	for _, t := range themes {
		found := false
		for i := range g.Themes {
			if g.Themes[i].ID == t.ID {
				g.Themes[i].Name = t.Name
				g.Themes[i].Keywords = append(append([]string(nil), g.Themes[i].Keywords...), t.Aliases...)
				found = true
			}
		}
		if !found {
			g.Themes = append(g.Themes, ThemeRule{ID: t.ID, Name: t.Name, Keywords: append([]string{t.Name}, t.Aliases...)})
		}
	}
	return g, nil
}

// mergeEntries puts the store's entries in place of built-in ones that share
// a name key with them (keeping the built-in aliases), and adds the rest.
func mergeEntries(base, store []Entry) []Entry {
	out := make([]Entry, 0, len(base)+len(store))
	used := make([]bool, len(base))
	for _, s := range store {
		keys := map[string]bool{}
		for _, k := range domain.NameKeys(s.Name, append([]string{s.ShortName}, s.Aliases...)...) {
			keys[k] = true
		}
		keys[s.ID] = true
		for i, b := range base {
			if used[i] {
				continue
			}
			for _, k := range append(domain.NameKeys(b.Name, append([]string{b.ShortName}, b.Aliases...)...), b.ID) {
				if keys[k] {
					used[i] = true
					s.Aliases = append(append([]string(nil), s.Aliases...), b.Name)
					s.Aliases = append(s.Aliases, b.Aliases...)
					if s.ShortName == "" {
						s.ShortName = b.ShortName
					}
					if s.Country == "" {
						s.Country = b.Country
					}
					break
				}
			}
		}
		out = append(out, s)
	}
	for i, b := range base {
		if !used[i] {
			out = append(out, b)
		}
	}
	return out
}

// all reads every page of a list.
func all[T any](ctx context.Context, first domain.PageRequest, list func(domain.PageRequest) (*domain.Connection[T], error)) ([]T, error) {
	var out []T
	p := first
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		c, err := list(p)
		if err != nil {
			return nil, err
		}
		out = append(out, c.Nodes()...)
		if !c.PageInfo.HasNextPage || c.PageInfo.EndCursor == nil {
			return out, nil
		}
		p = domain.PageRequest{First: first.First, After: c.PageInfo.EndCursor}
	}
}
