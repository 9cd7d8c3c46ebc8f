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

// ListInitiatives returns a page of initiatives by name. CouncilID keeps those
// mentioned at a meeting of the council, by the meeting or a recommendation.
func (s *Store) ListInitiatives(ctx context.Context, q domain.InitiativeQuery) (*domain.InitiativeConnection, error) {
	st, err := s.current()
	if err != nil {
		return nil, err
	}
	if err := validEnum("filter.kind", q.Filter.Kind, domain.InitiativeKinds); err != nil {
		return nil, err
	}
	var inCouncil map[string]bool
	if q.Filter.CouncilID != "" {
		inCouncil = map[string]bool{}
		for _, m := range st.meetings {
			if m.CouncilID == q.Filter.CouncilID {
				for id := range st.mentions[m.ID] {
					inCouncil[id] = true
				}
			}
		}
	}
	named := st.nameMatcher(q.Filter.Name)
	match := func(i *domain.Initiative) bool {
		return (q.Filter.Kind == "" || i.Kind == q.Filter.Kind) && (inCouncil == nil || inCouncil[i.ID]) && named(i.ID)
	}
	return simpleList(st, st.initiatives, func(i *domain.Initiative) string { return i.ID },
		func(i *domain.Initiative) string { return i.Name }, "initiatives", q.Sort, q.Filter, q.Page, match, cloneInitiative)
}

// ListThemes returns a page of themes by name.
func (s *Store) ListThemes(ctx context.Context, q domain.ThemeQuery) (*domain.ThemeConnection, error) {
	st, err := s.current()
	if err != nil {
		return nil, err
	}
	named := st.nameMatcher(q.Filter.Name)
	return simpleList(st, st.themes, func(t *domain.Theme) string { return t.ID },
		func(t *domain.Theme) string { return t.Name }, "themes", q.Sort, q.Filter, q.Page,
		func(t *domain.Theme) bool { return named(t.ID) }, cloneTheme)
}

func cloneInitiative(i *domain.Initiative) *domain.Initiative {
	x := *i
	x.Aliases = slices.Clone(i.Aliases)
	return &x
}

func cloneTheme(t *domain.Theme) *domain.Theme {
	x := *t
	x.Aliases = slices.Clone(t.Aliases)
	return &x
}
