package neo4jstore

import (
	"testing"

	"github.com/expertgraph/expertgraph/internal/domain"
	"github.com/expertgraph/expertgraph/internal/storetest"
)

// BenchmarkAnalytics times every analytic field on the seed and on the
// synthetic graph of 10,000 meetings (docs/benchmarks.md). It empties the
// database of NEO4J_URI unless it holds the graph already, so give it a
// server of its own:
//
//	NEO4J_URI=bolt://127.0.0.1:7688 go test ./internal/neo4jstore -run '^$' -bench Analytics -benchtime 2s
func BenchmarkAnalytics(b *testing.B) {
	for _, d := range []storetest.BenchData{storetest.SeedBench(), storetest.SynthBench(10000)} {
		b.Run(d.Name, func(b *testing.B) {
			st := sharedStore(b)
			took, err := storetest.Load(b.Context(), st, d)
			if err != nil {
				wipe(b, st)
				took, err = storetest.Load(b.Context(), st, d)
			}
			if err != nil {
				b.Fatal(err)
			}
			stats, _ := st.Stats(b.Context())
			b.Logf("%s: %d meetings, %d appearances, %d recommendations, written in %s", d.Name,
				stats.Nodes[domain.KindMeeting], stats.Appearances, stats.Nodes[domain.KindRecommendation], took)
			storetest.Bench(b, st, d.Args)
		})
	}
}
