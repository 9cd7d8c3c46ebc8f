package dataset_test

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/expertgraph/expertgraph/internal/dataset"
	"github.com/expertgraph/expertgraph/internal/domain"
	"github.com/expertgraph/expertgraph/seed"
)

// The seed is data that people edit by hand; these tests pin the facts the
// sources state, so that a slip in the YAML fails here rather than in a
// user's query.

func loadSeed(t *testing.T) *domain.Graph {
	t.Helper()
	g, err := dataset.Load(seed.FS)
	if err != nil {
		t.Fatalf("the seed does not load: %v", err)
	}
	return g
}

func TestSeedMeetings(t *testing.T) {
	g := loadSeed(t)
	type summary struct {
		ID, Council, Date, Place string
		Ordinal                  int
		Appearances, Recs        int
		DateNote                 bool
	}
	var got []summary
	for _, m := range g.Meetings {
		s := summary{ID: m.ID, Council: m.CouncilID, Date: m.Date.String(), Place: m.PlaceID, Ordinal: m.Ordinal,
			Appearances: len(appearancesOf(g, m.ID)), Recs: len(recommendationsOf(g, m.ID)), DateNote: m.DateNote != ""}
		got = append(got, s)
		if len(m.Sources) == 0 {
			t.Errorf("meeting %s has no source", m.ID)
		}
	}
	// A2 (raec-2) and the 6th and 7th RAEC meetings were not found in any
	// report and are not recorded.
	want := []summary{
		{ID: "raec-1", Council: "raec", Date: "2021-11-19", Place: "baku", Ordinal: 1, Appearances: 5, Recs: 4, DateNote: true},
		{ID: "raec-3", Council: "raec", Date: "2023-02-28", Place: "baku", Ordinal: 3, Appearances: 4, Recs: 6},
		{ID: "raec-4", Council: "raec", Date: "2023-11-27", Place: "moscow", Ordinal: 4, Appearances: 4, Recs: 5},
		{ID: "raec-5", Council: "raec", Date: "2024-06-21", Place: "baku", Ordinal: 5, Appearances: 8, Recs: 19},
		{ID: "russia-iran-dialogue-2", Council: "russia-iran-dialogue", Date: "2018-04-09", Place: "tehran", Ordinal: 2,
			Appearances: 2, Recs: 4},
		{ID: "shusha-forum-1", Council: "shusha-forum", Date: "2025-11-24", Place: "shusha", Ordinal: 1,
			Appearances: 7, Recs: 6},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("meetings:\ngot  %+v\nwant %+v", got, want)
	}
}

