package main

import (
	"bytes"
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/expertgraph/expertgraph/internal/httpserver"
)

// queriesDoc is the analyst's guide whose examples TestQueriesDoc runs.
const queriesDoc = "../../docs/queries.md"

// docExample matches a ```graphql block followed by a ```json block.
var docExample = regexp.MustCompile("(?s)```graphql\n(.*?)```(\\s*\n)```json\n(.*?)```")

// TestQueriesDoc runs every example of docs/queries.md (a graphql block
// followed by a json block) on every store and checks that it answers
// exactly what the page shows. go test -run TestQueriesDoc -update rewrites
// the answers from the embedded store.
func TestQueriesDoc(t *testing.T) {
	doc, err := os.ReadFile(queriesDoc)
	if err != nil {
		t.Fatal(err)
	}
	matches := docExample.FindAllSubmatchIndex(doc, -1)
	if len(matches) < 10 {
		t.Fatalf("%s has %d examples, want one per analytic field", queriesDoc, len(matches))
	}
	for _, sc := range testStores(t) {
		t.Run(sc.name, func(t *testing.T) {
			h := httpserver.New(httpserver.Config{Store: seeded(t, sc), Logger: discardLogger(), InOrder: sc.inOrder})
			var out bytes.Buffer
			last := 0
			for i, m := range matches {
				query := string(doc[m[2]:m[3]])
				got := canonical(t, post(t, h, query, nil).Body)
				if *update && sc.name == "embedded" {
					out.Write(doc[last:m[6]])
					out.WriteString(compact(t, got) + "\n")
					last = m[7]
					continue
				}
				want := canonical(t, doc[m[6]:m[7]])
				if got != want {
					t.Errorf("example %d of %s answers differently.\nquery:\n%s\n%s", i+1, queriesDoc, query, lineDiff(want, got))
				}
			}
			if *update && sc.name == "embedded" {
				out.Write(doc[last:])
				if err := os.WriteFile(queriesDoc, out.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

// compact indents JSON for the page as the README does: objects of scalars,
// and lists of scalars, on one line when short.
func compact(t *testing.T, indented string) string {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(indented), &v); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	writeJSON(&b, v, "")
	return b.String()
}

func writeJSON(b *strings.Builder, v any, indent string) {
	if s := oneLine(v); s != "" && len(indent)+len(s) <= 110 {
		b.WriteString(s)
		return
	}
	switch v := v.(type) {
	case map[string]any:
		b.WriteString("{\n")
		keys := sortedKeys(v)
		for i, k := range keys {
			kb, _ := json.Marshal(k)
			b.WriteString(indent + "  " + string(kb) + ": ")
			writeJSON(b, v[k], indent+"  ")
			if i < len(keys)-1 {
				b.WriteString(",")
			}
			b.WriteString("\n")
		}
		b.WriteString(indent + "}")
	case []any:
		b.WriteString("[\n")
		for i, x := range v {
			b.WriteString(indent + "  ")
			writeJSON(b, x, indent+"  ")
			if i < len(v)-1 {
				b.WriteString(",")
			}
			b.WriteString("\n")
		}
		b.WriteString(indent + "]")
	default:
		s, _ := json.Marshal(v)
		b.Write(s)
	}
}

// oneLine returns v on one line if it nests at most two levels; "" otherwise.
func oneLine(v any) string {
	depth := 0
	var walk func(any, int)
	walk = func(v any, d int) {
		depth = max(depth, d)
		switch v := v.(type) {
		case map[string]any:
			for _, x := range v {
				walk(x, d+1)
			}
		case []any:
			for _, x := range v {
				walk(x, d+1)
			}
		}
	}
	walk(v, 0)
	if depth > 2 {
		return ""
	}
	var b strings.Builder
	var write func(any)
	write = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			b.WriteString("{")
			for i, k := range sortedKeys(v) {
				if i > 0 {
					b.WriteString(", ")
				}
				kb, _ := json.Marshal(k)
				b.Write(kb)
				b.WriteString(": ")
				write(v[k])
			}
			b.WriteString("}")
		case []any:
			b.WriteString("[")
			for i, x := range v {
				if i > 0 {
					b.WriteString(", ")
				}
				write(x)
			}
			b.WriteString("]")
		default:
			s, _ := json.Marshal(v)
			b.Write(s)
		}
	}
	write(v)
	return b.String()
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	// encoding/json orders map keys; keep the same order.
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	return keys
}
