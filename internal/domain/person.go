package domain

// Person is a speaker or participant, with name variants (transliterations) as aliases.
type Person struct {
	ID           string
	Name         string
	Aliases      []string
	CountryID    string
	Affiliations []Affiliation
	Sources      []SourceRef
}

// Affiliation is a person's post at an institution (AFFILIATED_WITH).
type Affiliation struct {
	InstitutionID string
	Title         string
	From          Date
	To            Date
}

// PersonFilter selects people; set fields all must match.
type PersonFilter struct {
	InstitutionID string // affiliated with, or appeared for
	CountryID     string
	CouncilID     string // appeared at a meeting of
	Role          Role   // appeared in this role at some meeting
	Name          string // normalised match on name or alias
}

// PersonQuery is a page of people, ordered by name.
type PersonQuery struct {
	Filter PersonFilter
	Sort   NameSort
	Page   PageRequest
}
