package memstore

import (
	"context"
	"slices"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// Initiatives returns the initiatives of the given IDs, nil where unknown.
func (s *Store) Initiatives(ctx context.Context, ids []string) ([]*domain.Initiative, error) {
	return batch(s, ids, func(st *state) map[string]*domain.Initiative { return st.initiatives }, cloneInitiative)
}

// Themes returns the themes of the given IDs, nil where unknown.
func (s *Store) Themes(ctx context.Context, ids []string) ([]*domain.Theme, error) {
	return batch(s, ids, func(st *state) map[string]*domain.Theme { return st.themes }, cloneTheme)
}

// ListInitiatives returns a page of initiatives by name or by mentions.
// CouncilID keeps those mentioned at a meeting of the council, by the meeting
// or a recommendation.
func (s *Store) ListInitiatives(ctx context.Context, q domain.InitiativeQuery) (*domain.InitiativeConnection, error) {
	st, err := s.current()
	if err != nil {
		return nil, err
	}
	sort, order, err := q.Sort.Resolve()
	if err != nil {
		return nil, err
	}
	if err := validEnum("filter.kind", q.Filter.Kind, domain.InitiativeKinds); err != nil {
		return nil, err
	}
	inCouncil := st.mentionedIn(q.Filter.CouncilID)
	named := st.nameMatcher(q.Filter.Name)
	match := func(i *domain.Initiative) bool {
		return (q.Filter.Kind == "" || i.Kind == q.Filter.Kind) && (inCouncil == nil || inCouncil[i.ID]) && named(i.ID) &&
			st.recurs(i.ID, q.Filter.Recurring)
	}
	return sortedList(st.initiatives, func(i *domain.Initiative) string { return i.ID },
		func(i *domain.Initiative) string { return i.Name },
		subjectCount(st, order, func(i *domain.Initiative) string { return i.ID }),
		"initiatives", sort, order, q.Filter, q.Page, match, cloneInitiative)
}

// ListThemes returns a page of themes by name or by mentions.
func (s *Store) ListThemes(ctx context.Context, q domain.ThemeQuery) (*domain.ThemeConnection, error) {
	st, err := s.current()
	if err != nil {
		return nil, err
	}
	sort, order, err := q.Sort.Resolve()
	if err != nil {
		return nil, err
	}
	inCouncil := st.mentionedIn(q.Filter.CouncilID)
	named := st.nameMatcher(q.Filter.Name)
	match := func(t *domain.Theme) bool {
		return (inCouncil == nil || inCouncil[t.ID]) && named(t.ID) && st.recurs(t.ID, q.Filter.Recurring)
	}
	return sortedList(st.themes, func(t *domain.Theme) string { return t.ID },
		func(t *domain.Theme) string { return t.Name },
		subjectCount(st, order, func(t *domain.Theme) string { return t.ID }),
		"themes", sort, order, q.Filter, q.Page, match, cloneTheme)
}

// mentionedIn returns the initiatives and themes mentioned at the meetings
// of a council (by a meeting or a recommendation); nil for no council.
func (st *state) mentionedIn(councilID string) map[string]bool {
	if councilID == "" {
		return nil
	}
	out := map[string]bool{}
	for _, m := range st.meetings {
		if m.CouncilID == councilID {
			for id := range st.mentions[m.ID] {
				out[id] = true
			}
		}
	}
	return out
}

// recurs applies a Recurring filter: nil keeps everything, true keeps
// subjects mentioned at two or more meetings, false the others.
func (st *state) recurs(id string, recurring *bool) bool {
	return recurring == nil || *recurring == (st.mentionMeetings[id] >= 2)
}

// subjectCount returns the count an order of initiatives or themes compares.
func subjectCount[T any](st *state, order domain.Order, id func(*T) string) func(*T) int {
	counts := st.mentionMeetings
	if order.By == domain.ByRecommendations {
		counts = st.mentionRecs
	}
	return func(x *T) int { return counts[id(x)] }
}

func cloneInitiative(i *domain.Initiative) *domain.Initiative {
	x := *i
	x.Aliases = slices.Clone(i.Aliases)
	x.Sources = slices.Clone(i.Sources)
	return &x
}

func cloneTheme(t *domain.Theme) *domain.Theme {
	x := *t
	x.Aliases = slices.Clone(t.Aliases)
	x.Sources = slices.Clone(t.Sources)
	return &x
}
