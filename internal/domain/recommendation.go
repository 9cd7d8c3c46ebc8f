package domain

// RecommendationKind says what a recommendation is.
type RecommendationKind string

// Recommendation kinds.
const (
	RecommendationConclusion RecommendationKind = "CONCLUSION"
	RecommendationProposal   RecommendationKind = "PROPOSAL"
	RecommendationAgreement  RecommendationKind = "AGREEMENT"
	RecommendationFollowUp   RecommendationKind = "FOLLOW_UP"
)

// RecommendationKinds lists every RecommendationKind.
var RecommendationKinds = []RecommendationKind{RecommendationConclusion, RecommendationProposal,
	RecommendationAgreement, RecommendationFollowUp}

// Recommendation is one conclusion, proposal, agreement or follow-up action of a meeting.
type Recommendation struct {
	ID            string
	MeetingID     string
	Kind          RecommendationKind
	Text          string
	Order         int      // position within the meeting's recommendations, from 1
	Paraphrase    bool     // the text paraphrases the source rather than quoting it
	AttributedTo  []string // person IDs the source credits with it
	InitiativeIDs []string // MENTIONS
	ThemeIDs      []string // ABOUT
	CountryIDs    []string // CONCERNS
	Sources       []SourceRef
}

// RecommendationFilter selects recommendations; set fields all must match,
// and so must every filter of And, at least one of Or (when given) and not Not.
type RecommendationFilter struct {
	MeetingID    string
	CouncilID    string
	Kind         RecommendationKind
	InitiativeID string
	ThemeID      string
	CountryID    string
	Dates        DateRange // the meeting's date

	And []RecommendationFilter
	Or  []RecommendationFilter
	Not *RecommendationFilter
}

// RecommendationSort orders recommendations.
type RecommendationSort string

// Recommendation orders: by the meeting's date, then by order within it.
const (
	RecommendationDateAsc  RecommendationSort = "DATE_ASC"
	RecommendationDateDesc RecommendationSort = "DATE_DESC"
)

// RecommendationQuery is a page of recommendations.
type RecommendationQuery struct {
	Filter RecommendationFilter
	Sort   RecommendationSort
	Page   PageRequest
}
