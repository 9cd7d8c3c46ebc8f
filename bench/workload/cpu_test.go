package workload

import (
	"context"
	"errors"
	"math"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/expertgraph/expertgraph/bench/gen"
)

func TestParseStat(t *testing.T) {
	// Fields 14 and 15 are utime and stime, in USER_HZ ticks.
	tail := " S 1 2 3 4 5 6 7 8 9 10 250 30 11 12 20 0 1 0"
	tests := []struct {
		name, line string
		want       time.Duration
		err        string
	}{
		{"plain", "27279 (java)" + tail, 2800 * time.Millisecond, ""},
		{"name with spaces and parentheses", "42 (my (odd) name)" + tail, 2800 * time.Millisecond, ""},
		{"no name", "42 java S 1 2", 0, "not a /proc/PID/stat line"},
		{"cut short", "42 (java) S 1 2 3", 0, "too few fields"},
		{"not a number", "42 (java) S 1 2 3 4 5 6 7 8 9 10 x 30", 0, "invalid syntax"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseStat([]byte(tt.line))
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error %v, want one containing %q", err, tt.err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("got %v, %v; want %v", got, err, tt.want)
			}
		})
	}
}

func TestParseProcs(t *testing.T) {
	tests := []struct {
		in   string
		want []Proc
		ok   bool
	}{
		{"neo4j=12,server=34", []Proc{{"neo4j", 12}, {"server", 34}}, true},
		{" neo4j=12 , ", []Proc{{"neo4j", 12}}, true},
		{"", nil, true},
		{"neo4j", nil, false},
		{"neo4j=java", nil, false},
		{"=12", nil, false},
		{"neo4j=0", nil, false},
	}
	for _, tt := range tests {
		got, err := ParseProcs(tt.in)
		if (err == nil) != tt.ok || len(got) != len(tt.want) {
			t.Errorf("ParseProcs(%q) = %v, %v", tt.in, got, err)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("ParseProcs(%q)[%d] = %v, want %v", tt.in, i, got[i], tt.want[i])
			}
		}
	}
}

// burning is a Target whose every request costs each process a known CPU
// time, on a clock that cpuOf reads: the server 2 ms, Neo4j 1 ms, the load
// generator 0.5 ms. Once a request of question goneAt is sent, Neo4j's
// process can no longer be read.
type burning struct {
	mu     sync.Mutex
	cpu    map[int]time.Duration
	goneAt string
	gone   bool
}

const serverPID, neo4jPID = 1, 2

func (b *burning) Send(ctx context.Context, q string, p Params) Check {
	b.mu.Lock()
	b.cpu[serverPID] += 2 * time.Millisecond
	b.cpu[neo4jPID] += time.Millisecond
	b.cpu[os.Getpid()] += time.Millisecond / 2
	b.gone = b.gone || q == b.goneAt
	b.mu.Unlock()
	time.Sleep(2 * time.Millisecond)
	return result("", nil)
}

func (b *burning) Close() error { return nil }

func (b *burning) cpuOf(pid int) (time.Duration, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if pid == neo4jPID && b.gone {
		return 0, errors.New("no such process")
	}
	return b.cpu[pid], nil
}

// TestCPUPerRequest: the CPU time each process spent in the measured window
// (not the warm-up), per request, per question one at a time and in total.
func TestCPUPerRequest(t *testing.T) {
	want := map[string]float64{"server": 2, "neo4j": 1, "client": 0.5}
	near := func(got map[string]float64) bool {
		if len(got) != len(want) {
			return false
		}
		for k, w := range want {
			if math.Abs(got[k]-w) > w/10 { // a request across the window's start is counted in or out
				return false
			}
		}
		return true
	}
	s := &gen.Sample{Meetings: []string{"m1"}, People: []string{"p1"}}
	procs := []Proc{{"server", serverPID}, {"neo4j", neo4jPID}}
	for _, each := range []bool{true, false} {
		b := &burning{cpu: map[int]time.Duration{}}
		cfg := Config{Clients: 2, Duration: 150 * time.Millisecond, Warmup: 50 * time.Millisecond, Seed: 1, Each: each,
			Questions: []string{"q1-speakers", "q2-person-history"}, CPU: procs, readCPU: b.cpuOf}
		res := Run(context.Background(), b, s, cfg)
		if !near(res.Total.CPUMsPerRequest) {
			t.Errorf("each=%v: total %v, want about %v", each, res.Total.CPUMsPerRequest, want)
		}
		for q, st := range res.Ops {
			if each && !near(st.CPUMsPerRequest) {
				t.Errorf("each=%v: %s %v, want about %v", each, q, st.CPUMsPerRequest, want)
			}
			if !each && st.CPUMsPerRequest != nil {
				t.Errorf("under a mix, %s has its own CPU %v: it cannot be told apart", q, st.CPUMsPerRequest)
			}
		}
		if res.CPUError != "" {
			t.Errorf("each=%v: CPU error %q", each, res.CPUError)
		}
	}

	// Neo4j's process ends during a question: that question and the total
	// have no CPU, a question before it has it, and the run says why.
	for _, qs := range [][]string{{"q1-speakers"}, {"q1-speakers", "q2-person-history"}} {
		gone := qs[len(qs)-1]
		b := &burning{cpu: map[int]time.Duration{}, goneAt: gone}
		cfg := Config{Clients: 1, Duration: 100 * time.Millisecond, Warmup: 20 * time.Millisecond, Seed: 1, Each: true,
			Questions: qs, CPU: procs, readCPU: b.cpuOf}
		res := Run(context.Background(), b, s, cfg)
		if res.Ops[gone].CPUMsPerRequest != nil || res.Total.CPUMsPerRequest != nil {
			t.Errorf("%v, Neo4j gone at %s: %v, total %v; want none", qs, gone, res.Ops[gone].CPUMsPerRequest, res.Total.CPUMsPerRequest)
		}
		if len(qs) > 1 && !near(res.Ops[qs[0]].CPUMsPerRequest) {
			t.Errorf("%v: %s, before Neo4j was gone, %v; want about %v", qs, qs[0], res.Ops[qs[0]].CPUMsPerRequest, want)
		}
		if !strings.Contains(res.CPUError, "neo4j: no such process") {
			t.Errorf("%v: CPU error %q, want it to name the process", qs, res.CPUError)
		}
	}
}

// TestProcCPU reads this process's CPU time from /proc while it burns some.
func TestProcCPU(t *testing.T) {
	if _, err := os.Stat("/proc/self/stat"); err != nil {
		t.Skip("no /proc: not Linux")
	}
	before, err := ProcCPU(os.Getpid())
	if err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	x := 0
	for {
		for i := range 1_000_000 {
			x ^= i
		}
		now, err := ProcCPU(os.Getpid())
		if err != nil {
			t.Fatal(err)
		}
		if now >= before+50*time.Millisecond {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("10 s of burning, and the CPU time went from %v to %v (x=%d)", before, now, x)
		}
	}
	if _, err := ProcCPU(1 << 30); err == nil {
		t.Error("the CPU time of a process that does not exist: no error")
	}
}
