// Package storetest is the contract suite of domain.Store, in the shape of
// testing/fstest.TestFS: a store's test file is one call,
//
//	func TestContract(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) domain.Store { ... })
//	}
//
// It writes a small hand-made graph (Fixture) into fresh stores and checks every
// sentence of the Store interface's doc comments, method by method, with
// expected values worked out by hand. A store that cannot pass a case has a
// bug; there is no skip list.
//
// Where the domain's doc comments leave a detail open, the suite fixes the
// simplest sensible rule, says so in a comment next to the test that checks it
// ("Rule: ..."), and every store must follow it:
//
//   - Batch readers answer a repeated ID each time, and nil for "" and for an
//     ID of another kind.
//   - No order is the ascending order: their cursors serve each other.
//   - Descending orders descend on the sort key only; items with equal keys
//     stay in ascending ID order, as domain.Cursor.After walks them.
//   - ListRecommendations sorts on the key (meeting date, meeting ID, order):
//     DATE_DESC reverses all three (a meeting's last recommendation first).
//   - Name filters (CouncilFilter.Name, ...) match when the normalised filter
//     is contained in a normalised name, short name or alias (the title of
//     publications and sources); a filter that normalises to "" matches all.
//   - MeetingFilter.ThemeID, like InitiativeID, matches a theme listed by the
//     meeting or by one of its recommendations; RecommendationFilter's
//     InitiativeID and ThemeID match the recommendation's own lists only.
//   - PersonFilter.CountryID is the person's country (not an appearance's);
//     each field of a PersonFilter is a condition on the person alone, so Role
//     and CouncilID may be met at different meetings.
//   - Lists inside a node (aliases, IDs, roles, sources, affiliations,
//     publication links) come back in the order they were written.
//   - A node's display name (NodeRef.Name) is its Name; a meeting's or a
//     publication's Title; a source's Title, or its URL when it has none; a
//     recommendation's Text.
//   - Lookup matches councils, institutions and initiatives by name, short
//     name and aliases; people, countries, places and themes by name and
//     aliases; meetings and publications by title. A name that normalises to
//     "" is EINVALID like an empty one; the 200 characters are runes; an
//     unknown kind is EINVALID.
//   - Recurrence, Pairs and Count take a meeting into a period when the period
//     overlaps its date (DateRange.Contains), as ListMeetings does.
//     Recurrence.SubjectID is the ID asked for.
//   - An ID an analytic method is about or scoped to (Recurrence's IDs and
//     council and country, Pairs' and Count's council and country,
//     ShortestPaths' ends) must name a node of the kind expected: EINVALID
//     otherwise. An ID in a filter (list filters, PairQuery.Filter,
//     CountQuery.Filter) only matches nothing.
//   - Combined filters (And, Or, Not), SpeakerInstitutionID and
//     AttendedAllOf: see testFilters. Orders by counts: see testSorts.
//     Search: see testSearch.
//   - Pairs: Limit 0 means 50, above 500 or negative is EINVALID; only pairs of
//     weight 1 or more exist; Scope is ignored by the kinds it does not apply
//     to, but must be a known value. Weights: see testPairs.
//   - Count keys and labels: see testCount. Nothing is counted 0.
//   - Cursors are the same on every store (domain.Cursor with the keys the
//     domain defines: SortKeyName, Date.SortKey, CountKey, "date meeting
//     order" for recommendations), though the suite only checks that each
//     store's cursors serve that store.
//   - ShortestPaths: a path from a node to itself is the node alone (no edges);
//     a known node without path edges (a source, an unmentioned theme) is not
//     connected; maxHops is checked before the IDs. Institution.ParentID,
//     Recommendation.AttributedTo and Appearance.CountryID make no edges.
//   - Stats.Nodes has an entry for every kind, 0 included.
//   - Upsert never deletes: writing a node replaces its fields and the links it
//     holds (a meeting's place, organisers, ...), but keeps the links other
//     nodes hold to it and the appearances and recommendations of a meeting.
//     A refused Upsert's error is a *domain.ValidationError.
//   - Delete refuses whenever a node or appearance that stays refers to one
//     deleted, even if the referrer would still validate (curation.go);
//     refused, failed or unaudited writes append no audit entry.
package storetest

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// Run checks a store against the contract. newStore must return a fresh,
// empty store on every call (a Neo4j store gives a cleaned database) and
// close it when t ends (t.Cleanup); the suite calls it once per group of
// read-only tests and once per test that writes.
func Run(t *testing.T, newStore func(t *testing.T) domain.Store) {
	s := &suite{newStore: newStore}
	for _, c := range []struct {
		name string
		run  func(*testing.T, *suite)
	}{
		{"Store", testStore},
		{"Council", testCouncils},
		{"Meeting", testMeetings},
		{"Person", testPeople},
		{"Institution", testInstitutions},
		{"Country", testCountries},
		{"Place", testPlaces},
		{"Initiative", testInitiatives},
		{"Theme", testThemes},
		{"Recommendation", testRecommendations},
		{"Publication", testPublications},
		{"Source", testSources},
		{"Resolve", testResolve},
		{"Lookup", testLookup},
		{"Search", testSearch},
		{"Filters", testFilters},
		{"Sorts", testSorts},
		{"Recurrence", testRecurrence},
		{"Include", testInclude},
		{"Pairs", testPairs},
		{"Count", testCount},
		{"ShortestPaths", testShortestPaths},
		{"Graph", testGraph},
		{"Page", testPages},
		{"Delete", testDelete},
		{"Merge", testMerge},
		{"Redirects", testRedirects},
		{"Audit", testAudit},
	} {
		t.Run(c.name, func(t *testing.T) { c.run(t, s) })
	}
}

