package neo4jstore

import (
	"slices"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// A node read for a caller that names its fields (domain.With.Fields) is
// read as a map of the properties those fields come from (n{.id, .title}),
// with only the relation items (RETURN items beside n) of those fields:
// Neo4j neither reads nor sends the rest. Its mapper finds the map as a
// node with only those properties, and null in the items left out.

// projection says, for one kind, which domain field each node property and
// each relation item of its batch reader's fields fills.
type projection struct {
	props map[string]string // domain field → node property
	items map[string]string // RETURN item alias → domain field
}

// projections are the kinds of domain.ProjectedKinds'; TestProjections
// checks that they cover every field domain.Project can leave out.
var projections = map[domain.Kind]projection{
	domain.KindMeeting: {
		props: map[string]string{"Ordinal": propOrdinal, "Title": propTitle, "Theme": propTheme, "ThemeVariants": propThemeVariants,
			"Date": propDate, "DateNote": propDateNote, "Format": propFormat},
		items: map[string]string{"council": "CouncilID", "place": "PlaceID", "organizers": "OrganizerIDs", "themes": "ThemeIDs",
			"initiatives": "InitiativeIDs", "publications": "Publications", "sources": "Sources"},
	},
	domain.KindPerson: {
		props: map[string]string{"Name": propName, "Aliases": propAliases},
		items: map[string]string{"country": "CountryID", "affiliations": "Affiliations", "sources": "Sources"},
	},
	domain.KindInstitution: {
		props: map[string]string{"Name": propName, "ShortName": propShortName, "Aliases": propAliases, "Kind": propKind, "ParentID": propParentID},
		items: map[string]string{"country": "CountryID", "sources": "Sources"},
	},
	domain.KindPlace: {
		props: map[string]string{"Name": propName, "Aliases": propAliases},
		items: map[string]string{"country": "CountryID", "sources": "Sources"},
	},
	domain.KindCouncil: {
		props: map[string]string{"Name": propName, "ShortName": propShortName, "Aliases": propAliases, "Description": propDescription,
			"Frequency": propFrequency, "Founded": propFounded},
		items: map[string]string{"countries": "CountryIDs", "organizers": "OrganizerIDs", "sources": "Sources"},
	},
	domain.KindRecommendation: {
		props: map[string]string{"Kind": propKind, "Text": propText, "Order": propOrder, "Paraphrase": propParaphrase,
			"AttributedTo": propAttributedTo},
		items: map[string]string{"meeting": "MeetingID", "initiatives": "InitiativeIDs", "themes": "ThemeIDs", "countries": "CountryIDs",
			"sources": "Sources"},
	},
}

// projectedKinds are the kinds of projections: those of includable, and
// recommendations (a page of ListRecommendationsWith).
var projectedKinds = append(slices.Clip(includable),
	newIncludeKind(domain.KindRecommendation, labelRecommendation, recommendationFields, "n", nil))

// projectedKind returns the projectedKinds entry of k.
func projectedKind(k domain.Kind) includeKind {
	return projectedKinds[slices.IndexFunc(projectedKinds, func(x includeKind) bool { return x.kind == k })]
}

// appearanceProps are the relationship properties each field of an
// appearance comes from (domain.AppearanceFields; TestProjections checks
// that they cover them all).
var appearanceProps = map[string][]string{
	"Roles": {propRoles}, "Title": {propTitle}, "Session": {propSession}, "Order": {propOrder},
	"CountryID": {propCountryID}, "Sources": {propSourceIDs, propExcerpts},
}

// projectedRel returns the map projection of the APPEARED_AT relationship
// rel for an appearance projected to fields (its institution kept).
func projectedRel(rel string, fields []string) string {
	props := []string{"." + propInstitutionID}
	for _, f := range domain.AppearanceFields() {
		if slices.Contains(fields, f) {
			for _, p := range appearanceProps[f] {
				props = append(props, "."+p)
			}
		}
	}
	return rel + "{" + strings.Join(props, ", ") + "}"
}

// projectedItems returns the RETURN items of k's fields (which read n) for
// nodes projected to fields: n as a map, and the relation items of fields
// and of the references domain.Project keeps; with nulls, the items left
// out as null (for a record its mapper reads whole).
func (k includeKind) projectedItems(fields []string, nulls bool) string {
	p := projections[k.kind]
	kept := func(field string) bool {
		return slices.Contains(fields, field) || !slices.Contains(domain.ProjectableFields(k.kind), field)
	}
	props := []string{"." + propID}
	for _, f := range domain.ProjectableFields(k.kind) {
		if prop, ok := p.props[f]; ok && kept(f) {
			props = append(props, "."+prop)
		}
	}
	items := []string{"n{" + strings.Join(props, ", ") + "} AS n"}
	for _, item := range splitTop(k.fields)[1:] {
		alias := item[lastTopAS(item)+len(" AS "):]
		switch {
		case kept(p.items[alias]):
			items = append(items, item)
		case nulls:
			items = append(items, "null AS "+alias)
		}
	}
	return strings.Join(items, ", ")
}

// refsOnly reports whether a meeting projected to fields needs no relation
// item but its council and place (inlineMeetingLean reads those).
func refsOnly(fields []string) bool {
	return !slices.ContainsFunc(fields, func(f string) bool {
		return slices.Contains([]string{"OrganizerIDs", "ThemeIDs", "InitiativeIDs", "Publications", "Sources"}, f)
	})
}

// asNode returns rec with its value n, when a projection made it a map, as
// a node of that map's properties.
func asNode(rec *neo4j.Record) *neo4j.Record {
	for i, key := range rec.Keys {
		if m, ok := rec.Values[i].(map[string]any); ok && key == "n" {
			rec.Values[i] = neo4j.Node{Props: present(m)}
		}
	}
	return rec
}

// present returns the properties of a map projection that the entity has:
// n{.title} maps title to null when n has none, where n's own properties
// would not name it.
func present(m map[string]any) map[string]any {
	for k, v := range m {
		if v == nil {
			delete(m, k)
		}
	}
	return m
}

// rowOfItems returns the RETURN items items as one map (rowOf).
func rowOfItems(items string) string {
	row, _ := rowOf(items)
	return row
}
