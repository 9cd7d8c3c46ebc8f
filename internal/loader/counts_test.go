package loader

import (
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2"

	"github.com/expertgraph/expertgraph/internal/dataset"
	"github.com/expertgraph/expertgraph/internal/domain"
	"github.com/expertgraph/expertgraph/internal/instrument"
	"github.com/expertgraph/expertgraph/internal/memstore"
	"github.com/expertgraph/expertgraph/seed"
)

// TestCountsGather checks how a request's root counts fields are read:
// together in one Store.Counts when they resolve concurrently (as gqlgen
// resolves root fields), each alone when they resolve one after another
// (the first waits out the loaders' wait, then reads; the second finds the
// gathering done), and alone when the operation has only one. Every field
// gets the answer Count gives it.
func TestCountsGather(t *testing.T) {
	schema := loadSchema(t)
	g, err := dataset.Load(seed.FS)
	if err != nil {
		t.Fatal(err)
	}
	s, err := memstore.Open("")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Upsert(t.Context(), g); err != nil {
		t.Fatal(err)
	}
	qs := []domain.CountQuery{
		{By: domain.MeetingsPerYear, CouncilID: "raec"},
		{By: domain.RecommendationsPerTheme, CouncilID: "raec"},
	}
	var want [][]*domain.KeyCount
	for _, q := range qs {
		w, err := s.Count(t.Context(), q)
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, w)
	}
	two := `{ a: counts(by: MEETINGS_PER_YEAR, council: "raec") { key } b: counts(by: RECOMMENDATIONS_PER_THEME, council: "raec") { key } }`
	one := `{ a: counts(by: MEETINGS_PER_YEAR, council: "raec") { key } }`
	cases := []struct {
		name, doc  string
		concurrent bool
		calls      map[string]int
	}{
		{"two fields at once: one read", two, true, map[string]int{"Counts": 1}},
		{"two fields one after another: each alone", two, false, map[string]int{"Counts": 1, "Count": 1}},
		{"one field: read alone", one, false, map[string]int{"Count": 1}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			doc, gerr := gqlparser.LoadQuery(schema, tc.doc)
			if gerr != nil {
				t.Fatal(gerr)
			}
			var c instrument.Counter
			l := New(instrument.Wrap(s, c.Observe), 20*time.Millisecond)
			ctx := graphql.WithOperationContext(t.Context(), &graphql.OperationContext{Doc: doc, Operation: doc.Operations[0]})
			n := len(doc.Operations[0].SelectionSet)
			got := make([][]*domain.KeyCount, n)
			errs := make([]error, n)
			count := func(i int) {
				fctx := graphql.WithFieldContext(ctx, &graphql.FieldContext{Object: "Query"})
				got[i], errs[i] = l.Count(fctx, qs[i])
			}
			if tc.concurrent {
				var wg sync.WaitGroup
				for i := range n {
					wg.Go(func() { count(i) })
				}
				wg.Wait()
			} else {
				for i := range n {
					count(i)
				}
			}
			for i := range n {
				if errs[i] != nil {
					t.Fatalf("field %d: %v", i, errs[i])
				}
				if !reflect.DeepEqual(got[i], want[i]) {
					t.Errorf("field %d: %v, want %v", i, got[i], want[i])
				}
			}
			if calls := c.Calls(); !reflect.DeepEqual(calls, tc.calls) {
				t.Errorf("store calls %v, want %v", calls, tc.calls)
			}
		})
	}
}