func TestSeedRAEC5(t *testing.T) {
	g := loadSeed(t)
	m := meeting(t, g, "raec-5")
	if m.Theme != "Cooperation Between Russia and Azerbaijan in Regional Projects and Initiatives" ||
		!reflect.DeepEqual(m.ThemeVariants, []string{"Cooperation between Russia and Azerbaijan within the regional projects and initiatives"}) ||
		m.Format != "two sessions and a panel discussion" ||
		!reflect.DeepEqual(m.OrganizerIDs, []string{"riac", "air-center"}) {
		t.Errorf("raec-5 = theme %q, variants %q, format %q, organisers %v", m.Theme, m.ThemeVariants, m.Format, m.OrganizerIDs)
	}
	wantPubs := []domain.PublicationLink{
		{PublicationID: "russia-azerbaijan-strategic-cooperation-at-present", Relation: domain.PublicationPresented},
		{PublicationID: "riac-air-center-joint-paper-regional-projects", Relation: domain.PublicationAnnounced},
	}
	if !reflect.DeepEqual(m.Publications, wantPubs) {
		t.Errorf("raec-5 publications = %+v, want %+v", m.Publications, wantPubs)
	}

	// The six opening speakers, in the RIAC report's order, with its titles.
	type speaker struct {
		Person, Title, Institution string
		Order                      int
	}
	var opening []speaker
	for _, a := range appearancesOf(g, "raec-5") {
		if slices.Contains(a.Roles, domain.RoleOpeningSpeech) {
			opening = append(opening, speaker{a.PersonID, a.Title, a.InstitutionID, a.Order})
		}
	}
	wantOpening := []speaker{
		{"igor-maslov", "Chief of the Presidential Directorate for Interregional Relations and Cultural Contacts with Foreign Countries",
			"russia-presidential-administration", 1},
		{"hikmet-hajiyev", "Advisor to the President of Azerbaijan and Head of Foreign Policy Affairs Department of the Presidential Administration",
			"azerbaijan-presidential-administration", 2},
		{"mikhail-evdokimov", "Ambassador Extraordinary and Plenipotentiary of the Russian Federation to Azerbaijan", "russia-mfa", 3},
		{"elshad-iskandarov", "Ambassador-at-Large of Azerbaijan’s Foreign Ministry", "azerbaijan-mfa", 4},
		{"ivan-timofeev", "Director General", "riac", 5},
		{"farid-shafiyev", "Chairman", "air-center", 6},
	}
	if !reflect.DeepEqual(opening, wantOpening) {
		t.Errorf("raec-5 opening speakers:\ngot  %+v\nwant %+v", opening, wantOpening)
	}
	if a := appearance(t, g, "raec-5", "farid-shafiyev"); !reflect.DeepEqual(a.Roles, []domain.Role{domain.RoleOpeningSpeech, domain.RoleModerator}) ||
		!hasSource(a.Sources, "azertac-raec-5") {
		t.Errorf("Shafiyev at raec-5: roles %v, sources %+v; want the moderator role, reported by AZERTAC", a.Roles, a.Sources)
	}

	// Every recommendation, in order: see seed/README.md for the count of
	// eleven conclusions.
	type rec struct {
		ID          string
		Kind        domain.RecommendationKind
		Paraphrase  bool
		Initiatives []string
	}
	var recs []rec
	conclusions := 0
	for _, r := range recommendationsOf(g, "raec-5") {
		recs = append(recs, rec{r.ID, r.Kind, r.Paraphrase, r.InitiativeIDs})
		if r.Kind == domain.RecommendationConclusion {
			conclusions++
			if r.Paraphrase || !hasSource(r.Sources, "riac-raec-5") {
				t.Errorf("conclusion %s: paraphrase %v, sources %+v; want a quotation of riac-raec-5", r.ID, r.Paraphrase, r.Sources)
			}
		}
	}
	if conclusions != 11 {
		t.Errorf("raec-5 has %d conclusions, want the RIAC report's 11", conclusions)
	}
	const (
		C  = domain.RecommendationConclusion
		P  = domain.RecommendationProposal
		A  = domain.RecommendationAgreement
		FU = domain.RecommendationFollowUp
	)
	wantRecs := []rec{
		{"raec-5-intensify-expert-meetings", P, false, nil},
		{"raec-5-cooperation-potential", C, false, nil},
		{"raec-5-national-currencies-and-regions", C, false, nil},
		{"raec-5-culture-science-media", C, false, []string{"cross-culture-days"}},
		{"raec-5-industrial-and-trade-cooperation", C, false, nil},
		{"raec-5-armenia-azerbaijan-normalisation", C, false, []string{"armenia-azerbaijan-normalisation"}},
		{"raec-5-instc", C, false, []string{"instc", "south-caucasus-transport-links"}},
		{"raec-5-3plus3", C, false, []string{"3plus3"}},
		{"raec-5-central-asia-triangle", C, false, []string{"russia-azerbaijan-central-asia-triangle"}},
		{"raec-5-caspian-five", C, false, []string{"caspian-five"}},
		{"raec-5-extra-regional-interference", C, false, nil},
		{"raec-5-joint-paper", FU, false, nil},
		{"raec-5-top-matters", C, false, []string{"caspian-five", "instc", "sco", "russia-azerbaijan-central-asia-triangle"}},
		{"raec-5-midterm-event", A, false, nil},
		{"raec-5-north-south-capacity", P, true, []string{"instc"}},
		{"raec-5-evdokimov-normalisation-3plus3", P, true, []string{"armenia-azerbaijan-normalisation", "3plus3"}},
		{"raec-5-no-outside-interference", P, true, nil},
		{"raec-5-experts-in-media", P, true, nil},
		{"raec-5-conclusions-to-leadership", FU, true, nil},
	}
	if !reflect.DeepEqual(recs, wantRecs) {
		t.Errorf("raec-5 recommendations:\ngot  %+v\nwant %+v", recs, wantRecs)
	}
	for i, r := range recommendationsOf(g, "raec-5") {
		if r.Order != i+1 {
			t.Errorf("%s has order %d, want %d", r.ID, r.Order, i+1)
		}
	}
}

func TestSeedMentions(t *testing.T) {
	g := loadSeed(t)
	tests := []struct {
		initiative string
		want       []string // meetings, by date
	}{
		{"instc", []string{"raec-4", "raec-5"}},
		{"3plus3", []string{"raec-3", "raec-4", "raec-5"}},
		{"caspian-five", []string{"raec-5"}},
		{"sco", []string{"raec-5"}},
		{"russia-azerbaijan-central-asia-triangle", []string{"raec-5"}},
		{"declaration-on-allied-interaction", []string{"raec-3", "raec-5"}},
		{"armenia-azerbaijan-normalisation", []string{"raec-1", "raec-5", "shusha-forum-1"}},
		{"ots", []string{"shusha-forum-1"}},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range g.Meetings {
			mentioned := slices.Contains(m.InitiativeIDs, tt.initiative)
			for _, r := range recommendationsOf(g, m.ID) {
				mentioned = mentioned || slices.Contains(r.InitiativeIDs, tt.initiative)
			}
			if mentioned {
				got = append(got, m.ID)
			}
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("meetings mentioning %s = %v, want %v", tt.initiative, got, tt.want)
		}
	}
}

