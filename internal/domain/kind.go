package domain

// Kind names a kind of thing in the graph. IDs are unique across all kinds, so
// an ID alone finds a node.
type Kind string

// The kinds of node.
const (
	KindCouncil        Kind = "COUNCIL"
	KindMeeting        Kind = "MEETING"
	KindPerson         Kind = "PERSON"
	KindInstitution    Kind = "INSTITUTION"
	KindCountry        Kind = "COUNTRY"
	KindPlace          Kind = "PLACE"
	KindInitiative     Kind = "INITIATIVE"
	KindTheme          Kind = "THEME"
	KindRecommendation Kind = "RECOMMENDATION"
	KindPublication    Kind = "PUBLICATION"
	KindSource         Kind = "SOURCE"
)

// AllKinds lists every Kind in a fixed order.
var AllKinds = []Kind{KindCouncil, KindMeeting, KindPerson, KindInstitution, KindCountry, KindPlace,
	KindInitiative, KindTheme, KindRecommendation, KindPublication, KindSource}

// IsValid reports whether k is one of AllKinds.
func (k Kind) IsValid() bool {
	for _, a := range AllKinds {
		if a == k {
			return true
		}
	}
	return false
}

// NodeRef names one node: its ID, kind and display name.
type NodeRef struct {
	ID   string
	Kind Kind
	Name string
}

// SourceRef is provenance: a source that states a fact, and optionally the words it uses.
type SourceRef struct {
	SourceID string
	Excerpt  string
}
