package main

import (
	"strings"
	"testing"

	"github.com/expertgraph/expertgraph/bench/workload"
)

// TestReportCPU: the report's CPU table has a row per question and system
// that measured it, with a dash for a process the system does not have, and
// says why a run has none.
func TestReportCPU(t *testing.T) {
	withCPU := func(system string, cpu map[string]float64) *workload.Result {
		return &workload.Result{System: system,
			Ops:   map[string]*workload.OpStats{"q1-speakers": {Requests: 10, CPUMsPerRequest: cpu}},
			Total: &workload.OpStats{Requests: 10, CPUMsPerRequest: cpu}}
	}
	tests := []struct {
		name      string
		rs        []*workload.Result
		want      []string
		wantNoCPU bool
	}{
		{"no run measured CPU", []*workload.Result{withCPU("cypher", nil)}, nil, true},
		{"Neo4j, a server and the load generator", []*workload.Result{
			withCPU("expertgraph-neo4j", map[string]float64{"neo4j": 0.75, "server": 0.6, "client": 0.17}),
			withCPU("cypher", map[string]float64{"neo4j": 0.58, "client": 0.34}),
		}, []string{
			"| q1-speakers | expertgraph-neo4j | 0.75 | 0.60 | 0.17 | 1.52 |",
			"| q1-speakers | cypher | 0.58 | – | 0.34 | 0.92 |",
			"| all | cypher | 0.58 | – | 0.34 | 0.92 |",
		}, false},
		{"a run that could not read a process", []*workload.Result{func() *workload.Result {
			r := withCPU("peer", nil)
			r.CPUError = "neo4j: no such process"
			return r
		}()}, []string{"peer: CPU time not read: neo4j: no such process"}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := markdown(tc.rs)
			if hasTable := strings.Contains(got, "CPU milliseconds per request"); hasTable == tc.wantNoCPU {
				t.Errorf("CPU table shown: %v, want %v:\n%s", hasTable, !tc.wantNoCPU, got)
			}
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("no line %q in:\n%s", w, got)
				}
			}
		})
	}
}

// TestGrowthCell: a question none of whose requests was answered in the
// window has no p99, rather than a p99 of 0 ms.
func TestGrowthCell(t *testing.T) {
	tests := []struct {
		name string
		s    workload.OpStats
		want string
	}{
		{"answered", workload.OpStats{Requests: 50, Throughput: 5.25, P99Ms: 1532.1}, "5.2 · 1532.1"},
		{"some errors", workload.OpStats{Requests: 50, Errors: 2, Throughput: 4.8, P99Ms: 12}, "4.8 · 12.0 (2 errors)"},
		{"none answered in the window", workload.OpStats{}, "0 · –"},
		{"every request failed", workload.OpStats{Requests: 3, Errors: 3}, "0 · – (3 errors)"},
	}
	for _, tc := range tests {
		if got := growthCell(&tc.s); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}
