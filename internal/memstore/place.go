package memstore

import (
	"context"
	"slices"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// Countries returns the countries of the given IDs, nil where unknown.
func (s *Store) Countries(ctx context.Context, ids []string) ([]*domain.Country, error) {
	return batch(s, ids, func(st *state) map[string]*domain.Country { return st.countries }, cloneCountry)
}

// Places returns the places of the given IDs, nil where unknown.
func (s *Store) Places(ctx context.Context, ids []string) ([]*domain.Place, error) {
	return batch(s, ids, func(st *state) map[string]*domain.Place { return st.places }, clonePlace)
}

// ListCountries returns a page of countries by name.
func (s *Store) ListCountries(ctx context.Context, q domain.CountryQuery) (*domain.CountryConnection, error) {
	st, err := s.current()
	if err != nil {
		return nil, err
	}
	named := st.nameMatcher(q.Filter.Name)
	return simpleList(st, st.countries, func(c *domain.Country) string { return c.ID },
		func(c *domain.Country) string { return c.Name }, "countries", q.Sort, q.Filter, q.Page,
		func(c *domain.Country) bool { return named(c.ID) }, cloneCountry)
}

// ListPlaces returns a page of places by name.
func (s *Store) ListPlaces(ctx context.Context, q domain.PlaceQuery) (*domain.PlaceConnection, error) {
	st, err := s.current()
	if err != nil {
		return nil, err
	}
	named := st.nameMatcher(q.Filter.Name)
	match := func(p *domain.Place) bool {
		return (q.Filter.CountryID == "" || p.CountryID == q.Filter.CountryID) && named(p.ID)
	}
	return simpleList(st, st.places, func(p *domain.Place) string { return p.ID },
		func(p *domain.Place) string { return p.Name }, "places", q.Sort, q.Filter, q.Page, match, clonePlace)
}

func cloneCountry(c *domain.Country) *domain.Country {
	x := *c
	x.Aliases = slices.Clone(c.Aliases)
	x.Sources = slices.Clone(c.Sources)
	return &x
}

func clonePlace(p *domain.Place) *domain.Place {
	x := *p
	x.Aliases = slices.Clone(p.Aliases)
	x.Sources = slices.Clone(p.Sources)
	return &x
}
