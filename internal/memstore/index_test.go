package memstore

import (
	"cmp"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/expertgraph/expertgraph/bench/gen"
	"github.com/expertgraph/expertgraph/internal/domain"
)

// The indexes answer as the plain scans they replace: these tests compare
// ListRecommendations, ShortestPaths and Recurrence with those scans, kept
// here as references, on a generated graph of 200 meetings plus
// recommendations that share their meeting and order (equal sort keys).

// indexedStore returns a store holding bench/gen's graph at SF 0.02, with
// ties added, and the generator's sample.
func indexedStore(t *testing.T) (*Store, *gen.Sample) {
	t.Helper()
	g := gen.New(gen.Config{SF: 0.02, Seed: 7})
	all := g.All()
	// Every fifth recommendation gets a twin at the same meeting and order,
	// with other tags: their keys are equal, and only IDs order them.
	var twins []*domain.Recommendation
	for i, r := range all.Recommendations {
		if i%5 == 0 {
			x := cloneRecommendation(r)
			x.ID += "-twin"
			x.InitiativeIDs = slices.Clone(all.Recommendations[(i+1)%len(all.Recommendations)].InitiativeIDs)
			twins = append(twins, x)
		}
	}
	all.Recommendations = append(all.Recommendations, twins...)
	s := open(t, "")
	if err := s.Upsert(t.Context(), all); err != nil {
		t.Fatal(err)
	}
	return s, g.Sample
}

func TestListRecommendationsIndexed(t *testing.T) {
	s, _ := indexedStore(t)
	st, _ := s.current()
	ids := func(m map[string][]int32) []string { return slices.Sorted(maps.Keys(m)) }
	var filters []domain.RecommendationFilter
	filters = append(filters, domain.RecommendationFilter{}, domain.RecommendationFilter{InitiativeID: "no-such-id"},
		domain.RecommendationFilter{Kind: domain.RecommendationKinds[0]},
		domain.RecommendationFilter{Dates: domain.DateRange{From: domain.Date{Year: 2010}, To: domain.Date{Year: 2015}}})
	for _, id := range ids(st.recs.byInitiative) {
		filters = append(filters, domain.RecommendationFilter{InitiativeID: id},
			domain.RecommendationFilter{InitiativeID: id, Kind: domain.RecommendationKinds[1]},
			domain.RecommendationFilter{ThemeID: id}) // an initiative as a theme: nothing
	}
	for _, id := range ids(st.recs.byTheme) {
		filters = append(filters, domain.RecommendationFilter{ThemeID: id})
	}
	for i, id := range ids(st.recs.byCountry) {
		filters = append(filters, domain.RecommendationFilter{CountryID: id},
			domain.RecommendationFilter{CountryID: id, Not: &domain.RecommendationFilter{ThemeID: ids(st.recs.byTheme)[i%len(st.recs.byTheme)]}})
	}
	for _, id := range ids(st.recs.byCouncil) {
		filters = append(filters, domain.RecommendationFilter{CouncilID: id},
			domain.RecommendationFilter{CouncilID: id, InitiativeID: ids(st.recs.byInitiative)[0]})
	}
	for _, id := range ids(st.recs.byMeeting)[:20] {
		filters = append(filters, domain.RecommendationFilter{MeetingID: id},
			domain.RecommendationFilter{Or: []domain.RecommendationFilter{{MeetingID: id}, {InitiativeID: ids(st.recs.byInitiative)[1]}}})
	}
	for _, f := range filters {
		for _, sort := range []domain.RecommendationSort{domain.RecommendationDateAsc, domain.RecommendationDateDesc} {
			want := referenceRecommendations(st, f, sort == domain.RecommendationDateDesc)
			for _, size := range []int{7, 50} {
				var got []string
				q := domain.RecommendationQuery{Filter: f, Sort: sort, Page: domain.PageRequest{First: &size}}
				for pages := 0; ; pages++ {
					c, err := s.ListRecommendations(t.Context(), q)
					if err != nil {
						t.Fatalf("%+v %s: %v", f, sort, err)
					}
					if c.TotalCount != len(want) {
						t.Fatalf("%+v %s: totalCount %d, want %d", f, sort, c.TotalCount, len(want))
					}
					for _, e := range c.Edges {
						got = append(got, e.Node.ID)
					}
					if !c.PageInfo.HasNextPage || pages > len(want) {
						break
					}
					q.Page.After = c.PageInfo.EndCursor
				}
				if diff := gocmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
					t.Fatalf("%+v %s, pages of %d (-want +got):\n%s", f, sort, size, diff)
				}
			}
		}
	}
}

