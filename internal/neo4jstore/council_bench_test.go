package neo4jstore

import (
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// BenchmarkCouncilAnalytics times the store calls of the benchmark's two
// questions about a council (bench/workload): Q5, the institutions that sent
// speakers to it (Pairs), and Q8, its dashboard (three Counts in one call),
// over every council of the graph already in the database of NEO4J_URI in
// turn, so that ns/op is the mean over the councils. It writes nothing and
// is skipped when the database holds no council; point it at bench/run's
// Neo4j:
//
//	NEO4J_URI=bolt://127.0.0.1:7690 go test ./internal/neo4jstore -run '^$' -bench CouncilAnalytics -benchtime 1000x
func BenchmarkCouncilAnalytics(b *testing.B) {
	s := sharedStore(b)
	ctx := b.Context()
	r, err := neo4j.ExecuteQuery(ctx, s.driver, "MATCH (c:"+labelCouncil+") RETURN c."+propID+" AS id ORDER BY id", nil,
		neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.db))
	if err != nil {
		b.Fatal(err)
	}
	var councils []string
	for _, rec := range r.Records {
		councils = append(councils, rec.Values[0].(string))
	}
	if len(councils) == 0 {
		b.Skip("the database holds no council: load a graph first (bench/run --keep, or egbench load)")
	}
	cases := []struct {
		name string
		call func(council string) error
	}{
		{"q5 institutions to a council", func(c string) error {
			_, err := s.Pairs(ctx, domain.PairQuery{Kind: domain.PairInstitutionCouncil, CouncilID: c, Limit: 20})
			return err
		}},
		{"q8 a council's dashboard", func(c string) error {
			_, err := s.Counts(ctx, []domain.CountQuery{{By: domain.MeetingsPerYear, CouncilID: c},
				{By: domain.RecommendationsPerTheme, CouncilID: c}, {By: domain.SpeakersPerCountry, CouncilID: c}})
			return err
		}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			i := 0
			for b.Loop() {
				if err := c.call(councils[i%len(councils)]); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}
