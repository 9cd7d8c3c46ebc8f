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

// PersonFilter selects people; set fields all must match, and so must every
// filter of And, at least one of Or (when given) and not Not. Each field is a
// condition on the person alone: Role and CouncilID may be met at different
// meetings.
type PersonFilter struct {
	InstitutionID string // affiliated with, or appeared for
	CountryID     string
	CouncilID     string // appeared at a meeting of
	AttendedAllOf string // appeared at every meeting of this council (which has at least one)
	Role          Role   // appeared in this role at some meeting
	Name          string // normalised match on name or alias

	And []PersonFilter
	Or  []PersonFilter
	Not *PersonFilter
}

// PersonQuery is a page of people.
type PersonQuery struct {
	Filter PersonFilter
	Sort   PersonSort
	Page   PageRequest
}
