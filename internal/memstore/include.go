package memstore

import (
	"context"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// The With readers answer as the readers without With, then add the nodes
// the answer refers to. In memory there is no round trip to save; they
// exist so that both stores answer the same calls. The answer and the nodes
// are read from two snapshots, so a write between them may show in the
// nodes and not in the answer, as with two separate calls.

// MeetingsWith returns Meetings and the nodes of the kinds in with they
// refer to, and their appearances if with asks for them.
func (s *Store) MeetingsWith(ctx context.Context, ids []string, with domain.With) ([]*domain.Meeting, *domain.Graph, error) {
	return nodesWith(ctx, s, ids, with, domain.KindMeeting, s.Meetings, meetingID, appsByMeeting, (*domain.Include).Meetings)
}

// PeopleWith returns People and, if with asks for their appearances, those
// and the nodes of the kinds in with they refer to.
func (s *Store) PeopleWith(ctx context.Context, ids []string, with domain.With) ([]*domain.Person, *domain.Graph, error) {
	return nodesWith(ctx, s, ids, with, domain.KindPerson, s.People, personID, appsByPerson, func(*domain.Include, ...*domain.Person) {})
}

func appsByMeeting(st *state) map[string][]*domain.Appearance { return st.appsByMeeting }

func appsByPerson(st *state) map[string][]*domain.Appearance { return st.appsByPerson }

// nodesWith reads the nodes of ids (of kind) with read, notes their
// references (note) and, if with asks, their appearances (apps, an index
// of the state), and adds the nodes of the kinds in with that those refer
// to.
func nodesWith[T any](ctx context.Context, s *Store, ids []string, with domain.With, kind domain.Kind,
	read func(context.Context, []string) ([]*T, error), id func(*T) string,
	apps func(*state) map[string][]*domain.Appearance,
	note func(*domain.Include, ...*T)) ([]*T, *domain.Graph, error) {
	in, err := domain.NewInclude(with)
	if err != nil {
		return nil, nil, err
	}
	xs, err := read(ctx, ids)
	if err != nil {
		return nil, nil, err
	}
	note(in, xs...)
	var as []*domain.Appearance
	if with.Appearances {
		clone := cloneAppearance
		if with.AppearanceFields != nil {
			clone = domain.Projector[domain.Appearance](with.AppearanceFields) // a copy too
		}
		groups, err := related(s, foundIDs(xs, id), apps, clone)
		if err != nil {
			return nil, nil, err
		}
		for _, g := range groups {
			as = append(as, g...)
		}
		in.Appearances(as...)
	}
	g, err := s.included(in)
	if err != nil {
		return nil, nil, err
	}
	g.Appearances = as
	if fields, ok := in.Fields(kind); ok {
		project := domain.Projector[T](fields)
		for i, x := range xs {
			xs[i] = project(x)
		}
	}
	return xs, g, nil
}

// foundIDs returns the IDs of the nodes of xs that are there, each once, in
// the order xs first names them.
func foundIDs[T any](xs []*T, id func(*T) string) []string {
	var out []string
	seen := map[string]bool{}
	for _, x := range xs {
		if x != nil && !seen[id(x)] {
			seen[id(x)] = true
			out = append(out, id(x))
		}
	}
	return out
}

// AppearancesByMeetingWith returns AppearancesByMeeting and the nodes of the kinds in with they refer to.
func (s *Store) AppearancesByMeetingWith(ctx context.Context, meetingIDs []string, with domain.With) ([][]*domain.Appearance, *domain.Graph, error) {
	return s.appearancesWith(ctx, s.AppearancesByMeeting, meetingIDs, with)
}

// AppearancesByPersonWith returns AppearancesByPerson and the nodes of the kinds in with they refer to.
func (s *Store) AppearancesByPersonWith(ctx context.Context, personIDs []string, with domain.With) ([][]*domain.Appearance, *domain.Graph, error) {
	return s.appearancesWith(ctx, s.AppearancesByPerson, personIDs, with)
}

func (s *Store) appearancesWith(ctx context.Context, read func(context.Context, []string) ([][]*domain.Appearance, error),
	ids []string, with domain.With) ([][]*domain.Appearance, *domain.Graph, error) {
	in, err := domain.NewInclude(with)
	if err != nil {
		return nil, nil, err
	}
	as, err := read(ctx, ids)
	if err != nil {
		return nil, nil, err
	}
	for _, xs := range as {
		in.Appearances(xs...)
	}
	g, err := s.included(in)
	return as, g, err
}

// ListRecommendationsWith returns ListRecommendations and the nodes of the kinds in with its page refers to.
func (s *Store) ListRecommendationsWith(ctx context.Context, q domain.RecommendationQuery, with domain.With) (*domain.RecommendationConnection, *domain.Graph, error) {
	in, err := domain.NewInclude(with)
	if err != nil {
		return nil, nil, err
	}
	c, err := s.ListRecommendations(ctx, q)
	if err != nil {
		return nil, nil, err
	}
	in.Recommendations(c.Nodes()...)
	g, err := s.included(in)
	if fs, ok := in.Fields(domain.KindRecommendation); ok {
		c = domain.ProjectPage(c, fs)
	}
	return c, g, err
}

// RecurrenceWith returns Recurrence and the nodes of the kinds in with it refers to.
func (s *Store) RecurrenceWith(ctx context.Context, ids []string, f domain.RecurrenceFilter, with domain.With) ([]*domain.Recurrence, *domain.Graph, error) {
	in, err := domain.NewInclude(with)
	if err != nil {
		return nil, nil, err
	}
	rs, err := s.Recurrence(ctx, ids, f)
	if err != nil {
		return nil, nil, err
	}
	in.Recurrences(rs...)
	g, err := s.included(in)
	return rs, g, err
}

// included reads what in names, level by level, from one snapshot. A
// reference is followed to the node stored under that very ID (no
// redirects), as domain.Include says.
func (s *Store) included(in *domain.Include) (*domain.Graph, error) {
	st, err := s.current()
	if err != nil {
		return nil, err
	}
	councils, meetings := copier(in, domain.KindCouncil, cloneCouncil), copier(in, domain.KindMeeting, cloneMeeting)
	people, institutions := copier(in, domain.KindPerson, clonePerson), copier(in, domain.KindInstitution, cloneInstitution)
	places := copier(in, domain.KindPlace, clonePlace)
	for next := in.Next(); next != nil; next = in.Next() {
		in.Add(&domain.Graph{
			Councils:     stored(st.councils, next[domain.KindCouncil], councils),
			Meetings:     stored(st.meetings, next[domain.KindMeeting], meetings),
			People:       stored(st.people, next[domain.KindPerson], people),
			Institutions: stored(st.institutions, next[domain.KindInstitution], institutions),
			Places:       stored(st.places, next[domain.KindPlace], places),
		})
	}
	return in.Graph(), nil
}

// copier returns how to copy a stored node of kind k for in: clone, or,
// when in names the fields of k, not at all: in.Graph returns a projection
// of it, which is a copy (domain.Project), and in reads nothing else of it.
func copier[T any](in *domain.Include, k domain.Kind, clone func(*T) *T) func(*T) *T {
	if _, ok := in.Fields(k); ok {
		return func(x *T) *T { return x }
	}
	return clone
}

// stored returns copies of the nodes of ids that m holds.
func stored[T any](m map[string]*T, ids []string, clone func(*T) *T) []*T {
	var out []*T
	for _, id := range ids {
		if x, ok := m[id]; ok {
			out = append(out, clone(x))
		}
	}
	return out
}

func meetingID(m *domain.Meeting) string { return m.ID }

func personID(p *domain.Person) string { return p.ID }
