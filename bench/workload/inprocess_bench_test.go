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
	"github.com/expertgraph/expertgraph/internal/httpserver"
	"github.com/expertgraph/expertgraph/internal/memstore"
)

// BenchmarkGraphQL sends the eight operations of expertgraphOps, exactly as
// egbench run does, through the server's GraphQL handler (limits, loaders,
// gqlgen, JSON) over the embedded store holding the SF1 graph, in process:
// no network and no load generator beside it, so that allocations per
// request (what drives the garbage collector, docs/benchmarks.md) are
// measured exactly, whatever else the machine runs:
//
//	go test ./bench/workload -run '^$' -bench GraphQL -benchmem -benchtime 2000x
func BenchmarkGraphQL(b *testing.B) {
	ctx := context.Background()
	g := gen.New(gen.Config{SF: 1, Seed: 1})
	all := g.All()
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
	for _, q := range Questions {
		b.Run(q, func(b *testing.B) {
			r := rand.New(rand.NewPCG(1, 0))
			bodies := make([][]byte, 64)
			for i := range bodies {
				bodies[i], _ = json.Marshal(map[string]any{"query": expertgraphOps[q], "variables": target.vars(q, Draw(r, g.Sample, q))})
			}
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(bodies[i%len(bodies)]))
				req.Header.Set("Content-Type", "application/json")
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK || bytes.Contains(rec.Body.Bytes(), []byte(`"errors"`)) {
					b.Fatalf("%s: HTTP %d: %.300s", q, rec.Code, rec.Body)
				}
				i++
			}
		})
	}
}
