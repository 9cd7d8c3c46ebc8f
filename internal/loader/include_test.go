package loader

import (
	"reflect"
	"slices"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// TestLeanOf checks which kinds a document lets the With readers return
// lean: those none of whose relation fields it names, anywhere.
func TestLeanOf(t *testing.T) {
	all := []domain.Kind{domain.KindCouncil, domain.KindMeeting, domain.KindPerson, domain.KindInstitution, domain.KindPlace}
	but := func(not ...domain.Kind) []domain.Kind {
		var out []domain.Kind
		for _, k := range all {
			if !slices.Contains(not, k) {
				out = append(out, k)
			}
		}
		return out
	}
	cases := []struct {
		name, doc string
		lean      []domain.Kind
	}{
		{"a meeting's speakers by name", `{ meeting(id: "m") { id speakers { person { id name } institution { id name } } } }`, all},
		{"sources anywhere: no kind with sources", `{ meeting(id: "m") { speakers { person { id } } } sources { nodes { id } } }`, nil},
		{"country: people, institutions and places", `{ person(id: "p") { country { id } } }`,
			but(domain.KindPerson, domain.KindInstitution, domain.KindPlace)},
		{"in an inline fragment", `{ lookup(name: "x") { ... on Council { countries { id } } } }`, but(domain.KindCouncil)},
		{"in a named fragment", `query { person(id: "p") { ...P } } fragment P on Person { affiliations { title } }`, but(domain.KindPerson)},
		{"organizers: meetings and councils", `{ meeting(id: "m") { organizers { id } } }`, but(domain.KindMeeting, domain.KindCouncil)},
		{"an alias does not hide the field", `{ meeting(id: "m") { x: themes { id } } }`, but(domain.KindMeeting)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, err := parser.ParseQuery(&ast.Source{Input: c.doc})
			if err != nil {
				t.Fatal(err)
			}
			got := leanOf(doc)
			var lean []domain.Kind
			for _, k := range all {
				if got[k] {
					lean = append(lean, k)
				}
			}
			if !reflect.DeepEqual(lean, c.lean) {
				t.Errorf("lean %v, want %v", lean, c.lean)
			}
		})
	}
}