// referenceRecommendations returns the IDs of every match of f in list
// order, by a scan and a sort.
func referenceRecommendations(st *state, f domain.RecommendationFilter, desc bool) []string {
	type e struct{ key, id string }
	var es []e
	for _, r := range st.recommendations {
		m := st.meetings[r.MeetingID]
		if st.recommendationMatches(r, m, f) {
			es = append(es, e{fmt.Sprintf("%s %s %010d", m.Date.SortKey(), m.ID, r.Order), r.ID})
		}
	}
	slices.SortFunc(es, func(a, b e) int {
		c := cmp.Compare(a.key, b.key)
		if desc {
			c = -c
		}
		return cmp.Or(c, cmp.Compare(a.id, b.id))
	})
	out := []string{}
	for _, x := range es {
		out = append(out, x.id)
	}
	return out
}

func TestShortestPathsIndexed(t *testing.T) {
	s, sample := indexedStore(t)
	st, _ := s.current()
	pairs := slices.Clone(sample.Paths)
	nodes := slices.Sorted(maps.Keys(st.kinds))
	r := rand.New(rand.NewPCG(1, 2))
	for range 300 {
		pairs = append(pairs, [2]string{nodes[r.IntN(len(nodes))], nodes[r.IntN(len(nodes))]})
	}
	adj := map[string][]idEdge{} // the adjacency by node ID
	for n, hs := range st.paths.adj {
		for _, h := range hs {
			id := st.paths.ids[n]
			adj[id] = append(adj[id], idEdge{to: st.paths.ids[h.to], edge: st.paths.edge(int32(n), h)})
		}
	}
	found := 0
	for i, p := range pairs {
		hops := 1 + i%domain.DefaultMaxHops
		if i < len(sample.Paths) {
			hops = 4
		}
		got, err := s.ShortestPaths(t.Context(), p[0], p[1], hops)
		if err != nil {
			t.Fatalf("%v within %d: %v", p, hops, err)
		}
		want := referencePaths(st, adj, p[0], p[1], hops)
		if diff := gocmp.Diff(want, got); diff != "" {
			t.Fatalf("%v within %d (-want +got):\n%s", p, hops, diff)
		}
		if len(want) > 0 {
			found++
		}
	}
	if found < len(pairs)/4 {
		t.Errorf("only %d of %d pairs have paths: the comparison says little", found, len(pairs))
	}
}

// idEdge is a path edge seen from one end, by node IDs.
type idEdge struct {
	to   string
	edge domain.PathEdge
}

// referencePaths is ShortestPaths by one breadth-first search from the
// target and a walk from the source one hop nearer each time, over node IDs.
func referencePaths(st *state, adj map[string][]idEdge, fromID, toID string, maxHops int) []*domain.Path {
	if fromID == toID {
		return []*domain.Path{{Nodes: []domain.NodeRef{st.ref(fromID)}}}
	}
	dist := map[string]int{toID: 0}
	frontier := []string{toID}
	for hops := 1; hops <= maxHops && len(frontier) > 0; hops++ {
		var next []string
		for _, n := range frontier {
			for _, h := range adj[n] {
				if _, ok := dist[h.to]; !ok {
					dist[h.to] = hops
					next = append(next, h.to)
				}
			}
		}
		if _, ok := dist[fromID]; ok {
			break
		}
		frontier = next
	}
	out := []*domain.Path{}
	if _, ok := dist[fromID]; !ok {
		return out
	}
	var nodes []string
	var edges []domain.PathEdge
	var walk func(n string)
	walk = func(n string) {
		nodes = append(nodes, n)
		defer func() { nodes = nodes[:len(nodes)-1] }()
		if n == toID {
			p := &domain.Path{Edges: slices.Clone(edges)}
			for _, id := range nodes {
				p.Nodes = append(p.Nodes, st.ref(id))
			}
			out = append(out, p)
			return
		}
		for _, h := range adj[n] {
			if len(out) == domain.MaxPaths {
				return
			}
			if d, ok := dist[h.to]; ok && d == dist[n]-1 {
				edges = append(edges, h.edge)
				walk(h.to)
				edges = edges[:len(edges)-1]
			}
		}
	}
	walk(fromID)
	return out
}

