// Command egbench generates benchmark graphs, loads them, runs the workload
// against a system and draws the results. bench/run drives it; see
// docs/benchmarks.md.
//
//	egbench gen  --sf 0.1 --seed 1 --out DIR            JSON files in the import format, and DIR/params.json
//	egbench load --store neo4j|embedded DIR             import DIR's files in order, as expertgraph import does
//	egbench run  --system NAME --url URL | --cypher URI  the workload, N clients for T seconds
//	             [--cpu neo4j=PID,server=PID]            and the CPU time per request of those processes and its own
//	egbench plot --out plot.svg RESULT.json...           throughput and p99 per question and system
//	egbench report RESULT.json...                        a Markdown table of the results
//	egbench check RESULT.json...                         fail if a run had errors
//	egbench outage --stopped T --up T RESULT.json        when errors began and ended around an outage
//	egbench kill --eg BIN --store S --params P.json      SIGKILL the server while it takes writes; check none acknowledged is lost
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/expertgraph/expertgraph/bench/gen"
	"github.com/expertgraph/expertgraph/bench/workload"
	"github.com/expertgraph/expertgraph/internal/domain"
	"github.com/expertgraph/expertgraph/internal/graphio"
	"github.com/expertgraph/expertgraph/internal/memstore"
	"github.com/expertgraph/expertgraph/internal/neo4jstore"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "egbench:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return errors.New("usage: egbench gen|load|run|plot|report|check|outage|kill|growth [flags]")
	}
	switch args[0] {
	case "gen":
		return genCmd(args[1:], stderr)
	case "load":
		return loadCmd(ctx, args[1:], stdout, stderr)
	case "run":
		return runCmd(ctx, args[1:], stdout, stderr)
	case "plot":
		return plotCmd(args[1:])
	case "check":
		return checkCmd(args[1:], stdout)
	case "outage":
		return outageCmd(args[1:], stdout)
	case "report":
		return reportCmd(args[1:], stdout)
	case "kill":
		return killCmd(ctx, args[1:], stdout, stderr)
	case "growth":
		return growthCmd(args[1:], stdout)
	}
	return fmt.Errorf("unknown command %q", args[0])
}

func genCmd(args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	sf := fs.Float64("sf", 0.1, "scale factor: 1 = 10,000 meetings")
	seed := fs.Uint64("seed", 1, "random seed")
	out := fs.String("out", "", "directory to write to")
	perFile := fs.Int("meetings-per-file", 1000, "meetings per file (each file is one transaction)")
	perBase := fs.Int("nodes-per-file", 5000, "people or institutions per file")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" {
		return errors.New("gen: --out is required")
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	start := time.Now()
	g := gen.New(gen.Config{SF: *sf, Seed: *seed})
	n := 0
	write := func(name string, x *domain.Graph) error {
		n++
		path := filepath.Join(*out, fmt.Sprintf("%04d-%s.json", n, name))
		f, err := os.Create(path)
		if err != nil {
			return err
		}
		if err := graphio.WriteJSON(f, x); err != nil {
			f.Close()
			return err
		}
		return f.Close()
	}
	c := g.Counts()
	fmt.Fprintf(stderr, "gen: SF%g seed %d: %d meetings, %d councils, %d people, %d institutions, %d initiatives\n",
		*sf, *seed, c.Meetings, c.Councils, c.People, c.Institutions, c.Initiatives)
	for _, b := range g.Base(*perBase) {
		if err := write("base", b); err != nil {
			return err
		}
	}
	var meetings, apps, recs int
	for {
		m := g.Meetings(*perFile)
		if m == nil {
			break
		}
		meetings += len(m.Meetings)
		apps += len(m.Appearances)
		recs += len(m.Recommendations)
		if err := write("meetings", m); err != nil {
			return err
		}
		fmt.Fprintf(stderr, "gen: %d/%d meetings (%d appearances, %d recommendations) %s\n", meetings, c.Meetings, apps, recs, time.Since(start).Round(time.Millisecond))
	}
	g.Sample.Done()
	data, _ := json.MarshalIndent(map[string]any{"sf": *sf, "seed": *seed, "meetings": meetings, "appearances": apps,
		"recommendations": recs, "councils": c.Councils, "people": c.People, "institutions": c.Institutions,
		"initiatives": c.Initiatives, "sample": g.Sample}, "", "  ")
	if err := os.WriteFile(filepath.Join(*out, "params.json"), data, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "gen: wrote %d files to %s in %s\n", n, *out, time.Since(start).Round(time.Millisecond))
	return nil
}

