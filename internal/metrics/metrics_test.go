package metrics_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/expertgraph/expertgraph/internal/dataset"
	"github.com/expertgraph/expertgraph/internal/domain"
	"github.com/expertgraph/expertgraph/internal/httpserver"
	"github.com/expertgraph/expertgraph/internal/instrument"
	"github.com/expertgraph/expertgraph/internal/memstore"
	"github.com/expertgraph/expertgraph/internal/metrics"
	"github.com/expertgraph/expertgraph/seed"
)

// server is the whole HTTP handler on the seed, with metrics.
func server(t *testing.T) (http.Handler, *metrics.Metrics) {
	t.Helper()
	s, err := memstore.Open(filepath.Join(t.TempDir(), "graph.json"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close(context.Background()) })
	g, err := dataset.Load(seed.FS)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Upsert(context.Background(), g); err != nil {
		t.Fatal(err)
	}
	m := metrics.New()
	h := httpserver.New(httpserver.Config{
		Store:   instrument.Wrap(s, m.ObserveStore),
		Logger:  slog.New(slog.NewTextHandler(io.Discard, nil)),
		Metrics: m,
	})
	return h, m
}

func postQuery(t *testing.T, h http.Handler, query string) {
	t.Helper()
	body := `{"query":` + strconv.Quote(query) + `}`
	req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	h.ServeHTTP(httptest.NewRecorder(), req)
}

// scrape reads /metrics and returns each series (name{labels} as printed)
// with its value.
func scrape(t *testing.T, h http.Handler) map[string]float64 {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("GET /metrics = %d", rec.Code)
	}
	out := map[string]float64{}
	sc := bufio.NewScanner(rec.Body)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		i := strings.LastIndexByte(line, ' ')
		v, err := strconv.ParseFloat(line[i+1:], 64)
		if err != nil {
			t.Fatalf("metrics line %q: %v", line, err)
		}
		out[line[:i]] = v
	}
	return out
}

func TestQueriesMoveTheCounters(t *testing.T) {
	tests := []struct {
		name  string
		query string
		want  []string // series that must grow by one
	}{
		{"named", `query MeetingTitle { meeting(id: "raec-5") { title } }`, []string{
			`expertgraph_graphql_requests_total{operation="MeetingTitle"}`,
			`expertgraph_graphql_request_duration_seconds_count{operation="MeetingTitle"}`,
		}},
		{"anonymous", `{ meeting(id: "raec-5") { date } }`, []string{
			`expertgraph_graphql_requests_total{operation="anonymous"}`,
		}},
		{"not found", `query Missing { meeting(id: "no-such-meeting") { title } }`, []string{
			`expertgraph_graphql_requests_total{operation="Missing"}`,
			`expertgraph_graphql_errors_total{code="NOT_FOUND",operation="Missing"}`,
		}},
		{"parse error", `query Broken {`, []string{
			`expertgraph_graphql_errors_total{code="GRAPHQL_PARSE_FAILED",operation="anonymous"}`,
		}},
		{"validation error", `query Bad { noSuchField }`, []string{
			`expertgraph_graphql_errors_total{code="GRAPHQL_VALIDATION_FAILED",operation="anonymous"}`,
		}},
		{"too complex", `query Huge { meetings(first: 100) { nodes { speakers { person { appearances { meeting { speakers { title } } } } } } } }`, []string{
			`expertgraph_graphql_errors_total{code="COMPLEXITY_LIMIT_EXCEEDED",operation="Huge"}`,
		}},
	}
	h, _ := server(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := scrape(t, h)
			postQuery(t, h, tt.query)
			after := scrape(t, h)
			for _, series := range tt.want {
				if got := after[series] - before[series]; got != 1 {
					t.Errorf("%s moved by %v, want 1", series, got)
				}
			}
		})
	}
}

func TestStoreRoundTripsAndRuntimeMetrics(t *testing.T) {
	h, _ := server(t)
	before := scrape(t, h)
	postQuery(t, h, `query Speakers { meeting(id: "raec-5") { speakers { person { name } } } council(id: "raec") { name } }`)
	after := scrape(t, h)
	// The meeting is read with its speakers and their people in one call
	// (loader/include.go), the council alone.
	for _, method := range []string{"MeetingsWith", "Councils"} {
		series := fmt.Sprintf(`expertgraph_store_calls_total{method=%q}`, method)
		if after[series] <= before[series] {
			t.Errorf("%s did not move (%v then %v)", series, before[series], after[series])
		}
		hist := fmt.Sprintf(`expertgraph_store_call_duration_seconds_count{method=%q}`, method)
		if after[hist] != after[series] {
			t.Errorf("%s = %v, want one observation per call (%v)", hist, after[hist], after[series])
		}
	}
	for _, series := range []string{"go_goroutines", "process_resident_memory_bytes"} {
		if _, ok := after[series]; !ok {
			t.Errorf("no %s: the Go runtime and process collectors are missing", series)
		}
	}
}

func TestStoreErrorsByCode(t *testing.T) {
	m := metrics.New()
	m.ObserveStore(context.Background(), "Meetings", time.Millisecond, domain.Errorf(domain.EUNAVAILABLE, "down"))
	m.ObserveStore(context.Background(), "Meetings", time.Millisecond, context.DeadlineExceeded)
	m.ObserveStore(context.Background(), "Meetings", time.Millisecond, nil)
	h := m.Handler()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	for _, want := range []string{
		`expertgraph_store_calls_total{method="Meetings"} 3`,
		`expertgraph_store_errors_total{code="unavailable",method="Meetings"} 1`,
		`expertgraph_store_errors_total{code="timeout",method="Meetings"} 1`,
	} {
		if !strings.Contains(rec.Body.String(), want+"\n") {
			t.Errorf("/metrics lacks %s", want)
		}
	}
}

// TestOperationNamesAreCapped sends more distinct operation names than the
// cap: the rest are counted under "other", so a client cannot grow the
// registry without bound.
func TestOperationNamesAreCapped(t *testing.T) {
	h, _ := server(t)
	const extra = 5
	for i := range metrics.MaxOperations + extra {
		postQuery(t, h, fmt.Sprintf(`query Op%d { __typename }`, i))
	}
	got := scrape(t, h)
	names := 0
	for series := range got {
		if strings.HasPrefix(series, "expertgraph_graphql_requests_total{") {
			names++
		}
	}
	if names != metrics.MaxOperations+1 {
		t.Errorf("%d operation label values, want %d names and other", names, metrics.MaxOperations)
	}
	if v := got[`expertgraph_graphql_requests_total{operation="other"}`]; v != extra {
		t.Errorf(`requests_total{operation="other"} = %v, want %d`, v, extra)
	}
}