func TestSeedPeople(t *testing.T) {
	g := loadSeed(t)
	type stint struct{ Meeting, Title, Institution string }
	var got []stint
	for _, m := range g.Meetings {
		for _, a := range appearancesOf(g, m.ID) {
			if a.PersonID == "farid-shafiyev" {
				got = append(got, stint{m.ID, a.Title, a.InstitutionID})
			}
		}
	}
	want := []stint{
		{"raec-1", "Chairman", "air-center"},
		{"raec-3", "Chairman", "air-center"},
		{"raec-4", "Chairman of the Board", "air-center"},
		{"raec-5", "Chairman", "air-center"},
		{"shusha-forum-1", "Chairman of the Board", "air-center"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Farid Shafiyev's appearances:\ngot  %+v\nwant %+v", got, want)
	}

	// Any spelling the sources use finds the one node.
	names := map[string]string{
		"Gadzhiev": "hikmet-hajiyev", "Гаджиев": "hikmet-hajiyev", "Hajiev": "hikmet-hajiyev",
		"Isgandarov": "elshad-iskandarov", "Iskenderov": "elshad-iskandarov",
		"Yevdokimov": "mikhail-evdokimov", "Shafiev": "farid-shafiyev", "Timofeyev": "ivan-timofeev",
		"North-South corridor": "instc", "North–South ITC": "instc", "INSTC": "instc", "МТК Север–Юг": "instc",
		"3+3 format": "3plus3", "3+3 platform": "3plus3", "Shanghai Cooperation Organization": "sco",
		"РАЭС": "raec", "RAEC": "raec", "ЦАМО": "air-center", "CAIRA": "air-center", "AIR Center": "air-center",
		"РСМД": "riac", "RIAC": "riac",
	}
	for name, want := range names {
		if got := lookup(g, name); !reflect.DeepEqual(got, []string{want}) {
			t.Errorf("%q names %v, want [%s]", name, got, want)
		}
	}
}

func TestSeedCouncils(t *testing.T) {
	g := loadSeed(t)
	for _, c := range g.Councils {
		if c.ID != "raec" {
			continue
		}
		if c.Founded != domain.MustDate("2021") || !strings.Contains(c.Description, "2021") ||
			!strings.Contains(c.Frequency, "annual") || !strings.Contains(c.Frequency, "twice a year") {
			t.Errorf("raec: founded %v, description %q, frequency %q; want 2021 and both frequency claims",
				c.Founded, c.Description, c.Frequency)
		}
		return
	}
	t.Error("no council raec")
}

// TestSeedHygiene checks what the domain leaves optional but the seed
// promises: sources on every person, institution, council, country, place,
// initiative and theme; no entry that nothing uses; no name or alias shared
// by two nodes of a kind.
func TestSeedHygiene(t *testing.T) {
	g := loadSeed(t)
	for _, p := range g.People {
		if len(p.Sources) == 0 {
			t.Errorf("person %s has no source", p.ID)
		}
	}
	for _, i := range g.Institutions {
		if len(i.Sources) == 0 {
			t.Errorf("institution %s has no source", i.ID)
		}
	}
	for _, c := range g.Councils {
		if len(c.Sources) == 0 {
			t.Errorf("council %s has no source", c.ID)
		}
	}
	for _, c := range g.Countries {
		if len(c.Sources) == 0 {
			t.Errorf("country %s has no source", c.ID)
		}
	}
	for _, p := range g.Places {
		if len(p.Sources) == 0 {
			t.Errorf("place %s has no source", p.ID)
		}
	}
	for _, i := range g.Initiatives {
		if len(i.Sources) == 0 {
			t.Errorf("initiative %s has no source", i.ID)
		}
	}
	for _, th := range g.Themes {
		if len(th.Sources) == 0 {
			t.Errorf("theme %s has no source", th.ID)
		}
	}

	used := referenced(g)
	for id, kind := range g.Kinds() {
		if kind != domain.KindMeeting && kind != domain.KindRecommendation && !used[id] {
			t.Errorf("%s %s is used by nothing", strings.ToLower(string(kind)), id)
		}
	}

	for key, ids := range nameKeys(g) {
		if len(ids) > 1 {
			t.Errorf("%q names %v", key, ids)
		}
	}
}

func meeting(t *testing.T, g *domain.Graph, id string) *domain.Meeting {
	t.Helper()
	for _, m := range g.Meetings {
		if m.ID == id {
			return m
		}
	}
	t.Fatalf("no meeting %s", id)
	return nil
}

func appearance(t *testing.T, g *domain.Graph, meetingID, personID string) *domain.Appearance {
	t.Helper()
	for _, a := range appearancesOf(g, meetingID) {
		if a.PersonID == personID {
			return a
		}
	}
	t.Fatalf("%s did not appear at %s", personID, meetingID)
	return nil
}

func appearancesOf(g *domain.Graph, meetingID string) []*domain.Appearance {
	var out []*domain.Appearance
	for _, a := range g.Appearances {
		if a.MeetingID == meetingID {
			out = append(out, a)
		}
	}
	return out
}

func recommendationsOf(g *domain.Graph, meetingID string) []*domain.Recommendation {
	var out []*domain.Recommendation
	for _, r := range g.Recommendations {
		if r.MeetingID == meetingID {
			out = append(out, r)
		}
	}
	return out
}

func hasSource(refs []domain.SourceRef, id string) bool {
	return slices.ContainsFunc(refs, func(r domain.SourceRef) bool { return r.SourceID == id })
}

// nameKeys maps each normalised name or alias to the kinds and IDs of the
// nodes it names ("PERSON hikmet-hajiyev").
func nameKeys(g *domain.Graph) map[string][]string {
	m := map[string][]string{}
	add := func(kind domain.Kind, id string, names ...string) {
		for _, k := range domain.NameKeys(names[0], names[1:]...) {
			key := string(kind) + " " + k
			m[key] = append(m[key], id)
		}
	}
	for _, x := range g.Countries {
		add(domain.KindCountry, x.ID, append([]string{x.Name}, x.Aliases...)...)
	}
	for _, x := range g.Places {
		add(domain.KindPlace, x.ID, append([]string{x.Name}, x.Aliases...)...)
	}
	for _, x := range g.Institutions {
		add(domain.KindInstitution, x.ID, append([]string{x.Name, x.ShortName}, x.Aliases...)...)
	}
	for _, x := range g.People {
		add(domain.KindPerson, x.ID, append([]string{x.Name}, x.Aliases...)...)
	}
	for _, x := range g.Councils {
		add(domain.KindCouncil, x.ID, append([]string{x.Name, x.ShortName}, x.Aliases...)...)
	}
	for _, x := range g.Initiatives {
		add(domain.KindInitiative, x.ID, append([]string{x.Name, x.ShortName}, x.Aliases...)...)
	}
	for _, x := range g.Themes {
		add(domain.KindTheme, x.ID, append([]string{x.Name}, x.Aliases...)...)
	}
	return m
}

// lookup returns the IDs of the nodes that name or an alias of names, as
// Store.Lookup finds them.
func lookup(g *domain.Graph, name string) []string {
	var out []string
	for key, ids := range nameKeys(g) {
		if _, k, _ := strings.Cut(key, " "); k == domain.NormalizeName(name) {
			out = append(out, ids...)
		}
	}
	slices.Sort(out)
	return out
}

// referenced returns every ID that some node or link of g refers to.
func referenced(g *domain.Graph) map[string]bool {
	used := map[string]bool{}
	use := func(ids ...string) {
		for _, id := range ids {
			used[id] = true
		}
	}
	srcs := func(refs []domain.SourceRef) {
		for _, r := range refs {
			use(r.SourceID)
		}
	}
	for _, x := range g.Places {
		use(x.CountryID)
	}
	for _, x := range g.Institutions {
		use(x.CountryID, x.ParentID)
		srcs(x.Sources)
	}
	for _, x := range g.People {
		use(x.CountryID)
		for _, a := range x.Affiliations {
			use(a.InstitutionID)
		}
		srcs(x.Sources)
	}
	for _, x := range g.Councils {
		use(x.CountryIDs...)
		use(x.OrganizerIDs...)
		srcs(x.Sources)
	}
	for _, x := range g.Publications {
		use(x.InstitutionIDs...)
		srcs(x.Sources)
	}
	for _, x := range g.Meetings {
		use(x.CouncilID, x.PlaceID)
		use(x.OrganizerIDs...)
		use(x.ThemeIDs...)
		use(x.InitiativeIDs...)
		for _, p := range x.Publications {
			use(p.PublicationID)
		}
		srcs(x.Sources)
	}
	for _, x := range g.Appearances {
		use(x.PersonID, x.InstitutionID, x.CountryID)
		srcs(x.Sources)
	}
	for _, x := range g.Recommendations {
		use(x.AttributedTo...)
		use(x.InitiativeIDs...)
		use(x.ThemeIDs...)
		use(x.CountryIDs...)
		srcs(x.Sources)
	}
	return used
}
