package neo4jstore

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// MeetingsWith and PeopleWith read in one statement: the batch reader's,
// with the appearances and each included kind as more columns. A meeting
// with its place and its speakers' people and institutions then costs one
// round trip, not one statement per level as withRead's readers do.
//
// The statement reads as Include follows references, a level at a time,
// each level once: the node found (n); its appearances, in one expansion
// (a CALL that also collects the nodes at their other end and the IDs of
// their institutions); then the nodes of each kind asked, from those lists
// by ID or from n by pattern; and the councils and places of the meetings
// read, from the IDs in those meetings' rows. A lean or projected
// meeting's council and place come from one expansion of the meeting, not
// one each (a meeting is not a dense node: an expansion walks all its
// relationships). Nodes of the kinds domain.With.Fields names, the node
// found among them, are read projected (project.go).

// inlineRead is a root kind's batch reader and how its nodes' appearances
// are read.
type inlineRead[T any] struct {
	kind   domain.Kind
	query  string // a batch query (batchPrefix ...)
	mapper func(*fields, *neo4j.Record) *T
	id     func(*T) string
	// apps matches n's appearances, binding eg_a and the node at their
	// other end, eg_x, of kind other; order orders them, and row is their
	// rows of appearanceFields' columns.
	apps, order, row string
	other            domain.Kind
}

var meetingsInline = inlineRead[domain.Meeting]{
	kind:   domain.KindMeeting,
	query:  meetingsByID,
	mapper: meetingOf,
	id:     meetingID,
	apps:   "MATCH (n)<-[eg_a:" + relAppearedAt + "]-(eg_x:" + labelPerson + ")",
	order:  "eg_a." + propOrder + " = 0, eg_a." + propOrder + ", eg_x." + propID,
	row:    "{person: eg_x." + propID + ", meeting: n." + propID + ", a: eg_a}",
	other:  domain.KindPerson,
}

var peopleInline = inlineRead[domain.Person]{
	kind:   domain.KindPerson,
	query:  peopleByID,
	mapper: personOf,
	id:     personID,
	apps:   "MATCH (n)-[eg_a:" + relAppearedAt + "]->(eg_x:" + labelMeeting + ")",
	order:  "eg_x." + propDateKey + ", eg_x." + propID,
	row:    "{person: n." + propID + ", meeting: eg_x." + propID + ", a: eg_a}",
	other:  domain.KindMeeting,
}

// inlineMeetingLean returns the RETURN of a lean meeting's row
// (meetingLeanFields) of eg_v, n being node (eg_v or a projection of it),
// its council and place found in one expansion.
func inlineMeetingLean(node string) string {
	return "CALL (eg_v) { OPTIONAL MATCH (eg_v)-[:" + relPartOf + "|" + relHeldIn + "]->(eg_y) " +
		"RETURN head(collect(CASE WHEN eg_y:" + labelCouncil + " THEN eg_y." + propID + " END)) AS eg_c, " +
		"head(collect(CASE WHEN eg_y:" + labelPlace + " THEN eg_y." + propID + " END)) AS eg_pl } " +
		"RETURN {n: " + node + ", council: eg_c, place: eg_pl}"
}

// MeetingsWith returns Meetings, the nodes of the kinds in with they refer
// to and, if with asks, their appearances and what those refer to.
func (s *Store) MeetingsWith(ctx context.Context, ids []string, with domain.With) ([]*domain.Meeting, *domain.Graph, error) {
	return readInline(ctx, s, ids, with, meetingsInline)
}

// PeopleWith returns People and, if with asks, their appearances and the
// nodes of the kinds in with those refer to.
func (s *Store) PeopleWith(ctx context.Context, ids []string, with domain.With) ([]*domain.Person, *domain.Graph, error) {
	return readInline(ctx, s, ids, with, peopleInline)
}

// includableKind returns the includeKind of k, one of domain.IncludeKinds.
func includableKind(k domain.Kind) includeKind {
	return includable[slices.IndexFunc(includable, func(x includeKind) bool { return x.kind == k })]
}

