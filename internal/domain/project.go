package domain

import (
	"reflect"
	"slices"
	"sync"
)

// A GraphQL request names the fields it reads of each type; a With reader
// told them (With.Fields) reads only those, as @neo4j/graphql's statements
// do: on Neo4j a node's unused properties and relations are database work
// and bytes on the wire.

// Project returns a copy of x with only the fields named (Go field names
// of its struct, as ProjectableFields lists them), its ID and the
// references Include follows (a meeting's council and place; an
// appearance's meeting, person and institution) kept; the others are zero.
// The slices it keeps are copied too (their elements are not), so that the
// copy shares nothing a caller may change with x. nil for nil.
func Project[T any](x *T, fields []string) *T { return Projector[T](fields)(x) }

// Projector returns Project for fields: the fields kept are found once, for
// the many nodes of an answer.
func Projector[T any](fields []string) func(x *T) *T {
	st := structOf(reflect.TypeFor[T]())
	keep := make([]int, 0, len(st.names))
	for i, name := range st.names {
		if st.always[i] || slices.Contains(fields, name) {
			keep = append(keep, i)
		}
	}
	return func(x *T) *T {
		if x == nil {
			return nil
		}
		src := reflect.ValueOf(x).Elem()
		out := new(T)
		dst := reflect.ValueOf(out).Elem()
		for _, i := range keep {
			v := src.Field(i)
			if st.slice[i] && v.Len() > 0 {
				c := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
				reflect.Copy(c, v)
				v = c
			}
			dst.Field(i).Set(v)
		}
		return out
	}
}

// structFields is what Projector needs of a struct type: its field names,
// in order, which of them are always kept (ID and alwaysKept) and which
// are slices.
type structFields struct {
	names         []string
	always, slice []bool
}

var structs sync.Map // reflect.Type → *structFields

func structOf(t reflect.Type) *structFields {
	if st, ok := structs.Load(t); ok {
		return st.(*structFields)
	}
	st := &structFields{}
	for i := range t.NumField() {
		f := t.Field(i)
		st.names = append(st.names, f.Name)
		st.always = append(st.always, f.Name == "ID" || slices.Contains(alwaysKept[t.Name()], f.Name))
		st.slice = append(st.slice, f.Type.Kind() == reflect.Slice)
	}
	structs.Store(t, st)
	return st
}

// alwaysKept are, per node type, the fields Project keeps beside ID: the
// references Include follows.
var alwaysKept = map[string][]string{"Meeting": {"CouncilID", "PlaceID"}, "Appearance": {"MeetingID", "PersonID", "InstitutionID"},
	"Recommendation": {"MeetingID"}}

// kindTypes are the node types of the kinds With.Fields may name.
var kindTypes = map[Kind]reflect.Type{
	KindCouncil:     reflect.TypeFor[Council](),
	KindMeeting:     reflect.TypeFor[Meeting](),
	KindPerson:      reflect.TypeFor[Person](),
	KindInstitution: reflect.TypeFor[Institution](),
	KindPlace:       reflect.TypeFor[Place](),
	// Not included by reference: the answer of ListRecommendationsWith.
	KindRecommendation: reflect.TypeFor[Recommendation](),
}

// ProjectableFields returns the fields of kind k's nodes that Project can
// leave out, in struct order; none for a kind With.Fields cannot name.
func ProjectableFields(k Kind) []string {
	t, ok := kindTypes[k]
	if !ok {
		return nil
	}
	var out []string
	for i := range t.NumField() {
		if name := t.Field(i).Name; name != "ID" && !slices.Contains(alwaysKept[t.Name()], name) {
			out = append(out, name)
		}
	}
	return out
}

// AppearanceFields returns the fields of an appearance that Project can
// leave out, in struct order.
func AppearanceFields() []string {
	t := reflect.TypeFor[Appearance]()
	var out []string
	for i := range t.NumField() {
		if name := t.Field(i).Name; !slices.Contains(alwaysKept["Appearance"], name) {
			out = append(out, name)
		}
	}
	return out
}

// ProjectedKinds are the kinds whose fields With.Fields may name: those of
// IncludeKinds, and recommendations (ListRecommendationsWith's answer).
var ProjectedKinds = []Kind{KindCouncil, KindMeeting, KindPerson, KindInstitution, KindPlace, KindRecommendation}

// checkFields returns EINVALID for a kind of fields not in ProjectedKinds or
// a field its nodes do not have, or a field of apps an appearance lacks.
func checkFields(fields map[Kind][]string, apps []string) error {
	for _, f := range apps {
		if _, ok := reflect.TypeFor[Appearance]().FieldByName(f); !ok {
			return Invalidf("with", "appearance fields: an appearance has no field %q", f)
		}
	}
	for k, fs := range fields {
		t, ok := kindTypes[k]
		if !ok {
			return Invalidf("with", "fields of %q: not one of %v", k, ProjectedKinds)
		}
		for _, f := range fs {
			if _, ok := t.FieldByName(f); !ok {
				return Invalidf("with", "fields of %q: %s has no field %q", k, t.Name(), f)
			}
		}
	}
	return nil
}

// projectGraph returns a copy of g in which the nodes of the kinds fields
// names are Project-ed (the others are shared with g).
func projectGraph(g *Graph, fields map[Kind][]string) *Graph {
	if g == nil || len(fields) == 0 {
		return g
	}
	out := *g
	for k, fs := range fields {
		switch k {
		case KindMeeting:
			out.Meetings = projectAll(g.Meetings, fs)
		case KindPerson:
			out.People = projectAll(g.People, fs)
		case KindInstitution:
			out.Institutions = projectAll(g.Institutions, fs)
		case KindCouncil:
			out.Councils = projectAll(g.Councils, fs)
		case KindPlace:
			out.Places = projectAll(g.Places, fs)
		}
	}
	return &out
}

// ProjectPage returns a copy of c whose nodes are Project-ed to fields.
func ProjectPage[T any](c *Connection[*T], fields []string) *Connection[*T] {
	if c == nil {
		return nil
	}
	out := *c
	out.Edges = make([]*Edge[*T], len(c.Edges))
	project := Projector[T](fields)
	for i, e := range c.Edges {
		out.Edges[i] = &Edge[*T]{Cursor: e.Cursor, Node: project(e.Node)}
	}
	return &out
}

// ProjectGraph is projectGraph, for the tests of stores.
func ProjectGraph(g *Graph, fields map[Kind][]string) *Graph { return projectGraph(g, fields) }

func projectAll[T any](xs []*T, fields []string) []*T {
	if xs == nil {
		return nil
	}
	out := make([]*T, len(xs))
	project := Projector[T](fields)
	for i, x := range xs {
		out[i] = project(x)
	}
	return out
}
