package workload

import (
	"context"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/expertgraph/expertgraph/bench/gen"
)

// stamped is a Target that notes when each Send returned and when each
// Check was called.
type stamped struct {
	mu            sync.Mutex
	sent, checked []time.Time
	checkTakes    time.Duration
}

func (s *stamped) Send(ctx context.Context, q string, p Params) Check {
	s.mu.Lock()
	s.sent = append(s.sent, time.Now())
	s.mu.Unlock()
	return func() (string, error) {
		s.mu.Lock()
		s.checked = append(s.checked, time.Now())
		s.mu.Unlock()
		time.Sleep(s.checkTakes)
		return "", nil
	}
}

func (s *stamped) Close() error { return nil }

// TestLatencyEndsWithTheAnswer: a request's latency runs from before Send
// to Send's return; checking the answer comes after and is not counted.
func TestLatencyEndsWithTheAnswer(t *testing.T) {
	target := &stamped{checkTakes: 20 * time.Millisecond}
	s := &gen.Sample{Meetings: []string{"m1"}}
	cfg := Config{Clients: 1, Duration: 150 * time.Millisecond, Seed: 1}
	samples := phase(context.Background(), target, s, cfg, nil, []string{"q1-speakers"}).samples
	if len(samples) == 0 {
		t.Fatal("no request measured")
	}
	target.mu.Lock()
	defer target.mu.Unlock()
	off := len(target.sent) - len(samples) // requests before measuring began
	for i, x := range samples {
		i := i + off
		end := x.at.Add(x.d)
		if end.Before(target.sent[i]) {
			t.Errorf("request %d: the clock stopped before the answer was in", i)
		}
		if end.After(target.checked[i]) {
			t.Errorf("request %d: the clock ran %v past the start of the answer's check", i, end.Sub(target.checked[i]))
		}
	}
}

func TestCheckAnswer(t *testing.T) {
	tests := []struct {
		name   string
		status int
		body   string
		code   string
	}{
		{"data", http.StatusOK, `{"data":{"meeting":{"id":"m1"}}}`, ""},
		{"an error with a code", http.StatusOK, `{"errors":[{"message":"no","extensions":{"code":"BAD_USER_INPUT"}}],"data":null}`, "BAD_USER_INPUT"},
		{"an error without a code", http.StatusOK, `{"errors":[{"message":"no"}],"data":{"x":1}}`, "UNKNOWN"},
		{"not 200", http.StatusServiceUnavailable, `{"data":{"x":1}}`, "HTTP_503"},
		{"null data", http.StatusOK, `{"data":null}`, "NO_DATA"},
		{"no data", http.StatusOK, `{}`, "NO_DATA"},
		{"not JSON", http.StatusBadGateway, `<html>bad gateway</html>`, "HTTP_502"},
		{"cut short", http.StatusOK, `{"data":{"meeting":`, "HTTP_200"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, err := checkAnswer(tt.status, []byte(tt.body))
			if code != tt.code {
				t.Errorf("code %q, want %q (error %v)", code, tt.code, err)
			}
			if (err != nil) != (tt.code != "") {
				t.Errorf("error %v with code %q", err, code)
			}
		})
	}
}
