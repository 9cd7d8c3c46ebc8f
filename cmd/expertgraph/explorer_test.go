package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/google/go-cmp/cmp"

	"github.com/expertgraph/expertgraph/internal/dataset"
	"github.com/expertgraph/expertgraph/internal/domain"
	"github.com/expertgraph/expertgraph/internal/memstore"
	"github.com/expertgraph/expertgraph/seed"
)

var screenshots = flag.Bool("screenshots", false,
	"write a PNG screenshot of each explorer view to docs/screenshots/ (go test ./cmd/expertgraph -run Explorer -screenshots)")

// screenshotDir is where -screenshots writes, from this package's directory.
const screenshotDir = "../../docs/screenshots"

// chromiumPath returns Debian's Chromium. Without it the browser tests skip,
// except under CI (CI=true), where .ci/run installs it and they must run.
func chromiumPath(t *testing.T) string {
	t.Helper()
	for _, p := range []string{os.Getenv("CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if p == "" {
			continue
		}
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("CI=true but there is no /usr/bin/chromium: .ci/run installs Debian's chromium package before the tests")
	}
	t.Skip("no Chromium at /usr/bin/chromium (apt-get install chromium): the explorer's browser tests are skipped")
	return ""
}

// tab is a headless Chromium tab on the explorer of a running server. It
// records what the page reports as errors (exceptions, failed requests,
// Content-Security-Policy refusals) so that a test can require none.
type tab struct {
	t    *testing.T
	ctx  context.Context
	base string

	mu       sync.Mutex
	problems []string
}

func newTab(t *testing.T, base string) *tab {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath(t)),
		chromedp.NoSandbox, // the tests may run as root, as CI does
		chromedp.DisableGPU,
		chromedp.WindowSize(1366, 860),
		chromedp.Flag("lang", "en-GB"),
		chromedp.Flag("font-render-hinting", "none"),
	)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(alloc)
	ctx, cancelTime := context.WithTimeout(ctx, 3*time.Minute)
	b := &tab{t: t, ctx: ctx, base: base}
	t.Cleanup(func() {
		cancelTime()
		cancelTab()
		cancelAlloc()
	})
	if err := chromedp.Do(ctx); err != nil { // start the browser and attach the tab
		t.Fatalf("starting %s: %v", chromiumPath(t), err)
	}
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.IsException() {
				b.mu.Lock()
				b.problems = append(b.problems, m.String())
				b.mu.Unlock()
			}
		}
	}()
	return b
}

// do runs actions, failing the test on error.
func (b *tab) do(actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, actions...); err != nil {
		b.t.Fatalf("browser: %v", err)
	}
}

