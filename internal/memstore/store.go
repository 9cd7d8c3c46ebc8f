// Package memstore is expertgraph's embedded default store: the whole graph in
// memory, with indexes, saved to one JSON file on every write.
//
// The state is copy-on-write: an Upsert validates the graph, builds a new
// state beside the current one, saves it (a temporary file, fsync, rename over
// the old file, fsync of the directory) and only then puts it in place, so a
// failed write changes neither memory nor disk, and a crash leaves either the
// old file or the new one. Readers take the current state under a read lock
// and never block on a write in progress.
//
// Each write rebuilds every index and rewrites the whole file, which is cheap
// for a mutation but not for an import of many files: a Batch (batch.go)
// gathers many Upserts and writes them in one.
//
// One process at a time may use a file.
package memstore

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sync"

	"github.com/expertgraph/expertgraph/internal/domain"
)

var _ domain.Store = (*Store)(nil)

// Store is a domain.Store held in memory and saved to a JSON file.
type Store struct {
	path string     // "" keeps the graph in memory only
	wmu  sync.Mutex // serialises writers
	mu   sync.RWMutex
	st   *state   // never changed once in place; replaced whole
	lock *os.File // the lock on path+".lock" while open (lock.go)
}

// Open loads the store saved at path, creating the parent directory if
// needed; a missing file is an empty store. An unreadable or corrupt file is
// an error that names it, never an empty store. Path "" gives a store in
// memory only. A file another process has open is refused with ECONFLICT.
func Open(path string) (*Store, error) {
	s := &Store{path: path}
	if path == "" {
		s.st = newState(&domain.Graph{})
		return s, nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("memstore: creating the directory of %s: %w", path, err)
	}
	lock, err := lockFile(path)
	if err != nil {
		return nil, err
	}
	removeTemps(path)
	g, x, err := load(path)
	if err != nil {
		lock.Close()
		return nil, err
	}
	s.lock = lock
	s.st = newState(g)
	s.st.redirects, s.st.audit = x.redirects, x.audit
	return s, nil
}

// Ping returns nil while the store is open.
func (s *Store) Ping(ctx context.Context) error {
	_, err := s.current()
	return err
}

// Close releases the store; every later call returns EUNAVAILABLE. Every
// Upsert has been saved already, so there is nothing to flush.
func (s *Store) Close(ctx context.Context) error {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.st = nil
	if s.lock != nil {
		s.lock.Close() // releases the lock
		s.lock = nil
	}
	return nil
}

// current returns the state in place.
func (s *Store) current() (*state, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.st == nil {
		return nil, domain.Errorf(domain.EUNAVAILABLE, "the store is closed")
	}
	return s.st, nil
}

// state is the graph and its indexes. Nodes are never changed in place: a
// write replaces them, and readers get copies.
type state struct {
	countries       map[string]*domain.Country
	places          map[string]*domain.Place
	institutions    map[string]*domain.Institution
	people          map[string]*domain.Person
	councils        map[string]*domain.Council
	initiatives     map[string]*domain.Initiative
	themes          map[string]*domain.Theme
	sources         map[string]*domain.Source
	publications    map[string]*domain.Publication
	meetings        map[string]*domain.Meeting
	recommendations map[string]*domain.Recommendation
	appearances     map[string]*domain.Appearance // by domain.AppearanceKey
	redirects       map[string]string             // merged ID -> the ID it was merged into (curation.go)
	audit           []*domain.AuditEntry          // the audit log, oldest first; appended to, never changed

	// Indexes, derived from the maps by index.
	kinds         map[string]domain.Kind
	nameKeys      map[string][]string                 // ID -> normalised name, short name, aliases, title
	byName        map[string][]string                 // normalised key -> IDs Lookup finds, by kind then ID
	appsByMeeting map[string][]*domain.Appearance     // by Order, then person ID
	appsByPerson  map[string][]*domain.Appearance     // by meeting date, then meeting ID
	recsByMeeting map[string][]*domain.Recommendation // by Order, then ID
	mentions      map[string]map[string]bool          // meeting ID -> initiatives and themes it or its recommendations list
	involved      map[string]map[string]bool          // meeting ID -> institutions organising it or sending speakers
	byDate        []*domain.Meeting                   // every meeting by date, then ID
	councilDates  map[string][]int32                  // council ID -> its meetings' positions in byDate
	keys          *keys                               // the IDs the analytics count by, numbered (tally.go)
	facts         []meetingFacts                      // by position in byDate: what the analytics read (tally.go)
	recs          recIndex                            // recommendations in list order (recommendation.go)
	paths         *graph                              // path edges (path.go)

	// Search: every node's searchable values, prepared once (normalised,
	// with variant keys).
	searchable []searchable
	// Counts that lists may be ordered by (domain.SortBy).
	mentionMeetings map[string]int // initiative or theme ID -> meetings that mention it
	mentionRecs     map[string]int // initiative or theme ID -> recommendations that list it
	speakers        map[string]int // institution ID -> distinct people who appeared for it
	councilMeetings map[string]int // council ID -> its meetings
	// Recurrence: initiative or theme ID -> the meetings that mention it, by
	// date then ID, each with the number of its recommendations that list it.
	mentionedAt map[string][]mention
}

