package domain

// InstitutionKind classifies institutions.
type InstitutionKind string

// Institution kinds.
const (
	InstitutionThinkTank      InstitutionKind = "THINK_TANK"
	InstitutionMinistry       InstitutionKind = "MINISTRY"
	InstitutionAdministration InstitutionKind = "ADMINISTRATION"
	InstitutionEmbassy        InstitutionKind = "EMBASSY"
	InstitutionUniversity     InstitutionKind = "UNIVERSITY"
	InstitutionParliament     InstitutionKind = "PARLIAMENT"
	InstitutionCompany        InstitutionKind = "COMPANY"
	InstitutionOther          InstitutionKind = "OTHER"
)

// InstitutionKinds lists every InstitutionKind.
var InstitutionKinds = []InstitutionKind{InstitutionThinkTank, InstitutionMinistry, InstitutionAdministration,
	InstitutionEmbassy, InstitutionUniversity, InstitutionParliament, InstitutionCompany, InstitutionOther}

// Institution is a think tank, ministry, administration, embassy or university.
type Institution struct {
	ID        string
	Name      string
	ShortName string
	Aliases   []string
	Kind      InstitutionKind
	CountryID string // BASED_IN
	ParentID  string // e.g. a department's ministry; "" if none
	Sources   []SourceRef
}

// InstitutionFilter selects institutions.
type InstitutionFilter struct {
	CountryID string
	Kind      InstitutionKind
	Name      string
}

// InstitutionQuery is a page of institutions.
type InstitutionQuery struct {
	Filter InstitutionFilter
	Sort   InstitutionSort
	Page   PageRequest
}