// eval evaluates a JavaScript expression and decodes its value into T.
func eval[T any](b *tab, expr string) T {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		b.t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

func js(s string) string {
	q, _ := json.Marshal(s)
	return string(q)
}

// open shows the view of hash, loading the page the first time, and waits
// until the view is complete.
func (b *tab) open(hash string) time.Duration {
	b.t.Helper()
	start := time.Now()
	loaded := eval[bool](b, `location.pathname.endsWith('/explore/')`)
	if !loaded {
		b.do(chromedp.Navigate(b.base + "/explore/" + hash))
	} else {
		b.do(chromedp.Evaluate[chromedp.Void](`location.hash = ` + js(hash)))
	}
	b.waitView(hash)
	return time.Since(start)
}

// waitView waits until the view of hash has rendered.
func (b *tab) waitView(hash string) {
	b.t.Helper()
	_, err := chromedp.Run(b.ctx, chromedp.Poll[bool](
		`document.querySelector('main').dataset.ready === `+js(hash),
		chromedp.WithPollingTimeout(20*time.Second)))
	if err != nil {
		got := eval[string](b, `location.hash + ' ready=' + document.querySelector('main').dataset.ready + ': ' + document.querySelector('main').innerText.slice(0, 300)`)
		b.t.Fatalf("view %s did not render: %v (page: %s)", hash, err, got)
	}
}

// texts returns the trimmed text of every element matching css.
func (b *tab) texts(css string) []string {
	b.t.Helper()
	return eval[[]string](b, `[...document.querySelectorAll(`+js(css)+`)].map((e) => e.textContent.trim())`)
}

// shot writes a screenshot of the viewport (1366 wide, height tall) when
// -screenshots is given.
func (b *tab) shot(name string, height int64) {
	b.t.Helper()
	if !*screenshots {
		return
	}
	b.do(chromedp.EmulateViewport(1366, height), chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`))
	defer b.do(chromedp.ResetViewport())
	png, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		b.t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.MkdirAll(screenshotDir, 0o755); err != nil {
		b.t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(screenshotDir, name+".png"), png, 0o644); err != nil {
		b.t.Fatal(err)
	}
}

// checkCopiedQueries reads every request the view's "copy the GraphQL query"
// panel shows, POSTs each to /graphql as a user who copied it would, and
// requires answers without errors.
func (b *tab) checkCopiedQueries() {
	b.t.Helper()
	type shown struct{ Query, Variables string }
	reqs := eval[[]shown](b, `[...document.querySelectorAll('.gql-request')].map((r) => ({
		query: r.querySelector('.gql-query').textContent,
		variables: r.querySelector('.gql-variables').textContent }))`)
	if len(reqs) == 0 {
		b.t.Fatal("the view shows no GraphQL query to copy")
	}
	for _, r := range reqs {
		body, _ := json.Marshal(map[string]any{"query": r.Query, "variables": json.RawMessage(r.Variables)})
		resp, err := http.Post(b.base+"/graphql", "application/json", bytes.NewReader(body))
		if err != nil {
			b.t.Fatal(err)
		}
		var out struct {
			Data   map[string]any
			Errors []struct{ Message string }
		}
		err = json.NewDecoder(resp.Body).Decode(&out)
		resp.Body.Close()
		if err != nil || len(out.Errors) > 0 || out.Data == nil {
			b.t.Errorf("the copied query answers %v %+v:\n%s\nvariables: %s", err, out.Errors, r.Query, r.Variables)
		}
	}
}

// noProblems fails if the page reported errors.
func (b *tab) noProblems() {
	b.t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, p := range b.problems {
		b.t.Errorf("the page reported: %s", p)
	}
	b.problems = nil
}

// TestExplorerAndMetricsServed checks, without a browser, that `expertgraph
// serve` serves the explorer and /metrics, and that a query moves the GraphQL
// and store counters (the store is wrapped by internal/instrument).
func TestExplorerAndMetricsServed(t *testing.T) {
	base, stop := startServe(t, map[string]string{"EXPERTGRAPH_DATA": filepath.Join(t.TempDir(), "graph.json")})
	defer stop()
	if code, body := get(t, base+"/explore/"); code != http.StatusOK || !strings.Contains(body, "js/app.js") {
		t.Fatalf("GET /explore/ = %d %q", code, body)
	}
	scrape := func() map[string]float64 {
		_, body := get(t, base+"/metrics")
		out := map[string]float64{}
		for _, line := range strings.Split(body, "\n") {
			if i := strings.LastIndexByte(line, ' '); i > 0 && !strings.HasPrefix(line, "#") {
				var v float64
				fmt.Sscan(line[i+1:], &v)
				out[line[:i]] = v
			}
		}
		return out
	}
	before := scrape()
	resp, err := http.Post(base+"/graphql", "application/json",
		strings.NewReader(`{"query":"query ExplorerMeeting { meeting(id: \"raec-5\") { speakers { person { name } } } }"}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	after := scrape()
	for _, series := range []string{
		`expertgraph_graphql_requests_total{operation="ExplorerMeeting"}`,
		`expertgraph_graphql_request_duration_seconds_count{operation="ExplorerMeeting"}`,
		// The meeting comes with its speakers and their people (loader/include.go).
		`expertgraph_store_calls_total{method="MeetingsWith"}`,
	} {
		if after[series] <= before[series] {
			t.Errorf("%s did not move: %v, then %v", series, before[series], after[series])
		}
	}
	if _, ok := after["go_goroutines"]; !ok {
		t.Error("/metrics has no Go runtime metrics")
	}
}

// TestExplorer drives the explorer in headless Chromium against
// `expertgraph serve` on the seed: each view is loaded, clicked through,
// checked for content, and its copyable queries are sent to /graphql.
func TestExplorer(t *testing.T) {
	path := chromiumPath(t)
	base, stop := startServe(t, map[string]string{"EXPERTGRAPH_DATA": filepath.Join(t.TempDir(), "graph.json")})
	defer stop()
	b := newTab(t, base)
	t.Logf("browser: %s", path)

	t.Run("meeting page", func(t *testing.T) {
		b.t = t
		b.open("#/meeting/raec-5")
		opening := eval[[]string](b, `[...document.querySelectorAll('table.speakers tbody tr')]
			.filter((tr) => tr.querySelector('.role-OPENING_SPEECH'))
			.map((tr) => tr.querySelector('a').textContent)`)
		want := []string{"Igor Maslov", "Hikmet Hajiyev", "Mikhail Evdokimov", "Elshad Iskandarov", "Ivan Timofeev", "Farid Shafiyev"}
		if diff := cmp.Diff(want, opening); diff != "" {
			t.Errorf("opening speakers (-want +got):\n%s", diff)
		}
		if h1 := b.texts("h1"); len(h1) != 1 || h1[0] != "5th meeting of the Russia–Azerbaijan Expert Council" {
			t.Errorf("h1 = %q", h1)
		}
		conclusions := b.texts(`section.recommendations[data-kind="CONCLUSION"] li`)
		if len(conclusions) == 0 || !containsAll(strings.Join(conclusions, "\n"), "INSTC", "International North–South Transport Corridor") {
			t.Errorf("conclusions do not show INSTC with its chip: %q", conclusions)
		}
		sources := eval[[]string](b, `[...document.querySelectorAll('ol.sources a')].map((a) => a.href)`)
		if len(sources) == 0 || !strings.HasPrefix(sources[0], "https://") {
			t.Errorf("sources = %q, want links to the reports", sources)
		}
		b.shot("meeting", 1000)
		b.checkCopiedQueries()
		b.noProblems()
	})

	t.Run("CSV download", func(t *testing.T) {
		b.t = t
		dir := t.TempDir()
		_, err := chromedp.CallBrowser(b.ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
			Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir,
		})
		if err != nil {
			t.Fatal(err)
		}
		b.open("#/meeting/raec-5")
		b.do(chromedp.Click(chromedp.CSS(`button.csv[data-csv="raec-5-speakers"]`)))
		file := filepath.Join(dir, "raec-5-speakers.csv")
		var data []byte
		for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
			if data, err = os.ReadFile(file); err == nil && len(data) > 0 {
				break
			}
		}
		lines := strings.Split(strings.TrimSpace(strings.TrimPrefix(string(data), "\ufeff")), "\r\n")
		if len(lines) != 9 || lines[0] != "#,Person,Roles,Title at the time,Institution,Country,Session" ||
			!strings.HasPrefix(lines[1], "1,Igor Maslov,Opening speech,") {
			t.Errorf("downloaded CSV:\n%s", data)
		}
	})

	t.Run("recurrence", func(t *testing.T) {
		b.t = t
		b.open("#/recurrence")
		instc := b.texts(`svg.heatmap a.row-link[data-id="instc"]`)
		if len(instc) != 1 || !strings.HasPrefix(instc[0], "International North–South Transport Corridor (INSTC)INSTC — ") {
			t.Errorf("chart row of INSTC = %q, want its title and label", instc)
		}
		b.shot("recurrence", 900)
		// Filter by council and period through the form, as a user would.
		b.do(
			chromedp.SetValue(chromedp.CSS("#f-council"), "raec"),
			chromedp.SendKeys(chromedp.CSS("#f-from"), "2023"),
			chromedp.SendKeys(chromedp.CSS("#f-to"), "2024-06"),
			chromedp.Click(chromedp.CSS(`form.filters button[type="submit"]`)),
		)
		b.waitView("#/recurrence?council=raec&from=2023&to=2024-06&measure=meetings")
		got := eval[map[string]string](b, `Object.fromEntries([...document.querySelectorAll('table.recurrence tbody tr')]
			.map((tr) => [tr.cells[0].textContent, tr.cells[2].textContent]))`)
		if got["3+3 consultative regional platform"] != "3" {
			t.Errorf("3+3 at RAEC in 2023 to 2024-06: %q meetings, want 3 (README example 3); table: %v", got["3+3 consultative regional platform"], got)
		}
		b.checkCopiedQueries()
		b.noProblems()
	})

	t.Run("who spoke where", func(t *testing.T) {
		b.t = t
		b.open("#/speakers?council=raec")
		people := b.texts("table.matrix tbody th")
		if !containsAny(people, "Farid Shafiyev") {
			t.Fatalf("matrix rows = %q, want Farid Shafiyev", people)
		}
		cell := b.texts(`table.matrix tr[data-person="farid-shafiyev"] td.hit .codes`)
		if len(cell) != 4 || !containsAny(cell, "O M") {
			t.Errorf("Farid Shafiyev's cells = %q, want four RAEC meetings, one as O M (opening speech, moderator)", cell)
		}
		b.shot("who-spoke-where", 860)
		b.checkCopiedQueries()
		// Keyboard: focus the person's link and press Enter.
		b.do(
			chromedp.Focus(chromedp.CSS(`table.matrix a[href="#/person/farid-shafiyev"]`)),
			chromedp.KeyEvent("\r"),
		)
		b.waitView("#/person/farid-shafiyev")
		if focused := eval[string](b, `document.activeElement.tagName`); focused != "H1" {
			t.Errorf("after navigating, focus is on %s, want the view's heading", focused)
		}
		if h2 := b.texts("h2#appearances"); len(h2) != 1 || h2[0] != "Appearances (5)" {
			t.Errorf("heading %q, want Appearances (5)", h2)
		}
		meetings := b.texts("table.appearances tbody th")
		if diff := cmp.Diff([]string{"2021-11-19", "2023-02-28", "2023-11-27", "2024-06-21", "2025-11-24"}, meetings); diff != "" {
			t.Errorf("appearances (-want +got):\n%s", diff)
		}
		b.shot("person", 760)
		b.checkCopiedQueries()
		b.noProblems()
	})

	t.Run("graph", func(t *testing.T) {
		b.t = t
		b.open("#/graph/raec-5")
		ids := eval[[]string](b, `[...document.querySelectorAll('svg.graph a.node')].map((a) => a.dataset.id)`)
		for _, id := range []string{"raec", "baku", "farid-shafiyev", "instc", "riac"} {
			if !containsAny(ids, id) {
				t.Errorf("the graph around raec-5 does not show %s; it shows %q", id, ids)
			}
		}
		if n := len(b.texts("table.neighbours tbody tr")); n < len(ids) {
			t.Errorf("the neighbours table has %d rows for %d drawn nodes", n, len(ids))
		}
		b.shot("graph", 1180)
		b.checkCopiedQueries()
		b.do(chromedp.Click(chromedp.CSS(`svg.graph a.node[data-id="raec"] circle`)))
		b.waitView("#/graph/raec")
		if h1 := b.texts("h1"); len(h1) != 1 || h1[0] != "Russia–Azerbaijan Expert Council" {
			t.Errorf("after clicking the council: h1 = %q", h1)
		}
		b.checkCopiedQueries()
		for _, hash := range []string{"#/graph/russia", "#/graph/farid-shafiyev", "#/graph/instc", "#/graph/raec-5-top-matters"} {
			b.open(hash)
			if n := len(b.texts("svg.graph a.node")); n < 3 {
				t.Errorf("%s draws %d neighbours", hash, n)
			}
			b.checkCopiedQueries()
		}
		b.noProblems()
	})

	t.Run("search", func(t *testing.T) {
		b.t = t
		b.open("#/search")
		b.do(chromedp.SendKeys(chromedp.CSS("#search-q"), "Gadzhiev\r"))
		b.waitView("#/search?q=Gadzhiev")
		people := b.texts(`section[data-kind="Person"] li a`)
		if diff := cmp.Diff([]string{"Hikmet Hajiyev"}, people); diff != "" {
			t.Errorf("people found for Gadzhiev (-want +got):\n%s", diff)
		}
		b.checkCopiedQueries()
		b.open("#/search?q=corridor")
		initiatives := b.texts(`section[data-kind="Initiative"] li a`)
		if !containsAny(initiatives, "International North–South Transport Corridor") {
			t.Errorf("initiatives containing corridor = %q", initiatives)
		}
		b.checkCopiedQueries()
		b.open("#/search?q=russia")
		if kinds := eval[[]string](b, `[...document.querySelectorAll('section.group')].map((s) => s.dataset.kind)`); len(kinds) < 4 {
			t.Errorf("russia is found in %q, want results grouped in several kinds", kinds)
		}
		b.shot("search", 760)
		b.do(chromedp.Click(chromedp.CSS("details.gql-panel > summary")))
		if open := eval[bool](b, `document.querySelector('details.gql-panel').open`); !open {
			t.Error("clicking the summary does not open the query panel")
		}
		b.shot("query-panel", 760)
		b.checkCopiedQueries()
		// The copy control puts the query on the clipboard.
		for _, name := range []string{"clipboard-read", "clipboard-write"} {
			if _, err := chromedp.CallBrowser(b.ctx, browser.SetPermission, browser.SetPermissionParams{
				Permission: &browser.PermissionDescriptor{Name: name}, Setting: browser.PermissionSettingGranted, Origin: base,
			}); err != nil {
				t.Fatal(err)
			}
		}
		b.do(chromedp.Click(chromedp.CSS(".gql-request .buttons button")))
		if _, err := chromedp.Run(b.ctx, chromedp.Poll[bool](`document.querySelector('.copy-status').textContent === 'Copied.'`,
			chromedp.WithPollingTimeout(5*time.Second))); err != nil {
			t.Errorf("Copy query did not report Copied.: %v", err)
		}
		copied, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`navigator.clipboard.readText()`, chromedp.EvalAwaitPromise))
		if want := b.texts(".gql-query"); err != nil || len(want) == 0 || copied != want[0] {
			t.Errorf("the clipboard holds %q (%v), want the query shown", copied, err)
		}
		b.noProblems()
	})

	t.Run("meetings list and overview", func(t *testing.T) {
		b.t = t
		b.open("#/")
		if bars := b.texts("svg.bars rect.bar"); len(bars) == 0 {
			t.Error("the overview draws no meetings-per-year bars")
		}
		b.checkCopiedQueries()
		b.open("#/meetings?council=raec")
		ids := b.texts("table.data tbody td:last-child")
		if diff := cmp.Diff([]string{"raec-5", "raec-4", "raec-3", "raec-1"}, ids); diff != "" {
			t.Errorf("RAEC meetings, newest first (-want +got):\n%s", diff)
		}
		b.checkCopiedQueries()
		b.noProblems()
	})
}

func containsAny(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func containsAll(s string, parts ...string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}

// largeGraph is the seed and n meetings more across twenty councils and
// twenty-six years, each with four speakers from a pool of 400 people,
// initiatives and themes of the seed, and a recommendation.
func largeGraph(t *testing.T, n int) *domain.Graph {
	t.Helper()
	g, err := dataset.Load(seed.FS)
	if err != nil {
		t.Fatal(err)
	}
	src := []domain.SourceRef{{SourceID: g.Sources[0].ID}}
	country := func(i int) string { return g.Countries[i%len(g.Countries)].ID }
	for i := range 20 {
		g.Councils = append(g.Councils, &domain.Council{ID: fmt.Sprintf("council-%d", i), Name: fmt.Sprintf("Synthetic Council %d", i),
			ShortName: fmt.Sprintf("SC%d", i), CountryIDs: []string{country(i), country(i + 1)}, Sources: src})
	}
	for i := range 400 {
		g.People = append(g.People, &domain.Person{ID: fmt.Sprintf("expert-%d", i), Name: fmt.Sprintf("Expert %03d", i),
			CountryID: country(i), Sources: src})
	}
	for i := range n {
		m := &domain.Meeting{
			ID: fmt.Sprintf("sc-meeting-%d", i), CouncilID: fmt.Sprintf("council-%d", i%20), Ordinal: i/20 + 1,
			Title:         fmt.Sprintf("Synthetic meeting %d", i),
			Date:          domain.Date{Year: 2000 + i*26/n, Month: i%12 + 1, Day: i%28 + 1},
			PlaceID:       g.Places[i%len(g.Places)].ID,
			InitiativeIDs: []string{g.Initiatives[i%len(g.Initiatives)].ID},
			ThemeIDs:      []string{g.Themes[i%len(g.Themes)].ID},
			Sources:       src,
		}
		g.Meetings = append(g.Meetings, m)
		for j := range 4 {
			g.Appearances = append(g.Appearances, &domain.Appearance{MeetingID: m.ID, PersonID: fmt.Sprintf("expert-%d", (i*7+j*101)%400),
				Roles: []domain.Role{domain.RoleSpeaker}, Title: "Researcher", InstitutionID: g.Institutions[(i+j)%len(g.Institutions)].ID,
				Order: j + 1, Sources: src})
		}
		g.Recommendations = append(g.Recommendations, &domain.Recommendation{ID: m.ID + "-r1", MeetingID: m.ID, Kind: domain.RecommendationKind("PROPOSAL"),
			Text: "Keep talking.", Order: 1, InitiativeIDs: []string{g.Initiatives[(i+3)%len(g.Initiatives)].ID},
			ThemeIDs: []string{g.Themes[(i+1)%len(g.Themes)].ID}, Sources: src})
	}
	return g
}

// TestExplorerLargeGraph loads every view on a graph of 10,000 meetings more
// than the seed and requires each to render within a few seconds: views
// page through lists instead of loading them whole. -short skips it.
func TestExplorerLargeGraph(t *testing.T) {
	chromiumPath(t)
	if testing.Short() {
		t.Skip("-short: the 10,000-meeting graph takes a few seconds to build")
	}
	data := filepath.Join(t.TempDir(), "graph.json")
	start := time.Now()
	s, err := memstore.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Upsert(context.Background(), largeGraph(t, 10_000)); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Logf("built and saved the graph in %v", time.Since(start).Round(time.Millisecond))
	base, stop := startServe(t, map[string]string{"EXPERTGRAPH_DATA": data}, "-seed=false")
	defer stop()
	b := newTab(t, base)
	const budget = 5 * time.Second // on two shared cores; most views take well under a second
	views := []struct {
		hash string
		rows string // a selector that must match something
	}{
		{"#/", "svg.bars rect.bar"},
		{"#/meetings", "table.data tbody tr"},
		{"#/meetings?council=council-3&from=2010&to=2012", "table.data tbody tr"},
		{"#/meeting/sc-meeting-5000", "table.speakers tbody tr"},
		{"#/recurrence", "svg.heatmap rect.cell"},
		{"#/recurrence?council=council-7&from=2015", "svg.heatmap rect.cell"},
		{"#/speakers?council=council-1", "table.matrix tbody tr"},
		{"#/person/expert-7", "table.appearances tbody tr"},
		{"#/graph/council-2", "svg.graph a.node"},
		{"#/graph/expert-7", "svg.graph a.node"},
		{"#/graph/instc", "svg.graph a.node"},
		{"#/graph/russia", "svg.graph a.node"},
		{"#/search?q=expert%2012", `section[data-kind="Person"] li`},
	}
	for _, v := range views {
		d := b.open(v.hash)
		t.Logf("%-48s %v", v.hash, d.Round(time.Millisecond))
		if d > budget {
			t.Errorf("%s took %v, over %v", v.hash, d, budget)
		}
		if len(b.texts(v.rows)) == 0 {
			t.Errorf("%s shows no %s", v.hash, v.rows)
		}
	}
	// More search results of one kind, a page at a time.
	b.open("#/search?q=expert%2012")
	people := len(b.texts(`section[data-kind="Person"] li`))
	b.do(chromedp.Click(chromedp.CSS(`section[data-kind="Person"] button.more`)))
	if _, err := chromedp.Run(b.ctx, chromedp.Poll[bool](
		`document.querySelectorAll('section[data-kind="Person"] li').length > `+fmt.Sprint(people),
		chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Errorf("More people did not add results to the %d shown: %v", people, err)
	}
	// Paging: the next page of the meetings list.
	b.open("#/meetings")
	first := b.texts("table.data tbody td:last-child")
	next := eval[string](b, `document.querySelector('nav.pager a.next').getAttribute('href')`)
	b.do(chromedp.Click(chromedp.CSS("nav.pager a.next")))
	b.waitView(next)
	second := b.texts("table.data tbody td:last-child")
	if len(second) != 25 || second[0] == first[0] {
		t.Errorf("page 2 = %q, page 1 = %q", second, first)
	}
	if count := b.texts("nav.pager .count"); len(count) != 1 || !regexp.MustCompile(`^25 shown of 1000\d$`).MatchString(count[0]) {
		t.Errorf("pager says %q", count)
	}
	b.noProblems()
}
