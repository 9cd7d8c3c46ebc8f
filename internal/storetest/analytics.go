package storetest

import (
	"fmt"
	"testing"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// Recurrence. Rules fixed by the suite:
//   - A meeting mentions an initiative or theme when it lists it itself or
//     any of its recommendations does. MeetingCount counts such meetings;
//     RecommendationCount the recommendations (of the meetings that pass the
//     filter) that list it.
//   - FirstMention and LastMention are the least and greatest mentioning
//     meetings by (date sort key, meeting ID); Mention.Date is the meeting's date.
//   - PerYear counts by the meeting's year; Councils by meetings descending,
//     then council ID, meetings without a council left out.
//   - A meeting passes the period when the period overlaps its date.
//   - SubjectID is the ID asked for; a subject never mentioned (in the
//     filter) has a zero Recurrence. An ID that is not an initiative or a
//     theme, an empty one, or an unknown council or country is EINVALID.
//   - CountryID keeps the meetings held in the country (their place's).
func testRecurrence(t *testing.T, s *suite) {
	st := s.loaded(t)
	d := domain.MustDate
	at := func(meeting, date string) *domain.Mention { return &domain.Mention{MeetingID: meeting, Date: d(date)} }
	type years = []*domain.YearCount
	type councils = []*domain.CouncilCount
	y := func(year, meetings, recs int) *domain.YearCount {
		return &domain.YearCount{Year: year, Meetings: meetings, Recommendations: recs}
	}
	c := func(council string, meetings, recs int) *domain.CouncilCount {
		return &domain.CouncilCount{CouncilID: council, Meetings: meetings, Recommendations: recs}
	}
	zero := func(id string) *domain.Recurrence { return &domain.Recurrence{SubjectID: id} }

	for _, tc := range []struct {
		name string
		f    domain.RecurrenceFilter
		ids  []string
		want []*domain.Recurrence
	}{
		{
			name: "every subject",
			ids: []string{"instc", "three-plus-three", "middle-corridor", "sco", "caspian-five", "astana-process",
				"transport", "security", "trade", "energy", "culture", "instc"},
			want: []*domain.Recurrence{
				{SubjectID: "instc", MeetingCount: 4, RecommendationCount: 5,
					FirstMention: at("raec-3", "2022-05-17"), LastMention: at("raec-5", "2024-06-21"),
					PerYear: years{y(2022, 1, 1), y(2023, 2, 2), y(2024, 1, 2)}, Councils: councils{c("raec", 3, 4)}},
				{SubjectID: "three-plus-three", MeetingCount: 2, RecommendationCount: 2,
					FirstMention: at("raec-4", "2023-06"), LastMention: at("raec-5", "2024-06-21"),
					PerYear: years{y(2023, 1, 1), y(2024, 1, 1)}, Councils: councils{c("raec", 2, 2)}},
				{SubjectID: "middle-corridor", MeetingCount: 3, RecommendationCount: 3,
					FirstMention: at("raec-4", "2023-06"), LastMention: at("rked-2", "2024"),
					PerYear: years{y(2023, 2, 2), y(2024, 1, 1)}, Councils: councils{c("rked", 2, 2), c("raec", 1, 1)}},
				// rked-2 names the SCO itself; none of its recommendations does.
				{SubjectID: "sco", MeetingCount: 2, RecommendationCount: 2,
					FirstMention: at("rked-1", "2023-10-12"), LastMention: at("rked-2", "2024"),
					PerYear: years{y(2023, 1, 2), y(2024, 1, 0)}, Councils: councils{c("rked", 2, 2)}},
				// Mentioned only at a meeting without a council.
				{SubjectID: "caspian-five", MeetingCount: 1, RecommendationCount: 1,
					FirstMention: at("caspian-roundtable-2023", "2023-10-12"), LastMention: at("caspian-roundtable-2023", "2023-10-12"),
					PerYear: years{y(2023, 1, 1)}},
				zero("astana-process"),
				{SubjectID: "transport", MeetingCount: 5, RecommendationCount: 6,
					FirstMention: at("raec-3", "2022-05-17"), LastMention: at("raec-5", "2024-06-21"),
					PerYear: years{y(2022, 1, 1), y(2023, 2, 2), y(2024, 2, 3)}, Councils: councils{c("raec", 3, 4), c("rked", 2, 2)}},
				{SubjectID: "security", MeetingCount: 3, RecommendationCount: 3,
					FirstMention: at("raec-4", "2023-06"), LastMention: at("raec-5", "2024-06-21"),
					PerYear: years{y(2023, 2, 2), y(2024, 1, 1)}, Councils: councils{c("raec", 2, 2), c("rked", 1, 1)}},
				{SubjectID: "trade", MeetingCount: 3, RecommendationCount: 4,
					FirstMention: at("raec-3", "2022-05-17"), LastMention: at("rked-2", "2024"),
					PerYear: years{y(2022, 1, 2), y(2023, 1, 0), y(2024, 1, 2)}, Councils: councils{c("rked", 2, 2), c("raec", 1, 2)}},
				// The first of two meetings on one date is the one of the smaller ID;
				// councils of equal meetings go by ID.
				{SubjectID: "energy", MeetingCount: 3, RecommendationCount: 2,
					FirstMention: at("caspian-roundtable-2023", "2023-10-12"), LastMention: at("raec-5", "2024-06-21"),
					PerYear: years{y(2023, 2, 1), y(2024, 1, 1)}, Councils: councils{c("raec", 1, 1), c("rked", 1, 0)}},
				zero("culture"),
				{SubjectID: "instc", MeetingCount: 4, RecommendationCount: 5,
					FirstMention: at("raec-3", "2022-05-17"), LastMention: at("raec-5", "2024-06-21"),
					PerYear: years{y(2022, 1, 1), y(2023, 2, 2), y(2024, 1, 2)}, Councils: councils{c("raec", 3, 4)}},
			},
		},
		{
			name: "council",
			f:    domain.RecurrenceFilter{CouncilID: "raec"},
			ids:  []string{"instc", "energy", "sco"},
			want: []*domain.Recurrence{
				{SubjectID: "instc", MeetingCount: 3, RecommendationCount: 4,
					FirstMention: at("raec-3", "2022-05-17"), LastMention: at("raec-5", "2024-06-21"),
					PerYear: years{y(2022, 1, 1), y(2023, 1, 1), y(2024, 1, 2)}, Councils: councils{c("raec", 3, 4)}},
				{SubjectID: "energy", MeetingCount: 1, RecommendationCount: 1,
					FirstMention: at("raec-5", "2024-06-21"), LastMention: at("raec-5", "2024-06-21"),
					PerYear: years{y(2024, 1, 1)}, Councils: councils{c("raec", 1, 1)}},
				zero("sco"),
			},
		},
		{
			// The last of two meetings on one date is the one of the greater ID.
			name: "period",
			f:    domain.RecurrenceFilter{Dates: domain.DateRange{To: d("2023-12-31")}},
			ids:  []string{"energy"},
			want: []*domain.Recurrence{
				{SubjectID: "energy", MeetingCount: 2, RecommendationCount: 1,
					FirstMention: at("caspian-roundtable-2023", "2023-10-12"), LastMention: at("rked-1", "2023-10-12"),
					PerYear: years{y(2023, 2, 1)}, Councils: councils{c("rked", 1, 0)}},
			},
		},
		{
			name: "a year",
			f:    domain.RecurrenceFilter{Dates: domain.DateRange{From: d("2023"), To: d("2023")}},
			ids:  []string{"transport"},
			want: []*domain.Recurrence{
				{SubjectID: "transport", MeetingCount: 2, RecommendationCount: 2,
					FirstMention: at("raec-4", "2023-06"), LastMention: at("rked-1", "2023-10-12"),
					PerYear: years{y(2023, 2, 2)}, Councils: councils{c("raec", 1, 1), c("rked", 1, 1)}},
			},
		},
		{
			name: "council and period, a year-only meeting",
			f:    domain.RecurrenceFilter{CouncilID: "rked", Dates: domain.DateRange{From: d("2024-05"), To: d("2024-05")}},
			ids:  []string{"middle-corridor"},
			want: []*domain.Recurrence{
				{SubjectID: "middle-corridor", MeetingCount: 1, RecommendationCount: 1,
					FirstMention: at("rked-2", "2024"), LastMention: at("rked-2", "2024"),
					PerYear: years{y(2024, 1, 1)}, Councils: councils{c("rked", 1, 1)}},
			},
		},
		{
			name: "country",
			f:    domain.RecurrenceFilter{CountryID: "azerbaijan"},
			ids:  []string{"instc", "sco"},
			want: []*domain.Recurrence{
				{SubjectID: "instc", MeetingCount: 2, RecommendationCount: 3,
					FirstMention: at("raec-4", "2023-06"), LastMention: at("raec-5", "2024-06-21"),
					PerYear: years{y(2023, 1, 1), y(2024, 1, 2)}, Councils: councils{c("raec", 2, 3)}},
				zero("sco"),
			},
		},
		{name: "no IDs", ids: []string{}, want: []*domain.Recurrence{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := st.Recurrence(t.Context(), tc.ids, tc.f)
			must(t, "Recurrence", err)
			check(t, "Recurrence", got, tc.want)
		})
	}
	t.Run("Recurring", func(t *testing.T) {
		got, err := st.Recurrence(t.Context(), []string{"instc", "caspian-five"}, domain.RecurrenceFilter{})
		must(t, "Recurrence", err)
		if len(got) != 2 || !got[0].Recurring() || got[1].Recurring() {
			t.Errorf("instc should recur and caspian-five not: %+v", got)
		}
	})
	t.Run("invalid", func(t *testing.T) {
		for _, c := range []struct {
			why string
			ids []string
			f   domain.RecurrenceFilter
		}{
			{"inverted range", []string{"instc"}, domain.RecurrenceFilter{Dates: domain.DateRange{From: d("2024"), To: d("2023")}}},
			{"unknown ID", []string{"instc", "no-such-id"}, domain.RecurrenceFilter{}},
			{"a person", []string{"pavel-orlov"}, domain.RecurrenceFilter{}},
			{"empty ID", []string{""}, domain.RecurrenceFilter{}},
			{"unknown council", []string{"instc"}, domain.RecurrenceFilter{CouncilID: "no-such-council"}},
			{"council of another kind", []string{"instc"}, domain.RecurrenceFilter{CouncilID: "raec-5"}},
			{"unknown country", []string{"instc"}, domain.RecurrenceFilter{CountryID: "atlantis"}},
		} {
			_, err := st.Recurrence(t.Context(), c.ids, c.f)
			wantCode(t, c.why, err, domain.EINVALID)
		}
	})
}

// Pairs. Rules fixed by the suite (weights as in domain.WeightedPair):
//   - INITIATIVE_INITIATIVE, INITIATIVE_THEME, THEME_THEME: with scope
//     RECOMMENDATION (the default) the number of recommendations listing
//     both; with scope MEETING the number of meetings mentioning both (the
//     meeting's own lists and its recommendations'). For INITIATIVE_THEME A is
//     the initiative.
//   - PERSON_PERSON: meetings both appeared at.
//   - INSTITUTION_INSTITUTION: meetings where both were involved (organiser,
//     or the institution of an appearance).
//   - INSTITUTION_COUNCIL: appearances with the institution at the council's
//     meetings; A is the institution, B the council.
//   - CouncilID and Dates select the meetings (and so their recommendations
//     and appearances) that count.
//   - Limit 0 means 50; above 500 or negative is EINVALID. Scope is ignored
//     by the kinds it does not apply to, but must be a known value.
func testPairs(t *testing.T, s *suite) {
	st := s.loaded(t)
	fx := Fixture()
	d := domain.MustDate
	p := func(a, b string, w int) *domain.WeightedPair {
		return &domain.WeightedPair{A: ref(fx, a), B: ref(fx, b), Weight: w}
	}
	type pairs = []*domain.WeightedPair

	iiMeeting := pairs{
		p("instc", "three-plus-three", 2), p("middle-corridor", "sco", 2),
		p("caspian-five", "instc", 1), p("instc", "middle-corridor", 1), p("middle-corridor", "three-plus-three", 1),
	}
	personPerson := pairs{
		p("elena-kuzmina", "pavel-orlov", 4),
		p("farida-mammadova", "pavel-orlov", 3), p("farida-mammadova", "rashad-hajiyev", 3), p("pavel-orlov", "rashad-hajiyev", 3),
		p("aydin-aliyev", "dmitry-belov", 2), p("dmitry-belov", "farida-mammadova", 2), p("dmitry-belov", "pavel-orlov", 2),
		p("dmitry-belov", "rashad-hajiyev", 2), p("elena-kuzmina", "farida-mammadova", 2), p("elena-kuzmina", "rashad-hajiyev", 2),
		p("elena-kuzmina", "timur-zhakenov", 2), p("pavel-orlov", "timur-zhakenov", 2),
		p("anar-aliyev", "aydin-aliyev", 1), p("anar-aliyev", "dmitry-belov", 1), p("anar-aliyev", "farida-mammadova", 1),
		p("anar-aliyev", "pavel-orlov", 1), p("anar-aliyev", "rashad-hajiyev", 1), p("aydin-aliyev", "farida-mammadova", 1),
		p("aydin-aliyev", "pavel-orlov", 1), p("aydin-aliyev", "rashad-hajiyev", 1), p("aydin-aliyev", "timur-zhakenov", 1),
		p("dmitry-belov", "elena-kuzmina", 1), p("dmitry-belov", "timur-zhakenov", 1),
	}
	for _, tc := range []struct {
		name string
		q    domain.PairQuery
		want pairs
	}{
		{"initiatives in recommendations (default scope)", domain.PairQuery{Kind: domain.PairInitiativeInitiative}, pairs{
			p("caspian-five", "instc", 1), p("instc", "middle-corridor", 1), p("instc", "three-plus-three", 1), p("middle-corridor", "sco", 1),
		}},
		{"initiatives in recommendations", domain.PairQuery{Kind: domain.PairInitiativeInitiative, Scope: domain.ScopeRecommendation}, pairs{
			p("caspian-five", "instc", 1), p("instc", "middle-corridor", 1), p("instc", "three-plus-three", 1), p("middle-corridor", "sco", 1),
		}},
		{"initiatives at meetings", domain.PairQuery{Kind: domain.PairInitiativeInitiative, Scope: domain.ScopeMeeting}, iiMeeting},
		{"limit", domain.PairQuery{Kind: domain.PairInitiativeInitiative, Scope: domain.ScopeMeeting, Limit: 3}, iiMeeting[:3]},
		{"initiatives at meetings of a council", domain.PairQuery{Kind: domain.PairInitiativeInitiative, Scope: domain.ScopeMeeting,
			CouncilID: "rked"}, pairs{p("middle-corridor", "sco", 2)}},
		{"initiatives and themes in recommendations", domain.PairQuery{Kind: domain.PairInitiativeTheme}, pairs{
			p("instc", "transport", 4),
			p("instc", "energy", 2), p("middle-corridor", "transport", 2), p("three-plus-three", "security", 2),
			p("caspian-five", "energy", 1), p("instc", "security", 1), p("instc", "trade", 1), p("middle-corridor", "trade", 1),
			p("sco", "security", 1), p("sco", "transport", 1), p("three-plus-three", "transport", 1),
		}},
		{"initiatives and themes at meetings", domain.PairQuery{Kind: domain.PairInitiativeTheme, Scope: domain.ScopeMeeting}, pairs{
			p("instc", "transport", 3), p("middle-corridor", "transport", 3),
			p("instc", "energy", 2), p("instc", "security", 2), p("middle-corridor", "security", 2), p("middle-corridor", "trade", 2),
			p("sco", "trade", 2), p("sco", "transport", 2), p("three-plus-three", "security", 2), p("three-plus-three", "transport", 2),
			p("caspian-five", "energy", 1), p("instc", "trade", 1), p("middle-corridor", "energy", 1), p("sco", "energy", 1),
			p("sco", "security", 1), p("three-plus-three", "energy", 1),
		}},
		{"initiatives and themes in a period", domain.PairQuery{Kind: domain.PairInitiativeTheme, Dates: domain.DateRange{From: d("2024")}},
			pairs{p("instc", "transport", 2), p("instc", "energy", 1), p("instc", "security", 1), p("middle-corridor", "trade", 1),
				p("three-plus-three", "security", 1), p("three-plus-three", "transport", 1)}},
		{"themes in recommendations", domain.PairQuery{Kind: domain.PairThemeTheme}, pairs{
			p("trade", "transport", 2), p("energy", "transport", 1), p("security", "transport", 1),
		}},
		{"themes at meetings", domain.PairQuery{Kind: domain.PairThemeTheme, Scope: domain.ScopeMeeting}, pairs{
			p("security", "transport", 3), p("trade", "transport", 3), p("energy", "security", 2), p("energy", "transport", 2),
			p("energy", "trade", 1), p("security", "trade", 1),
		}},
		{"people", domain.PairQuery{Kind: domain.PairPersonPerson}, personPerson},
		{"people, scope ignored", domain.PairQuery{Kind: domain.PairPersonPerson, Scope: domain.ScopeMeeting}, personPerson},
		{"people, limit", domain.PairQuery{Kind: domain.PairPersonPerson, Limit: 4}, personPerson[:4]},
		{"people, maximum limit", domain.PairQuery{Kind: domain.PairPersonPerson, Limit: 500}, personPerson},
		{"people of a council", domain.PairQuery{Kind: domain.PairPersonPerson, CouncilID: "rked"}, pairs{
			p("elena-kuzmina", "pavel-orlov", 2), p("elena-kuzmina", "timur-zhakenov", 2), p("pavel-orlov", "timur-zhakenov", 2),
		}},
		{"people on a day", domain.PairQuery{Kind: domain.PairPersonPerson, Dates: domain.DateRange{From: d("2023-10-12"), To: d("2023-10-12")}},
			pairs{p("aydin-aliyev", "dmitry-belov", 1), p("aydin-aliyev", "timur-zhakenov", 1), p("dmitry-belov", "timur-zhakenov", 1),
				p("elena-kuzmina", "pavel-orlov", 1), p("elena-kuzmina", "timur-zhakenov", 1), p("pavel-orlov", "timur-zhakenov", 1)}},
		// Filter: the meetings where someone appeared for KazISS.
		{"people at meetings a filter keeps", domain.PairQuery{Kind: domain.PairPersonPerson,
			Filter: domain.MeetingFilter{SpeakerInstitutionID: "kisi"}}, pairs{
			p("elena-kuzmina", "pavel-orlov", 2), p("elena-kuzmina", "timur-zhakenov", 2), p("pavel-orlov", "timur-zhakenov", 2),
			p("aydin-aliyev", "dmitry-belov", 1), p("aydin-aliyev", "timur-zhakenov", 1), p("dmitry-belov", "timur-zhakenov", 1),
		}},
		{"people in a country", domain.PairQuery{Kind: domain.PairPersonPerson, CountryID: "kazakhstan"}, pairs{
			p("elena-kuzmina", "pavel-orlov", 1), p("elena-kuzmina", "timur-zhakenov", 1), p("pavel-orlov", "timur-zhakenov", 1),
		}},
		{"a filter that keeps nothing", domain.PairQuery{Kind: domain.PairPersonPerson,
			Filter: domain.MeetingFilter{CouncilID: "no-such-council"}}, nil},
		{"institutions", domain.PairQuery{Kind: domain.PairInstitutionInstitution}, pairs{
			p("mgimo", "riac", 4),
			p("air-center", "riac", 3),
			p("ada-university", "air-center", 2), p("air-center", "embassy-russia-baku", 2), p("air-center", "mgimo", 2),
			p("air-center", "pa-azerbaijan", 2), p("embassy-russia-baku", "pa-azerbaijan", 2), p("embassy-russia-baku", "riac", 2),
			p("kisi", "mgimo", 2), p("kisi", "riac", 2), p("pa-azerbaijan", "riac", 2),
			p("ada-university", "embassy-russia-baku", 1), p("ada-university", "kisi", 1), p("ada-university", "pa-azerbaijan", 1),
			p("ada-university", "riac", 1), p("air-center", "kisi", 1), p("embassy-russia-baku", "mgimo", 1), p("mgimo", "pa-azerbaijan", 1),
		}},
		{"institutions of a council in a period", domain.PairQuery{Kind: domain.PairInstitutionInstitution, CouncilID: "raec",
			Dates: domain.DateRange{To: d("2022")}}, pairs{
			p("air-center", "mgimo", 1), p("air-center", "riac", 1), p("mgimo", "riac", 1),
		}},
		{"institutions and councils", domain.PairQuery{Kind: domain.PairInstitutionCouncil}, pairs{
			p("air-center", "raec", 5),
			p("riac", "raec", 3),
			p("embassy-russia-baku", "raec", 2), p("kisi", "rked", 2), p("mgimo", "raec", 2), p("mgimo", "rked", 2),
			p("pa-azerbaijan", "raec", 2), p("riac", "rked", 2),
			p("ada-university", "raec", 1),
		}},
		{"institutions and councils, limit (among equal weights)", domain.PairQuery{Kind: domain.PairInstitutionCouncil, Limit: 5}, pairs{
			p("air-center", "raec", 5),
			p("riac", "raec", 3),
			p("embassy-russia-baku", "raec", 2), p("kisi", "rked", 2), p("mgimo", "raec", 2),
		}},
		{"institutions and a council", domain.PairQuery{Kind: domain.PairInstitutionCouncil, CouncilID: "rked"}, pairs{
			p("kisi", "rked", 2), p("mgimo", "rked", 2), p("riac", "rked", 2),
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := st.Pairs(t.Context(), tc.q)
			must(t, "Pairs", err)
			check(t, "Pairs", got, tc.want)
		})
	}
	t.Run("invalid", func(t *testing.T) {
		for name, q := range map[string]domain.PairQuery{
			"no kind":        {},
			"unknown kind":   {Kind: "PERSON_THEME"},
			"unknown scope":  {Kind: domain.PairThemeTheme, Scope: "SENTENCE"},
			"limit too high": {Kind: domain.PairThemeTheme, Limit: 501},
			"negative limit": {Kind: domain.PairThemeTheme, Limit: -1},
			"inverted range": {Kind: domain.PairThemeTheme, Dates: domain.DateRange{From: d("2024-02"), To: d("2024-01")}},
			"inverted range in the filter": {Kind: domain.PairThemeTheme,
				Filter: domain.MeetingFilter{Or: []domain.MeetingFilter{{Dates: domain.DateRange{From: d("2024-02"), To: d("2024-01")}}}}},
			"unknown council": {Kind: domain.PairPersonPerson, CouncilID: "no-such-council"},
			"unknown country": {Kind: domain.PairPersonPerson, CountryID: "baku"},
		} {
			_, err := st.Pairs(t.Context(), q)
			wantCode(t, name, err, domain.EINVALID)
		}
	})
	t.Run("default limit", func(t *testing.T) {
		st := s.empty(t)
		must(t, "Upsert(crowd())", st.Upsert(t.Context(), crowd()))
		cp := func(a, b, w int) *domain.WeightedPair {
			ra := domain.NodeRef{ID: fmt.Sprintf("p-%02d", a), Kind: domain.KindPerson, Name: fmt.Sprintf("Person %02d", a)}
			rb := domain.NodeRef{ID: fmt.Sprintf("p-%02d", b), Kind: domain.KindPerson, Name: fmt.Sprintf("Person %02d", b)}
			return &domain.WeightedPair{A: ra, B: rb, Weight: w}
		}
		all := pairs{cp(1, 2, 12)}
		for a := 1; a <= 11; a++ {
			for b := a + 1; b <= 11; b++ {
				if a != 1 || b != 2 {
					all = append(all, cp(a, b, 1))
				}
			}
		}
		for _, c := range []struct {
			limit int
			want  pairs
		}{{0, all[:50]}, {50, all[:50]}, {500, all}} {
			got, err := st.Pairs(t.Context(), domain.PairQuery{Kind: domain.PairPersonPerson, Limit: c.limit})
			must(t, "Pairs", err)
			check(t, fmt.Sprintf("Pairs with limit %d", c.limit), got, c.want)
		}
	})
}

// Count. Rules fixed by the suite:
//   - MEETINGS_PER_YEAR: key and label the year ("2024"), ascending by year.
//   - MEETINGS_PER_COUNCIL: council ID and name; one-off meetings left out.
//   - MEETINGS_PER_COUNTRY: the ID and name of the country of the meeting's
//     place; MEETINGS_PER_CITY: place ID and name; meetings without a place
//     left out.
//   - RECOMMENDATIONS_PER_THEME and _PER_INITIATIVE: ID and name, counting
//     the recommendations (of the meetings that pass) that list it themselves.
//   - RECOMMENDATIONS_PER_KIND: the kind as key and label.
//   - SPEAKERS_PER_COUNTRY: distinct people with an appearance at the
//     meetings, by the person's country (people without one left out);
//     SPEAKERS_PER_INSTITUTION: distinct people by each appearance's
//     institution (appearances without one left out).
//   - Nothing is counted 0; the rest by count descending, then key.
func testCount(t *testing.T, s *suite) {
	st := s.loaded(t)
	d := domain.MustDate
	kc := func(key, label string, n int) *domain.KeyCount {
		return &domain.KeyCount{Key: key, Label: label, Count: n}
	}
	type counts = []*domain.KeyCount
	cases := []struct {
		name string
		q    domain.CountQuery
		want counts
	}{
		{"meetings per year", domain.CountQuery{By: domain.MeetingsPerYear},
			counts{kc("2022", "2022", 1), kc("2023", "2023", 3), kc("2024", "2024", 2)}},
		{"meetings per year of a council", domain.CountQuery{By: domain.MeetingsPerYear, CouncilID: "raec"},
			counts{kc("2022", "2022", 1), kc("2023", "2023", 1), kc("2024", "2024", 1)}},
		{"meetings per year in a period", domain.CountQuery{By: domain.MeetingsPerYear, Dates: domain.DateRange{From: d("2023-07")}},
			counts{kc("2023", "2023", 2), kc("2024", "2024", 2)}},
		{"meetings per year in a country", domain.CountQuery{By: domain.MeetingsPerYear, CountryID: "azerbaijan"},
			counts{kc("2023", "2023", 1), kc("2024", "2024", 1)}},
		{"meetings per council, not of one", domain.CountQuery{By: domain.MeetingsPerCouncil,
			Filter: domain.MeetingFilter{Not: &domain.MeetingFilter{CouncilID: "raec"}}},
			counts{kc("rked", "Russia—Kazakhstan Expert Dialogue", 2)}},
		{"meetings per city of either", domain.CountQuery{By: domain.MeetingsPerCity,
			Filter: domain.MeetingFilter{Or: []domain.MeetingFilter{{PlaceID: "astana"}, {PlaceID: "moscow"}}}},
			counts{kc("moscow", "Moscow", 2), kc("astana", "Astana", 1)}},
		{"speakers per country of a council and a filter", domain.CountQuery{By: domain.SpeakersPerCountry, CouncilID: "raec",
			Filter: domain.MeetingFilter{PersonID: "dmitry-belov"}},
			counts{kc("azerbaijan", "Azerbaijan", 4), kc("russia", "Russia", 2)}},
		{"a filter that keeps nothing", domain.CountQuery{By: domain.MeetingsPerYear,
			Filter: domain.MeetingFilter{CouncilID: "no-such-council"}}, nil},
		{"meetings per council", domain.CountQuery{By: domain.MeetingsPerCouncil},
			counts{kc("raec", "Russia–Azerbaijan Expert Council", 3), kc("rked", "Russia—Kazakhstan Expert Dialogue", 2)}},
		{"meetings per council in a year", domain.CountQuery{By: domain.MeetingsPerCouncil, Dates: domain.DateRange{From: d("2023"), To: d("2023")}},
			counts{kc("raec", "Russia–Azerbaijan Expert Council", 1), kc("rked", "Russia—Kazakhstan Expert Dialogue", 1)}},
		{"meetings per country", domain.CountQuery{By: domain.MeetingsPerCountry},
			counts{kc("azerbaijan", "Azerbaijan", 2), kc("russia", "Russia", 2), kc("kazakhstan", "Kazakhstan", 1)}},
		{"meetings per city", domain.CountQuery{By: domain.MeetingsPerCity},
			counts{kc("baku", "Baku", 2), kc("moscow", "Moscow", 2), kc("astana", "Astana", 1)}},
		{"meetings per city in a year", domain.CountQuery{By: domain.MeetingsPerCity, Dates: domain.DateRange{From: d("2023"), To: d("2023")}},
			counts{kc("astana", "Astana", 1), kc("baku", "Baku", 1)}},
		{"recommendations per theme", domain.CountQuery{By: domain.RecommendationsPerTheme},
			counts{kc("transport", "Transport and logistics", 6), kc("trade", "Trade and investment", 4),
				kc("security", "Regional security", 3), kc("energy", "Energy", 2)}},
		{"recommendations per theme of a council", domain.CountQuery{By: domain.RecommendationsPerTheme, CouncilID: "rked"},
			counts{kc("trade", "Trade and investment", 2), kc("transport", "Transport and logistics", 2), kc("security", "Regional security", 1)}},
		{"recommendations per initiative", domain.CountQuery{By: domain.RecommendationsPerInitiative},
			counts{kc("instc", "International North–South Transport Corridor", 5), kc("middle-corridor", "Trans-Caspian International Transport Route", 3),
				kc("sco", "Shanghai Cooperation Organisation", 2), kc("three-plus-three", "3+3 Regional Consultative Platform", 2),
				kc("caspian-five", "Caspian Five", 1)}},
		{"recommendations per initiative in a year", domain.CountQuery{By: domain.RecommendationsPerInitiative, Dates: domain.DateRange{From: d("2024"), To: d("2024")}},
			counts{kc("instc", "International North–South Transport Corridor", 2), kc("middle-corridor", "Trans-Caspian International Transport Route", 1),
				kc("three-plus-three", "3+3 Regional Consultative Platform", 1)}},
		{"recommendations per kind", domain.CountQuery{By: domain.RecommendationsPerKind},
			counts{kc("PROPOSAL", "PROPOSAL", 5), kc("CONCLUSION", "CONCLUSION", 4), kc("FOLLOW_UP", "FOLLOW_UP", 2), kc("AGREEMENT", "AGREEMENT", 1)}},
		{"recommendations per kind of a council", domain.CountQuery{By: domain.RecommendationsPerKind, CouncilID: "rked"},
			counts{kc("PROPOSAL", "PROPOSAL", 2), kc("CONCLUSION", "CONCLUSION", 1), kc("FOLLOW_UP", "FOLLOW_UP", 1)}},
		{"speakers per country", domain.CountQuery{By: domain.SpeakersPerCountry},
			counts{kc("azerbaijan", "Azerbaijan", 4), kc("russia", "Russia", 2), kc("kazakhstan", "Kazakhstan", 1)}},
		{"speakers per country in a year", domain.CountQuery{By: domain.SpeakersPerCountry, Dates: domain.DateRange{From: d("2024"), To: d("2024")}},
			counts{kc("azerbaijan", "Azerbaijan", 2), kc("russia", "Russia", 2), kc("kazakhstan", "Kazakhstan", 1)}},
		{"speakers per institution", domain.CountQuery{By: domain.SpeakersPerInstitution},
			counts{kc("air-center", "Center of Analysis of International Relations", 3), kc("ada-university", "ADA University", 1),
				kc("embassy-russia-baku", "Embassy of the Russian Federation in Azerbaijan", 1),
				kc("kisi", "Kazakhstan Institute for Strategic Studies", 1), kc("mgimo", "MGIMO University", 1),
				kc("pa-azerbaijan", "Presidential Administration of Azerbaijan", 1), kc("riac", "Russian International Affairs Council", 1)}},
		{"speakers per institution of a council", domain.CountQuery{By: domain.SpeakersPerInstitution, CouncilID: "rked"},
			counts{kc("kisi", "Kazakhstan Institute for Strategic Studies", 1), kc("mgimo", "MGIMO University", 1),
				kc("riac", "Russian International Affairs Council", 1)}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := st.Count(t.Context(), tc.q)
			must(t, "Count", err)
			check(t, "Count", got, tc.want)
		})
	}
	t.Run("Counts answers them all at once as Count does, each", func(t *testing.T) {
		var qs []domain.CountQuery
		var want []counts
		for _, tc := range cases {
			qs = append(qs, tc.q)
			want = append(want, tc.want)
		}
		got, err := st.Counts(t.Context(), qs)
		must(t, "Counts", err)
		check(t, "Counts", got, want)
		none, err := st.Counts(t.Context(), nil)
		must(t, "Counts of nothing", err)
		if len(none) != 0 {
			t.Errorf("Counts of nothing = %v, want none", none)
		}
	})
	invalid := map[string]domain.CountQuery{
		"no aggregate":            {},
		"unknown aggregate":       {By: "MEETINGS_PER_WEEKDAY"},
		"inverted range":          {By: domain.MeetingsPerYear, Dates: domain.DateRange{From: d("2024-06-22"), To: d("2024-06-21")}},
		"unknown council":         {By: domain.MeetingsPerYear, CouncilID: "no-such-council"},
		"council of another kind": {By: domain.MeetingsPerYear, CouncilID: "russia"},
		"unknown country":         {By: domain.MeetingsPerYear, CountryID: "atlantis"},
		"too deep a filter":       {By: domain.MeetingsPerYear, Filter: nested(domain.MaxFilterDepth + 1)},
	}
	t.Run("invalid", func(t *testing.T) {
		for name, q := range invalid {
			_, err := st.Count(t.Context(), q)
			wantCode(t, name, err, domain.EINVALID)
		}
	})
	t.Run("Counts fails when one of its queries would", func(t *testing.T) {
		ok := domain.CountQuery{By: domain.MeetingsPerYear, CouncilID: "raec"}
		for name, q := range invalid {
			_, err := st.Counts(t.Context(), []domain.CountQuery{ok, q, ok})
			wantCode(t, name, err, domain.EINVALID)
		}
	})
}
