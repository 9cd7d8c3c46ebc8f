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

// ListPeople returns a page of people by name or by appearances. Each set
// field of the filter is a condition on the person alone: Role and CouncilID
// may be met at different meetings.
func (s *Store) ListPeople(ctx context.Context, q domain.PersonQuery) (*domain.PersonConnection, error) {
	st, err := s.current()
	if err != nil {
		return nil, err
	}
	sort, order, err := q.Sort.Resolve()
	if err != nil {
		return nil, err
	}
	if err := q.Filter.Validate("filter"); err != nil {
		return nil, err
	}
	match := func(p *domain.Person) bool { return st.personMatches(p, q.Filter) }
	return sortedList(st.people, func(p *domain.Person) string { return p.ID }, func(p *domain.Person) string { return p.Name },
		func(p *domain.Person) int { return len(st.appsByPerson[p.ID]) },
		"people", sort, order, q.Filter, q.Page, match, clonePerson)
}

// personMatches reports whether p passes every set field of f, every filter
// of f.And, one of f.Or (if any) and not f.Not.
func (st *state) personMatches(p *domain.Person, f domain.PersonFilter) bool {
	if (f.CountryID != "" && p.CountryID != f.CountryID) || !st.nameMatcher(f.Name)(p.ID) {
		return false
	}
	inst := f.InstitutionID == "" || slices.ContainsFunc(p.Affiliations, func(a domain.Affiliation) bool {
		return a.InstitutionID == f.InstitutionID
	})
	council, role := f.CouncilID == "", f.Role == ""
	attended := 0
	for _, a := range st.appsByPerson[p.ID] {
		inst = inst || a.InstitutionID == f.InstitutionID
		council = council || st.meetings[a.MeetingID].CouncilID == f.CouncilID
		role = role || slices.Contains(a.Roles, f.Role)
		if f.AttendedAllOf != "" && st.meetings[a.MeetingID].CouncilID == f.AttendedAllOf {
			attended++
		}
	}
	if !inst || !council || !role {
		return false
	}
	if f.AttendedAllOf != "" {
		// Every meeting of the council, and it has at least one; a person
		// appears at most once per meeting.
		if held := st.councilMeetings[f.AttendedAllOf]; held == 0 || attended != held {
			return false
		}
	}
	return combined(f.And, f.Or, f.Not, func(g domain.PersonFilter) bool { return st.personMatches(p, g) })
}

func clonePerson(p *domain.Person) *domain.Person {
	x := *p
	x.Aliases = slices.Clone(p.Aliases)
	x.Affiliations = slices.Clone(p.Affiliations)
	x.Sources = slices.Clone(p.Sources)
	return &x
}
