package storetest

import (
	"context"
	"slices"
	"testing"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// testInclude checks the With readers: the same answer as the reader without
// With, plus the nodes of the kinds asked that the answer refers to, as
// domain.Include follows references (only through included nodes), equal
// to what the batch readers return for them, ordered by ID; and, asked
// lean, those nodes domain.Lean.
func testInclude(t *testing.T, s *suite) {
	st := s.loaded(t)
	type answer struct {
		v any
		g *domain.Graph
	}
	with := func(v any, g *domain.Graph, err error) (answer, error) { return answer{v, g}, err }
	plain := func(v any, err error) (any, error) { return v, err }
	k := func(ks ...domain.Kind) []domain.Kind { return ks }
	sco := domain.RecommendationQuery{Filter: domain.RecommendationFilter{InitiativeID: "sco"}}
	cases := []struct {
		name  string
		call  func(ctx context.Context, with domain.With) (answer, error)
		plain func(ctx context.Context) (any, error)
		with  []domain.Kind
		want  map[domain.Kind][]string
		// apps, when set, asks for the appearances too (With.Appearances)
		// and reads those wanted.
		apps func(ctx context.Context) ([][]*domain.Appearance, error)
	}{
		{
			name: "meetings: councils and places, none for a one-off event without a place or an unknown ID",
			call: func(ctx context.Context, w domain.With) (answer, error) {
				return with(st.MeetingsWith(ctx, idsOf("raec-5", "caspian-roundtable-2023", "no-such-meeting", "raec-4"), w))
			},
			plain: func(ctx context.Context) (any, error) {
				return plain(st.Meetings(ctx, idsOf("raec-5", "caspian-roundtable-2023", "no-such-meeting", "raec-4")))
			},
			with: k(domain.KindPlace, domain.KindCouncil),
			want: map[domain.Kind][]string{domain.KindCouncil: idsOf("raec"), domain.KindPlace: idsOf("baku")},
		},
		{
			name: "meetings: nothing asked, nothing returned",
			call: func(ctx context.Context, w domain.With) (answer, error) {
				return with(st.MeetingsWith(ctx, idsOf("raec-5"), w))
			},
			plain: func(ctx context.Context) (any, error) { return plain(st.Meetings(ctx, idsOf("raec-5"))) },
			want:  map[domain.Kind][]string{},
		},
		{
			name: "meetings and their appearances: the place, the speakers' people and institutions; an unknown ID and a repeated one",
			call: func(ctx context.Context, w domain.With) (answer, error) {
				return with(st.MeetingsWith(ctx, idsOf("raec-5", "no-such-meeting", "raec-5"), w))
			},
			plain: func(ctx context.Context) (any, error) {
				return plain(st.Meetings(ctx, idsOf("raec-5", "no-such-meeting", "raec-5")))
			},
			apps: func(ctx context.Context) ([][]*domain.Appearance, error) {
				return st.AppearancesByMeeting(ctx, idsOf("raec-5"))
			},
			with: k(domain.KindPlace, domain.KindPerson, domain.KindInstitution),
			want: map[domain.Kind][]string{
				domain.KindPlace:       idsOf("baku"),
				domain.KindPerson:      idsOf("dmitry-belov", "elena-kuzmina", "farida-mammadova", "pavel-orlov", "rashad-hajiyev"),
				domain.KindInstitution: idsOf("air-center", "embassy-russia-baku", "mgimo", "pa-azerbaijan", "riac"),
			},
		},
		{
			name: "meetings and their appearances: the meetings themselves (their speakers' meeting) and their councils, in the order asked",
			call: func(ctx context.Context, w domain.With) (answer, error) {
				return with(st.MeetingsWith(ctx, idsOf("rked-2", "caspian-roundtable-2023", "raec-5"), w))
			},
			plain: func(ctx context.Context) (any, error) {
				return plain(st.Meetings(ctx, idsOf("rked-2", "caspian-roundtable-2023", "raec-5")))
			},
			apps: func(ctx context.Context) ([][]*domain.Appearance, error) {
				return st.AppearancesByMeeting(ctx, idsOf("rked-2", "caspian-roundtable-2023", "raec-5"))
			},
			with: k(domain.KindMeeting, domain.KindCouncil),
			want: map[domain.Kind][]string{
				domain.KindMeeting: idsOf("caspian-roundtable-2023", "raec-5", "rked-2"),
				domain.KindCouncil: idsOf("raec", "rked"),
			},
		},
		{
			name: "meetings asked no appearances: none, and nothing reached through them",
			call: func(ctx context.Context, w domain.With) (answer, error) {
				return with(st.MeetingsWith(ctx, idsOf("raec-5"), w))
			},
			plain: func(ctx context.Context) (any, error) { return plain(st.Meetings(ctx, idsOf("raec-5"))) },
			with:  k(domain.KindPerson, domain.KindInstitution),
			want:  map[domain.Kind][]string{},
		},
		{
			name: "people and their appearances: meetings, their councils (through the meetings) and institutions",
			call: func(ctx context.Context, w domain.With) (answer, error) {
				return with(st.PeopleWith(ctx, idsOf("timur-zhakenov", "no-such-person", "pavel-orlov"), w))
			},
			plain: func(ctx context.Context) (any, error) {
				return plain(st.People(ctx, idsOf("timur-zhakenov", "no-such-person", "pavel-orlov")))
			},
			apps: func(ctx context.Context) ([][]*domain.Appearance, error) {
				return st.AppearancesByPerson(ctx, idsOf("timur-zhakenov", "pavel-orlov"))
			},
			with: k(domain.KindMeeting, domain.KindCouncil, domain.KindInstitution, domain.KindPerson),
			want: map[domain.Kind][]string{
				domain.KindMeeting:     idsOf("caspian-roundtable-2023", "raec-3", "raec-4", "raec-5", "rked-1", "rked-2"),
				domain.KindCouncil:     idsOf("raec", "rked"),
				domain.KindInstitution: idsOf("kisi", "riac"),
				domain.KindPerson:      idsOf("pavel-orlov", "timur-zhakenov"),
			},
		},
		{
			// Rule: references are followed through included nodes only.
			name: "people and their appearances: councils and places without meetings are not reached",
			call: func(ctx context.Context, w domain.With) (answer, error) {
				return with(st.PeopleWith(ctx, idsOf("timur-zhakenov"), w))
			},
			plain: func(ctx context.Context) (any, error) { return plain(st.People(ctx, idsOf("timur-zhakenov"))) },
			apps: func(ctx context.Context) ([][]*domain.Appearance, error) {
				return st.AppearancesByPerson(ctx, idsOf("timur-zhakenov"))
			},
			with: k(domain.KindCouncil, domain.KindPlace),
			want: map[domain.Kind][]string{},
		},
		{
			name: "people asked no appearances: nothing",
			call: func(ctx context.Context, w domain.With) (answer, error) {
				return with(st.PeopleWith(ctx, idsOf("timur-zhakenov"), w))
			},
			plain: func(ctx context.Context) (any, error) { return plain(st.People(ctx, idsOf("timur-zhakenov"))) },
			with:  k(domain.KindMeeting, domain.KindInstitution),
			want:  map[domain.Kind][]string{},
		},
		{
			name: "a meeting's appearances: people and institutions",
			call: func(ctx context.Context, w domain.With) (answer, error) {
				return with(st.AppearancesByMeetingWith(ctx, idsOf("raec-5", "no-such-meeting"), w))
			},
			plain: func(ctx context.Context) (any, error) {
				return plain(st.AppearancesByMeeting(ctx, idsOf("raec-5", "no-such-meeting")))
			},
			with: k(domain.KindPerson, domain.KindInstitution),
			want: map[domain.Kind][]string{
				domain.KindPerson:      idsOf("dmitry-belov", "elena-kuzmina", "farida-mammadova", "pavel-orlov", "rashad-hajiyev"),
				domain.KindInstitution: idsOf("air-center", "embassy-russia-baku", "mgimo", "pa-azerbaijan", "riac"),
			},
		},
		{
			name: "a person's appearances: meetings, their councils (through the meetings) and institutions",
			call: func(ctx context.Context, w domain.With) (answer, error) {
				return with(st.AppearancesByPersonWith(ctx, idsOf("timur-zhakenov"), w))
			},
			plain: func(ctx context.Context) (any, error) {
				return plain(st.AppearancesByPerson(ctx, idsOf("timur-zhakenov")))
			},
			with: k(domain.KindMeeting, domain.KindCouncil, domain.KindInstitution),
			want: map[domain.Kind][]string{
				domain.KindMeeting:     idsOf("caspian-roundtable-2023", "rked-1", "rked-2"),
				domain.KindCouncil:     idsOf("rked"),
				domain.KindInstitution: idsOf("kisi"),
			},
		},
		{
			// Rule: references are followed through included nodes only.
			name: "a person's appearances: councils without meetings are not reached",
			call: func(ctx context.Context, w domain.With) (answer, error) {
				return with(st.AppearancesByPersonWith(ctx, idsOf("timur-zhakenov"), w))
			},
			plain: func(ctx context.Context) (any, error) {
				return plain(st.AppearancesByPerson(ctx, idsOf("timur-zhakenov")))
			},
			with: k(domain.KindCouncil, domain.KindPlace),
			want: map[domain.Kind][]string{},
		},
		{
			name: "a page of recommendations: meetings and their places",
			call: func(ctx context.Context, w domain.With) (answer, error) {
				return with(st.ListRecommendationsWith(ctx, sco, w))
			},
			plain: func(ctx context.Context) (any, error) { return plain(st.ListRecommendations(ctx, sco)) },
			with:  k(domain.KindMeeting, domain.KindPlace),
			want:  map[domain.Kind][]string{domain.KindMeeting: idsOf("rked-1"), domain.KindPlace: idsOf("astana")},
		},
		{
			name: "recurrence: the meetings of the first and last mention and the councils counted",
			call: func(ctx context.Context, w domain.With) (answer, error) {
				return with(st.RecurrenceWith(ctx, idsOf("sco", "caspian-five"), domain.RecurrenceFilter{}, w))
			},
			plain: func(ctx context.Context) (any, error) {
				return plain(st.Recurrence(ctx, idsOf("sco", "caspian-five"), domain.RecurrenceFilter{}))
			},
			with: k(domain.KindMeeting, domain.KindCouncil),
			want: map[domain.Kind][]string{
				domain.KindMeeting: idsOf("caspian-roundtable-2023", "rked-1", "rked-2"),
				domain.KindCouncil: idsOf("rked"),
			},
		},
	}
	// projected are the fields asked of each kind in the projected runs: a
	// property, and for some a relation.
	projected := map[domain.Kind][]string{
		domain.KindMeeting: {"Title", "Date"}, domain.KindPerson: {"Name"}, domain.KindInstitution: {"Name", "CountryID"},
		domain.KindPlace: {"Name"}, domain.KindCouncil: {"Name", "Sources"}, domain.KindRecommendation: {"Text", "ThemeIDs"},
	}
	for _, c := range cases {
		for _, how := range []string{"whole", "lean", "projected"} {
			name := c.name
			w := domain.With{Kinds: c.with, Appearances: c.apps != nil}
			switch how {
			case "lean":
				name += ", lean"
				w.Lean = c.with
			case "projected":
				name += ", projected"
				w.Lean, w.Fields = c.with, projected
				if w.Appearances {
					w.AppearanceFields = []string{"Roles"}
				}
			}
			t.Run(name, func(t *testing.T) {
				ctx := t.Context()
				got, err := c.call(ctx, w)
				must(t, "With", err)
				want, err := c.plain(ctx)
				must(t, "without With", err)
				if how == "projected" {
					want = projectAnswer(want, projected)
				}
				check(t, "answer", got.v, want)
				if got.g == nil {
					t.Fatal("With returned a nil graph")
				}
				wantG := includedGraph(t, st, c.want)
				switch how {
				case "lean":
					wantG = domain.LeanGraph(wantG, c.with)
				case "projected":
					wantG = domain.ProjectGraph(wantG, projected)
				}
				if c.apps != nil {
					groups, err := c.apps(ctx)
					must(t, "appearances", err)
					for _, g := range groups {
						for _, a := range g {
							if how == "projected" {
								a = domain.Project(a, w.AppearanceFields)
							}
							wantG.Appearances = append(wantG.Appearances, a)
						}
					}
					if len(wantG.Appearances) == 0 {
						t.Fatal("no appearances wanted: the case checks nothing")
					}
				}
				check(t, "graph", got.g, wantG)
			})
		}
	}

	t.Run("projected nodes have the fields asked and no others", func(t *testing.T) {
		ctx := t.Context()
		ms, g, err := st.MeetingsWith(ctx, idsOf("raec-5"), domain.With{Kinds: []domain.Kind{domain.KindPerson}, Appearances: true,
			Fields: map[domain.Kind][]string{domain.KindMeeting: {"Title"}, domain.KindPerson: {"Name", "Affiliations"}}})
		must(t, "MeetingsWith", err)
		if m := ms[0]; m == nil || m.Title == "" || m.CouncilID == "" || m.PlaceID == "" || !m.Date.IsZero() || m.Sources != nil {
			t.Errorf("meeting projected to its title: %+v; want its ID, title, council and place only", m)
		}
		if len(g.People) == 0 {
			t.Fatal("no people")
		}
		affiliated := 0
		for _, p := range g.People {
			if p.Name == "" || p.Aliases != nil || p.Sources != nil {
				t.Errorf("person projected to name and affiliations: %+v", p)
			}
			affiliated += len(p.Affiliations)
		}
		if affiliated == 0 {
			t.Error("the people projected to their affiliations came without them")
		}
	})

	t.Run("a page of recommendations cut short: the meetings of its rows only", func(t *testing.T) {
		ctx := t.Context()
		all, err := st.ListRecommendations(ctx, domain.RecommendationQuery{})
		must(t, "ListRecommendations", err)
		rs := all.Nodes()
		cut := slices.IndexFunc(rs, func(r *domain.Recommendation) bool { return r.MeetingID != rs[0].MeetingID })
		if cut < 0 {
			t.Fatal("every recommendation of the fixture is of one meeting: the case checks nothing")
		}
		page, g, err := st.ListRecommendationsWith(ctx, domain.RecommendationQuery{Page: domain.PageRequest{First: &cut}},
			domain.With{Kinds: []domain.Kind{domain.KindMeeting}})
		must(t, "ListRecommendationsWith", err)
		if len(page.Edges) != cut || !page.PageInfo.HasNextPage {
			t.Fatalf("%d rows, next page %v; want %d and a next page", len(page.Edges), page.PageInfo.HasNextPage, cut)
		}
		check(t, "graph", g, includedGraph(t, st, map[domain.Kind][]string{domain.KindMeeting: {rs[0].MeetingID}}))
	})

	t.Run("a page of recommendations projected, nothing included", func(t *testing.T) {
		ctx := t.Context()
		page, g, err := st.ListRecommendationsWith(ctx, sco, domain.With{Fields: map[domain.Kind][]string{domain.KindRecommendation: {"Kind"}}})
		must(t, "ListRecommendationsWith", err)
		whole, err := st.ListRecommendations(ctx, sco)
		must(t, "ListRecommendations", err)
		if len(whole.Edges) == 0 {
			t.Fatal("no recommendations: the case checks nothing")
		}
		check(t, "page", page, domain.ProjectPage(whole, []string{"Kind"}))
		check(t, "graph", g, &domain.Graph{})
		for _, r := range page.Nodes() {
			if r.Kind == "" || r.MeetingID == "" || r.Text != "" || r.InitiativeIDs != nil || r.Sources != nil {
				t.Errorf("recommendation projected to its kind: %+v; want its ID, kind and meeting only", r)
			}
		}
	})

	t.Run("fields of a kind that cannot be included, or that its nodes lack, are EINVALID", func(t *testing.T) {
		ctx := t.Context()
		for _, fields := range []map[domain.Kind][]string{
			{domain.KindCountry: {"Name"}},
			{domain.KindMeeting: {"Name"}},
		} {
			_, _, err := st.MeetingsWith(ctx, idsOf("raec-5"), domain.With{Kinds: []domain.Kind{domain.KindPlace}, Fields: fields})
			wantCode(t, "MeetingsWith", err, domain.EINVALID)
			_, _, err = st.AppearancesByMeetingWith(ctx, idsOf("raec-5"), domain.With{Kinds: []domain.Kind{domain.KindPerson}, Fields: fields})
			wantCode(t, "AppearancesByMeetingWith", err, domain.EINVALID)
		}
		for _, fields := range []map[domain.Kind][]string{
			{domain.KindTheme: {"Name"}},
			{domain.KindRecommendation: {"Name"}},
		} {
			_, _, err := st.ListRecommendationsWith(ctx, sco, domain.With{Fields: fields})
			wantCode(t, "ListRecommendationsWith", err, domain.EINVALID)
		}
	})

	t.Run("lean nodes lack their relations, and only the kinds asked lean are", func(t *testing.T) {
		ctx := t.Context()
		_, g, err := st.AppearancesByMeetingWith(ctx, idsOf("raec-5"), domain.With{
			Kinds: []domain.Kind{domain.KindPerson, domain.KindInstitution}, Lean: []domain.Kind{domain.KindPerson, domain.KindMeeting}})
		must(t, "AppearancesByMeetingWith", err)
		if len(g.People) == 0 || len(g.Institutions) == 0 || len(g.Meetings) != 0 {
			t.Fatalf("got %d people, %d institutions, %d meetings; want some, some, none", len(g.People), len(g.Institutions), len(g.Meetings))
		}
		ids := make([]string, len(g.People))
		for i, p := range g.People {
			ids[i] = p.ID
			if p.Sources != nil || p.Affiliations != nil || p.CountryID != "" {
				t.Errorf("lean person %s has relations: %+v", p.ID, p)
			}
			if p.Name == "" {
				t.Errorf("lean person %s lost its properties: %+v", p.ID, p)
			}
		}
		whole, err := st.People(ctx, ids)
		must(t, "People", err)
		if n := countOf(whole, func(p *domain.Person) int { return len(p.Affiliations) + len(p.Sources) }); n == 0 {
			t.Fatal("the people have no relations to leave out: the case checks nothing")
		}
		if n := countOf(g.Institutions, func(i *domain.Institution) int { return len(i.Sources) }); n == 0 {
			t.Errorf("institutions, not asked lean, came without sources: %+v", g.Institutions)
		}
	})

	t.Run("a kind that cannot be included is EINVALID", func(t *testing.T) {
		ctx := t.Context()
		for _, bad := range []domain.With{
			{Kinds: []domain.Kind{domain.KindPerson, domain.KindCountry}},
			{Kinds: []domain.Kind{domain.KindPerson}, Lean: []domain.Kind{domain.KindCountry}},
		} {
			_, _, err := st.MeetingsWith(ctx, idsOf("raec-5"), bad)
			wantCode(t, "MeetingsWith", err, domain.EINVALID)
			_, _, err = st.PeopleWith(ctx, idsOf("pavel-orlov"), bad)
			wantCode(t, "PeopleWith", err, domain.EINVALID)
			_, _, err = st.AppearancesByMeetingWith(ctx, idsOf("raec-5"), bad)
			wantCode(t, "AppearancesByMeetingWith", err, domain.EINVALID)
			_, _, err = st.AppearancesByPersonWith(ctx, idsOf("pavel-orlov"), bad)
			wantCode(t, "AppearancesByPersonWith", err, domain.EINVALID)
			_, _, err = st.ListRecommendationsWith(ctx, sco, bad)
			wantCode(t, "ListRecommendationsWith", err, domain.EINVALID)
			_, _, err = st.RecurrenceWith(ctx, idsOf("sco"), domain.RecurrenceFilter{}, bad)
			wantCode(t, "RecurrenceWith", err, domain.EINVALID)
		}
	})

	t.Run("the reader's own errors come through", func(t *testing.T) {
		ctx := t.Context()
		_, _, err := st.RecurrenceWith(ctx, idsOf("raec-5"), domain.RecurrenceFilter{}, domain.WithKinds(domain.KindMeeting))
		wantCode(t, "RecurrenceWith of a meeting", err, domain.EINVALID)
		_, _, err = st.ListRecommendationsWith(ctx, domain.RecommendationQuery{Sort: "SIDEWAYS"}, domain.WithKinds(domain.KindMeeting))
		wantCode(t, "ListRecommendationsWith with an unknown order", err, domain.EINVALID)
	})
}

// projectAnswer returns a With reader's answer as asked projected: the
// meetings or people it found Project-ed, anything else as it is.
func projectAnswer(v any, fields map[domain.Kind][]string) any {
	switch xs := v.(type) {
	case []*domain.Meeting:
		out := make([]*domain.Meeting, len(xs))
		for i, x := range xs {
			out[i] = domain.Project(x, fields[domain.KindMeeting])
		}
		return out
	case []*domain.Person:
		out := make([]*domain.Person, len(xs))
		for i, x := range xs {
			out[i] = domain.Project(x, fields[domain.KindPerson])
		}
		return out
	case *domain.RecommendationConnection:
		return domain.ProjectPage(xs, fields[domain.KindRecommendation])
	}
	return v
}

// includedGraph returns the graph holding the nodes of want, each read
// through the store's batch reader, in the order given.
func includedGraph(t *testing.T, st domain.Store, want map[domain.Kind][]string) *domain.Graph {
	t.Helper()
	ctx := t.Context()
	var g domain.Graph
	var err error
	if g.Councils, err = st.Councils(ctx, want[domain.KindCouncil]); err != nil {
		t.Fatal(err)
	}
	if g.Meetings, err = st.Meetings(ctx, want[domain.KindMeeting]); err != nil {
		t.Fatal(err)
	}
	if g.People, err = st.People(ctx, want[domain.KindPerson]); err != nil {
		t.Fatal(err)
	}
	if g.Institutions, err = st.Institutions(ctx, want[domain.KindInstitution]); err != nil {
		t.Fatal(err)
	}
	if g.Places, err = st.Places(ctx, want[domain.KindPlace]); err != nil {
		t.Fatal(err)
	}
	return &g
}

func idsOf(xs ...string) []string { return xs }

// countOf sums n over xs.
func countOf[T any](xs []T, n func(T) int) int {
	total := 0
	for _, x := range xs {
		total += n(x)
	}
	return total
}
