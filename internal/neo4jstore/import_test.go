package neo4jstore

import (
	"fmt"
	"log/slog"
	"os"
	"testing"
	"time"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// BenchmarkImport writes a synthetic graph of 10,000 meetings (50,000
// appearances, 30,000 recommendations) in one Upsert, then writes it again.
// Run it on purpose: go test -run '^$' -bench Import -benchtime 1x.
func BenchmarkImport(b *testing.B) {
	g := bigGraph(10000)
	for b.Loop() {
		st := cleanStore(b)
		st.Store = &Store{driver: st.driver, db: st.db, log: slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))}
		start := time.Now()
		if err := st.Upsert(b.Context(), g); err != nil {
			b.Fatal(err)
		}
		b.Logf("first Upsert of %d meetings: %s", len(g.Meetings), time.Since(start))
		start = time.Now()
		if err := st.Upsert(b.Context(), g); err != nil {
			b.Fatal(err)
		}
		b.Logf("second Upsert: %s", time.Since(start))
		start = time.Now()
		if _, err := st.Export(b.Context()); err != nil {
			b.Fatal(err)
		}
		b.Logf("Export: %s", time.Since(start))
	}
}

// bigGraph returns a valid graph of n meetings and what they refer to.
func bigGraph(n int) *domain.Graph {
	g := &domain.Graph{}
	id := func(prefix string, i int) string { return fmt.Sprintf("%s-%d", prefix, i) }
	for i := range 20 {
		g.Countries = append(g.Countries, &domain.Country{ID: id("country", i), Name: fmt.Sprintf("Country %d", i)})
	}
	for i := range 100 {
		g.Places = append(g.Places, &domain.Place{ID: id("place", i), Name: fmt.Sprintf("City %d", i), CountryID: id("country", i%20)})
	}
	for i := range 500 {
		g.Institutions = append(g.Institutions, &domain.Institution{ID: id("inst", i), Name: fmt.Sprintf("Institute %d", i),
			ShortName: fmt.Sprintf("I%d", i), Kind: domain.InstitutionThinkTank, CountryID: id("country", i%20)})
	}
	for i := range 3000 {
		g.People = append(g.People, &domain.Person{ID: id("person", i), Name: fmt.Sprintf("Person %d", i),
			Aliases: []string{fmt.Sprintf("P. %d", i)}, CountryID: id("country", i%20),
			Affiliations: []domain.Affiliation{{InstitutionID: id("inst", i%500), Title: "Fellow"}}})
	}
	for i := range 50 {
		g.Councils = append(g.Councils, &domain.Council{ID: id("council", i), Name: fmt.Sprintf("Council %d", i),
			CountryIDs: []string{id("country", i%20), id("country", (i+1)%20)}, OrganizerIDs: []string{id("inst", i)}})
	}
	for i := range 200 {
		g.Initiatives = append(g.Initiatives, &domain.Initiative{ID: id("init", i), Name: fmt.Sprintf("Initiative %d", i),
			Kind: domain.InitiativeCorridor})
	}
	for i := range 20 {
		g.Themes = append(g.Themes, &domain.Theme{ID: id("theme", i), Name: fmt.Sprintf("Theme %d", i)})
	}
	for i := range 1000 {
		g.Publications = append(g.Publications, &domain.Publication{ID: id("pub", i), Title: fmt.Sprintf("Paper %d", i),
			InstitutionIDs: []string{id("inst", i%500)}, Sources: []domain.SourceRef{{SourceID: id("src", i)}}})
	}
	for i := range n {
		src := []domain.SourceRef{{SourceID: id("src", i), Excerpt: "reported"}}
		g.Sources = append(g.Sources, &domain.Source{ID: id("src", i), URL: fmt.Sprintf("https://example.org/%d", i), Publisher: "Example"})
		m := id("meeting", i)
		g.Meetings = append(g.Meetings, &domain.Meeting{ID: m, CouncilID: id("council", i%50), Ordinal: i/50 + 1,
			Title: fmt.Sprintf("Meeting %d", i), Date: domain.Date{Year: 2000 + i%25, Month: 1 + i%12, Day: 1 + i%28},
			PlaceID: id("place", i%100), OrganizerIDs: []string{id("inst", i%500), id("inst", (i+7)%500)},
			ThemeIDs: []string{id("theme", i%20), id("theme", (i+3)%20)}, InitiativeIDs: []string{id("init", i%200), id("init", (i+5)%200)},
			Publications: []domain.PublicationLink{{PublicationID: id("pub", i%1000), Relation: domain.PublicationPresented}},
			Sources:      src})
		for j := range 5 {
			p := (i*5 + j) % 3000
			g.Appearances = append(g.Appearances, &domain.Appearance{MeetingID: m, PersonID: id("person", p),
				Roles: []domain.Role{domain.RoleSpeaker}, Title: "Fellow", InstitutionID: id("inst", (p+j)%500), Order: j + 1, Sources: src})
		}
		for j := range 3 {
			g.Recommendations = append(g.Recommendations, &domain.Recommendation{ID: fmt.Sprintf("%s-r%d", m, j), MeetingID: m,
				Kind: domain.RecommendationProposal, Text: "Keep meeting.", Order: j + 1,
				InitiativeIDs: []string{id("init", (i+j)%200)}, ThemeIDs: []string{id("theme", (i+j)%20)},
				CountryIDs: []string{id("country", j)}, Sources: src})
		}
	}
	return g
}
