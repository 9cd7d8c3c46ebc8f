package storetest

import (
	"context"
	"testing"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// Orders by counts. Rules fixed by the suite:
//   - The counts are over the whole graph, whatever the filter: an
//     initiative's or theme's meetings (that mention it, themselves or in a
//     recommendation) and recommendations (that list it), a person's
//     appearances, an institution's distinct speakers (people with an
//     appearance that names it), a meeting's appearances.
//   - Ties go by ascending ID in both directions, so a descending order is
//     not the reverse of the ascending one.
//   - The counts follow every write, including writes that take a mention,
//     an appearance or an appearance's institution away.
var (
	peopleByAppearancesDesc = []string{"pavel-orlov", "elena-kuzmina", "dmitry-belov", "farida-mammadova", "rashad-hajiyev",
		"timur-zhakenov", "aydin-aliyev", "anar-aliyev"}
	peopleByAppearancesAsc = []string{"anar-aliyev", "aydin-aliyev", "dmitry-belov", "farida-mammadova", "rashad-hajiyev",
		"timur-zhakenov", "elena-kuzmina", "pavel-orlov"}
	institutionsBySpeakersDesc = []string{"air-center", "ada-university", "embassy-russia-baku", "kisi", "mgimo", "pa-azerbaijan",
		"riac", "mfa-russia"}
	institutionsBySpeakersAsc = []string{"mfa-russia", "ada-university", "embassy-russia-baku", "kisi", "mgimo", "pa-azerbaijan",
		"riac", "air-center"}
	meetingsBySpeakersDesc    = []string{"raec-4", "raec-5", "raec-3", "caspian-roundtable-2023", "rked-1", "rked-2"}
	meetingsBySpeakersAsc     = []string{"caspian-roundtable-2023", "rked-1", "rked-2", "raec-3", "raec-5", "raec-4"}
	initiativesByMeetingsDesc = []string{"instc", "middle-corridor", "sco", "three-plus-three", "caspian-five", "astana-process"}
	initiativesByMeetingsAsc  = []string{"astana-process", "caspian-five", "sco", "three-plus-three", "middle-corridor", "instc"}
	themesByMeetingsDesc      = []string{"transport", "energy", "security", "trade", "culture"}
	themesByRecsDesc          = []string{"transport", "trade", "security", "energy", "culture"}
	themesByRecsAsc           = []string{"culture", "energy", "security", "trade", "transport"}
)

func testSorts(t *testing.T, s *suite) {
	st := s.loaded(t)
	ctx := t.Context()
	all := first(100)
	for _, c := range []struct {
		name string
		list func() (*page, error)
		want []string
	}{
		{"people by appearances, most first", func() (*page, error) {
			c, err := st.ListPeople(ctx, domain.PersonQuery{Sort: domain.PersonAppearancesDesc, Page: all})
			return toPage(c, err, personID)
		}, peopleByAppearancesDesc},
		{"people of a country by appearances", func() (*page, error) {
			c, err := st.ListPeople(ctx, domain.PersonQuery{Filter: domain.PersonFilter{CountryID: "azerbaijan"},
				Sort: domain.PersonAppearancesDesc, Page: all})
			return toPage(c, err, personID)
		}, []string{"farida-mammadova", "rashad-hajiyev", "aydin-aliyev", "anar-aliyev"}},
		{"institutions by speakers, most first", func() (*page, error) {
			c, err := st.ListInstitutions(ctx, domain.InstitutionQuery{Sort: domain.InstitutionSpeakersDesc, Page: all})
			return toPage(c, err, institutionID)
		}, institutionsBySpeakersDesc},
		{"think tanks by speakers, fewest first", func() (*page, error) {
			c, err := st.ListInstitutions(ctx, domain.InstitutionQuery{Filter: domain.InstitutionFilter{Kind: domain.InstitutionThinkTank},
				Sort: domain.InstitutionSpeakersAsc, Page: all})
			return toPage(c, err, institutionID)
		}, []string{"kisi", "riac", "air-center"}},
		{"meetings by speakers, most first", func() (*page, error) {
			c, err := st.ListMeetings(ctx, domain.MeetingQuery{Sort: domain.MeetingSpeakersDesc, Page: all})
			return toPage(c, err, meetingID)
		}, meetingsBySpeakersDesc},
		{"meetings of a council by speakers", func() (*page, error) {
			c, err := st.ListMeetings(ctx, domain.MeetingQuery{Filter: domain.MeetingFilter{CouncilID: "rked"},
				Sort: domain.MeetingSpeakersAsc, Page: all})
			return toPage(c, err, meetingID)
		}, []string{"rked-1", "rked-2"}},
		{"initiatives by meetings, most first", func() (*page, error) {
			c, err := st.ListInitiatives(ctx, domain.InitiativeQuery{Sort: domain.SubjectMeetingsDesc, Page: all})
			return toPage(c, err, initiativeID)
		}, initiativesByMeetingsDesc},
		{"recurring initiatives by recommendations", func() (*page, error) {
			c, err := st.ListInitiatives(ctx, domain.InitiativeQuery{Filter: domain.InitiativeFilter{Recurring: ptr(true)},
				Sort: domain.SubjectRecommendationsDesc, Page: all})
			return toPage(c, err, initiativeID)
		}, []string{"instc", "middle-corridor", "sco", "three-plus-three"}},
		{"themes by meetings, most first", func() (*page, error) {
			c, err := st.ListThemes(ctx, domain.ThemeQuery{Sort: domain.SubjectMeetingsDesc, Page: all})
			return toPage(c, err, themeID)
		}, themesByMeetingsDesc},
		{"themes by recommendations, most first", func() (*page, error) {
			c, err := st.ListThemes(ctx, domain.ThemeQuery{Sort: domain.SubjectRecommendationsDesc, Page: all})
			return toPage(c, err, themeID)
		}, themesByRecsDesc},
	} {
		t.Run(c.name, func(t *testing.T) {
			p, err := c.list()
			must(t, c.name, err)
			checkPage(t, c.name, p, page{IDs: c.want, Total: len(c.want)})
		})
	}
	t.Run("unknown orders", func(t *testing.T) {
		for name, err := range map[string]error{
			"people":       second(st.ListPeople(ctx, domain.PersonQuery{Sort: "SPEAKERS_DESC"})),
			"institutions": second(st.ListInstitutions(ctx, domain.InstitutionQuery{Sort: "APPEARANCES_DESC"})),
			"meetings":     second(st.ListMeetings(ctx, domain.MeetingQuery{Sort: "MEETINGS_DESC"})),
			"initiatives":  second(st.ListInitiatives(ctx, domain.InitiativeQuery{Sort: "SPEAKERS_ASC"})),
			"themes":       second(st.ListThemes(ctx, domain.ThemeQuery{Sort: "DATE_ASC"})),
		} {
			wantCode(t, name, err, domain.EINVALID)
		}
	})
	t.Run("counts follow writes", func(t *testing.T) { testCountsFollowWrites(t, s) })
}

func second[T any](_ T, err error) error { return err }

// testCountsFollowWrites changes what the counts count, write by write.
func testCountsFollowWrites(t *testing.T, s *suite) {
	st := s.loaded(t)
	ctx := t.Context()
	src := []domain.SourceRef{{SourceID: "src-rked-2"}}
	type counts struct {
		Initiatives, Themes, People, Institutions, Meetings []string
	}
	read := func() counts {
		t.Helper()
		ip, err := initiativesPage(st.ListInitiatives(ctx, domain.InitiativeQuery{Sort: domain.SubjectMeetingsDesc, Page: first(3)}))
		must(t, "ListInitiatives", err)
		tp, err := themesPage(st.ListThemes(ctx, domain.ThemeQuery{Sort: domain.SubjectMeetingsDesc, Page: first(3)}))
		must(t, "ListThemes", err)
		pp, err := peoplePage(st.ListPeople(ctx, domain.PersonQuery{Sort: domain.PersonAppearancesDesc, Page: first(3)}))
		must(t, "ListPeople", err)
		np, err := institutionsPage(st.ListInstitutions(ctx, domain.InstitutionQuery{Sort: domain.InstitutionSpeakersDesc, Page: first(3)}))
		must(t, "ListInstitutions", err)
		mp, err := meetingsPage(st.ListMeetings(ctx, domain.MeetingQuery{Sort: domain.MeetingSpeakersAsc, Page: first(2)}))
		must(t, "ListMeetings", err)
		return counts{ip.IDs, tp.IDs, pp.IDs, np.IDs, mp.IDs}
	}
	meeting := &domain.Meeting{ID: "rked-3", CouncilID: "rked", Ordinal: 3, Title: "Third Russia–Kazakhstan Expert Dialogue",
		Date: domain.MustDate("2025-03"), InitiativeIDs: []string{"astana-process"}, Sources: src}
	rec := &domain.Recommendation{ID: "rked-3-r1", MeetingID: "rked-3", Kind: domain.RecommendationProposal, Order: 1,
		Text: "Revive the Astana format for cultural exchanges.", InitiativeIDs: []string{"astana-process"},
		ThemeIDs: []string{"culture"}, Sources: src}
	app := func(person, inst string) *domain.Appearance {
		return &domain.Appearance{MeetingID: "rked-3", PersonID: person, Roles: []domain.Role{domain.RoleSpeaker},
			InstitutionID: inst, Sources: src}
	}
	steps := []struct {
		name  string
		write *domain.Graph
		want  counts
	}{
		{"as loaded", nil, counts{
			Initiatives:  []string{"instc", "middle-corridor", "sco"},
			Themes:       []string{"transport", "energy", "security"},
			People:       []string{"pavel-orlov", "elena-kuzmina", "dmitry-belov"},
			Institutions: []string{"air-center", "ada-university", "embassy-russia-baku"},
			Meetings:     []string{"caspian-roundtable-2023", "rked-1"},
		}},
		// A new meeting with a recommendation and three appearances: the
		// Astana Process gains a meeting, culture a recommendation, Anar
		// Aliyev two appearances' worth, RIAC two speakers.
		{"a new meeting", &domain.Graph{Meetings: []*domain.Meeting{meeting}, Recommendations: []*domain.Recommendation{rec},
			Appearances: []*domain.Appearance{app("anar-aliyev", "riac"), app("aydin-aliyev", "riac"), app("farida-mammadova", "riac")}},
			counts{
				Initiatives:  []string{"instc", "middle-corridor", "sco"},
				Themes:       []string{"transport", "energy", "security"},
				People:       []string{"pavel-orlov", "elena-kuzmina", "farida-mammadova"},
				Institutions: []string{"riac", "air-center", "ada-university"},
				Meetings:     []string{"caspian-roundtable-2023", "rked-1"},
			}},
		// The appearances move to other institutions: RIAC loses its new speakers.
		{"appearances for other institutions", &domain.Graph{Appearances: []*domain.Appearance{
			app("anar-aliyev", "mgimo"), app("aydin-aliyev", "mgimo"), app("farida-mammadova", "mgimo")}},
			counts{
				Initiatives:  []string{"instc", "middle-corridor", "sco"},
				Themes:       []string{"transport", "energy", "security"},
				People:       []string{"pavel-orlov", "elena-kuzmina", "farida-mammadova"},
				Institutions: []string{"mgimo", "air-center", "ada-university"},
				Meetings:     []string{"caspian-roundtable-2023", "rked-1"},
			}},
		// Three more meetings that mention the Astana Process and culture:
		// the Astana Process leads (before INSTC, by ID), culture is second.
		{"three more mentions", &domain.Graph{Meetings: []*domain.Meeting{
			{ID: "rked-4", CouncilID: "rked", Title: "rked-4", Date: domain.MustDate("2025-06"), InitiativeIDs: []string{"astana-process"}, ThemeIDs: []string{"culture"}, Sources: src},
			{ID: "rked-5", CouncilID: "rked", Title: "rked-5", Date: domain.MustDate("2025-07"), InitiativeIDs: []string{"astana-process"}, ThemeIDs: []string{"culture"}, Sources: src},
			{ID: "rked-6", CouncilID: "rked", Title: "rked-6", Date: domain.MustDate("2025-08"), InitiativeIDs: []string{"astana-process"}, ThemeIDs: []string{"culture"}, Sources: src},
		}}, counts{
			Initiatives:  []string{"astana-process", "instc", "middle-corridor"},
			Themes:       []string{"transport", "culture", "energy"},
			People:       []string{"pavel-orlov", "elena-kuzmina", "farida-mammadova"},
			Institutions: []string{"mgimo", "air-center", "ada-university"},
			Meetings:     []string{"rked-4", "rked-5"},
		}},
		// The meetings written again without the mention, and the
		// recommendation without its initiative and theme: the Astana Process
		// keeps only rked-3 (its own list), culture has nothing again.
		{"mentions taken away", &domain.Graph{
			Meetings: []*domain.Meeting{
				{ID: "rked-4", CouncilID: "rked", Title: "rked-4", Date: domain.MustDate("2025-06"), Sources: src},
				{ID: "rked-5", CouncilID: "rked", Title: "rked-5", Date: domain.MustDate("2025-07"), Sources: src},
				{ID: "rked-6", CouncilID: "rked", Title: "rked-6", Date: domain.MustDate("2025-08"), Sources: src},
			},
			Recommendations: []*domain.Recommendation{{ID: "rked-3-r1", MeetingID: "rked-3", Kind: domain.RecommendationProposal,
				Order: 1, Text: "Revive cultural exchanges.", Sources: src}},
		}, counts{
			Initiatives:  []string{"instc", "middle-corridor", "sco"},
			Themes:       []string{"transport", "energy", "security"},
			People:       []string{"pavel-orlov", "elena-kuzmina", "farida-mammadova"},
			Institutions: []string{"mgimo", "air-center", "ada-university"},
			Meetings:     []string{"rked-4", "rked-5"},
		}},
	}
	for _, step := range steps {
		if step.write != nil {
			must(t, "Upsert "+step.name, st.Upsert(ctx, step.write))
		}
		check(t, step.name, read(), step.want)
	}
	// The counts agree with Recurrence.
	rs, err := st.Recurrence(ctx, []string{"astana-process", "culture"}, domain.RecurrenceFilter{})
	must(t, "Recurrence", err)
	check(t, "Recurrence after the writes", []int{rs[0].MeetingCount, rs[0].RecommendationCount, rs[1].MeetingCount, rs[1].RecommendationCount},
		[]int{1, 0, 0, 0})
}

// Count orders for the pagination tests of page.go: "" is the ascending
// count order here, not the list's default.
func countList[S ~string](name string, asc, desc []string, ascSort, descSort S,
	list func(ctx context.Context, s domain.Store, sort S, alt bool, pr domain.PageRequest) (*page, error)) listCase {
	return listCase{
		name: name, asc: asc, desc: desc,
		list: func(ctx context.Context, s domain.Store, a listArgs) (*page, error) {
			sort := S(a.sort)
			switch a.sort {
			case "", "ASC":
				sort = ascSort
			case "DESC":
				sort = descSort
			}
			return list(ctx, s, sort, a.alt, a.page)
		},
	}
}

// countLists returns a listCase for every count order.
func countLists() []listCase {
	return []listCase{
		countList("ListPeople by appearances", peopleByAppearancesAsc, peopleByAppearancesDesc,
			domain.PersonAppearancesAsc, domain.PersonAppearancesDesc,
			func(ctx context.Context, s domain.Store, sort domain.PersonSort, alt bool, pr domain.PageRequest) (*page, error) {
				q := domain.PersonQuery{Sort: sort, Page: pr}
				if alt {
					q.Filter.Role = domain.RoleSpeaker
				}
				return peoplePage(s.ListPeople(ctx, q))
			}),
		countList("ListInstitutions by speakers", institutionsBySpeakersAsc, institutionsBySpeakersDesc,
			domain.InstitutionSpeakersAsc, domain.InstitutionSpeakersDesc,
			func(ctx context.Context, s domain.Store, sort domain.InstitutionSort, alt bool, pr domain.PageRequest) (*page, error) {
				q := domain.InstitutionQuery{Sort: sort, Page: pr}
				if alt {
					q.Filter.Kind = domain.InstitutionThinkTank
				}
				return institutionsPage(s.ListInstitutions(ctx, q))
			}),
		countList("ListMeetings by speakers", meetingsBySpeakersAsc, meetingsBySpeakersDesc,
			domain.MeetingSpeakersAsc, domain.MeetingSpeakersDesc,
			func(ctx context.Context, s domain.Store, sort domain.MeetingSort, alt bool, pr domain.PageRequest) (*page, error) {
				q := domain.MeetingQuery{Sort: sort, Page: pr}
				if alt {
					q.Filter.CouncilID = "raec"
				}
				return meetingsPage(s.ListMeetings(ctx, q))
			}),
		countList("ListInitiatives by meetings", initiativesByMeetingsAsc, initiativesByMeetingsDesc,
			domain.SubjectMeetingsAsc, domain.SubjectMeetingsDesc,
			func(ctx context.Context, s domain.Store, sort domain.SubjectSort, alt bool, pr domain.PageRequest) (*page, error) {
				q := domain.InitiativeQuery{Sort: sort, Page: pr}
				if alt {
					q.Filter.Recurring = ptr(true)
				}
				return initiativesPage(s.ListInitiatives(ctx, q))
			}),
		countList("ListThemes by recommendations", themesByRecsAsc, themesByRecsDesc,
			domain.SubjectRecommendationsAsc, domain.SubjectRecommendationsDesc,
			func(ctx context.Context, s domain.Store, sort domain.SubjectSort, alt bool, pr domain.PageRequest) (*page, error) {
				q := domain.ThemeQuery{Sort: sort, Page: pr}
				if alt {
					q.Filter.CouncilID = "rked"
				}
				return themesPage(s.ListThemes(ctx, q))
			}),
	}
}

// Pages of each kind, from a list method's results.
func peoplePage(c *domain.PersonConnection, err error) (*page, error) {
	return toPage(c, err, personID)
}
func institutionsPage(c *domain.InstitutionConnection, err error) (*page, error) {
	return toPage(c, err, institutionID)
}
func meetingsPage(c *domain.MeetingConnection, err error) (*page, error) {
	return toPage(c, err, meetingID)
}
func initiativesPage(c *domain.InitiativeConnection, err error) (*page, error) {
	return toPage(c, err, initiativeID)
}
func themesPage(c *domain.ThemeConnection, err error) (*page, error) { return toPage(c, err, themeID) }
