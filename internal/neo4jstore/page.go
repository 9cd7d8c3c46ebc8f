package neo4jstore

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// batch reads the nodes of ids with query, which UNWINDs $ids AS id, seeks
// each on its label's id index and returns the fields mapper reads; the
// result is indexed like ids (nil for an unknown ID), never in the order the
// server returned rows. A merged ID answers the node it was merged into
// (curation.go): the statement looks the redirect up itself, so a batch is
// one statement. (The last parameter, the ID of a node, is no longer needed
// for that.)
func batch[T any](ctx context.Context, s *Store, ids []string, query string,
	mapper func(*fields, *neo4j.Record) *T, _ func(*T) string) ([]*T, error) {
	out := make([]*T, len(ids))
	want := distinct(ids)
	if len(want) == 0 {
		return out, nil
	}
	rest, ok := strings.CutPrefix(query, batchPrefix)
	if !ok {
		return nil, fmt.Errorf("neo4jstore: a batch query must start with %q: %s", batchPrefix, query)
	}
	type keyed struct {
		asked string
		x     *T
	}
	rows, err := read(ctx, s, func(tx neo4j.ManagedTransaction) ([]keyed, error) {
		return run(ctx, tx, followRedirects+rest+", asked", map[string]any{"ids": want}, func(rec *neo4j.Record) (keyed, error) {
			var f fields
			k := value[string](&f, rec, "asked")
			x := mapper(&f, rec)
			return keyed{k, x}, f.err
		})
	})
	if err != nil {
		return nil, err
	}
	found := make(map[string]*T, len(rows))
	for _, r := range rows {
		found[r.asked] = r.x
	}
	for i, id := range ids {
		out[i] = found[id]
	}
	return out, nil
}

// batchPrefix starts every batch query; followRedirects replaces it, so
// that id is the ID asked for or the one it was merged into, and asked the
// ID asked for (the WITH leaves r out of scope of the fields' subqueries).
const (
	batchPrefix     = "UNWIND $ids AS id "
	followRedirects = "UNWIND $ids AS asked OPTIONAL MATCH (r:" + labelRedirect + " {" + propID + ": asked}) " +
		"WITH asked, coalesce(r." + propTarget + ", asked) AS id "
)

// grouped reads one list per ID with query, which UNWINDs $ids and returns
// rows of (key, item) already in the order wanted within a key; the result
// is indexed like ids, empty for an unknown ID.
func grouped[T any](ctx context.Context, s *Store, ids []string, query string,
	mapper func(*fields, *neo4j.Record) (string, *T)) ([][]*T, error) {
	out := make([][]*T, len(ids))
	for i := range out {
		out[i] = []*T{}
	}
	want := distinct(ids)
	if len(want) == 0 {
		return out, nil
	}
	type row struct {
		key string
		x   *T
	}
	rows, err := read(ctx, s, func(tx neo4j.ManagedTransaction) ([]row, error) {
		return run(ctx, tx, query, map[string]any{"ids": want}, func(rec *neo4j.Record) (row, error) {
			var f fields
			k, x := mapper(&f, rec)
			return row{k, x}, f.err
		})
	})
	if err != nil {
		return nil, err
	}
	m := map[string][]*T{}
	for _, r := range rows {
		m[r.key] = append(m[r.key], r.x)
	}
	for i, id := range ids {
		if xs := m[id]; xs != nil {
			out[i] = xs
		}
	}
	return out, nil
}

// filter is one condition of a list: either patterns (alternatives, each a
// MATCH pattern that binds n), which may select the candidates from an index
// seek on the node they name, or a plain condition on n.
//
// A filter may have both: then the patterns find a superset of the nodes
// (the driving branches of an Or) and the condition is exact; as the
// driver, the patterns select and the condition checks, and elsewhere only
// the condition counts.
//
// A filter may instead give query, a whole subquery that returns n, to drive
// the list when it comes first; its cond then holds the same condition for
// the other places.
type filter struct {
	patterns []string
	cond     string
	query    string
}

// listQuery describes one page of a list: which nodes (label and filters),
// in which order (keys, desc) and what to return (fields, read by mapper).
type listQuery struct {
	scope   string // domain.Scope of the list, order and filter
	label   string
	desc    bool
	page    domain.PageRequest
	filters []filter
	params  map[string]any
	// keyMatch binds what the keys need beyond n ("" for none). keys are
	// the sort key, compared in order (n.sortKey when empty); the cursor
	// holds their values joined by spaces, so that only the last may
	// contain spaces. Ties are broken by ascending n.id in both directions.
	keyMatch string
	keys     []sortKey
	fields   string
	// filtersKeyMatch says a filter uses what keyMatch binds, so that the
	// count needs it too.
	filtersKeyMatch bool
}

// sortKey is one expression of a list's order.
type sortKey struct {
	expr string
	num  bool // an integer, converted to text in the cursor
}

