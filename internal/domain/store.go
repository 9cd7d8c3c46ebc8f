package domain

import "context"

// Store is the graph of expert meetings, as every backend keeps it. The
// sentences below are the contract: internal/storetest checks each of them on
// every store.
//
// Batch readers (Councils, Meetings, ... , Resolve) return a slice of the same
// length as ids, in the same order, with nil where an ID is unknown; they
// never return ENOTFOUND. An ID merged into another (Merge) answers the node
// it was merged into, whose ID differs from the one asked. Relationship
// readers (AppearancesByMeeting, ...) return one slice per ID, empty for an
// unknown ID.
//
// List methods return EINVALID when first is negative or above MaxPageSize,
// when after is not a cursor of the same list, order and filter, when a date
// range is inverted, when an enum value is unknown, or when a combined filter
// (And, Or, Not) breaks MaxFilterDepth or MaxFilterClauses. TotalCount counts
// every match, ignoring first and after. An ID in a list filter is a
// condition: one that names nothing matches nothing.
//
// Analytic methods (Recurrence, Pairs, Count, ShortestPaths) return EINVALID
// when an ID they are about or scoped to (IDArg: a subject, a path's end, a
// council, a country) names no node of the kind expected, saying which.
//
// Every reference a stored node or appearance holds names a stored node of
// the kind expected: Upsert refuses an unknown one, Delete a node still
// referred to, and Merge rewrites references to the kept node. Readers never
// return a dangling reference.
//
// Every method returns EUNAVAILABLE when the backend does not answer.
type Store interface {
	// Ping returns nil when the store can serve requests.
	Ping(ctx context.Context) error
	// Close releases the store's resources.
	Close(ctx context.Context) error

	Councils(ctx context.Context, ids []string) ([]*Council, error)
	Meetings(ctx context.Context, ids []string) ([]*Meeting, error)
	People(ctx context.Context, ids []string) ([]*Person, error)
	Institutions(ctx context.Context, ids []string) ([]*Institution, error)
	Countries(ctx context.Context, ids []string) ([]*Country, error)
	Places(ctx context.Context, ids []string) ([]*Place, error)
	Initiatives(ctx context.Context, ids []string) ([]*Initiative, error)
	Themes(ctx context.Context, ids []string) ([]*Theme, error)
	Recommendations(ctx context.Context, ids []string) ([]*Recommendation, error)
	Publications(ctx context.Context, ids []string) ([]*Publication, error)
	Sources(ctx context.Context, ids []string) ([]*Source, error)
	// Resolve returns the kind and name of each ID, whatever its kind.
	Resolve(ctx context.Context, ids []string) ([]*NodeRef, error)

	// AppearancesByMeeting returns each meeting's appearances ordered by
	// Order (appearances of unknown order, 0, come last), then person ID.
	AppearancesByMeeting(ctx context.Context, meetingIDs []string) ([][]*Appearance, error)
	// AppearancesByPerson returns each person's appearances ordered by the
	// meeting's date, then meeting ID.
	AppearancesByPerson(ctx context.Context, personIDs []string) ([][]*Appearance, error)
	// RecommendationsByMeeting returns each meeting's recommendations ordered
	// by Order, then ID.
	RecommendationsByMeeting(ctx context.Context, meetingIDs []string) ([][]*Recommendation, error)

	// MeetingsWith, PeopleWith, AppearancesByMeetingWith,
	// AppearancesByPersonWith, ListRecommendationsWith and RecurrenceWith
	// answer as the method without With does (PeopleWith as People) and
	// also return, read in the same transaction, the nodes of the kinds in
	// with that the answer refers to, as Include follows references, each
	// collection of the Graph ordered by ID (the others empty), those of
	// the kinds in with.Lean Lean, those of the kinds with.Fields names (and,
	// from MeetingsWith and PeopleWith, the answer's own) Project-ed;
	// MeetingsWith and PeopleWith return the appearances of what they found
	// too when with.Appearances says so. They
	// let a GraphQL query read a level of its answer and what the next
	// levels ask for in one round trip. EINVALID for a kind not in
	// IncludeKinds.
	MeetingsWith(ctx context.Context, ids []string, with With) ([]*Meeting, *Graph, error)
	PeopleWith(ctx context.Context, ids []string, with With) ([]*Person, *Graph, error)
	AppearancesByMeetingWith(ctx context.Context, meetingIDs []string, with With) ([][]*Appearance, *Graph, error)
	AppearancesByPersonWith(ctx context.Context, personIDs []string, with With) ([][]*Appearance, *Graph, error)
	ListRecommendationsWith(ctx context.Context, q RecommendationQuery, with With) (*RecommendationConnection, *Graph, error)
	RecurrenceWith(ctx context.Context, ids []string, f RecurrenceFilter, with With) ([]*Recurrence, *Graph, error)

	// ListMeetings orders by date (then ID) unless asked to order by speakers;
	// ListPeople, ListInstitutions, ListInitiatives and ListThemes by
	// normalised name unless asked to order by a count (Order); the other
	// lists by normalised name (then ID); ListRecommendations by meeting
	// date, then meeting ID, then order. A count order is by the count, then
	// ID, and its cursors are keyset cursors on (count, ID) like the others.
	ListCouncils(ctx context.Context, q CouncilQuery) (*CouncilConnection, error)
	ListMeetings(ctx context.Context, q MeetingQuery) (*MeetingConnection, error)
	ListPeople(ctx context.Context, q PersonQuery) (*PersonConnection, error)
	ListInstitutions(ctx context.Context, q InstitutionQuery) (*InstitutionConnection, error)
	ListCountries(ctx context.Context, q CountryQuery) (*CountryConnection, error)
	ListPlaces(ctx context.Context, q PlaceQuery) (*PlaceConnection, error)
	ListInitiatives(ctx context.Context, q InitiativeQuery) (*InitiativeConnection, error)
	ListThemes(ctx context.Context, q ThemeQuery) (*ThemeConnection, error)
	ListRecommendations(ctx context.Context, q RecommendationQuery) (*RecommendationConnection, error)
	ListPublications(ctx context.Context, q PublicationQuery) (*PublicationConnection, error)
	ListSources(ctx context.Context, q SourceQuery) (*SourceConnection, error)

	// Lookup returns the nodes of the given kinds (all kinds when empty)
	// whose name, short name, alias or title normalises (NormalizeName) to
	// the same text as name, ordered by kind (as in AllKinds), then ID.
	// Recommendations and sources have no names and are never found. It
	// returns EINVALID for an empty name or one over 200 characters.
	Lookup(ctx context.Context, name string, kinds []Kind) ([]*NodeRef, error)

	// Search returns the nodes of q.Kinds (all kinds when empty) whose name,
	// short name, alias or title, or (recommendations) text, matches q.Text
	// as Searcher.Match decides, ranked by Searcher.Page: best first, in
	// pages. It returns EINVALID for a text without letters or digits or
	// over MaxSearchLength characters, an unknown kind, or a cursor of
	// another search.
	Search(ctx context.Context, q SearchQuery) (*SearchConnection, error)

	// Recurrence returns, for each initiative or theme ID, how often it was
	// mentioned (by a meeting or by a recommendation) at the meetings that
	// pass the filter. EINVALID if an ID is not an initiative or a theme, or
	// the filter's council or country is unknown.
	Recurrence(ctx context.Context, ids []string, f RecurrenceFilter) ([]*Recurrence, error)
	// Pairs returns weighted pairs ordered by weight descending, then A.ID,
	// then B.ID, at most Limit of them, over the meetings q.Meetings keeps.
	Pairs(ctx context.Context, q PairQuery) ([]*WeightedPair, error)
	// Count returns an aggregate over the meetings q.Meetings keeps, ordered
	// by count descending, then key; MEETINGS_PER_YEAR is ordered by year
	// ascending instead.
	Count(ctx context.Context, q CountQuery) ([]*KeyCount, error)
	// Counts answers several Count queries in one read (a dashboard's
	// charts), each as Count would; when any of them would fail, it fails
	// with the error of the first such.
	Counts(ctx context.Context, qs []CountQuery) ([][]*KeyCount, error)
	// ShortestPaths returns up to MaxPaths shortest paths from one node to
	// another within maxHops edges, ordered by their node IDs; none if the
	// two are not connected within maxHops. EINVALID if maxHops is not
	// 1..MaxMaxHops (checked first) or either ID is unknown.
	ShortestPaths(ctx context.Context, fromID, toID string, maxHops int) ([]*Path, error)

	// Upsert writes every node and link of g, all or nothing, replacing the
	// nodes of the same IDs (and appearances of the same meeting and person)
	// wholesale; writing the same graph twice leaves the store as once.
	// References to a merged ID are written to the node it was merged into.
	// g's Redirects are written too, as Merge would leave them (a chain led
	// to its end), so that an Export written elsewhere keeps its merged IDs
	// resolving; EINVALID for one from an ID that names a node, to an
	// unknown node or one of a kind never merged, of an ID redirected twice,
	// in a circle, or already redirected elsewhere by the store.
	// EINVALID (with every problem found) if g does not validate against
	// itself and what the store holds.
	Upsert(ctx context.Context, g *Graph) error
	// Delete removes the nodes of ids with the links they hold, all or
	// nothing; an ID may also be an appearance key "meeting/person". A
	// meeting goes with its appearances and recommendations, a person with
	// their appearances. ECONFLICT (a *NodesError listing the referrers) if
	// a node or appearance that is not deleted too still refers to one that
	// is (a council's meetings, a source's citations, ...); ENOTFOUND if an
	// ID names nothing stored (a merged ID included); EINVALID for no IDs or
	// a malformed one. Redirects to a deleted node are removed with it.
	Delete(ctx context.Context, ids []string) error
	// Merge merges the nodes of mergeIDs into keepID, all of kind (PERSON,
	// INSTITUTION or INITIATIVE), as domain.PlanMerge says: every link,
	// alias (the merged names become aliases) and source moves to keepID,
	// the merged nodes are deleted, and each merged ID is redirected to
	// keepID, so that batch readers and Resolve answer the kept node for it
	// and Upsert rewrites references to it (a node written with a merged ID
	// is EINVALID). Merging an ID already merged into keepID does nothing.
	// EINVALID for another kind, an ID of another kind, keepID among
	// mergeIDs, no mergeIDs; ENOTFOUND for an unknown ID.
	Merge(ctx context.Context, kind Kind, keepID string, mergeIDs []string) error
	// ListAudit returns the audit log, newest first (entries of the same
	// instant by ID). Upsert, Delete and Merge append one AuditEntry in the
	// same transaction as the change when ctx carries one (WithAudit): the
	// store sets its ID, time and the IDs created, updated and deleted.
	// EINVALID for an inverted time range.
	ListAudit(ctx context.Context, q AuditQuery) (*AuditConnection, error)

	// Export returns the whole graph, each collection ordered by ID
	// (appearances by meeting ID, then person ID), with the redirects that
	// merges left.
	Export(ctx context.Context) (*Graph, error)
	// Stats counts the nodes of each kind.
	Stats(ctx context.Context) (Stats, error)
}

// Stats counts nodes per kind, and appearances.
type Stats struct {
	Nodes       map[Kind]int
	Appearances int
}

// Empty reports whether the store holds nothing.
func (s Stats) Empty() bool {
	for _, n := range s.Nodes {
		if n > 0 {
			return false
		}
	}
	return s.Appearances == 0
}
