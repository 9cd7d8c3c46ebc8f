package domain

// InitiativeKind classifies initiatives.
type InitiativeKind string

// Initiative kinds.
const (
	InitiativeCorridor     InitiativeKind = "CORRIDOR"
	InitiativePlatform     InitiativeKind = "PLATFORM"
	InitiativeOrganisation InitiativeKind = "ORGANISATION"
	InitiativeAgreement    InitiativeKind = "AGREEMENT"
	InitiativeProcess      InitiativeKind = "PROCESS"
	InitiativeEvent        InitiativeKind = "EVENT"
	InitiativeOther        InitiativeKind = "OTHER"
)

// InitiativeKinds lists every InitiativeKind.
var InitiativeKinds = []InitiativeKind{InitiativeCorridor, InitiativePlatform, InitiativeOrganisation,
	InitiativeAgreement, InitiativeProcess, InitiativeEvent, InitiativeOther}

// Initiative is a project, corridor, forum, organisation or format that
// meetings discuss: the International North–South Transport Corridor (INSTC).
type Initiative struct {
	ID          string
	Name        string
	ShortName   string
	Aliases     []string
	Kind        InitiativeKind
	Description string
	Sources     []SourceRef
}

// InitiativeFilter selects initiatives.
type InitiativeFilter struct {
	Kind      InitiativeKind
	CouncilID string // mentioned at a meeting of this council
	Name      string
	Recurring *bool // true: mentioned at two or more meetings; false: at one or none
}

// InitiativeQuery is a page of initiatives.
type InitiativeQuery struct {
	Filter InitiativeFilter
	Sort   SubjectSort
	Page   PageRequest
}

// Theme is a topic from expertgraph's small curated taxonomy.
type Theme struct {
	ID          string
	Name        string
	Description string
	Aliases     []string
	Sources     []SourceRef
}

// ThemeFilter selects themes.
type ThemeFilter struct {
	CouncilID string // dealt with at a meeting of this council
	Name      string
	Recurring *bool // true: dealt with at two or more meetings; false: at one or none
}

// ThemeQuery is a page of themes.
type ThemeQuery struct {
	Filter ThemeFilter
	Sort   SubjectSort
	Page   PageRequest
}
