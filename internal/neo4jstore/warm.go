package neo4jstore

import (
	"cmp"
	"context"
	"slices"
	"sync"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// After an outage Neo4j comes back with empty query caches (and, restarted,
// a cold JVM): the first run of each of the store's statements is planned
// from scratch, which takes from a fraction of a second to several seconds
// per statement, far more on a busy machine (docs/neo4j.md). So the store
// remembers the read statements it runs, and when the health probe sees
// Neo4j answer again it runs them again in the background, most used first,
// one at a time and only once no call of the store has run for warmQuiet:
// Neo4j is marked up at once and requests are served meanwhile without the
// warm-up competing with them for Neo4j's CPU (which on a 2-core machine
// made the first answers slower, not faster: the clients ask for their own
// statements at once), and a statement a client has run since the return is
// not run again. What the warm-up buys is the statements the clients have
// not asked for again yet.
const (
	warmMax     = 256                   // distinct read statements remembered
	warmTimeout = 60 * time.Second      // the whole warm-up
	warmQuiet   = time.Second           // how long the store must have been idle before each warm-up statement
	warmIdle    = 50 * time.Millisecond // how often the warm-up looks whether it is
)

type warmKey struct{}

// statements remembers the store's read statements: the Cypher, the
// parameters of its last run (Neo4j caches a plan per text and parameter
// types) and how often it ran.
type statements struct {
	mu sync.Mutex
	m  map[string]*statement
}

type statement struct {
	cypher string
	params map[string]any
	runs   int
	last   time.Time // when a caller (not the warm-up) last ran it
}

// note records a run of cypher with params by a caller. Beyond warmMax
// distinct statements (Cypher built from many filters) new ones are not
// remembered.
func (q *statements) note(cypher string, params map[string]any) {
	q.mu.Lock()
	defer q.mu.Unlock()
	st, ok := q.m[cypher]
	if !ok {
		if len(q.m) >= warmMax {
			return
		}
		if q.m == nil {
			q.m = map[string]*statement{}
		}
		st = &statement{cypher: cypher}
		q.m[cypher] = st
	}
	st.params = params
	st.runs++
	st.last = time.Now()
}

// ranSince reports whether a caller has run cypher since t.
func (q *statements) ranSince(cypher string, t time.Time) bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	st, ok := q.m[cypher]
	return ok && st.last.After(t)
}

// list returns the statements, most run first.
func (q *statements) list() []statement {
	q.mu.Lock()
	out := make([]statement, 0, len(q.m))
	for _, st := range q.m {
		out = append(out, *st)
	}
	q.mu.Unlock()
	slices.SortFunc(out, func(a, b statement) int {
		return cmp.Or(cmp.Compare(b.runs, a.runs), cmp.Compare(a.cypher, b.cypher))
	})
	return out
}

// noting is a read transaction of a caller that notes the statements it
// runs.
type noting struct {
	neo4j.ManagedTransaction
	q *statements
}

func (tx noting) Run(ctx context.Context, cypher string, params map[string]any) (neo4j.ResultWithContext, error) {
	tx.q.note(cypher, params)
	return tx.ManagedTransaction.Run(ctx, cypher, params)
}

// idleFor reports whether no call of the store (but the warm-up's) has run
// for d.
func (s *Store) idleFor(d time.Duration) bool {
	return s.calls.Load() == 0 && time.Since(time.Unix(0, s.lastCall.Load())) >= d
}

// warm runs the remembered read statements again, most run first, one at a
// time once the store has been idle for warmQuiet, each in its own read
// transaction with its result discarded, skipping those a caller has run
// since the warm-up began, until all have run or ctx ends (Neo4j down again,
// the store closed, warmTimeout).
func (s *Store) warm(ctx context.Context) {
	start := time.Now()
	ctx = context.WithValue(ctx, warmKey{}, true)
	sts := s.statements.list()
	ran, skipped := 0, 0
	for _, st := range sts {
		for !s.idleFor(warmQuiet) && ctx.Err() == nil {
			time.Sleep(warmIdle)
		}
		if ctx.Err() != nil {
			break
		}
		if s.statements.ranSince(st.cypher, start) {
			skipped++
			continue
		}
		_, err := transact(ctx, s, neo4j.AccessModeRead, cmp.Or(s.readTimeout, DefaultReadTimeout), func(tx neo4j.ManagedTransaction) (struct{}, error) {
			return struct{}{}, exec(ctx, tx, st.cypher, st.params)
		})
		if err == nil {
			ran++
		}
	}
	s.log.Info("warmed Neo4j's query caches after its return", "statements", len(sts), "ran", ran,
		"skipped", skipped, "took", time.Since(start).Round(time.Millisecond), "stopped", context.Cause(ctx))
}