// searchable is one node as Search sees it.
type searchable struct {
	ref    domain.NodeRef
	values []domain.SearchValue
}

// newState returns the state holding g.
func newState(g *domain.Graph) *state {
	st := &state{
		countries: map[string]*domain.Country{}, places: map[string]*domain.Place{},
		institutions: map[string]*domain.Institution{}, people: map[string]*domain.Person{},
		councils: map[string]*domain.Council{}, initiatives: map[string]*domain.Initiative{},
		themes: map[string]*domain.Theme{}, sources: map[string]*domain.Source{},
		publications: map[string]*domain.Publication{}, meetings: map[string]*domain.Meeting{},
		recommendations: map[string]*domain.Recommendation{}, appearances: map[string]*domain.Appearance{},
	}
	st.put(g)
	st.index()
	return st
}

// with returns a new state: st with the nodes of g replacing or joining its own.
func (st *state) with(g *domain.Graph) *state {
	next := st.clone()
	next.put(g)
	next.index()
	return next
}

// clone returns a state not yet indexed holding st's nodes, in maps of its
// own, so that they may be changed without changing st. The redirects and
// the audit log are shared: they are replaced, never changed in place.
func (st *state) clone() *state {
	return &state{
		countries: maps.Clone(st.countries), places: maps.Clone(st.places),
		institutions: maps.Clone(st.institutions), people: maps.Clone(st.people),
		councils: maps.Clone(st.councils), initiatives: maps.Clone(st.initiatives),
		themes: maps.Clone(st.themes), sources: maps.Clone(st.sources),
		publications: maps.Clone(st.publications), meetings: maps.Clone(st.meetings),
		recommendations: maps.Clone(st.recommendations), appearances: maps.Clone(st.appearances),
		redirects: st.redirects, audit: st.audit,
	}
}

// put stores copies of g's nodes, so that the caller may change g afterwards.
func (st *state) put(g *domain.Graph) {
	for _, x := range g.Countries {
		st.countries[x.ID] = cloneCountry(x)
	}
	for _, x := range g.Places {
		st.places[x.ID] = clonePlace(x)
	}
	for _, x := range g.Institutions {
		st.institutions[x.ID] = cloneInstitution(x)
	}
	for _, x := range g.People {
		st.people[x.ID] = clonePerson(x)
	}
	for _, x := range g.Councils {
		st.councils[x.ID] = cloneCouncil(x)
	}
	for _, x := range g.Initiatives {
		st.initiatives[x.ID] = cloneInitiative(x)
	}
	for _, x := range g.Themes {
		st.themes[x.ID] = cloneTheme(x)
	}
	for _, x := range g.Sources {
		st.sources[x.ID] = cloneSource(x)
	}
	for _, x := range g.Publications {
		st.publications[x.ID] = clonePublication(x)
	}
	for _, x := range g.Meetings {
		st.meetings[x.ID] = cloneMeeting(x)
	}
	for _, x := range g.Recommendations {
		st.recommendations[x.ID] = cloneRecommendation(x)
	}
	for _, x := range g.Appearances {
		st.appearances[domain.AppearanceKey(x.MeetingID, x.PersonID)] = cloneAppearance(x)
	}
	st.putRedirects(g.Redirects)
}

