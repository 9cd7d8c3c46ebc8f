package storetest

import (
	"cmp"
	"errors"
	"slices"
	"testing"

	"github.com/expertgraph/expertgraph/internal/domain"
)

func testGraph(t *testing.T, s *suite) {
	d := domain.MustDate
	t.Run("Export of an empty store", func(t *testing.T) {
		st := s.empty(t)
		got, err := st.Export(t.Context())
		must(t, "Export", err)
		check(t, "Export", got, &domain.Graph{})
	})
	t.Run("Export orders each collection by ID", func(t *testing.T) {
		st := s.loaded(t)
		got, err := st.Export(t.Context())
		must(t, "Export", err)
		check(t, "Export", got, sortedGraph(Fixture()))
	})
	t.Run("Stats", func(t *testing.T) {
		st := s.empty(t)
		got, err := st.Stats(t.Context())
		must(t, "Stats", err)
		check(t, "Stats of an empty store", got, statsOf(&domain.Graph{}))
		must(t, "Upsert", st.Upsert(t.Context(), Fixture()))
		got, err = st.Stats(t.Context())
		must(t, "Stats", err)
		want := statsOf(Fixture())
		check(t, "Stats", got, want)
		// The fixture's numbers, spelled out once.
		check(t, "Stats", got, domain.Stats{Appearances: 24, Nodes: map[domain.Kind]int{
			domain.KindCouncil: 2, domain.KindMeeting: 6, domain.KindPerson: 8, domain.KindInstitution: 8,
			domain.KindCountry: 5, domain.KindPlace: 4, domain.KindInitiative: 6, domain.KindTheme: 5,
			domain.KindRecommendation: 12, domain.KindPublication: 3, domain.KindSource: 7,
		}})
	})
	t.Run("Upsert twice is Upsert once", func(t *testing.T) {
		st := s.loaded(t)
		must(t, "second Upsert", st.Upsert(t.Context(), Fixture()))
		got, err := st.Export(t.Context())
		must(t, "Export", err)
		check(t, "Export", got, sortedGraph(Fixture()))
		stats, err := st.Stats(t.Context())
		must(t, "Stats", err)
		check(t, "Stats", stats, statsOf(Fixture()))
	})
	t.Run("Upsert of nothing", func(t *testing.T) {
		st := s.loaded(t)
		must(t, "Upsert", st.Upsert(t.Context(), &domain.Graph{}))
		got, err := st.Export(t.Context())
		must(t, "Export", err)
		check(t, "Export", got, sortedGraph(Fixture()))
	})
	t.Run("Upsert replaces nodes wholesale", func(t *testing.T) { testReplace(t, s) })
	t.Run("Upsert refers to stored nodes", func(t *testing.T) {
		st := s.loaded(t)
		src := []domain.SourceRef{{SourceID: "src-riac-2024"}}
		add := &domain.Graph{
			Meetings: []*domain.Meeting{{ID: "raec-6", CouncilID: "raec", Ordinal: 6, Title: "Sixth Meeting of the RAEC",
				Date: d("2025-06"), PlaceID: "baku", OrganizerIDs: []string{"riac"}, ThemeIDs: []string{"transport"},
				InitiativeIDs: []string{"instc"},
				Publications:  []domain.PublicationLink{{PublicationID: "raec-joint-paper", Relation: domain.PublicationAnnounced}},
				Sources:       src}},
			Appearances: []*domain.Appearance{{MeetingID: "raec-6", PersonID: "pavel-orlov", Roles: []domain.Role{domain.RoleSpeaker},
				InstitutionID: "riac", Order: 1, Sources: src}},
			Recommendations: []*domain.Recommendation{{ID: "raec-6-r1", MeetingID: "raec-6", Kind: domain.RecommendationProposal,
				Text: "Meet again.", Order: 1, ThemeIDs: []string{"energy"}, Sources: src}},
		}
		must(t, "Upsert", st.Upsert(t.Context(), add))
		// An appearance alone, at a stored meeting, by a stored person.
		late := &domain.Appearance{MeetingID: "rked-2", PersonID: "anar-aliyev", Roles: []domain.Role{domain.RoleParticipant},
			Sources: []domain.SourceRef{{SourceID: "src-rked-2"}}}
		must(t, "Upsert", st.Upsert(t.Context(), &domain.Graph{Appearances: []*domain.Appearance{late}}))

		want := Fixture()
		want.Meetings = append(want.Meetings, add.Meetings...)
		want.Appearances = append(want.Appearances, add.Appearances[0], late)
		want.Recommendations = append(want.Recommendations, add.Recommendations...)
		got, err := st.Export(t.Context())
		must(t, "Export", err)
		check(t, "Export", got, sortedGraph(want))

		conn, err := st.ListMeetings(t.Context(), domain.MeetingQuery{Filter: domain.MeetingFilter{CouncilID: "raec"}})
		p, err := toPage(conn, err, meetingID)
		must(t, "ListMeetings", err)
		checkPage(t, "ListMeetings", p, page{IDs: []string{"raec-3", "raec-4", "raec-5", "raec-6"}, Total: 4})
		rec, err := st.Recurrence(t.Context(), []string{"instc"}, domain.RecurrenceFilter{Dates: domain.DateRange{From: d("2025")}})
		must(t, "Recurrence", err)
		check(t, "Recurrence", rec, []*domain.Recurrence{{SubjectID: "instc", MeetingCount: 1,
			FirstMention: &domain.Mention{MeetingID: "raec-6", Date: d("2025-06")}, LastMention: &domain.Mention{MeetingID: "raec-6", Date: d("2025-06")},
			PerYear: []*domain.YearCount{{Year: 2025, Meetings: 1}}, Councils: []*domain.CouncilCount{{CouncilID: "raec", Meetings: 1}}}})
		apps, err := st.AppearancesByMeeting(t.Context(), []string{"rked-2"})
		must(t, "AppearancesByMeeting", err)
		if len(apps) != 1 || len(apps[0]) != 4 || apps[0][3].PersonID != "anar-aliyev" {
			t.Errorf("AppearancesByMeeting(rked-2) should end with the new appearance of order 0: %v", apps)
		}
	})
	t.Run("IDs that prefix each other", func(t *testing.T) {
		// "summit" < "summit-2" as IDs, though "summit/" > "summit-" as text:
		// composite keys must order as their parts.
		st := s.loaded(t)
		src := []domain.SourceRef{{SourceID: "src-riac-2024"}}
		add := &domain.Graph{
			Meetings: []*domain.Meeting{
				{ID: "summit-2", Title: "Second Summit", Date: d("2025-03-01"), Sources: src},
				{ID: "summit", Title: "Summit", Date: d("2025-03-01"), Sources: src},
			},
			Appearances: []*domain.Appearance{
				{MeetingID: "summit-2", PersonID: "pavel-orlov", Roles: []domain.Role{domain.RoleSpeaker}, Sources: src},
				{MeetingID: "summit", PersonID: "pavel-orlov", Roles: []domain.Role{domain.RoleSpeaker}, Sources: src},
			},
			Recommendations: []*domain.Recommendation{
				{ID: "summit-2-r", MeetingID: "summit-2", Kind: domain.RecommendationProposal, Order: 1, Text: "Meet again.", Sources: src},
				{ID: "summit-r", MeetingID: "summit", Kind: domain.RecommendationProposal, Order: 2, Text: "Meet again.", Sources: src},
			},
		}
		must(t, "Upsert", st.Upsert(t.Context(), add))
		want := Fixture()
		want.Meetings = append(want.Meetings, add.Meetings...)
		want.Appearances = append(want.Appearances, add.Appearances...)
		want.Recommendations = append(want.Recommendations, add.Recommendations...)
		got, err := st.Export(t.Context())
		must(t, "Export", err)
		check(t, "Export", got, sortedGraph(want))

		later := domain.DateRange{From: d("2025")}
		checkFilter(t, []string{"summit", "summit-2"}, []string{"summit", "summit-2"}, func(sort string) (*page, error) {
			conn, err := st.ListMeetings(t.Context(), domain.MeetingQuery{Filter: domain.MeetingFilter{Dates: later}, Sort: meetingSort(sort)})
			return toPage(conn, err, meetingID)
		})
		checkFilter(t, []string{"summit-r", "summit-2-r"}, nil, func(sort string) (*page, error) {
			conn, err := st.ListRecommendations(t.Context(),
				domain.RecommendationQuery{Filter: domain.RecommendationFilter{Dates: later}, Sort: recommendationSort(sort)})
			return toPage(conn, err, recommendationID)
		})
		apps, err := st.AppearancesByPerson(t.Context(), []string{"pavel-orlov"})
		must(t, "AppearancesByPerson", err)
		var at []string
		for _, a := range apps[0] {
			at = append(at, a.MeetingID)
		}
		check(t, "AppearancesByPerson", at, []string{"raec-3", "raec-4", "rked-1", "rked-2", "raec-5", "summit", "summit-2"})
	})
	t.Run("Upsert is all or nothing", func(t *testing.T) {
		st := s.loaded(t)
		src := []domain.SourceRef{{SourceID: "src-riac-2024"}}
		bad := &domain.Graph{
			Places: []*domain.Place{{ID: "baku", Name: "Baku City", CountryID: "azerbaijan"}}, // valid on its own
			Themes: []*domain.Theme{
				{ID: "environment", Name: "Environment"}, // valid on its own
				{ID: "raec", Name: "Councils"},           // the ID names a stored council
			},
			Meetings: []*domain.Meeting{{ID: "raec-6", CouncilID: "raec", Title: "Sixth Meeting", Date: d("2025"),
				PlaceID: "atlantis"}}, // an unknown place, and no source
			Recommendations: []*domain.Recommendation{{ID: "raec-6-r1", MeetingID: "raec-6", Kind: "WISH", Text: "Meet again.",
				Sources: src}},
		}
		err := st.Upsert(t.Context(), bad)
		wantCode(t, "Upsert", err, domain.EINVALID)
		var ve *domain.ValidationError
		if !errors.As(err, &ve) {
			t.Fatalf("Upsert error %v (%T) is not a *domain.ValidationError", err, err)
		}
		var fields []string
		for _, p := range ve.Problems {
			fields = append(fields, p.Field)
		}
		for _, f := range []string{"themes[raec].id", "meetings[raec-6].place", "meetings[raec-6].sources", "recommendations[raec-6-r1].kind"} {
			if !slices.Contains(fields, f) {
				t.Errorf("the problems %q do not name %s", fields, f)
			}
		}
		got, err := st.Export(t.Context())
		must(t, "Export", err)
		check(t, "Export after a refused Upsert", got, sortedGraph(Fixture()))
	})
	t.Run("Upsert refuses a dangling reference", func(t *testing.T) {
		st := s.empty(t)
		err := st.Upsert(t.Context(), &domain.Graph{Places: []*domain.Place{{ID: "baku", Name: "Baku", CountryID: "azerbaijan"}}})
		wantCode(t, "Upsert", err, domain.EINVALID)
		stats, err := st.Stats(t.Context())
		must(t, "Stats", err)
		if !stats.Empty() {
			t.Errorf("a refused Upsert wrote something: %+v", stats)
		}
	})
}

