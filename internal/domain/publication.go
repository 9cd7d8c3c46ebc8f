package domain

// Publication is a paper presented or announced at a meeting.
type Publication struct {
	ID             string
	Title          string
	Kind           string   // "policy brief", "joint paper", ...
	InstitutionIDs []string // authors or publishers
	Status         string   // "published", "planned"
	Sources        []SourceRef
}

// Source is a report that states facts: URL, publisher, publication date, language.
type Source struct {
	ID        string
	URL       string
	Title     string
	Publisher string
	Published Date   // zero if unknown
	Language  string // ISO 639-1: "en", "ru", "az", "de", "tr"
}
