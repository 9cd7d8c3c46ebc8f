package loader

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/vikstrous/dataloadgen"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// One loads the value of id, or the zero value for an empty id (an optional link).
func One[V any](ctx context.Context, l *dataloadgen.Loader[string, V], id string) (V, error) {
	if id == "" {
		var zero V
		return zero, nil
	}
	return l.Load(ctx, id)
}

// Must loads the value of id and returns ENOTFOUND naming kind when it is absent.
func Must[V comparable](ctx context.Context, l *dataloadgen.Loader[string, V], kind domain.Kind, id string) (V, error) {
	v, err := l.Load(ctx, id)
	var zero V
	if err == nil && v == zero {
		err = domain.Errorf(domain.ENOTFOUND, "no %s with id %q", strings.ToLower(string(kind)), id)
	}
	return v, err
}

// All loads the values of ids in order, leaving out IDs that are absent.
func All[V comparable](ctx context.Context, l *dataloadgen.Loader[string, V], ids []string) ([]V, error) {
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

// Nodes loads the nodes that refs name, in order. Every key is handed to its
// loader before any is waited for, so the nodes of one kind are read in one
// batch, not one after another.
func (l *Loaders) Nodes(ctx context.Context, refs []*domain.NodeRef) ([]domain.Node, error) {
	thunks := make([]func() (domain.Node, error), len(refs))
	for i, r := range refs {
		thunks[i] = l.nodeThunk(ctx, r)
	}
	out := make([]domain.Node, 0, len(refs))
	for _, th := range thunks {
		n, err := th()
		if err != nil {
			return nil, err
		}
		if n != nil {
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
	return l.nodeThunk(ctx, ref)()
}

// nodeThunk hands ref's ID to the loader of its kind and returns the wait
// for the node.
func (l *Loaders) nodeThunk(ctx context.Context, ref *domain.NodeRef) func() (domain.Node, error) {
	switch ref.Kind {
	case domain.KindCouncil:
		return thunk(l.Council.LoadThunk(ctx, ref.ID))
	case domain.KindMeeting:
		return thunk(l.Meeting.LoadThunk(ctx, ref.ID))
	case domain.KindPerson:
		return thunk(l.Person.LoadThunk(ctx, ref.ID))
	case domain.KindInstitution:
		return thunk(l.Institution.LoadThunk(ctx, ref.ID))
	case domain.KindCountry:
		return thunk(l.Country.LoadThunk(ctx, ref.ID))
	case domain.KindPlace:
		return thunk(l.Place.LoadThunk(ctx, ref.ID))
	case domain.KindInitiative:
		return thunk(l.Initiative.LoadThunk(ctx, ref.ID))
	case domain.KindTheme:
		return thunk(l.Theme.LoadThunk(ctx, ref.ID))
	case domain.KindRecommendation:
		return thunk(l.Recommendation.LoadThunk(ctx, ref.ID))
	case domain.KindPublication:
		return thunk(l.Publication.LoadThunk(ctx, ref.ID))
	case domain.KindSource:
		return thunk(l.Source.LoadThunk(ctx, ref.ID))
	}
	err := fmt.Errorf("loader: unknown kind %q of %q", ref.Kind, ref.ID)
	return func() (domain.Node, error) { return nil, err }
}

// thunk makes a typed loader thunk return a Node (nil when absent).
func thunk[T interface {
	*E
	domain.Node
}, E any](th func() (T, error)) func() (domain.Node, error) {
	return func() (domain.Node, error) { return nonNil(th()) }
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
	l.recurrenceWith.note(ctx)
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

// Lookup finds nodes by name through the store and loads them.
func (l *Loaders) Lookup(ctx context.Context, name string, kinds []domain.Kind) ([]domain.Node, error) {
	refs, err := l.store.Lookup(ctx, name, kinds)
	if err != nil {
		return nil, err
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
	l.appsByMeetingWith.note(ctx)
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
