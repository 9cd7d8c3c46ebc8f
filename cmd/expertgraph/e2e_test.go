package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/expertgraph/expertgraph/internal/domain"
	"github.com/expertgraph/expertgraph/internal/httpserver"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/ with the current answers")

// seeded opens a fresh store of the case and loads the seed into it.
func seeded(t *testing.T, sc storeCase) domain.Store {
	t.Helper()
	s := sc.open(t)
	if err := seedIfEmpty(context.Background(), s, discardLogger()); err != nil {
		t.Fatalf("seeding: %v", err)
	}
	return s
}

// gqlResponse is a raw GraphQL over HTTP answer.
type gqlResponse struct {
	Status      int
	ContentType string
	Body        []byte
}

// post sends a GraphQL request to h the way a client would.
func post(t *testing.T, h http.Handler, query string, vars map[string]any) gqlResponse {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	b, _ := io.ReadAll(rec.Body)
	return gqlResponse{Status: rec.Code, ContentType: rec.Header().Get("Content-Type"), Body: b}
}

// canonical re-indents JSON so that answers compare and diff line by line.
func canonical(t *testing.T, b []byte) string {
	t.Helper()
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, b)
	}
	out, _ := json.MarshalIndent(v, "", "  ")
	return string(out)
}

// TestGoldenQueries runs every testdata/queries/*.graphql on every store and
// compares the answer with the .json beside it: both stores must give the
// same answer. go test -run TestGoldenQueries -update rewrites them (from the
// embedded store).
func TestGoldenQueries(t *testing.T) {
	files, err := filepath.Glob("testdata/queries/*.graphql")
	if err != nil || len(files) == 0 {
		t.Fatalf("no queries in testdata/queries: %v", err)
	}
	for _, sc := range testStores(t) {
		t.Run(sc.name, func(t *testing.T) {
			h := httpserver.New(httpserver.Config{Store: seeded(t, sc), Logger: discardLogger(), InOrder: sc.inOrder})
			for _, f := range files {
				name := strings.TrimSuffix(filepath.Base(f), ".graphql")
				t.Run(name, func(t *testing.T) {
					q, err := os.ReadFile(f)
					if err != nil {
						t.Fatal(err)
					}
					got := canonical(t, post(t, h, string(q), nil).Body) + "\n"
					golden := strings.TrimSuffix(f, ".graphql") + ".json"
					if *update && sc.name == "embedded" {
						if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
							t.Fatal(err)
						}
						return
					}
					want, err := os.ReadFile(golden)
					if err != nil {
						t.Fatalf("%v (run with -update to create it)", err)
					}
					if got != string(want) {
						t.Errorf("answer differs from %s:\n%s", golden, lineDiff(string(want), got))
					}
				})
			}
		})
	}
}

// lineDiff shows the first lines where want and got differ.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			b.WriteString("line " + itoa(i+1) + ":\n  want: " + wl + "\n  got:  " + gl + "\n")
			if shown++; shown == 8 {
				b.WriteString("  ...\n")
				break
			}
		}
	}
	return b.String()
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }
