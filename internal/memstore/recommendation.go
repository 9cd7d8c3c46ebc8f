package memstore

import (
	"cmp"
	"context"
	"fmt"
	"reflect"
	"slices"
	"sort"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// Recommendations returns the recommendations of the given IDs, nil where unknown.
func (s *Store) Recommendations(ctx context.Context, ids []string) ([]*domain.Recommendation, error) {
	return batch(s, ids, func(st *state) map[string]*domain.Recommendation { return st.recommendations }, cloneRecommendation)
}

// RecommendationsByMeeting returns each meeting's recommendations by Order, then ID.
func (s *Store) RecommendationsByMeeting(ctx context.Context, meetingIDs []string) ([][]*domain.Recommendation, error) {
	return related(s, meetingIDs, func(st *state) map[string][]*domain.Recommendation { return st.recsByMeeting },
		cloneRecommendation)
}

// ListRecommendations returns a page of recommendations ordered by the key
// (meeting date, meeting ID, order), then ID; DATE_DESC reverses the key.
// InitiativeID and ThemeID match the recommendation's own lists.
//
// The index keeps every recommendation in that order, and the positions of
// those of each meeting, council, initiative, theme and country: a filter on
// one of them walks its own positions only, and a page of a filter on nothing
// else is a slice found by binary search, its total the number of positions.
func (s *Store) ListRecommendations(ctx context.Context, q domain.RecommendationQuery) (*domain.RecommendationConnection, error) {
	st, err := s.current()
	if err != nil {
		return nil, err
	}
	sort := q.Sort
	switch sort {
	case "":
		sort = domain.RecommendationDateAsc
	case domain.RecommendationDateAsc, domain.RecommendationDateDesc:
	default:
		return nil, domain.Invalidf("sort", "unknown order %q", q.Sort)
	}
	f := q.Filter
	if err := f.Validate("filter"); err != nil {
		return nil, err
	}
	scope := domain.Scope("recommendations", sort, f)
	first, after, err := q.Page.Resolve(scope)
	if err != nil {
		return nil, err
	}
	desc := sort == domain.RecommendationDateDesc
	c := st.recs.candidates(f)
	match := func(e recEntry) bool {
		return c.exact || st.recommendationMatches(e.rec, st.meetings[e.rec.MeetingID], f)
	}
	total := c.len()
	if !c.exact {
		total = 0
		for i := range c.len() {
			if match(c.at(i)) {
				total++
			}
		}
	}
	// The page and one more, to tell whether there is a next page.
	var items []entry[*domain.Recommendation]
	visit := func(e recEntry) bool {
		if match(e) && after.After(e.key, e.rec.ID, desc) {
			items = append(items, entry[*domain.Recommendation]{key: e.key, id: e.rec.ID, node: cloneRecommendation(e.rec)})
		}
		return len(items) <= first
	}
	c.walk(after, desc, visit)
	return connection(items, first, scope, after, total), nil
}

// recIndex holds every recommendation in the order of ListRecommendations
// (ascending), and for each filter field a list is usually asked by, the
// positions in that order of the recommendations that match it.
type recIndex struct {
	order []recEntry // by key, then ID
	// Ascending positions in order, by the ID the field names.
	byMeeting, byCouncil, byInitiative, byTheme, byCountry map[string][]int32
}

// recEntry is a recommendation and its sort key.
type recEntry struct {
	key string
	rec *domain.Recommendation
}

// indexRecommendations builds st.recs from the recommendations and meetings.
func (st *state) indexRecommendations() {
	x := recIndex{order: make([]recEntry, 0, len(st.recommendations)),
		byMeeting: map[string][]int32{}, byCouncil: map[string][]int32{}, byInitiative: map[string][]int32{},
		byTheme: map[string][]int32{}, byCountry: map[string][]int32{}}
	for _, r := range st.recommendations {
		m := st.meetings[r.MeetingID]
		// The meeting ID is followed by a space, which sorts before every
		// character of an ID, so that the key orders as its parts do.
		x.order = append(x.order, recEntry{key: fmt.Sprintf("%s %s %010d", m.Date.SortKey(), m.ID, r.Order), rec: r})
	}
	slices.SortFunc(x.order, func(a, b recEntry) int { return cmp.Or(cmp.Compare(a.key, b.key), cmp.Compare(a.rec.ID, b.rec.ID)) })
	// add appends position i to the list of id once, however often r names it.
	add := func(m map[string][]int32, id string, i int32) {
		if ps := m[id]; id != "" && (len(ps) == 0 || ps[len(ps)-1] != i) {
			m[id] = append(ps, i)
		}
	}
	for i, e := range x.order {
		p := int32(i)
		add(x.byMeeting, e.rec.MeetingID, p)
		add(x.byCouncil, st.meetings[e.rec.MeetingID].CouncilID, p)
		for _, id := range e.rec.InitiativeIDs {
			add(x.byInitiative, id, p)
		}
		for _, id := range e.rec.ThemeIDs {
			add(x.byTheme, id, p)
		}
		for _, id := range e.rec.CountryIDs {
			add(x.byCountry, id, p)
		}
	}
	st.recs = x
}

// recCandidates are the recommendations a filter may keep, in order: all of
// them, or the positions of one field's value. exact says that they are
// exactly the filter's matches.
type recCandidates struct {
	x     *recIndex
	all   bool
	pos   []int32
	exact bool
}

// candidates returns the fewest candidates the index gives for f: those of
// the set field (meeting, council, initiative, theme, country) with the
// fewest, or all. They are exact when f sets nothing else.
func (x *recIndex) candidates(f domain.RecommendationFilter) recCandidates {
	fields := []struct {
		id    string
		index map[string][]int32
		clear func(*domain.RecommendationFilter)
	}{
		{f.MeetingID, x.byMeeting, func(g *domain.RecommendationFilter) { g.MeetingID = "" }},
		{f.CouncilID, x.byCouncil, func(g *domain.RecommendationFilter) { g.CouncilID = "" }},
		{f.InitiativeID, x.byInitiative, func(g *domain.RecommendationFilter) { g.InitiativeID = "" }},
		{f.ThemeID, x.byTheme, func(g *domain.RecommendationFilter) { g.ThemeID = "" }},
		{f.CountryID, x.byCountry, func(g *domain.RecommendationFilter) { g.CountryID = "" }},
	}
	c := recCandidates{x: x, all: true}
	rest := f
	chosen := -1
	for i, fd := range fields {
		if fd.id == "" {
			continue
		}
		if ps := fd.index[fd.id]; chosen < 0 || len(ps) < len(c.pos) {
			c.all, c.pos, chosen = false, ps, i
		}
	}
	if chosen >= 0 {
		fields[chosen].clear(&rest)
	}
	c.exact = reflect.ValueOf(rest).IsZero()
	return c
}

func (c recCandidates) len() int {
	if c.all {
		return len(c.x.order)
	}
	return len(c.pos)
}

// at returns the i-th candidate in ascending order.
func (c recCandidates) at(i int) recEntry {
	if c.all {
		return c.x.order[i]
	}
	return c.x.order[c.pos[i]]
}

// walk visits the candidates that come after the cursor after (all when nil)
// in list order, until visit returns false: ascending by key then ID, or,
// when desc, by key descending and equal keys by ascending ID, as
// domain.Cursor.After walks them. The start is found by binary search.
func (c recCandidates) walk(after *domain.Cursor, desc bool, visit func(recEntry) bool) {
	n := c.len()
	if !desc {
		start := 0
		if after != nil {
			start = sort.Search(n, func(i int) bool { e := c.at(i); return after.After(e.key, e.rec.ID, false) })
		}
		for i := start; i < n; i++ {
			if !visit(c.at(i)) {
				return
			}
		}
		return
	}
	end := n // candidates before end have keys up to the cursor's
	if after != nil {
		end = sort.Search(n, func(i int) bool { return c.at(i).key > after.Key })
	}
	for i := end - 1; i >= 0; {
		j := i // the first of the candidates with the key of the i-th
		for j > 0 && c.at(j-1).key == c.at(i).key {
			j--
		}
		for k := j; k <= i; k++ {
			if !visit(c.at(k)) {
				return
			}
		}
		i = j - 1
	}
}

// recommendationMatches reports whether r (of meeting m) passes every set
// field of f, every filter of f.And, one of f.Or (if any) and not f.Not.
func (st *state) recommendationMatches(r *domain.Recommendation, m *domain.Meeting, f domain.RecommendationFilter) bool {
	switch {
	case f.MeetingID != "" && r.MeetingID != f.MeetingID,
		f.CouncilID != "" && m.CouncilID != f.CouncilID,
		f.Kind != "" && r.Kind != f.Kind,
		f.InitiativeID != "" && !slices.Contains(r.InitiativeIDs, f.InitiativeID),
		f.ThemeID != "" && !slices.Contains(r.ThemeIDs, f.ThemeID),
		f.CountryID != "" && !slices.Contains(r.CountryIDs, f.CountryID),
		!f.Dates.Contains(m.Date):
		return false
	}
	return combined(f.And, f.Or, f.Not, func(g domain.RecommendationFilter) bool { return st.recommendationMatches(r, m, g) })
}

func cloneRecommendation(r *domain.Recommendation) *domain.Recommendation {
	x := *r
	x.AttributedTo = slices.Clone(r.AttributedTo)
	x.InitiativeIDs = slices.Clone(r.InitiativeIDs)
	x.ThemeIDs = slices.Clone(r.ThemeIDs)
	x.CountryIDs = slices.Clone(r.CountryIDs)
	x.Sources = slices.Clone(r.Sources)
	return &x
}
