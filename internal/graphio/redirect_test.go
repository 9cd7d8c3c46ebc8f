package graphio

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// TestGraphMLMerged checks that the redirects of a graph survive in GraphML:
// each node lists the IDs merged into it, from which the redirects read back.
func TestGraphMLMerged(t *testing.T) {
	g := fullGraph()
	var b bytes.Buffer
	if err := WriteGraphML(&b, g); err != nil {
		t.Fatal(err)
	}
	var doc parsedGraphML
	if err := xml.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatalf("not XML: %v", err)
	}
	declared := false
	for _, k := range doc.Keys {
		declared = declared || k.ID == "merged" && k.For == "node"
	}
	if !declared {
		t.Error(`no <key id="merged" for="node">`)
	}
	var got []*domain.Redirect
	for _, n := range doc.Graph.Nodes {
		for _, d := range n.Data {
			if d.Key == "merged" {
				for _, id := range strings.Split(d.Value, "; ") {
					got = append(got, &domain.Redirect{ID: id, Target: n.ID})
				}
			}
		}
	}
	if diff := cmp.Diff(g.Redirects, got); diff != "" {
		t.Errorf("redirects read back from the GraphML (-want +got):\n%s", diff)
	}
}

func TestReadJSONRedirects(t *testing.T) {
	const base = validBase + `,
"meetings": [{"id": "m", "title": "M", "date": "2024", "sources": [{"source": "report"}]}]`
	for _, tc := range []struct {
		name  string
		input string
		want  []string // problems; none: the document reads
	}{
		{"a reference to a merged ID of the document", doc(base + `,
"appearances": [{"meeting": "m", "person": "a-nna", "roles": ["SPEAKER"], "sources": [{"source": "report"}]}],
"redirects": [{"id": "a-nna", "target": "anna"}]`), nil},
		{"to nothing", doc(base + `, "redirects": [{"id": "a-nna", "target": "nobody"}]`), []string{
			`m.json:redirects[a-nna].target: unknown node "nobody"`}},
		{"to a meeting", doc(base + `, "redirects": [{"id": "a-nna", "target": "m"}]`), []string{
			`m.json:redirects[a-nna].target: "m" is a meeting; only people, institutions and initiatives are merged`}},
		{"from a node to itself", doc(base + `, "redirects": [{"id": "anna", "target": "anna"}]`), []string{
			`m.json:redirects[anna].id: "anna" names a person: only the ID of a node merged away is redirected`,
			`m.json:redirects[anna].target: an ID cannot be redirected to itself`}},
		{"an unknown field", doc(base + `, "redirects": [{"id": "a-nna", "into": "anna"}]`), []string{
			`m.json:redirects[a-nna].into: unknown field (the fields here are id, target)`,
			`m.json:redirects[a-nna].target: is required`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g, err := ReadJSON(strings.NewReader(tc.input), "m.json")
			var got []string
			if err != nil {
				for _, p := range err.(*domain.ValidationError).Problems {
					got = append(got, p.Error())
				}
			} else if len(g.Redirects) != 1 {
				t.Errorf("read %d redirects, want 1", len(g.Redirects))
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}