// inlineRows returns the COLLECT subquery of the rows of kind k, as in asks
// for them (projected, lean or whole), of the nodes eg_v that from binds.
func inlineRows(in *domain.Include, k domain.Kind, from string) string {
	kind := includableKind(k)
	ret := "RETURN " + kind.rowOfV
	if fs, ok := in.Fields(k); ok {
		items := onV(kind.projectedItems(fs, false))
		ret = "RETURN " + rowOfItems(items)
		if k == domain.KindMeeting && refsOnly(fs) {
			ret = inlineMeetingLean(items[:lastTopAS(splitTop(items)[0])])
		}
	} else if in.Lean(k) {
		ret = "RETURN " + kind.leanRowOfV
		if k == domain.KindMeeting {
			ret = inlineMeetingLean("eg_v")
		}
	}
	return "COLLECT { " + from + " " + ret + " }"
}

// inlineQuery returns r's statement for with, and the kinds of its columns
// eg_<kind>.
func inlineQuery[T any](r inlineRead[T], with domain.With, in *domain.Include) (string, []includeKind) {
	asked := func(k domain.Kind) bool { return slices.Contains(with.Kinds, k) }
	kindOf := includableKind
	rows := func(k domain.Kind, from string) string { return inlineRows(in, k, from) }
	rest, _ := strings.CutPrefix(r.query, batchPrefix)
	match, fields, _ := strings.Cut(rest, " RETURN ")
	if fs, ok := in.Fields(r.kind); ok {
		fields = kindOf(r.kind).projectedItems(fs, true)
	}
	var b strings.Builder
	b.WriteString(followRedirects + match)
	var pre, cols []string // pre: columns read before the others, in a WITH
	var kinds []includeKind
	col := func(k domain.Kind, expr string) {
		cols = append(cols, expr+" AS eg_"+string(k))
		kinds = append(kinds, kindOf(k))
	}
	self := "UNWIND CASE WHEN size(eg_apps) > 0 THEN [n] ELSE [] END AS eg_v"
	if with.Appearances {
		row := r.row
		if with.AppearanceFields != nil {
			row = strings.Replace(row, "a: eg_a}", "a: "+projectedRel("eg_a", with.AppearanceFields)+"}", 1)
		}
		b.WriteString(" CALL (n) { " + r.apps + " WITH eg_a, eg_x ORDER BY " + r.order + " " +
			"RETURN collect(" + row + ") AS eg_apps, collect(DISTINCT eg_x) AS eg_xs, " +
			"collect(DISTINCT eg_a." + propInstitutionID + ") AS eg_iids }")
		cols = append(cols, "eg_apps")
		root := domain.KindMeeting
		if r.other == domain.KindMeeting {
			root = domain.KindPerson
		}
		if asked(r.other) {
			col(r.other, rows(r.other, "UNWIND eg_xs AS eg_v"))
			if r.other == domain.KindMeeting {
				// A person's meetings come first, so that their councils
				// and places are read from their rows.
				pre, cols[len(cols)-1] = append(pre, cols[len(cols)-1]), "eg_"+string(domain.KindMeeting)
			}
		}
		if asked(root) {
			col(root, rows(root, self))
		}
		if asked(domain.KindInstitution) {
			col(domain.KindInstitution, rows(domain.KindInstitution,
				"UNWIND eg_iids AS eg_id MATCH (eg_v:"+labelInstitution+" {"+propID+": eg_id})"))
		}
	}
	// The councils and places: of n, a meeting, or of the meetings read
	// (whose rows name them).
	refs := map[domain.Kind]string{domain.KindCouncil: labelCouncil, domain.KindPlace: labelPlace}
	rels := map[domain.Kind]string{domain.KindCouncil: relPartOf, domain.KindPlace: relHeldIn}
	keys := map[domain.Kind]string{domain.KindCouncil: "council", domain.KindPlace: "place"}
	for _, k := range []domain.Kind{domain.KindCouncil, domain.KindPlace} {
		switch {
		case !asked(k):
		case r.other == domain.KindPerson:
			col(k, rows(k, "MATCH (n)-[:"+rels[k]+"]->(eg_v:"+refs[k]+")"))
		case with.Appearances && asked(domain.KindMeeting):
			col(k, rows(k, "UNWIND eg_"+string(domain.KindMeeting)+" AS eg_m WITH DISTINCT eg_m."+keys[k]+" AS eg_id "+
				"MATCH (eg_v:"+refs[k]+" {"+propID+": eg_id})"))
		}
	}
	if len(pre) > 0 {
		b.WriteString(" WITH *, " + strings.Join(pre, ", "))
	}
	b.WriteString(" RETURN " + fields + ", asked")
	for _, c := range cols {
		b.WriteString(", " + c)
	}
	return b.String(), kinds
}

