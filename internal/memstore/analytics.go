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
	out := make([]*domain.Recurrence, len(ids))
	for i, id := range ids {
		r := &domain.Recurrence{SubjectID: id}
		out[i] = r
		years := map[int]*domain.YearCount{}
		councils := map[string]*domain.CouncilCount{}
		var first, last *domain.Meeting
		for _, at := range st.mentionedAt[id] { // by date, then ID
			m, recs := at.meeting, at.recs
			if !st.meetingMatches(m, filter) {
				continue
			}
			if first == nil {
				first = m
			}
			last = m
			r.MeetingCount++
			r.RecommendationCount += recs
			y := years[m.Date.Year]
			if y == nil {
				y = &domain.YearCount{Year: m.Date.Year}
				years[m.Date.Year] = y
				r.PerYear = append(r.PerYear, y) // meetings come by date
			}
			y.Meetings++
			y.Recommendations += recs
			if m.CouncilID != "" {
				c := councils[m.CouncilID]
				if c == nil {
					c = &domain.CouncilCount{CouncilID: m.CouncilID}
					councils[m.CouncilID] = c
				}
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
		r.Councils = slices.SortedFunc(maps.Values(councils), func(a, b *domain.CouncilCount) int {
			return cmp.Or(cmp.Compare(b.Meetings, a.Meetings), cmp.Compare(a.CouncilID, b.CouncilID))
		})
	}
	return out, nil
}

// mention is a meeting that mentions a subject, and the number of its
// recommendations that list the subject.
type mention struct {
	meeting *domain.Meeting
	recs    int
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
	for _, m := range st.meetingsWhere(q.Meetings()) {
		switch q.Kind {
		case domain.PairInitiativeInitiative, domain.PairInitiativeTheme, domain.PairThemeTheme:
			ka, kb := subjects[q.Kind][0], subjects[q.Kind][1]
			if q.Scope == domain.ScopeMeeting {
				mentioned := slices.Sorted(maps.Keys(st.mentions[m.ID]))
				together(ofKind(mentioned, ka), ofKind(mentioned, kb), ka == kb)
				continue
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
				continue
			}
			for _, a := range st.appsByMeeting[m.ID] {
				if a.InstitutionID != "" {
					weights[[2]string{a.InstitutionID, m.CouncilID}]++
				}
			}
		}
	}

	out := []*domain.WeightedPair{}
	for _, k := range topPairs(weights, limit) {
		out = append(out, &domain.WeightedPair{A: st.ref(k[0]), B: st.ref(k[1]), Weight: weights[k]})
	}
	return out, nil
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
	counts := map[string]int{}
	labels := map[string]string{}
	add := func(key, label string) {
		if key != "" {
			counts[key]++
			labels[key] = label
		}
	}
	addNode := func(id string) {
		if id != "" {
			add(id, st.displayName(id))
		}
	}
	speakers := map[string]map[string]bool{} // key -> people
	speaker := func(key, person string) {
		if key == "" {
			return
		}
		if speakers[key] == nil {
			speakers[key] = map[string]bool{}
		}
		if !speakers[key][person] {
			speakers[key][person] = true
			addNode(key)
		}
	}
	for _, m := range st.meetingsWhere(q.Meetings()) {
		switch q.By {
		case domain.MeetingsPerYear:
			y := strconv.Itoa(m.Date.Year)
			add(y, y)
		case domain.MeetingsPerCouncil:
			addNode(m.CouncilID)
		case domain.MeetingsPerCountry:
			if m.PlaceID != "" {
				addNode(st.places[m.PlaceID].CountryID)
			}
		case domain.MeetingsPerCity:
			addNode(m.PlaceID)
		case domain.RecommendationsPerTheme, domain.RecommendationsPerInitiative, domain.RecommendationsPerKind:
			for _, r := range st.recsByMeeting[m.ID] {
				switch q.By {
				case domain.RecommendationsPerTheme:
					for _, id := range r.ThemeIDs {
						addNode(id)
					}
				case domain.RecommendationsPerInitiative:
					for _, id := range r.InitiativeIDs {
						addNode(id)
					}
				default:
					add(string(r.Kind), string(r.Kind))
				}
			}
		case domain.SpeakersPerCountry:
			for _, a := range st.appsByMeeting[m.ID] {
				speaker(st.people[a.PersonID].CountryID, a.PersonID)
			}
		case domain.SpeakersPerInstitution:
			for _, a := range st.appsByMeeting[m.ID] {
				speaker(a.InstitutionID, a.PersonID)
			}
		}
	}
	keys := slices.SortedFunc(maps.Keys(counts), func(a, b string) int {
		if q.By == domain.MeetingsPerYear {
			return cmp.Compare(a, b) // four-digit years sort as text
		}
		return cmp.Or(cmp.Compare(counts[b], counts[a]), cmp.Compare(a, b))
	})
	out := []*domain.KeyCount{}
	for _, k := range keys {
		out = append(out, &domain.KeyCount{Key: k, Label: labels[k], Count: counts[k]})
	}
	return out, nil
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