type suite struct {
	newStore func(t *testing.T) domain.Store
}

// empty returns a fresh store.
func (s *suite) empty(t *testing.T) domain.Store {
	t.Helper()
	st := s.newStore(t)
	if st == nil {
		t.Fatal("newStore returned nil")
	}
	return st
}

// loaded returns a fresh store holding the fixture.
func (s *suite) loaded(t *testing.T) domain.Store {
	t.Helper()
	st := s.empty(t)
	if err := st.Upsert(t.Context(), Fixture()); err != nil {
		t.Fatalf("Upsert(Fixture()): %v", err)
	}
	return st
}

func testStore(t *testing.T, s *suite) {
	st := s.empty(t)
	if err := st.Ping(t.Context()); err != nil {
		t.Errorf("Ping on a fresh store: %v", err)
	}
	stats, err := st.Stats(t.Context())
	if err != nil {
		t.Fatalf("Stats: %v", err)
	}
	if !stats.Empty() {
		t.Errorf("a fresh store is not empty: %+v", stats)
	}
}

// opts compare domain values: nil and empty slices are alike, since GraphQL
// shows both as [].
var opts = []cmp.Option{cmpopts.EquateEmpty()}

// check reports a difference between want and got.
func check(t *testing.T, what string, got, want any, extra ...cmp.Option) {
	t.Helper()
	if diff := cmp.Diff(want, got, append(slices.Clone(opts), extra...)...); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", what, diff)
	}
}

// wantCode checks that err carries the domain error code want.
func wantCode(t *testing.T, what string, err error, want string) {
	t.Helper()
	if got := domain.ErrorCode(err); got != want {
		t.Errorf("%s: error code %q (err %v), want %q", what, got, err, want)
	}
}

