package httpserver

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/extension"

	"github.com/expertgraph/expertgraph/internal/domain"
	"github.com/expertgraph/expertgraph/internal/metrics"
)

// stubStore answers ListMeetings with a function of the test; any other
// method is not expected (the embedded nil interface panics).
type stubStore struct {
	domain.Store
	list func(ctx context.Context) (*domain.MeetingConnection, error)
	ping error
}

func (s stubStore) ListMeetings(ctx context.Context, q domain.MeetingQuery) (*domain.MeetingConnection, error) {
	return s.list(ctx)
}
func (s stubStore) Ping(ctx context.Context) error { return s.ping }

func do(t *testing.T, h http.Handler, query string) (int, map[string]any) {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"query": query})
	req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	var out map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil {
		t.Fatalf("not JSON: %s", rec.Body)
	}
	return rec.Code, out
}

func firstError(t *testing.T, out map[string]any) (code, msg string) {
	t.Helper()
	errs, _ := out["errors"].([]any)
	if len(errs) == 0 {
		t.Fatalf("no errors in %v", out)
	}
	e := errs[0].(map[string]any)
	ext, _ := e["extensions"].(map[string]any)
	code, _ = ext["code"].(string)
	msg, _ = e["message"].(string)
	return code, msg
}

func TestStoreFailuresAreMappedOnceAtTheEdge(t *testing.T) {
	var logs bytes.Buffer
	log := slog.New(slog.NewTextHandler(&logs, nil))
	tests := []struct {
		name     string
		list     func(ctx context.Context) (*domain.MeetingConnection, error)
		limits   Limits
		wantCode string
		wantMsg  string
		wantLog  string
	}{
		{"panic", func(context.Context) (*domain.MeetingConnection, error) { panic("boom at store.go:42") },
			Limits{}, "INTERNAL", "internal error", "boom"},
		{"unexpected error", func(context.Context) (*domain.MeetingConnection, error) {
			return nil, errors.New("disk on fire /var/lib/secret")
		}, Limits{}, "INTERNAL", "internal error", "disk on fire"},
		{"unavailable", func(context.Context) (*domain.MeetingConnection, error) {
			return nil, domain.Unavailable(errors.New("dial tcp 127.0.0.1:7687: connection refused"))
		}, Limits{}, "UNAVAILABLE", "the database is unavailable; try again shortly", "connection refused"},
		{"invalid", func(context.Context) (*domain.MeetingConnection, error) {
			return nil, domain.Invalidf("first", "first may be at most 100")
		}, Limits{}, "BAD_USER_INPUT", "first: first may be at most 100", ""},
		{"timeout", func(ctx context.Context) (*domain.MeetingConnection, error) {
			<-ctx.Done()
			return nil, ctx.Err()
		}, Limits{MaxDepth: 10, MaxFields: 100, MaxComplexity: 1000, MaxBodyBytes: 1000, Timeout: 50}, "TIMEOUT", "took too long", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			logs.Reset()
			h := GraphQL(Config{Store: stubStore{list: tt.list}, Logger: log, Limits: tt.limits})
			start := time.Now()
			status, out := do(t, h, `{meetings{totalCount}}`)
			if time.Since(start) > 10*time.Second {
				t.Fatal("the request was not stopped")
			}
			code, msg := firstError(t, out)
			if status != http.StatusOK || code != tt.wantCode || msg != tt.wantMsg && !strings.Contains(msg, tt.wantMsg) {
				t.Errorf("got %d %s %q, want 200 %s %q", status, code, msg, tt.wantCode, tt.wantMsg)
			}
			if !strings.Contains(logs.String(), tt.wantLog) {
				t.Errorf("the log does not record %q:\n%s", tt.wantLog, logs.String())
			}
		})
	}
}

func TestReadyzFollowsTheStore(t *testing.T) {
	for _, tt := range []struct {
		ping error
		want int
	}{{nil, http.StatusOK}, {domain.Unavailable(errors.New("down")), http.StatusServiceUnavailable}} {
		h := New(Config{Store: stubStore{ping: tt.ping}, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/readyz", nil))
		if rec.Code != tt.want {
			t.Errorf("ping %v: /readyz = %d, want %d", tt.ping, rec.Code, tt.want)
		}
	}
}

func TestCORSAllowsOnlyConfiguredOrigins(t *testing.T) {
	h := New(Config{Store: stubStore{}, CORSOrigins: []string{"https://dash.example.org"}, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	for origin, want := range map[string]string{"https://dash.example.org": "https://dash.example.org", "https://evil.example": ""} {
		req := httptest.NewRequest(http.MethodOptions, "/graphql", nil)
		req.Header.Set("Origin", origin)
		req.Header.Set("Access-Control-Request-Method", "POST")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if got := rec.Header().Get("Access-Control-Allow-Origin"); got != want {
			t.Errorf("origin %s: Access-Control-Allow-Origin %q, want %q", origin, got, want)
		}
	}
}

func TestPprofOnlyWhenAsked(t *testing.T) {
	for _, on := range []bool{false, true} {
		h := New(Config{Store: stubStore{}, Pprof: on, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/debug/pprof/", nil))
		if got := rec.Code == http.StatusOK; got != on {
			t.Errorf("Pprof %v: GET /debug/pprof/ = %d", on, rec.Code)
		}
	}
}

// fieldSpy is an extension that intercepts fields.
type fieldSpy struct{}

func (fieldSpy) ExtensionName() string                   { return "fieldSpy" }
func (fieldSpy) Validate(graphql.ExecutableSchema) error { return nil }
func (fieldSpy) InterceptField(ctx context.Context, next graphql.Resolver) (any, error) {
	return next(ctx)
}

// TestInterceptsFields checks that fields are read directly
// (graph.Resolver.DirectFields) only when no extension of the server
// intercepts them: the server's own do not, one that does turns it off.
func TestInterceptsFields(t *testing.T) {
	own := []graphql.HandlerExtension{extension.Introspection{}, shape{maxDepth: 1, maxFields: 1},
		extension.FixedComplexityLimit(1), metrics.New().Extension()}
	cases := []struct {
		name string
		exts []graphql.HandlerExtension
		want bool
	}{
		{"none", nil, false},
		{"the server's own", own, false},
		{"one that intercepts fields", append(own[:len(own):len(own)], fieldSpy{}), true},
	}
	for _, c := range cases {
		if got := interceptsFields(c.exts); got != c.want {
			t.Errorf("%s: interceptsFields %v, want %v", c.name, got, c.want)
		}
	}
}
