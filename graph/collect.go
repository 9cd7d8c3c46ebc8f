package graph

import (
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// Collected fields.
//
// Every object of an answer asks graphql.CollectFields for the fields its
// selection set asks of its type. gqlgen caches the answer per operation,
// but builds the cache's key on every call with an FNV hash of the type's
// names, which allocates: once per object, over a thousand times in a
// person's history. collectFields keeps the operation's answers under a key
// that costs nothing to build: the selection set's first element and
// length, and the type's implementors, a variable of the generated code
// (one per type, hence one address). The generator (graph/generate) routes
// the generated code through it.

// collected are one operation's collected fields.
type collected struct {
	mu sync.Mutex
	m  map[collectedKey][]graphql.CollectedField
}

type collectedKey struct {
	sel       *ast.Selection
	n         int
	satisfies *string
}

// collectFields is graphql.CollectFields(ec.OperationContext, sel,
// satisfies), computed once per operation for each selection set and type.
func (ec *executionContext) collectFields(sel ast.SelectionSet, satisfies []string) []graphql.CollectedField {
	key := collectedKey{sel: first(sel), n: len(sel), satisfies: first(satisfies)}
	c := &ec.collected
	c.mu.Lock()
	fields, ok := c.m[key]
	c.mu.Unlock()
	if ok {
		return fields
	}
	fields = graphql.CollectFields(ec.OperationContext, sel, satisfies)
	c.mu.Lock()
	if c.m == nil {
		c.m = map[collectedKey][]graphql.CollectedField{}
	}
	c.m[key] = fields
	c.mu.Unlock()
	return fields
}

// first returns the address of xs's first element, nil if it has none.
func first[T any](xs []T) *T {
	if len(xs) == 0 {
		return nil
	}
	return &xs[0]
}
