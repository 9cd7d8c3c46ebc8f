package graphio

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// A decoder reads a document as a stream of tokens and entries, one entry in
// memory at a time, and decodes each entry field by field into its wire
// struct. It works field by field rather than through a json.Decoder with
// DisallowUnknownFields because that stops at the first problem and says
// `json: unknown field "nmae"` with neither the entry nor the path of the
// field; field by field, every problem of every entry is found in one pass and
// named by its path.
type decoder struct {
	dec      *json.Decoder
	lines    *lineCounter
	g        *domain.Graph
	problems []problem
	fatal    bool // the rest of the document cannot be read: bad JSON, another format
}

func newDecoder(r io.Reader) *decoder {
	lc := &lineCounter{r: r}
	return &decoder{dec: json.NewDecoder(lc), lines: lc, g: &domain.Graph{}}
}

func (d *decoder) fail(path, format string, args ...any) {
	d.problems = append(d.problems, problem{path: path, msg: fmt.Sprintf(format, args...)})
}

// collection is one of a document's collections: how to decode its entries.
type collection struct {
	name string
	read func(d *decoder, coll string, i int, raw json.RawMessage)
}

// collections are the document's collections in the order WriteJSON writes them.
var collections = []collection{
	{"countries", entries(func(g *domain.Graph, x *country) { g.Countries = append(g.Countries, x.domain()) })},
	{"places", entries(func(g *domain.Graph, x *place) { g.Places = append(g.Places, x.domain()) })},
	{"institutions", entries(func(g *domain.Graph, x *institution) { g.Institutions = append(g.Institutions, x.domain()) })},
	{"people", entries(func(g *domain.Graph, x *person) { g.People = append(g.People, x.domain()) })},
	{"councils", entries(func(g *domain.Graph, x *council) { g.Councils = append(g.Councils, x.domain()) })},
	{"initiatives", entries(func(g *domain.Graph, x *initiative) { g.Initiatives = append(g.Initiatives, x.domain()) })},
	{"themes", entries(func(g *domain.Graph, x *theme) { g.Themes = append(g.Themes, x.domain()) })},
	{"sources", entries(func(g *domain.Graph, x *source) { g.Sources = append(g.Sources, x.domain()) })},
	{"publications", entries(func(g *domain.Graph, x *publication) { g.Publications = append(g.Publications, x.domain()) })},
	{"meetings", entries(func(g *domain.Graph, x *meeting) { g.Meetings = append(g.Meetings, x.domain()) })},
	{"appearances", entries(func(g *domain.Graph, x *appearance) { g.Appearances = append(g.Appearances, x.domain()) })},
	{"recommendations", entries(func(g *domain.Graph, x *recommendation) {
		g.Recommendations = append(g.Recommendations, x.domain())
	})},
	{"redirects", entries(func(g *domain.Graph, x *redirect) { g.Redirects = append(g.Redirects, x.domain()) })},
}

// entries returns the decoder of a collection's entries: each is decoded into
// a W and added to the graph, problems or not, so that validation can find
// what else is wrong with it.
//
// An entry is first decoded whole by encoding/json, strictly, which is fast;
// only an entry that fails, or has a key that encoding/json lets pass (given
// twice, or in another case: "Title"), is decoded again field by field to
// find and name every problem.
func entries[W any](add func(*domain.Graph, *W)) func(d *decoder, coll string, i int, raw json.RawMessage) {
	return func(d *decoder, coll string, i int, raw json.RawMessage) {
		var w W
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.DisallowUnknownFields()
		if dec.Decode(&w) == nil && !oddKeys(raw) {
			add(d.g, &w)
			return
		}
		w = *new(W)
		ms, ok := members(raw)
		if !ok {
			d.fail(fmt.Sprintf("%s[#%d]", coll, i), "must be an object {\"id\": ...}, not %s", describe(raw))
			return
		}
		d.object(coll+"["+label(coll, ms, i)+"]", ms, reflect.ValueOf(&w).Elem())
		add(d.g, &w)
	}
}

// fieldNames holds the JSON name of every field of the wire structs. No two
// differ only in case, so a key that encoding/json matched to a field
// regardless of case, and that is one of these, is the field's own name.
var fieldNames = sync.OnceValue(func() map[string]bool {
	names := map[string]bool{}
	seen := map[reflect.Type]bool{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		switch t.Kind() {
		case reflect.Slice, reflect.Pointer:
			walk(t.Elem())
		case reflect.Struct:
			if seen[t] {
				return
			}
			seen[t] = true
			for _, f := range reflect.VisibleFields(t) {
				if name, _, _ := strings.Cut(f.Tag.Get("json"), ","); name != "" {
					names[name] = true
					walk(f.Type)
				}
			}
		}
	}
	walk(reflect.TypeFor[graph]())
	return names
})

