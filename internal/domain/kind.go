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

// Node is any node of the graph: it knows its kind.
type Node interface {
	NodeKind() Kind
}

// NodeKind returns KindCouncil.
func (*Council) NodeKind() Kind { return KindCouncil }

// NodeKind returns KindMeeting.
func (*Meeting) NodeKind() Kind { return KindMeeting }

// NodeKind returns KindPerson.
func (*Person) NodeKind() Kind { return KindPerson }

// NodeKind returns KindInstitution.
func (*Institution) NodeKind() Kind { return KindInstitution }

// NodeKind returns KindCountry.
func (*Country) NodeKind() Kind { return KindCountry }

// NodeKind returns KindPlace.
func (*Place) NodeKind() Kind { return KindPlace }

// NodeKind returns KindInitiative.
func (*Initiative) NodeKind() Kind { return KindInitiative }

// NodeKind returns KindTheme.
func (*Theme) NodeKind() Kind { return KindTheme }

// NodeKind returns KindRecommendation.
func (*Recommendation) NodeKind() Kind { return KindRecommendation }

// NodeKind returns KindPublication.
func (*Publication) NodeKind() Kind { return KindPublication }

// NodeKind returns KindSource.
func (*Source) NodeKind() Kind { return KindSource }
