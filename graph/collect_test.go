package graph

import (
	"slices"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
)

// TestCollectFields: collectFields answers as graphql.CollectFields for
// every selection set of an operation and every type, however often it is
// asked (from its cache after the first time), with @skip and @include
// decided by the variables.
func TestCollectFields(t *testing.T) {
	const query = `query Q($withName: Boolean!) {
  lookup(name: "3+3") { id __typename ... on Person { name @include(if: $withName) } ... on Initiative { name shortName } ...I }
  meeting(id: "m") { id title @skip(if: $withName) speakers { order person { id } } }
}
fragment I on Institution { id name }`
	doc, errs := gqlparser.LoadQuery(parsedSchema, query)
	if errs != nil {
		t.Fatal(errs)
	}
	types := [][]string{personImplementors, initiativeImplementors, institutionImplementors, meetingImplementors, queryImplementors}
	var sets []ast.SelectionSet
	var walk func(ast.SelectionSet)
	walk = func(ss ast.SelectionSet) {
		sets = append(sets, ss)
		for _, s := range ss {
			switch s := s.(type) {
			case *ast.Field:
				if len(s.SelectionSet) > 0 {
					walk(s.SelectionSet)
				}
			case *ast.InlineFragment:
				walk(s.SelectionSet)
			}
		}
	}
	walk(doc.Operations[0].SelectionSet)
	for _, withName := range []bool{true, false} {
		ec, _ := execWith(&Resolver{})
		ec.OperationContext.Doc = doc
		ec.OperationContext.Variables = map[string]any{"withName": withName}
		for round := range 2 {
			for i, ss := range sets {
				for _, satisfies := range types {
					got := ec.collectFields(ss, satisfies)
					want := graphql.CollectFields(ec.OperationContext, ss, satisfies)
					if !slices.EqualFunc(got, want, sameField) {
						t.Errorf("withName %v, round %d, selection set %d as %v: %v, want %v", withName, round, i, satisfies, names(got), names(want))
					}
				}
			}
		}
	}
}

func sameField(a, b graphql.CollectedField) bool {
	return a.Field == b.Field && slices.Equal(a.Selections, b.Selections)
}

func names(fs []graphql.CollectedField) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Alias)
	}
	return out
}