// dataFiles returns the generated JSON files of dir, in order.
func dataFiles(dir string) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "[0-9][0-9][0-9][0-9]-*.json"))
	slices.Sort(files)
	if err == nil && len(files) == 0 {
		err = fmt.Errorf("no data files in %s", dir)
	}
	return files, err
}

// loadCmd imports the files as `expertgraph import` does: each is read with
// graphio against the store, then written with one Upsert.
func loadCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("load", flag.ContinueOnError)
	storeKind := fs.String("store", "neo4j", "neo4j or embedded")
	uri := fs.String("neo4j-uri", "bolt://127.0.0.1:7690", "Neo4j URI")
	data := fs.String("data", "", "the embedded store's file")
	bulk := fs.Bool("bulk", false, "read every file first, then write them in one Upsert (one transaction, one save of the embedded store's file: for large scales, where a save per file is quadratic)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("load: name the directory of generated files")
	}
	files, err := dataFiles(fs.Arg(0))
	if err != nil {
		return err
	}
	var store domain.Store
	switch *storeKind {
	case "neo4j":
		store, err = neo4jstore.Open(ctx, neo4jstore.Config{URI: *uri, Database: "neo4j",
			Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), RetryTimeout: 60 * time.Second})
	case "embedded":
		store, err = memstore.Open(*data)
	default:
		err = fmt.Errorf("load: unknown store %q", *storeKind)
	}
	if err != nil {
		return err
	}
	defer store.Close(context.Background())
	start := time.Now()
	if *bulk {
		if err := bulkLoad(ctx, store, files, stderr); err != nil {
			return err
		}
		files = nil
	}
	for i, name := range files {
		t := time.Now()
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		g, err := graphio.ReadJSONWith(f, filepath.Base(name), graphio.ReadOptions{Resolve: graphio.StoreResolver(ctx, store)})
		f.Close()
		if err != nil {
			return err
		}
		if err := store.Upsert(ctx, g); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		fmt.Fprintf(stderr, "load: [%d/%d] %s: %d meetings, %d nodes in %s (total %s)\n", i+1, len(files), filepath.Base(name),
			len(g.Meetings), len(g.Kinds()), time.Since(t).Round(time.Millisecond), time.Since(start).Round(time.Second))
	}
	st, err := store.Stats(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "loaded %s in %s: %v, %d appearances\n", fs.Arg(0), time.Since(start).Round(100*time.Millisecond), st.Nodes, st.Appearances)
	return nil
}

type paramsFile struct {
	SF     float64     `json:"sf"`
	Sample *gen.Sample `json:"sample"`
}

func readParams(path string) (*paramsFile, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var p paramsFile
	if err := json.Unmarshal(data, &p); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &p, nil
}

func runCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	system := fs.String("system", "", "label of the system under test")
	url := fs.String("url", "", "GraphQL endpoint (expertgraph or, with --peer, the peer server)")
	peer := fs.Bool("peer", false, "the URL is the @neo4j/graphql peer")
	cypher := fs.String("cypher", "", "Neo4j URI: run the hand-written Cypher through the Go driver instead")
	params := fs.String("params", "", "params.json of the generated graph")
	clients := fs.Int("clients", 8, "concurrent clients")
	seconds := fs.Float64("seconds", 20, "measured seconds")
	warmup := fs.Float64("warmup", 3, "seconds of warm-up, not measured")
	seed := fs.Uint64("seed", 1, "random seed of the parameters")
	only := fs.String("questions", "", "comma-separated questions (default all)")
	timeline := fs.Bool("timeline", false, "keep per-second counts")
	each := fs.Bool("each", false, "run the questions one at a time, each for --warmup + --seconds with all the clients, instead of a random mix")
	warmEach := fs.Float64("warm-each", 0, "first ask each question until it is answered, giving up after this many seconds (0: no)")
	out := fs.String("out", "", "write the result as JSON here")
	cpu := fs.String("cpu", "", "name=pid,...: processes (Neo4j, the server) whose CPU time per request to report, with the load generator's own (Linux)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	procs, err := workload.ParseProcs(*cpu)
	if err != nil {
		return err
	}
	for _, pr := range procs {
		if _, err := workload.ProcCPU(pr.PID); err != nil {
			return fmt.Errorf("--cpu %s: %w", pr.Name, err)
		}
	}
	p, err := readParams(*params)
	if err != nil {
		return err
	}
	var t workload.Target
	switch {
	case *cypher != "":
		c, err := workload.NewCypher(ctx, *cypher, "neo4j")
		if err != nil {
			return err
		}
		t = c
	case *url != "":
		t = workload.NewGraphQL(*url, *peer, *clients)
	default:
		return errors.New("run: give --url or --cypher")
	}
	defer t.Close()
	cfg := workload.Config{System: *system, Clients: *clients, Duration: time.Duration(*seconds * float64(time.Second)),
		Warmup: time.Duration(*warmup * float64(time.Second)), Seed: *seed, Timeline: *timeline, Each: *each, CPU: procs}
	if *only != "" {
		cfg.Questions = strings.Split(*only, ",")
	}
	var warm map[string]*workload.WarmStat
	if *warmEach > 0 {
		warm = workload.Warm(ctx, t, p.Sample, cfg.Questions, *seed, time.Duration(*warmEach*float64(time.Second)))
		for _, q := range slices.Sorted(maps.Keys(warm)) {
			w := warm[q]
			if !w.OK {
				fmt.Fprintf(stderr, "egbench run: %s: %s not answered within %gs of warm-up (%d attempts; last: %s)\n", *system, q, *warmEach, w.Attempts, w.LastError)
			}
		}
	}
	res := workload.Run(ctx, t, p.Sample, cfg)
	res.Warm = warm
	res.Extra = map[string]any{"sf": p.SF, "goVersion": runtime.Version(), "cpus": runtime.NumCPU()}
	res.Table(stdout)
	if *out != "" {
		data, _ := json.MarshalIndent(res, "", "  ")
		if err := os.WriteFile(*out, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

func readResults(paths []string) ([]*workload.Result, error) {
	var out []*workload.Result
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		var r workload.Result
		if err := json.Unmarshal(data, &r); err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		out = append(out, &r)
	}
	return out, nil
}

func plotCmd(args []string) error {
	fs := flag.NewFlagSet("plot", flag.ContinueOnError)
	out := fs.String("out", "plot.svg", "SVG file to write")
	title := fs.String("title", "expertgraph benchmark", "title")
	if err := fs.Parse(args); err != nil {
		return err
	}
	rs, err := readResults(fs.Args())
	if err != nil {
		return err
	}
	return os.WriteFile(*out, []byte(plotSVG(*title, rs)), 0o644)
}

func reportCmd(args []string, stdout io.Writer) error {
	rs, err := readResults(args)
	if err != nil {
		return err
	}
	fmt.Fprint(stdout, markdown(rs))
	return nil
}

// markdown writes, per question, each system's throughput and latencies.
func markdown(rs []*workload.Result) string {
	var b strings.Builder
	b.WriteString("| question | system | req/s | p50 ms | p95 ms | p99 ms | errors |\n|---|---|--:|--:|--:|--:|--:|\n")
	for _, q := range append(slices.Clone(workload.Questions), "all") {
		for _, r := range rs {
			s := r.Total
			if q != "all" {
				s = r.Ops[q]
			}
			if s == nil {
				continue
			}
			fmt.Fprintf(&b, "| %s | %s | %.1f | %.2f | %.2f | %.2f | %d |\n", q, r.System, s.Throughput, s.P50Ms, s.P95Ms, s.P99Ms, s.Errors)
		}
	}
	b.WriteString(cpuMarkdown(rs))
	return b.String()
}

// cpuMarkdown writes, per question, the CPU milliseconds per request of
// each system's processes (egbench run --cpu); nothing if no run has them.
func cpuMarkdown(rs []*workload.Result) string {
	var b strings.Builder
	for _, q := range append(slices.Clone(workload.Questions), "all") {
		for _, r := range rs {
			s := r.Total
			if q != "all" {
				s = r.Ops[q]
			}
			if s == nil || s.CPUMsPerRequest == nil {
				continue
			}
			if b.Len() == 0 {
				b.WriteString("\nCPU milliseconds per request, during the measured window:\n\n" +
					"| question | system | Neo4j | server | load generator | sum |\n|---|---|--:|--:|--:|--:|\n")
			}
			c := s.CPUMsPerRequest
			cell := func(name string) string {
				if v, ok := c[name]; ok {
					return fmt.Sprintf("%.2f", v)
				}
				return "–"
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %.2f |\n", q, r.System, cell("neo4j"), cell("server"), cell("client"), c["neo4j"]+c["server"]+c["client"])
		}
	}
	for _, r := range rs {
		if r.CPUError != "" {
			fmt.Fprintf(&b, "\n%s: CPU time not read: %s\n", r.System, r.CPUError)
		}
	}
	return b.String()
}

// outageCmd reads a run with a timeline made while Neo4j was stopped and
// started again, and says when errors began and ended, relative to the
// stop and to the moment Neo4j answered again (Unix seconds), and how long
// requests sent while Neo4j was away took. It fails if any request failed
// later than 5 s after Neo4j answered, or if those requests waited longer
// than --max-wait at p99: the promise is to fail fast and recover fast.
func outageCmd(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("outage", flag.ContinueOnError)
	stopped := fs.Float64("stopped", 0, "when Neo4j was stopped (Unix seconds)")
	up := fs.Float64("up", 0, "when Neo4j answered again (Unix seconds)")
	maxWait := fs.Float64("max-wait", 5, "fail if requests sent while Neo4j was away waited longer than this at p99 (seconds)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	rs, err := readResults(fs.Args())
	if err != nil {
		return err
	}
	var bad []string
	for _, r := range rs {
		codes := map[string]int{}
		for _, s := range r.Ops {
			for c, n := range s.ErrorCodes {
				codes[c] += n
			}
		}
		fmt.Fprintf(stdout, "%s: %d requests, %d errors %v\n", r.System, r.Total.Requests, r.Total.Errors, codes)
		if len(r.ErrorLog) == 0 {
			continue
		}
		unix := func(t time.Time) float64 { return float64(t.UnixNano()) / 1e9 }
		first, last := r.ErrorLog[0], r.ErrorLog[len(r.ErrorLog)-1]
		fmt.Fprintf(stdout, "first error %.2f s after Neo4j stopped (%s); last error %.2f s after Neo4j answered again (%s)\n",
			unix(first.At)-*stopped, first.Code, unix(last.At)-*up, last.Code)
		after := 0
		for _, s := range r.Timeline {
			if unix(r.Start)+float64(s.T) > *up+5 {
				after += s.Errors
			}
		}
		fmt.Fprintf(stdout, "errors later than 5 s after Neo4j answered again: %d\n", after)
		if after > 0 {
			bad = append(bad, fmt.Sprintf("%s: %d errors later than 5 s after Neo4j answered again", r.System, after))
		}
		// How long requests sent while Neo4j was away took to get their
		// answer (an error, mostly): the promise is a few seconds, not a hang.
		var during, failed []float64
		for _, q := range r.Requests {
			at := unix(r.Start) + float64(q.AtMs)/1000
			if at >= *stopped && at <= *up {
				during = append(during, q.Ms)
				if q.Err {
					failed = append(failed, q.Ms)
				}
			}
		}
		if len(during) > 0 {
			fmt.Fprintf(stdout, "requests sent while Neo4j was away: %d, %d failed; time to an answer p50 %.0f ms, p99 %.0f ms, max %.0f ms\n",
				len(during), len(failed), pctMs(during, 0.5), pctMs(during, 0.99), pctMs(during, 1))
			if p99 := pctMs(during, 0.99); p99 > *maxWait*1000 {
				bad = append(bad, fmt.Sprintf("%s: requests sent while Neo4j was away waited %.1f s at p99 (more than %g s)", r.System, p99/1000, *maxWait))
			}
		}
	}
	if len(bad) > 0 {
		return errors.New(strings.Join(bad, "; "))
	}
	return nil
}

// pctMs returns the p-quantile of xs (sorted in place).
func pctMs(xs []float64, p float64) float64 {
	slices.Sort(xs)
	i := int(float64(len(xs))*p+0.5) - 1
	return xs[min(len(xs)-1, max(0, i))]
}

// checkCmd is the CI smoke run's verdict: every system answered every
// question without errors. A question counts as answered if the warm-up
// (--warm-each) or the measured run got an answer to it; any error of the
// measured run, or a question the warm-up could not get answered, fails.
// Throughput is not judged: on a busy machine a cold Neo4j may answer a
// question only a few times in a short run.
func checkCmd(args []string, stdout io.Writer) error {
	rs, err := readResults(args)
	if err != nil {
		return err
	}
	var bad []string
	answered := 0
	for _, r := range rs {
		if r.Total.Errors > 0 {
			bad = append(bad, fmt.Sprintf("%s: %d errors (%s)", r.System, r.Total.Errors, r.Total.FirstError))
		}
		for _, q := range workload.Questions {
			s, asked := r.Ops[q]
			w, warmed := r.Warm[q]
			switch {
			case !asked && !warmed:
				continue // not a question of this run (--questions)
			case warmed && !w.OK:
				bad = append(bad, fmt.Sprintf("%s: %s never answered in %d attempts (%s)", r.System, q, w.Attempts, w.LastError))
			case (s == nil || s.Requests == s.Errors) && !warmed:
				bad = append(bad, fmt.Sprintf("%s: %s never answered", r.System, q))
			default:
				answered++
			}
		}
	}
	if len(bad) > 0 {
		return errors.New(strings.Join(bad, "; "))
	}
	fmt.Fprintf(stdout, "check: %d systems answered every question (%d system-questions) without errors\n", len(rs), answered)
	return nil
}

// bulkLoad reads every file, each checked against the store and the files
// before it, into one graph and writes it in one Upsert.
func bulkLoad(ctx context.Context, store domain.Store, files []string, stderr io.Writer) error {
	all := &domain.Graph{}
	kinds := map[string]domain.Kind{}
	fromStore := graphio.StoreResolver(ctx, store)
	resolve := func(ids []string) ([]domain.Kind, error) {
		out := make([]domain.Kind, len(ids))
		var ask []string
		var at []int
		for i, id := range ids {
			if k, ok := kinds[id]; ok {
				out[i] = k
			} else {
				ask, at = append(ask, id), append(at, i)
			}
		}
		if len(ask) > 0 {
			ks, err := fromStore(ask)
			if err != nil {
				return nil, err
			}
			for j, i := range at {
				out[i] = ks[j]
			}
		}
		return out, nil
	}
	start := time.Now()
	for i, name := range files {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		g, err := graphio.ReadJSONWith(f, filepath.Base(name), graphio.ReadOptions{Resolve: resolve})
		f.Close()
		if err != nil {
			return err
		}
		maps.Copy(kinds, g.Kinds())
		all.Append(g)
		fmt.Fprintf(stderr, "load: read [%d/%d] %s (total %s)\n", i+1, len(files), filepath.Base(name), time.Since(start).Round(time.Second))
	}
	t := time.Now()
	if err := store.Upsert(ctx, all); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "load: wrote %d meetings, %d nodes in one Upsert in %s\n", len(all.Meetings), len(kinds), time.Since(t).Round(time.Second))
	return nil
}
