package dataset

import (
	"cmp"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// problem is one thing wrong in the files, located as closely as the files
// allow: the file, the line, and the entry and field at fault.
type problem struct {
	file  string // "people.yaml", "meetings/raec-5.yaml"; "" if unknown
	line  int    // 0 if unknown
	field string // "entry 3 (hikmet-hajiyev): name", "appearances[igor-maslov].institution"
	msg   string
}

// location is "file:line: field", less what is unknown.
func (p problem) location() string {
	loc := p.file
	if p.line > 0 {
		loc += ":" + strconv.Itoa(p.line)
	}
	switch {
	case loc == "":
		return p.field
	case p.field == "":
		return loc
	}
	return loc + ": " + p.field
}

// origin is where an entry of the graph was read: enough to turn a
// validation problem's path ("people[igor-maslov].country") into a location.
type origin struct {
	file  string
	label string // "entry 3 (igor-maslov)", "appearances[igor-maslov]", "" for a meeting's own fields
	sep   string // between label and field path
	node  *yaml.Node
}

// validationPath matches a domain validation path: "people[igor-maslov].name",
// "appearances[raec-5/igor-maslov].roles[0]".
var validationPath = regexp.MustCompile(`^([A-Za-z]+)\[([^\]]*)\](.*)$`)

// addValidation turns the problems domain validation found into problems
// located in the files, leaving out those at or under a field that decoding
// already reported (a malformed date is not also a missing one).
func (l *loader) addValidation(err error) {
	var ve *domain.ValidationError
	if !errors.As(err, &ve) {
		l.add(problem{msg: err.Error()})
		return
	}
	decoded := slices.Clone(l.problems)
	for _, e := range ve.Problems {
		p := problem{field: e.Field, msg: e.Message}
		if m := validationPath.FindStringSubmatch(e.Field); m != nil {
			if o, ok := l.origins[m[1]+"["+m[2]+"]"]; ok {
				line, path := locate(o.node, strings.TrimPrefix(m[3], "."))
				p = problem{file: o.file, line: line, field: joinField(o.label, o.sep, path), msg: e.Message}
			}
		}
		if !covered(decoded, p) {
			l.add(p)
		}
	}
}

// covered reports whether one of the problems found while decoding is at p's
// field or at a field that contains it.
func covered(decoded []problem, p problem) bool {
	for _, d := range decoded {
		if d.file != p.file {
			continue
		}
		if p.field == d.field {
			return true
		}
		if rest, ok := strings.CutPrefix(p.field, d.field); ok && d.field != "" &&
			(strings.HasPrefix(rest, ".") || strings.HasPrefix(rest, "[") || strings.HasPrefix(rest, ": ")) {
			return true
		}
	}
	return false
}

// locate follows path ("affiliations[0].institution") down from n as far as
// the YAML goes and returns the line of the last node reached and the path to
// show. A missing field is reported on its entry's line. A path that goes on
// below a single value loses that part: a source given by ID alone has no
// ".source" field to show.
func locate(n *yaml.Node, path string) (int, string) {
	line := n.Line
	shown := ""
	st := steps(path)
	for i, s := range st {
		var next *yaml.Node
		switch {
		case n.Kind == yaml.ScalarNode:
			return line, strings.TrimPrefix(shown, ".")
		case s[0] == '[':
			k, err := strconv.Atoi(s[1 : len(s)-1])
			if err == nil && n.Kind == yaml.SequenceNode && k >= 0 && k < len(n.Content) {
				next = n.Content[k]
			}
		default:
			next = mappingValue(n, strings.TrimPrefix(s, "."))
		}
		if next == nil {
			return line, strings.TrimPrefix(shown+strings.Join(st[i:], ""), ".")
		}
		shown += s
		n, line = next, next.Line
	}
	return line, strings.TrimPrefix(shown, ".")
}

// steps splits "affiliations[0].institution" into "affiliations", "[0]" and
// ".institution".
func steps(path string) []string {
	var out []string
	start := 0
	for i := 1; i < len(path); i++ {
		if path[i] == '.' || path[i] == '[' {
			out = append(out, path[start:i])
			start = i
		}
	}
	if start < len(path) {
		out = append(out, path[start:])
	}
	return out
}

// err returns the problems as a *domain.ValidationError, files in lexical
// order and lines in order within a file.
func (l *loader) err() error {
	ps := slices.Clone(l.problems)
	slices.SortStableFunc(ps, func(a, b problem) int {
		if (a.file == "") != (b.file == "") {
			if a.file == "" {
				return 1
			}
			return -1
		}
		return cmp.Or(strings.Compare(a.file, b.file), cmp.Compare(a.line, b.line))
	})
	ve := &domain.ValidationError{}
	for _, p := range ps {
		ve.Problems = append(ve.Problems, &domain.Error{Code: domain.EINVALID, Field: p.location(), Message: p.msg})
	}
	return ve
}

// syntaxError matches the YAML parser's "yaml: line 3: did not find expected key".
var syntaxError = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// addSyntax records a YAML syntax error in file.
func (l *loader) addSyntax(file string, err error) {
	p := problem{file: file, msg: fmt.Sprintf("not valid YAML: %s", strings.TrimPrefix(err.Error(), "yaml: "))}
	if m := syntaxError.FindStringSubmatch(err.Error()); m != nil {
		p.line, _ = strconv.Atoi(m[1])
		p.msg = "not valid YAML: " + m[2]
	}
	l.add(p)
}
