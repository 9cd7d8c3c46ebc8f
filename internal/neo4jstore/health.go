package neo4jstore

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// Timing of the health probe.
const (
	probeTimeout  = 10 * time.Second       // one probe: a cold server on a busy machine may take seconds to answer its first query
	probeInterval = 250 * time.Millisecond // between probes while Neo4j is down
	suspectAfter  = time.Second            // a call this slow makes the probe look (once a second at most)
	freshFor      = 250 * time.Millisecond // a call that succeeded this recently answers Ping
)

// probeFailure holds the probe's last error (of any type, which
// atomic.Value could not hold).
type probeFailure struct{ err error }

// errDown is what calls get, at once, while Neo4j is known not to answer.
var errDown = errors.New("neo4jstore: Neo4j does not answer (waiting for it to come back)")

// health knows whether Neo4j answers, so that calls fail at once while it
// does not instead of each waiting for a connection, a handshake or a
// database that is still starting. A call that fails as unavailable starts a
// probe (one at a time, through its own driver, so a busy pool cannot make a
// live server look dead); the probe marks Neo4j down if it gets no answer
// either, and keeps probing every probeInterval until Neo4j answers, then
// marks it up, starts the warm-up of Neo4j's query caches in the background
// (warm.go) and stops. While it is down, calls return EUNAVAILABLE without
// touching the network, and calls in flight (waiting for a connection, or in
// the driver's retries) are cancelled when it goes down. A nil *health
// (a Store built by hand in a test) never says down.
type health struct {
	ping func(context.Context) error // one probe
	warm func(context.Context)       // run in the background when Neo4j answers again (nil: none)
	log  *slog.Logger

	down      atomic.Bool
	probing   atomic.Bool
	suspected atomic.Int64                 // when a slow call last started a probe (Unix nanoseconds)
	answered  atomic.Int64                 // when a call last succeeded, 0 after one failed as unavailable (Unix nanoseconds)
	last      atomic.Pointer[probeFailure] // the probe's last failure, shown in errors while down
	mu        sync.Mutex                   // guards up, closed, and wg.Add against close's Wait
	up        context.Context
	goDown    context.CancelCauseFunc // cancels up with errDown
	closed    bool
	stop      chan struct{}
	wg        sync.WaitGroup
}

func newHealth(ping func(context.Context) error, log *slog.Logger) *health {
	h := &health{ping: ping, log: log, stop: make(chan struct{})}
	h.up, h.goDown = context.WithCancelCause(context.Background())
	return h
}

// upContext returns a context that is cancelled, with cause errDown, when
// Neo4j is marked down: calls tie themselves to it.
func (h *health) upContext() context.Context {
	if h == nil {
		return context.Background()
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.up
}

// check returns EUNAVAILABLE while Neo4j is down, nil otherwise.
func (h *health) check() error {
	if h == nil || !h.down.Load() {
		return nil
	}
	if last := h.last.Load(); last != nil {
		return domain.Unavailable(fmt.Errorf("%w: %v", errDown, last.err))
	}
	return domain.Unavailable(errDown)
}

// succeeded is told of every call that succeeded.
func (h *health) succeeded() {
	if h != nil {
		h.answered.Store(time.Now().UnixNano())
	}
}

// fresh reports whether a call succeeded within freshFor and none has
// failed as unavailable since: Neo4j serves, as a ping would say. Under
// load this answers the readiness probe without queueing a ping behind the
// calls for a connection and for Neo4j's CPU (a /readyz that lagged 7.8 s
// behind the requests it was to vouch for, docs/benchmarks.md).
func (h *health) fresh() bool {
	if h == nil || h.down.Load() {
		return false
	}
	at := h.answered.Load()
	return at != 0 && time.Since(time.Unix(0, at)) < freshFor
}

// failed is told of every failed call: if the failure looks like Neo4j not
// answering (and is not the caller giving up), it starts a probe unless one
// runs.
func (h *health) failed(ctx context.Context, err error) {
	if h == nil || err == nil || errors.Is(err, errDown) || !unavailable(err) {
		return
	}
	if ctx.Err() != nil && !errors.Is(err, context.DeadlineExceeded) {
		return // the caller went away
	}
	h.answered.Store(0)
	h.startProbe()
}

// suspect is told of a call that has taken suspectAfter: it may be waiting
// for a server that is gone (the driver retries for a while before it gives
// up), so the probe looks, at most once per suspectAfter.
func (h *health) suspect() {
	if h == nil || h.down.Load() {
		return
	}
	now := time.Now().UnixNano()
	last := h.suspected.Load()
	if now-last < int64(suspectAfter) || !h.suspected.CompareAndSwap(last, now) {
		return
	}
	h.startProbe()
}

// startProbe starts the probe unless it runs.
func (h *health) startProbe() {
	if !h.probing.CompareAndSwap(false, true) {
		return
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		h.probing.Store(false)
		return
	}
	h.wg.Add(1)
	go h.probe()
}

// probe pings until Neo4j answers, marking it down after the first failure.
func (h *health) probe() {
	defer h.wg.Done()
	defer h.probing.Store(false)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), probeTimeout)
		err := h.ping(ctx)
		cancel()
		if err == nil {
			h.mu.Lock()
			if h.down.CompareAndSwap(true, false) {
				h.up, h.goDown = context.WithCancelCause(context.Background())
				h.log.Warn("Neo4j answers again")
				if h.warm != nil && !h.closed {
					h.wg.Add(1)
					go h.warmUp(h.up)
				}
			}
			h.mu.Unlock()
			return
		}
		h.last.Store(&probeFailure{err})
		h.mu.Lock()
		if h.down.CompareAndSwap(false, true) {
			h.goDown(errDown)
			h.log.Warn("Neo4j does not answer: failing calls at once until it does", "err", err)
		}
		h.mu.Unlock()
		select {
		case <-time.After(probeInterval):
		case <-h.stop:
			return
		}
	}
}

// warmUp runs warm until it is done, Neo4j goes down again (up is
// cancelled), warmTimeout passes or the store is closed.
func (h *health) warmUp(up context.Context) {
	defer h.wg.Done()
	ctx, cancel := context.WithTimeout(up, warmTimeout)
	defer cancel()
	go func() {
		select {
		case <-h.stop:
			cancel()
		case <-ctx.Done():
		}
	}()
	h.warm(ctx)
}

// close stops the probe and the warm-up and waits for them.
func (h *health) close() {
	if h == nil {
		return
	}
	h.mu.Lock()
	if !h.closed {
		h.closed = true
		close(h.stop)
	}
	h.mu.Unlock()
	h.wg.Wait()
}
