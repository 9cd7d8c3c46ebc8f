package main

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/expertgraph/expertgraph/internal/httpserver"
)

// example is a query of the README and the answer the README shows for it.
type example struct {
	query, answer string
}

// readmeExamples returns every ```graphql block of README.md followed by a
// ```json block: the README's examples.
func readmeExamples(t *testing.T) []example {
	t.Helper()
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile("(?s)```graphql\n(.*?)```\\s*\n```json\n(.*?)```")
	var out []example
	for _, m := range re.FindAllStringSubmatch(string(b), -1) {
		out = append(out, example{query: m[1], answer: m[2]})
	}
	if len(out) < 8 {
		t.Fatalf("README.md has %d examples (a graphql block followed by a json block), want one per DOMAIN question", len(out))
	}
	return out
}

// TestReadmeExamples runs every example of the README on every store and
// checks that it answers exactly what the README shows.
func TestReadmeExamples(t *testing.T) {
	examples := readmeExamples(t)
	for _, sc := range testStores(t) {
		t.Run(sc.name, func(t *testing.T) {
			h := httpserver.New(httpserver.Config{Store: seeded(t, sc), Logger: discardLogger(), InOrder: sc.inOrder})
			for i, ex := range examples {
				t.Run(itoa(i+1), func(t *testing.T) {
					got := canonical(t, post(t, h, ex.query, nil).Body)
					want := canonical(t, []byte(ex.answer))
					if got != want {
						t.Errorf("README example %d answers differently.\nquery:\n%s\n%s\nfull answer:\n%s", i+1, ex.query, lineDiff(want, got), got)
					}
				})
			}
		})
	}
}

// TestReadmeCommands checks that the README gives the two set-up commands
// that CI and newcomers rely on.
func TestReadmeCommands(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, cmd := range []string{"go run ./cmd/expertgraph serve", "scripts/test"} {
		if !strings.Contains(string(b), cmd) {
			t.Errorf("README.md does not give the command %q", cmd)
		}
	}
}