// oddKeys reports whether an object in the valid JSON raw, at any depth, has
// a key twice or a key that is no field name as written. (Keys are compared
// as written, escapes and all.)
func oddKeys(raw []byte) bool {
	known := fieldNames()
	var stack []map[string]bool // the keys of each open object; nil for an array
	expectKey := false
	for i := 0; i < len(raw); i++ {
		switch c := raw[i]; c {
		case '{':
			stack = append(stack, map[string]bool{})
			expectKey = true
		case '[':
			stack = append(stack, nil)
		case '}', ']':
			stack = stack[:len(stack)-1]
			expectKey = false
		case ',':
			expectKey = len(stack) > 0 && stack[len(stack)-1] != nil
		case '"':
			j := i + 1
			for ; raw[j] != '"'; j++ {
				if raw[j] == '\\' {
					j++
				}
			}
			if expectKey {
				keys := stack[len(stack)-1]
				k := string(raw[i+1 : j])
				if keys[k] || !known[k] {
					return true
				}
				keys[k] = true
				expectKey = false
			}
			i = j
		}
	}
	return false
}

func collectionNames() string {
	names := make([]string, len(collections))
	for i, c := range collections {
		names[i] = c.name
	}
	return strings.Join(names, ", ")
}

// document decodes the whole document. It returns an error only when the
// reader fails; everything wrong with the document is a problem.
func (d *decoder) document() error {
	ok, err := d.delim('{', "", `must be one JSON object {"format": "expertgraph", "version": 1, "graph": {...}}`)
	if !ok {
		return err
	}
	seen := map[string]bool{}
	for d.dec.More() {
		key, err := d.key()
		if key == "" {
			return err
		}
		if seen[key] {
			d.fail(key, "is given twice")
		}
		seen[key] = true
		switch key {
		case "format", "version":
			raw, err := d.raw()
			if raw == nil {
				return err
			}
			if key == "format" {
				var s string
				if json.Unmarshal(raw, &s) != nil || s != Format {
					d.fail(key, "%s is not %q: this is not an expertgraph export", describe(raw), Format)
					d.fatal = true
				}
			} else {
				var v int
				if json.Unmarshal(raw, &v) != nil || v != Version {
					d.fail(key, "%s: this program reads version %d", describe(raw), Version)
					d.fatal = true
				}
			}
			if d.fatal {
				return nil // nothing else can be read as what it is meant to be
			}
		case "graph":
			if err := d.graph(); err != nil || d.fatal {
				return err
			}
		default:
			d.fail(key, "unknown field (the fields here are format, version, graph)")
			if raw, err := d.raw(); raw == nil {
				return err
			}
		}
	}
	if ok, err := d.delim('}', "", ""); !ok {
		return err
	}
	for _, k := range []string{"format", "version", "graph"} {
		if !seen[k] {
			d.fail(k, "is required")
		}
	}
	end := d.dec.InputOffset()
	if _, err := d.dec.Token(); err != io.EOF {
		if err == nil || isSyntax(err) {
			if rest, ok := d.lines.from(end); ok {
				end += int64(len(rest) - len(bytes.TrimLeft(rest, " \t\r\n")))
			}
			d.fail("", "there is more after the end of the document, %s", d.position(end))
			return nil
		}
		return err
	}
	return nil
}

// graph decodes the "graph" object, collection by collection.
func (d *decoder) graph() error {
	if ok, err := d.delim('{', "graph", `must be an object {"countries": [...], ...}`); !ok {
		return err
	}
	seen := map[string]bool{}
	for d.dec.More() {
		key, err := d.key()
		if key == "" {
			return err
		}
		i := slices.IndexFunc(collections, func(c collection) bool { return c.name == key })
		switch {
		case i < 0:
			d.fail("graph."+key, "unknown collection (the collections are %s)", collectionNames())
		case seen[key]:
			d.fail("graph."+key, "is given twice")
		}
		seen[key] = true
		if i < 0 {
			if raw, err := d.raw(); raw == nil {
				return err
			}
			continue
		}
		if err := d.collection(collections[i]); err != nil || d.fatal {
			return err
		}
	}
	_, err := d.delim('}', "graph", "")
	return err
}

// collection decodes the entries of one collection, one at a time.
func (d *decoder) collection(c collection) error {
	tok, err := d.dec.Token()
	if err != nil {
		return d.broken(err)
	}
	if tok == nil {
		return nil // null: no entries
	}
	if tok != json.Delim('[') {
		d.fail("graph."+c.name, "must be a list [...] of entries, not %s", describeToken(tok))
		d.fatal = true // the tokens that follow are the rest of that value
		return nil
	}
	for i := 0; d.dec.More(); i++ {
		raw, err := d.raw()
		if raw == nil {
			return err
		}
		c.read(d, c.name, i, raw)
	}
	_, err = d.delim(']', "graph."+c.name, "")
	return err
}

