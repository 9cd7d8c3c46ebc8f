package storetest

import (
	"context"
	"testing"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// The fixture's recommendations by meeting date, meeting ID and order, then ID.
//
// Rule: the sort key is (meeting date, meeting ID, order) and DATE_DESC
// reverses all of it, so a meeting's last recommendation comes first; equal
// keys (rked-2-r1 and rked-2-r2, both of order 0) stay in ascending ID order.
var (
	recommendationsAsc = []string{"raec-3-r1", "raec-3-r2", "raec-4-r1", "raec-4-r2", "raec-4-r3", "caspian-roundtable-2023-r1",
		"rked-1-r1", "rked-1-r2", "rked-2-r1", "rked-2-r2", "raec-5-r2", "raec-5-r1"}
	recommendationsDesc = []string{"raec-5-r1", "raec-5-r2", "rked-2-r1", "rked-2-r2", "rked-1-r2", "rked-1-r1",
		"caspian-roundtable-2023-r1", "raec-4-r3", "raec-4-r2", "raec-4-r1", "raec-3-r2", "raec-3-r1"}
)

func testRecommendations(t *testing.T, s *suite) {
	st := s.loaded(t)
	fx := Fixture()
	t.Run("Recommendations", func(t *testing.T) {
		batchCases(t, "Recommendations", st.Recommendations, fx.Recommendations, recommendationID)
	})

	d := domain.MustDate
	for _, c := range []struct {
		name      string
		f         domain.RecommendationFilter
		asc, desc []string // desc nil: the reverse of asc
	}{
		{"no filter", domain.RecommendationFilter{}, recommendationsAsc, recommendationsDesc},
		{"meeting", domain.RecommendationFilter{MeetingID: "raec-4"}, []string{"raec-4-r1", "raec-4-r2", "raec-4-r3"}, nil},
		{"meeting with equal orders", domain.RecommendationFilter{MeetingID: "rked-2"},
			[]string{"rked-2-r1", "rked-2-r2"}, []string{"rked-2-r1", "rked-2-r2"}},
		{"unknown meeting", domain.RecommendationFilter{MeetingID: "no-such-meeting"}, nil, nil},
		{"council", domain.RecommendationFilter{CouncilID: "rked"},
			[]string{"rked-1-r1", "rked-1-r2", "rked-2-r1", "rked-2-r2"}, []string{"rked-2-r1", "rked-2-r2", "rked-1-r2", "rked-1-r1"}},
		{"other council", domain.RecommendationFilter{CouncilID: "raec"},
			[]string{"raec-3-r1", "raec-3-r2", "raec-4-r1", "raec-4-r2", "raec-4-r3", "raec-5-r2", "raec-5-r1"}, nil},
		{"kind", domain.RecommendationFilter{Kind: domain.RecommendationProposal},
			[]string{"raec-3-r2", "raec-4-r1", "rked-1-r2", "rked-2-r2", "raec-5-r2"}, nil},
		{"rare kind", domain.RecommendationFilter{Kind: domain.RecommendationAgreement}, []string{"raec-5-r1"}, nil},
		{"initiative", domain.RecommendationFilter{InitiativeID: "instc"},
			[]string{"raec-3-r2", "raec-4-r1", "caspian-roundtable-2023-r1", "raec-5-r2", "raec-5-r1"}, nil},
		// Rule: the recommendation's own list counts, not its meeting's: rked-2
		// names the SCO, its recommendations do not.
		{"initiative of recommendations only", domain.RecommendationFilter{InitiativeID: "sco"}, []string{"rked-1-r1", "rked-1-r2"}, nil},
		{"initiative never mentioned", domain.RecommendationFilter{InitiativeID: "astana-process"}, nil, nil},
		{"theme", domain.RecommendationFilter{ThemeID: "security"}, []string{"raec-4-r2", "rked-1-r2", "raec-5-r1"}, nil},
		{"theme with equal keys", domain.RecommendationFilter{ThemeID: "trade"},
			[]string{"raec-3-r1", "raec-3-r2", "rked-2-r1", "rked-2-r2"}, []string{"rked-2-r1", "rked-2-r2", "raec-3-r2", "raec-3-r1"}},
		{"theme of recommendations only", domain.RecommendationFilter{ThemeID: "energy"},
			[]string{"caspian-roundtable-2023-r1", "raec-5-r2"}, nil},
		{"country", domain.RecommendationFilter{CountryID: "iran"}, []string{"raec-3-r2", "caspian-roundtable-2023-r1", "raec-5-r2"}, nil},
		{"other country", domain.RecommendationFilter{CountryID: "armenia"}, []string{"raec-4-r2", "raec-5-r1"}, nil},
		{"a month", domain.RecommendationFilter{Dates: domain.DateRange{From: d("2023-10"), To: d("2023-10")}},
			[]string{"caspian-roundtable-2023-r1", "rked-1-r1", "rked-1-r2"}, nil},
		{"open end with a year-only meeting", domain.RecommendationFilter{Dates: domain.DateRange{From: d("2024-03")}},
			[]string{"rked-2-r1", "rked-2-r2", "raec-5-r2", "raec-5-r1"}, []string{"raec-5-r1", "raec-5-r2", "rked-2-r1", "rked-2-r2"}},
		{"council and kind", domain.RecommendationFilter{CouncilID: "raec", Kind: domain.RecommendationConclusion},
			[]string{"raec-3-r1", "raec-4-r2"}, nil},
		{"theme and country", domain.RecommendationFilter{ThemeID: "transport", CountryID: "kazakhstan"},
			[]string{"raec-4-r1", "rked-1-r1", "rked-2-r2"}, nil},
	} {
		t.Run("ListRecommendations/"+c.name, func(t *testing.T) {
			checkFilter(t, c.asc, c.desc, func(sort string) (*page, error) {
				conn, err := st.ListRecommendations(t.Context(),
					domain.RecommendationQuery{Filter: c.f, Sort: recommendationSort(sort), Page: first(100)})
				return toPage(conn, err, recommendationID)
			})
		})
	}
	t.Run("ListRecommendations/invalid", func(t *testing.T) {
		for name, q := range map[string]domain.RecommendationQuery{
			"unknown order":  {Sort: "KIND_ASC"},
			"unknown kind":   {Filter: domain.RecommendationFilter{Kind: "WISH"}},
			"inverted range": {Filter: domain.RecommendationFilter{Dates: domain.DateRange{From: d("2023-07"), To: d("2023-06-30")}}},
		} {
			_, err := st.ListRecommendations(t.Context(), q)
			wantCode(t, name, err, domain.EINVALID)
		}
	})

	// RecommendationsByMeeting orders by Order, then ID.
	recs := func(ids ...string) []*domain.Recommendation {
		return pick(fx.Recommendations, recommendationID, ids...)
	}
	byMeeting := map[string][]*domain.Recommendation{
		"raec-3":                  recs("raec-3-r1", "raec-3-r2"),
		"raec-4":                  recs("raec-4-r1", "raec-4-r2", "raec-4-r3"),
		"raec-5":                  recs("raec-5-r2", "raec-5-r1"),
		"rked-1":                  recs("rked-1-r1", "rked-1-r2"),
		"rked-2":                  recs("rked-2-r1", "rked-2-r2"),
		"caspian-roundtable-2023": recs("caspian-roundtable-2023-r1"),
	}
	for _, ids := range [][]string{
		meetingsAsc,
		{"raec-5", "no-such-meeting", "rked-2", "raec-5", "raec"},
		{},
	} {
		t.Run("RecommendationsByMeeting", func(t *testing.T) {
			got, err := st.RecommendationsByMeeting(t.Context(), ids)
			must(t, "RecommendationsByMeeting", err)
			want := make([][]*domain.Recommendation, len(ids))
			for i, id := range ids {
				want[i] = byMeeting[id]
			}
			if len(got) != len(ids) {
				t.Errorf("RecommendationsByMeeting(%q) returned %d slices, want %d", ids, len(got), len(ids))
			}
			check(t, "RecommendationsByMeeting", got, want)
		})
	}
}

// recommendationSort maps the suite's orders to a RecommendationSort; anything else passes through.
func recommendationSort(s string) domain.RecommendationSort {
	switch s {
	case "ASC":
		return domain.RecommendationDateAsc
	case "DESC":
		return domain.RecommendationDateDesc
	}
	return domain.RecommendationSort(s)
}

func recommendationList() listCase {
	return listCase{
		name: "ListRecommendations",
		asc:  recommendationsAsc,
		desc: recommendationsDesc,
		list: func(ctx context.Context, s domain.Store, a listArgs) (*page, error) {
			q := domain.RecommendationQuery{Sort: recommendationSort(a.sort), Page: a.page}
			if a.alt {
				q.Filter.Kind = domain.RecommendationProposal
			}
			c, err := s.ListRecommendations(ctx, q)
			return toPage(c, err, recommendationID)
		},
	}
}
