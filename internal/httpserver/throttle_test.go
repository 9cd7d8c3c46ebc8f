package httpserver

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// TestThrottle checks which lines a one-second throttle lets through, on a
// clock the test moves.
func TestThrottle(t *testing.T) {
	tests := []struct {
		name  string
		at    []time.Duration // when each line is logged
		lines []string        // what the log holds, one entry per line written
	}{
		{"one", []time.Duration{0}, []string{"n=0"}},
		{"a burst is one line", []time.Duration{0, 1, 2, 3}, []string{"n=0"}},
		{"the next second says how many were held back", []time.Duration{0, 1, 2, time.Second}, []string{"n=0", "n=3 suppressed=2"}},
		{"quiet spells log each", []time.Duration{0, 2 * time.Second, 4 * time.Second}, []string{"n=0", "n=1", "n=2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			l := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
				if a.Key == slog.TimeKey || a.Key == slog.LevelKey || a.Key == slog.MessageKey {
					return slog.Attr{}
				}
				return a
			}}))
			start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
			th := newThrottle(time.Second)
			for i, d := range tt.at {
				th.now = func() time.Time { return start.Add(d) }
				th.log(context.Background(), l, slog.LevelError, "m", "n", i)
			}
			got := strings.Split(strings.TrimSpace(buf.String()), "\n")
			if strings.Join(got, "|") != strings.Join(tt.lines, "|") {
				t.Errorf("log:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.lines, "\n"))
			}
		})
	}
}

// TestUnavailableIsLoggedOncePerSecond sends a burst of requests that fail
// with UNAVAILABLE and checks that the log holds one line for them, not one
// each, while every client still gets its UNAVAILABLE.
func TestUnavailableIsLoggedOncePerSecond(t *testing.T) {
	var logs bytes.Buffer
	h := GraphQL(Config{Logger: slog.New(slog.NewTextHandler(&logs, nil)), Store: stubStore{list: func(context.Context) (*domain.MeetingConnection, error) {
		return nil, domain.Unavailable(errors.New("connection refused"))
	}}})
	start := time.Now()
	for i := 0; i < 50; i++ {
		if _, out := do(t, h, `{meetings{totalCount}}`); func() string { c, _ := firstError(t, out); return c }() != "UNAVAILABLE" {
			t.Fatalf("request %d: not UNAVAILABLE: %v", i, out)
		}
	}
	// One line per second they took, and the first.
	most := int(time.Since(start)/time.Second) + 1
	if n := strings.Count(logs.String(), "connection refused"); n < 1 || n > most {
		t.Errorf("50 UNAVAILABLE requests wrote %d log lines, want 1 to %d:\n%s", n, most, logs.String())
	}
}