// label names an entry in paths as domain.Graph.Validate does: by its ID, an
// appearance by meeting/person; by its position when it has none.
func label(coll string, ms []member, i int) string {
	str := func(key string) string {
		for _, m := range ms {
			if m.key == key {
				var s string
				if json.Unmarshal(m.value, &s) == nil {
					return s
				}
			}
		}
		return ""
	}
	if coll == "appearances" {
		if m, p := str("meeting"), str("person"); m != "" || p != "" {
			return domain.AppearanceKey(m, p)
		}
	} else if id := str("id"); id != "" {
		return id
	}
	return "#" + strconv.Itoa(i)
}

// delim reads the delimiter want, reporting any other token at path with the
// message wrong and making the problem fatal. ok is false if the document
// cannot be read on; err is set if the reader failed.
func (d *decoder) delim(want json.Delim, path, wrong string) (ok bool, err error) {
	tok, err := d.dec.Token()
	if err != nil {
		return false, d.broken(err)
	}
	if tok != want {
		d.fail(path, "%s, not %s", wrong, describeToken(tok))
		d.fatal = true
		return false, nil
	}
	return true, nil
}

// key reads an object's key; "" when the document cannot be read on.
func (d *decoder) key() (string, error) {
	tok, err := d.dec.Token()
	if err != nil {
		return "", d.broken(err)
	}
	return tok.(string), nil // inside an object, the decoder only yields string keys
}

// raw reads a whole value; nil when the document cannot be read on.
func (d *decoder) raw() (json.RawMessage, error) {
	var raw json.RawMessage
	if err := d.dec.Decode(&raw); err != nil {
		return nil, d.broken(err)
	}
	return raw, nil
}

// broken records that the document cannot be read on: a syntax error or an
// early end is a problem; any other error is the reader's and is returned.
func (d *decoder) broken(err error) error {
	d.fatal = true
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se):
		d.fail("", "not valid JSON %s: %s", d.position(d.syntaxOffset(se)), se.Error())
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		d.fail("", "the document ends too early, %s: the file is cut short", d.position(d.lines.n))
	default:
		return err
	}
	return nil
}

func isSyntax(err error) bool {
	var se *json.SyntaxError
	return errors.As(err, &se)
}

// syntaxOffset returns the offset in the document of the byte a syntax error
// is at. A json.Decoder gives offsets from the start of the stream for errors
// between values (Token), but from the start of the value for errors inside
// one (Decode), and stays at that start; so the value is scanned again from
// there, and if that finds the error its offset is the one.
func (d *decoder) syntaxOffset(se *json.SyntaxError) int64 {
	base := d.dec.InputOffset()
	if rest, ok := d.lines.from(base); ok {
		var raw json.RawMessage
		var again *json.SyntaxError
		if errors.As(json.NewDecoder(bytes.NewReader(rest)).Decode(&raw), &again) {
			return base + again.Offset - 1
		}
	}
	return se.Offset
}

// position describes a byte offset in the document as a line and column.
func (d *decoder) position(off int64) string {
	if line, col, ok := d.lines.position(off); ok {
		return fmt.Sprintf("at line %d, column %d", line, col)
	}
	return fmt.Sprintf("at byte %d", off)
}

// member is one key and value of an object, in the order of the document.
type member struct {
	key   string
	value json.RawMessage
}

// members returns the members of the object raw, or false if raw is not an
// object. raw is known to be valid JSON.
func members(raw []byte) ([]member, bool) {
	if len(raw) == 0 || raw[0] != '{' {
		return nil, false
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	if _, err := dec.Token(); err != nil {
		return nil, false
	}
	var ms []member
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, false
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, false
		}
		ms = append(ms, member{key: tok.(string), value: v})
	}
	return ms, true
}

// elements returns the elements of the array raw, or false if raw is not an
// array.
func elements(raw []byte) ([]json.RawMessage, bool) {
	if len(raw) == 0 || raw[0] != '[' {
		return nil, false
	}
	var out []json.RawMessage
	if json.Unmarshal(raw, &out) != nil {
		return nil, false
	}
	return out, true
}

