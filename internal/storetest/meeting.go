package storetest

import (
	"context"
	"testing"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// The fixture's meetings by date, then ID. caspian-roundtable-2023 and rked-1
// share a date, so the descending order is not the reverse of the ascending
// one: equal keys stay in ascending ID order.
var (
	meetingsAsc  = []string{"raec-3", "raec-4", "caspian-roundtable-2023", "rked-1", "rked-2", "raec-5"}
	meetingsDesc = []string{"raec-5", "rked-2", "caspian-roundtable-2023", "rked-1", "raec-4", "raec-3"}
)

func testMeetings(t *testing.T, s *suite) {
	st := s.loaded(t)
	fx := Fixture()
	t.Run("Meetings", func(t *testing.T) { batchCases(t, "Meetings", st.Meetings, fx.Meetings, meetingID) })

	d := domain.MustDate
	for _, c := range []struct {
		name      string
		f         domain.MeetingFilter
		asc, desc []string // desc nil: the reverse of asc
	}{
		{"no filter", domain.MeetingFilter{}, meetingsAsc, meetingsDesc},
		{"council", domain.MeetingFilter{CouncilID: "raec"}, []string{"raec-3", "raec-4", "raec-5"}, nil},
		{"other council", domain.MeetingFilter{CouncilID: "rked"}, []string{"rked-1", "rked-2"}, nil},
		{"unknown council", domain.MeetingFilter{CouncilID: "no-such-council"}, nil, nil},
		{"country held in", domain.MeetingFilter{CountryID: "azerbaijan"}, []string{"raec-4", "raec-5"}, nil},
		{"other country held in", domain.MeetingFilter{CountryID: "russia"}, []string{"raec-3", "rked-2"}, nil},
		{"country never held in", domain.MeetingFilter{CountryID: "iran"}, nil, nil},
		{"place", domain.MeetingFilter{PlaceID: "baku"}, []string{"raec-4", "raec-5"}, nil},
		{"place without meetings", domain.MeetingFilter{PlaceID: "shusha"}, nil, nil},
		// Rule: ThemeID, like InitiativeID, matches the meeting's own list and its recommendations'.
		{"theme of meetings and recommendations", domain.MeetingFilter{ThemeID: "trade"}, []string{"raec-3", "rked-1", "rked-2"}, nil},
		{"theme of recommendations only", domain.MeetingFilter{ThemeID: "security"}, []string{"raec-4", "rked-1", "raec-5"}, nil},
		{"theme at meetings of one date", domain.MeetingFilter{ThemeID: "energy"},
			[]string{"caspian-roundtable-2023", "rked-1", "raec-5"}, []string{"raec-5", "caspian-roundtable-2023", "rked-1"}},
		{"theme never mentioned", domain.MeetingFilter{ThemeID: "culture"}, nil, nil},
		{"initiative", domain.MeetingFilter{InitiativeID: "instc"}, []string{"raec-3", "raec-4", "caspian-roundtable-2023", "raec-5"}, nil},
		{"initiative by a meeting or its recommendations", domain.MeetingFilter{InitiativeID: "sco"}, []string{"rked-1", "rked-2"}, nil},
		{"initiative never mentioned", domain.MeetingFilter{InitiativeID: "astana-process"}, nil, nil},
		{"person", domain.MeetingFilter{PersonID: "timur-zhakenov"},
			[]string{"caspian-roundtable-2023", "rked-1", "rked-2"}, []string{"rked-2", "caspian-roundtable-2023", "rked-1"}},
		{"other person", domain.MeetingFilter{PersonID: "dmitry-belov"}, []string{"raec-4", "caspian-roundtable-2023", "raec-5"}, nil},
		{"unknown person", domain.MeetingFilter{PersonID: "no-such-person"}, nil, nil},
		{"institution organised or sent a speaker", domain.MeetingFilter{InstitutionID: "ada-university"},
			[]string{"raec-4", "caspian-roundtable-2023"}, nil},
		{"institution sent speakers only", domain.MeetingFilter{InstitutionID: "mgimo"}, []string{"raec-3", "rked-1", "rked-2", "raec-5"}, nil},
		{"institution organised and sent speakers", domain.MeetingFilter{InstitutionID: "kisi"},
			[]string{"caspian-roundtable-2023", "rked-1", "rked-2"}, []string{"rked-2", "caspian-roundtable-2023", "rked-1"}},
		{"institution never involved", domain.MeetingFilter{InstitutionID: "mfa-russia"}, nil, nil},
		{"a year", domain.MeetingFilter{Dates: domain.DateRange{From: d("2023"), To: d("2023")}},
			[]string{"raec-4", "caspian-roundtable-2023", "rked-1"}, []string{"caspian-roundtable-2023", "rked-1", "raec-4"}},
		{"a year-only meeting overlaps a quarter", domain.MeetingFilter{Dates: domain.DateRange{From: d("2024-01-01"), To: d("2024-03-31")}},
			[]string{"rked-2"}, nil},
		{"a month-only meeting overlaps a range", domain.MeetingFilter{Dates: domain.DateRange{From: d("2023-06-16"), To: d("2023-10-11")}},
			[]string{"raec-4"}, nil},
		{"open end", domain.MeetingFilter{Dates: domain.DateRange{From: d("2023-10-12")}},
			[]string{"caspian-roundtable-2023", "rked-1", "rked-2", "raec-5"}, []string{"raec-5", "rked-2", "caspian-roundtable-2023", "rked-1"}},
		{"open start", domain.MeetingFilter{Dates: domain.DateRange{To: d("2023-06-10")}}, []string{"raec-3", "raec-4"}, nil},
		{"range without meetings", domain.MeetingFilter{Dates: domain.DateRange{From: d("2022-05-18"), To: d("2022-12")}}, nil, nil},
		{"council and dates", domain.MeetingFilter{CouncilID: "raec", Dates: domain.DateRange{From: d("2024")}}, []string{"raec-5"}, nil},
		{"institution and country", domain.MeetingFilter{InstitutionID: "mgimo", CountryID: "russia"}, []string{"raec-3", "rked-2"}, nil},
		{"person and theme", domain.MeetingFilter{PersonID: "pavel-orlov", ThemeID: "energy"}, []string{"rked-1", "raec-5"}, nil},
	} {
		t.Run("ListMeetings/"+c.name, func(t *testing.T) {
			checkFilter(t, c.asc, c.desc, func(sort string) (*page, error) {
				conn, err := st.ListMeetings(t.Context(), domain.MeetingQuery{Filter: c.f, Sort: meetingSort(sort), Page: first(100)})
				return toPage(conn, err, meetingID)
			})
		})
	}
	t.Run("ListMeetings/default order is ascending", func(t *testing.T) {
		conn, err := st.ListMeetings(t.Context(), domain.MeetingQuery{})
		got, err := toPage(conn, err, meetingID)
		must(t, "ListMeetings", err)
		checkPage(t, "ListMeetings", got, page{IDs: meetingsAsc, Total: 6})
	})
	t.Run("ListMeetings/invalid", func(t *testing.T) {
		for name, q := range map[string]domain.MeetingQuery{
			"unknown order":  {Sort: "BY_SIZE"},
			"inverted range": {Filter: domain.MeetingFilter{Dates: domain.DateRange{From: d("2024"), To: d("2023-12-31")}}},
		} {
			_, err := st.ListMeetings(t.Context(), q)
			wantCode(t, name, err, domain.EINVALID)
		}
	})

	// AppearancesByMeeting orders by Order (0, unknown, last), then person ID.
	apps := func(meeting string, people ...string) []*domain.Appearance {
		out := make([]*domain.Appearance, len(people))
		for i, p := range people {
			for _, a := range fx.Appearances {
				if a.MeetingID == meeting && a.PersonID == p {
					out[i] = a
				}
			}
		}
		return out
	}
	byMeeting := map[string][]*domain.Appearance{
		"raec-3":                  apps("raec-3", "pavel-orlov", "farida-mammadova", "rashad-hajiyev", "elena-kuzmina"),
		"raec-4":                  apps("raec-4", "farida-mammadova", "pavel-orlov", "rashad-hajiyev", "anar-aliyev", "aydin-aliyev", "dmitry-belov"),
		"raec-5":                  apps("raec-5", "pavel-orlov", "rashad-hajiyev", "farida-mammadova", "elena-kuzmina", "dmitry-belov"),
		"rked-1":                  apps("rked-1", "timur-zhakenov", "pavel-orlov", "elena-kuzmina"),
		"rked-2":                  apps("rked-2", "pavel-orlov", "timur-zhakenov", "elena-kuzmina"),
		"caspian-roundtable-2023": apps("caspian-roundtable-2023", "timur-zhakenov", "aydin-aliyev", "dmitry-belov"),
	}
	for _, ids := range [][]string{
		meetingsAsc,
		{"raec-4", "no-such-meeting", "caspian-roundtable-2023", "raec-4", "pavel-orlov"},
		{},
	} {
		t.Run("AppearancesByMeeting", func(t *testing.T) {
			got, err := st.AppearancesByMeeting(t.Context(), ids)
			must(t, "AppearancesByMeeting", err)
			want := make([][]*domain.Appearance, len(ids))
			for i, id := range ids {
				want[i] = byMeeting[id]
			}
			if len(got) != len(ids) {
				t.Errorf("AppearancesByMeeting(%q) returned %d slices, want %d", ids, len(got), len(ids))
			}
			check(t, "AppearancesByMeeting", got, want)
		})
	}
}

// meetingSort maps the suite's orders to a MeetingSort; anything else passes through.
func meetingSort(s string) domain.MeetingSort {
	switch s {
	case "ASC":
		return domain.MeetingDateAsc
	case "DESC":
		return domain.MeetingDateDesc
	}
	return domain.MeetingSort(s)
}

func meetingList() listCase {
	return listCase{
		name: "ListMeetings",
		asc:  meetingsAsc,
		desc: meetingsDesc,
		list: func(ctx context.Context, s domain.Store, a listArgs) (*page, error) {
			q := domain.MeetingQuery{Sort: meetingSort(a.sort), Page: a.page}
			if a.alt {
				q.Filter.CouncilID = "raec"
			}
			c, err := s.ListMeetings(ctx, q)
			return toPage(c, err, meetingID)
		},
	}
}
