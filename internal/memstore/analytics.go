package memstore

import (
	"cmp"
	"context"
	"maps"
	"slices"
	"strconv"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// Pair limits.
const (
	defaultPairLimit = 50
	maxPairLimit     = 500
)

// Recurrence counts, for each initiative or theme, the meetings that mention it
// (by themselves or through a recommendation) and the recommendations that list
// it, among the meetings of the filter.
func (s *Store) Recurrence(ctx context.Context, ids []string, f domain.RecurrenceFilter) ([]*domain.Recurrence, error) {
	st, err := s.current()
	if err != nil {
		return nil, err
	}
	if err := f.Dates.Validate("filter.dates"); err != nil {
		return nil, err
	}
	meetings := st.inPeriod(f.CouncilID, f.Dates)
	out := make([]*domain.Recurrence, len(ids))
	for i, id := range ids {
		r := &domain.Recurrence{SubjectID: id}
		out[i] = r
		if k := st.kinds[id]; k != domain.KindInitiative && k != domain.KindTheme {
			continue
		}
		years := map[int]*domain.YearCount{}
		councils := map[string]*domain.CouncilCount{}
		for _, m := range meetings { // by date, then ID
			if !st.mentions[m.ID][id] {
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
		r.Councils = slices.SortedFunc(maps.Values(councils), func(a, b *domain.CouncilCount) int {
			return cmp.Or(cmp.Compare(b.Meetings, a.Meetings), cmp.Compare(a.CouncilID, b.CouncilID))
		})
	}
	return out, nil
}

// Pairs returns the pairs of q.Kind that share recommendations, meetings or
// (for INSTITUTION_COUNCIL) appearances, by weight descending, then IDs.
func (s *Store) Pairs(ctx context.Context, q domain.PairQuery) ([]*domain.WeightedPair, error) {
	st, err := s.current()
	if err != nil {
		return nil, err
	}
	if q.Kind == "" || !slices.Contains(domain.PairKinds, q.Kind) {
		return nil, domain.Invalidf("kind", "unknown pair kind %q; use one of %v", q.Kind, domain.PairKinds)
	}
	if err := validEnum("scope", q.Scope, []domain.PairScope{domain.ScopeRecommendation, domain.ScopeMeeting}); err != nil {
		return nil, err
	}
	limit := q.Limit
	switch {
	case limit == 0:
		limit = defaultPairLimit
	case limit < 0 || limit > maxPairLimit:
		return nil, domain.Invalidf("limit", "must be 1..%d (got %d)", maxPairLimit, q.Limit)
	}
	if err := q.Dates.Validate("dates"); err != nil {
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
	for _, m := range st.inPeriod(q.CouncilID, q.Dates) {
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

	keys := slices.SortedFunc(maps.Keys(weights), func(a, b [2]string) int {
		return cmp.Or(cmp.Compare(weights[b], weights[a]), cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1]))
	})
	out := []*domain.WeightedPair{}
	for _, k := range keys[:min(limit, len(keys))] {
		out = append(out, &domain.WeightedPair{A: st.ref(k[0]), B: st.ref(k[1]), Weight: weights[k]})
	}
	return out, nil
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
	if q.By == "" || !slices.Contains(domain.CountBys, q.By) {
		return nil, domain.Invalidf("by", "unknown aggregate %q; use one of %v", q.By, domain.CountBys)
	}
	if err := q.Dates.Validate("dates"); err != nil {
		return nil, err
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
	for _, m := range st.inPeriod(q.CouncilID, q.Dates) {
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
