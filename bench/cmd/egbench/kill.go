package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"slices"
	"sync"
	"syscall"
	"time"

	"github.com/expertgraph/expertgraph/bench/workload"
	"github.com/expertgraph/expertgraph/internal/auth"
)

// killReport is what `egbench kill` found: which upsertGraph batches the
// server acknowledged before it was killed with SIGKILL, and whether every
// one of them was there after the restart.
type killReport struct {
	Store         string   `json:"store"`
	Run           string   `json:"run"`
	BatchMeetings int      `json:"batchMeetings"`
	Writers       int      `json:"writers"`
	Readers       int      `json:"readers"`
	Acknowledged  int      `json:"acknowledged"`  // batches answered without errors before the kill
	InFlight      int      `json:"inFlight"`      // batches sent and not answered when the server died
	Rejected      int      `json:"rejected"`      // batches answered with errors before the kill
	ReadsOK       int      `json:"readsOK"`       // workload requests answered meanwhile
	ReadErrors    int      `json:"readErrors"`    // and failed, most of them cut off by the kill
	KilledAfterS  float64  `json:"killedAfterS"`  // seconds of writing before SIGKILL
	ReadyAgainS   float64  `json:"readyAgainS"`   // seconds from the restart to /readyz 200
	Lost          []string `json:"lost"`          // acknowledged batches missing (in part or whole) after the restart
	InFlightFound int      `json:"inFlightFound"` // in-flight batches found whole after the restart
	Partial       []string `json:"partial"`       // batches found in part: a write that was not all or nothing
	OK            bool     `json:"ok"`
}

