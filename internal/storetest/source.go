package storetest

import (
	"context"
	"testing"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// The fixture's sources by normalised title; src-trend-2023 has none and sorts first.
var sourcesAsc = []string{"src-trend-2023", "src-air-2023", "src-kisi-2023", "src-caspian-2023", "src-riac-2024",
	"src-rked-2", "src-riac-2022"}

func testSources(t *testing.T, s *suite) {
	st := s.loaded(t)
	fx := Fixture()
	t.Run("Sources", func(t *testing.T) { batchCases(t, "Sources", st.Sources, fx.Sources, sourceID) })

	// A NameFilter on sources matches the title only.
	for _, c := range []struct {
		name string
		f    domain.NameFilter
		want []string
	}{
		{"no filter", domain.NameFilter{}, sourcesAsc},
		{"part of titles", domain.NameFilter{Name: "RAEC"}, []string{"src-air-2023", "src-riac-2022"}},
		{"dashes", domain.NameFilter{Name: "Russia—Kazakhstan"}, []string{"src-kisi-2023", "src-rked-2"}},
		{"one title", domain.NameFilter{Name: "baku"}, []string{"src-riac-2024"}},
		{"publisher is not a title", domain.NameFilter{Name: "Trend"}, nil},
	} {
		t.Run("ListSources/"+c.name, func(t *testing.T) {
			checkFilter(t, c.want, nil, func(sort string) (*page, error) {
				conn, err := st.ListSources(t.Context(), domain.SourceQuery{Filter: c.f, Sort: nameSort(sort), Page: first(100)})
				return toPage(conn, err, sourceID)
			})
		})
	}
	t.Run("ListSources/unknown order", func(t *testing.T) {
		_, err := st.ListSources(t.Context(), domain.SourceQuery{Sort: "PUBLISHED"})
		wantCode(t, "ListSources", err, domain.EINVALID)
	})
	t.Run("cited by reference data", func(t *testing.T) { testReferenceCitations(t, s) })
}

// testReferenceCitations checks that countries, places, initiatives and
// themes cite sources as institutions do: written and read back (one by one,
// in lists and in the export) in the order given, with their excerpts;
// replaced whole by an upsert; checked like any reference; and a source they
// cite cannot be deleted while they do.
func testReferenceCitations(t *testing.T, s *suite) {
	st := s.loaded(t)
	ctx := t.Context()
	cite := []domain.SourceRef{{SourceID: "src-geo-2024", Excerpt: "the Black Sea ports"}, {SourceID: "src-kisi-2023"}}
	add := &domain.Graph{
		Countries:   []*domain.Country{{ID: "georgia", Name: "Georgia", Sources: cite}},
		Places:      []*domain.Place{{ID: "batumi", Name: "Batumi", CountryID: "georgia", Sources: cite}},
		Initiatives: []*domain.Initiative{{ID: "black-sea-link", Name: "Black Sea Link", Kind: domain.InitiativeCorridor, Sources: cite}},
		Themes:      []*domain.Theme{{ID: "shipping", Name: "Shipping", Sources: cite}},
		Sources: []*domain.Source{{ID: "src-geo-2024", URL: "https://geo.example/black-sea", Title: "Black Sea ports",
			Publisher: "Geo", Language: "en"}},
	}
	must(t, "Upsert", st.Upsert(ctx, add.Clone()))

	countries, err := st.Countries(ctx, []string{"georgia", "kazakhstan"})
	must(t, "Countries", err)
	check(t, "Countries", countries, []*domain.Country{add.Countries[0], one(t, Fixture().Countries, countryID, "kazakhstan")})
	places, err := st.Places(ctx, []string{"batumi"})
	must(t, "Places", err)
	check(t, "Places", places, add.Places)
	inits, err := st.Initiatives(ctx, []string{"black-sea-link"})
	must(t, "Initiatives", err)
	check(t, "Initiatives", inits, add.Initiatives)
	themes, err := st.Themes(ctx, []string{"shipping"})
	must(t, "Themes", err)
	check(t, "Themes", themes, add.Themes)

	cl, err := st.ListCountries(ctx, domain.CountryQuery{Filter: domain.NameFilter{Name: "Georgia"}, Page: first(10)})
	must(t, "ListCountries", err)
	check(t, "ListCountries", cl.Nodes(), add.Countries)
	pl, err := st.ListPlaces(ctx, domain.PlaceQuery{Filter: domain.PlaceFilter{CountryID: "georgia"}, Page: first(10)})
	must(t, "ListPlaces", err)
	check(t, "ListPlaces", pl.Nodes(), add.Places)
	il, err := st.ListInitiatives(ctx, domain.InitiativeQuery{Filter: domain.InitiativeFilter{Name: "Black Sea"}, Page: first(10)})
	must(t, "ListInitiatives", err)
	check(t, "ListInitiatives", il.Nodes(), add.Initiatives)
	tl, err := st.ListThemes(ctx, domain.ThemeQuery{Filter: domain.ThemeFilter{Name: "Shipping"}, Page: first(10)})
	must(t, "ListThemes", err)
	check(t, "ListThemes", tl.Nodes(), add.Themes)

	wantNodes(t, "Delete(a source only reference data cites)", st.Delete(ctx, []string{"src-geo-2024"}), "referrers",
		"batumi", "black-sea-link", "georgia", "shipping")

	// An upsert writes a node whole: its sources are those given.
	add.Themes[0].Sources = []domain.SourceRef{{SourceID: "src-kisi-2023", Excerpt: "shipping"}}
	must(t, "Upsert(theme)", st.Upsert(ctx, &domain.Graph{Themes: []*domain.Theme{add.Themes[0]}}))
	themes, err = st.Themes(ctx, []string{"shipping"})
	must(t, "Themes", err)
	check(t, "Themes after an upsert", themes, add.Themes)

	for name, g := range map[string]*domain.Graph{
		"country":    {Countries: []*domain.Country{{ID: "georgia", Name: "Georgia", Sources: []domain.SourceRef{{SourceID: "no-such-source"}}}}},
		"place":      {Places: []*domain.Place{{ID: "batumi", Name: "Batumi", CountryID: "georgia", Sources: []domain.SourceRef{{SourceID: "raec-5"}}}}},
		"initiative": {Initiatives: []*domain.Initiative{{ID: "black-sea-link", Name: "Black Sea Link", Kind: domain.InitiativeCorridor, Sources: append(cite, cite[0])}}},
		"theme":      {Themes: []*domain.Theme{{ID: "shipping", Name: "Shipping", Sources: []domain.SourceRef{{SourceID: "no-such-source"}}}}},
	} {
		wantCode(t, "Upsert(a "+name+" citing a bad source)", st.Upsert(ctx, g), domain.EINVALID)
	}

	want := Fixture()
	want.Countries = append(want.Countries, add.Countries...)
	want.Places = append(want.Places, add.Places...)
	want.Initiatives = append(want.Initiatives, add.Initiatives...)
	want.Themes = append(want.Themes, add.Themes...)
	want.Sources = append(want.Sources, add.Sources...)
	checkExport(t, st, want)
}

func sourceList() listCase {
	return listCase{
		name: "ListSources",
		asc:  sourcesAsc,
		desc: reversed(sourcesAsc),
		list: func(ctx context.Context, s domain.Store, a listArgs) (*page, error) {
			q := domain.SourceQuery{Sort: nameSort(a.sort), Page: a.page}
			if a.alt {
				q.Filter.Name = "raec"
			}
			c, err := s.ListSources(ctx, q)
			return toPage(c, err, sourceID)
		},
	}
}
