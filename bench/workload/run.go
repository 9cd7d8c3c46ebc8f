package workload

import (
	"context"
	"fmt"
	"io"
	"maps"
	"math/rand/v2"
	"slices"
	"sort"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/expertgraph/expertgraph/bench/gen"
)

// Config is one load run.
type Config struct {
	System    string        // a label: expertgraph-neo4j, peer, cypher, ...
	Clients   int           // concurrent clients, each one request at a time
	Duration  time.Duration // how long to send requests
	Warmup    time.Duration // requests before this are not measured
	Seed      uint64
	Questions []string // default: all eight
	Timeline  bool     // keep per-second counts (for resilience runs)
	// Each runs the questions one after another, each alone for Warmup +
	// Duration with all the clients (a closed loop per question), instead
	// of every client drawing a question at random for each request. Under a
	// random mix a system's slow questions hold its clients, so its fast
	// ones are measured on a nearly idle server; one question at a time
	// compares like with like.
	Each bool
	// CPU are processes (Neo4j, the server) whose CPU time per request the
	// run reports (OpStats.CPUMsPerRequest), with the load generator's own.
	CPU []Proc

	readCPU func(pid int) (time.Duration, error) // ProcCPU unless a test says otherwise
}

// OpStats are the measurements of one question.
type OpStats struct {
	Requests   int            `json:"requests"`
	Errors     int            `json:"errors"`
	ErrorCodes map[string]int `json:"errorCodes,omitempty"`
	Throughput float64        `json:"throughput"` // successful requests per second
	MeanMs     float64        `json:"meanMs"`
	P50Ms      float64        `json:"p50Ms"`
	P95Ms      float64        `json:"p95Ms"`
	P99Ms      float64        `json:"p99Ms"`
	MaxMs      float64        `json:"maxMs"`
	FirstError string         `json:"firstError,omitempty"`
	// CPUMsPerRequest is, per process of Config.CPU and for the load
	// generator ("client"), the CPU time it spent during the measured window
	// divided by the requests sent in it. Under a random mix only the total
	// has it.
	CPUMsPerRequest map[string]float64 `json:"cpuMsPerRequest,omitempty"`
}

// Second counts what happened in one second of a run.
type Second struct {
	T      int            `json:"t"` // seconds since the start
	OK     int            `json:"ok"`
	Errors int            `json:"errors"`
	Codes  map[string]int `json:"codes,omitempty"`
}

// Result is one run's measurements.
type Result struct {
	System   string               `json:"system"`
	Clients  int                  `json:"clients"`
	Seconds  float64              `json:"seconds"`
	Start    time.Time            `json:"start"`
	Ops      map[string]*OpStats  `json:"ops"`
	Total    *OpStats             `json:"total"`
	Timeline []Second             `json:"timeline,omitempty"`
	ErrorLog []ErrorEvent         `json:"errorLog,omitempty"` // the first and last errors, with times
	Warm     map[string]*WarmStat `json:"warm,omitempty"`     // the warm-up per question, if asked
	Requests []Request            `json:"requests,omitempty"` // every request, with Timeline
	Extra    map[string]any       `json:"extra,omitempty"`
	CPUError string               `json:"cpuError,omitempty"` // why a process's CPU time could not be read
}

// Request is one request of a run with a timeline: when it was sent
// (milliseconds since the start of the measured run), how long it took, and
// its error code ("" for success).
type Request struct {
	AtMs int64   `json:"at"`
	Ms   float64 `json:"ms"`
	Code string  `json:"code,omitempty"`
	Err  bool    `json:"err,omitempty"`
}

// ErrorEvent is an error at a time.
type ErrorEvent struct {
	At    time.Time `json:"at"`
	Op    string    `json:"op"`
	Code  string    `json:"code"`
	Error string    `json:"error"`
}

type sample struct {
	q    string
	d    time.Duration
	code string
	err  error
	at   time.Time
}

