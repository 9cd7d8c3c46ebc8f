package neo4jstore

import (
	"context"
	"slices"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// MeetingsWith and PeopleWith read in one statement: the batch reader's,
// with the appearances and each included kind as one more column, a COLLECT
// subquery from the node found (n). A meeting with its place and its
// speakers' people and institutions then costs one round trip, not one
// statement per level as withRead's readers do. A node reached from several
// of the nodes found comes back once per node and is kept once.

// inlinePath is how the nodes of an included kind are reached from a node
// found, n: a pattern binding eg_v. Include follows references only through
// included nodes and appearances asked for, so a path counts only when the
// kinds it passes through (through) are asked for too, and apps says it
// passes through the appearances.
type inlinePath struct {
	kind    domain.Kind
	pattern string
	through []domain.Kind
	apps    bool
}

// inlineRead is a root kind's batch reader and what its nodes refer to.
type inlineRead[T any] struct {
	query  string // a batch query (batchPrefix ...)
	mapper func(*fields, *neo4j.Record) *T
	id     func(*T) string
	apps   string // a COLLECT subquery of n's appearances, rows of appearanceFields' columns, in the reader's order
	paths  []inlinePath
}

const (
	inlineInstitution = " MATCH (eg_v:" + labelInstitution + " {" + propID + ": eg_a." + propInstitutionID + "})"
	inlineSelf        = " WITH n AS eg_v LIMIT 1"
)

var meetingsInline = inlineRead[domain.Meeting]{
	query:  meetingsByID,
	mapper: meetingOf,
	id:     meetingID,
	apps: "COLLECT { MATCH (n)<-[eg_a:" + relAppearedAt + "]-(eg_p:" + labelPerson + ") " +
		"RETURN {person: eg_p." + propID + ", meeting: n." + propID + ", a: eg_a} " +
		"ORDER BY eg_a." + propOrder + " = 0, eg_a." + propOrder + ", eg_p." + propID + " }",
	paths: []inlinePath{
		{kind: domain.KindCouncil, pattern: "MATCH (n)-[:" + relPartOf + "]->(eg_v:" + labelCouncil + ")"},
		{kind: domain.KindPlace, pattern: "MATCH (n)-[:" + relHeldIn + "]->(eg_v:" + labelPlace + ")"},
		{kind: domain.KindPerson, apps: true, pattern: "MATCH (n)<-[:" + relAppearedAt + "]-(eg_v:" + labelPerson + ")"},
		{kind: domain.KindInstitution, apps: true, pattern: "MATCH (n)<-[eg_a:" + relAppearedAt + "]-(:" + labelPerson + ")" + inlineInstitution},
		{kind: domain.KindMeeting, apps: true, pattern: "MATCH (n)<-[:" + relAppearedAt + "]-(:" + labelPerson + ")" + inlineSelf},
	},
}

var peopleInline = inlineRead[domain.Person]{
	query:  peopleByID,
	mapper: personOf,
	id:     personID,
	apps: "COLLECT { MATCH (n)-[eg_a:" + relAppearedAt + "]->(eg_m:" + labelMeeting + ") " +
		"RETURN {person: n." + propID + ", meeting: eg_m." + propID + ", a: eg_a} " +
		"ORDER BY eg_m." + propDateKey + ", eg_m." + propID + " }",
	paths: []inlinePath{
		{kind: domain.KindMeeting, apps: true, pattern: "MATCH (n)-[:" + relAppearedAt + "]->(eg_v:" + labelMeeting + ")"},
		{kind: domain.KindCouncil, apps: true, through: []domain.Kind{domain.KindMeeting},
			pattern: "MATCH (n)-[:" + relAppearedAt + "]->(:" + labelMeeting + ")-[:" + relPartOf + "]->(eg_v:" + labelCouncil + ")"},
		{kind: domain.KindPlace, apps: true, through: []domain.Kind{domain.KindMeeting},
			pattern: "MATCH (n)-[:" + relAppearedAt + "]->(:" + labelMeeting + ")-[:" + relHeldIn + "]->(eg_v:" + labelPlace + ")"},
		{kind: domain.KindInstitution, apps: true, pattern: "MATCH (n)-[eg_a:" + relAppearedAt + "]->(:" + labelMeeting + ")" + inlineInstitution},
		{kind: domain.KindPerson, apps: true, pattern: "MATCH (n)-[:" + relAppearedAt + "]->(:" + labelMeeting + ")" + inlineSelf},
	},
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

// inlineQuery returns r's statement for with, and the kinds of its columns
// eg_<kind>, in the order of includable.
func inlineQuery[T any](r inlineRead[T], with domain.With, in *domain.Include) (string, []includeKind) {
	rest, _ := strings.CutPrefix(r.query, batchPrefix)
	var b strings.Builder
	b.WriteString(followRedirects + rest + ", asked")
	if with.Appearances {
		b.WriteString(", " + r.apps + " AS eg_apps")
	}
	var kinds []includeKind
	for _, k := range includable {
		if !slices.Contains(with.Kinds, k.kind) {
			continue
		}
		i := slices.IndexFunc(r.paths, func(p inlinePath) bool {
			return p.kind == k.kind && (with.Appearances || !p.apps) &&
				!slices.ContainsFunc(p.through, func(t domain.Kind) bool { return !slices.Contains(with.Kinds, t) })
		})
		if i < 0 {
			continue
		}
		row := k.rowOfV
		if in.Lean(k.kind) {
			row = k.leanRowOfV
		}
		b.WriteString(", COLLECT { " + r.paths[i].pattern + " WITH DISTINCT eg_v RETURN " + row + " } AS eg_" + string(k.kind))
		kinds = append(kinds, k)
	}
	return b.String(), kinds
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
	query, kinds := inlineQuery(r, with, in)
	type row struct {
		asked string
		x     *T
		apps  []*domain.Appearance
		g     domain.Graph
	}
	rows, err := read(ctx, s, func(tx neo4j.ManagedTransaction) ([]row, error) {
		return run(ctx, tx, query, map[string]any{"ids": want}, func(rec *neo4j.Record) (row, error) {
			var f fields
			x := row{asked: value[string](&f, rec, "asked"), x: r.mapper(&f, rec)}
			if with.Appearances {
				for _, m := range f.maps(rec, "eg_apps") {
					x.apps = append(x.apps, appearanceOf(&f, &neo4j.Record{
						Keys: []string{"person", "meeting", "a"}, Values: []any{m["person"], m["meeting"], m["a"]}}))
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
