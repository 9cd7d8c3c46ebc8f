package storetest

import (
	"testing"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// Combined filters. Rules fixed by the suite:
//   - A filter holds when its set fields all hold, every filter of And
//     holds, at least one filter of Or holds (when Or is not empty) and Not
//     does not hold. An empty filter holds for everything, so Or: [{}]
//     keeps everything and Not: {} nothing.
//   - MeetingFilter.SpeakerInstitutionID: some appearance at the meeting
//     names the institution (at the time); InstitutionID also counts the
//     organisers.
//   - PersonFilter.AttendedAllOf: the person appeared (in any role) at every
//     meeting of the council, which has at least one.
//   - Nesting deeper than MaxFilterDepth, or more than MaxFilterClauses
//     filters in all, is EINVALID, as is a bad value anywhere inside.
func testFilters(t *testing.T, s *suite) {
	st := s.loaded(t)
	d := domain.MustDate
	type mf = domain.MeetingFilter
	type pf = domain.PersonFilter
	type rf = domain.RecommendationFilter

	for _, c := range []struct {
		name      string
		f         mf
		asc, desc []string // desc nil: the reverse of asc
	}{
		{"or, not", mf{Or: []mf{{CouncilID: "rked"}, {CountryID: "azerbaijan"}}, Not: &mf{PlaceID: "moscow"}},
			[]string{"raec-4", "rked-1", "raec-5"}, nil},
		{"not alone", mf{Not: &mf{CouncilID: "raec"}},
			[]string{"caspian-roundtable-2023", "rked-1", "rked-2"}, []string{"rked-2", "caspian-roundtable-2023", "rked-1"}},
		{"and of one field twice", mf{And: []mf{{PersonID: "pavel-orlov"}, {PersonID: "elena-kuzmina"}}},
			[]string{"raec-3", "rked-1", "rked-2", "raec-5"}, nil},
		// rked-2, known only by its year, may have been held in June 2024.
		{"or of periods", mf{Or: []mf{{Dates: domain.DateRange{To: d("2022")}}, {Dates: domain.DateRange{From: d("2024-06")}}}},
			[]string{"raec-3", "rked-2", "raec-5"}, nil},
		{"nested", mf{Or: []mf{{And: []mf{{CouncilID: "raec"}, {ThemeID: "energy"}}}, {PlaceID: "astana"}}},
			[]string{"rked-1", "raec-5"}, nil},
		{"fields and or together", mf{CouncilID: "raec", Or: []mf{{PersonID: "anar-aliyev"}, {PersonID: "elena-kuzmina"}}},
			[]string{"raec-3", "raec-4", "raec-5"}, nil},
		{"or of an empty filter", mf{Or: []mf{{}}}, meetingsAsc, meetingsDesc},
		{"not of an empty filter", mf{Not: &mf{}}, nil, nil},
		{"not of nothing", mf{Not: &mf{CouncilID: "no-such-council"}}, meetingsAsc, meetingsDesc},
		{"speaker's institution", mf{SpeakerInstitutionID: "ada-university"}, []string{"raec-4"}, nil},
		{"institution, organiser or speaker's", mf{InstitutionID: "ada-university"}, []string{"raec-4", "caspian-roundtable-2023"}, nil},
		{"speaker's institution in an or", mf{Or: []mf{{SpeakerInstitutionID: "kisi"}, {SpeakerInstitutionID: "pa-azerbaijan"}}},
			[]string{"raec-4", "caspian-roundtable-2023", "rked-1", "rked-2", "raec-5"},
			[]string{"raec-5", "rked-2", "caspian-roundtable-2023", "rked-1", "raec-4"}},
		{"speaker's institution of nobody", mf{SpeakerInstitutionID: "mfa-russia"}, nil, nil},
	} {
		t.Run("ListMeetings/"+c.name, func(t *testing.T) {
			checkFilter(t, c.asc, c.desc, func(sort string) (*page, error) {
				conn, err := st.ListMeetings(t.Context(), domain.MeetingQuery{Filter: c.f, Sort: meetingSort(sort), Page: first(100)})
				return toPage(conn, err, meetingID)
			})
		})
	}

	for _, c := range []struct {
		name string
		f    pf
		want []string
	}{
		{"attended all of a council", pf{AttendedAllOf: "raec"}, []string{"farida-mammadova", "pavel-orlov", "rashad-hajiyev"}},
		{"attended all of another", pf{AttendedAllOf: "rked"}, []string{"pavel-orlov", "timur-zhakenov", "elena-kuzmina"}},
		{"attended all of an unknown council", pf{AttendedAllOf: "no-such-council"}, nil},
		{"attended all, but never moderated", pf{AttendedAllOf: "raec", Not: &pf{Role: domain.RoleModerator}}, []string{"rashad-hajiyev"}},
		{"attended all of both", pf{And: []pf{{AttendedAllOf: "raec"}, {AttendedAllOf: "rked"}}}, []string{"pavel-orlov"}},
		{"or", pf{Or: []pf{{CountryID: "kazakhstan"}, {Role: domain.RoleParticipant}}}, []string{"dmitry-belov", "timur-zhakenov"}},
		{"not", pf{CountryID: "azerbaijan", Not: &pf{InstitutionID: "air-center"}}, []string{"anar-aliyev"}},
		{"or of names", pf{Or: []pf{{Name: "Gadzhiev"}, {Name: "Orlov"}}}, []string{"pavel-orlov", "rashad-hajiyev"}},
	} {
		t.Run("ListPeople/"+c.name, func(t *testing.T) {
			checkFilter(t, c.want, nil, func(sort string) (*page, error) {
				conn, err := st.ListPeople(t.Context(), domain.PersonQuery{Filter: c.f, Sort: domain.PersonSort(nameSort(sort)), Page: first(100)})
				return toPage(conn, err, personID)
			})
		})
	}

	for _, c := range []struct {
		name      string
		f         rf
		asc, desc []string
	}{
		{"or of kinds", rf{Or: []rf{{Kind: domain.RecommendationAgreement}, {Kind: domain.RecommendationFollowUp}}},
			[]string{"raec-4-r3", "rked-2-r1", "raec-5-r1"}, nil},
		{"council, not a theme", rf{CouncilID: "raec", Not: &rf{ThemeID: "transport"}},
			[]string{"raec-3-r1", "raec-4-r2", "raec-4-r3"}, nil},
		{"a period or a country", rf{Or: []rf{{Dates: domain.DateRange{To: d("2022")}}, {CountryID: "armenia"}}},
			[]string{"raec-3-r1", "raec-3-r2", "raec-4-r2", "raec-5-r1"}, nil},
		{"and of initiatives", rf{And: []rf{{InitiativeID: "instc"}, {InitiativeID: "three-plus-three"}}}, []string{"raec-5-r1"}, nil},
	} {
		t.Run("ListRecommendations/"+c.name, func(t *testing.T) {
			checkFilter(t, c.asc, c.desc, func(sort string) (*page, error) {
				conn, err := st.ListRecommendations(t.Context(),
					domain.RecommendationQuery{Filter: c.f, Sort: recommendationSort(sort), Page: first(100)})
				return toPage(conn, err, recommendationID)
			})
		})
	}

	t.Run("invalid", func(t *testing.T) {
		many := make([]mf, domain.MaxFilterClauses)
		inverted := domain.DateRange{From: d("2024"), To: d("2023")}
		for name, f := range map[string]mf{
			"too deep":                {Not: ptr(nested(domain.MaxFilterDepth))},
			"too many":                {Or: many},
			"inverted range in an or": {Or: []mf{{CouncilID: "raec"}, {Dates: inverted}}},
			"inverted range in a not": {Not: &mf{Dates: inverted}},
		} {
			_, err := st.ListMeetings(t.Context(), domain.MeetingQuery{Filter: f})
			wantCode(t, "ListMeetings: "+name, err, domain.EINVALID)
		}
		_, err := st.ListMeetings(t.Context(), domain.MeetingQuery{Filter: nested(domain.MaxFilterDepth)})
		must(t, "ListMeetings nested to the limit", err)
		_, err = st.ListPeople(t.Context(), domain.PersonQuery{Filter: pf{Or: []pf{{Role: "SINGER"}}}})
		wantCode(t, "ListPeople: unknown role in an or", err, domain.EINVALID)
		_, err = st.ListRecommendations(t.Context(), domain.RecommendationQuery{Filter: rf{Not: &rf{Kind: "WISH"}}})
		wantCode(t, "ListRecommendations: unknown kind in a not", err, domain.EINVALID)
		_, err = st.ListRecommendations(t.Context(), domain.RecommendationQuery{Filter: rf{And: []rf{{Dates: inverted}}}})
		wantCode(t, "ListRecommendations: inverted range in an and", err, domain.EINVALID)
	})
}

// nested returns a meeting filter nested depth deep (Not inside Not), which
// keeps the raec meetings when depth is even and the others when it is odd.
func nested(depth int) domain.MeetingFilter {
	f := domain.MeetingFilter{CouncilID: "raec"}
	for range depth {
		inner := f
		f = domain.MeetingFilter{Not: &inner}
	}
	return f
}
