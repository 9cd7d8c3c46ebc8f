package memstore

import (
	"cmp"
	"maps"
	"slices"
	"strconv"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// The analytics count by key numbers (tally.go) as the scans with string
// maps they replace: these tests compare Counts and Pairs of
// INSTITUTION_COUNCIL with those scans, kept here as references, for every
// aggregate, over filters that take the council list, the whole list and
// the checks of meetingMatches.

// countFilters returns count queries of every aggregate over a few scopes
// of st: every meeting, a few councils (with and without dates), a country,
// a filter.
func countFilters(t *testing.T, st *state) []domain.CountQuery {
	t.Helper()
	councils := slices.Sorted(maps.Keys(st.councilDates))
	if len(councils) < 3 {
		t.Fatalf("%d councils with meetings: too few to compare", len(councils))
	}
	var country string
	for _, m := range st.byDate {
		if m.PlaceID != "" {
			country = st.places[m.PlaceID].CountryID
			break
		}
	}
	dates := domain.DateRange{From: domain.Date{Year: 2012}, To: domain.Date{Year: 2018, Month: 6}}
	var theme string
	for id, k := range st.kinds {
		if k == domain.KindTheme && (theme == "" || id < theme) {
			theme = id
		}
	}
	scopes := []domain.CountQuery{{}, {Dates: dates}, {CountryID: country}, {Filter: domain.MeetingFilter{ThemeID: theme}}}
	for _, c := range councils[:3] {
		scopes = append(scopes, domain.CountQuery{CouncilID: c}, domain.CountQuery{CouncilID: c, Dates: dates})
	}
	var qs []domain.CountQuery
	for _, by := range domain.CountBys {
		for _, q := range scopes {
			q.By = by
			qs = append(qs, q)
		}
	}
	return qs
}

func TestCountsTallied(t *testing.T) {
	s, _ := indexedStore(t)
	st, _ := s.current()
	qs := countFilters(t, st)
	got, err := s.Counts(t.Context(), qs)
	if err != nil {
		t.Fatal(err)
	}
	counted := 0
	for i, q := range qs {
		want := referenceCount(st, q)
		if diff := gocmp.Diff(want, got[i]); diff != "" {
			t.Errorf("%+v (-want +got):\n%s", q, diff)
		}
		counted += len(want)
	}
	if counted == 0 {
		t.Error("every count is empty: the comparison says nothing")
	}
}

// referenceCount answers a count query as count did with string maps,
// meeting by meeting (countWhole's answers, which count tallies do not
// give, are left to count).
func referenceCount(st *state, q domain.CountQuery) []*domain.KeyCount {
	if whole, ok := st.countWhole(q); ok {
		return whole
	}
	counts, labels := map[string]int{}, map[string]string{}
	add := func(key, label string) {
		if key != "" {
			counts[key]++
			labels[key] = label
		}
	}
	addNode := func(id string) { add(id, st.displayName(id)) }
	speakers := map[[2]string]bool{} // key and person
	speaker := func(key, person string) {
		if key != "" && !speakers[[2]string{key, person}] {
			speakers[[2]string{key, person}] = true
			addNode(key)
		}
	}
	for _, m := range st.byDate {
		if !st.meetingMatches(m, q.Meetings()) {
			continue
		}
		switch q.By {
		case domain.MeetingsPerYear:
			add(strconv.Itoa(m.Date.Year), strconv.Itoa(m.Date.Year))
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
	out := []*domain.KeyCount{}
	for k, n := range counts {
		out = append(out, &domain.KeyCount{Key: k, Label: labels[k], Count: n})
	}
	slices.SortFunc(out, func(a, b *domain.KeyCount) int {
		if q.By == domain.MeetingsPerYear {
			return cmp.Compare(a.Key, b.Key)
		}
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Key, b.Key))
	})
	return out
}

func TestInstitutionsOfCouncilTallied(t *testing.T) {
	s, _ := indexedStore(t)
	st, _ := s.current()
	paired := 0
	for _, q := range countFilters(t, st) {
		if q.CouncilID == "" || q.By != domain.MeetingsPerYear {
			continue // one query per scope with a council
		}
		for _, limit := range []int{1, 3, domain.MaxPairLimit} {
			pq := domain.PairQuery{Kind: domain.PairInstitutionCouncil, CouncilID: q.CouncilID, Dates: q.Dates, Limit: limit}
			got, err := s.Pairs(t.Context(), pq)
			if err != nil {
				t.Fatal(err)
			}
			want := referenceInstitutionsOfCouncil(st, pq)
			if diff := gocmp.Diff(want, got); diff != "" {
				t.Errorf("%+v (-want +got):\n%s", pq, diff)
			}
			paired += len(want)
		}
	}
	if paired == 0 {
		t.Error("no pairs: the comparison says nothing")
	}
}

// referenceInstitutionsOfCouncil answers a Pairs query of
// INSTITUTION_COUNCIL as Pairs did, with a map of ID pairs and topPairs.
func referenceInstitutionsOfCouncil(st *state, q domain.PairQuery) []*domain.WeightedPair {
	weights := map[[2]string]int{}
	for _, m := range st.byDate {
		if m.CouncilID == "" || !st.meetingMatches(m, q.Meetings()) {
			continue
		}
		for _, a := range st.appsByMeeting[m.ID] {
			if a.InstitutionID != "" {
				weights[[2]string{a.InstitutionID, m.CouncilID}]++
			}
		}
	}
	out := []*domain.WeightedPair{}
	for _, k := range topPairs(weights, q.Limit) {
		out = append(out, &domain.WeightedPair{A: st.ref(k[0]), B: st.ref(k[1]), Weight: weights[k]})
	}
	return out
}