// testReplace writes new versions of some nodes and checks that each replaced
// its predecessor whole, links included, while nothing else changed.
func testReplace(t *testing.T, s *suite) {
	st := s.loaded(t)
	ctx := t.Context()
	src := func(id string) []domain.SourceRef { return []domain.SourceRef{{SourceID: id}} }
	upd := &domain.Graph{
		// Alone: the meetings held there and the links they hold stay.
		Places:       []*domain.Place{{ID: "baku", Name: "Baku City", CountryID: "azerbaijan"}},
		Institutions: []*domain.Institution{{ID: "riac", Name: "Russian International Affairs Council", Kind: domain.InstitutionThinkTank}},
		// Affiliation to RIAC and aliases dropped; renamed.
		People: []*domain.Person{{ID: "elena-kuzmina", Name: "Elena Kuzmina", CountryID: "russia",
			Affiliations: []domain.Affiliation{{InstitutionID: "mgimo", Title: "Professor"}}}},
		// Short name and aliases replaced.
		Initiatives: []*domain.Initiative{{ID: "instc", Name: "International North–South Transport Corridor",
			Aliases: []string{"INSTC corridor"}, Kind: domain.InitiativeCorridor}},
		// Moved to Moscow; themes, initiatives, organisers and publications replaced.
		Meetings: []*domain.Meeting{{ID: "raec-5", CouncilID: "raec", Ordinal: 5, Title: "Fifth RAEC meeting", Date: domain.MustDate("2024-06-21"),
			PlaceID: "moscow", OrganizerIDs: []string{"riac"}, ThemeIDs: []string{"security"}, Sources: src("src-riac-2024")}},
		// Roles, institution and order replaced.
		Appearances: []*domain.Appearance{{MeetingID: "raec-4", PersonID: "anar-aliyev", Roles: []domain.Role{domain.RoleSpeaker},
			Sources: src("src-air-2023")}},
		// Moved to another meeting.
		Recommendations: []*domain.Recommendation{{ID: "raec-4-r3", MeetingID: "raec-5", Kind: domain.RecommendationFollowUp, Order: 3,
			Text: "Prepare a joint paper for the next meeting.", Sources: src("src-riac-2024")}},
	}
	must(t, "Upsert", st.Upsert(ctx, upd))

	want := Fixture()
	want.Places = replaceByID(want.Places, upd.Places, placeID)
	want.Institutions = replaceByID(want.Institutions, upd.Institutions, institutionID)
	want.People = replaceByID(want.People, upd.People, personID)
	want.Initiatives = replaceByID(want.Initiatives, upd.Initiatives, initiativeID)
	want.Meetings = replaceByID(want.Meetings, upd.Meetings, meetingID)
	want.Appearances = replaceByID(want.Appearances, upd.Appearances, appearanceKey)
	want.Recommendations = replaceByID(want.Recommendations, upd.Recommendations, recommendationID)
	got, err := st.Export(ctx)
	must(t, "Export", err)
	check(t, "Export", got, sortedGraph(want))
	stats, err := st.Stats(ctx)
	must(t, "Stats", err)
	check(t, "Stats", stats, statsOf(Fixture()))

	listMeetings := func(f domain.MeetingFilter) []string {
		conn, err := st.ListMeetings(ctx, domain.MeetingQuery{Filter: f})
		p, err := toPage(conn, err, meetingID)
		must(t, "ListMeetings", err)
		return p.IDs
	}
	listPeople := func(f domain.PersonFilter) []string {
		conn, err := st.ListPeople(ctx, domain.PersonQuery{Filter: f})
		p, err := toPage(conn, err, personID)
		must(t, "ListPeople", err)
		return p.IDs
	}
	lookup := func(name string) []string {
		refs, err := st.Lookup(ctx, name, nil)
		must(t, "Lookup", err)
		var ids []string
		for _, r := range refs {
			ids = append(ids, r.ID)
		}
		return ids
	}
	hops := func(from, to string) int {
		paths, err := st.ShortestPaths(ctx, from, to, 1)
		must(t, "ShortestPaths", err)
		return len(paths)
	}
	for _, c := range []struct {
		what      string
		got, want any
	}{
		{"meetings in Baku", listMeetings(domain.MeetingFilter{PlaceID: "baku"}), []string{"raec-4"}},
		{"meetings in Moscow", listMeetings(domain.MeetingFilter{PlaceID: "moscow"}), []string{"raec-3", "rked-2", "raec-5"}},
		{"meetings in Azerbaijan", listMeetings(domain.MeetingFilter{CountryID: "azerbaijan"}), []string{"raec-4"}},
		{"meetings of ADA University", listMeetings(domain.MeetingFilter{InstitutionID: "ada-university"}),
			[]string{"caspian-roundtable-2023"}},
		{"meetings about security", listMeetings(domain.MeetingFilter{ThemeID: "security"}), []string{"raec-4", "rked-1", "raec-5"}},
		{"meetings organised by or sending from RIAC", listMeetings(domain.MeetingFilter{InstitutionID: "riac"}),
			[]string{"raec-3", "raec-4", "rked-1", "rked-2", "raec-5"}},
		{"panellists", listPeople(domain.PersonFilter{Role: domain.RolePanellist}), []string{"aydin-aliyev", "elena-kuzmina"}},
		{"people of RIAC", listPeople(domain.PersonFilter{InstitutionID: "riac"}), []string{"pavel-orlov"}},
		{"people of ADA University", listPeople(domain.PersonFilter{InstitutionID: "ada-university"}), []string{"anar-aliyev"}},
		{"people by name", listPeople(domain.PersonFilter{}), []string{"anar-aliyev", "aydin-aliyev", "dmitry-belov",
			"elena-kuzmina", "farida-mammadova", "pavel-orlov", "rashad-hajiyev", "timur-zhakenov"}},
		{"old short name", lookup("INSTC"), []string(nil)},
		{"old alias", lookup("North-South corridor"), []string(nil)},
		{"new alias", lookup("INSTC corridor"), []string{"instc"}},
		{"old name", lookup("Yelena Kuzmina"), []string(nil)},
		{"new name", lookup("Elena Kuzmina"), []string{"elena-kuzmina"}},
		{"an alias the place lost", lookup("Baki"), []string(nil)},
		{"held in Baku", hops("raec-5", "baku"), 0},
		{"held in Moscow", hops("raec-5", "moscow"), 1},
		{"about energy", hops("raec-5", "energy"), 0},
		{"RIAC's council", hops("raec", "riac"), 1},
		{"Elena at RIAC", hops("elena-kuzmina", "riac"), 0},
		{"RIAC in Russia", hops("riac", "russia"), 0},
		{"Anar at ADA University", hops("anar-aliyev", "ada-university"), 1},
		{"the moved recommendation", hops("raec-4-r3", "raec-5"), 1},
	} {
		check(t, c.what, c.got, c.want)
	}

	apps, err := st.AppearancesByMeeting(ctx, []string{"raec-4", "raec-5"})
	must(t, "AppearancesByMeeting", err)
	var who [][]string
	for _, as := range apps {
		var ids []string
		for _, a := range as {
			ids = append(ids, a.PersonID)
		}
		who = append(who, ids)
	}
	check(t, "AppearancesByMeeting", who, [][]string{
		{"farida-mammadova", "pavel-orlov", "rashad-hajiyev", "aydin-aliyev", "anar-aliyev", "dmitry-belov"},
		{"pavel-orlov", "rashad-hajiyev", "farida-mammadova", "elena-kuzmina", "dmitry-belov"},
	})
	recs, err := st.RecommendationsByMeeting(ctx, []string{"raec-4", "raec-5"})
	must(t, "RecommendationsByMeeting", err)
	var which [][]string
	for _, rs := range recs {
		var ids []string
		for _, r := range rs {
			ids = append(ids, r.ID)
		}
		which = append(which, ids)
	}
	check(t, "RecommendationsByMeeting", which, [][]string{{"raec-4-r1", "raec-4-r2"}, {"raec-5-r2", "raec-5-r1", "raec-4-r3"}})
	counts, err := st.Count(ctx, domain.CountQuery{By: domain.MeetingsPerCity})
	must(t, "Count", err)
	check(t, "Count", counts, []*domain.KeyCount{{Key: "moscow", Label: "Moscow", Count: 3},
		{Key: "astana", Label: "Astana", Count: 1}, {Key: "baku", Label: "Baku City", Count: 1}})
}

