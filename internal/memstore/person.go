package memstore

import (
	"context"
	"slices"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// People returns the people of the given IDs, nil where unknown.
func (s *Store) People(ctx context.Context, ids []string) ([]*domain.Person, error) {
	return batch(s, ids, func(st *state) map[string]*domain.Person { return st.people }, clonePerson)
}

// ListPeople returns a page of people by name. Each set field of the filter is
// a condition on the person alone: Role and CouncilID may be met at different
// meetings.
func (s *Store) ListPeople(ctx context.Context, q domain.PersonQuery) (*domain.PersonConnection, error) {
	st, err := s.current()
	if err != nil {
		return nil, err
	}
	if err := validEnum("filter.role", q.Filter.Role, domain.Roles); err != nil {
		return nil, err
	}
	f := q.Filter
	named := st.nameMatcher(f.Name)
	match := func(p *domain.Person) bool {
		if (f.CountryID != "" && p.CountryID != f.CountryID) || !named(p.ID) {
			return false
		}
		inst := f.InstitutionID == "" || slices.ContainsFunc(p.Affiliations, func(a domain.Affiliation) bool {
			return a.InstitutionID == f.InstitutionID
		})
		council, role := f.CouncilID == "", f.Role == ""
		for _, a := range st.appsByPerson[p.ID] {
			inst = inst || a.InstitutionID == f.InstitutionID
			council = council || st.meetings[a.MeetingID].CouncilID == f.CouncilID
			role = role || slices.Contains(a.Roles, f.Role)
		}
		return inst && council && role
	}
	return simpleList(st, st.people, func(p *domain.Person) string { return p.ID },
		func(p *domain.Person) string { return p.Name }, "people", q.Sort, q.Filter, q.Page, match, clonePerson)
}

func clonePerson(p *domain.Person) *domain.Person {
	x := *p
	x.Aliases = slices.Clone(p.Aliases)
	x.Affiliations = slices.Clone(p.Affiliations)
	x.Sources = slices.Clone(p.Sources)
	return &x
}
