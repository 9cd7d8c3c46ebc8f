package workload

import (
	"context"
	"math/rand/v2"
	"time"

	"github.com/expertgraph/expertgraph/bench/gen"
)

// WarmStat is how a question fared in Warm.
type WarmStat struct {
	Attempts  int     `json:"attempts"`
	Seconds   float64 `json:"seconds"`             // until its first success, or until the deadline
	OK        bool    `json:"ok"`                  // answered without errors once
	LastError string  `json:"lastError,omitempty"` // the last failure, if any
}

// Warm asks each question in turn until it is answered without errors, one
// request at a time, pausing between failed attempts, and gives up on the
// questions left when timeout has passed since the start. A fresh server
// (Neo4j planning its first queries, caches cold) answers each question
// slowly once; a broken question never does.
func Warm(ctx context.Context, t Target, s *gen.Sample, questions []string, seed uint64, timeout time.Duration) map[string]*WarmStat {
	if len(questions) == 0 {
		questions = Questions
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	r := rand.New(rand.NewPCG(seed, 0))
	out := map[string]*WarmStat{}
	for _, q := range questions {
		st := &WarmStat{}
		out[q] = st
		start := time.Now()
		for ctx.Err() == nil {
			st.Attempts++
			code, err := Do(ctx, t, q, Draw(r, s, q))
			if err == nil {
				st.OK, st.LastError = true, ""
				break
			}
			st.LastError = trim(code + ": " + err.Error())
			select {
			case <-ctx.Done():
			case <-time.After(500 * time.Millisecond):
			}
		}
		st.Seconds = time.Since(start).Seconds()
	}
	return out
}
