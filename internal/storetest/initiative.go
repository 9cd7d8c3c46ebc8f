package storetest

import (
	"context"
	"testing"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// The fixture's initiatives by normalised name ("3+3 ..." first) and its themes.
var (
	initiativesAsc = []string{"three-plus-three", "astana-process", "caspian-five", "instc", "sco", "middle-corridor"}
	themesAsc      = []string{"culture", "energy", "security", "trade", "transport"}
)

func testInitiatives(t *testing.T, s *suite) {
	st := s.loaded(t)
	fx := Fixture()
	t.Run("Initiatives", func(t *testing.T) { batchCases(t, "Initiatives", st.Initiatives, fx.Initiatives, initiativeID) })

	for _, c := range []struct {
		name string
		f    domain.InitiativeFilter
		want []string
	}{
		{"no filter", domain.InitiativeFilter{}, initiativesAsc},
		{"kind", domain.InitiativeFilter{Kind: domain.InitiativeCorridor}, []string{"instc", "middle-corridor"}},
		{"other kind", domain.InitiativeFilter{Kind: domain.InitiativeProcess}, []string{"astana-process", "caspian-five"}},
		{"kind without initiatives", domain.InitiativeFilter{Kind: domain.InitiativeEvent}, nil},
		// CouncilID: mentioned at a meeting of the council, by the meeting or one of its recommendations.
		{"council", domain.InitiativeFilter{CouncilID: "rked"}, []string{"sco", "middle-corridor"}},
		{"other council", domain.InitiativeFilter{CouncilID: "raec"}, []string{"three-plus-three", "instc", "middle-corridor"}},
		{"unknown council", domain.InitiativeFilter{CouncilID: "no-such-council"}, nil},
		{"name with an em dash", domain.InitiativeFilter{Name: "North—South"}, []string{"instc"}},
		{"name and alias", domain.InitiativeFilter{Name: "CORRIDOR"}, []string{"instc", "middle-corridor"}},
		{"alias with diacritics", domain.InitiativeFilter{Name: "Orta Dehliz"}, []string{"middle-corridor"}},
		{"short name with a plus", domain.InitiativeFilter{Name: "3+3"}, []string{"three-plus-three"}},
		{"alias in another spelling", domain.InitiativeFilter{Name: "organization"}, []string{"sco"}},
		{"kind and council", domain.InitiativeFilter{Kind: domain.InitiativeCorridor, CouncilID: "rked"}, []string{"middle-corridor"}},
		// Recurring: mentioned at two or more meetings (Recurrence.Recurring), or not.
		{"recurring", domain.InitiativeFilter{Recurring: ptr(true)}, []string{"three-plus-three", "instc", "sco", "middle-corridor"}},
		{"not recurring", domain.InitiativeFilter{Recurring: ptr(false)}, []string{"astana-process", "caspian-five"}},
		{"recurring corridors", domain.InitiativeFilter{Recurring: ptr(true), Kind: domain.InitiativeCorridor}, []string{"instc", "middle-corridor"}},
		{"recurring in a council", domain.InitiativeFilter{Recurring: ptr(true), CouncilID: "rked"}, []string{"sco", "middle-corridor"}},
	} {
		t.Run("ListInitiatives/"+c.name, func(t *testing.T) {
			checkFilter(t, c.want, nil, func(sort string) (*page, error) {
				conn, err := st.ListInitiatives(t.Context(), domain.InitiativeQuery{Filter: c.f, Sort: domain.SubjectSort(nameSort(sort)), Page: first(100)})
				return toPage(conn, err, initiativeID)
			})
		})
	}
	t.Run("ListInitiatives/invalid", func(t *testing.T) {
		for name, q := range map[string]domain.InitiativeQuery{
			"unknown order": {Sort: "POPULAR"},
			"unknown kind":  {Filter: domain.InitiativeFilter{Kind: "ROAD"}},
		} {
			_, err := st.ListInitiatives(t.Context(), q)
			wantCode(t, name, err, domain.EINVALID)
		}
	})
}

func testThemes(t *testing.T, s *suite) {
	st := s.loaded(t)
	fx := Fixture()
	t.Run("Themes", func(t *testing.T) { batchCases(t, "Themes", st.Themes, fx.Themes, themeID) })

	for _, c := range []struct {
		name string
		f    domain.ThemeFilter
		want []string
	}{
		{"no filter", domain.ThemeFilter{}, themesAsc},
		{"alias", domain.ThemeFilter{Name: "Logistics"}, []string{"transport"}},
		{"alias and name", domain.ThemeFilter{Name: "security"}, []string{"security"}},
		{"part of names", domain.ThemeFilter{Name: "TRA"}, []string{"trade", "transport"}},
		{"no match", domain.ThemeFilter{Name: "space"}, nil},
		// CouncilID: dealt with at a meeting of the council, by the meeting or
		// one of its recommendations.
		{"council", domain.ThemeFilter{CouncilID: "rked"}, []string{"energy", "security", "trade", "transport"}},
		{"unknown council", domain.ThemeFilter{CouncilID: "no-such-council"}, nil},
		// Recurring: dealt with at two or more meetings (or not).
		{"recurring", domain.ThemeFilter{Recurring: ptr(true)}, []string{"energy", "security", "trade", "transport"}},
		{"not recurring", domain.ThemeFilter{Recurring: ptr(false)}, []string{"culture"}},
		{"recurring and name", domain.ThemeFilter{Recurring: ptr(true), Name: "tra"}, []string{"trade", "transport"}},
	} {
		t.Run("ListThemes/"+c.name, func(t *testing.T) {
			checkFilter(t, c.want, nil, func(sort string) (*page, error) {
				conn, err := st.ListThemes(t.Context(), domain.ThemeQuery{Filter: c.f, Sort: domain.SubjectSort(nameSort(sort)), Page: first(100)})
				return toPage(conn, err, themeID)
			})
		})
	}
	t.Run("ListThemes/unknown order", func(t *testing.T) {
		_, err := st.ListThemes(t.Context(), domain.ThemeQuery{Sort: "RANDOM"})
		wantCode(t, "ListThemes", err, domain.EINVALID)
	})
}

func initiativeList() listCase {
	return listCase{
		name: "ListInitiatives",
		asc:  initiativesAsc,
		desc: reversed(initiativesAsc),
		list: func(ctx context.Context, s domain.Store, a listArgs) (*page, error) {
			q := domain.InitiativeQuery{Sort: domain.SubjectSort(nameSort(a.sort)), Page: a.page}
			if a.alt {
				q.Filter.CouncilID = "raec"
			}
			c, err := s.ListInitiatives(ctx, q)
			return toPage(c, err, initiativeID)
		},
	}
}

func themeList() listCase {
	return listCase{
		name: "ListThemes",
		asc:  themesAsc,
		desc: reversed(themesAsc),
		list: func(ctx context.Context, s domain.Store, a listArgs) (*page, error) {
			q := domain.ThemeQuery{Sort: domain.SubjectSort(nameSort(a.sort)), Page: a.page}
			if a.alt {
				q.Filter.Name = "t"
			}
			c, err := s.ListThemes(ctx, q)
			return toPage(c, err, themeID)
		},
	}
}
