package loader

import (
	"reflect"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// TestWalkLeavesIDOnlyReferences checks that the include walk asks the
// store for no node a reference names when the query asks nothing of it
// but its ID (and __typename, on its type or on Node): the answer holds
// the ID already (ref.go).
func TestWalkLeavesIDOnlyReferences(t *testing.T) {
	schema := loadSchema(t)
	cases := []struct {
		name, doc string
		want      wanted
	}{
		{"a council asked its ID, a place its name", `{ meeting(id: "m") { council { id } place { name } } }`,
			wanted{kinds: map[domain.Kind]bool{domain.KindPlace: true}}},
		{"id and __typename", `{ meeting(id: "m") { council { id __typename } } }`, wanted{kinds: map[domain.Kind]bool{}}},
		{"id on Node", `{ meeting(id: "m") { council { ... on Node { id } } } }`, wanted{kinds: map[domain.Kind]bool{}}},
		{"id and a name", `{ meeting(id: "m") { council { id name } } }`, wanted{kinds: map[domain.Kind]bool{domain.KindCouncil: true}}},
		{"a name in a fragment", `{ meeting(id: "m") { council { id ...C } } } fragment C on Council { name }`,
			wanted{kinds: map[domain.Kind]bool{domain.KindCouncil: true}}},
		{"a person's history (Q2): the meetings, not their councils", `{ person(id: "p") { appearances {
			meeting { id title council { id } } institution { id } } } }`,
			wanted{kinds: map[domain.Kind]bool{domain.KindMeeting: true}, apps: true}},
		{"a recurrence (Q3): nothing", `{ recurrence(ids: ["x"]) { firstMention { date meeting { id } }
			councils { council { id } meetings } } }`, wanted{kinds: map[domain.Kind]bool{}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, err := gqlparser.LoadQuery(schema, c.doc)
			if err != nil {
				t.Fatal(err)
			}
			op := &graphql.OperationContext{Doc: doc, Variables: map[string]any{}}
			root := doc.Operations[0].SelectionSet[0].(*ast.Field)
			w := wanted{kinds: map[domain.Kind]bool{}}
			walk(op, root.Definition.Type.Name(), root.SelectionSet, &w, 0)
			if !reflect.DeepEqual(w, c.want) {
				t.Errorf("walk asks %+v, want %+v", w, c.want)
			}
		})
	}
}
