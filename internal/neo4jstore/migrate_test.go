package neo4jstore

import (
	"context"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/expertgraph/expertgraph/internal/domain"
	"github.com/expertgraph/expertgraph/internal/storetest"
)

// TestMigrate opens a database as an older version left it (the full-text
// index over other properties, no variant keys, no normalised texts, no
// counts, no schema version): Open must replace the index and fill in what
// is missing, so that search and the orders by counts work at once.
func TestMigrate(t *testing.T) {
	st := newStore(t).(borrowed)
	ctx := t.Context()
	if err := st.Upsert(ctx, storetest.Fixture()); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		"MATCH (n:" + labelNode + ") REMOVE n." + propVariants + ", n." + propSearchText + ", n." + propMeetingCount + ", n." +
			propRecCount + ", n." + propAppearanceCount + ", n." + propSpeakerCount,
		"MATCH (v:" + labelSchema + ") DELETE v",
		"DROP INDEX " + fulltextIndex + " IF EXISTS",
		"CREATE FULLTEXT INDEX " + fulltextIndex + " FOR (n:" + labelCouncil + "|" + labelPerson + ") ON EACH [n." + propName + "]",
	} {
		if _, err := neo4j.ExecuteQuery(ctx, st.driver, q, nil, neo4j.EagerResultTransformer,
			neo4j.ExecuteQueryWithDatabase(st.db), neo4j.ExecuteQueryWithWritersRouting()); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}

	cfg := testConfig(t)
	s, err := Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close(context.Background())
	hits, err := s.Search(ctx, domain.SearchQuery{Text: "Hajiev"})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits.Edges) != 1 || hits.Edges[0].Node.Node.ID != "rashad-hajiyev" || hits.Edges[0].Node.Match != domain.MatchVariant {
		t.Errorf("Search(Hajiev) after the migration: %+v", hits.Nodes())
	}
	people, err := s.ListPeople(ctx, domain.PersonQuery{Sort: domain.PersonAppearancesDesc, Page: domain.PageRequest{First: ptr(2)}})
	if err != nil {
		t.Fatal(err)
	}
	if people.TotalCount != 8 || len(people.Edges) != 2 || people.Edges[0].Node.ID != "pavel-orlov" || people.Edges[1].Node.ID != "elena-kuzmina" {
		t.Errorf("people by appearances after the migration: total %d, %v", people.TotalCount, people.Nodes())
	}
	texts, err := s.Search(ctx, domain.SearchQuery{Text: "customs", Kinds: []domain.Kind{domain.KindRecommendation}})
	if err != nil {
		t.Fatal(err)
	}
	if texts.TotalCount != 1 {
		t.Errorf("Search(customs) in recommendations after the migration: %+v", texts.Nodes())
	}
}
