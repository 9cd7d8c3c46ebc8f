package domain

// Country is a state taking part in a council or discussed by a meeting.
type Country struct {
	ID      string
	Name    string
	Aliases []string
	Sources []SourceRef
}

// Place is the city (and country) where a meeting is held.
type Place struct {
	ID        string
	Name      string
	Aliases   []string
	CountryID string
	Sources   []SourceRef
}