// Run runs the workload against t and measures it.
func Run(ctx context.Context, t Target, s *gen.Sample, cfg Config) *Result {
	qs := cfg.Questions
	if len(qs) == 0 {
		qs = Questions
	}
	res := &Result{System: cfg.System, Clients: cfg.Clients, Ops: map[string]*OpStats{}}
	meter := newCPUMeter(cfg.CPU, cfg.readCPU)
	var all []sample
	var cpuSum []time.Duration // the phases' CPU time, summed; nil unless every phase was read
	measured := func(p measuredPhase, first bool) {
		if p.cpuErr != nil && res.CPUError == "" {
			res.CPUError = p.cpuErr.Error()
		}
		switch {
		case first:
			cpuSum = slices.Clone(p.cpu)
		case p.cpu == nil:
			cpuSum = nil
		case cpuSum != nil:
			for i := range cpuSum {
				cpuSum[i] += p.cpu[i]
			}
		}
	}
	if cfg.Each {
		for i, q := range qs {
			p := phase(ctx, t, s, cfg, meter, []string{q})
			if res.Start.IsZero() {
				res.Start = p.start
			}
			res.Seconds += p.seconds
			res.Ops[q] = stats(p.samples, p.seconds)
			res.Ops[q].CPUMsPerRequest = meter.perRequest(p.cpu, len(p.samples))
			all = append(all, p.samples...)
			measured(p, i == 0)
		}
	} else {
		p := phase(ctx, t, s, cfg, meter, qs)
		res.Start, res.Seconds, all = p.start, p.seconds, p.samples
		measured(p, true)
		byQ := map[string][]sample{}
		for _, x := range all {
			byQ[x.q] = append(byQ[x.q], x)
		}
		for _, q := range qs {
			res.Ops[q] = stats(byQ[q], p.seconds)
		}
	}
	res.Total = stats(all, res.Seconds)
	res.Total.CPUMsPerRequest = meter.perRequest(cpuSum, len(all))
	var errs []ErrorEvent
	for _, x := range all {
		if x.err != nil {
			errs = append(errs, ErrorEvent{At: x.at, Op: x.q, Code: x.code, Error: trim(x.err.Error())})
		}
	}
	if len(errs) > 20 {
		errs = append(errs[:10], errs[len(errs)-10:]...)
	}
	res.ErrorLog = errs
	if cfg.Timeline {
		measureFrom := res.Start
		n := int(res.Seconds) + 1
		if len(all) > 0 {
			n = max(n, int(all[len(all)-1].at.Sub(measureFrom).Seconds())+1)
		}
		tl := make([]Second, n)
		for i := range tl {
			tl[i].T = i
		}
		for _, x := range all {
			i := min(n-1, max(0, int(x.at.Sub(measureFrom).Seconds())))
			if x.err == nil {
				tl[i].OK++
			} else {
				tl[i].Errors++
				if tl[i].Codes == nil {
					tl[i].Codes = map[string]int{}
				}
				tl[i].Codes[x.code]++
			}
		}
		res.Timeline = tl
		res.Requests = make([]Request, len(all))
		for i, x := range all {
			res.Requests[i] = Request{AtMs: x.at.Sub(measureFrom).Milliseconds(), Ms: float64(x.d.Microseconds()) / 1000, Code: x.code, Err: x.err != nil}
		}
	}
	return res
}

// measuredPhase is what one phase measured: when its measured window
// started, how long it lasted, its requests, and the CPU time the meter's
// processes spent in it (nil without a meter, or if one could not be read).
type measuredPhase struct {
	start   time.Time
	seconds float64
	samples []sample
	cpu     []time.Duration
	cpuErr  error
}

