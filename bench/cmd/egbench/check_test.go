package main

import (
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/expertgraph/expertgraph/bench/workload"
)

// TestCheck: the smoke verdict passes only when every question of every run
// was answered, in the warm-up or the measured run, and no request failed.
func TestCheck(t *testing.T) {
	answered := func() *workload.Result {
		r := &workload.Result{System: "s", Ops: map[string]*workload.OpStats{}, Total: &workload.OpStats{}, Warm: map[string]*workload.WarmStat{}}
		for _, q := range workload.Questions {
			r.Ops[q] = &workload.OpStats{Requests: 2}
			r.Warm[q] = &workload.WarmStat{Attempts: 1, OK: true}
			r.Total.Requests += 2
		}
		return r
	}
	tests := []struct {
		name    string
		change  func(r *workload.Result)
		wantErr string // "" for a pass
	}{
		{"every question answered", func(*workload.Result) {}, ""},
		{"answered in the warm-up only", func(r *workload.Result) { r.Ops["q3-recurrence"] = &workload.OpStats{} }, ""},
		{"answered in the run only, no warm-up", func(r *workload.Result) { r.Warm = nil }, ""},
		{"an error in the run", func(r *workload.Result) {
			r.Ops["q8-dashboard"].Errors, r.Total.Errors, r.Total.FirstError = 1, 1, "INTERNAL: internal error"
		}, "1 errors (INTERNAL: internal error)"},
		{"a question the warm-up never got answered", func(r *workload.Result) {
			r.Warm["q8-dashboard"] = &workload.WarmStat{Attempts: 9, LastError: "INTERNAL: internal error"}
		}, "q8-dashboard never answered in 9 attempts"},
		{"a question never asked nor warmed", func(r *workload.Result) {
			r.Warm = nil
			r.Ops["q5-institutions-council"] = &workload.OpStats{}
		}, "q5-institutions-council never answered"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := answered()
			tc.change(r)
			path := filepath.Join(t.TempDir(), "result.json")
			data, err := json.Marshal(r)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			err = checkCmd([]string{path}, io.Discard)
			switch {
			case tc.wantErr == "" && err != nil:
				t.Fatalf("check failed: %v", err)
			case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
				t.Fatalf("check = %v, want an error with %q", err, tc.wantErr)
			}
		})
	}
}
