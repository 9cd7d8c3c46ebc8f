package storetest

import (
	"cmp"
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// Curation: Delete, Merge, redirects and the audit log.
//
// Rule: Delete refuses (ECONFLICT) whenever a node or appearance that stays
// refers to a deleted node, even where the referrer would still validate (a
// meeting with a second source): a stated fact is never dropped silently.
// Rule: a refused or failed write appends no audit entry; a write made
// without WithAudit appends none either.

// sortGraph orders every collection of g as Export does.
func sortGraph(g *domain.Graph) *domain.Graph {
	byID := func(a, b string) int { return cmp.Compare(a, b) }
	slices.SortFunc(g.Countries, func(a, b *domain.Country) int { return byID(a.ID, b.ID) })
	slices.SortFunc(g.Places, func(a, b *domain.Place) int { return byID(a.ID, b.ID) })
	slices.SortFunc(g.Institutions, func(a, b *domain.Institution) int { return byID(a.ID, b.ID) })
	slices.SortFunc(g.People, func(a, b *domain.Person) int { return byID(a.ID, b.ID) })
	slices.SortFunc(g.Councils, func(a, b *domain.Council) int { return byID(a.ID, b.ID) })
	slices.SortFunc(g.Initiatives, func(a, b *domain.Initiative) int { return byID(a.ID, b.ID) })
	slices.SortFunc(g.Themes, func(a, b *domain.Theme) int { return byID(a.ID, b.ID) })
	slices.SortFunc(g.Sources, func(a, b *domain.Source) int { return byID(a.ID, b.ID) })
	slices.SortFunc(g.Publications, func(a, b *domain.Publication) int { return byID(a.ID, b.ID) })
	slices.SortFunc(g.Meetings, func(a, b *domain.Meeting) int { return byID(a.ID, b.ID) })
	slices.SortFunc(g.Recommendations, func(a, b *domain.Recommendation) int { return byID(a.ID, b.ID) })
	slices.SortFunc(g.Appearances, func(a, b *domain.Appearance) int {
		return cmp.Or(byID(a.MeetingID, b.MeetingID), byID(a.PersonID, b.PersonID))
	})
	return g
}

// checkExport compares the whole store with want.
func checkExport(t *testing.T, st domain.Store, want *domain.Graph) {
	t.Helper()
	got, err := st.Export(t.Context())
	if err != nil {
		t.Fatalf("Export: %v", err)
	}
	check(t, "Export", got, sortGraph(want))
	// Every reference the store holds names a node it holds, of the kind
	// expected (GraphQL answers a reference asked for its ID alone from the
	// reference: loader/ref.go).
	if err := got.Validate(nil); err != nil {
		t.Errorf("Export does not validate on its own: %v", err)
	}
}

// drop removes the items of xs for which gone is true.
func drop[T any](xs []*T, gone func(*T) bool) []*T {
	return slices.DeleteFunc(xs, gone)
}

// wantNodes checks that err is a *domain.NodesError of code ECONFLICT listing the IDs want.
func wantNodes(t *testing.T, what string, err error, key string, want ...string) {
	t.Helper()
	wantCode(t, what, err, domain.ECONFLICT)
	var ne *domain.NodesError
	if !errors.As(err, &ne) {
		t.Errorf("%s: %v is not a *domain.NodesError", what, err)
		return
	}
	var ids []string
	for _, n := range ne.Nodes {
		ids = append(ids, n.ID)
	}
	check(t, what+": "+key, ids, want)
	if ne.Key != key {
		t.Errorf("%s: Key %q, want %q", what, ne.Key, key)
	}
}

func testDelete(t *testing.T, s *suite) {
	t.Run("meeting with its parts", func(t *testing.T) {
		st := s.loaded(t)
		must(t, "Delete", st.Delete(t.Context(), []string{"rked-2"}))
		want := Fixture()
		want.Meetings = drop(want.Meetings, func(m *domain.Meeting) bool { return m.ID == "rked-2" })
		want.Recommendations = drop(want.Recommendations, func(r *domain.Recommendation) bool { return r.MeetingID == "rked-2" })
		want.Appearances = drop(want.Appearances, func(a *domain.Appearance) bool { return a.MeetingID == "rked-2" })
		checkExport(t, st, want)
		refs, err := st.Resolve(t.Context(), []string{"rked-2", "rked-2-r1"})
		must(t, "Resolve", err)
		check(t, "Resolve of deleted IDs", refs, []*domain.NodeRef{nil, nil})
	})
	// Rule: the counts lists sort by follow a delete: after it, every count
	// order lists what a store holding only what is left lists.
	t.Run("count orders follow", func(t *testing.T) {
		st := s.loaded(t)
		gone := []string{"raec-3", "raec-4", "raec-5", "dmitry-belov"}
		must(t, "Delete", st.Delete(t.Context(), gone))
		want := Fixture()
		want.Meetings = drop(want.Meetings, func(m *domain.Meeting) bool { return slices.Contains(gone, m.ID) })
		want.Recommendations = drop(want.Recommendations, func(r *domain.Recommendation) bool { return slices.Contains(gone, r.MeetingID) })
		want.People = drop(want.People, func(p *domain.Person) bool { return slices.Contains(gone, p.ID) })
		want.Appearances = drop(want.Appearances, func(a *domain.Appearance) bool {
			return slices.Contains(gone, a.MeetingID) || slices.Contains(gone, a.PersonID)
		})
		// What the remaining graph holds, counted by hand: the expected
		// order is by count descending, then ID. (One Neo4j database holds
		// one graph, so the suite cannot keep a second store to compare with.)
		byCount := func(counts map[string]map[string]bool, all []string) []string {
			out := slices.Clone(all)
			slices.SortStableFunc(out, func(a, b string) int {
				if d := len(counts[b]) - len(counts[a]); d != 0 {
					return d
				}
				return strings.Compare(a, b)
			})
			return out
		}
		add := func(m map[string]map[string]bool, k, v string) {
			if m[k] == nil {
				m[k] = map[string]bool{}
			}
			m[k][v] = true
		}
		people, meetings, insts, inits := map[string]map[string]bool{}, map[string]map[string]bool{}, map[string]map[string]bool{}, map[string]map[string]bool{}
		for _, a := range want.Appearances {
			add(people, a.PersonID, a.MeetingID)
			add(meetings, a.MeetingID, a.PersonID)
			if a.InstitutionID != "" {
				add(insts, a.InstitutionID, a.PersonID)
			}
		}
		for _, m := range want.Meetings {
			for _, i := range m.InitiativeIDs {
				add(inits, i, m.ID)
			}
		}
		for _, r := range want.Recommendations {
			for _, i := range r.InitiativeIDs {
				add(inits, i, r.MeetingID)
			}
		}
		idsOf := func(n int, id func(int) string) []string {
			out := make([]string, n)
			for i := range out {
				out[i] = id(i)
			}
			return out
		}
		wantOrder := map[string][]string{
			"people":       byCount(people, idsOf(len(want.People), func(i int) string { return want.People[i].ID })),
			"meetings":     byCount(meetings, idsOf(len(want.Meetings), func(i int) string { return want.Meetings[i].ID })),
			"institutions": byCount(insts, idsOf(len(want.Institutions), func(i int) string { return want.Institutions[i].ID })),
			"initiatives":  byCount(inits, idsOf(len(want.Initiatives), func(i int) string { return want.Initiatives[i].ID })),
		}
		hundred := 100
		page := domain.PageRequest{First: &hundred}
		ids := func(name string) []string {
			var out []string
			switch name {
			case "people":
				c, err := st.ListPeople(t.Context(), domain.PersonQuery{Sort: domain.PersonAppearancesDesc, Page: page})
				must(t, name, err)
				for _, n := range c.Nodes() {
					out = append(out, n.ID)
				}
			case "meetings":
				c, err := st.ListMeetings(t.Context(), domain.MeetingQuery{Sort: domain.MeetingSpeakersDesc, Page: page})
				must(t, name, err)
				for _, n := range c.Nodes() {
					out = append(out, n.ID)
				}
			case "institutions":
				c, err := st.ListInstitutions(t.Context(), domain.InstitutionQuery{Sort: domain.InstitutionSpeakersDesc, Page: page})
				must(t, name, err)
				for _, n := range c.Nodes() {
					out = append(out, n.ID)
				}
			case "initiatives":
				c, err := st.ListInitiatives(t.Context(), domain.InitiativeQuery{Sort: domain.SubjectMeetingsDesc, Page: page})
				must(t, name, err)
				for _, n := range c.Nodes() {
					out = append(out, n.ID)
				}
			}
			return out
		}
		for _, name := range []string{"people", "meetings", "institutions", "initiatives"} {
			check(t, name+" by count after a delete", ids(name), wantOrder[name])
		}
	})
	t.Run("person with their appearances", func(t *testing.T) {
		st := s.loaded(t)
		must(t, "Delete", st.Delete(t.Context(), []string{"dmitry-belov"}))
		want := Fixture()
		want.People = drop(want.People, func(p *domain.Person) bool { return p.ID == "dmitry-belov" })
		want.Appearances = drop(want.Appearances, func(a *domain.Appearance) bool { return a.PersonID == "dmitry-belov" })
		checkExport(t, st, want)
	})
	t.Run("an appearance by key", func(t *testing.T) {
		st := s.loaded(t)
		must(t, "Delete", st.Delete(t.Context(), []string{"raec-4/dmitry-belov"}))
		want := Fixture()
		want.Appearances = drop(want.Appearances, func(a *domain.Appearance) bool {
			return a.MeetingID == "raec-4" && a.PersonID == "dmitry-belov"
		})
		checkExport(t, st, want)
	})
	t.Run("a council with its meetings in one call", func(t *testing.T) {
		st := s.loaded(t)
		must(t, "Delete", st.Delete(t.Context(), []string{"rked", "rked-1", "rked-2"}))
		got, err := st.Councils(t.Context(), []string{"rked"})
		must(t, "Councils", err)
		check(t, "Councils(rked)", got, []*domain.Council{nil})
	})
	refused := []struct {
		name      string
		ids       []string
		referrers []string
	}{
		{"a council its meetings refer to", []string{"rked"}, []string{"rked-1", "rked-2"}},
		{"a person recommendations are attributed to", []string{"pavel-orlov"}, []string{"raec-3-r1", "raec-4-r3"}},
		{"a source a meeting cites beside another", []string{"src-trend-2023"}, []string{"raec-4"}},
		{"a theme", []string{"security"}, []string{"raec-4-r2", "raec-5-r1", "rked-1-r2"}},
		{"an institution of an appearance only", []string{"embassy-russia-baku"},
			[]string{"raec-4/dmitry-belov", "raec-5/dmitry-belov"}},
	}
	for _, c := range refused {
		t.Run("refused: "+c.name, func(t *testing.T) {
			st := s.loaded(t)
			wantNodes(t, "Delete", st.Delete(t.Context(), c.ids), "referrers", c.referrers...)
			checkExport(t, st, Fixture())
		})
	}
	t.Run("errors", func(t *testing.T) {
		st := s.loaded(t)
		wantCode(t, "Delete(unknown)", st.Delete(t.Context(), []string{"raec-5", "no-such-id"}), domain.ENOTFOUND)
		wantCode(t, "Delete(unknown appearance)", st.Delete(t.Context(), []string{"raec-5/timur-zhakenov"}), domain.ENOTFOUND)
		wantCode(t, "Delete()", st.Delete(t.Context(), nil), domain.EINVALID)
		wantCode(t, "Delete(malformed)", st.Delete(t.Context(), []string{"Not An ID"}), domain.EINVALID)
		checkExport(t, st, Fixture())
	})
}

// duplicate is a second record of Rashad Hajiyev, as a careless import
// would make it, with links of its own to move.
func duplicate() *domain.Graph {
	return &domain.Graph{
		People: []*domain.Person{{ID: "r-hajiev", Name: "R. Hajiev", Aliases: []string{"Rashad Hajiev", "Rashad Gadzhiev"},
			Affiliations: []domain.Affiliation{
				{InstitutionID: "air-center", Title: "Senior Fellow", From: domain.MustDate("2018"), To: domain.MustDate("2022-12")},
				{InstitutionID: "ada-university", Title: "Visiting Lecturer"},
			},
			Sources: []domain.SourceRef{{SourceID: "src-air-2023", Excerpt: "R. Hajiev"}}}},
		Appearances: []*domain.Appearance{
			{MeetingID: "raec-4", PersonID: "r-hajiev", Roles: []domain.Role{domain.RoleModerator}, Title: "Head of Department",
				InstitutionID: "pa-azerbaijan", Session: "Session 2", Sources: []domain.SourceRef{{SourceID: "src-trend-2023"}}},
			{MeetingID: "rked-2", PersonID: "r-hajiev", Roles: []domain.Role{domain.RoleParticipant},
				Sources: []domain.SourceRef{{SourceID: "src-rked-2"}}},
		},
	}
}

func testMerge(t *testing.T, s *suite) {
	t.Run("people", func(t *testing.T) {
		st := s.loaded(t)
		ctx := t.Context()
		must(t, "Upsert(duplicate)", st.Upsert(ctx, duplicate()))
		r := one(t, Fixture().Recommendations, recommendationID, "rked-2-r1")
		r.AttributedTo = []string{"r-hajiev", "pavel-orlov"}
		must(t, "Upsert(attribution)", st.Upsert(ctx, &domain.Graph{Recommendations: []*domain.Recommendation{r}}))

		must(t, "Merge", st.Merge(ctx, domain.KindPerson, "rashad-hajiyev", []string{"r-hajiev"}))

		want := Fixture()
		p := one(t, want.People, personID, "rashad-hajiyev")
		p.Aliases = []string{"Rashad Gadzhiev", "Rəşad Hacıyev", "R. Hajiev", "Rashad Hajiev"}
		p.Affiliations = append(p.Affiliations, domain.Affiliation{InstitutionID: "ada-university", Title: "Visiting Lecturer"})
		p.Sources = []domain.SourceRef{{SourceID: "src-air-2023", Excerpt: "R. Hajiev"}}
		for _, a := range want.Appearances {
			if a.MeetingID == "raec-4" && a.PersonID == "rashad-hajiyev" {
				a.Roles = []domain.Role{domain.RoleSpeaker, domain.RoleModerator}
				a.Session = "Session 2"
				a.Sources = []domain.SourceRef{{SourceID: "src-air-2023"}, {SourceID: "src-trend-2023"}}
			}
		}
		want.Appearances = append(want.Appearances, &domain.Appearance{MeetingID: "rked-2", PersonID: "rashad-hajiyev",
			Roles: []domain.Role{domain.RoleParticipant}, Sources: []domain.SourceRef{{SourceID: "src-rked-2"}}})
		one(t, want.Recommendations, recommendationID, "rked-2-r1").AttributedTo = []string{"rashad-hajiyev", "pavel-orlov"}
		want.Redirects = []*domain.Redirect{{ID: "r-hajiev", Target: "rashad-hajiyev"}}
		checkExport(t, st, want)

		// The merged ID still resolves, to the kept node.
		people, err := st.People(ctx, []string{"r-hajiev", "rashad-hajiyev"})
		must(t, "People", err)
		check(t, "People(merged ID)", people, []*domain.Person{p, p})
		refs, err := st.Resolve(ctx, []string{"r-hajiev"})
		must(t, "Resolve", err)
		check(t, "Resolve(merged ID)", refs, []*domain.NodeRef{{ID: "rashad-hajiyev", Kind: domain.KindPerson, Name: "Rashad Hajiyev"}})
		found, err := st.Lookup(ctx, "R. Hajiev", nil)
		must(t, "Lookup", err)
		check(t, "Lookup(merged name)", found, []*domain.NodeRef{{ID: "rashad-hajiyev", Kind: domain.KindPerson, Name: "Rashad Hajiyev"}})

		// Merging again changes nothing; a write naming the merged ID goes to the kept node.
		must(t, "Merge again", st.Merge(ctx, domain.KindPerson, "rashad-hajiyev", []string{"r-hajiev"}))
		checkExport(t, st, want)
		app := &domain.Appearance{MeetingID: "rked-1", PersonID: "r-hajiev", Roles: []domain.Role{domain.RoleParticipant},
			Sources: []domain.SourceRef{{SourceID: "src-kisi-2023"}}}
		must(t, "Upsert(appearance of the merged ID)", st.Upsert(ctx, &domain.Graph{Appearances: []*domain.Appearance{app}}))
		apps, err := st.AppearancesByPerson(ctx, []string{"rashad-hajiyev"})
		must(t, "AppearancesByPerson", err)
		if !slices.ContainsFunc(apps[0], func(a *domain.Appearance) bool { return a.MeetingID == "rked-1" }) {
			t.Errorf("the appearance written for the merged ID is not the kept person's: %v", apps[0])
		}
		err = st.Upsert(ctx, &domain.Graph{People: []*domain.Person{{ID: "r-hajiev", Name: "R. Hajiev"}}})
		wantCode(t, "Upsert(a node with the merged ID)", err, domain.EINVALID)
		wantCode(t, "Delete(merged ID)", st.Delete(ctx, []string{"r-hajiev"}), domain.ENOTFOUND)
	})
	t.Run("institutions", func(t *testing.T) {
		st := s.loaded(t)
		must(t, "Merge", st.Merge(t.Context(), domain.KindInstitution, "air-center", []string{"ada-university"}))
		want := Fixture()
		want.Institutions = drop(want.Institutions, func(x *domain.Institution) bool { return x.ID == "ada-university" })
		one(t, want.Institutions, institutionID, "air-center").Aliases = []string{"Analysis of International Relations Center",
			"ADA University", "Azerbaijan Diplomatic Academy"}
		one(t, want.People, personID, "anar-aliyev").Affiliations[0].InstitutionID = "air-center"
		for _, a := range want.Appearances {
			if a.InstitutionID == "ada-university" {
				a.InstitutionID = "air-center"
			}
		}
		one(t, want.Meetings, meetingID, "caspian-roundtable-2023").OrganizerIDs = []string{"kisi", "air-center"}
		want.Redirects = []*domain.Redirect{{ID: "ada-university", Target: "air-center"}}
		checkExport(t, st, want)
	})
	t.Run("initiatives", func(t *testing.T) {
		st := s.loaded(t)
		must(t, "Merge", st.Merge(t.Context(), domain.KindInitiative, "instc", []string{"middle-corridor"}))
		want := Fixture()
		want.Initiatives = drop(want.Initiatives, func(x *domain.Initiative) bool { return x.ID == "middle-corridor" })
		instc := one(t, want.Initiatives, initiativeID, "instc")
		instc.Aliases = []string{"North-South corridor", "Sever—Yug",
			"TITR", "Trans-Caspian International Transport Route", "Middle Corridor", "Orta Dəhliz"}
		// The kept node keeps its sources and takes the merged node's; a
		// source both cite is cited once, with the excerpt one of them gives.
		instc.Sources = []domain.SourceRef{{SourceID: "src-riac-2024", Excerpt: "the Middle Corridor"}, {SourceID: "src-caspian-2023"}}
		for _, r := range want.Recommendations {
			for i, id := range r.InitiativeIDs {
				if id == "middle-corridor" {
					r.InitiativeIDs[i] = "instc"
				}
			}
			r.InitiativeIDs = slices.Compact(r.InitiativeIDs)
		}
		want.Redirects = []*domain.Redirect{{ID: "middle-corridor", Target: "instc"}}
		checkExport(t, st, want)
		inits, err := st.Initiatives(t.Context(), []string{"middle-corridor"})
		must(t, "Initiatives", err)
		check(t, "Initiatives(merged ID)", inits, []*domain.Initiative{instc})
	})
	t.Run("chains", func(t *testing.T) {
		st := s.loaded(t)
		ctx := t.Context()
		must(t, "Merge 1", st.Merge(ctx, domain.KindPerson, "aydin-aliyev", []string{"anar-aliyev"}))
		must(t, "Merge 2", st.Merge(ctx, domain.KindPerson, "farida-mammadova", []string{"aydin-aliyev"}))
		refs, err := st.Resolve(ctx, []string{"anar-aliyev", "aydin-aliyev"})
		must(t, "Resolve", err)
		f := &domain.NodeRef{ID: "farida-mammadova", Kind: domain.KindPerson, Name: "Farida Mammadova"}
		check(t, "Resolve(chained merged IDs)", refs, []*domain.NodeRef{f, f})
		wantCode(t, "Merge of an ID merged elsewhere", st.Merge(ctx, domain.KindPerson, "pavel-orlov", []string{"anar-aliyev"}), domain.ENOTFOUND)
		// Deleting the kept node takes the redirects with it.
		must(t, "Delete", st.Delete(ctx, []string{"farida-mammadova", "raec-4-r3"}))
		refs, err = st.Resolve(ctx, []string{"anar-aliyev"})
		must(t, "Resolve", err)
		check(t, "Resolve after the kept node went", refs, []*domain.NodeRef{nil})
	})
	t.Run("errors", func(t *testing.T) {
		st := s.loaded(t)
		ctx := t.Context()
		for _, c := range []struct {
			name  string
			kind  domain.Kind
			keep  string
			merge []string
			code  string
		}{
			{"a kind that cannot be merged", domain.KindCouncil, "raec", []string{"rked"}, domain.EINVALID},
			{"into itself", domain.KindPerson, "pavel-orlov", []string{"pavel-orlov"}, domain.EINVALID},
			{"nothing", domain.KindPerson, "pavel-orlov", nil, domain.EINVALID},
			{"twice", domain.KindPerson, "pavel-orlov", []string{"dmitry-belov", "dmitry-belov"}, domain.EINVALID},
			{"another kind", domain.KindPerson, "pavel-orlov", []string{"riac"}, domain.EINVALID},
			{"unknown keep", domain.KindPerson, "no-such-person", []string{"pavel-orlov"}, domain.ENOTFOUND},
			{"unknown merged", domain.KindInstitution, "riac", []string{"no-such-institution"}, domain.ENOTFOUND},
		} {
			wantCode(t, c.name, st.Merge(ctx, c.kind, c.keep, c.merge), c.code)
		}
		checkExport(t, st, Fixture())
	})
}

func testAudit(t *testing.T, s *suite) {
	st := s.loaded(t)
	ctx := t.Context()
	as := func(actor, action string) context.Context {
		return domain.WithAudit(ctx, domain.AuditEntry{Actor: actor, Action: action, Summary: action + " by " + actor})
	}
	list := func(f domain.AuditFilter, pr domain.PageRequest) *domain.AuditConnection {
		t.Helper()
		c, err := st.ListAudit(ctx, domain.AuditQuery{Filter: f, Page: pr})
		must(t, "ListAudit", err)
		return c
	}
	if c := list(domain.AuditFilter{}, domain.PageRequest{}); c.TotalCount != 0 {
		t.Errorf("writes without WithAudit were recorded: %d entries", c.TotalCount)
	}

	before := time.Now().UTC()
	newPerson := &domain.Person{ID: "new-person", Name: "New Person"}
	old := one(t, Fixture().People, personID, "dmitry-belov")
	must(t, "Upsert", st.Upsert(as("alice", "upsertPerson"), &domain.Graph{People: []*domain.Person{newPerson, old}}))
	time.Sleep(2 * time.Millisecond)
	must(t, "Delete", st.Delete(as("bob", "delete"), []string{"raec-4/dmitry-belov"}))
	time.Sleep(2 * time.Millisecond)
	must(t, "Merge", st.Merge(as("bob", "mergePeople"), domain.KindPerson, "dmitry-belov", []string{"new-person"}))
	time.Sleep(2 * time.Millisecond)
	after := time.Now().UTC()
	// Refused writes leave no trace.
	err := st.Upsert(as("mallory", "upsertPerson"), &domain.Graph{People: []*domain.Person{{ID: "x", Name: ""}}})
	wantCode(t, "invalid Upsert", err, domain.EINVALID)
	wantCode(t, "refused Delete", st.Delete(as("mallory", "delete"), []string{"raec"}), domain.ECONFLICT)

	all := list(domain.AuditFilter{}, domain.PageRequest{})
	var got []*domain.AuditEntry
	for _, e := range all.Edges {
		if e.Node.At.Before(before) || e.Node.At.After(after) || e.Node.ID == "" {
			t.Errorf("entry %+v: time outside [%s, %s] or no ID", e.Node, before, after)
		}
		got = append(got, e.Node)
	}
	ignore := cmpopts.IgnoreFields(domain.AuditEntry{}, "ID", "At")
	check(t, "ListAudit, newest first", got, []*domain.AuditEntry{
		{Actor: "bob", Action: "mergePeople", Summary: "mergePeople by bob",
			Updated: []string{"dmitry-belov"}, Deleted: []string{"new-person"}},
		{Actor: "bob", Action: "delete", Summary: "delete by bob", Deleted: []string{"raec-4/dmitry-belov"}},
		{Actor: "alice", Action: "upsertPerson", Summary: "upsertPerson by alice",
			Created: []string{"new-person"}, Updated: []string{"dmitry-belov"}},
	}, ignore)
	if all.TotalCount != 3 || len(got) != 3 {
		t.Fatalf("TotalCount %d, %d entries; want 3", all.TotalCount, len(got))
	}

	ids := func(c *domain.AuditConnection) []string {
		out := []string{}
		for _, e := range c.Edges {
			out = append(out, e.Node.Action)
		}
		return out
	}
	check(t, "filter actor", ids(list(domain.AuditFilter{Actor: "bob"}, domain.PageRequest{})), []string{"mergePeople", "delete"})
	check(t, "filter id", ids(list(domain.AuditFilter{ID: "new-person"}, domain.PageRequest{})), []string{"mergePeople", "upsertPerson"})
	check(t, "filter from", ids(list(domain.AuditFilter{From: got[1].At}, domain.PageRequest{})), []string{"mergePeople", "delete"})
	check(t, "filter to", ids(list(domain.AuditFilter{To: got[1].At}, domain.PageRequest{})), []string{"delete", "upsertPerson"})
	p1 := list(domain.AuditFilter{}, first(2))
	check(t, "page 1", ids(p1), []string{"mergePeople", "delete"})
	if !p1.PageInfo.HasNextPage || p1.TotalCount != 3 {
		t.Errorf("page 1: HasNextPage %v, TotalCount %d; want true, 3", p1.PageInfo.HasNextPage, p1.TotalCount)
	}
	p2 := list(domain.AuditFilter{}, domain.PageRequest{First: ptr(2), After: p1.PageInfo.EndCursor})
	check(t, "page 2", ids(p2), []string{"upsertPerson"})
	_, err = st.ListAudit(ctx, domain.AuditQuery{Filter: domain.AuditFilter{From: after, To: before}})
	wantCode(t, "inverted range", err, domain.EINVALID)
	_, err = st.ListAudit(ctx, domain.AuditQuery{Filter: domain.AuditFilter{Actor: "bob"}, Page: domain.PageRequest{After: p1.PageInfo.EndCursor}})
	wantCode(t, "cursor of another filter", err, domain.EINVALID)
}
