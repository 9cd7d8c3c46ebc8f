package neo4jstore

import (
	"strings"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// Labels. Every node of the domain also bears labelNode, whose uniqueness
// constraint on id finds a node of any kind with one index seek (Resolve,
// ShortestPaths, the kinds Upsert validates against).
const (
	labelNode           = "Node"
	labelName           = "Name"
	labelCouncil        = "Council"
	labelMeeting        = "Meeting"
	labelPerson         = "Person"
	labelInstitution    = "Institution"
	labelCountry        = "Country"
	labelPlace          = "Place"
	labelInitiative     = "Initiative"
	labelTheme          = "Theme"
	labelRecommendation = "Recommendation"
	labelPublication    = "Publication"
	labelSource         = "Source"
)

// Relationship types: the domain's path edges, and two of the store's own.
const (
	relPartOf         = domain.EdgePartOf
	relHeldIn         = domain.EdgeHeldIn
	relOrganizedBy    = domain.EdgeOrganizedBy
	relAppearedAt     = domain.EdgeAppearedAt
	relAffiliatedWith = domain.EdgeAffiliatedWith
	relProduced       = domain.EdgeProduced
	relMentions       = domain.EdgeMentions
	relAbout          = domain.EdgeAbout
	relConcerns       = domain.EdgeConcerns
	relBetween        = domain.EdgeBetween
	relBasedIn        = domain.EdgeBasedIn
	relLocatedIn      = domain.EdgeLocatedIn
	relCitizenOf      = domain.EdgeCitizenOf
	relPresented      = domain.EdgePresented
	relAnnounced      = domain.EdgeAnnounced
	relPublishedBy    = domain.EdgePublishedBy
	relReportedBy     = "REPORTED_BY" // node -> source, provenance
	relHasName        = "HAS_NAME"    // node -> :Name, for Lookup
)

// Property keys.
const (
	propID            = "id"
	propKey           = "key"     // :Name
	propSortKey       = "sortKey" // the normalised display name, for lists ordered by name
	propNames         = "names"   // normalised names joined by "\n", for name filters
	propName          = "name"    // and Country, Place, Person, Institution, Council, Initiative, Theme
	propShortName     = "shortName"
	propAliases       = "aliases"
	propKind          = "kind"
	propDescription   = "description"
	propFrequency     = "frequency"
	propFounded       = "founded"
	propParentID      = "parentId"
	propOrdinal       = "ordinal"
	propTitle         = "title"
	propTheme         = "theme"
	propThemeVariants = "themeVariants"
	propDate          = "date"      // Date.String()
	propDateKey       = "dateKey"   // Date.SortKey()
	propDateStart     = "dateStart" // Date.StartKey()
	propDateEnd       = "dateEnd"   // Date.EndKey()
	propDateNote      = "dateNote"
	propFormat        = "format"
	propURL           = "url"
	propPublisher     = "publisher"
	propPublished     = "published"
	propLanguage      = "language"
	propStatus        = "status"
	propText          = "text"
	propOrder         = "order"
	propParaphrase    = "paraphrase"
	propAttributedTo  = "attributedTo"

	// Search (search.go): the variant keys (domain.VariantKey) of the
	// normalised names, joined by newlines, and a recommendation's text,
	// normalised.
	propVariants   = "variants"
	propSearchText = "searchText"

	// Counts that lists are ordered by (counts.go), kept up to date by every
	// write.
	propMeetingCount    = "meetingCount"        // Initiative, Theme: meetings that mention it, themselves or in a recommendation
	propRecCount        = "recommendationCount" // Initiative, Theme: recommendations that list it
	propAppearanceCount = "appearanceCount"     // Person: appearances
	propSpeakerCount    = "speakerCount"        // Institution: distinct people who appeared for it; Meeting: appearances

	// On relationships.
	propPosition      = "position" // keeps lists in the order written
	propExcerpt       = "excerpt"
	propFrom          = "from"
	propTo            = "to"
	propDerived       = "derived" // AFFILIATED_WITH made from appearances
	propRoles         = "roles"
	propInstitutionID = "institutionId"
	propCountryID     = "countryId"
	propSession       = "session"
	propSourceIDs     = "sourceIds"
	propExcerpts      = "excerpts"
)

// nodeLabels lists the labels of the domain's kinds, in domain.AllKinds order.
var nodeLabels = []string{labelCouncil, labelMeeting, labelPerson, labelInstitution, labelCountry, labelPlace,
	labelInitiative, labelTheme, labelRecommendation, labelPublication, labelSource}

// nameSorted lists the labels whose lists are ordered by name (sortKey).
var nameSorted = []string{labelCouncil, labelPerson, labelInstitution, labelCountry, labelPlace,
	labelInitiative, labelTheme, labelPublication, labelSource}

// labelOf maps a kind to its label, kindOf the reverse.
var (
	labelOf = map[domain.Kind]string{}
	kindOf  = map[string]domain.Kind{}
)

func init() {
	for i, k := range domain.AllKinds {
		labelOf[k] = nodeLabels[i]
		kindOf[nodeLabels[i]] = k
	}
}

// kindOfLabels returns the kind of a node from its labels.
func kindOfLabels(labels []string) domain.Kind {
	for _, l := range labels {
		if k, ok := kindOf[l]; ok {
			return k
		}
	}
	return ""
}

// snake turns a label into a schema name part: "Recommendation" -> "recommendation".
func snake(label string) string { return strings.ToLower(label) }

// joinNames joins normalised names for propNames; "\n" never occurs in a
// normalised name, so a CONTAINS on the joint text matches within one name.
func joinNames(keys []string) string { return strings.Join(keys, "\n") }

// filterKey normalises a name filter; "" matches everything.
func filterKey(name string) string { return domain.NormalizeName(name) }

// dateString stores an optional date as its text; nil (no property) when zero.
func dateString(d domain.Date) any {
	if d.IsZero() {
		return nil
	}
	return d.String()
}
