package domain

import (
	"fmt"
	"slices"
)

// Recurrence says how often an initiative or a theme comes back across meetings.
type Recurrence struct {
	SubjectID           string
	MeetingCount        int // meetings that mention it, directly or through a recommendation
	RecommendationCount int
	FirstMention        *Mention // nil when never mentioned in the period
	LastMention         *Mention
	PerYear             []*YearCount    // ascending by year, years without mentions left out
	Councils            []*CouncilCount // by meetings descending, then council ID
}

// Recurring reports whether the subject came back: mentioned at two or more meetings.
func (r *Recurrence) Recurring() bool { return r.MeetingCount >= 2 }

// Mention is the meeting where a subject was mentioned, and its date.
type Mention struct {
	MeetingID string
	Date      Date
}

// YearCount counts a subject's mentions in one year.
type YearCount struct {
	Year            int
	Meetings        int
	Recommendations int
}

// CouncilCount counts a subject's mentions at the meetings of one council.
type CouncilCount struct {
	CouncilID       string
	Meetings        int
	Recommendations int
}

// RecurrenceFilter narrows a recurrence to the meetings of a council, held
// in a country, in a period. It is comparable, so that dataloaders can key on
// it.
type RecurrenceFilter struct {
	CouncilID string
	CountryID string
	Dates     DateRange
}

// Meetings returns the meetings the filter keeps, as a MeetingFilter.
func (f RecurrenceFilter) Meetings() MeetingFilter {
	return MeetingFilter{CouncilID: f.CouncilID, CountryID: f.CountryID, Dates: f.Dates}
}

// Args returns the IDs the filter is scoped to, which must exist.
func (f RecurrenceFilter) Args() []IDArg { return scopeArgs(f.CouncilID, f.CountryID) }

// RecurrenceArgs returns the IDs a recurrence is about (each an initiative or
// a theme) and scoped to, which must exist.
func RecurrenceArgs(ids []string, f RecurrenceFilter) []IDArg {
	args := make([]IDArg, 0, len(ids)+2)
	for i, id := range ids {
		args = append(args, IDArg{Field: fmt.Sprintf("ids[%d]", i), ID: id,
			Kinds: []Kind{KindInitiative, KindTheme}, Required: true})
	}
	return append(args, f.Args()...)
}

// CheckMaxHops checks the hop limit of a path query.
func CheckMaxHops(maxHops int) error {
	if maxHops < 1 || maxHops > MaxMaxHops {
		return Invalidf("maxHops", "must be 1 to %d (got %d)", MaxMaxHops, maxHops)
	}
	return nil
}

// PathArgs returns the ends of a path query, which must exist.
func PathArgs(fromID, toID string) []IDArg {
	return []IDArg{{Field: "from", ID: fromID, Required: true}, {Field: "to", ID: toID, Required: true}}
}

// scopeArgs returns the council and country an analytic query is scoped to.
func scopeArgs(councilID, countryID string) []IDArg {
	return []IDArg{{Field: "council", ID: councilID, Kinds: []Kind{KindCouncil}},
		{Field: "country", ID: countryID, Kinds: []Kind{KindCountry}}}
}

// scopeMeetings returns the meetings of a council, held in a country, in a
// period, that pass f as well.
func scopeMeetings(councilID, countryID string, dates DateRange, f MeetingFilter) MeetingFilter {
	m := MeetingFilter{CouncilID: councilID, CountryID: countryID, Dates: dates}
	if !f.IsZero() {
		m.And = []MeetingFilter{f}
	}
	return m
}

// PairKind says what a weighted pair links.
type PairKind string

// Pair kinds.
const (
	PairInitiativeInitiative   PairKind = "INITIATIVE_INITIATIVE"   // mentioned together
	PairInitiativeTheme        PairKind = "INITIATIVE_THEME"        // mentioned together
	PairThemeTheme             PairKind = "THEME_THEME"             // mentioned together
	PairPersonPerson           PairKind = "PERSON_PERSON"           // appeared at the same meeting
	PairInstitutionInstitution PairKind = "INSTITUTION_INSTITUTION" // organised or sent speakers to the same meeting
	PairInstitutionCouncil     PairKind = "INSTITUTION_COUNCIL"     // sent speakers to the council's meetings
)

// PairKinds lists every PairKind.
var PairKinds = []PairKind{PairInitiativeInitiative, PairInitiativeTheme, PairThemeTheme,
	PairPersonPerson, PairInstitutionInstitution, PairInstitutionCouncil}

// PairScope says what "together" means for initiative and theme pairs.
type PairScope string

// Pair scopes.
const (
	ScopeRecommendation PairScope = "RECOMMENDATION" // in the same recommendation
	ScopeMeeting        PairScope = "MEETING"        // at the same meeting (the meeting or any of its recommendations)
)

// PairQuery asks for weighted pairs, counted over the meetings of a council,
// held in a country, in a period, that pass Filter.
type PairQuery struct {
	Kind      PairKind
	Scope     PairScope // initiative and theme pairs only; default RECOMMENDATION
	CouncilID string
	CountryID string
	Dates     DateRange
	Filter    MeetingFilter
	Limit     int // default 50, at most 500
}

// Pair limits.
const (
	DefaultPairLimit = 50
	MaxPairLimit     = 500
)

