package dataset

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// meetingsDir is the directory of meeting files, one per meeting, named after
// the meeting's ID: meetings/raec-5.yaml.
const meetingsDir = "meetings"

// listFiles are the files of the top level, each a YAML list of entries of
// one kind, in lexical order. Any of them may be missing; any other *.yaml or
// *.yml file at the top level is an error, since it would otherwise be
// ignored in silence.
var listFiles = []listFile{
	{"countries.yaml", domain.KindCountry, "countries", loadEntries[countryEntry]},
	{"councils.yaml", domain.KindCouncil, "councils", loadEntries[councilEntry]},
	{"initiatives.yaml", domain.KindInitiative, "initiatives", loadEntries[initiativeEntry]},
	{"institutions.yaml", domain.KindInstitution, "institutions", loadEntries[institutionEntry]},
	{"people.yaml", domain.KindPerson, "people", loadEntries[personEntry]},
	{"places.yaml", domain.KindPlace, "places", loadEntries[placeEntry]},
	{"publications.yaml", domain.KindPublication, "publications", loadEntries[publicationEntry]},
	{"sources.yaml", domain.KindSource, "sources", loadEntries[sourceEntry]},
	{"themes.yaml", domain.KindTheme, "themes", loadEntries[themeEntry]},
}

// listFile is one of listFiles.
type listFile struct {
	name string
	kind domain.Kind
	coll string // the domain validator's name for the collection: "people" in "people[igor-maslov].name"
	load func(l *loader, f listFile, list *yaml.Node)
}

// listEntry is implemented by the entry types of list files.
type listEntry interface {
	nodeKeeper
	entryID() string
	addTo(g *domain.Graph)
}

// Load reads a data set laid out as seed/README.md describes — countries.yaml,
// people.yaml and the other list files at the top of fsys, one file per
// meeting under meetings/ — and returns the graph it holds, checked by
// domain.Graph.Validate.
//
// Decoding is strict: an unknown field, a field given twice, a value of the
// wrong shape, a malformed date, a missing, malformed or duplicate ID (IDs are
// unique across all kinds and files) are errors, as is everything Validate
// rejects: an unknown reference, a bad enum value, a fact without a source.
// Load reports every problem it finds, not just the first, in a
// *domain.ValidationError whose problems are EINVALID errors located in the
// files, in lexical order of file and then by line:
//
//	meetings/raec-5.yaml:68: appearances[igor-maslov].institution: unknown institution "riak"
//	people.yaml:19: entry 2 (hikmet-hajiyev): name: is required
//
// Entries keep the order of their file, and files are read in lexical order,
// so the same files always give the same graph. Load returns a plain error,
// not EINVALID, only when fsys cannot be read.
func Load(fsys fs.FS) (*domain.Graph, error) {
	return LoadWith(fsys, nil)
}

// LoadWith is Load for a data set that may refer to nodes held elsewhere (a
// store): resolve tells the kinds of the IDs the data set refers to but does
// not define (nil, or "" for an unknown ID), so that a single meeting file may
// name a council, place or people already in the store. resolve is called
// once, with the graph's References; an error from it is returned as is.
func LoadWith(fsys fs.FS, resolve func(ids []string) ([]domain.Kind, error)) (*domain.Graph, error) {
	l := &loader{fsys: fsys, g: &domain.Graph{}, ids: map[string]idUse{}, origins: map[string]origin{}}
	if err := l.load(); err != nil {
		return nil, err
	}
	var existing func(string) domain.Kind
	if resolve != nil {
		refs := l.g.References()
		kinds, err := resolve(refs)
		if err != nil {
			return nil, err
		}
		known := make(map[string]domain.Kind, len(refs))
		for i, id := range refs {
			if i < len(kinds) {
				known[id] = kinds[i]
			}
		}
		existing = func(id string) domain.Kind { return known[id] }
	}
	if err := l.g.Validate(existing); err != nil {
		l.addValidation(err)
	}
	if len(l.problems) > 0 {
		return nil, l.err()
	}
	return l.g, nil
}

