package loader

import (
	"os"
	"reflect"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/expertgraph/expertgraph/internal/domain"
)

func loadSchema(t *testing.T) *ast.Schema {
	t.Helper()
	src, err := os.ReadFile("../../schema.graphqls")
	if err != nil {
		t.Fatal(err)
	}
	s, gerr := gqlparser.LoadSchema(&ast.Source{Name: "schema.graphqls", Input: string(src)})
	if gerr != nil {
		t.Fatal(gerr)
	}
	return s
}

// TestFieldsOf checks the fields of each kind a document names, through
// its types: fields, aliases, fragments, and another type's field that
// reads a node (a meeting's country, its place's).
func TestFieldsOf(t *testing.T) {
	schema := loadSchema(t)
	none := []string{}
	cases := []struct {
		name, doc string
		want      map[domain.Kind][]string
	}{
		{"a meeting's speakers (Q1)", `query($id: ID!) { meeting(id: $id) { id title date place { name }
			speakers { order roles title session person { id name } institution { id name } } } }`,
			map[domain.Kind][]string{domain.KindMeeting: {"Date", "PlaceID", "Title"}, domain.KindPerson: {"Name"},
				domain.KindInstitution: {"Name"}, domain.KindPlace: {"Name"}, domain.KindCouncil: none,
				domain.KindRecommendation: none, appearance: {"Order", "Roles", "Session", "Title"}}},
		{"speakers in a role: their roles are read to pick them", `{ meeting(id: "m") { speakers(role: OPENING_SPEECH) { title } } }`,
			map[domain.Kind][]string{domain.KindMeeting: none, domain.KindPerson: none, domain.KindInstitution: none,
				domain.KindPlace: none, domain.KindCouncil: none, domain.KindRecommendation: none, appearance: {"Roles", "Title"}}},
		{"a meeting's country is its place's", `{ meeting(id: "m") { country { name } } }`,
			map[domain.Kind][]string{domain.KindMeeting: {"PlaceID"}, domain.KindPlace: {"CountryID"},
				domain.KindPerson: none, domain.KindInstitution: none, domain.KindCouncil: none, domain.KindRecommendation: none,
				appearance: none}},
		{"aliases, inline and named fragments", `query { a: person(id: "p") { ...P } node(id: "x") { ... on Council { founded sources { excerpt } } } }
			fragment P on Person { nick: name affiliations { title } }`,
			map[domain.Kind][]string{domain.KindPerson: {"Affiliations", "Name"}, domain.KindCouncil: {"Founded", "Sources"},
				domain.KindMeeting: none, domain.KindInstitution: none, domain.KindPlace: none, domain.KindRecommendation: none,
				appearance: none}},
		{"a page of recommendations with their meetings (Q4)", `query($id: ID!) { recommendations(filter: {initiative: $id}, first: 20) {
			totalCount nodes { id kind text meeting { id date } } } }`,
			map[domain.Kind][]string{domain.KindRecommendation: {"Kind", "MeetingID", "Text"}, domain.KindMeeting: {"Date"},
				domain.KindPerson: none, domain.KindInstitution: none, domain.KindPlace: none, domain.KindCouncil: none,
				appearance: none}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := gqlparser.LoadQuery(schema, tc.doc)
			if err != nil {
				t.Fatal(err)
			}
			if got := fieldsOf(doc); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("fieldsOf = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestObjectFieldsCoverSchema checks that objectFields lists every field
// of its types in the schema, each with fields the kind's nodes have: a
// field added to the schema and not there would make every request that
// names it read that type's nodes whole.
func TestObjectFieldsCoverSchema(t *testing.T) {
	schema := loadSchema(t)
	for typ, o := range objectFields {
		def := schema.Types[typ]
		if def == nil {
			t.Errorf("%s is not a type of the schema", typ)
			continue
		}
		for _, f := range def.Fields {
			fs, ok := o.fields[f.Name]
			if !ok && f.Name != "__typename" {
				t.Errorf("%s.%s is not in objectFields", typ, f.Name)
			}
			w := domain.With{Fields: map[domain.Kind][]string{o.kind: fs}}
			if o.kind == appearance {
				w = domain.With{AppearanceFields: fs}
			}
			if _, err := domain.NewInclude(w); err != nil {
				t.Errorf("%s.%s: %v", typ, f.Name, err)
			}
		}
	}
}