func TestRecurrenceIndexed(t *testing.T) {
	s, _ := indexedStore(t)
	st, _ := s.current()
	subjects := slices.Concat(slices.Sorted(maps.Keys(st.initiatives)), slices.Sorted(maps.Keys(st.themes)))
	for _, f := range []domain.RecurrenceFilter{{}, {CouncilID: slices.Sorted(maps.Keys(st.councils))[0]},
		{Dates: domain.DateRange{From: domain.Date{Year: 2005}, To: domain.Date{Year: 2012, Month: 6}}}} {
		got, err := s.Recurrence(t.Context(), subjects, f)
		if err != nil {
			t.Fatal(err)
		}
		mentioned := 0
		for i, id := range subjects {
			want := referenceRecurrence(st, id, f)
			if diff := gocmp.Diff(want, got[i], cmpopts.EquateEmpty()); diff != "" {
				t.Fatalf("%s %+v (-want +got):\n%s", id, f, diff)
			}
			mentioned += want.RecommendationCount
		}
		if mentioned == 0 {
			t.Errorf("%+v: no subject is mentioned: the comparison says little", f)
		}
	}
}

// referenceRecurrence counts the mentions of one subject by a scan of the
// meetings by date and of their recommendations.
func referenceRecurrence(st *state, id string, f domain.RecurrenceFilter) *domain.Recurrence {
	r := &domain.Recurrence{SubjectID: id}
	councils := map[string]*domain.CouncilCount{}
	for _, m := range st.byDate {
		if !st.mentions[m.ID][id] || !st.meetingMatches(m, f.Meetings()) {
			continue
		}
		recs := 0
		for _, rec := range st.recsByMeeting[m.ID] {
			if slices.Contains(rec.InitiativeIDs, id) || slices.Contains(rec.ThemeIDs, id) {
				recs++
			}
		}
		mention := &domain.Mention{MeetingID: m.ID, Date: m.Date}
		if r.FirstMention == nil {
			r.FirstMention = mention
		}
		r.LastMention = mention
		r.MeetingCount++
		r.RecommendationCount += recs
		if n := len(r.PerYear); n == 0 || r.PerYear[n-1].Year != m.Date.Year {
			r.PerYear = append(r.PerYear, &domain.YearCount{Year: m.Date.Year})
		}
		r.PerYear[len(r.PerYear)-1].Meetings++
		r.PerYear[len(r.PerYear)-1].Recommendations += recs
		if m.CouncilID != "" {
			if councils[m.CouncilID] == nil {
				councils[m.CouncilID] = &domain.CouncilCount{CouncilID: m.CouncilID}
			}
			councils[m.CouncilID].Meetings++
			councils[m.CouncilID].Recommendations += recs
		}
	}
	r.Councils = []*domain.CouncilCount{}
	for _, c := range councils {
		r.Councils = append(r.Councils, c)
	}
	slices.SortFunc(r.Councils, func(a, b *domain.CouncilCount) int {
		return cmp.Or(cmp.Compare(b.Meetings, a.Meetings), cmp.Compare(a.CouncilID, b.CouncilID))
	})
	return r
}

// TestNextGeneration checks the generation-stamped marks of ShortestPaths:
// each reset starts a new generation, a larger graph gets a larger array,
// and when the generation reaches its wrap the marks are cleared (an old
// generation's mark would otherwise read as current).
func TestNextGeneration(t *testing.T) {
	const wrap = 4
	var mark []uint32
	var gen uint32
	nextGeneration(&mark, &gen, 3, wrap)
	if len(mark) != 3 || gen != 1 {
		t.Fatalf("first: %d marks, generation %d; want 3, 1", len(mark), gen)
	}
	mark[0] = gen
	for _, want := range []uint32{2, 3} {
		nextGeneration(&mark, &gen, 3, wrap)
		if gen != want || mark[0] != 1 {
			t.Fatalf("generation %d, mark %d; want %d and the old mark kept", gen, mark[0], want)
		}
	}
	nextGeneration(&mark, &gen, 3, wrap) // reaches wrap
	if gen != 1 || mark[0] != 0 {
		t.Errorf("at the wrap: generation %d, mark %d; want 1 and the marks cleared", gen, mark[0])
	}
	nextGeneration(&mark, &gen, 5, wrap)
	if len(mark) != 5 || gen != 1 {
		t.Errorf("grown: %d marks, generation %d; want 5, 1", len(mark), gen)
	}
}
