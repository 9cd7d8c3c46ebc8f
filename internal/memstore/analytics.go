package memstore

import (
	"cmp"
	"context"
	"maps"
	"slices"
	"strconv"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// Recurrence counts, for each initiative or theme, the meetings that mention it
// (by themselves or through a recommendation) and the recommendations that list
// it, among the meetings of the filter.
func (s *Store) Recurrence(ctx context.Context, ids []string, f domain.RecurrenceFilter) ([]*domain.Recurrence, error) {
	st, err := s.current()
	if err != nil {
		return nil, err
	}
	if err := f.Dates.Validate("dates"); err != nil {
		return nil, err
	}
	if err := st.checkIDs(domain.RecurrenceArgs(ids, f)...); err != nil {
		return nil, err
	}
	filter := f.Meetings()
	check := !filter.IsZero()
	t := st.tally() // the councils counted for a subject: key number -> index in its Councils
	defer tallies.Put(t)
	out := make([]*domain.Recurrence, len(ids))
	for i, id := range ids {
		r := &domain.Recurrence{SubjectID: id}
		out[i] = r
		t.clear()
		var first, last *domain.Meeting
		var y *domain.YearCount
		for _, at := range st.mentionedAt[id] { // by date, then ID
			m, recs := at.meeting, int(at.recs)
			if check && !st.meetingMatches(m, filter) {
				continue
			}
			if first == nil {
				first = m
			}
			last = m
			r.MeetingCount++
			r.RecommendationCount += recs
			if y == nil || y.Year != m.Date.Year {
				y = yearCount(r, m.Date.Year)
			}
			y.Meetings++
			y.Recommendations += recs
			if at.council >= 0 {
				if !t.counted.has(at.council) {
					t.counted.set(at.council, 0)
					t.n[at.council] = int32(len(r.Councils))
					r.Councils = append(r.Councils, &domain.CouncilCount{CouncilID: m.CouncilID})
				}
				c := r.Councils[t.n[at.council]]
				c.Meetings++
				c.Recommendations += recs
			}
		}
		if first != nil { // a Mention for the first and the last only, not one per meeting
			r.FirstMention = &domain.Mention{MeetingID: first.ID, Date: first.Date}
			r.LastMention = r.FirstMention
			if last != first {
				r.LastMention = &domain.Mention{MeetingID: last.ID, Date: last.Date}
			}
		}
		slices.SortFunc(r.Councils, func(a, b *domain.CouncilCount) int {
			return cmp.Or(cmp.Compare(b.Meetings, a.Meetings), cmp.Compare(a.CouncilID, b.CouncilID))
		})
	}
	return out, nil
}

// yearCount returns r's count of year, added to PerYear if it has none:
// meetings come by date, so years come in order.
func yearCount(r *domain.Recurrence, year int) *domain.YearCount {
	for _, y := range slices.Backward(r.PerYear) {
		if y.Year == year {
			return y
		}
	}
	y := &domain.YearCount{Year: year}
	r.PerYear = append(r.PerYear, y)
	return y
}

// mention is a meeting that mentions a subject, and the number of its
// recommendations that list the subject.
type mention struct {
	meeting *domain.Meeting
	recs    int32
	council int32 // the meeting's council's key number, -1 for none
}

// Pairs returns the pairs of q.Kind that share recommendations, meetings or
// (for INSTITUTION_COUNCIL) appearances, by weight descending, then IDs.
func (s *Store) Pairs(ctx context.Context, q domain.PairQuery) ([]*domain.WeightedPair, error) {
	st, err := s.current()
	if err != nil {
		return nil, err
	}
	limit, err := q.Check()
	if err != nil {
		return nil, err
	}
	if err := q.Dates.Validate("dates"); err != nil {
		return nil, err
	}
	if err := q.Filter.Validate("filter"); err != nil {
		return nil, err
	}
	if err := st.checkIDs(q.Args()...); err != nil {
		return nil, err
	}

	weights := map[[2]string]int{}
	// together counts one shared recommendation or meeting for every pair of
	// as and bs; with same, as and bs are one set and pairs are ordered by ID.
	together := func(as, bs []string, same bool) {
		for _, a := range as {
			for _, b := range bs {
				if same && a >= b {
					continue
				}
				weights[[2]string{a, b}]++
			}
		}
	}
	ofKind := func(ids []string, k domain.Kind) []string {
		return slices.DeleteFunc(slices.Clone(ids), func(id string) bool { return st.kinds[id] != k })
	}
	subjects := map[domain.PairKind][2]domain.Kind{
		domain.PairInitiativeInitiative: {domain.KindInitiative, domain.KindInitiative},
		domain.PairInitiativeTheme:      {domain.KindInitiative, domain.KindTheme},
		domain.PairThemeTheme:           {domain.KindTheme, domain.KindTheme},
	}
	if q.Kind == domain.PairInstitutionCouncil && q.CouncilID != "" {
		return st.institutionsOfCouncil(q, limit), nil
	}
	st.eachMeeting(q.Meetings(), func(i int32) {
		m := st.byDate[i]
		switch q.Kind {
		case domain.PairInitiativeInitiative, domain.PairInitiativeTheme, domain.PairThemeTheme:
			ka, kb := subjects[q.Kind][0], subjects[q.Kind][1]
			if q.Scope == domain.ScopeMeeting {
				mentioned := slices.Sorted(maps.Keys(st.mentions[m.ID]))
				together(ofKind(mentioned, ka), ofKind(mentioned, kb), ka == kb)
				return
			}
			for _, r := range st.recsByMeeting[m.ID] {
				tags := slices.Concat(r.InitiativeIDs, r.ThemeIDs)
				together(ofKind(tags, ka), ofKind(tags, kb), ka == kb)
			}
		case domain.PairPersonPerson:
			var people []string
			for _, a := range st.appsByMeeting[m.ID] {
				people = append(people, a.PersonID)
			}
			together(people, people, true)
		case domain.PairInstitutionInstitution:
			inst := slices.Collect(maps.Keys(st.involved[m.ID]))
			together(inst, inst, true)
		case domain.PairInstitutionCouncil:
			if m.CouncilID == "" {
				return
			}
			for _, a := range st.appsByMeeting[m.ID] {
				if a.InstitutionID != "" {
					weights[[2]string{a.InstitutionID, m.CouncilID}]++
				}
			}
		}
	})

	out := []*domain.WeightedPair{}
	for _, k := range topPairs(weights, limit) {
		out = append(out, &domain.WeightedPair{A: st.ref(k[0]), B: st.ref(k[1]), Weight: weights[k]})
	}
	return out, nil
}

// institutionsOfCouncil answers Pairs of INSTITUTION_COUNCIL for one
// council: every pair has that council, so its institutions' appearances
// are counted by a tally, and the pairs' order is theirs.
func (st *state) institutionsOfCouncil(q domain.PairQuery, limit int) []*domain.WeightedPair {
	t := st.tally()
	defer tallies.Put(t)
	st.eachMeeting(q.Meetings(), func(i int32) {
		for _, s := range st.facts[i].speakers {
			t.add(s.institution)
		}
	})
	t.byCount()
	council := st.ref(q.CouncilID)
	out := make([]*domain.WeightedPair, 0, min(limit, len(t.keys)))
	for _, k := range t.keys[:min(limit, len(t.keys))] {
		out = append(out, &domain.WeightedPair{A: st.ref(st.keys.ids[k]), B: council, Weight: int(t.n[k])})
	}
	return out
}

// topPairs returns the limit heaviest pairs, by weight descending, then IDs,
// keeping only limit of them at any time: the graph may hold hundreds of
// thousands of pairs, and a dashboard wants fifty.
func topPairs(weights map[[2]string]int, limit int) [][2]string {
	before := func(a, b [2]string) int {
		return cmp.Or(cmp.Compare(weights[b], weights[a]), cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1]))
	}
	// h is a heap with the last of the kept pairs (in the order above) on top.
	h := make([][2]string, 0, limit+1)
	up := func(i int) {
		for i > 0 {
			p := (i - 1) / 2
			if before(h[p], h[i]) >= 0 {
				return
			}
			h[p], h[i] = h[i], h[p]
			i = p
		}
	}
	down := func(i int) {
		for {
			l, r, m := 2*i+1, 2*i+2, i
			if l < len(h) && before(h[l], h[m]) > 0 {
				m = l
			}
			if r < len(h) && before(h[r], h[m]) > 0 {
				m = r
			}
			if m == i {
				return
			}
			h[m], h[i] = h[i], h[m]
			i = m
		}
	}
	for k := range weights {
		switch {
		case len(h) < limit:
			h = append(h, k)
			up(len(h) - 1)
		case before(k, h[0]) < 0:
			h[0] = k
			down(0)
		}
	}
	slices.SortFunc(h, before)
	return h
}

