package graph

import "github.com/expertgraph/expertgraph/internal/curate"

// curate returns the service behind the write mutations and the audit log:
// it checks the caller's role, resolves names, requires sources and writes in
// one transaction. It holds nothing but the store, so one per call is free.
func (r *Resolver) curate() *curate.Service { return curate.New(r.Store) }