// phase runs cfg.Clients clients drawing from qs for cfg.Warmup +
// cfg.Duration and returns when measuring began, the seconds measured, the
// measured requests in the order they were sent, and, with a meter, the CPU
// time its processes spent from the window's start to the phase's end.
func phase(ctx context.Context, t Target, s *gen.Sample, cfg Config, meter *cpuMeter, qs []string) measuredPhase {
	start := time.Now()
	measureFrom := start.Add(cfg.Warmup)
	end := measureFrom.Add(cfg.Duration)
	results := make([][]sample, cfg.Clients)
	var p measuredPhase
	var cpuFrom []time.Duration
	var wg sync.WaitGroup
	if meter != nil {
		// The window's CPU starts when its requests start to count.
		wg.Add(1)
		go func() {
			defer wg.Done()
			select {
			case <-time.After(time.Until(measureFrom)):
				cpuFrom, p.cpuErr = meter.sample()
			case <-ctx.Done():
			}
		}()
	}
	for c := 0; c < cfg.Clients; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			r := rand.New(rand.NewPCG(cfg.Seed, uint64(c)+1))
			for i := 0; ; i++ {
				now := time.Now()
				if now.After(end) || ctx.Err() != nil {
					return
				}
				q := qs[r.IntN(len(qs))]
				p := Draw(r, s, q)
				rctx, cancel := context.WithTimeout(ctx, 30*time.Second)
				check := t.Send(rctx, q, p)
				d := time.Since(now) // the answer is in; checking it is the client's work
				cancel()
				code, err := check()
				if err != nil && ctx.Err() != nil {
					return // cut off by the end of the run (an interrupt), not the system's failure
				}
				if now.After(measureFrom) {
					results[c] = append(results[c], sample{q: q, d: d, code: code, err: err, at: now})
				}
			}
		}(c)
	}
	wg.Wait()
	if cpuFrom != nil {
		var cpuTo []time.Duration
		if cpuTo, p.cpuErr = meter.sample(); cpuTo != nil {
			p.cpu = make([]time.Duration, len(cpuTo))
			for i := range cpuTo {
				p.cpu[i] = cpuTo[i] - cpuFrom[i]
			}
		}
	}
	elapsed := time.Since(measureFrom)
	if elapsed > cfg.Duration+30*time.Second {
		elapsed = cfg.Duration
	}
	all := slices.Concat(results...)
	sort.Slice(all, func(i, j int) bool { return all[i].at.Before(all[j].at) })
	p.start, p.seconds, p.samples = measureFrom, elapsed.Seconds(), all
	return p
}

func trim(s string) string {
	if len(s) > 300 {
		return s[:300] + "…"
	}
	return s
}

func stats(xs []sample, seconds float64) *OpStats {
	st := &OpStats{Requests: len(xs)}
	var ok []time.Duration
	var sum time.Duration
	for _, x := range xs {
		if x.err != nil {
			st.Errors++
			if st.ErrorCodes == nil {
				st.ErrorCodes = map[string]int{}
			}
			st.ErrorCodes[x.code]++
			if st.FirstError == "" {
				st.FirstError = trim(x.err.Error())
			}
			continue
		}
		ok = append(ok, x.d)
		sum += x.d
	}
	if len(ok) == 0 {
		return st
	}
	slices.Sort(ok)
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	pct := func(p float64) float64 {
		i := int(float64(len(ok))*p+0.5) - 1
		return ms(ok[min(len(ok)-1, max(0, i))])
	}
	st.Throughput = float64(len(ok)) / seconds
	st.MeanMs = ms(sum / time.Duration(len(ok)))
	st.P50Ms, st.P95Ms, st.P99Ms = pct(0.50), pct(0.95), pct(0.99)
	st.MaxMs = ms(ok[len(ok)-1])
	return st
}

// Table writes the result as a table.
func (r *Result) Table(w io.Writer) {
	fmt.Fprintf(w, "%s: %d clients, %.1f s\n", r.System, r.Clients, r.Seconds)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "question\trequests\terrors\treq/s\tp50 ms\tp95 ms\tp99 ms\tmax ms\t")
	row := func(name string, s *OpStats) {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.1f\t%.2f\t%.2f\t%.2f\t%.2f\t\n", name, s.Requests, s.Errors, s.Throughput, s.P50Ms, s.P95Ms, s.P99Ms, s.MaxMs)
	}
	for _, q := range Questions {
		if s, ok := r.Ops[q]; ok {
			row(q, s)
		}
	}
	row("all", r.Total)
	tw.Flush()
	for _, q := range Questions {
		if s, ok := r.Ops[q]; ok && s.FirstError != "" {
			fmt.Fprintf(w, "  %s: first error: %s\n", q, s.FirstError)
		}
	}
	cpu := func(name string, s *OpStats) {
		if s == nil || s.CPUMsPerRequest == nil {
			return
		}
		fmt.Fprintf(w, "  %s: CPU ms per request:", name)
		for _, p := range slices.Sorted(maps.Keys(s.CPUMsPerRequest)) {
			fmt.Fprintf(w, " %s %.3f", p, s.CPUMsPerRequest[p])
		}
		fmt.Fprintln(w)
	}
	for _, q := range Questions {
		cpu(q, r.Ops[q])
	}
	cpu("all", r.Total)
	if r.CPUError != "" {
		fmt.Fprintf(w, "  CPU time not read: %s\n", r.CPUError)
	}
}