// Count returns one dashboard aggregate over the meetings of a council and
// period, by count descending then key (MEETINGS_PER_YEAR by year). Keys are
// IDs (labels their names), years, or recommendation kinds (labels the same);
// meetings without a council or place, people without a country and
// appearances without an institution are left out.
func (s *Store) Count(ctx context.Context, q domain.CountQuery) ([]*domain.KeyCount, error) {
	st, err := s.current()
	if err != nil {
		return nil, err
	}
	return st.count(q)
}

// Counts answers each of qs as Count does, from one snapshot.
func (s *Store) Counts(ctx context.Context, qs []domain.CountQuery) ([][]*domain.KeyCount, error) {
	st, err := s.current()
	if err != nil {
		return nil, err
	}
	out := make([][]*domain.KeyCount, len(qs))
	for i, q := range qs {
		if out[i], err = st.count(q); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (st *state) count(q domain.CountQuery) ([]*domain.KeyCount, error) {
	if err := q.Check(); err != nil {
		return nil, err
	}
	if err := q.Dates.Validate("dates"); err != nil {
		return nil, err
	}
	if err := q.Filter.Validate("filter"); err != nil {
		return nil, err
	}
	if err := st.checkIDs(q.Args()...); err != nil {
		return nil, err
	}
	if whole, ok := st.countWhole(q); ok {
		return whole, nil
	}
	switch q.By {
	case domain.MeetingsPerYear:
		return st.countYears(q.Meetings()), nil
	case domain.RecommendationsPerKind:
		return st.countKinds(q.Meetings()), nil
	}
	t := st.tally()
	defer tallies.Put(t)
	st.eachMeeting(q.Meetings(), func(i int32) {
		f := &st.facts[i]
		switch q.By {
		case domain.MeetingsPerCouncil:
			t.add(f.council)
		case domain.MeetingsPerCountry:
			t.add(f.country)
		case domain.MeetingsPerCity:
			t.add(f.place)
		case domain.RecommendationsPerTheme:
			for _, k := range f.themes {
				t.add(k)
			}
		case domain.RecommendationsPerInitiative:
			for _, k := range f.initiatives {
				t.add(k)
			}
		case domain.SpeakersPerCountry: // a person has one country: distinct people are distinct pairs
			for _, s := range f.speakers {
				if s.country >= 0 && t.first(s.person) {
					t.add(s.country)
				}
			}
		case domain.SpeakersPerInstitution: // a person may speak for several: pairs, sorted below
			for _, s := range f.speakers {
				if s.institution >= 0 {
					t.pairs = append(t.pairs, uint64(s.institution)<<32|uint64(uint32(s.person)))
				}
			}
		}
	})
	if q.By == domain.SpeakersPerInstitution {
		slices.Sort(t.pairs)
		for i, p := range t.pairs {
			if i == 0 || p != t.pairs[i-1] {
				t.add(int32(p >> 32))
			}
		}
	}
	t.byCount()
	out := make([]*domain.KeyCount, len(t.keys))
	for i, k := range t.keys {
		id := st.keys.ids[k]
		out[i] = &domain.KeyCount{Key: id, Label: st.displayName(id), Count: int(t.n[k])}
	}
	return out, nil
}

// countYears counts the meetings of f per year, by year as text (four-digit
// years sort as numbers do).
func (st *state) countYears(f domain.MeetingFilter) []*domain.KeyCount {
	type year struct{ year, n int }
	var years []year // by first meeting: meetings come by date, so mostly appended to last
	st.eachMeeting(f, func(i int32) {
		y := st.byDate[i].Date.Year
		if n := len(years); n > 0 && years[n-1].year == y {
			years[n-1].n++
			return
		}
		for j := range years {
			if years[j].year == y {
				years[j].n++
				return
			}
		}
		years = append(years, year{y, 1})
	})
	out := make([]*domain.KeyCount, len(years))
	for i, y := range years {
		k := strconv.Itoa(y.year)
		out[i] = &domain.KeyCount{Key: k, Label: k, Count: y.n}
	}
	slices.SortFunc(out, func(a, b *domain.KeyCount) int { return cmp.Compare(a.Key, b.Key) })
	return out
}

// countKinds counts the recommendations of the meetings of f per kind, by
// count descending, then kind; recommendations without a kind are left out.
func (st *state) countKinds(f domain.MeetingFilter) []*domain.KeyCount {
	out := []*domain.KeyCount{}
	st.eachMeeting(f, func(i int32) {
		for _, r := range st.recsByMeeting[st.byDate[i].ID] {
			if r.Kind == "" {
				continue
			}
			j := slices.IndexFunc(out, func(c *domain.KeyCount) bool { return c.Key == string(r.Kind) })
			if j < 0 {
				j = len(out)
				out = append(out, &domain.KeyCount{Key: string(r.Kind), Label: string(r.Kind)})
			}
			out[j].Count++
		}
	})
	slices.SortFunc(out, func(a, b *domain.KeyCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Key, b.Key))
	})
	return out
}

// countWhole answers, over every meeting, the aggregates that are counts
// the index keeps (indexCounts), as the Neo4j store does.
func (st *state) countWhole(q domain.CountQuery) ([]*domain.KeyCount, bool) {
	if !q.Meetings().IsZero() {
		return nil, false
	}
	var counts map[string]int
	switch q.By {
	case domain.RecommendationsPerTheme, domain.RecommendationsPerInitiative:
		counts = st.mentionRecs
	case domain.SpeakersPerInstitution:
		counts = st.speakers
	default:
		return nil, false
	}
	want := map[domain.CountBy]domain.Kind{domain.RecommendationsPerTheme: domain.KindTheme,
		domain.RecommendationsPerInitiative: domain.KindInitiative, domain.SpeakersPerInstitution: domain.KindInstitution}[q.By]
	out := []*domain.KeyCount{}
	for id, n := range counts {
		if n > 0 && st.kinds[id] == want {
			out = append(out, &domain.KeyCount{Key: id, Label: st.displayName(id), Count: n})
		}
	}
	slices.SortFunc(out, func(a, b *domain.KeyCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Key, b.Key))
	})
	return out, true
}
