package loader

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vikstrous/dataloadgen"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// Loader is a dataloadgen loader that reads at once, without waiting for
// more keys, when Load is called for a field outside any list of the query:
// `meeting(id:)` at the root, or that meeting's `speakers`. Such a field is
// resolved once per query, so there is nothing to batch it with, and the
// wait would cost at least a millisecond (the Go runtime sleeps in whole
// milliseconds when it has nothing else to do) on every level of the
// query. Inside a list (the speakers of each of 100 meetings) keys are
// batched as before. LoadAll and LoadAllThunk outside a list read all their
// keys in one call at once; LoadThunk always batches. A load that waits for
// a batch returns as soon as ctx ends (await). A key already read or primed
// is answered from the cache, in a list too, without waiting.
//
// A loader made by InOrder never batches: every load reads at once.
type Loader[K comparable, V any] struct {
	*dataloadgen.Loader[K, V]
	read   func(context.Context, []K) ([]V, error)
	atOnce bool // never batch (InOrder)

	mu     sync.Mutex
	primed map[K]V // what Prime and the direct reads put in the cache
}

func newLoader[K comparable, V any](wait time.Duration, atOnce bool, read func(context.Context, []K) ([]V, error)) *Loader[K, V] {
	return &Loader[K, V]{
		Loader: dataloadgen.NewLoader(batch(read), dataloadgen.WithWait(wait), dataloadgen.WithBatchCapacity(domain.MaxPageSize*10)),
		read:   read,
		atOnce: atOnce,
	}
}

// batched reports whether a load in ctx joins a batch.
func (l *Loader[K, V]) batched(ctx context.Context) bool {
	return !l.atOnce && inList(ctx)
}

// cached returns the value of key if it was read or primed already.
func (l *Loader[K, V]) cached(key K) (V, bool) {
	l.mu.Lock()
	v, ok := l.primed[key]
	l.mu.Unlock()
	return v, ok
}

// Load returns the value of key: from the cache if it is there; otherwise
// read at once outside a list, batched inside one.
func (l *Loader[K, V]) Load(ctx context.Context, key K) (V, error) {
	if v, ok := l.cached(key); ok {
		return v, nil
	}
	if l.batched(ctx) {
		return await(ctx, l.Loader.LoadThunk(ctx, key))
	}
	vs, err := l.read(ctx, []K{key})
	if err != nil {
		var zero V
		return zero, err
	}
	l.Prime(key, vs[0])
	return vs[0], nil
}

// LoadAll returns the values of keys in order: read at once, in one call,
// outside a list; batched inside one.
func (l *Loader[K, V]) LoadAll(ctx context.Context, keys []K) ([]V, error) {
	if l.batched(ctx) {
		return await(ctx, l.Loader.LoadAllThunk(ctx, keys))
	}
	out := make([]V, len(keys))
	var miss []K
	var missAt []int
	l.mu.Lock()
	for i, k := range keys {
		if v, ok := l.primed[k]; ok {
			out[i] = v
		} else {
			miss, missAt = append(miss, k), append(missAt, i)
		}
	}
	l.mu.Unlock()
	if len(miss) == 0 {
		return out, nil
	}
	vs, err := l.read(ctx, miss)
	if err != nil {
		return nil, err
	}
	for j, i := range missAt {
		out[i] = vs[j]
		l.Prime(miss[j], vs[j])
	}
	return out, nil
}

// LoadAllThunk is LoadAll, waited for later: outside a list it has read
// already.
func (l *Loader[K, V]) LoadAllThunk(ctx context.Context, keys []K) func() ([]V, error) {
	if l.batched(ctx) {
		th := l.Loader.LoadAllThunk(ctx, keys)
		return func() ([]V, error) { return await(ctx, th) }
	}
	vs, err := l.LoadAll(ctx, keys)
	return func() ([]V, error) { return vs, err }
}

// LoadThunk hands key to the batch and returns the wait for its value (of
// a loader made by InOrder: reads it at once).
func (l *Loader[K, V]) LoadThunk(ctx context.Context, key K) func() (V, error) {
	if l.atOnce {
		v, err := l.Load(ctx, key)
		return func() (V, error) { return v, err }
	}
	th := l.Loader.LoadThunk(ctx, key)
	return func() (V, error) { return await(ctx, th) }
}

// await returns what th returns, or the error of ctx (wrapping
// context.DeadlineExceeded or context.Canceled, which the server shows as
// TIMEOUT) if ctx ends first. dataloadgen's thunks wait for the batch without
// watching any context, so with a long batch wait a request would otherwise
// be held past its deadline. The batch still runs when its wait is over, and
// reads nothing if its context has ended (batch).
func await[T any](ctx context.Context, th func() (T, error)) (T, error) {
	var zero T
	if err := ctx.Err(); err != nil {
		return zero, fmt.Errorf("loader: %w", err)
	}
	if ctx.Done() == nil {
		return th()
	}
	type result struct {
		v   T
		err error
	}
	done := make(chan result, 1)
	go func() {
		v, err := th()
		done <- result{v, err}
	}()
	select {
	case r := <-done:
		return r.v, r.err
	case <-ctx.Done():
		return zero, fmt.Errorf("loader: waiting for a batch: %w", ctx.Err())
	}
}

// Prime puts value in the cache for key, unless the key is there already.
func (l *Loader[K, V]) Prime(key K, value V) bool {
	l.mu.Lock()
	if l.primed == nil {
		l.primed = map[K]V{}
	}
	if _, ok := l.primed[key]; !ok {
		l.primed[key] = value
	}
	l.mu.Unlock()
	return l.Loader.Prime(key, value)
}

// inList reports whether the field being resolved in ctx is inside a list
// of the answer (an element of a list, or a field below one), where its
// siblings load keys too. Outside a GraphQL request it says yes, so that
// such callers batch as before.
func inList(ctx context.Context) bool {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil {
		return true
	}
	for ; fc != nil; fc = fc.Parent {
		if fc.Index != nil {
			return true
		}
	}
	return false
}
