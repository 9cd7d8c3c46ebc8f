package dataset

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

// A decoder turns the YAML nodes of one file into entry structs, strictly: a
// key that names no field, a key given twice, a value of the wrong shape or a
// malformed date is a problem, reported with the path of the field and its
// line, and decoding goes on so that one run reports every problem.
//
// It works on yaml.Node trees rather than through yaml.Decoder with
// KnownFields(true): that decoder reports unknown fields too, but as
// "line 7: field nmae not found in type dataset.personEntry", with no entry
// or field path, and it cannot tell which entry a line belongs to. Walking the
// nodes gives every message the file, the entry and the field.
//
// Entry structs name their fields with `yaml:"name"` tags. A slice field
// tagged `key:"person"` labels its items by that field's value in paths
// ("appearances[igor-maslov]") instead of by index ("appearances[0]").
type decoder struct {
	l     *loader
	file  string
	label string // the entry being decoded: "entry 3 (igor-maslov)"; "" for a meeting file's top level
	sep   string // between label and field path: ": " or "."
}

// nodeDecoder is implemented by values that decode themselves from a node:
// dates ("2024-06-21") and source references (an ID or {source, excerpt}).
type nodeDecoder interface {
	decodeNode(d *decoder, path string, n *yaml.Node)
}

// nodeKeeper is implemented by entry structs that keep their own node, so that
// problems found later, by domain validation, can be given a line.
type nodeKeeper interface {
	keepNode(n *yaml.Node)
}

// at is embedded in entry structs to keep the entry's node.
type at struct{ node *yaml.Node }

func (a *at) keepNode(n *yaml.Node) { a.node = n }

// fail records a problem at path (relative to the decoder's label) on n's line.
func (d *decoder) fail(path string, n *yaml.Node, format string, args ...any) {
	line := 0
	if n != nil {
		line = n.Line
	}
	d.l.add(problem{file: d.file, line: line, field: joinField(d.label, d.sep, path), msg: fmt.Sprintf(format, args...)})
}

// joinField joins an entry label and a field path: "entry 3 (x)" + ": " +
// "name", "appearances[igor-maslov]" + "." + "title", or either alone.
func joinField(label, sep, path string) string {
	switch {
	case path == "":
		return label
	case label == "":
		return path
	}
	return label + sep + path
}

// decode decodes n into v, which must be addressable.
func (d *decoder) decode(path string, n *yaml.Node, v reflect.Value) {
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	if nd, ok := v.Addr().Interface().(nodeDecoder); ok {
		nd.decodeNode(d, path, n)
		return
	}
	if isNull(n) {
		return // an empty value leaves the field unset; validation says if it is required
	}
	switch v.Kind() {
	case reflect.Struct:
		d.decodeStruct(path, n, v)
	case reflect.Slice:
		d.decodeSlice(path, n, v, "")
	case reflect.String:
		if s, ok := d.scalar(path, n); ok {
			v.SetString(strings.TrimSpace(s)) // a block scalar (">") ends in a newline
		}
	case reflect.Int:
		if s, ok := d.scalar(path, n); ok {
			i, err := strconv.Atoi(s)
			if err != nil || n.ShortTag() != "!!int" {
				d.fail(path, n, "%q is not a whole number", s)
				return
			}
			v.SetInt(int64(i))
		}
	case reflect.Bool:
		if s, ok := d.scalar(path, n); ok {
			if n.ShortTag() != "!!bool" {
				d.fail(path, n, "%q is not true or false", s)
				return
			}
			v.SetBool(s == "true" || s == "True" || s == "TRUE")
		}
	default:
		panic(fmt.Sprintf("dataset: cannot decode into %s", v.Type())) // a bug in an entry struct
	}
}

// scalar returns the text of a scalar node, reporting any other node.
func (d *decoder) scalar(path string, n *yaml.Node) (string, bool) {
	if n.Kind != yaml.ScalarNode {
		d.fail(path, n, "must be a single value, not a %s", kindName(n))
		return "", false
	}
	return n.Value, true
}

func (d *decoder) decodeStruct(path string, n *yaml.Node, v reflect.Value) {
	if n.Kind != yaml.MappingNode {
		d.fail(path, n, "must be a mapping of fields (key: value), not a %s", kindName(n))
		return
	}
	if k, ok := v.Addr().Interface().(nodeKeeper); ok {
		k.keepNode(n)
	}
	fields := fieldsOf(v.Type())
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		kn, vn := n.Content[i], n.Content[i+1]
		if kn.Kind != yaml.ScalarNode {
			d.fail(path, kn, "a field name must be a single word, not a %s", kindName(kn))
			continue
		}
		fp := kn.Value
		if path != "" {
			fp = path + "." + kn.Value
		}
		if line, dup := seen[kn.Value]; dup {
			d.fail(fp, kn, "is given twice (also on line %d)", line)
			continue
		}
		seen[kn.Value] = kn.Line
		f, ok := fields.byName[kn.Value]
		if !ok {
			d.fail(fp, kn, "unknown field (the fields here are %s)", strings.Join(fields.names, ", "))
			continue
		}
		fv := v.Field(f.index)
		if f.key != "" {
			d.decodeSlice(fp, vn, fv, f.key)
		} else {
			d.decode(fp, vn, fv)
		}
	}
}

// decodeSlice decodes a sequence into v. When key is set, items are named in
// paths by the value of their key field.
func (d *decoder) decodeSlice(path string, n *yaml.Node, v reflect.Value, key string) {
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	if isNull(n) {
		return
	}
	if n.Kind != yaml.SequenceNode {
		d.fail(path, n, "must be a list (one \"- item\" per line, or [a, b]), not a %s", kindName(n))
		return
	}
	s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
	for i, item := range n.Content {
		name := strconv.Itoa(i)
		if key != "" {
			if k := mappingValue(item, key); k != nil && k.Kind == yaml.ScalarNode && k.Value != "" {
				name = k.Value
			}
		}
		d.decode(path+"["+name+"]", item, s.Index(i))
	}
	v.Set(s)
}

// mappingValue returns the value of key in the mapping n, or nil.
func mappingValue(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" }

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "list"
	case yaml.ScalarNode:
		return "single value"
	case yaml.AliasNode:
		return "alias"
	}
	return "document"
}

// structFields is what decodeStruct needs to know of an entry struct.
type structFields struct {
	byName map[string]structField
	names  []string // in declaration order, for messages
}

type structField struct {
	index int
	key   string
}

var fieldCache sync.Map // reflect.Type -> structFields

func fieldsOf(t reflect.Type) structFields {
	if f, ok := fieldCache.Load(t); ok {
		return f.(structFields)
	}
	fs := structFields{byName: map[string]structField{}}
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		name, _, _ := strings.Cut(sf.Tag.Get("yaml"), ",")
		if name == "" || name == "-" {
			continue
		}
		fs.byName[name] = structField{index: i, key: sf.Tag.Get("key")}
		fs.names = append(fs.names, name)
	}
	fieldCache.Store(t, fs)
	return fs
}

// reflectValue returns the addressable value p points to.
func reflectValue(p any) reflect.Value { return reflect.ValueOf(p).Elem() }

// list returns s, or nil when it is empty, so that "aliases: []" and no
// aliases at all load the same.
func list[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return s
}