// where adds a filter.
func (q *listQuery) where(f filter, params ...any) {
	q.filters = append(q.filters, f)
	if q.params == nil {
		q.params = map[string]any{}
	}
	for i := 0; i+1 < len(params); i += 2 {
		q.params[params[i].(string)] = params[i+1]
	}
}

// match adds a filter that holds when any of patterns matches n.
func (q *listQuery) match(name string, value any, patterns ...string) {
	q.where(filter{patterns: patterns}, name, value)
}

// cond adds a filter that is a plain condition.
func (q *listQuery) cond(cond string, params ...any) {
	q.where(filter{cond: cond}, params...)
}

// nameFilter adds the rule of every name filter: the normalised filter is
// contained in one of the node's normalised names; "" matches everything.
func (q *listQuery) nameFilter(name string) {
	if k := filterKey(name); k != "" {
		q.cond("n."+propNames+" CONTAINS $name", "name", k)
	}
}

// body returns the clauses that select the list's nodes as n. The first
// filter with patterns drives: its patterns run in a subquery (a UNION of
// the alternatives) so that the planner starts from the index seek on the
// node the pattern names; the other filters are conditions on n. Without
// such a filter the nodes come from the label, where the sort-key index
// serves the order.
func (q *listQuery) body(keyMatch bool, extra ...string) string {
	var head string
	var conds []string
	for _, f := range q.filters {
		switch {
		case f.query != "" && head == "":
			head = "CALL () { " + f.query + " } "
		case len(f.patterns) > 0 && head == "":
			parts := make([]string, len(f.patterns))
			for i, p := range f.patterns {
				parts[i] = "MATCH " + p + " RETURN n"
			}
			if len(parts) == 1 {
				parts[0] = "MATCH " + f.patterns[0] + " RETURN DISTINCT n"
			}
			head = "CALL () { " + strings.Join(parts, " UNION ") + " } "
			if f.cond != "" {
				conds = append(conds, f.cond)
			}
		case f.cond != "":
			conds = append(conds, f.cond)
		default:
			parts := make([]string, len(f.patterns))
			for i, p := range f.patterns {
				parts[i] = "EXISTS { MATCH " + p + " }"
			}
			conds = append(conds, "("+strings.Join(parts, " OR ")+")")
		}
	}
	conds = append(conds, extra...)
	var b strings.Builder
	if head == "" {
		b.WriteString("MATCH (n:" + q.label + ") ")
	} else {
		b.WriteString(head)
		b.WriteString("WITH n ")
	}
	if keyMatch && q.keyMatch != "" {
		b.WriteString(q.keyMatch + " ")
	}
	if len(conds) > 0 {
		b.WriteString("WHERE " + strings.Join(conds, " AND ") + " ")
	}
	return b.String()
}

// list runs one page of q and its total count in one statement (two on an
// empty page): keyset pagination on (keys, id), first+1 rows to learn
// whether a next page exists, and a count that does not load the nodes'
// fields.
func list[T any](ctx context.Context, s *Store, q listQuery,
	mapper func(*fields, *neo4j.Record) *T, idOf func(*T) string) (*domain.Connection[*T], error) {
	first, after, err := q.page.Resolve(q.scope)
	if err != nil {
		return nil, err
	}
	pageQuery, countQuery, params, err := q.build(first, after)
	if err != nil {
		return nil, err
	}
	type keyed struct {
		key string
		x   *T
	}
	var total int
	rows, err := read(ctx, s, func(tx neo4j.ManagedTransaction) ([]keyed, error) {
		rows, err := run(ctx, tx, pageQuery, params, func(rec *neo4j.Record) (keyed, error) {
			var f fields
			k := encodeKey(&f, value[[]any](&f, rec, "key"))
			x := mapper(&f, rec)
			total = int(value[int64](&f, rec, "total"))
			return keyed{k, x}, f.err
		})
		if err != nil || len(rows) > 0 {
			return rows, err
		}
		// An empty page carries no count: the count alone.
		counts, err := run(ctx, tx, countQuery, params, func(rec *neo4j.Record) (int64, error) {
			var f fields
			n := value[int64](&f, rec, "total")
			return n, f.err
		})
		if err != nil {
			return nil, err
		}
		if len(counts) == 1 {
			total = int(counts[0])
		}
		return rows, nil
	})
	if err != nil {
		return nil, err
	}
	items := make([]*T, len(rows))
	byItem := make(map[*T]string, len(rows))
	for i, r := range rows {
		items[i] = r.x
		byItem[r.x] = r.key
	}
	return domain.NewConnection(items, first, q.scope, after, total, func(x *T) (string, string) {
		return byItem[x], idOf(x)
	}), nil
}