// index rebuilds every index from the node maps. Writes are rare, so
// rebuilding whole (seconds at 10,000 meetings) is simpler than keeping
// indexes up to date, and they never disagree with the nodes.
func (st *state) index() {
	st.kinds = map[string]domain.Kind{}
	st.nameKeys = map[string][]string{}
	st.byName = map[string][]string{}
	named := func(k domain.Kind, id string, names ...string) {
		st.kinds[id] = k
		st.nameKeys[id] = domain.NameKeys(names[0], names[1:]...)
		if k == domain.KindSource {
			return // sources have no names: Lookup never finds them
		}
		for _, key := range st.nameKeys[id] {
			st.byName[key] = append(st.byName[key], id)
		}
	}
	for _, x := range st.countries {
		named(domain.KindCountry, x.ID, append([]string{x.Name}, x.Aliases...)...)
	}
	for _, x := range st.places {
		named(domain.KindPlace, x.ID, append([]string{x.Name}, x.Aliases...)...)
	}
	for _, x := range st.institutions {
		named(domain.KindInstitution, x.ID, append([]string{x.Name, x.ShortName}, x.Aliases...)...)
	}
	for _, x := range st.people {
		named(domain.KindPerson, x.ID, append([]string{x.Name}, x.Aliases...)...)
	}
	for _, x := range st.councils {
		named(domain.KindCouncil, x.ID, append([]string{x.Name, x.ShortName}, x.Aliases...)...)
	}
	for _, x := range st.initiatives {
		named(domain.KindInitiative, x.ID, append([]string{x.Name, x.ShortName}, x.Aliases...)...)
	}
	for _, x := range st.themes {
		named(domain.KindTheme, x.ID, append([]string{x.Name}, x.Aliases...)...)
	}
	for _, x := range st.sources {
		named(domain.KindSource, x.ID, x.Title)
	}
	for _, x := range st.publications {
		named(domain.KindPublication, x.ID, x.Title)
	}
	for _, x := range st.meetings {
		named(domain.KindMeeting, x.ID, x.Title)
	}
	for _, x := range st.recommendations {
		st.kinds[x.ID] = domain.KindRecommendation
	}
	for _, ids := range st.byName {
		slices.SortFunc(ids, func(a, b string) int {
			return cmp.Or(cmp.Compare(kindRank(st.kinds[a]), kindRank(st.kinds[b])), cmp.Compare(a, b))
		})
	}

	st.byDate = slices.Collect(maps.Values(st.meetings))
	dates := make(map[string]string, len(st.meetings)) // meeting ID -> date sort key
	for _, m := range st.byDate {
		dates[m.ID] = m.Date.SortKey()
	}
	slices.SortFunc(st.byDate, func(a, b *domain.Meeting) int {
		return cmp.Or(cmp.Compare(dates[a.ID], dates[b.ID]), cmp.Compare(a.ID, b.ID))
	})
	st.councilDates = map[string][]int32{}
	for i, m := range st.byDate {
		if m.CouncilID != "" {
			st.councilDates[m.CouncilID] = append(st.councilDates[m.CouncilID], int32(i))
		}
	}

	st.appsByMeeting = map[string][]*domain.Appearance{}
	st.appsByPerson = map[string][]*domain.Appearance{}
	for _, a := range st.appearances {
		st.appsByMeeting[a.MeetingID] = append(st.appsByMeeting[a.MeetingID], a)
		st.appsByPerson[a.PersonID] = append(st.appsByPerson[a.PersonID], a)
	}
	for _, as := range st.appsByMeeting {
		slices.SortFunc(as, func(a, b *domain.Appearance) int {
			return cmp.Or(cmp.Compare(domain.OrderKey(a.Order), domain.OrderKey(b.Order)), cmp.Compare(a.PersonID, b.PersonID))
		})
	}
	for _, as := range st.appsByPerson {
		slices.SortFunc(as, func(a, b *domain.Appearance) int {
			return cmp.Or(cmp.Compare(dates[a.MeetingID], dates[b.MeetingID]), cmp.Compare(a.MeetingID, b.MeetingID))
		})
	}

	st.recsByMeeting = map[string][]*domain.Recommendation{}
	for _, r := range st.recommendations {
		st.recsByMeeting[r.MeetingID] = append(st.recsByMeeting[r.MeetingID], r)
	}
	for _, rs := range st.recsByMeeting {
		slices.SortFunc(rs, func(a, b *domain.Recommendation) int {
			return cmp.Or(cmp.Compare(a.Order, b.Order), cmp.Compare(a.ID, b.ID))
		})
	}

	st.mentions = map[string]map[string]bool{}
	st.involved = map[string]map[string]bool{}
	for _, m := range st.meetings {
		mentioned := map[string]bool{}
		for _, id := range slices.Concat(m.InitiativeIDs, m.ThemeIDs) {
			mentioned[id] = true
		}
		for _, r := range st.recsByMeeting[m.ID] {
			for _, id := range slices.Concat(r.InitiativeIDs, r.ThemeIDs) {
				mentioned[id] = true
			}
		}
		st.mentions[m.ID] = mentioned
		inv := map[string]bool{}
		for _, id := range m.OrganizerIDs {
			inv[id] = true
		}
		for _, a := range st.appsByMeeting[m.ID] {
			if a.InstitutionID != "" {
				inv[a.InstitutionID] = true
			}
		}
		st.involved[m.ID] = inv
	}
	st.indexFacts()
	st.indexRecommendations()
	st.indexEdges()
	st.indexSearch()
	st.indexCounts()
}