// Check checks the kind, scope and limit of q and returns the limit with the
// default made explicit.
func (q PairQuery) Check() (int, error) {
	if !slices.Contains(PairKinds, q.Kind) {
		return 0, Invalidf("kind", "unknown pair kind %q; use one of %v", q.Kind, PairKinds)
	}
	if q.Scope != "" && q.Scope != ScopeRecommendation && q.Scope != ScopeMeeting {
		return 0, Invalidf("scope", "unknown scope %q; use %s or %s", q.Scope, ScopeRecommendation, ScopeMeeting)
	}
	switch {
	case q.Limit == 0:
		return DefaultPairLimit, nil
	case q.Limit < 0 || q.Limit > MaxPairLimit:
		return 0, Invalidf("limit", "must be 1 to %d (got %d)", MaxPairLimit, q.Limit)
	}
	return q.Limit, nil
}

// Meetings returns the meetings the pairs are counted over.
func (q PairQuery) Meetings() MeetingFilter {
	return scopeMeetings(q.CouncilID, q.CountryID, q.Dates, q.Filter)
}

// Args returns the IDs the query is scoped to, which must exist.
func (q PairQuery) Args() []IDArg { return scopeArgs(q.CouncilID, q.CountryID) }

// WeightedPair links two nodes with a weight: how many recommendations or
// meetings (or, for INSTITUTION_COUNCIL, appearances) they share. For pairs
// of one kind A.ID < B.ID.
type WeightedPair struct {
	A      NodeRef
	B      NodeRef
	Weight int
}

// CountBy names a dashboard aggregate.
type CountBy string

// Aggregates.
const (
	MeetingsPerYear              CountBy = "MEETINGS_PER_YEAR"
	MeetingsPerCouncil           CountBy = "MEETINGS_PER_COUNCIL"
	MeetingsPerCountry           CountBy = "MEETINGS_PER_COUNTRY"
	MeetingsPerCity              CountBy = "MEETINGS_PER_CITY"
	RecommendationsPerTheme      CountBy = "RECOMMENDATIONS_PER_THEME"
	RecommendationsPerInitiative CountBy = "RECOMMENDATIONS_PER_INITIATIVE"
	RecommendationsPerKind       CountBy = "RECOMMENDATIONS_PER_KIND"
	SpeakersPerCountry           CountBy = "SPEAKERS_PER_COUNTRY"
	SpeakersPerInstitution       CountBy = "SPEAKERS_PER_INSTITUTION"
)

// CountBys lists every CountBy.
var CountBys = []CountBy{MeetingsPerYear, MeetingsPerCouncil, MeetingsPerCountry, MeetingsPerCity,
	RecommendationsPerTheme, RecommendationsPerInitiative, RecommendationsPerKind,
	SpeakersPerCountry, SpeakersPerInstitution}

// CountQuery asks for one aggregate over the meetings of a council, held in a
// country, in a period, that pass Filter.
type CountQuery struct {
	By        CountBy
	CouncilID string
	CountryID string
	Dates     DateRange
	Filter    MeetingFilter
}

// Check checks that q names a known aggregate.
func (q CountQuery) Check() error {
	if !slices.Contains(CountBys, q.By) {
		return Invalidf("by", "unknown aggregate %q; use one of %v", q.By, CountBys)
	}
	return nil
}

// Meetings returns the meetings the aggregate counts over.
func (q CountQuery) Meetings() MeetingFilter {
	return scopeMeetings(q.CouncilID, q.CountryID, q.Dates, q.Filter)
}

// Args returns the IDs the query is scoped to, which must exist.
func (q CountQuery) Args() []IDArg { return scopeArgs(q.CouncilID, q.CountryID) }

// KeyCount is one bar of a dashboard: a key (a year, an ID or an enum value),
// its label (a name) and a count. Speakers are distinct people; a speaker's
// country is the person's country, a speaker's institution the one of each
// appearance.
type KeyCount struct {
	Key   string
	Label string
	Count int
}

// Edge types of the graph that paths travel through (sources are left out:
// every fact is reported by one, and paths through them say nothing).
const (
	EdgePartOf         = "PART_OF"         // meeting -> council
	EdgeHeldIn         = "HELD_IN"         // meeting -> place
	EdgeOrganizedBy    = "ORGANIZED_BY"    // meeting or council -> institution
	EdgeAppearedAt     = "APPEARED_AT"     // person -> meeting
	EdgeAffiliatedWith = "AFFILIATED_WITH" // person -> institution (affiliations and appearances)
	EdgeProduced       = "PRODUCED"        // meeting -> recommendation
	EdgeMentions       = "MENTIONS"        // meeting or recommendation -> initiative
	EdgeAbout          = "ABOUT"           // meeting or recommendation -> theme
	EdgeConcerns       = "CONCERNS"        // recommendation -> country
	EdgeBetween        = "BETWEEN"         // council -> country
	EdgeBasedIn        = "BASED_IN"        // institution -> country
	EdgeLocatedIn      = "LOCATED_IN"      // place -> country
	EdgeCitizenOf      = "CITIZEN_OF"      // person -> country
	EdgePresented      = "PRESENTED"       // meeting -> publication
	EdgeAnnounced      = "ANNOUNCED"       // meeting -> publication
	EdgePublishedBy    = "PUBLISHED_BY"    // publication -> institution
)

// Hop limits of a path query.
const (
	DefaultMaxHops = 6
	MaxMaxHops     = 10
	MaxPaths       = 10
)

// Path is a chain of nodes joined by edges; Edges[i] joins Nodes[i] and Nodes[i+1].
type Path struct {
	Nodes []NodeRef
	Edges []PathEdge
}

// PathEdge is one hop: its type and the IDs at its two ends, in the edge's own
// direction (From -[Type]-> To), whichever way the path walks it.
type PathEdge struct {
	Type string
	From string
	To   string
}