// killCmd starts expertgraph (--eg) on a store, writes batches of meetings
// through upsertGraph with an editor API key from --writers clients while
// --readers clients run the workload, kills the server with SIGKILL once
// --kill-after batches are acknowledged, starts it again on the same store
// and checks that every acknowledged batch is there, whole, and that no
// batch is there in part. Exit status 1 if not.
func killCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("kill", flag.ContinueOnError)
	eg := fs.String("eg", "", "the expertgraph binary")
	addr := fs.String("addr", "127.0.0.1:27090", "where the server listens")
	store := fs.String("store", "embedded", "embedded or neo4j")
	data := fs.String("data", "", "the embedded store's file")
	uri := fs.String("neo4j-uri", "", "Neo4j URI")
	params := fs.String("params", "", "params.json of the generated graph (councils for the meetings, parameters for the readers)")
	batch := fs.Int("batch", 10, "meetings per upsertGraph batch (each with a new person, an appearance and a recommendation)")
	writers := fs.Int("writers", 2, "concurrent writers")
	readers := fs.Int("readers", 4, "concurrent workload clients meanwhile")
	killAfter := fs.Int("kill-after", 20, "SIGKILL the server once this many batches are acknowledged")
	logPath := fs.String("log", "", "append the server's output here")
	out := fs.String("out", "", "write the report as JSON here")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *eg == "" || *params == "" {
		return errors.New("kill: --eg and --params are required")
	}
	p, err := readParams(*params)
	if err != nil {
		return err
	}
	if len(p.Sample.Councils) == 0 {
		return errors.New("kill: the sample names no council")
	}
	key := make([]byte, 18)
	rand.Read(key)
	apiKey := hex.EncodeToString(key)
	env := append(os.Environ(), "EXPERTGRAPH_ADDR="+*addr, "EXPERTGRAPH_SEED=false", "EXPERTGRAPH_LOG_LEVEL=warn",
		"EXPERTGRAPH_STORE="+*store, "EXPERTGRAPH_API_KEYS=bench:editor:"+auth.HashKey(apiKey))
	switch *store {
	case "embedded":
		env = append(env, "EXPERTGRAPH_DATA="+*data)
	case "neo4j":
		env = append(env, "NEO4J_URI="+*uri)
	default:
		return fmt.Errorf("kill: unknown store %q", *store)
	}
	logw := io.Discard
	if *logPath != "" {
		f, err := os.OpenFile(*logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
		if err != nil {
			return err
		}
		defer f.Close()
		logw = f
	}
	base := "http://" + *addr
	start := func() (*exec.Cmd, float64, error) {
		cmd := exec.Command(*eg, "serve")
		cmd.Env, cmd.Stdout, cmd.Stderr = env, logw, logw
		t0 := time.Now()
		if err := cmd.Start(); err != nil {
			return nil, 0, err
		}
		if err := waitReady(ctx, base+"/readyz", 2*time.Minute); err != nil {
			cmd.Process.Kill()
			cmd.Wait()
			return nil, 0, err
		}
		return cmd, time.Since(t0).Seconds(), nil
	}

	run := hex.EncodeToString(key[:4])
	rep := &killReport{Store: *store, Run: run, BatchMeetings: *batch, Writers: *writers, Readers: *readers, Lost: []string{}, Partial: []string{}}
	srv, _, err := start()
	if err != nil {
		return fmt.Errorf("kill: starting the server: %w", err)
	}
	defer func() { // whatever happens, leave no server behind
		if srv != nil {
			srv.Process.Kill()
			srv.Wait()
		}
	}()

	client := &http.Client{Timeout: 2 * time.Minute}
	var (
		mu       sync.Mutex
		acked    []int
		inFlight = map[int]bool{}
		next     int
	)
	wctx, stopWriting := context.WithCancel(ctx)
	defer stopWriting()
	killed := make(chan struct{})
	var wg sync.WaitGroup
	began := time.Now()
	for w := 0; w < *writers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for wctx.Err() == nil {
				mu.Lock()
				i := next
				next++
				inFlight[i] = true
				mu.Unlock()
				body, _ := json.Marshal(map[string]any{
					"query":     `mutation($g: GraphInput!) { upsertGraph(input: $g) { created } }`,
					"variables": map[string]any{"g": killBatch(run, i, *batch, p.Sample.Councils)},
				})
				req, _ := http.NewRequest(http.MethodPost, base+"/graphql", bytes.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set("Authorization", "Bearer "+apiKey)
				code, err := post(client, req)
				mu.Lock()
				select {
				case <-killed: // the answer, if any, came from a dying server: the batch stays in flight
					mu.Unlock()
					return
				default:
				}
				switch {
				case err != nil && code == "":
					// no answer: the outcome is unknown, the batch stays in flight
				case err == nil:
					delete(inFlight, i)
					acked = append(acked, i)
					if len(acked) == *killAfter {
						rep.KilledAfterS = time.Since(began).Seconds()
						srv.Process.Signal(syscall.SIGKILL)
						close(killed)
						stopWriting()
					}
				default: // a batch refused is a broken harness or server: stop
					delete(inFlight, i)
					rep.Rejected++
					fmt.Fprintf(stderr, "kill: batch %d refused: %v\n", i, err)
					stopWriting()
				}
				mu.Unlock()
			}
		}()
	}
	var reads *workload.Result
	if *readers > 0 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			t := workload.NewGraphQL(base+"/graphql", false, *readers)
			defer t.Close()
			reads = workload.Run(wctx, t, p.Sample, workload.Config{System: "kill-readers", Clients: *readers, Duration: time.Hour})
		}()
	}
	wg.Wait()
	srv.Wait()
	srv = nil
	select {
	case <-killed:
	default:
		return fmt.Errorf("kill: stopped before %d batches were acknowledged (%d acknowledged, %d refused): %v", *killAfter, len(acked), rep.Rejected, ctx.Err())
	}
	rep.Acknowledged, rep.InFlight = len(acked), len(inFlight)
	if reads != nil { // errors include the reads the kill cut off
		rep.ReadsOK = reads.Total.Requests - reads.Total.Errors
		rep.ReadErrors = reads.Total.Errors
	}
	fmt.Fprintf(stderr, "kill: SIGKILL after %.1f s: %d batches acknowledged, %d in flight; restarting\n",
		rep.KilledAfterS, rep.Acknowledged, rep.InFlight)

	srv, rep.ReadyAgainS, err = start()
	if err != nil {
		return fmt.Errorf("kill: restarting the server after SIGKILL: %w", err)
	}
	check := func(i int) (found, want int, err error) {
		return killFound(ctx, client, base+"/graphql", run, i, *batch)
	}
	slices.Sort(acked)
	for _, i := range acked {
		found, want, err := check(i)
		if err != nil {
			return fmt.Errorf("kill: reading batch %d back: %w", i, err)
		}
		if found != want {
			rep.Lost = append(rep.Lost, fmt.Sprintf("batch %d: %d of %d parts", i, found, want))
		}
	}
	for i := range inFlight {
		found, want, err := check(i)
		if err != nil {
			return fmt.Errorf("kill: reading batch %d back: %w", i, err)
		}
		switch found {
		case 0:
		case want:
			rep.InFlightFound++
		default:
			rep.Partial = append(rep.Partial, fmt.Sprintf("batch %d: %d of %d parts", i, found, want))
		}
	}
	rep.OK = len(rep.Lost) == 0 && len(rep.Partial) == 0
	fmt.Fprintf(stdout, "kill (%s): SIGKILL after %.1f s of writing (%d writers of %d-meeting batches, %d readers: %d reads answered, %d failed); "+
		"%d batches acknowledged, %d in flight; ready again %.2f s after the restart; acknowledged and missing: %d; in flight and found whole: %d; found in part: %d\n",
		*store, rep.KilledAfterS, *writers, *batch, *readers, rep.ReadsOK, rep.ReadErrors, rep.Acknowledged, rep.InFlight, rep.ReadyAgainS,
		len(rep.Lost), rep.InFlightFound, len(rep.Partial))
	if *out != "" {
		data, _ := json.MarshalIndent(rep, "", "  ")
		if err := os.WriteFile(*out, data, 0o644); err != nil {
			return err
		}
	}
	if !rep.OK {
		return fmt.Errorf("kill: acknowledged writes lost %v, batches written in part %v", rep.Lost, rep.Partial)
	}
	return nil
}

