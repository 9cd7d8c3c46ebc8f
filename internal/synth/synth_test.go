package synth

import (
	"reflect"
	"testing"

	"github.com/expertgraph/expertgraph/internal/domain"
)

func TestGenerate(t *testing.T) {
	g := Generate(600)
	if err := g.Validate(nil); err != nil {
		t.Fatalf("the generated graph does not validate: %v", err)
	}
	if !reflect.DeepEqual(g, Generate(600)) {
		t.Error("two graphs of the same size differ")
	}
	if len(g.Meetings) != 600 || len(g.People) != People || len(g.Councils) != Councils(600) {
		t.Errorf("%d meetings, %d people, %d councils", len(g.Meetings), len(g.People), len(g.Councils))
	}
	if n := len(g.Appearances); n < 600*4 || n > 600*12 {
		t.Errorf("%d appearances for 600 meetings", n)
	}
}

// TestBatches checks that the batches, written in order, validate one after
// another and hold the whole graph.
func TestBatches(t *testing.T) {
	g := Generate(600)
	batches := Batches(g, 250)
	if len(batches) != 4 {
		t.Fatalf("%d batches of 250 meetings for 600 meetings and the reference nodes, want 4", len(batches))
	}
	kinds := map[string]domain.Kind{}
	var total domain.Graph
	for i, b := range batches {
		if err := b.Validate(func(id string) domain.Kind { return kinds[id] }); err != nil {
			t.Fatalf("batch %d does not validate: %v", i, err)
		}
		for id, k := range b.Kinds() {
			kinds[id] = k
		}
		if i > 0 && len(b.Meetings) > 250 {
			t.Errorf("batch %d has %d meetings", i, len(b.Meetings))
		}
		total.Meetings = append(total.Meetings, b.Meetings...)
		total.Appearances = append(total.Appearances, b.Appearances...)
		total.Recommendations = append(total.Recommendations, b.Recommendations...)
		total.Sources = append(total.Sources, b.Sources...)
		total.Publications = append(total.Publications, b.Publications...)
	}
	if len(total.Meetings) != len(g.Meetings) || len(total.Appearances) != len(g.Appearances) ||
		len(total.Recommendations) != len(g.Recommendations) || len(total.Sources) != len(g.Sources) ||
		len(total.Publications) != len(g.Publications) {
		t.Error("the batches do not hold the whole graph")
	}
}
