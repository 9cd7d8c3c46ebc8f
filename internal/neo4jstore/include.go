package neo4jstore

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// The With readers run the reader without With and the reads of the nodes
// its answer refers to in one managed read transaction: the reader's own
// read finds the transaction in its context (inTx) and runs in it. A GraphQL
// level and the nodes the next level asks for then cost one transaction, not
// one per level. The driver retries the whole transaction, so each attempt
// starts from a fresh domain.Include.

type txKey struct{}

// inTx returns ctx carrying tx, in which read runs its work.
func inTx(ctx context.Context, tx neo4j.ManagedTransaction) context.Context {
	return context.WithValue(ctx, txKey{}, tx)
}

// withRead runs answer and then the reads of what it noted in in, all in
// one read transaction.
func withRead[T any](ctx context.Context, s *Store, with domain.With,
	answer func(ctx context.Context, in *domain.Include) (T, error)) (T, *domain.Graph, error) {
	var zero T
	if _, err := domain.NewInclude(with); err != nil {
		return zero, nil, err
	}
	type result struct {
		v T
		g *domain.Graph
	}
	r, err := read(ctx, s, func(tx neo4j.ManagedTransaction) (result, error) {
		in, _ := domain.NewInclude(with)
		txCtx := inTx(ctx, tx)
		v, err := answer(txCtx, in)
		if err != nil {
			return result{}, err
		}
		g, err := included(txCtx, tx, in)
		return result{v, g}, err
	})
	if err != nil {
		return zero, nil, err
	}
	return r.v, r.g, nil
}

// included reads what in names, level by level, one statement per level
// for all the kinds of that level. A reference is followed to the node
// stored under that very ID (no redirects), as domain.Include says.
func included(ctx context.Context, tx neo4j.ManagedTransaction, in *domain.Include) (*domain.Graph, error) {
	for next := in.Next(); next != nil; next = in.Next() {
		var parts []string
		params := map[string]any{}
		for _, k := range includable {
			if ids := next[k.kind]; len(ids) > 0 {
				p := "ids" + k.label
				row := k.rowFor(in)
				parts = append(parts, "UNWIND $"+p+" AS id MATCH (n:"+k.label+" {"+propID+": id}) RETURN '"+string(k.kind)+"' AS kind, "+row+" AS row")
				params[p] = ids
			}
		}
		var x domain.Graph
		_, err := run(ctx, tx, "CALL () { "+strings.Join(parts, " UNION ALL ")+" } RETURN kind, row", params, func(rec *neo4j.Record) (struct{}, error) {
			var f fields
			kind := value[string](&f, rec, "kind")
			row := value[map[string]any](&f, rec, "row")
			for _, k := range includable {
				if string(k.kind) == kind {
					k.add(&x, &f, k.record(row))
				}
			}
			return struct{}{}, f.err
		})
		if err != nil {
			return nil, err
		}
		in.Add(&x)
	}
	return in.Graph(), nil
}

// includeKind reads the nodes of one kind for included: the RETURN items
// of its batch reader (its fields) as one map, row, whose keys are the
// columns its mapper reads; leanRow has only the items of its lean fields
// (domain.Lean), and the mapper finds null, its zero value, in the others.
type includeKind struct {
	kind         domain.Kind
	label        string
	row, leanRow string
	columns      []string // of row
	leanColumns  []string // of leanRow: a subset of columns
	add          func(g *domain.Graph, f *fields, rec *neo4j.Record)
	fields       string // the RETURN items of its batch reader, of n
	// rowOfV and leanRowOfV are row and leanRow of the node eg_v instead
	// of n, for a subquery under a statement that binds n (inline.go).
	rowOfV, leanRowOfV string
}

// record returns row (of row, leanRow or a projection) as a record of k's
// columns, null where row has none.
func (k includeKind) record(row map[string]any) *neo4j.Record {
	r := &neo4j.Record{Keys: k.columns, Values: make([]any, len(k.columns))}
	for i, c := range k.columns {
		r.Values[i] = row[c]
	}
	return asNode(r)
}

// projectedRows keeps the rows rowFor made of projections, by kind and
// fields, as inlineStatements keeps statements.
var (
	projectedRows sync.Map // string → string
	projectedKept atomic.Int64
)

// rowFor returns the row of k's nodes as in asks for them: projected,
// lean or whole.
func (k includeKind) rowFor(in *domain.Include) string {
	if fs, ok := in.Fields(k.kind); ok {
		key := fmt.Sprint(k.kind, fs)
		if row, ok := projectedRows.Load(key); ok {
			return row.(string)
		}
		row, _ := rowOf(k.projectedItems(fs, false))
		if projectedKept.Load() < maxInlineStatements {
			if _, loaded := projectedRows.LoadOrStore(key, row); !loaded {
				projectedKept.Add(1)
			}
		}
		return row
	}
	if in.Lean(k.kind) {
		return k.leanRow
	}
	return k.row
}

func newIncludeKind(kind domain.Kind, label, fields, leanFields string, add func(g *domain.Graph, f *fields, rec *neo4j.Record)) includeKind {
	k := includeKind{kind: kind, label: label, add: add, fields: fields}
	k.row, k.columns = rowOf(fields)
	k.leanRow, k.leanColumns = rowOf(leanFields)
	k.rowOfV, _ = rowOf(onV(fields))
	k.leanRowOfV, _ = rowOf(onV(leanFields))
	return k
}