// build returns the page and count queries of q after the cursor, and
// their parameters.
func (q *listQuery) build(first int, after *domain.Cursor) (pageQuery, countQuery string, params map[string]any, err error) {
	keys := q.keys
	if len(keys) == 0 {
		keys = []sortKey{{expr: "n." + propSortKey}}
	}
	params = map[string]any{"limit": first + 1}
	for k, v := range q.params {
		params[k] = v
	}
	var keyset string
	if after == nil {
		keyset = keys[0].expr + " IS NOT NULL"
	} else {
		values, err := decodeKey(after.Key, keys)
		if err != nil {
			return "", "", nil, err
		}
		for i, v := range values {
			params["after"+strconv.Itoa(i)] = v
		}
		params["afterID"] = after.ID
		keyset = keysetCond(keys, q.desc)
	}
	dir := ""
	if q.desc {
		dir = " DESC"
	}
	var order, ret []string
	for _, k := range keys {
		order = append(order, k.expr+dir)
		ret = append(ret, k.expr)
	}
	countQuery = q.body(q.filtersKeyMatch) + "RETURN count(n) AS total"
	// The page and the count in one statement: the page's rows are
	// gathered, the count runs once beside them, and the rows are read
	// again with it (none on an empty page, where list runs countQuery).
	pageQuery = q.body(true, keyset) + "WITH n, [" + strings.Join(ret, ", ") + "] AS key ORDER BY " + strings.Join(order, ", ") +
		", n." + propID + " LIMIT $limit WITH collect([key, n]) AS eg_page " +
		"CALL () { " + q.body(q.filtersKeyMatch) + "RETURN count(n) AS eg_total } " +
		"UNWIND eg_page AS eg_row WITH eg_total, eg_row[0] AS key, eg_row[1] AS n RETURN key, " + q.fields + ", eg_total AS total"
	return pageQuery, countQuery, params, nil
}

// keysetCond is the condition that a row comes after the cursor
// ($after0, $after1, ..., $afterID): lexicographically greater (less when
// desc) on the keys, then greater on the ID. It repeats the bound on the
// first key alone so that an index on it can seek to the cursor.
func keysetCond(keys []sortKey, desc bool) string {
	beyond := " > "
	bound := " >= "
	if desc {
		beyond, bound = " < ", " <= "
	}
	cond := "n." + propID + " > $afterID"
	for i := len(keys) - 1; i >= 0; i-- {
		p := "$after" + strconv.Itoa(i)
		cond = "(" + keys[i].expr + beyond + p + " OR (" + keys[i].expr + " = " + p + " AND " + cond + "))"
	}
	return keys[0].expr + bound + "$after0 AND " + cond
}

// encodeKey turns the key values of a row into a cursor key.
func encodeKey(f *fields, values []any) string {
	parts := make([]string, len(values))
	for i, v := range values {
		switch v := v.(type) {
		case string:
			parts[i] = v
		case int64:
			// Zero-padded as domain.CountKey, so that the embedded store
			// writes the same cursors.
			parts[i] = domain.CountKey(int(v))
		default:
			f.fail(fmt.Errorf("key: expected a string or an integer, found %T", v))
		}
	}
	return strings.Join(parts, " ")
}

// decodeKey reads a cursor key back into the values of keys.
func decodeKey(key string, keys []sortKey) ([]any, error) {
	parts := strings.SplitN(key, " ", len(keys))
	if len(parts) != len(keys) {
		return nil, domain.Invalidf("after", "the cursor is damaged; start again without after")
	}
	values := make([]any, len(keys))
	for i, k := range keys {
		values[i] = parts[i]
		if k.num {
			n, err := strconv.ParseInt(parts[i], 10, 64)
			if err != nil {
				return nil, domain.Invalidf("after", "the cursor is damaged; start again without after")
			}
			values[i] = n
		}
	}
	return values, nil
}

// nameList starts a list ordered by name.
func nameList(list, label string, sort domain.NameSort, filter any, page domain.PageRequest, fields string) (listQuery, error) {
	sort, order, err := sort.Resolve() // no order is the ascending order: their cursors serve each other
	if err != nil {
		return listQuery{}, err
	}
	return sortedList(list, label, sort, order, filter, page, fields), nil
}

// sortedList starts a list in a resolved order: by name (sortKey), or by a
// count (counts.go), whose property a range index orders.
func sortedList[S ~string](list, label string, sort S, order domain.Order, filter any, page domain.PageRequest, fields string) listQuery {
	q := listQuery{scope: domain.Scope(list, sort, filter), label: label, desc: order.Desc, page: page, fields: fields}
	if k := countKey(label, order.By); k != "" {
		q.keys = []sortKey{{expr: k, num: true}}
	}
	return q
}

// dateRange adds the condition that the meeting m overlaps r (DateRange.Contains).
func (q *listQuery) dateRange(m string, r domain.DateRange, field string) error {
	if err := r.Validate(field); err != nil {
		return err
	}
	from, to := r.Bounds()
	if m != "n" && (from != "" || to != "") {
		q.filtersKeyMatch = true
	}
	if from != "" {
		q.cond(m+"."+propDateEnd+" >= $dateFrom", "dateFrom", from)
	}
	if to != "" {
		q.cond(m+"."+propDateStart+" <= $dateTo", "dateTo", to)
	}
	return nil
}