// object decodes the members of an object into the struct v, field by field.
func (d *decoder) object(path string, ms []member, v reflect.Value) {
	fields := fieldsOf(v.Type())
	seen := map[string]bool{}
	for _, m := range ms {
		fp := join(path, m.key)
		if seen[m.key] {
			d.fail(fp, "is given twice")
			continue
		}
		seen[m.key] = true
		i, ok := fields.byName[m.key]
		if !ok {
			d.fail(fp, "unknown field (the fields here are %s)", strings.Join(fields.names, ", "))
			continue
		}
		d.value(fp, m.value, v.Field(i))
	}
}

var unmarshalerType = reflect.TypeFor[json.Unmarshaler]()

// value decodes raw into v, which is addressable. null leaves v unset:
// validation says if it is required.
func (d *decoder) value(path string, raw json.RawMessage, v reflect.Value) {
	if string(raw) == "null" {
		return
	}
	if v.Addr().Type().Implements(unmarshalerType) {
		if err := json.Unmarshal(raw, v.Addr().Interface()); err != nil {
			d.fail(path, "%v", err)
		}
		return
	}
	switch v.Kind() {
	case reflect.Struct:
		ms, ok := members(raw)
		if !ok {
			d.fail(path, "must be an object {...}, not %s", describe(raw))
			return
		}
		d.object(path, ms, v)
	case reflect.Slice:
		items, ok := elements(raw)
		if !ok {
			d.fail(path, "must be a list [...], not %s", describe(raw))
			return
		}
		s := reflect.MakeSlice(v.Type(), len(items), len(items))
		for i, item := range items {
			d.value(path+"["+strconv.Itoa(i)+"]", item, s.Index(i))
		}
		v.Set(s)
	default:
		if err := json.Unmarshal(raw, v.Addr().Interface()); err != nil {
			d.fail(path, "must be %s, not %s", wanted(v.Type()), describe(raw))
		}
	}
}

// wanted says what a JSON value for t looks like.
func wanted(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Int:
		return "a whole number"
	case reflect.Bool:
		return "true or false"
	}
	return t.String()
}

// describe names the kind of a JSON value, showing it if it is short.
func describe(raw []byte) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "nothing"
	}
	switch raw[0] {
	case '{':
		return "an object"
	case '[':
		return "a list"
	case '"':
		if len(raw) <= 40 {
			return "the string " + string(raw)
		}
		return "a string"
	case 't', 'f', 'n':
		return string(raw)
	}
	if len(raw) <= 40 {
		return string(raw)
	}
	return "a number"
}

// describeToken is describe for a token of the stream.
func describeToken(tok json.Token) string {
	switch t := tok.(type) {
	case json.Delim:
		if t == '{' {
			return "an object"
		}
		if t == '[' {
			return "a list"
		}
		return string(t)
	case string:
		return describe([]byte(strconv.Quote(t)))
	case nil:
		return "null"
	}
	return fmt.Sprint(tok)
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// structFields maps the JSON names of a wire struct's fields to their indexes.
type structFields struct {
	byName map[string]int
	names  []string // in declaration order, for messages
}

var fieldCache sync.Map // reflect.Type -> structFields

func fieldsOf(t reflect.Type) structFields {
	if f, ok := fieldCache.Load(t); ok {
		return f.(structFields)
	}
	fs := structFields{byName: map[string]int{}}
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name == "" || name == "-" {
			continue
		}
		fs.byName[name] = i
		fs.names = append(fs.names, name)
	}
	fieldCache.Store(t, fs)
	return fs
}

// lineCounter passes a reader through and keeps the tail of what it read, so
// that a syntax error's byte offset can be told as a line and column without
// holding the document.
type lineCounter struct {
	r         io.Reader
	n         int64  // bytes read
	tail      []byte // the last bytes read, at least tailSize of them when there are
	tailLines int    // newlines before tail
}

const tailSize = 1 << 20

func (c *lineCounter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	c.tail = append(c.tail, p[:n]...)
	if len(c.tail) > 2*tailSize {
		drop := len(c.tail) - tailSize
		c.tailLines += bytes.Count(c.tail[:drop], []byte("\n"))
		c.tail = append(c.tail[:0], c.tail[drop:]...)
	}
	return n, err
}

// from returns what was read from byte offset off on, if it is within the tail.
func (c *lineCounter) from(off int64) ([]byte, bool) {
	start := c.n - int64(len(c.tail))
	if off < start || off > c.n {
		return nil, false
	}
	return c.tail[off-start:], true
}

// position returns the line and column (in bytes, from 1) of byte offset
// off, if it is within the tail.
func (c *lineCounter) position(off int64) (line, col int, ok bool) {
	start := c.n - int64(len(c.tail))
	if off < start || off > c.n {
		return 0, 0, false
	}
	before := c.tail[:off-start]
	line = c.tailLines + bytes.Count(before, []byte("\n")) + 1
	col = len(before) - bytes.LastIndexByte(before, '\n')
	return line, col, true
}
