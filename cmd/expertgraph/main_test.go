package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// startServe runs `expertgraph serve` in the test process on a free port and
// returns its base URL and a function that stops it and returns run's error.
func startServe(t *testing.T, env map[string]string, args ...string) (string, func() error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	getenv := func(k string) string { return env[k] }
	go func() {
		done <- run(ctx, append([]string{"serve", "-addr", "127.0.0.1:0", "-log-level", "error"}, args...), getenv, pw, io.Discard)
		pw.Close()
	}()
	lines := bufio.NewScanner(pr)
	addr := regexp.MustCompile(`http://([0-9.:]+)/graphql`)
	for lines.Scan() {
		if m := addr.FindStringSubmatch(lines.Text()); m != nil {
			go io.Copy(io.Discard, pr)
			stop := func() error {
				cancel()
				select {
				case err := <-done:
					return err
				case <-time.After(20 * time.Second):
					t.Fatal("serve did not stop within 20s of its context ending")
					return nil
				}
			}
			return "http://" + m[1], stop
		}
	}
	cancel()
	t.Fatalf("serve exited before listening: %v", <-done)
	return "", nil
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestServeEmbeddedSeedsPersistsAndShutsDown(t *testing.T) {
	data := filepath.Join(t.TempDir(), "sub", "graph.json")
	env := map[string]string{"EXPERTGRAPH_DATA": data}
	base, stop := startServe(t, env)

	for _, path := range []string{"/healthz", "/readyz"} {
		if code, body := get(t, base+path); code != http.StatusOK {
			t.Errorf("GET %s = %d %q, want 200", path, code, body)
		}
	}
	if code, body := get(t, base+"/"); code != http.StatusOK || !strings.Contains(body, "graphiql") {
		t.Errorf("GET / = %d, want GraphiQL", code)
	}
	q := `/graphql?query=` + strings.ReplaceAll(`{meeting(id:"raec-5"){title}}`, " ", "%20")
	code, body := get(t, base+q)
	if code != http.StatusOK || !strings.Contains(body, "Russia") {
		t.Fatalf("GET %s = %d %s", q, code, body)
	}
	if err := stop(); err != nil {
		t.Fatalf("serve returned %v after a clean shutdown", err)
	}

	// Restart on the same file: the graph is read back, not seeded again.
	base, stop = startServe(t, env, "-seed=false")
	defer stop()
	if code, body := get(t, base+q); code != http.StatusOK || !strings.Contains(body, "Russia") {
		t.Fatalf("after restart without seeding: %d %s", code, body)
	}
}

// TestBatchWaitOnEmbeddedWarns checks that serve says so when -batch-wait is
// set on the embedded store, which never batches, and not otherwise.
func TestBatchWaitOnEmbeddedWarns(t *testing.T) {
	tests := []struct {
		name string
		args []string
		warn bool
	}{
		{"set", []string{"-batch-wait", "5ms"}, true},
		{"not set", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			env := map[string]string{"EXPERTGRAPH_DATA": filepath.Join(t.TempDir(), "graph.json")}
			pr, pw := io.Pipe()
			var logs syncBuffer
			done := make(chan error, 1)
			go func() {
				args := append([]string{"serve", "-addr", "127.0.0.1:0", "-log-level", "warn"}, tt.args...)
				done <- run(ctx, args, func(k string) string { return env[k] }, pw, &logs)
				pw.Close()
			}()
			lines := bufio.NewScanner(pr)
			for lines.Scan() && !strings.Contains(lines.Text(), "serving GraphQL") {
			}
			go io.Copy(io.Discard, pr)
			cancel()
			if err := <-done; err != nil {
				t.Fatalf("serve: %v", err)
			}
			if got := strings.Contains(logs.String(), "-batch-wait is ignored on the embedded store"); got != tt.warn {
				t.Errorf("warned %v, want %v; log:\n%s", got, tt.warn, logs.String())
			}
		})
	}
}

// syncBuffer is a bytes.Buffer safe for the server's logger and the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestRunRefusesBadConfiguration(t *testing.T) {
	tests := []struct {
		name string
		args []string
		env  map[string]string
		want string
	}{
		{"unknown command", []string{"frobnicate"}, nil, "usage"},
		{"unknown store", []string{"serve", "-store", "postgres"}, nil, `unknown store "postgres"`},
		{"bad duration", []string{"serve"}, map[string]string{"NEO4J_CONNECT_TIMEOUT": "soon"}, "NEO4J_CONNECT_TIMEOUT"},
		{"bad batch wait", []string{"serve"}, map[string]string{"EXPERTGRAPH_BATCH_WAIT": "brief"}, "EXPERTGRAPH_BATCH_WAIT"},
		{"negative batch wait", []string{"serve", "-batch-wait", "-1ms"}, nil, "-batch-wait"},
		{"bad gc percent", []string{"serve", "-gc-percent", "0"}, nil, "-gc-percent"},
		{"bad gc percent env", []string{"serve"}, map[string]string{"EXPERTGRAPH_GC_PERCENT": "lots"}, "-gc-percent"},
		{"bad read timeout", []string{"serve"}, map[string]string{"NEO4J_READ_TIMEOUT": "soon"}, "NEO4J_READ_TIMEOUT"},
		{"bad write timeout", []string{"serve"}, map[string]string{"NEO4J_WRITE_TIMEOUT": "10"}, "NEO4J_WRITE_TIMEOUT"},
		{"bad seed flag", []string{"serve"}, map[string]string{"EXPERTGRAPH_SEED": "yes"}, "EXPERTGRAPH_SEED"},
		{"bad log level", []string{"serve", "-log-level", "loud"}, nil, "log level"},
		{"stray argument", []string{"serve", "extra"}, nil, "usage"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := map[string]string{"EXPERTGRAPH_DATA": filepath.Join(t.TempDir(), "g.json")}
			for k, v := range tt.env {
				env[k] = v
			}
			err := run(context.Background(), tt.args, func(k string) string { return env[k] }, io.Discard, io.Discard)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("run(%q) = %v, want an error containing %q", tt.args, err, tt.want)
			}
		})
	}
}
