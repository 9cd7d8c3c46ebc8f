package workload

import (
	"bytes"
	"context"
	"encoding/json"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/expertgraph/expertgraph/bench/gen"
	"github.com/expertgraph/expertgraph/internal/domain"
	"github.com/expertgraph/expertgraph/internal/httpserver"
	"github.com/expertgraph/expertgraph/internal/memstore"
)

// BenchmarkGraphQL sends the eight operations of expertgraphOps, exactly as
// egbench run does, through the server's GraphQL handler (limits, loaders,
// gqlgen, JSON) over the embedded store holding the SF1 graph, in process:
// no network and no load generator beside it, so that allocations per
// request (what drives the garbage collector, docs/benchmarks.md) are
// measured exactly, whatever else the machine runs; and Q2 for the busiest
// person of the sample alone (q2-busiest-person):
//
//	go test ./bench/workload -run '^$' -bench GraphQL -benchmem -benchtime 2000x
func BenchmarkGraphQL(b *testing.B) {
	ctx := context.Background()
	g := gen.New(gen.Config{SF: 1, Seed: 1})
	all := g.All()
	busiest := busiestPerson(all, g.Sample.People)
	st, err := memstore.Open("")
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close(ctx)
	if err := st.Upsert(ctx, all); err != nil {
		b.Fatal(err)
	}
	all = nil
	h := httpserver.GraphQL(httpserver.Config{Store: st, InOrder: true}) // as serve runs the embedded store
	target := &GraphQL{ops: expertgraphOps}
	run := func(b *testing.B, bodies [][]byte) {
		b.ReportAllocs()
		i, size := 0, 0
		for b.Loop() {
			req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(bodies[i%len(bodies)]))
			req.Header.Set("Content-Type", "application/json")
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != http.StatusOK || bytes.Contains(rec.Body.Bytes(), []byte(`"errors"`)) {
				b.Fatalf("HTTP %d: %.300s", rec.Code, rec.Body)
			}
			i, size = i+1, size+rec.Body.Len()
		}
		b.ReportMetric(float64(size)/float64(i), "answer-bytes")
	}
	for _, q := range Questions {
		b.Run(q, func(b *testing.B) {
			r := rand.New(rand.NewPCG(1, 0))
			bodies := make([][]byte, 64)
			for i := range bodies {
				bodies[i], _ = json.Marshal(map[string]any{"query": expertgraphOps[q], "variables": target.vars(q, Draw(r, g.Sample, q))})
			}
			run(b, bodies)
		})
	}
	// Q2's tail at one client is its busiest people: the busiest of the
	// sample alone.
	b.Run("q2-busiest-person", func(b *testing.B) {
		body, _ := json.Marshal(map[string]any{"query": expertgraphOps["q2-person-history"], "variables": map[string]any{"id": busiest}})
		run(b, [][]byte{body})
	})
}

// busiestPerson returns the person of ids with the most appearances in g.
func busiestPerson(g *domain.Graph, ids []string) string {
	n := map[string]int{}
	for _, a := range g.Appearances {
		n[a.PersonID]++
	}
	best := ids[0]
	for _, id := range ids {
		if n[id] > n[best] {
			best = id
		}
	}
	return best
}
