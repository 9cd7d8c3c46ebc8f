package neo4jstore

import (
	"testing"

	"github.com/expertgraph/expertgraph/internal/domain"
	"github.com/expertgraph/expertgraph/internal/storetest"
)

// TestListStatements checks that a page and its total count are one
// statement, and that a page with no rows (past the end, or nothing
// matching) still counts right, with the count alone as a second.
func TestListStatements(t *testing.T) {
	st := cleanStore(t)
	ctx := t.Context()
	if err := st.Upsert(ctx, storetest.Fixture()); err != nil {
		t.Fatal(err)
	}
	all, err := st.ListPeople(ctx, domain.PersonQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if all.TotalCount < 2 || len(all.Edges) != all.TotalCount {
		t.Fatalf("fixture people: %d edges, total %d; want all of at least 2", len(all.Edges), all.TotalCount)
	}
	one, last := 1, all.PageInfo.EndCursor
	for _, c := range []struct {
		name       string
		q          domain.PersonQuery
		rows       int
		total      int
		statements int
	}{
		{"first page", domain.PersonQuery{Page: domain.PageRequest{First: &one}}, 1, all.TotalCount, 1},
		{"past the end", domain.PersonQuery{Page: domain.PageRequest{After: last}}, 0, all.TotalCount, 2},
		{"nothing matches", domain.PersonQuery{Filter: domain.PersonFilter{Name: "no such name anywhere"}}, 0, 0, 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			st.statements = &statements{}
			got, err := st.ListPeople(ctx, c.q)
			if err != nil {
				t.Fatal(err)
			}
			if len(got.Edges) != c.rows || got.TotalCount != c.total {
				t.Errorf("%d rows, total %d; want %d, %d", len(got.Edges), got.TotalCount, c.rows, c.total)
			}
			runs := 0
			for _, s := range st.statements.list() {
				runs += s.runs
			}
			if runs != c.statements {
				t.Errorf("%d statements; want %d", runs, c.statements)
			}
		})
	}
}

// TestRecommendationPageWithMeetings checks that a page of recommendations
// with their meetings (what a GraphQL page of recommendations with their
// meetings asks) is one statement with the count, whole, lean or
// projected, and that the meetings are there; their councils, asked too,
// take one more.
func TestRecommendationPageWithMeetings(t *testing.T) {
	st := cleanStore(t)
	ctx := t.Context()
	if err := st.Upsert(ctx, storetest.Fixture()); err != nil {
		t.Fatal(err)
	}
	meetings := []domain.Kind{domain.KindMeeting}
	for _, c := range []struct {
		name       string
		with       domain.With
		statements int
	}{
		{"whole", domain.With{Kinds: meetings}, 1},
		{"lean", domain.With{Kinds: meetings, Lean: meetings}, 1},
		{"projected", domain.With{Kinds: meetings, Fields: map[domain.Kind][]string{domain.KindMeeting: {"Date"}}}, 1},
		{"projected, the recommendations too", domain.With{Kinds: meetings,
			Fields: map[domain.Kind][]string{domain.KindMeeting: {"Date"}, domain.KindRecommendation: {"Text"}}}, 1},
		{"and their councils", domain.With{Kinds: []domain.Kind{domain.KindMeeting, domain.KindCouncil}}, 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			st.statements = &statements{}
			page, g, err := st.ListRecommendationsWith(ctx, domain.RecommendationQuery{}, c.with)
			if err != nil {
				t.Fatal(err)
			}
			if len(page.Edges) == 0 || page.TotalCount != len(page.Edges) {
				t.Fatalf("%d rows, total %d; want all the fixture's", len(page.Edges), page.TotalCount)
			}
			have := map[string]bool{}
			for _, m := range g.Meetings {
				have[m.ID] = true
			}
			for _, r := range page.Nodes() {
				if !have[r.MeetingID] {
					t.Errorf("the meeting %q of %q is not in the graph", r.MeetingID, r.ID)
				}
			}
			if len(have) != len(g.Meetings) {
				t.Errorf("%d meetings, %d distinct", len(g.Meetings), len(have))
			}
			runs := 0
			for _, s := range st.statements.list() {
				runs += s.runs
			}
			if runs != c.statements {
				t.Errorf("%d statements; want %d", runs, c.statements)
			}
		})
	}
}
