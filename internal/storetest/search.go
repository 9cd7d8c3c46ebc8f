package storetest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// Search. Rules fixed by the suite:
//   - Search matches councils, institutions and initiatives by name, short
//     name and aliases; people, countries, places and themes by name and
//     aliases; meetings, publications and sources by title; recommendations
//     by text (never by transliteration). domain.Searcher decides whether a
//     value matches, how (EXACT > PREFIX > WORDS > VARIANT > CONTAINS >
//     PHRASE > TEXT) and the score; a store only finds the candidates.
//   - Hits come best first: score descending, then node ID.
//   - A cursor resumes the same normalised text and kinds only.
func testSearch(t *testing.T, s *suite) {
	st := s.loaded(t)
	fx := Fixture()
	type want struct {
		ID    string
		Match domain.SearchMatch
		Field domain.SearchField
	}
	w := func(id string, m domain.SearchMatch, f domain.SearchField) want { return want{id, m, f} }
	const (
		exact, prefix, words, variant, contains, phrase, text = domain.MatchExact, domain.MatchPrefix, domain.MatchWords,
			domain.MatchVariant, domain.MatchContains, domain.MatchPhrase, domain.MatchText
		name, short, alias, title, body = domain.FieldName, domain.FieldShortName, domain.FieldAlias, domain.FieldTitle, domain.FieldText
	)
	for _, c := range []struct {
		text  string
		kinds []domain.Kind
		want  []want
	}{
		{"INSTC", nil, []want{w("instc", exact, short), w("raec-5-r2", phrase, body)}},
		{"north-south corridor", nil, []want{w("instc", exact, alias),
			w("caspian-roundtable-2023-r1", phrase, body), w("raec-3-r2", phrase, body)}},
		// Words in any order.
		{"corridor transport international", nil, []want{w("instc", words, name)}},
		// A transliteration given as an alias is found by words, one that is
		// not by its variant key; Cyrillic too.
		{"Gadzhiev", nil, []want{w("rashad-hajiyev", words, alias)}},
		{"Hajiev", nil, []want{w("rashad-hajiyev", variant, name)}},
		{"Орлов", nil, []want{w("pavel-orlov", words, alias)}},
		{"Orlova", nil, nil},
		// Diacritics and dashes.
		{"Orta Dehliz", nil, []want{w("middle-corridor", exact, alias)}},
		{"SUSA", nil, []want{w("shusha", exact, alias)}},
		// Ranking: a whole name before a start before a word before text.
		{"Caspian", nil, []want{w("caspian-five", prefix, name), w("kisi-caspian-outlook", prefix, title),
			w("caspian-roundtable-2023", prefix, title), w("src-caspian-2023", prefix, title),
			w("middle-corridor", words, name), w("caspian-roundtable-2023-r1", phrase, body)}},
		{"Caspian", []domain.Kind{domain.KindInitiative}, []want{w("caspian-five", prefix, name), w("middle-corridor", words, name)}},
		{"Astana", nil, []want{w("astana", exact, name), w("astana-process", exact, alias), w("src-kisi-2023", prefix, title)}},
		{"astana", []domain.Kind{domain.KindSource, domain.KindPerson}, []want{w("src-kisi-2023", prefix, title)}},
		// Inside a word from three characters on; a start from one.
		{"sco", nil, []want{w("sco", exact, short), w("moscow", contains, name),
			w("src-riac-2022", contains, title), w("src-rked-2", contains, title), w("mgimo", contains, alias),
			w("rked-1-r1", phrase, body), w("rked-1-r2", phrase, body)}},
		{"sc", nil, []want{w("sco", prefix, short)}},
		{"shang", nil, []want{w("sco", prefix, name)}},
		// Every word of a recommendation, not in order.
		{"trade customs", nil, []want{w("rked-2-r2", text, body)}},
		{"Atlantis", nil, nil},
	} {
		t.Run(fmt.Sprintf("%s %v", c.text, c.kinds), func(t *testing.T) {
			conn, err := st.Search(t.Context(), domain.SearchQuery{Text: c.text, Kinds: c.kinds, Page: first(100)})
			must(t, "Search", err)
			var got []want
			for _, e := range conn.Edges {
				got = append(got, want{e.Node.Node.ID, e.Node.Match, e.Node.Field})
			}
			check(t, "Search", got, c.want)
			if conn.TotalCount != len(c.want) {
				t.Errorf("TotalCount %d, want %d", conn.TotalCount, len(c.want))
			}
		})
	}

	// Every hit in full, against domain.Searcher run over the fixture.
	for _, text := range []string{"Azerbaijan", "Russia", "corridor", "Farida Mamedova", "a aliyev", "3+3", "Baku port", "kuzmina"} {
		t.Run("in full: "+text, func(t *testing.T) {
			conn, err := st.Search(t.Context(), domain.SearchQuery{Text: text, Page: first(100)})
			must(t, "Search", err)
			check(t, "Search", conn.Nodes(), referenceSearch(t, fx, text))
		})
	}

	t.Run("pages", func(t *testing.T) {
		all := referenceSearch(t, fx, "Azerbaijan")
		if len(all) < 8 {
			t.Fatalf("the fixture has %d hits for Azerbaijan; the test wants more pages", len(all))
		}
		var got []*domain.SearchHit
		var after *string
		for pages := 0; ; pages++ {
			if pages > len(all) {
				t.Fatal("too many pages")
			}
			conn, err := st.Search(t.Context(), domain.SearchQuery{Text: "AZERBAIJAN", Page: domain.PageRequest{First: ptr(3), After: after}})
			must(t, "Search", err)
			if conn.TotalCount != len(all) || conn.PageInfo.HasPreviousPage != (after != nil) {
				t.Errorf("page %d: total %d, hasPrevious %v", pages+1, conn.TotalCount, conn.PageInfo.HasPreviousPage)
			}
			got = append(got, conn.Nodes()...)
			if !conn.PageInfo.HasNextPage {
				break
			}
			after = conn.PageInfo.EndCursor
		}
		check(t, "all pages", got, all)
	})

	t.Run("invalid", func(t *testing.T) {
		conn, err := st.Search(t.Context(), domain.SearchQuery{Text: "Azerbaijan", Page: first(1)})
		must(t, "Search", err)
		list, err := st.ListThemes(t.Context(), domain.ThemeQuery{Page: first(1)})
		must(t, "ListThemes", err)
		for _, c := range []struct {
			why string
			q   domain.SearchQuery
		}{
			{"empty", domain.SearchQuery{}},
			{"blank", domain.SearchQuery{Text: "  "}},
			{"punctuation only", domain.SearchQuery{Text: " – — -, "}},
			{"over 200 characters", domain.SearchQuery{Text: strings.Repeat("é", 201)}},
			{"unknown kind", domain.SearchQuery{Text: "Baku", Kinds: []domain.Kind{domain.KindPlace, "PLANET"}}},
			{"first over the maximum", domain.SearchQuery{Text: "Baku", Page: first(domain.MaxPageSize + 1)}},
			{"cursor of another text", domain.SearchQuery{Text: "Baku", Page: domain.PageRequest{After: conn.PageInfo.EndCursor}}},
			{"cursor of other kinds", domain.SearchQuery{Text: "Azerbaijan", Kinds: []domain.Kind{domain.KindCountry},
				Page: domain.PageRequest{After: conn.PageInfo.EndCursor}}},
			{"cursor of a list", domain.SearchQuery{Text: "Azerbaijan", Page: domain.PageRequest{After: list.PageInfo.EndCursor}}},
		} {
			_, err := st.Search(t.Context(), c.q)
			wantCode(t, c.why, err, domain.EINVALID)
		}
		// Rule: the 200 characters are runes; the same text in other case
		// and dashes is the same search, whose cursors serve each other.
		_, err = st.Search(t.Context(), domain.SearchQuery{Text: strings.Repeat("é", 200)})
		must(t, "Search of 200 characters", err)
		_, err = st.Search(t.Context(), domain.SearchQuery{Text: "azerbaijan ", Page: domain.PageRequest{After: conn.PageInfo.EndCursor}})
		must(t, "Search resumed with the text in other case", err)
	})

	t.Run("transliterations", func(t *testing.T) { testTransliterations(t, s) })
}