// indexSearch prepares the searchable values of every node.
func (st *state) indexSearch() {
	st.searchable = nil
	add := func(id string, values []domain.SearchValue) {
		st.searchable = append(st.searchable, searchable{ref: st.ref(id), values: values})
	}
	for _, x := range st.countries {
		add(x.ID, domain.SearchValues(x.Name, "", x.Aliases, "", ""))
	}
	for _, x := range st.places {
		add(x.ID, domain.SearchValues(x.Name, "", x.Aliases, "", ""))
	}
	for _, x := range st.institutions {
		add(x.ID, domain.SearchValues(x.Name, x.ShortName, x.Aliases, "", ""))
	}
	for _, x := range st.people {
		add(x.ID, domain.SearchValues(x.Name, "", x.Aliases, "", ""))
	}
	for _, x := range st.councils {
		add(x.ID, domain.SearchValues(x.Name, x.ShortName, x.Aliases, "", ""))
	}
	for _, x := range st.initiatives {
		add(x.ID, domain.SearchValues(x.Name, x.ShortName, x.Aliases, "", ""))
	}
	for _, x := range st.themes {
		add(x.ID, domain.SearchValues(x.Name, "", x.Aliases, "", ""))
	}
	for _, x := range st.sources {
		add(x.ID, domain.SearchValues("", "", nil, x.Title, ""))
	}
	for _, x := range st.publications {
		add(x.ID, domain.SearchValues("", "", nil, x.Title, ""))
	}
	for _, x := range st.meetings {
		add(x.ID, domain.SearchValues("", "", nil, x.Title, ""))
	}
	for _, x := range st.recommendations {
		add(x.ID, domain.SearchValues("", "", nil, "", x.Text))
	}
}

