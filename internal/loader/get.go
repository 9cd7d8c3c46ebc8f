package loader

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// One loads the value of id, or the zero value for an empty id (an optional link).
func One[V any](ctx context.Context, l *Loader[string, V], id string) (V, error) {
	if id == "" {
		var zero V
		return zero, nil
	}
	return l.Load(ctx, id)
}

// Must loads the value of id and returns ENOTFOUND naming kind when it is absent.
func Must[V comparable](ctx context.Context, l *Loader[string, V], kind domain.Kind, id string) (V, error) {
	v, err := l.Load(ctx, id)
	var zero V
	if err == nil && v == zero {
		err = domain.Errorf(domain.ENOTFOUND, "no %s with id %q", strings.ToLower(string(kind)), id)
	}
	return v, err
}

// All loads the values of ids in order, leaving out IDs that are absent.
func All[V comparable](ctx context.Context, l *Loader[string, V], ids []string) ([]V, error) {
	vs, err := l.LoadAll(ctx, ids)
	if err != nil {
		return nil, err
	}
	var zero V
	out := make([]V, 0, len(vs))
	for _, v := range vs {
		if v != zero {
			out = append(out, v)
		}
	}
	return out, nil
}

// Node loads any node by ID: its kind first, then the node through the loader
// of that kind. ENOTFOUND if the ID is unknown.
func (l *Loaders) Node(ctx context.Context, id string) (domain.Node, error) {
	ref, err := Must(ctx, l.NodeRef, "node", id)
	if err != nil {
		return nil, err
	}
	return l.node(ctx, ref)
}

// Nodes loads the nodes that refs name, in order, leaving out those that
// are absent. The IDs of each kind go to its loader together, and every
// kind is handed over before any is waited for, so each kind costs one
// read.
func (l *Loaders) Nodes(ctx context.Context, refs []*domain.NodeRef) ([]domain.Node, error) {
	var kinds []domain.Kind
	ids := map[domain.Kind][]string{}
	at := make([]int, len(refs)) // the place of refs[i] among the IDs of its kind
	for i, r := range refs {
		if _, ok := ids[r.Kind]; !ok {
			kinds = append(kinds, r.Kind)
		}
		at[i] = len(ids[r.Kind])
		ids[r.Kind] = append(ids[r.Kind], r.ID)
	}
	thunks := map[domain.Kind]func() ([]domain.Node, error){}
	for _, k := range kinds {
		thunks[k] = l.kindThunk(ctx, k, ids[k])
	}
	got := map[domain.Kind][]domain.Node{}
	for _, k := range kinds {
		ns, err := thunks[k]()
		if err != nil {
			return nil, err
		}
		got[k] = ns
	}
	out := make([]domain.Node, 0, len(refs))
	for i, r := range refs {
		if n := got[r.Kind][at[i]]; n != nil {
			out = append(out, n)
		}
	}
	return out, nil
}

// NodeOf loads the node a NodeRef names (nil for a nil ref).
func (l *Loaders) NodeOf(ctx context.Context, ref *domain.NodeRef) (domain.Node, error) {
	if ref == nil {
		return nil, nil
	}
	return l.node(ctx, ref)
}

func (l *Loaders) node(ctx context.Context, ref *domain.NodeRef) (domain.Node, error) {
	ns, err := l.kindThunk(ctx, ref.Kind, []string{ref.ID})()
	if err != nil {
		return nil, err
	}
	return ns[0], nil
}

// kindThunk hands ids to the loader of kind and returns the wait for their
// nodes (nil where absent).
func (l *Loaders) kindThunk(ctx context.Context, kind domain.Kind, ids []string) func() ([]domain.Node, error) {
	switch kind {
	case domain.KindCouncil:
		return thunk(l.Council.LoadAllThunk(ctx, ids))
	case domain.KindMeeting:
		return thunk(l.Meeting.LoadAllThunk(ctx, ids))
	case domain.KindPerson:
		return thunk(l.Person.LoadAllThunk(ctx, ids))
	case domain.KindInstitution:
		return thunk(l.Institution.LoadAllThunk(ctx, ids))
	case domain.KindCountry:
		return thunk(l.Country.LoadAllThunk(ctx, ids))
	case domain.KindPlace:
		return thunk(l.Place.LoadAllThunk(ctx, ids))
	case domain.KindInitiative:
		return thunk(l.Initiative.LoadAllThunk(ctx, ids))
	case domain.KindTheme:
		return thunk(l.Theme.LoadAllThunk(ctx, ids))
	case domain.KindRecommendation:
		return thunk(l.Recommendation.LoadAllThunk(ctx, ids))
	case domain.KindPublication:
		return thunk(l.Publication.LoadAllThunk(ctx, ids))
	case domain.KindSource:
		return thunk(l.Source.LoadAllThunk(ctx, ids))
	}
	err := fmt.Errorf("loader: unknown kind %q of %q", kind, ids)
	return func() ([]domain.Node, error) { return nil, err }
}