// testTransliterations searches people by spellings that are neither their
// names nor aliases.
func testTransliterations(t *testing.T, s *suite) {
	st := s.empty(t)
	g := &domain.Graph{People: []*domain.Person{
		{ID: "hikmet-hajiyev", Name: "Hikmet Hajiyev"},
		{ID: "elshad-iskandarov", Name: "Elshad Iskandarov"},
		{ID: "mikhail-evdokimov", Name: "Mikhail Evdokimov"},
		{ID: "farid-shafiyev", Name: "Farid Shafiyev"},
		{ID: "ivan-timofeev", Name: "Ivan Timofeev"},
	}}
	must(t, "Upsert", st.Upsert(t.Context(), g))
	for text, want := range map[string]string{
		"Hajiev": "hikmet-hajiyev", "Gadzhiev": "hikmet-hajiyev", "Гаджиев": "hikmet-hajiyev", "Hacıyev": "hikmet-hajiyev",
		"hikmet gadjiev": "hikmet-hajiyev",
		"Isgandarov":     "elshad-iskandarov", "Iskenderov": "elshad-iskandarov", "Искандаров": "elshad-iskandarov",
		"Yevdokimov": "mikhail-evdokimov", "Евдокимов": "mikhail-evdokimov", "Mikhail Yevdokimov": "mikhail-evdokimov",
		"Shafiev": "farid-shafiyev", "Şəfiyev": "farid-shafiyev", "Timofeyev": "ivan-timofeev",
	} {
		conn, err := st.Search(t.Context(), domain.SearchQuery{Text: text})
		must(t, "Search", err)
		var got []string
		for _, h := range conn.Nodes() {
			got = append(got, h.Node.ID)
			if h.Match != domain.MatchVariant {
				t.Errorf("Search(%q) matched %s by %s, want VARIANT", text, h.Node.ID, h.Match)
			}
		}
		check(t, fmt.Sprintf("Search(%q)", text), got, []string{want})
	}
}

