package loader

import (
	"context"
	"sync"

	"github.com/99designs/gqlgen/graphql"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// A reference asked for its ID alone.
//
// `meeting { council { id } }` asks nothing of the council that the
// meeting does not hold already: a stored reference always names a stored
// node of its kind (domain.Store: Upsert refuses an unknown one, Delete a
// node still referred to, Merge rewrites references to the kept node). Such
// a reference is answered with a node that holds only the ID, and read from
// nowhere: the include walk (include.go) does not ask the store for its
// kind, and Ref and the *Of loaders do not load it.

// Ref loads the node of kind that a stored reference names ("" = none):
// one that holds only id if the field being resolved asks nothing else of
// it, otherwise through l.
func Ref[T any](ctx context.Context, l *Loader[string, *T], kind domain.Kind, id string) (*T, error) {
	if id == "" {
		return nil, nil
	}
	if n, ok := any(idRef(ctx, kind, id)).(*T); ok {
		return n, nil
	}
	return l.Load(ctx, id)
}

// idRef returns the node of kind that holds only id when the field being
// resolved in ctx asks nothing else of it; nil otherwise, or for id "".
func idRef(ctx context.Context, kind domain.Kind, id string) domain.Node {
	fc := graphql.GetFieldContext(ctx)
	if id == "" || fc == nil || fc.Field.Field == nil || !graphql.HasOperationContext(ctx) {
		return nil
	}
	l, ok := ctx.Value(ctxKey{}).(*Loaders)
	if !ok {
		return nil
	}
	only, done := l.idOnlyRefs.Load(fc.Field.Field)
	if !done {
		only = idOnly(ctx, []*domain.NodeRef{{Kind: kind}})
		l.idOnlyRefs.Store(fc.Field.Field, only)
	}
	if !only.(bool) {
		return nil
	}
	return l.idNodes.get(kind, id)
}

// idNodes are the nodes holding only an ID that a request answered, each
// made once (a person's 290 appearances name a few councils).
type idNodes struct {
	mu    sync.Mutex
	nodes map[refKey]domain.Node
}

type refKey struct {
	kind domain.Kind
	id   string
}

func (n *idNodes) get(kind domain.Kind, id string) domain.Node {
	n.mu.Lock()
	defer n.mu.Unlock()
	k := refKey{kind, id}
	if x, ok := n.nodes[k]; ok {
		return x
	}
	if n.nodes == nil {
		n.nodes = map[refKey]domain.Node{}
	}
	x := idNode(&domain.NodeRef{Kind: kind, ID: id})
	n.nodes[k] = x
	return x
}
