package memstore

import (
	"context"
	"slices"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// Publications returns the publications of the given IDs, nil where unknown.
func (s *Store) Publications(ctx context.Context, ids []string) ([]*domain.Publication, error) {
	return batch(s, ids, func(st *state) map[string]*domain.Publication { return st.publications }, clonePublication)
}

// ListPublications returns a page of publications by title.
func (s *Store) ListPublications(ctx context.Context, q domain.PublicationQuery) (*domain.PublicationConnection, error) {
	st, err := s.current()
	if err != nil {
		return nil, err
	}
	named := st.nameMatcher(q.Filter.Name)
	return simpleList(st, st.publications, func(p *domain.Publication) string { return p.ID },
		func(p *domain.Publication) string { return p.Title }, "publications", q.Sort, q.Filter, q.Page,
		func(p *domain.Publication) bool { return named(p.ID) }, clonePublication)
}

func clonePublication(p *domain.Publication) *domain.Publication {
	x := *p
	x.InstitutionIDs = slices.Clone(p.InstitutionIDs)
	x.Sources = slices.Clone(p.Sources)
	return &x
}
