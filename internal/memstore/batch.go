package memstore

import (
	"context"
	"maps"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// Batch gathers Upserts and writes them to the store together, with one
// index rebuild and one save, for an import of many files: Upsert by Upsert,
// the store would rebuild its indexes and rewrite its whole file once per
// file, a cost that grows with the square of the number of files.
//
// Each Upsert of a batch is checked as Store.Upsert checks it, against the
// store and the graphs the batch holds already, and is taken all or nothing:
// one that fails leaves the batch as it was. Resolve answers from the same
// view, so the next file may refer to what the files before it hold. Nothing
// is visible to the store's readers, nor saved, until Commit, which writes
// everything the batch holds in one atomic save: a crash before Commit
// returns leaves the file as before the batch, or as after it, whole.
//
// A Batch is for one goroutine. It holds no lock between calls; the store's
// other writes go on meanwhile, and Commit refuses, with ECONFLICT, a batch
// begun before one of them.
type Batch struct {
	s    *Store
	base *state // the state in place when the batch began or was last committed
	next *state // base with the batch's graphs: nodes, kinds, redirects and audit, not indexed; nil if none
	n    int    // graphs that changed next
}

// NewBatch begins a batch on what the store holds.
func (s *Store) NewBatch() (*Batch, error) {
	cur, err := s.current()
	if err != nil {
		return nil, err
	}
	return &Batch{s: s, base: cur}, nil
}

// view is the state the batch checks and resolves against.
func (b *Batch) view() *state {
	if b.next != nil {
		return b.next
	}
	return b.base
}

// Upsert adds g to the batch, as Store.Upsert would write it to the store:
// it returns the same problems, and g then counts as stored for the
// batch's later Upserts and Resolves. It writes nothing until Commit.
func (b *Batch) Upsert(ctx context.Context, g *domain.Graph) error {
	if g == nil {
		return nil
	}
	if _, err := b.s.current(); err != nil {
		return err
	}
	g, err := b.view().check(g)
	if g == nil {
		return err
	}
	if b.next == nil {
		b.next = b.base.clone()
		b.next.kinds = maps.Clone(b.base.kinds)
	}
	created, updated := b.next.changes(g)
	b.next.put(g)
	// put replaced or added nodes and never changes a node's kind (check
	// refused an ID of another kind): the kinds of g's nodes are all that
	// check, changes and resolve need before Commit rebuilds every index.
	maps.Copy(b.next.kinds, g.Kinds())
	b.next.record(ctx, created, updated)
	b.n++
	return nil
}

// Len returns the number of Upserts the batch holds that Commit will write
// (an Upsert that changed nothing does not count).
func (b *Batch) Len() int { return b.n }

// Resolve is Store.Resolve on the store with what the batch holds.
func (b *Batch) Resolve(ctx context.Context, ids []string) ([]*domain.NodeRef, error) {
	if _, err := b.s.current(); err != nil {
		return nil, err
	}
	return b.view().resolve(ids), nil
}

// Commit writes what the batch holds to the store in one write, as one
// Store.Upsert does: it rebuilds the indexes, saves the file and only then
// puts the new state in place, so an error leaves memory and file as they
// were, but for the failure to sync the directory after the file was
// replaced (Store.Upsert says more). A batch begun before another write to
// the store is refused with ECONFLICT. Either way the batch is then empty,
// on what the store holds, and may take more Upserts. A batch that holds
// nothing writes nothing.
func (b *Batch) Commit(ctx context.Context) error {
	next := b.next
	b.next, b.n = nil, 0
	s := b.s
	s.wmu.Lock()
	defer s.wmu.Unlock()
	cur, err := s.current()
	if err != nil {
		return err
	}
	defer func() { b.base = s.st }() // under wmu: what the store holds now
	if next == nil {
		return nil
	}
	if cur != b.base {
		return domain.Errorf(domain.ECONFLICT, "the store was written to since the batch began: its writes are not made")
	}
	next.index()
	return s.commit(next)
}
