package memstore

import (
	"context"
	"slices"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// Institutions returns the institutions of the given IDs, nil where unknown.
func (s *Store) Institutions(ctx context.Context, ids []string) ([]*domain.Institution, error) {
	return batch(s, ids, func(st *state) map[string]*domain.Institution { return st.institutions }, cloneInstitution)
}

// ListInstitutions returns a page of institutions by name or by speakers.
func (s *Store) ListInstitutions(ctx context.Context, q domain.InstitutionQuery) (*domain.InstitutionConnection, error) {
	st, err := s.current()
	if err != nil {
		return nil, err
	}
	sort, order, err := q.Sort.Resolve()
	if err != nil {
		return nil, err
	}
	if err := validEnum("filter.kind", q.Filter.Kind, domain.InstitutionKinds); err != nil {
		return nil, err
	}
	named := st.nameMatcher(q.Filter.Name)
	match := func(i *domain.Institution) bool {
		return (q.Filter.CountryID == "" || i.CountryID == q.Filter.CountryID) &&
			(q.Filter.Kind == "" || i.Kind == q.Filter.Kind) && named(i.ID)
	}
	return sortedList(st.institutions, func(i *domain.Institution) string { return i.ID },
		func(i *domain.Institution) string { return i.Name }, func(i *domain.Institution) int { return st.speakers[i.ID] },
		"institutions", sort, order, q.Filter, q.Page, match, cloneInstitution)
}

func cloneInstitution(i *domain.Institution) *domain.Institution {
	x := *i
	x.Aliases = slices.Clone(i.Aliases)
	x.Sources = slices.Clone(i.Sources)
	return &x
}