func appearanceKey(a *domain.Appearance) string { return domain.AppearanceKey(a.MeetingID, a.PersonID) }

// replaceByID returns xs with each item of ys replacing the item of the same
// key, or appended.
func replaceByID[T any](xs, ys []*T, key func(*T) string) []*T {
	out := slices.Clone(xs)
	for _, y := range ys {
		i := slices.IndexFunc(out, func(x *T) bool { return key(x) == key(y) })
		if i < 0 {
			out = append(out, y)
		} else {
			out[i] = y
		}
	}
	return out
}

// sortedGraph returns g with each collection ordered as Export orders it.
func sortedGraph(g *domain.Graph) *domain.Graph {
	out := *g
	sortBy(out.Countries, countryID)
	sortBy(out.Places, placeID)
	sortBy(out.Institutions, institutionID)
	sortBy(out.People, personID)
	sortBy(out.Councils, councilID)
	sortBy(out.Initiatives, initiativeID)
	sortBy(out.Themes, themeID)
	sortBy(out.Sources, sourceID)
	sortBy(out.Publications, publicationID)
	sortBy(out.Meetings, meetingID)
	sortBy(out.Recommendations, recommendationID)
	slices.SortFunc(out.Appearances, func(a, b *domain.Appearance) int {
		return cmp.Or(cmp.Compare(a.MeetingID, b.MeetingID), cmp.Compare(a.PersonID, b.PersonID))
	})
	return &out
}

func sortBy[T any](xs []*T, id func(*T) string) {
	slices.SortFunc(xs, func(a, b *T) int { return cmp.Compare(id(a), id(b)) })
}

// statsOf counts g as Stats does.
//
// Rule: Stats.Nodes has an entry for every kind, 0 included.
func statsOf(g *domain.Graph) domain.Stats {
	s := domain.Stats{Nodes: map[domain.Kind]int{}, Appearances: len(g.Appearances)}
	for _, k := range domain.AllKinds {
		s.Nodes[k] = 0
	}
	for _, k := range g.Kinds() {
		s.Nodes[k]++
	}
	return s
}
