package httpserver

import (
	"context"
	"log/slog"
	"sync"
	"time"
)

// throttle logs at most one line per period: while Neo4j is down every
// request fails with UNAVAILABLE, and a line for each (thousands a second
// under load) would flood the log and the disk. The lines it holds back are
// counted and the count is given on the next line it lets through.
type throttle struct {
	period time.Duration
	now    func() time.Time

	mu         sync.Mutex
	last       time.Time
	suppressed int
}

func newThrottle(period time.Duration) *throttle {
	return &throttle{period: period, now: time.Now}
}

// log writes msg with args at level if a period has passed since the last
// line it wrote; otherwise it only counts it.
func (t *throttle) log(ctx context.Context, l *slog.Logger, level slog.Level, msg string, args ...any) {
	t.mu.Lock()
	now := t.now()
	if !t.last.IsZero() && now.Sub(t.last) < t.period {
		t.suppressed++
		t.mu.Unlock()
		return
	}
	n := t.suppressed
	t.last, t.suppressed = now, 0
	t.mu.Unlock()
	if n > 0 {
		args = append(args, "suppressed", n)
	}
	l.Log(ctx, level, msg, args...)
}
