package loader

import (
	"context"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// A dashboard asks for several aggregates in one request, as sibling root
// fields (`perYear: counts(...) perTheme: counts(...)`), which gqlgen
// resolves concurrently. Each would be a store call of its own; instead they
// gather here and the last to arrive reads them all in one (Store.Counts).
// A field that finds the gathering done, or that waits longer than the
// loaders' wait (a server resolving root fields one at a time would never
// fill it), reads alone; so does every field when the one read fails, so
// that each field gets its own error (one bad council fails only its chart).

// countBatch gathers one request's root counts fields.
type countBatch struct {
	once sync.Once
	want int // root counts fields of the operation

	mu    sync.Mutex
	qs    []domain.CountQuery
	fired bool
	done  chan struct{}
	got   [][]*domain.KeyCount
	err   error
}

// Count answers a counts field of the request in ctx.
func (l *Loaders) Count(ctx context.Context, q domain.CountQuery) ([]*domain.KeyCount, error) {
	b := &l.counts
	b.once.Do(func() { b.want, b.done = rootCountFields(ctx), make(chan struct{}) })
	fc := graphql.GetFieldContext(ctx)
	if b.want < 2 || fc == nil || fc.Object != "Query" {
		return l.store.Count(ctx, q)
	}
	b.mu.Lock()
	if b.fired {
		b.mu.Unlock()
		return l.store.Count(ctx, q)
	}
	i := len(b.qs)
	b.qs = append(b.qs, q)
	full := len(b.qs) == b.want
	b.mu.Unlock()
	if full {
		b.fire(ctx, l.store)
	} else {
		t := time.NewTimer(l.wait)
		select {
		case <-b.done:
		case <-t.C:
			b.fire(ctx, l.store)
		case <-ctx.Done():
			t.Stop()
			return nil, ctx.Err()
		}
		t.Stop()
	}
	<-b.done
	if b.err != nil || i >= len(b.got) {
		return l.store.Count(ctx, q)
	}
	return b.got[i], nil
}

// fire reads the queries gathered so far, once; a later call does nothing.
func (b *countBatch) fire(ctx context.Context, s domain.Store) {
	b.mu.Lock()
	if b.fired {
		b.mu.Unlock()
		return
	}
	b.fired = true
	qs := b.qs
	b.mu.Unlock()
	b.got, b.err = s.Counts(ctx, qs)
	close(b.done)
}

// rootCountFields returns how many root counts fields the query in ctx
// selects (after @skip and @include); 0 outside a query.
func rootCountFields(ctx context.Context) int {
	if !graphql.HasOperationContext(ctx) {
		return 0
	}
	op := graphql.GetOperationContext(ctx)
	if op == nil || op.Operation == nil || op.Operation.Operation != ast.Query {
		return 0
	}
	n := 0
	for _, f := range graphql.CollectFields(op, op.Operation.SelectionSet, []string{"Query"}) {
		if f.Name == "counts" {
			n++
		}
	}
	return n
}
