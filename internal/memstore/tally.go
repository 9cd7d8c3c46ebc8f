package memstore

import (
	"maps"
	"slices"
	"sync"
)

// The analytics (analytics.go) count over the meetings of a filter, per
// council, country, theme, institution...: doing it with string maps cost
// a hash per recommendation and appearance. Instead the index numbers the
// nodes they count by (keys, in ID order, so that numbers sort as IDs do)
// and keeps, per meeting, what they read of it as those numbers (facts);
// a tally counts into slices indexed by them.

// keys numbers the IDs that the analytics count by: every council, place,
// country, theme, initiative, person and institution that a meeting, a
// recommendation, an appearance or a place or person of theirs refers to.
type keys struct {
	ids []string         // number -> ID, sorted
	num map[string]int32 // ID -> number
}

// of returns the number of id, -1 for "".
func (k *keys) of(id string) int32 {
	if id == "" {
		return -1
	}
	return k.num[id]
}

// meetingFacts are what the analytics read of a meeting, as key numbers
// (-1 for none).
type meetingFacts struct {
	council, place, country int32 // the country is its place's
	// Of its recommendations, in their order, each as it lists them.
	themes, initiatives []int32
	speakers            []speaker // its appearances, in their order
}

// speaker is an appearance as key numbers (-1 for none).
type speaker struct {
	person, country, institution int32 // the country is the person's
}

// indexFacts numbers the keys and gathers the facts of every meeting, by
// position in byDate. It needs byDate, appsByMeeting and recsByMeeting.
func (st *state) indexFacts() {
	ids := map[string]int32{}
	note := func(id string) {
		if id != "" {
			ids[id] = 0
		}
	}
	countryOf := func(place string) string {
		if p := st.places[place]; p != nil {
			return p.CountryID
		}
		return ""
	}
	citizenOf := func(person string) string {
		if p := st.people[person]; p != nil {
			return p.CountryID
		}
		return ""
	}
	for _, m := range st.byDate {
		note(m.CouncilID)
		note(m.PlaceID)
		note(countryOf(m.PlaceID))
	}
	for _, r := range st.recommendations {
		for _, id := range r.ThemeIDs {
			note(id)
		}
		for _, id := range r.InitiativeIDs {
			note(id)
		}
	}
	for _, a := range st.appearances {
		note(a.PersonID)
		note(a.InstitutionID)
		note(citizenOf(a.PersonID))
	}
	k := &keys{ids: slices.Sorted(maps.Keys(ids)), num: ids}
	for i, id := range k.ids {
		ids[id] = int32(i)
	}
	st.keys = k

	// One array of each kind holds every meeting's lists.
	var nthemes, ninitiatives int
	for _, r := range st.recommendations {
		nthemes += len(r.ThemeIDs)
		ninitiatives += len(r.InitiativeIDs)
	}
	themes, initiatives := make([]int32, 0, nthemes), make([]int32, 0, ninitiatives)
	speakers := make([]speaker, 0, len(st.appearances))
	st.facts = make([]meetingFacts, len(st.byDate))
	for i, m := range st.byDate {
		f := &st.facts[i]
		f.council, f.place, f.country = k.of(m.CouncilID), k.of(m.PlaceID), k.of(countryOf(m.PlaceID))
		t, n := len(themes), len(initiatives)
		for _, r := range st.recsByMeeting[m.ID] {
			for _, id := range r.ThemeIDs {
				themes = append(themes, k.of(id))
			}
			for _, id := range r.InitiativeIDs {
				initiatives = append(initiatives, k.of(id))
			}
		}
		f.themes, f.initiatives = themes[t:len(themes):len(themes)], initiatives[n:len(initiatives):len(initiatives)]
		s := len(speakers)
		for _, a := range st.appsByMeeting[m.ID] {
			speakers = append(speakers, speaker{person: k.of(a.PersonID), country: k.of(citizenOf(a.PersonID)), institution: k.of(a.InstitutionID)})
		}
		f.speakers = speakers[s:len(speakers):len(speakers)]
	}
}

// tally counts by key number. Tallies are kept for reuse by tallies.
type tally struct {
	counted marks   // the keys with a count
	seen    marks   // the people counted already (distinct speakers)
	n       []int32 // key number -> its count, when counted
	keys    []int32 // the keys counted, in the order first counted
	pairs   []uint64
}

var tallies = sync.Pool{New: func() any { return new(tally) }}

// tally returns a tally of st's keys, empty; put it back in tallies after use.
func (st *state) tally() *tally {
	t := tallies.Get().(*tally)
	if n := len(st.keys.ids); len(t.n) < n {
		t.n = make([]int32, n)
	}
	t.clear()
	return t
}

// clear forgets every count and person seen.
func (t *tally) clear() {
	t.counted.reset(len(t.n))
	t.seen.reset(len(t.n))
	t.keys, t.pairs = t.keys[:0], t.pairs[:0]
}

// add counts key k once more, if there is one (k >= 0).
func (t *tally) add(k int32) {
	if k < 0 {
		return
	}
	if !t.counted.has(k) {
		t.counted.set(k, 0)
		t.n[k] = 0
		t.keys = append(t.keys, k)
	}
	t.n[k]++
}

// first reports whether person p is seen for the first time, and notes it.
func (t *tally) first(p int32) bool {
	if p < 0 || t.seen.has(p) { // p < 0: an appearance of no one, which validation refuses
		return false
	}
	t.seen.set(p, 0)
	return true
}

// byCount sorts the keys counted by count descending, then ID.
func (t *tally) byCount() {
	slices.SortFunc(t.keys, func(a, b int32) int {
		if t.n[a] != t.n[b] {
			return int(t.n[b] - t.n[a])
		}
		return int(a - b)
	})
}
