package memstore

import (
	"context"
	"slices"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// Councils returns the councils of the given IDs, nil where unknown.
func (s *Store) Councils(ctx context.Context, ids []string) ([]*domain.Council, error) {
	return batch(s, ids, func(st *state) map[string]*domain.Council { return st.councils }, cloneCouncil)
}

// ListCouncils returns a page of councils by name.
func (s *Store) ListCouncils(ctx context.Context, q domain.CouncilQuery) (*domain.CouncilConnection, error) {
	st, err := s.current()
	if err != nil {
		return nil, err
	}
	named := st.nameMatcher(q.Filter.Name)
	match := func(c *domain.Council) bool {
		return (q.Filter.CountryID == "" || slices.Contains(c.CountryIDs, q.Filter.CountryID)) && named(c.ID)
	}
	return simpleList(st, st.councils, func(c *domain.Council) string { return c.ID },
		func(c *domain.Council) string { return c.Name }, "councils", q.Sort, q.Filter, q.Page, match, cloneCouncil)
}

func cloneCouncil(c *domain.Council) *domain.Council {
	x := *c
	x.Aliases = slices.Clone(c.Aliases)
	x.CountryIDs = slices.Clone(c.CountryIDs)
	x.OrganizerIDs = slices.Clone(c.OrganizerIDs)
	x.Sources = slices.Clone(c.Sources)
	return &x
}