// referenceSearch runs domain.Searcher over every node of g, with the values
// the rules of testSearch name, and ranks the hits.
func referenceSearch(t *testing.T, g *domain.Graph, text string) []*domain.SearchHit {
	t.Helper()
	sr, err := domain.NewSearcher(domain.SearchQuery{Text: text, Page: first(100)})
	must(t, "NewSearcher", err)
	var hits []*domain.SearchHit
	add := func(id string, values []domain.SearchValue) {
		if h := sr.Match(ref(g, id), values); h != nil {
			hits = append(hits, h)
		}
	}
	for _, x := range g.Councils {
		add(x.ID, domain.SearchValues(x.Name, x.ShortName, x.Aliases, "", ""))
	}
	for _, x := range g.Institutions {
		add(x.ID, domain.SearchValues(x.Name, x.ShortName, x.Aliases, "", ""))
	}
	for _, x := range g.Initiatives {
		add(x.ID, domain.SearchValues(x.Name, x.ShortName, x.Aliases, "", ""))
	}
	for _, x := range g.People {
		add(x.ID, domain.SearchValues(x.Name, "", x.Aliases, "", ""))
	}
	for _, x := range g.Countries {
		add(x.ID, domain.SearchValues(x.Name, "", x.Aliases, "", ""))
	}
	for _, x := range g.Places {
		add(x.ID, domain.SearchValues(x.Name, "", x.Aliases, "", ""))
	}
	for _, x := range g.Themes {
		add(x.ID, domain.SearchValues(x.Name, "", x.Aliases, "", ""))
	}
	for _, x := range g.Meetings {
		add(x.ID, domain.SearchValues("", "", nil, x.Title, ""))
	}
	for _, x := range g.Publications {
		add(x.ID, domain.SearchValues("", "", nil, x.Title, ""))
	}
	for _, x := range g.Sources {
		add(x.ID, domain.SearchValues("", "", nil, x.Title, ""))
	}
	for _, x := range g.Recommendations {
		add(x.ID, domain.SearchValues("", "", nil, "", x.Text))
	}
	conn, err := sr.Page(hits)
	must(t, "Page", err)
	return conn.Nodes()
}