// inlineStatements keeps the statements inlineQuery made, by root kind and
// With: a GraphQL document asks the same of every request, and building a
// statement costs more than reading its answer's first rows. At most
// maxInlineStatements are kept (documents are the clients' to vary).
var (
	inlineStatements sync.Map // string → inlineStatement
	inlineKept       atomic.Int64
)

const maxInlineStatements = 4096

type inlineStatement struct {
	query string
	kinds []includeKind
}

// cachedInline returns inlineQuery(r, with, in), made once per root kind
// and With.
func cachedInline[T any](r inlineRead[T], with domain.With, in *domain.Include) (string, []includeKind) {
	key := fmt.Sprintf("%s|%v|%v|%v|%v|%#v", r.kind, with.Kinds, with.Lean, with.Appearances, with.Fields, with.AppearanceFields)
	if st, ok := inlineStatements.Load(key); ok {
		return st.(inlineStatement).query, st.(inlineStatement).kinds
	}
	query, kinds := inlineQuery(r, with, in)
	if inlineKept.Load() < maxInlineStatements {
		if _, loaded := inlineStatements.LoadOrStore(key, inlineStatement{query, kinds}); !loaded {
			inlineKept.Add(1)
		}
	}
	return query, kinds
}

// readInline reads the nodes of ids as r's batch reader does, with what
// with asks for, in one statement.
func readInline[T any](ctx context.Context, s *Store, ids []string, with domain.With, r inlineRead[T]) ([]*T, *domain.Graph, error) {
	in, err := domain.NewInclude(with)
	if err != nil {
		return nil, nil, err
	}
	out := make([]*T, len(ids))
	want := distinct(ids)
	if len(want) == 0 {
		return out, in.Graph(), nil
	}
	query, kinds := cachedInline(r, with, in)
	type row struct {
		asked string
		x     *T
		apps  []*domain.Appearance
		g     domain.Graph
	}
	rows, err := read(ctx, s, func(tx neo4j.ManagedTransaction) ([]row, error) {
		return run(ctx, tx, query, map[string]any{"ids": want}, func(rec *neo4j.Record) (row, error) {
			var f fields
			x := row{asked: value[string](&f, rec, "asked"), x: r.mapper(&f, asNode(rec))}
			if with.Appearances {
				for _, m := range f.maps(rec, "eg_apps") {
					a := m["a"]
					if props, projected := a.(map[string]any); projected {
						a = neo4j.Relationship{Props: present(props)}
					}
					x.apps = append(x.apps, appearanceOf(&f, &neo4j.Record{
						Keys: []string{"person", "meeting", "a"}, Values: []any{m["person"], m["meeting"], a}}))
				}
			}
			for _, k := range kinds {
				for _, m := range f.maps(rec, "eg_"+string(k.kind)) {
					k.add(&x.g, &f, k.record(m))
				}
			}
			return x, f.err
		})
	})
	if err != nil {
		return nil, nil, err
	}
	byAsked := make(map[string]*row, len(rows))
	for i := range rows {
		byAsked[rows[i].asked] = &rows[i]
	}
	var g domain.Graph
	done := map[string]bool{}
	for i, id := range ids {
		x := byAsked[id]
		if x == nil {
			continue
		}
		out[i] = x.x
		if nid := r.id(x.x); !done[nid] {
			done[nid] = true
			g.Appearances = append(g.Appearances, x.apps...)
			g.Append(&x.g)
		}
	}
	in.Add(&domain.Graph{Councils: once(g.Councils, councilID), Meetings: once(g.Meetings, meetingID),
		People: once(g.People, personID), Institutions: once(g.Institutions, institutionID), Places: once(g.Places, placeID)})
	res := in.Graph()
	res.Appearances = g.Appearances
	return out, res, nil
}

// once returns xs without the nodes whose ID an earlier one has.
func once[T any](xs []*T, id func(*T) string) []*T {
	seen := make(map[string]bool, len(xs))
	return slices.DeleteFunc(xs, func(x *T) bool {
		if seen[id(x)] {
			return true
		}
		seen[id(x)] = true
		return false
	})
}
