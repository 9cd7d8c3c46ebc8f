package neo4jstore

import (
	"reflect"
	"testing"
)

// TestIncludeRows checks that the map rows of included carry the columns the
// mappers read, taken from the fields of the batch readers.
func TestIncludeRows(t *testing.T) {
	cases := []struct {
		fields, row string
		columns     []string
	}{
		{"n", "{n: n}", []string{"n"}},
		{"n, head(COLLECT { MATCH (n)-[:X]->(x) RETURN x.id }) AS country, 'a, b AS c' AS s",
			"{n: n, country: head(COLLECT { MATCH (n)-[:X]->(x) RETURN x.id }), s: 'a, b AS c'}", []string{"n", "country", "s"}},
		{meetingFields, "", []string{"n", "council", "place", "organizers", "themes", "initiatives", "publications", "sources"}},
	}
	for _, c := range cases {
		k := newIncludeKind("", "", c.fields, "n", nil)
		if !reflect.DeepEqual(k.columns, c.columns) {
			t.Errorf("columns of %q: %q, want %q", c.fields, k.columns, c.columns)
		}
		if c.row != "" && k.row != c.row {
			t.Errorf("row of %q:\n%s\nwant\n%s", c.fields, k.row, c.row)
		}
	}
	// A lean row's columns are the leading columns of the full row, so that
	// the mapper finds the same values under them.
	for _, k := range includable {
		if !reflect.DeepEqual(k.leanColumns, k.columns[:len(k.leanColumns)]) {
			t.Errorf("%s: lean columns %q are not the first of %q", k.kind, k.leanColumns, k.columns)
		}
	}
}
