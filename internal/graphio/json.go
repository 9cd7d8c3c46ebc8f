package graphio

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// WriteJSON writes g to w as a JSON document of this package's format,
// indented by two spaces, collections in the order of domain.Graph's fields
// and entries in the graph's order (a store's Export orders them by ID), so
// that the same graph always gives the same bytes. The redirects merges
// left come last, in a "redirects" collection written only when there are
// some. It writes one entry at a time and holds no second copy of a large
// graph.
func WriteJSON(w io.Writer, g *domain.Graph) error {
	jw := &jsonWriter{w: bufio.NewWriterSize(w, 64<<10)}
	jw.enc = json.NewEncoder(&jw.buf)
	jw.enc.SetEscapeHTML(false) // "R&D", not "R\u0026D"
	jw.enc.SetIndent("      ", "  ")
	jw.str(fmt.Sprintf("{\n  \"format\": %q,\n  \"version\": %d,\n  \"graph\": {", Format, Version))
	writeList(jw, "countries", g.Countries, toCountry, false)
	writeList(jw, "places", g.Places, toPlace, false)
	writeList(jw, "institutions", g.Institutions, toInstitution, false)
	writeList(jw, "people", g.People, toPerson, false)
	writeList(jw, "councils", g.Councils, toCouncil, false)
	writeList(jw, "initiatives", g.Initiatives, toInitiative, false)
	writeList(jw, "themes", g.Themes, toTheme, false)
	writeList(jw, "sources", g.Sources, toSource, false)
	writeList(jw, "publications", g.Publications, toPublication, false)
	writeList(jw, "meetings", g.Meetings, toMeeting, false)
	writeList(jw, "appearances", g.Appearances, toAppearance, false)
	writeList(jw, "recommendations", g.Recommendations, toRecommendation, len(g.Redirects) == 0)
	if len(g.Redirects) > 0 {
		writeList(jw, "redirects", g.Redirects, toRedirect, true)
	}
	jw.str("\n  }\n}\n")
	if jw.err != nil {
		return jw.err
	}
	return jw.w.Flush()
}

// jsonWriter writes a document piece by piece and keeps the first error.
type jsonWriter struct {
	w   *bufio.Writer
	buf bytes.Buffer
	enc *json.Encoder
	err error
}

func (jw *jsonWriter) str(s string) {
	if jw.err == nil {
		_, jw.err = jw.w.WriteString(s)
	}
}

// writeList writes one collection as json.MarshalIndent would inside the
// document: "name": [] when empty, else one indented entry after another.
func writeList[T, W any](jw *jsonWriter, name string, xs []*T, conv func(*T) W, last bool) {
	jw.str("\n    \"" + name + "\": [")
	for i, x := range xs {
		if jw.err != nil {
			return
		}
		jw.buf.Reset()
		if err := jw.enc.Encode(conv(x)); err != nil {
			jw.err = fmt.Errorf("graphio: writing %s[%d]: %w", name, i, err)
			return
		}
		if i > 0 {
			jw.str(",")
		}
		jw.str("\n      ")
		if jw.err == nil {
			_, jw.err = jw.w.Write(bytes.TrimSuffix(jw.buf.Bytes(), []byte("\n")))
		}
	}
	if len(xs) > 0 {
		jw.str("\n    ")
	}
	jw.str("]")
	if !last {
		jw.str(",")
	}
}

// Resolver returns the kind of each of ids in the store a graph is meant for,
// in the order of ids, "" for an ID the store does not hold.
type Resolver func(ids []string) ([]domain.Kind, error)

// resolveBatch bounds the IDs of one Store.Resolve call.
const resolveBatch = 5000

// IDResolver is what StoreResolver asks: a domain.Store, or anything that
// resolves IDs as a store does (memstore.Batch, a store with writes pending).
type IDResolver interface {
	Resolve(ctx context.Context, ids []string) ([]*domain.NodeRef, error)
}

// StoreResolver is the Resolver of a store: it asks s.Resolve, in batches.
func StoreResolver(ctx context.Context, s IDResolver) Resolver {
	return func(ids []string) ([]domain.Kind, error) {
		out := make([]domain.Kind, 0, len(ids))
		for chunk := range slices.Chunk(ids, resolveBatch) {
			refs, err := s.Resolve(ctx, chunk)
			if err != nil {
				return nil, err
			}
			for _, r := range refs {
				if r == nil {
					out = append(out, "")
				} else {
					out = append(out, r.Kind)
				}
			}
		}
		return out, nil
	}
}

// ReadJSON reads a document written by WriteJSON, or by hand in the same
// format, and returns its graph, checked by domain.Graph.Validate against
// itself alone: every reference must point into the document. Use
// ReadJSONWith for a document that refers to what a store already holds.
//
// name is the file's name in messages. Decoding is strict and reports every
// problem it finds, not only the first, each as FILE:ENTRY.FIELD (see the
// package documentation), in one *domain.ValidationError of EINVALID errors:
// a document that is not JSON, another format or version, an unknown field or
// collection, a field given twice, a value of the wrong type, a malformed
// date, and everything Validate rejects. Any other error (reading r failed)
// is returned as it is.
//
// The document is decoded one entry at a time, so only the graph it returns
// is held in memory, never the document's text.
func ReadJSON(r io.Reader, name string) (*domain.Graph, error) {
	return ReadJSONWith(r, name, ReadOptions{})
}