// must stops the test on an unexpected error.
func must(t *testing.T, what string, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

func ptr[T any](v T) *T { return &v }

// first asks for n items.
func first(n int) domain.PageRequest { return domain.PageRequest{First: ptr(n)} }

// reversed returns ids in the opposite order.
func reversed(ids []string) []string {
	out := slices.Clone(ids)
	slices.Reverse(out)
	return out
}

// pick returns the items of xs with the given IDs, in the order of ids, nil
// where an ID is not in xs.
func pick[T any](xs []*T, id func(*T) string, ids ...string) []*T {
	out := make([]*T, len(ids))
	for i, want := range ids {
		for _, x := range xs {
			if id(x) == want {
				out[i] = x
			}
		}
	}
	return out
}

// one returns the item of xs with the given ID, failing the test if none.
func one[T any](t *testing.T, xs []*T, id func(*T) string, want string) *T {
	t.Helper()
	x := pick(xs, id, want)[0]
	if x == nil {
		t.Fatalf("the fixture has no %q", want)
	}
	return x
}

// ref returns the NodeRef of a fixture node.
//
// Rule: a node's display name is its Name; a meeting's and a publication's
// Title; a source's Title, or its URL when it has none; a recommendation's Text.
func ref(g *domain.Graph, id string) domain.NodeRef {
	kind := g.Kinds()[id]
	name := ""
	switch kind {
	case domain.KindCountry:
		name = pick(g.Countries, countryID, id)[0].Name
	case domain.KindPlace:
		name = pick(g.Places, placeID, id)[0].Name
	case domain.KindInstitution:
		name = pick(g.Institutions, institutionID, id)[0].Name
	case domain.KindPerson:
		name = pick(g.People, personID, id)[0].Name
	case domain.KindCouncil:
		name = pick(g.Councils, councilID, id)[0].Name
	case domain.KindInitiative:
		name = pick(g.Initiatives, initiativeID, id)[0].Name
	case domain.KindTheme:
		name = pick(g.Themes, themeID, id)[0].Name
	case domain.KindSource:
		src := pick(g.Sources, sourceID, id)[0]
		name = src.Title
		if name == "" {
			name = src.URL
		}
	case domain.KindPublication:
		name = pick(g.Publications, publicationID, id)[0].Title
	case domain.KindMeeting:
		name = pick(g.Meetings, meetingID, id)[0].Title
	case domain.KindRecommendation:
		name = pick(g.Recommendations, recommendationID, id)[0].Text
	default:
		panic(fmt.Sprintf("the fixture has no node %q", id))
	}
	return domain.NodeRef{ID: id, Kind: kind, Name: name}
}

// ID getters of each kind.
func countryID(x *domain.Country) string               { return x.ID }
func placeID(x *domain.Place) string                   { return x.ID }
func institutionID(x *domain.Institution) string       { return x.ID }
func personID(x *domain.Person) string                 { return x.ID }
func councilID(x *domain.Council) string               { return x.ID }
func initiativeID(x *domain.Initiative) string         { return x.ID }
func themeID(x *domain.Theme) string                   { return x.ID }
func sourceID(x *domain.Source) string                 { return x.ID }
func publicationID(x *domain.Publication) string       { return x.ID }
func meetingID(x *domain.Meeting) string               { return x.ID }
func recommendationID(x *domain.Recommendation) string { return x.ID }

// page is what the suite compares of a Connection: the IDs in order, the
// total and the page flags. Cursors are opaque and compared only to each other.
type page struct {
	IDs     []string
	Total   int
	HasNext bool
	HasPrev bool

	cursors    []string
	start, end *string
}

// toPage reads a connection.
func toPage[T any](c *domain.Connection[T], err error, id func(T) string) (*page, error) {
	if err != nil {
		return nil, err
	}
	if c == nil || c.PageInfo == nil {
		return nil, fmt.Errorf("the connection or its PageInfo is nil")
	}
	p := &page{IDs: []string{}, Total: c.TotalCount, HasNext: c.PageInfo.HasNextPage, HasPrev: c.PageInfo.HasPreviousPage,
		start: c.PageInfo.StartCursor, end: c.PageInfo.EndCursor}
	for _, e := range c.Edges {
		p.IDs = append(p.IDs, id(e.Node))
		p.cursors = append(p.cursors, e.Cursor)
	}
	return p, nil
}

// checkPage compares the visible parts of a page.
func checkPage(t *testing.T, what string, got *page, want page) {
	t.Helper()
	check(t, what, *got, want, cmpopts.IgnoreUnexported(page{}))
}

// checkFilter lists with a filter in both orders, asking for the maximum page,
// and compares the IDs (desc nil: the reverse of asc) and the total.
func checkFilter(t *testing.T, asc, desc []string, list func(sort string) (*page, error)) {
	t.Helper()
	if desc == nil {
		desc = reversed(asc)
	}
	for _, c := range []struct {
		sort string
		want []string
	}{{"ASC", asc}, {"DESC", desc}} {
		got, err := list(c.sort)
		if err != nil {
			t.Errorf("%s: %v", c.sort, err)
			continue
		}
		checkPage(t, c.sort, got, page{IDs: c.want, Total: len(c.want)})
	}
}

// nameSort maps the suite's orders to a NameSort; anything else passes through.
func nameSort(s string) domain.NameSort {
	switch s {
	case "ASC":
		return domain.NameAsc
	case "DESC":
		return domain.NameDesc
	}
	return domain.NameSort(s)
}

// listCase drives one list method for the pagination tests in page.go.
type listCase struct {
	name      string
	asc, desc []string // every item of the fixture, in each order
	list      func(ctx context.Context, s domain.Store, a listArgs) (*page, error)
}

// listArgs are the arguments of a listCase call.
type listArgs struct {
	sort string // "", "ASC", "DESC", or an unknown order
	alt  bool   // apply the list's alternative filter
	page domain.PageRequest
}

// lists returns a listCase for every list method.
func lists() []listCase {
	return append([]listCase{councilList(), meetingList(), personList(), institutionList(), countryList(), placeList(),
		initiativeList(), themeList(), recommendationList(), publicationList(), sourceList()}, countLists()...)
}

// checkBatch runs a batch reader on ids and compares the result.
func checkBatch[T any](t *testing.T, what string, read func(context.Context, []string) ([]*T, error), ids []string, want []*T) {
	t.Helper()
	got, err := read(t.Context(), ids)
	if err != nil {
		t.Errorf("%s(%q): %v", what, ids, err)
		return
	}
	if len(got) != len(ids) {
		t.Errorf("%s(%q) returned %d items, want %d", what, ids, len(got), len(ids))
	}
	check(t, fmt.Sprintf("%s(%q)", what, ids), got, want)
}

// batchCases checks a batch reader with the sentences of the contract: same
// length and order as ids, nil for unknown IDs, no ENOTFOUND, duplicates
// answered twice, an empty request answered with an empty slice.
func batchCases[T any](t *testing.T, what string, read func(context.Context, []string) ([]*T, error), all []*T, id func(*T) string) {
	t.Helper()
	var ids []string
	for _, x := range all {
		ids = append(ids, id(x))
	}
	rev := reversed(ids)
	t.Run("all", func(t *testing.T) { checkBatch(t, what, read, ids, pick(all, id, ids...)) })
	t.Run("reversed", func(t *testing.T) { checkBatch(t, what, read, rev, pick(all, id, rev...)) })
	mixed := []string{ids[len(ids)-1], "no-such-id", ids[0], ids[len(ids)-1], ""}
	t.Run("unknown and repeated", func(t *testing.T) { checkBatch(t, what, read, mixed, pick(all, id, mixed...)) })
	t.Run("only unknown", func(t *testing.T) {
		checkBatch(t, what, read, []string{"no-such-id"}, []*T{nil})
	})
	t.Run("none", func(t *testing.T) { checkBatch(t, what, read, []string{}, []*T{}) })
	// Another kind's ID is unknown to this reader.
	other := "raec-5"
	if _, isMeeting := any((*T)(nil)).(*domain.Meeting); isMeeting {
		other = "raec"
	}
	t.Run("another kind", func(t *testing.T) { checkBatch(t, what, read, []string{other}, []*T{nil}) })
}
