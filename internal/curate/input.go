package curate

import "github.com/expertgraph/expertgraph/internal/domain"

// The inputs of the write mutations (mutation.graphqls), bound by gqlgen.
// A nil pointer or list is a field left out: an existing node keeps what it
// has there; an empty string or list clears it. Sources given add to those a
// node has.

// RefInput names a node by ID or by name. An ID wins: a stored ID (or one
// merged into another, which leads to it) or one written in the same call; a
// name is resolved as Service.Resolve says.
type RefInput struct {
	ID   *string
	Name *string
}

// SourceRefInput cites a source: a stored one by ID or URL, or a new one
// described here (URL and publisher at least).
type SourceRefInput struct {
	Source    *string
	URL       *string
	Publisher *string
	Title     *string
	Published *domain.Date
	Language  *string
	Excerpt   *string
}

// CountryInput writes a country.
type CountryInput struct {
	ID      *string
	Name    *string
	Aliases []string
	Sources []*SourceRefInput
}

// PlaceInput writes a place.
type PlaceInput struct {
	ID      *string
	Name    *string
	Aliases []string
	Country *RefInput
	Sources []*SourceRefInput
}

// ThemeInput writes a theme of the taxonomy.
type ThemeInput struct {
	ID          *string
	Name        *string
	Description *string
	Aliases     []string
	Sources     []*SourceRefInput
}

// InitiativeInput writes an initiative.
type InitiativeInput struct {
	ID          *string
	Name        *string
	ShortName   *string
	Aliases     []string
	Kind        *domain.InitiativeKind
	Description *string
	Sources     []*SourceRefInput
}

// InstitutionInput writes an institution.
type InstitutionInput struct {
	ID        *string
	Name      *string
	ShortName *string
	Aliases   []string
	Kind      *domain.InstitutionKind
	Country   *RefInput
	Parent    *RefInput
	Sources   []*SourceRefInput
}

// AffiliationInput is a person's post.
type AffiliationInput struct {
	Institution *RefInput
	Title       *string
	From        *domain.Date
	To          *domain.Date
}

// PersonInput writes a person.
type PersonInput struct {
	ID           *string
	Name         *string
	Aliases      []string
	Country      *RefInput
	Affiliations []*AffiliationInput
	Sources      []*SourceRefInput
}

// CouncilInput writes a council.
type CouncilInput struct {
	ID          *string
	Name        *string
	ShortName   *string
	Aliases     []string
	Description *string
	Frequency   *string
	Founded     *domain.Date
	Countries   []*RefInput
	Organizers  []*RefInput
	Sources     []*SourceRefInput
}

// SourceInput writes a source (a report).
type SourceInput struct {
	ID        *string
	URL       *string
	Title     *string
	Publisher *string
	Published *domain.Date
	Language  *string
}

// PublicationInput writes a publication.
type PublicationInput struct {
	ID           *string
	Title        *string
	Kind         *string
	Status       *string
	Institutions []*RefInput
	Sources      []*SourceRefInput
}

// PublicationLinkInput ties a publication to a meeting.
type PublicationLinkInput struct {
	Publication *RefInput
	Relation    domain.PublicationRelation
}

// AppearanceInput writes a person's appearance at a meeting, whole.
type AppearanceInput struct {
	Meeting     *string // upsertAppearance only; inside a meeting, that meeting
	Person      *RefInput
	Roles       []domain.Role
	Title       *string
	Institution *RefInput
	Country     *RefInput
	Session     *string
	Order       *int
	Sources     []*SourceRefInput
}

// RecommendationInput writes a recommendation, whole.
type RecommendationInput struct {
	ID           *string
	Meeting      *string // upsertRecommendation only
	Kind         domain.RecommendationKind
	Text         string
	Order        *int
	Paraphrase   *bool
	AttributedTo []*RefInput
	Initiatives  []*RefInput
	Themes       []*RefInput
	Countries    []*RefInput
	Sources      []*SourceRefInput
}

// MeetingInput writes a meeting with its appearances and recommendations.
type MeetingInput struct {
	ID              string
	Council         *RefInput
	Ordinal         *int
	Title           *string
	Theme           *string
	ThemeVariants   []string
	Date            *domain.Date
	DateNote        *string
	Place           *RefInput
	Format          *string
	Organizers      []*RefInput
	Themes          []*RefInput
	Initiatives     []*RefInput
	Publications    []*PublicationLinkInput
	Sources         []*SourceRefInput
	Appearances     []*AppearanceInput
	Recommendations []*RecommendationInput
}

// GraphInput is a small batch written in one transaction: an import through
// the API.
type GraphInput struct {
	Countries       []*CountryInput
	Places          []*PlaceInput
	Institutions    []*InstitutionInput
	People          []*PersonInput
	Councils        []*CouncilInput
	Initiatives     []*InitiativeInput
	Themes          []*ThemeInput
	Sources         []*SourceInput
	Publications    []*PublicationInput
	Meetings        []*MeetingInput
	Appearances     []*AppearanceInput
	Recommendations []*RecommendationInput
}

// WriteResult says what a write did.
type WriteResult struct {
	Created []string // IDs and appearance keys created
	Updated []string // IDs and appearance keys rewritten
	Deleted []string // IDs and appearance keys removed
}
