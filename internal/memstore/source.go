package memstore

import (
	"context"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// Sources returns the sources of the given IDs, nil where unknown.
func (s *Store) Sources(ctx context.Context, ids []string) ([]*domain.Source, error) {
	return batch(s, ids, func(st *state) map[string]*domain.Source { return st.sources }, cloneSource)
}

// ListSources returns a page of sources by title.
func (s *Store) ListSources(ctx context.Context, q domain.SourceQuery) (*domain.SourceConnection, error) {
	st, err := s.current()
	if err != nil {
		return nil, err
	}
	named := st.nameMatcher(q.Filter.Name)
	return simpleList(st, st.sources, func(x *domain.Source) string { return x.ID },
		func(x *domain.Source) string { return x.Title }, "sources", q.Sort, q.Filter, q.Page,
		func(x *domain.Source) bool { return named(x.ID) }, cloneSource)
}

func cloneSource(x *domain.Source) *domain.Source {
	c := *x
	return &c
}