// thunk makes a typed loader thunk return Nodes (nil where absent).
func thunk[T interface {
	*E
	domain.Node
}, E any](th func() ([]T, error)) func() ([]domain.Node, error) {
	return func() ([]domain.Node, error) {
		vs, err := th()
		if err != nil {
			return nil, err
		}
		out := make([]domain.Node, len(vs))
		for i, v := range vs {
			out[i], _ = nonNil(v, nil)
		}
		return out, nil
	}
}

// nonNil turns a typed nil pointer into a nil interface, so that an absent
// node is nil and not a non-nil Node holding nil.
func nonNil[T interface {
	*E
	domain.Node
}, E any](v T, err error) (domain.Node, error) {
	if err != nil || v == nil {
		return nil, err
	}
	return v, nil
}

// Recurrence loads one subject's recurrence under a filter.
func (l *Loaders) RecurrenceOf(ctx context.Context, id string, f domain.RecurrenceFilter) (*domain.Recurrence, error) {
	l.recurrenceWith.note(ctx, l)
	return l.Recurrence.Load(ctx, RecurrenceKey{ID: id, Filter: f})
}

// CountryOfPlace loads the country of a place ("" = none).
func (l *Loaders) CountryOfPlace(ctx context.Context, placeID string) (*domain.Country, error) {
	p, err := One(ctx, l.Place, placeID)
	if err != nil || p == nil {
		return nil, err
	}
	return One(ctx, l.Country, p.CountryID)
}

// Lookup finds nodes by name through the store and loads them. When the
// query asks of them only their ID and type, the lookup's own answer says
// it all: the nodes are not read (one round trip, not two).
func (l *Loaders) Lookup(ctx context.Context, name string, kinds []domain.Kind) ([]domain.Node, error) {
	refs, err := l.store.Lookup(ctx, name, kinds)
	if err != nil {
		return nil, err
	}
	if idOnly(ctx, refs) {
		out := make([]domain.Node, len(refs))
		for i, r := range refs {
			out[i] = idNode(r)
		}
		return out, nil
	}
	return l.Nodes(ctx, refs)
}

// RecommendationsOf loads a meeting's recommendations, only those of kind if
// kind is set.
func (l *Loaders) RecommendationsOf(ctx context.Context, meetingID string, kind domain.RecommendationKind) ([]*domain.Recommendation, error) {
	all, err := l.RecommendationsByMeeting.Load(ctx, meetingID)
	if err != nil || kind == "" {
		return all, err
	}
	out := []*domain.Recommendation{}
	for _, r := range all {
		if r.Kind == kind {
			out = append(out, r)
		}
	}
	return out, nil
}

// SpeakersOf loads a meeting's appearances, only those in role if role is set.
func (l *Loaders) SpeakersOf(ctx context.Context, meetingID string, role domain.Role) ([]*domain.Appearance, error) {
	l.appsByMeetingWith.note(ctx, l)
	all, err := l.AppearancesByMeeting.Load(ctx, meetingID)
	if err != nil || role == "" {
		return all, err
	}
	out := []*domain.Appearance{}
	for _, a := range all {
		if slices.Contains(a.Roles, role) {
			out = append(out, a)
		}
	}
	return out, nil
}

// Find loads any node by ID, or nil if the ID is unknown.
func (l *Loaders) Find(ctx context.Context, id string) (domain.Node, error) {
	ref, err := One(ctx, l.NodeRef, id)
	if err != nil || ref == nil {
		return nil, err
	}
	return l.node(ctx, ref)
}