// indexCounts counts what lists may be ordered by.
func (st *state) indexCounts() {
	st.mentionMeetings = map[string]int{}
	st.mentionRecs = map[string]int{}
	for _, subjects := range st.mentions {
		for id := range subjects {
			st.mentionMeetings[id]++
		}
	}
	for _, r := range st.recommendations {
		for _, id := range slices.Concat(r.InitiativeIDs, r.ThemeIDs) {
			st.mentionRecs[id]++
		}
	}
	people := map[string]map[string]bool{}
	for _, a := range st.appearances {
		if a.InstitutionID == "" {
			continue
		}
		if people[a.InstitutionID] == nil {
			people[a.InstitutionID] = map[string]bool{}
		}
		people[a.InstitutionID][a.PersonID] = true
	}
	st.speakers = map[string]int{}
	for id, ps := range people {
		st.speakers[id] = len(ps)
	}
	st.mentionedAt = map[string][]mention{}
	for _, m := range st.byDate {
		recs := map[string]int{} // subject -> recommendations of m that list it
		for _, r := range st.recsByMeeting[m.ID] {
			tags := slices.Concat(r.InitiativeIDs, r.ThemeIDs)
			for i, id := range tags {
				if !slices.Contains(tags[:i], id) { // once per recommendation
					recs[id]++
				}
			}
		}
		for id := range st.mentions[m.ID] {
			st.mentionedAt[id] = append(st.mentionedAt[id], mention{meeting: m, recs: int32(recs[id]), council: st.keys.of(m.CouncilID)})
		}
	}
	st.councilMeetings = map[string]int{}
	for _, m := range st.meetings {
		if m.CouncilID != "" {
			st.councilMeetings[m.CouncilID]++
		}
	}
}

// kindRank is the position of k in domain.AllKinds.
func kindRank(k domain.Kind) int { return slices.Index(domain.AllKinds, k) }

// kindOf returns the kind of a stored ID, "" if none: what Graph.Validate asks.
func (st *state) kindOf(id string) domain.Kind { return st.kinds[id] }

// ref returns the NodeRef of a stored ID.
func (st *state) ref(id string) domain.NodeRef {
	return domain.NodeRef{ID: id, Kind: st.kinds[id], Name: st.displayName(id)}
}

// displayName is a node's name for people: its name, a meeting's or a
// publication's title, a source's title (its URL when it has none), a
// recommendation's text.
func (st *state) displayName(id string) string {
	switch st.kinds[id] {
	case domain.KindCountry:
		return st.countries[id].Name
	case domain.KindPlace:
		return st.places[id].Name
	case domain.KindInstitution:
		return st.institutions[id].Name
	case domain.KindPerson:
		return st.people[id].Name
	case domain.KindCouncil:
		return st.councils[id].Name
	case domain.KindInitiative:
		return st.initiatives[id].Name
	case domain.KindTheme:
		return st.themes[id].Name
	case domain.KindSource:
		if s := st.sources[id]; s.Title != "" {
			return s.Title
		}
		return st.sources[id].URL
	case domain.KindPublication:
		return st.publications[id].Title
	case domain.KindMeeting:
		return st.meetings[id].Title
	case domain.KindRecommendation:
		return st.recommendations[id].Text
	}
	return ""
}

// batch answers a batch reader: one copy per ID, nil where unknown.
func batch[T any](s *Store, ids []string, nodes func(*state) map[string]*T, clone func(*T) *T) ([]*T, error) {
	st, err := s.current()
	if err != nil {
		return nil, err
	}
	m := nodes(st)
	out := make([]*T, len(ids))
	for i, id := range ids {
		if x, ok := m[st.redirected(id)]; ok {
			out[i] = clone(x)
		}
	}
	return out, nil
}

// related answers a relationship reader: one slice of copies per ID.
func related[T any](s *Store, ids []string, index func(*state) map[string][]*T, clone func(*T) *T) ([][]*T, error) {
	st, err := s.current()
	if err != nil {
		return nil, err
	}
	m := index(st)
	out := make([][]*T, len(ids))
	for i, id := range ids {
		out[i] = make([]*T, 0, len(m[id]))
		for _, x := range m[id] {
			out[i] = append(out[i], clone(x))
		}
	}
	return out, nil
}