// ReadOptions are the options of ReadJSONWith.
type ReadOptions struct {
	// Resolve, when set, tells the kinds of the IDs the document defines and
	// refers to in the store it is meant for (StoreResolver): references may
	// then point to what the store holds, and the document's IDs must not
	// name nodes of another kind there. A Resolve error is returned as it is.
	Resolve Resolver
	// Decoded, when set, is called with the graph once the document is
	// decoded and before it is validated, to show progress; it is not called
	// when the document cannot be read to its end (bad JSON, another format).
	Decoded func(*domain.Graph)
}

// ReadJSONWith is ReadJSON with options: for a graph meant for a store, or
// to show progress.
func ReadJSONWith(r io.Reader, name string, opt ReadOptions) (*domain.Graph, error) {
	d := newDecoder(r)
	if err := d.document(); err != nil {
		return nil, fmt.Errorf("graphio: reading %s: %w", name, err)
	}
	if d.fatal {
		return nil, problemsError(name, d.problems)
	}
	if opt.Decoded != nil {
		opt.Decoded(d.g)
	}
	verr, err := check(d.g, opt.Resolve)
	if err != nil {
		return nil, err
	}
	problems := d.problems
	if verr != nil {
		decoded := slices.Clone(problems)
		for _, e := range verr.Problems {
			if !covered(decoded, e.Field) {
				problems = append(problems, problem{path: e.Field, msg: e.Message})
			}
		}
	}
	if len(problems) > 0 {
		return nil, problemsError(name, problems)
	}
	return d.g, nil
}

// Validate checks g, read from the file name, with domain.Graph.Validate
// against itself and, through resolve, against what a store holds (nil: an
// empty store), and returns a *domain.ValidationError whose problems are
// located as FILE:ENTRY.FIELD, or nil. It is the check ReadJSONWith makes,
// for graphs read from other formats. A resolve error is returned as it is.
func Validate(g *domain.Graph, name string, resolve Resolver) error {
	verr, err := check(g, resolve)
	if err != nil || verr == nil {
		return err
	}
	problems := make([]problem, len(verr.Problems))
	for i, e := range verr.Problems {
		problems[i] = problem{path: e.Field, msg: e.Message}
	}
	return problemsError(name, problems)
}

// check validates g against what resolve tells of its own IDs and the IDs it
// refers to. It returns the validation error, or a resolve error.
func check(g *domain.Graph, resolve Resolver) (*domain.ValidationError, error) {
	existing := func(string) domain.Kind { return "" }
	if resolve != nil {
		own := g.Kinds()
		ids := make([]string, 0, len(own))
		for id := range own {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		ids = append(ids, g.References()...)
		kinds, err := resolve(ids)
		if err != nil {
			return nil, err
		}
		if len(kinds) != len(ids) {
			return nil, fmt.Errorf("graphio: resolve returned %d kinds for %d IDs", len(kinds), len(ids))
		}
		known := make(map[string]domain.Kind)
		for i, k := range kinds {
			if k != "" {
				known[ids[i]] = k
			}
		}
		existing = func(id string) domain.Kind { return known[id] }
	}
	err := validateRedirected(g, existing)
	if err == nil {
		return nil, nil
	}
	var verr *domain.ValidationError
	if !errors.As(err, &verr) {
		return nil, err
	}
	return verr, nil
}

// problem is one thing wrong in a document, at path: "meetings[raec-5].date",
// "" for the document as a whole.
type problem struct {
	path string
	msg  string
}

// problemsError returns problems as a *domain.ValidationError located in file.
func problemsError(file string, problems []problem) error {
	ve := &domain.ValidationError{Problems: make([]*domain.Error, len(problems))}
	for i, p := range problems {
		field := file
		if p.path != "" {
			field += ":" + p.path
		}
		ve.Problems[i] = &domain.Error{Code: domain.EINVALID, Field: field, Message: p.msg}
	}
	return ve
}

// covered reports whether a problem found while decoding is at path or at a
// field that contains it: a malformed date is not also a missing one.
func covered(decoded []problem, path string) bool {
	for _, d := range decoded {
		if d.path == "" {
			continue
		}
		if rest, ok := strings.CutPrefix(path, d.path); ok && (rest == "" || rest[0] == '.' || rest[0] == '[') {
			return true
		}
	}
	return false
}

// validateRedirected validates g as a store would write it: references to
// an ID that g itself redirects point to the redirect's target first
// (domain.Graph.Redirect), so that a document may name a merged ID.
func validateRedirected(g *domain.Graph, existing func(string) domain.Kind) error {
	if len(g.Redirects) > 0 {
		r, err := g.Redirect(func(string) string { return "" })
		if err != nil {
			return err
		}
		g = r
	}
	return g.Validate(existing)
}
