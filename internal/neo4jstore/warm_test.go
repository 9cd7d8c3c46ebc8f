package neo4jstore

import (
	"fmt"
	"reflect"
	"testing"
	"time"
)

// TestStatements checks what the warm-up is given: the read statements run,
// most run first, each with the parameters of its last run, no more than
// warmMax of them, and whether a caller ran one since a time.
func TestStatements(t *testing.T) {
	var q statements
	q.note("B", map[string]any{"id": "b1"})
	q.note("A", map[string]any{"id": "a1"})
	q.note("B", map[string]any{"id": "b2"})
	q.note("C", nil)
	mid := time.Now()
	time.Sleep(time.Millisecond)
	q.note("C", map[string]any{"ids": []string{"c"}})
	q.note("C", map[string]any{"ids": []string{"c", "d"}})
	var got []string
	for _, st := range q.list() {
		got = append(got, fmt.Sprintf("%s %d %v", st.cypher, st.runs, st.params))
	}
	want := []string{"C 3 map[ids:[c d]]", "B 2 map[id:b2]", "A 1 map[id:a1]"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("list() = %q, want %q", got, want)
	}
	for cypher, want := range map[string]bool{"A": false, "B": false, "C": true, "D": false} {
		if got := q.ranSince(cypher, mid); got != want {
			t.Errorf("ranSince(%q) = %v, want %v", cypher, got, want)
		}
	}
	for i := range 2 * warmMax {
		q.note(fmt.Sprint("S", i), nil)
	}
	if n := len(q.list()); n != warmMax {
		t.Errorf("%d statements remembered, want at most %d", n, warmMax)
	}
}
