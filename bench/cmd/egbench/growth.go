package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/expertgraph/expertgraph/bench/workload"
)

// runFile is the results.json bench/run writes for one scale.
type runFile struct {
	SF           float64            `json:"sf"`
	Clients      int                `json:"clients"`
	LoadSeconds  map[string]float64 `json:"loadSeconds"`
	ReadySeconds map[string]float64 `json:"readySeconds"`
	RSSKiB       map[string]float64 `json:"rssKiB"`
	Results      []*workload.Result `json:"results"`
}

// growthCmd reads the results.json of bench/run at several scales (files or
// the directories that hold them) and writes the cost of growth as Markdown:
// per question and system, throughput and p99 at each scale; per system,
// load time, time to ready and RSS at each scale.
func growthCmd(args []string, stdout io.Writer) error {
	if len(args) == 0 {
		return fmt.Errorf("usage: egbench growth RUN... (bench/run output directories or their results.json)")
	}
	var runs []*runFile
	for _, a := range args {
		if fi, err := os.Stat(a); err == nil && fi.IsDir() {
			a = filepath.Join(a, "results.json")
		}
		data, err := os.ReadFile(a)
		if err != nil {
			return err
		}
		var r runFile
		if err := json.Unmarshal(data, &r); err != nil {
			return fmt.Errorf("%s: %w", a, err)
		}
		runs = append(runs, &r)
	}
	slices.SortStableFunc(runs, func(a, b *runFile) int {
		switch {
		case a.SF < b.SF:
			return -1
		case a.SF > b.SF:
			return 1
		}
		return 0
	})
	fmt.Fprint(stdout, growthMarkdown(runs))
	return nil
}

func growthMarkdown(runs []*runFile) string {
	var systems []string
	for _, r := range runs {
		for _, res := range r.Results {
			if !slices.Contains(systems, res.System) {
				systems = append(systems, res.System)
			}
		}
	}
	var b strings.Builder
	head := func(first string) {
		b.WriteString("| " + first + " | system |")
		for _, r := range runs {
			fmt.Fprintf(&b, " SF%g (%d clients) |", r.SF, r.Clients)
		}
		b.WriteString("\n|---|---|" + strings.Repeat("--:|", len(runs)) + "\n")
	}
	b.WriteString("Successful requests per second · p99 ms:\n\n")
	head("question")
	for _, q := range append(slices.Clone(workload.Questions), "all") {
		for _, sys := range systems {
			fmt.Fprintf(&b, "| %s | %s |", q, sys)
			for _, r := range runs {
				cell := " – |"
				for _, res := range r.Results {
					if res.System != sys {
						continue
					}
					s := res.Total
					if q != "all" {
						s = res.Ops[q]
					}
					if s != nil {
						cell = " " + growthCell(s) + " |"
					}
				}
				b.WriteString(cell)
			}
			b.WriteString("\n")
		}
	}
	b.WriteString("\nLoad (s) · ready (s) · RSS once ready (MiB):\n\n")
	head("server")
	servers := map[string]string{"expertgraph-neo4j": "neo4j", "expertgraph-embedded": "embedded", "peer": ""}
	for _, sys := range []string{"expertgraph-neo4j", "expertgraph-embedded", "peer"} {
		fmt.Fprintf(&b, "| %s | |", sys)
		for _, r := range runs {
			ready, ok := r.ReadySeconds[sys]
			if !ok {
				b.WriteString(" – |")
				continue
			}
			load := "–"
			if v, ok := r.LoadSeconds[servers[sys]]; ok && servers[sys] != "" {
				load = fmt.Sprintf("%.0f", v)
			}
			fmt.Fprintf(&b, " %s · %.1f · %.0f |", load, ready, r.RSSKiB[sys]/1024)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// growthCell is a question's throughput and p99, and its errors if any. A
// question with no answer in the window has no p99 (not 0 ms).
func growthCell(s *workload.OpStats) string {
	cell := fmt.Sprintf("%.1f · %.1f", s.Throughput, s.P99Ms)
	if s.Requests == s.Errors {
		cell = "0 · –"
	}
	if s.Errors > 0 {
		cell += fmt.Sprintf(" (%d errors)", s.Errors)
	}
	return cell
}
