package neo4jstore

import (
	"errors"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// fields reads typed values out of records, nodes and relationships with the
// driver's typed getters, keeping the first error so that a mapper reads
// every field and checks once.
type fields struct {
	err error
}

func (f *fields) fail(err error) {
	if f.err == nil && err != nil {
		f.err = err
	}
}

// value returns the record value under key; the zero value for null.
func value[T neo4j.RecordValue](f *fields, rec *neo4j.Record, key string) T {
	v, _, err := neo4j.GetRecordValue[T](rec, key)
	if err != nil {
		f.fail(fmt.Errorf("%s: %w", key, err))
	}
	return v
}

// prop returns the property key of a node or relationship; the zero value
// when the entity does not have it.
func prop[T neo4j.PropertyValue](f *fields, e neo4j.Entity, key string) T {
	if _, ok := e.GetProperties()[key]; !ok {
		var zero T
		return zero
	}
	v, err := neo4j.GetProperty[T](e, key)
	if err != nil {
		f.fail(fmt.Errorf("property %s: %w", key, err))
	}
	return v
}

// node returns the node under key.
func (f *fields) node(rec *neo4j.Record, key string) neo4j.Node {
	return value[neo4j.Node](f, rec, key)
}

// str returns a string property ("" when absent).
func (f *fields) str(e neo4j.Entity, key string) string { return prop[string](f, e, key) }

// num returns an integer property (0 when absent).
func (f *fields) num(e neo4j.Entity, key string) int { return int(prop[int64](f, e, key)) }

// strs returns a list-of-strings property (nil when absent or empty).
func (f *fields) strs(e neo4j.Entity, key string) []string {
	return f.strings(prop[[]any](f, e, key), key)
}

// date returns a date property (zero when absent).
func (f *fields) date(e neo4j.Entity, key string) domain.Date {
	return f.parseDate(prop[string](f, e, key), key)
}

func (f *fields) parseDate(s, key string) domain.Date {
	if s == "" {
		return domain.Date{}
	}
	d, err := domain.ParseDate(s)
	if err != nil {
		f.fail(fmt.Errorf("property %s: %w", key, err))
	}
	return d
}

// list returns the record value under key as a list of strings (nil when empty).
func (f *fields) list(rec *neo4j.Record, key string) []string {
	return f.strings(value[[]any](f, rec, key), key)
}

// maps returns the record value under key as a list of maps.
func (f *fields) maps(rec *neo4j.Record, key string) []map[string]any {
	raw := value[[]any](f, rec, key)
	out := make([]map[string]any, 0, len(raw))
	for _, x := range raw {
		m, ok := x.(map[string]any)
		if !ok {
			f.fail(fmt.Errorf("%s: expected maps, found %T", key, x))
			return nil
		}
		out = append(out, m)
	}
	return out
}

// text returns the string under key of a map read from a record ("" for null).
func (f *fields) text(m map[string]any, key string) string { return f.textAt(m[key], key) }

// textAt returns x, an element of a list read from a record, as a string
// ("" for null); key names it in an error.
func (f *fields) textAt(x any, key string) string {
	switch v := x.(type) {
	case nil:
		return ""
	case string:
		return v
	default:
		f.fail(fmt.Errorf("%s: expected a string, found %T", key, v))
		return ""
	}
}

// integer returns the integer under key of a map read from a record (0 for null).
func (f *fields) integer(m map[string]any, key string) int { return f.intAt(m[key], key) }

// intAt returns x, an element of a list read from a record, as an integer
// (0 for null); key names it in an error.
func (f *fields) intAt(x any, key string) int {
	switch v := x.(type) {
	case nil:
		return 0
	case int64:
		return int(v)
	default:
		f.fail(fmt.Errorf("%s: expected an integer, found %T", key, v))
		return 0
	}
}

func (f *fields) strings(raw []any, key string) []string {
	if len(raw) == 0 {
		return nil
	}
	out := make([]string, len(raw))
	for i, x := range raw {
		s, ok := x.(string)
		if !ok {
			f.fail(fmt.Errorf("%s: expected strings, found %T", key, x))
			return nil
		}
		out[i] = s
	}
	return out
}

// sourceRefs reads the sources of a node (a list of {id, excerpt} maps).
func (f *fields) sourceRefs(rec *neo4j.Record, key string) []domain.SourceRef {
	ms := f.maps(rec, key)
	if len(ms) == 0 {
		return nil
	}
	out := make([]domain.SourceRef, len(ms))
	for i, m := range ms {
		out[i] = domain.SourceRef{SourceID: f.text(m, propID), Excerpt: f.text(m, propExcerpt)}
	}
	return out
}

// distinct returns the non-empty IDs of ids, once each, for a query's $ids.
func distinct(ids []string) []string {
	seen := make(map[string]bool, len(ids))
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if id != "" && !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

var (
	errNotNode = errors.New("expected a node")
	errBadEdge = errors.New("expected an edge as [type, from, to]")
)

// asList returns x as a list read from a record.
func asList(f *fields, x any) []any {
	l, ok := x.([]any)
	if !ok {
		f.fail(fmt.Errorf("expected a list, found %T", x))
	}
	return l
}