// loader holds the state of one Load.
type loader struct {
	fsys     fs.FS
	g        *domain.Graph
	problems []problem
	ids      map[string]idUse  // where each ID was first defined
	origins  map[string]origin // "people[igor-maslov]" -> where it was read
}

// idUse is where an ID was defined.
type idUse struct {
	kind domain.Kind
	file string
	line int
}

func (l *loader) add(p problem) { l.problems = append(l.problems, p) }

func (l *loader) load() error {
	root, err := fs.ReadDir(l.fsys, ".")
	if err != nil {
		return fmt.Errorf("dataset: %w", err)
	}
	var names []string
	for _, f := range listFiles {
		names = append(names, f.name)
	}
	for _, e := range root {
		ext := path.Ext(e.Name())
		if !e.IsDir() && (ext == ".yaml" || ext == ".yml") && !slices.Contains(names, e.Name()) {
			l.add(problem{file: e.Name(), msg: fmt.Sprintf("unknown file: the data files are %s and %s/<meeting-id>.yaml",
				strings.Join(names, ", "), meetingsDir)})
		}
	}
	// Everything in lexical order, meetings/ between institutions.yaml and
	// people.yaml, so that the graph's order and the first definition of a
	// duplicated ID never vary.
	type step struct {
		name string
		load func() error
	}
	steps := []step{{meetingsDir, l.loadMeetings}}
	for _, f := range listFiles {
		steps = append(steps, step{f.name, func() error { return l.loadList(f) }})
	}
	slices.SortFunc(steps, func(a, b step) int { return strings.Compare(a.name, b.name) })
	for _, s := range steps {
		if err := s.load(); err != nil {
			return err
		}
	}
	return nil
}

