package neo4jstore

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// waitFor polls cond until it holds or a minute passes (a bound for a busy
// machine, not a measurement).
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within a minute", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestHealth drives the health probe with a ping that fails or succeeds at
// will: a call failing as unavailable marks Neo4j down once the probe fails
// too, calls then fail at once with EUNAVAILABLE, and the probe marks it up
// as soon as the ping answers again and starts the warm-up once, which ends
// when Neo4j goes down again. Failures that are not unavailability, or a
// probe that succeeds at once, leave it up, with no warm-up. A success is
// fresh (answers Ping) until a call fails as unavailable.
func TestHealth(t *testing.T) {
	unavailableErr := &neo4j.ConnectivityError{Inner: io.EOF}
	tests := []struct {
		name     string
		failure  error // what a call reports
		pingDown bool  // whether the probe's ping fails
		wantDown bool
	}{
		{"server gone, probe fails", unavailableErr, true, true},
		{"server busy, probe answers", unavailableErr, false, false},
		{"query refused", &neo4j.Neo4jError{Code: "Neo.ClientError.Statement.SyntaxError"}, true, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var down atomic.Bool
			down.Store(tc.pingDown)
			var pings atomic.Int32
			h := newHealth(func(context.Context) error {
				n := pings.Add(1)
				switch {
				case !down.Load():
					return nil
				case n%2 == 0: // errors of different types, as the driver's are
					return &neo4j.ConnectivityError{Inner: io.EOF}
				}
				return errors.New("connection refused")
			}, slog.New(slog.NewTextHandler(io.Discard, nil)))
			var warms, warmsEnded atomic.Int32
			h.warm = func(ctx context.Context) {
				warms.Add(1)
				<-ctx.Done()
				warmsEnded.Add(1)
			}
			t.Cleanup(h.close)
			h.succeeded()
			if !h.fresh() {
				t.Fatal("a call has just succeeded, but fresh() says no")
			}

			up := h.upContext()
			h.failed(context.Background(), tc.failure)
			if fresh := h.fresh(); fresh == unavailable(tc.failure) {
				t.Errorf("after a call failed with %v: fresh() = %v", tc.failure, fresh)
			}
			waitFor(t, "the probe to finish its first ping", func() bool { return pings.Load() > 0 || !unavailable(tc.failure) })
			if !tc.wantDown {
				waitFor(t, "the probe to stop", func() bool { return !h.probing.Load() })
				if err := h.check(); err != nil || up.Err() != nil {
					t.Fatalf("check() = %v, calls cancelled: %v; want neither", err, context.Cause(up))
				}
				if n := warms.Load(); n != 0 {
					t.Fatalf("%d warm-ups while Neo4j stayed up, want none", n)
				}
				return
			}
			waitFor(t, "Neo4j marked down", func() bool { return h.down.Load() })
			err := h.check()
			if code := domain.ErrorCode(err); code != domain.EUNAVAILABLE || !errors.Is(err, errDown) {
				t.Fatalf("check() while down = %v (code %s), want EUNAVAILABLE", err, code)
			}
			if cause := context.Cause(up); !errors.Is(cause, errDown) {
				t.Fatalf("calls in flight when Neo4j went down: cause %v, want errDown", cause)
			}
			waitFor(t, "a few probes while down", func() bool { return pings.Load() >= 3 })
			down.Store(false)
			waitFor(t, "Neo4j marked up again", func() bool { return h.check() == nil })
			if err := h.upContext().Err(); err != nil {
				t.Fatalf("calls after Neo4j came back are cancelled: %v", err)
			}
			waitFor(t, "the probe to stop", func() bool { return !h.probing.Load() })
			waitFor(t, "the warm-up to start", func() bool { return warms.Load() == 1 })
			down.Store(true)
			h.failed(context.Background(), unavailableErr)
			waitFor(t, "the warm-up to end when Neo4j goes down again", func() bool { return warmsEnded.Load() == 1 })
			if n := warms.Load(); n != 1 {
				t.Fatalf("%d warm-ups for one return, want 1", n)
			}
		})
	}
}

// silentServer accepts TCP connections and never answers, as a Bolt port
// whose database is still starting does.
func silentServer(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var conns []net.Conn
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, c)
			mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		ln.Close()
		mu.Lock()
		defer mu.Unlock()
		for _, c := range conns {
			c.Close()
		}
	})
	return ln.Addr().String()
}

// TestSilentServer: against a server that accepts connections but never
// answers, a read fails with EUNAVAILABLE within its timeout instead of
// waiting for the server, and once the probe has marked Neo4j down the next
// read fails at once, without touching the network.
func TestSilentServer(t *testing.T) {
	uri := "bolt://" + silentServer(t)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	driver, err := neo4j.NewDriverWithContext(uri, neo4j.NoAuth(), func(c *config.Config) {
		c.ConnectionAcquisitionTimeout = 500 * time.Millisecond
		c.MaxTransactionRetryTime = 500 * time.Millisecond
	})
	if err != nil {
		t.Fatal(err)
	}
	probe, err := neo4j.NewDriverWithContext(uri, neo4j.NoAuth(), func(c *config.Config) { c.MaxConnectionPoolSize = 1 })
	if err != nil {
		t.Fatal(err)
	}
	s := &Store{driver: driver, probe: probe, db: "neo4j", log: log, readTimeout: time.Second, writeTimeout: time.Second}
	s.health = newHealth(func(ctx context.Context) error { return pingWith(ctx, probe, s.db) }, log)
	t.Cleanup(func() { s.Close(context.Background()) })

	_, err = s.Stats(context.Background())
	if code := domain.ErrorCode(err); code != domain.EUNAVAILABLE {
		t.Fatalf("Stats against a silent server: %v (code %q), want EUNAVAILABLE", err, code)
	}
	waitFor(t, "the probe to mark Neo4j down", func() bool { return s.health.down.Load() })
	_, err = s.Stats(context.Background())
	if code := domain.ErrorCode(err); code != domain.EUNAVAILABLE || !errors.Is(err, errDown) {
		t.Fatalf("Stats once Neo4j is known down: %v (code %q), want the fail-fast EUNAVAILABLE", err, code)
	}
	if err := s.Ping(context.Background()); !errors.Is(err, errDown) {
		t.Fatalf("Ping once Neo4j is known down: %v, want the fail-fast EUNAVAILABLE", err)
	}
}
