package loader

import (
	"context"
	"slices"
	"sync"

	"github.com/vektah/gqlparser/v2/ast"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// The With readers read each node with only the fields the request's
// document names of its type (domain.With.Fields): a document that never
// asks a meeting's sources gets meetings without them, and Neo4j neither
// reads nor sends them. As with lean reads, the loaders are per request,
// so a projected node primed into them is only seen by fields that the
// same document names, and those are in the projection.

// objectFields are, per GraphQL object type of a projected kind
// (domain.ProjectedKinds), the
// domain fields that each of its GraphQL fields reads of the node; a field
// not listed (one added to the schema later) makes the type's nodes read
// whole.
var objectFields = map[string]struct {
	kind   domain.Kind
	fields map[string][]string
}{
	"Meeting": {domain.KindMeeting, map[string][]string{
		"id": nil, "__typename": nil, "title": {"Title"}, "council": {"CouncilID"}, "ordinal": {"Ordinal"}, "theme": {"Theme"},
		"themeVariants": {"ThemeVariants"}, "date": {"Date"}, "datePrecision": {"Date"}, "dateNote": {"DateNote"},
		"place": {"PlaceID"}, "country": {"PlaceID"}, "format": {"Format"}, "organizers": {"OrganizerIDs"}, "speakers": nil,
		"recommendations": nil, "themes": {"ThemeIDs"}, "initiatives": {"InitiativeIDs"}, "publications": {"Publications"},
		"sources": {"Sources"},
	}},
	"Person": {domain.KindPerson, map[string][]string{
		"id": nil, "__typename": nil, "name": {"Name"}, "aliases": {"Aliases"}, "country": {"CountryID"},
		"affiliations": {"Affiliations"}, "appearances": nil, "sources": {"Sources"},
	}},
	"Institution": {domain.KindInstitution, map[string][]string{
		"id": nil, "__typename": nil, "name": {"Name"}, "shortName": {"ShortName"}, "aliases": {"Aliases"}, "kind": {"Kind"},
		"country": {"CountryID"}, "parent": {"ParentID"}, "people": nil, "meetings": nil, "sources": {"Sources"},
	}},
	"Place": {domain.KindPlace, map[string][]string{
		"id": nil, "__typename": nil, "name": {"Name"}, "aliases": {"Aliases"}, "country": {"CountryID"}, "meetings": nil,
		"sources": {"Sources"},
	}},
	"Appearance": {appearance, map[string][]string{
		"__typename": nil, "meeting": nil, "person": nil, "institution": nil, "roles": {"Roles"}, "title": {"Title"},
		"country": {"CountryID"}, "session": {"Session"}, "order": {"Order"}, "sources": {"Sources"},
	}},
	"Recommendation": {domain.KindRecommendation, map[string][]string{
		"id": nil, "__typename": nil, "meeting": {"MeetingID"}, "kind": {"Kind"}, "text": {"Text"}, "order": {"Order"},
		"paraphrase": {"Paraphrase"}, "attributedTo": {"AttributedTo"}, "initiatives": {"InitiativeIDs"}, "themes": {"ThemeIDs"},
		"countries": {"CountryIDs"}, "sources": {"Sources"},
	}},
	"Council": {domain.KindCouncil, map[string][]string{
		"id": nil, "__typename": nil, "name": {"Name"}, "shortName": {"ShortName"}, "aliases": {"Aliases"},
		"description": {"Description"}, "frequency": {"Frequency"}, "founded": {"Founded"}, "countries": {"CountryIDs"},
		"organizers": {"OrganizerIDs"}, "meetings": nil, "sources": {"Sources"},
	}},
}

// appearance stands for appearances among the kinds of objectFields (they
// are not nodes: domain.With.AppearanceFields).
const appearance domain.Kind = "APPEARANCE"

// otherFields are the GraphQL fields whose resolvers read fields of
// another kind's node: a meeting's country is its place's; its speakers in
// a role are the appearances whose roles have it.
var otherFields = map[string]map[domain.Kind][]string{
	"Meeting.country":  {domain.KindPlace: {"CountryID"}},
	"Meeting.speakers": {appearance: {"Roles"}},
}

// requestFields knows, once per request, the fields of each kind its
// document names, and of appearances.
type requestFields struct {
	once   sync.Once
	fields map[domain.Kind][]string
	apps   []string
}

// get returns the fields of the operation in ctx, and those of
// appearances; none (everything read whole) outside a GraphQL request.
func (rf *requestFields) get(ctx context.Context) (map[domain.Kind][]string, []string) {
	rf.once.Do(func() {
		doc := documentOf(ctx)
		if doc == nil {
			return
		}
		all := fieldsOf(doc)
		if all == nil {
			return
		}
		rf.fields = map[domain.Kind][]string{}
		for k, fs := range all {
			if k == appearance {
				rf.apps = fs
			} else {
				rf.fields[k] = fs
			}
		}
	})
	return rf.fields, rf.apps
}

// fieldsOf returns, for each kind of objectFields (appearance among them)
// whose every field doc names is listed there, the domain fields they read
// (none for a kind doc never names); nil if doc has a field its validation
// did not type.
func fieldsOf(doc *ast.QueryDocument) map[domain.Kind][]string {
	named := map[domain.Kind][]string{}
	whole := map[domain.Kind]bool{}
	typed := true
	eachField(doc, func(s *ast.Field) {
		if s.ObjectDefinition == nil {
			typed = false
			return
		}
		typ := s.ObjectDefinition.Name
		if o, ok := objectFields[typ]; ok {
			fs, known := o.fields[s.Name]
			if !known {
				whole[o.kind] = true
			}
			named[o.kind] = append(named[o.kind], fs...)
		}
		for k, fs := range otherFields[typ+"."+s.Name] {
			named[k] = append(named[k], fs...)
		}
	})
	if !typed {
		return nil
	}
	out := map[domain.Kind][]string{}
	for _, o := range objectFields {
		if !whole[o.kind] {
			fs := named[o.kind]
			slices.Sort(fs)
			out[o.kind] = slices.Compact(fs)
			if out[o.kind] == nil {
				out[o.kind] = []string{}
			}
		}
	}
	return out
}