// read returns the root node of file: its one YAML document, or nil for a
// missing or empty file or one with a syntax error (which it reports).
func (l *loader) read(file string) (*yaml.Node, error) {
	data, err := fs.ReadFile(l.fsys, file)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("dataset: %w", err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if err != io.EOF {
			l.addSyntax(file, err)
		}
		return nil, nil
	}
	var more yaml.Node
	switch err := dec.Decode(&more); {
	case err == nil:
		l.add(problem{file: file, line: more.Line, msg: "a second YAML document (after ---); keep one per file"})
	case err != io.EOF:
		l.addSyntax(file, err)
		return nil, nil
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	return doc.Content[0], nil
}

// loadList reads one of listFiles.
func (l *loader) loadList(f listFile) error {
	n, err := l.read(f.name)
	if err != nil || n == nil || isNull(n) {
		return err
	}
	if n.Kind != yaml.SequenceNode {
		l.add(problem{file: f.name, line: n.Line,
			msg: fmt.Sprintf("must be a list of entries (one \"- id: ...\" per entry), not a %s", kindName(n))})
		return nil
	}
	f.load(l, f, n)
	return nil
}

// loadEntries decodes the entries of a list file into Es and adds those with
// a usable ID to the graph.
func loadEntries[E any, P interface {
	*E
	listEntry
}](l *loader, f listFile, list *yaml.Node) {
	for i, item := range list.Content {
		label := "entry " + strconv.Itoa(i+1)
		if v := mappingValue(item, "id"); v != nil && v.Kind == yaml.ScalarNode && v.Value != "" {
			label += " (" + v.Value + ")"
		}
		d := &decoder{l: l, file: f.name, label: label, sep: ": "}
		if item.Kind != yaml.MappingNode {
			d.fail("", item, "must be a mapping of fields (key: value), not a %s", kindName(item))
			continue
		}
		e := P(new(E))
		d.decode("", item, reflectValue(e))
		if !l.define(d, "id", mappingValue(item, "id"), item, f.kind, e.entryID()) {
			continue
		}
		l.origins[f.coll+"["+e.entryID()+"]"] = origin{file: f.name, label: label, sep: ": ", node: item}
		e.addTo(l.g)
	}
}

// define claims id for a node of kind, reporting a missing, malformed or
// duplicate ID at field (found at idNode, or else at entryNode).
func (l *loader) define(d *decoder, field string, idNode, entryNode *yaml.Node, kind domain.Kind, id string) bool {
	at := idNode
	if at == nil {
		at = entryNode
	}
	switch prev, dup := l.ids[id]; {
	case id == "":
		d.fail(field, at, "is required")
	case !domain.ValidID(id):
		d.fail(field, at, "%q is not a valid id: use lower-case words (letters and digits) joined by single dashes, "+
			"at most %d characters, e.g. raec-5, igor-maslov", id, domain.MaxIDLength)
	case dup:
		d.fail(field, at, "%q is already used by the %s at %s:%d; IDs are unique across all files and kinds",
			id, strings.ToLower(string(prev.kind)), prev.file, prev.line)
	default:
		l.ids[id] = idUse{kind: kind, file: d.file, line: at.Line}
		return true
	}
	return false
}

// loadMeetings reads every meetings/*.yaml, in lexical order.
func (l *loader) loadMeetings() error {
	files, err := fs.ReadDir(l.fsys, meetingsDir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("dataset: %w", err)
	}
	for _, f := range files {
		if f.IsDir() {
			continue
		}
		file := meetingsDir + "/" + f.Name()
		switch path.Ext(f.Name()) {
		case ".yaml":
			if err := l.loadMeeting(file); err != nil {
				return err
			}
		case ".yml":
			l.add(problem{file: file, msg: "meeting files end in .yaml"})
		}
	}
	return nil
}

// loadMeeting reads one meeting file: the meeting, its appearances and its
// recommendations.
func (l *loader) loadMeeting(file string) error {
	n, err := l.read(file)
	if err != nil || n == nil {
		return err
	}
	d := &decoder{l: l, file: file, sep: "."}
	if n.Kind != yaml.MappingNode {
		d.fail("", n, "must be a mapping of the meeting's fields (id: ..., date: ..., appearances: ...), not a %s", kindName(n))
		return nil
	}
	var m meetingFile
	d.decode("", n, reflectValue(&m))
	if !l.define(d, "id", mappingValue(n, "id"), n, domain.KindMeeting, m.ID) {
		return nil
	}
	if want := strings.TrimSuffix(path.Base(file), ".yaml"); m.ID != want {
		d.fail("id", mappingValue(n, "id"), "%q does not match the file name: a meeting's file is %s/<id>.yaml (%s/%s.yaml here)",
			m.ID, meetingsDir, meetingsDir, m.ID)
	}
	l.origins["meetings["+m.ID+"]"] = origin{file: file, node: n}
	l.g.Meetings = append(l.g.Meetings, m.domain())
	for i, a := range m.Appearances {
		if a.node == nil { // not a mapping: reported while decoding
			continue
		}
		label := "appearances[" + cmp.Or(a.Person, strconv.Itoa(i)) + "]"
		l.origins["appearances["+domain.AppearanceKey(m.ID, a.Person)+"]"] = origin{file: file, label: label, sep: ".", node: a.node}
		l.g.Appearances = append(l.g.Appearances, a.domain(m.ID))
	}
	for i, r := range m.Recommendations {
		if r.node == nil {
			continue
		}
		rd := &decoder{l: l, file: file, label: "recommendations[" + cmp.Or(r.ID, strconv.Itoa(i)) + "]", sep: "."}
		if !l.define(rd, "id", mappingValue(r.node, "id"), r.node, domain.KindRecommendation, r.ID) {
			continue
		}
		l.origins["recommendations["+r.ID+"]"] = origin{file: file, label: rd.label, sep: ".", node: r.node}
		l.g.Recommendations = append(l.g.Recommendations, r.domain(m.ID, i+1))
	}
	return nil
}
