package httpserver

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/99designs/gqlgen/graphql/handler/transport"

	"github.com/expertgraph/expertgraph/internal/dataset"
	"github.com/expertgraph/expertgraph/internal/memstore"
	"github.com/expertgraph/expertgraph/seed"
)

// TestPostAnswersAsGQLGen sends the same requests through the server's POST
// transport and through gqlgen's, over the seed, and checks that they
// answer alike: status, content type and JSON (ours writes the data as the
// executor wrote it, gqlgen re-encodes it, escaping <, > and &).
func TestPostAnswersAsGQLGen(t *testing.T) {
	st := seeded(t)
	limits := DefaultLimits
	limits.MaxBodyBytes = 4096
	cfg := Config{Store: st, Logger: slog.New(slog.DiscardHandler), Limits: limits, InOrder: true}
	ours, theirs := graphQL(cfg, newPost()), graphQL(cfg, transport.POST{UseGrapQLResponseJsonByDefault: true})
	query := func(q string) string { b, _ := json.Marshal(map[string]string{"query": q}); return string(b) }
	tests := []struct {
		name, body, accept string
		wantStatus         int
	}{
		{"an answer", query(`{ meeting(id: "raec-5") { id title date speakers { order roles person { name } institution { name } } } }`), "", 200},
		{"text with quotes", query(`{ lookup(name: "3+3") { id ... on Initiative { name shortName aliases } } }`), "", 200},
		{"an error quoting <, > and &", query(`{ recurrence(ids: ["<a&b>"]) { meetingCount } }`), "", 200},
		{"asks for application/json", query(`{ meeting(id: "raec-5") { id } }`), "application/json", 200},
		{"accepts anything", query(`{ meeting(id: "raec-5") { id } }`), "*/*", 200},
		{"variables", `{"query":"query($id: ID!) { meeting(id: $id) { title } }","variables":{"id":"raec-5"}}`, "", 200},
		{"nothing found", query(`{ meeting(id: "no-such-meeting") { id } }`), "", 200},
		{"a syntax error", query(`{ meeting(id: "raec-5") { id `), "", 400},
		{"an unknown field", query(`{ meeting(id: "raec-5") { nope } }`), "application/json", 422},
		{"a missing variable", `{"query":"query($id: ID!) { meeting(id: $id) { title } }"}`, "", 400},
		{"not JSON", `{"query": `, "", 400},
		{"too large", query(`{ meeting(id: "` + strings.Repeat("x", 5000) + `") { id } }`), "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got [2]*httptest.ResponseRecorder
			for i, h := range []http.Handler{ours, theirs} {
				req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(tt.body))
				req.Header.Set("Content-Type", "application/json")
				if tt.accept != "" {
					req.Header.Set("Accept", tt.accept)
				}
				got[i] = httptest.NewRecorder()
				h.ServeHTTP(got[i], req)
			}
			o, g := got[0], got[1]
			if o.Code != g.Code || (tt.wantStatus != 0 && o.Code != tt.wantStatus) {
				t.Errorf("status %d, gqlgen's %d (want %d)", o.Code, g.Code, tt.wantStatus)
			}
			if oc, gc := o.Header().Get("Content-Type"), g.Header().Get("Content-Type"); oc != gc {
				t.Errorf("content type %q, gqlgen's %q", oc, gc)
			}
			if oj, gj := reencode(t, o.Body.Bytes()), reencode(t, g.Body.Bytes()); oj != gj {
				t.Errorf("answer\n%s\ngqlgen's\n%s", oj, gj)
			}
			if !json.Valid(o.Body.Bytes()) || bytes.Contains(o.Body.Bytes(), []byte("\n")) {
				t.Errorf("not one line of JSON: %s", o.Body)
			}
			n := o.Header().Get("Content-Length")
			if n != "" && n != strconv.Itoa(o.Body.Len()) {
				t.Errorf("Content-Length %s, body of %d bytes", n, o.Body.Len())
			}
			if answered := o.Code == http.StatusOK && !bytes.Contains(o.Body.Bytes(), []byte(`"errors"`)); answered && n == "" {
				t.Errorf("an answer without errors has no Content-Length")
			}
		})
	}
}

// seeded returns an embedded store in memory holding the seed, closed when
// the test ends.
func seeded(t *testing.T) *memstore.Store {
	t.Helper()
	st, err := memstore.Open("")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close(context.Background()) })
	g, err := dataset.Load(seed.FS)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Upsert(t.Context(), g); err != nil {
		t.Fatal(err)
	}
	return st
}

// reencode parses JSON and writes it again, so that answers compare whatever
// their escaping.
func reencode(t *testing.T, b []byte) string {
	t.Helper()
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, b)
	}
	out, _ := json.Marshal(v)
	return string(out)
}

// TestLentBuffersAnswerEachRequest sends requests with answers of different
// sizes from several goroutines at once: each must get its own answer whole,
// though answers are written into buffers that requests take from a pool
// and give back.
func TestLentBuffersAnswerEachRequest(t *testing.T) {
	st := seeded(t)
	h := graphQL(Config{Store: st, Logger: slog.New(slog.DiscardHandler), InOrder: true}, newPost())
	queries := []string{
		`{ meeting(id: "raec-5") { id title date speakers { order roles title person { id name } institution { id name } } } }`,
		`{ meeting(id: "raec-5") { id } }`,
		`{ lookup(name: "3+3") { id ... on Initiative { name shortName aliases } } }`,
		`{ meeting(id: "no-such-meeting") { id } }`,
	}
	send := func(q string) string {
		b, _ := json.Marshal(map[string]string{"query": q})
		req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(b))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec.Body.String()
	}
	want := make([]string, len(queries))
	for i, q := range queries {
		want[i] = send(q)
	}
	if len(want[0]) < 1000 || len(want[1]) > 100 {
		t.Fatalf("the answers should differ in size: %d and %d bytes", len(want[0]), len(want[1]))
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for c := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range 200 {
				i := (c + n) % len(queries)
				if got := send(queries[i]); got != want[i] {
					errs <- fmt.Sprintf("query %d: got\n%.300s\nwant\n%.300s", i, got, want[i])
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
