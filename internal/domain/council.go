package domain

// Council is a standing format or series of meetings, usually between two
// countries, with organisers: the Russia–Azerbaijan Expert Council.
type Council struct {
	ID           string
	Name         string
	ShortName    string
	Aliases      []string
	Description  string
	Frequency    string // as the sources state it, disagreements included
	Founded      Date
	CountryIDs   []string // BETWEEN: two or more countries
	OrganizerIDs []string // institutions
	Sources      []SourceRef
}

// CouncilFilter selects councils; zero fields match everything.
type CouncilFilter struct {
	CountryID string
	Name      string // normalised match on name, short name or alias
}
