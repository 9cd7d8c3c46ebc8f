package memstore

import (
	"context"
	"slices"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// AppearancesByMeeting returns each meeting's appearances by Order, then person ID.
func (s *Store) AppearancesByMeeting(ctx context.Context, meetingIDs []string) ([][]*domain.Appearance, error) {
	return related(s, meetingIDs, func(st *state) map[string][]*domain.Appearance { return st.appsByMeeting }, cloneAppearance)
}

// AppearancesByPerson returns each person's appearances by the meeting's date, then meeting ID.
func (s *Store) AppearancesByPerson(ctx context.Context, personIDs []string) ([][]*domain.Appearance, error) {
	return related(s, personIDs, func(st *state) map[string][]*domain.Appearance { return st.appsByPerson }, cloneAppearance)
}

func cloneAppearance(a *domain.Appearance) *domain.Appearance {
	x := *a
	x.Roles = slices.Clone(a.Roles)
	x.Sources = slices.Clone(a.Sources)
	return &x
}
