package memstore

import (
	"cmp"
	"slices"
	"strings"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// entry is a list item with its sort key.
type entry[T any] struct {
	key, id string
	node    T
}

// paginate orders entries by key (descending when desc, equal keys by
// ascending ID, as domain.Cursor.After walks them), resumes after the cursor
// of pr and returns a page of copies. Entries are the matches of scope's query.
func paginate[T any](entries []entry[T], desc bool, scope string, pr domain.PageRequest, clone func(T) T) (*domain.Connection[T], error) {
	first, after, err := pr.Resolve(scope)
	if err != nil {
		return nil, err
	}
	slices.SortFunc(entries, func(a, b entry[T]) int {
		c := cmp.Compare(a.key, b.key)
		if desc {
			c = -c
		}
		return cmp.Or(c, cmp.Compare(a.id, b.id))
	})
	var items []entry[T]
	for _, e := range entries {
		if len(items) > first {
			break
		}
		if after.After(e.key, e.id, desc) {
			items = append(items, entry[T]{key: e.key, id: e.id, node: clone(e.node)})
		}
	}
	return connection(items, first, scope, after, len(entries)), nil
}

// connection returns the page of items (copies, one more than first when
// there is a next page) that comes after the cursor after, of total matches.
func connection[T any](items []entry[T], first int, scope string, after *domain.Cursor, total int) *domain.Connection[T] {
	c := domain.NewConnection(items, first, scope, after, total, func(e entry[T]) (string, string) { return e.key, e.id })
	out := &domain.Connection[T]{PageInfo: c.PageInfo, TotalCount: c.TotalCount, Edges: make([]*domain.Edge[T], len(c.Edges))}
	for i, e := range c.Edges {
		out.Edges[i] = &domain.Edge[T]{Cursor: e.Cursor, Node: e.Node.node}
	}
	return out
}

// nameMatcher returns whether a node's normalised names contain the
// normalised filter; a filter that normalises to "" matches everything.
func (st *state) nameMatcher(filter string) func(id string) bool {
	f := domain.NormalizeName(filter)
	return func(id string) bool {
		if f == "" {
			return true
		}
		for _, k := range st.nameKeys[id] {
			if strings.Contains(k, f) {
				return true
			}
		}
		return false
	}
}

// simpleList pages through the nodes of one kind ordered by name, keeping
// those that match.
func simpleList[T any](st *state, nodes map[string]*T, id func(*T) string, name func(*T) string, list string,
	sort domain.NameSort, filter any, pr domain.PageRequest, match func(*T) bool, clone func(*T) *T) (*domain.Connection[*T], error) {
	sort, order, err := sort.Resolve()
	if err != nil {
		return nil, err
	}
	return sortedList(nodes, id, name, nil, list, sort, order, filter, pr, match, clone)
}

// sortedList pages through the nodes of one kind in order (by name, or by
// the count that count returns), keeping those that match. sort is the
// resolved order, which the cursors' scope names.
func sortedList[T any, S ~string](nodes map[string]*T, id, name func(*T) string, count func(*T) int, list string,
	sort S, order domain.Order, filter any, pr domain.PageRequest, match func(*T) bool, clone func(*T) *T) (*domain.Connection[*T], error) {
	var entries []entry[*T]
	for _, x := range nodes {
		if !match(x) {
			continue
		}
		var key string
		if order.By == domain.ByName {
			key = domain.SortKeyName(name(x))
		} else {
			key = domain.CountKey(count(x))
		}
		entries = append(entries, entry[*T]{key: key, id: id(x), node: x})
	}
	return paginate(entries, order.Desc, domain.Scope(list, sort, filter), pr, clone)
}

// validEnum reports a set value that is not one of all as EINVALID.
func validEnum[T comparable](field string, v T, all []T) error {
	var zero T
	if v != zero && !slices.Contains(all, v) {
		return domain.Invalidf(field, "unknown value %v; use one of %v", v, all)
	}
	return nil
}
