// Package instrument wraps a domain.Store to observe every call: its method,
// duration and error. The server uses it for metrics; tests use it to count
// store round trips (a GraphQL query must cost a bounded number of them,
// however long its lists).
package instrument

//go:generate python3 gen.py

import (
	"context"
	"sync"
	"time"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// Observer is told of each store call once it returns.
type Observer func(ctx context.Context, method string, d time.Duration, err error)

// Store is a domain.Store that observes each call to the store it wraps.
type Store struct {
	next    domain.Store
	observe func(ctx context.Context, method string, start time.Time, err error)
}

var _ domain.Store = (*Store)(nil)

// Wrap returns next, observed by obs.
func Wrap(next domain.Store, obs Observer) *Store {
	return &Store{next: next, observe: func(ctx context.Context, method string, start time.Time, err error) {
		obs(ctx, method, time.Since(start), err)
	}}
}

// Counter counts calls per method; safe for concurrent use.
type Counter struct {
	mu    sync.Mutex
	calls map[string]int
}

// Observe is an Observer that counts.
func (c *Counter) Observe(_ context.Context, method string, _ time.Duration, _ error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.calls == nil {
		c.calls = map[string]int{}
	}
	c.calls[method]++
}

// Calls returns a copy of the counts and resets them.
func (c *Counter) Calls() map[string]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := c.calls
	c.calls = nil
	return out
}
