package domain

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

// RecurrenceFilter narrows a recurrence to a council and a period.
type RecurrenceFilter struct {
	CouncilID string
	Dates     DateRange
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

// PairQuery asks for weighted pairs.
type PairQuery struct {
	Kind      PairKind
	Scope     PairScope // initiative and theme pairs only; default RECOMMENDATION
	CouncilID string
	Dates     DateRange
	Limit     int // default 50, at most 500
}

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

// CountQuery asks for one aggregate over the meetings of a council and period.
type CountQuery struct {
	By        CountBy
	CouncilID string
	Dates     DateRange
}

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