// onV returns the RETURN items fields, which read the node n (their first
// item, n itself, and their subqueries' patterns, (n)), reading eg_v.
func onV(fields string) string {
	items := splitTop(fields)
	items[0] = "eg_v" + strings.TrimPrefix(items[0], "n") // n, or n{...} AS n
	if items[0] == "eg_v" {
		items[0] = "eg_v AS n"
	}
	return strings.ReplaceAll(strings.Join(items, ", "), "(n)", "(eg_v)")
}

// rowOf returns the RETURN items of fields as one map, and its keys.
func rowOf(fields string) (row string, columns []string) {
	var entries []string
	for _, item := range splitTop(fields) {
		expr, alias := item, item
		if i := lastTopAS(item); i >= 0 {
			expr, alias = strings.TrimSpace(item[:i]), strings.TrimSpace(item[i+len(" AS "):])
		}
		columns = append(columns, alias)
		entries = append(entries, alias+": "+expr)
	}
	return "{" + strings.Join(entries, ", ") + "}", columns
}

// includable are the kinds of domain.IncludeKinds, read with the fields of
// their batch readers, so that both read the same.
var includable = []includeKind{
	newIncludeKind(domain.KindCouncil, labelCouncil, councilFields, "n", func(g *domain.Graph, f *fields, rec *neo4j.Record) {
		g.Councils = append(g.Councils, councilOf(f, rec))
	}),
	newIncludeKind(domain.KindMeeting, labelMeeting, meetingFields, meetingLeanFields, func(g *domain.Graph, f *fields, rec *neo4j.Record) {
		g.Meetings = append(g.Meetings, meetingOf(f, rec))
	}),
	newIncludeKind(domain.KindPerson, labelPerson, personFields, "n", func(g *domain.Graph, f *fields, rec *neo4j.Record) {
		g.People = append(g.People, personOf(f, rec))
	}),
	newIncludeKind(domain.KindInstitution, labelInstitution, institutionFields, "n", func(g *domain.Graph, f *fields, rec *neo4j.Record) {
		g.Institutions = append(g.Institutions, institutionOf(f, rec))
	}),
	newIncludeKind(domain.KindPlace, labelPlace, placeFields, "n", func(g *domain.Graph, f *fields, rec *neo4j.Record) {
		g.Places = append(g.Places, placeOf(f, rec))
	}),
}

// splitTop splits a list of RETURN items at the commas outside brackets
// and string literals.
func splitTop(s string) []string {
	var out []string
	start := 0
	scanTop(s, func(i int) {
		if s[i] == ',' {
			out = append(out, strings.TrimSpace(s[start:i]))
			start = i + 1
		}
	})
	return append(out, strings.TrimSpace(s[start:]))
}

// lastTopAS returns the index of the last " AS " of item outside brackets
// and string literals, or -1.
func lastTopAS(item string) int {
	at := -1
	scanTop(item, func(i int) {
		if strings.HasPrefix(item[i:], " AS ") {
			at = i
		}
	})
	return at
}

// scanTop calls at with the index of every byte of s outside brackets and
// string literals.
func scanTop(s string, at func(i int)) {
	depth := 0
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '(' || c == '[' || c == '{':
			depth++
		case c == ')' || c == ']' || c == '}':
			depth--
		case depth == 0:
			at(i)
		}
	}
}

// AppearancesByMeetingWith returns AppearancesByMeeting and the nodes of the kinds in with they refer to.
func (s *Store) AppearancesByMeetingWith(ctx context.Context, meetingIDs []string, with domain.With) ([][]*domain.Appearance, *domain.Graph, error) {
	return withRead(ctx, s, with, func(ctx context.Context, in *domain.Include) ([][]*domain.Appearance, error) {
		as, err := s.AppearancesByMeeting(ctx, meetingIDs)
		for _, xs := range as {
			in.Appearances(xs...)
		}
		return as, err
	})
}

// AppearancesByPersonWith returns AppearancesByPerson and the nodes of the kinds in with they refer to.
func (s *Store) AppearancesByPersonWith(ctx context.Context, personIDs []string, with domain.With) ([][]*domain.Appearance, *domain.Graph, error) {
	return withRead(ctx, s, with, func(ctx context.Context, in *domain.Include) ([][]*domain.Appearance, error) {
		as, err := s.AppearancesByPerson(ctx, personIDs)
		for _, xs := range as {
			in.Appearances(xs...)
		}
		return as, err
	})
}

// ListRecommendationsWith returns ListRecommendations and the nodes of the
// kinds in with its page refers to; the page's meetings come with the page,
// in its statement.
func (s *Store) ListRecommendationsWith(ctx context.Context, q domain.RecommendationQuery, with domain.With) (*domain.RecommendationConnection, *domain.Graph, error) {
	return withRead(ctx, s, with, func(ctx context.Context, in *domain.Include) (*domain.RecommendationConnection, error) {
		c, err := s.listRecommendations(ctx, q, in)
		if err != nil {
			return nil, err
		}
		in.Recommendations(c.Nodes()...)
		return c, nil
	})
}

// RecurrenceWith returns Recurrence and the nodes of the kinds in with it refers to.
func (s *Store) RecurrenceWith(ctx context.Context, ids []string, f domain.RecurrenceFilter, with domain.With) ([]*domain.Recurrence, *domain.Graph, error) {
	return withRead(ctx, s, with, func(ctx context.Context, in *domain.Include) ([]*domain.Recurrence, error) {
		rs, err := s.Recurrence(ctx, ids, f)
		in.Recurrences(rs...)
		return rs, err
	})
}
