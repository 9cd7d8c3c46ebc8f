package memstore

import (
	"maps"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// putRedirects adds redirects written by Upsert (an import of an export) to
// the state being built. The map may be shared with the state in place, so
// it is copied, never changed.
func (st *state) putRedirects(rs []*domain.Redirect) {
	if len(rs) == 0 {
		return
	}
	next := maps.Clone(st.redirects)
	if next == nil {
		next = make(map[string]string, len(rs))
	}
	for _, r := range rs {
		next[r.ID] = r.Target
	}
	st.redirects = next
}

// exportRedirects returns the redirects ordered by ID, nil if none.
func (st *state) exportRedirects() []*domain.Redirect {
	var out []*domain.Redirect
	for id, target := range st.redirects {
		out = append(out, &domain.Redirect{ID: id, Target: target})
	}
	domain.SortRedirects(out)
	return out
}