// killBatch is batch i of run: n meetings of councils from the sample, each
// with a new person who spoke there, a recommendation, and the batch's new
// source stating them all.
func killBatch(run string, i, n int, councils []string) map[string]any {
	src := fmt.Sprintf("kill-%s-%d-src", run, i)
	cite := []map[string]any{{"source": src}}
	var people, meetings []map[string]any
	for j := 0; j < n; j++ {
		id := fmt.Sprintf("kill-%s-%d-%d", run, i, j)
		people = append(people, map[string]any{"id": id + "-p", "name": fmt.Sprintf("Killtest Speaker %s %d %d", run, i, j), "sources": cite})
		meetings = append(meetings, map[string]any{
			"id": id, "council": map[string]any{"id": councils[(i*n+j)%len(councils)]},
			"title": fmt.Sprintf("Kill test %s, batch %d, meeting %d", run, i, j), "date": "2025-01-02", "sources": cite,
			"appearances":     []map[string]any{{"person": map[string]any{"id": id + "-p"}, "roles": []string{"SPEAKER"}}},
			"recommendations": []map[string]any{{"kind": "PROPOSAL", "text": fmt.Sprintf("Proposal %d of batch %d of kill test %s.", j, i, run)}},
		})
	}
	return map[string]any{
		"sources":  []map[string]any{{"id": src, "url": fmt.Sprintf("https://bench.invalid/kill/%s/%d", run, i), "publisher": "egbench kill"}},
		"people":   people,
		"meetings": meetings,
	}
}

// killFound counts the parts of batch i the server has: per meeting, the
// meeting, its speaker and its recommendation. want is 3 per meeting.
func killFound(ctx context.Context, client *http.Client, url, run string, i, n int) (found, want int, err error) {
	var q bytes.Buffer
	q.WriteString("{")
	for j := 0; j < n; j++ {
		fmt.Fprintf(&q, ` m%d: meeting(id: "kill-%s-%d-%d") { speakers { person { id } } recommendations { id } }`, j, run, i, j)
	}
	q.WriteString(" }")
	body, _ := json.Marshal(map[string]any{"query": q.String()})
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return 0, 0, err
	}
	defer resp.Body.Close()
	var r struct {
		Data   map[string]*struct{ Speakers, Recommendations []json.RawMessage }
		Errors []struct {
			Message    string
			Extensions struct{ Code string }
		}
	}
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		return 0, 0, err
	}
	for _, e := range r.Errors { // a meeting that is not there is NOT_FOUND
		if e.Extensions.Code != "NOT_FOUND" {
			return 0, 0, fmt.Errorf("%s: %s", e.Extensions.Code, e.Message)
		}
	}
	for _, m := range r.Data {
		if m != nil {
			found += 1 + min(1, len(m.Speakers)) + min(1, len(m.Recommendations))
		}
	}
	return found, 3 * n, nil
}

// post sends a GraphQL request: code is "" if no answer came (the server
// died), the first error's code if it answered with errors.
func post(client *http.Client, req *http.Request) (code string, err error) {
	resp, err := client.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var r struct {
		Data   json.RawMessage
		Errors []struct {
			Message    string
			Extensions struct{ Code string }
		}
	}
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		return "", fmt.Errorf("HTTP %d: %w", resp.StatusCode, err)
	}
	switch {
	case len(r.Errors) > 0:
		return r.Errors[0].Extensions.Code, fmt.Errorf("%s: %s", r.Errors[0].Extensions.Code, r.Errors[0].Message)
	case resp.StatusCode != http.StatusOK || len(r.Data) == 0 || string(r.Data) == "null":
		return fmt.Sprint(resp.StatusCode), fmt.Errorf("HTTP %d without data", resp.StatusCode)
	}
	return "", nil
}

// waitReady polls url until it answers 200 or timeout passes.
func waitReady(ctx context.Context, url string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		resp, err := http.Get(url)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%s not ready within %s (last: %v)", url, timeout, err)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
}
