package main

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/expertgraph/expertgraph/bench/gen"
	"github.com/expertgraph/expertgraph/internal/dataset"
	"github.com/expertgraph/expertgraph/internal/domain"
	"github.com/expertgraph/expertgraph/internal/graphio"
	"github.com/expertgraph/expertgraph/internal/memstore"
	"github.com/expertgraph/expertgraph/internal/storetest"
)

// The files the tests import.
const (
	seedDir      = "../../seed"
	forumJSON    = "testdata/import/example-forum.json"                    // stands alone
	followupYAML = "testdata/import/baku-example-roundtable-followup.yaml" // one meeting, naming the seed's and roundtable's nodes
	roundtable   = "testdata/import/roundtable.json"                       // refers to the seed: baku, riac, instc, ...
	invalidJSON  = "testdata/import/invalid.json"                          // refers to the seed, with seven problems
	themesYAML   = "testdata/import/themes.yaml"                           // one list file of the seed layout
	importFields = "id, council, ordinal, title, theme, themeVariants, date, dateNote, place, format, organizers, themes, initiatives, publications, sources"
)

// storeEnv is the environment of a command on an embedded store of its own,
// in a temporary directory.
func storeEnv(t *testing.T) map[string]string {
	return map[string]string{"EXPERTGRAPH_DATA": filepath.Join(t.TempDir(), "graph.json")}
}

// runCmd runs importCmd or exportCmd with env and returns its output.
func runCmd(cmd func(context.Context, []string, func(string) string, io.Writer, io.Writer) error,
	env map[string]string, args ...string) (stdout, stderr string, err error) {
	var out, errOut bytes.Buffer
	err = cmd(context.Background(), args, func(k string) string { return env[k] }, &out, &errOut)
	return out.String(), errOut.String(), err
}

// mustImport imports files and fails the test if that fails.
func mustImport(t *testing.T, env map[string]string, files ...string) {
	t.Helper()
	if _, stderr, err := runCmd(importCmd, env, files...); err != nil {
		t.Fatalf("import %v: %v\n%s", files, err, stderr)
	}
}

// exportJSON returns the store's JSON export, through the export command.
func exportJSON(t *testing.T, env map[string]string) string {
	t.Helper()
	stdout, stderr, err := runCmd(exportCmd, env, "--format", "json")
	if err != nil {
		t.Fatalf("export: %v\n%s", err, stderr)
	}
	return stdout
}

// readForImport reads a file or directory the tests import, as it is meant
// for s.
func readForImport(t *testing.T, s domain.Store, name string) *domain.Graph {
	t.Helper()
	var g *domain.Graph
	var err error
	switch {
	case name == seedDir:
		g, err = dataset.Load(os.DirFS(name))
	case name == followupYAML:
		src := []domain.SourceRef{{SourceID: "example-news-roundtable"}}
		g = &domain.Graph{
			Meetings: []*domain.Meeting{{ID: "baku-example-roundtable-followup", Title: "Follow-up round table on regional transport (example)",
				Date: domain.MustDate("2024-09"), PlaceID: "baku", OrganizerIDs: []string{"riac"}, Sources: src}},
			Appearances: []*domain.Appearance{{MeetingID: "baku-example-roundtable-followup", PersonID: "carla-example",
				Roles: []domain.Role{domain.RoleModerator}, Order: 1, Sources: src}},
		}
	case name == themesYAML:
		g = &domain.Graph{Themes: []*domain.Theme{{ID: "maritime-trade", Name: "Maritime trade",
			Description: "Shipping, ports and ferries.", Aliases: []string{"Shipping"}}}}
	default:
		var f *os.File
		if f, err = os.Open(name); err == nil {
			defer f.Close()
			g, err = graphio.ReadJSONWith(f, name, graphio.ReadOptions{Resolve: graphio.StoreResolver(context.Background(), s)})
		}
	}
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return g
}

// expectedExport is the JSON export of a store into which files were
// imported one after the other, computed in memory without the command.
func expectedExport(t *testing.T, files ...string) string {
	t.Helper()
	ctx := context.Background()
	s, err := memstore.Open("")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if err := s.Upsert(ctx, readForImport(t, s, f)); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
	}
	g, err := s.Export(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := graphio.WriteJSON(&b, g); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestImport(t *testing.T) {
	for _, tc := range []struct {
		name   string
		before []string // imported first
		args   []string
		ok     bool
		stderr string // for a failure: the lines after the progress line, every problem
	}{
		{name: "a JSON export", args: []string{forumJSON}, ok: true},
		{name: "a directory in the seed layout", args: []string{seedDir}, ok: true},
		{name: "one YAML list file", args: []string{themesYAML}, ok: true},
		{name: "several files, each referring to the ones before", args: []string{seedDir, roundtable, forumJSON}, ok: true},
		{name: "a file referring to what the store holds", before: []string{seedDir}, args: []string{roundtable}, ok: true},
		{name: "a single YAML meeting file referring to what the store holds", before: []string{seedDir, roundtable},
			args: []string{followupYAML}, ok: true},
		{name: "a single YAML meeting file referring to what an empty store does not hold",
			args: []string{followupYAML}, stderr: `
testdata/import/baku-example-roundtable-followup.yaml:7: place: unknown place "baku"
testdata/import/baku-example-roundtable-followup.yaml:8: organizers[0]: unknown institution "riac"
testdata/import/baku-example-roundtable-followup.yaml:9: sources[0]: unknown source "example-news-roundtable"
testdata/import/baku-example-roundtable-followup.yaml:11: appearances[carla-example].person: unknown person "carla-example"
testdata/import/baku-example-roundtable-followup.yaml:14: appearances[carla-example].sources[0]: unknown source "example-news-roundtable"
`},
		{name: "a file referring to what an empty store does not hold", args: []string{roundtable}, stderr: `
testdata/import/roundtable.json:people[carla-example].country: unknown country "azerbaijan"
testdata/import/roundtable.json:meetings[baku-example-roundtable].place: unknown place "baku"
testdata/import/roundtable.json:meetings[baku-example-roundtable].organizers[0]: unknown institution "riac"
testdata/import/roundtable.json:meetings[baku-example-roundtable].organizers[1]: unknown institution "air-center"
testdata/import/roundtable.json:meetings[baku-example-roundtable].themes[0]: unknown theme "transport-and-logistics"
testdata/import/roundtable.json:meetings[baku-example-roundtable].initiatives[0]: unknown initiative "instc"
testdata/import/roundtable.json:appearances[baku-example-roundtable/carla-example].country: unknown country "azerbaijan"
testdata/import/roundtable.json:recommendations[baku-example-roundtable-instc].initiatives[0]: unknown initiative "instc"
testdata/import/roundtable.json:recommendations[baku-example-roundtable-instc].countries[0]: unknown country "russia"
testdata/import/roundtable.json:recommendations[baku-example-roundtable-instc].countries[1]: unknown country "azerbaijan"
`},
		{name: "an invalid file", before: []string{seedDir}, args: []string{invalidJSON}, stderr: `
testdata/import/invalid.json:meetings[baku-example-roundtable-2].date: month 13 is not 1-12
testdata/import/invalid.json:meetings[baku-example-roundtable-2].venue: unknown field (the fields here are ` + importFields + `)
testdata/import/invalid.json:recommendations[baku-example-roundtable-2-tariff].order: must be a whole number, not the string "first"
testdata/import/invalid.json:sources[example-news-roundtable-2].url: "ftp://example.org/news/roundtable-2" is not an http(s) URL
testdata/import/invalid.json:appearances[baku-example-roundtable-2/nobody-example].person: unknown person "nobody-example"
testdata/import/invalid.json:appearances[baku-example-roundtable-2/nobody-example].roles[0]: "KEYNOTE" is not one of [OPENING_SPEECH SPEAKER MODERATOR PANELLIST PARTICIPANT]
testdata/import/invalid.json:recommendations[baku-example-roundtable-2-tariff].kind: "IDEA" is not one of [CONCLUSION PROPOSAL AGREEMENT FOLLOW_UP]
`},
		{name: "a file whose IDs name other kinds in the store", before: []string{forumJSON}, args: []string{"testdata/import/clash/themes.yaml"}, stderr: `
testdata/import/clash/themes.yaml:themes[aland].id: id "aland" already names a country
`},
		{name: "a YAML file with problems", args: []string{"testdata/import/bad/people.yaml"}, stderr: `
testdata/import/bad/people.yaml:1: entry 1 (zoe-example): name: is required
testdata/import/bad/people.yaml:2: entry 1 (zoe-example): nmae: unknown field (the fields here are id, name, aliases, country, affiliations, sources)
`},
		{name: "a missing file", args: []string{"testdata/import/nowhere.json"}, stderr: ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			env := storeEnv(t)
			if len(tc.before) > 0 {
				mustImport(t, env, tc.before...)
			}
			before := exportJSON(t, env)
			stdout, stderr, err := runCmd(importCmd, env, tc.args...)
			after := exportJSON(t, env)
			if tc.ok {
				if err != nil {
					t.Fatalf("import: %v\n%s", err, stderr)
				}
				if diff := cmp.Diff(expectedExport(t, append(tc.before, tc.args...)...), after); diff != "" {
					t.Errorf("the store after the import (-want +got):\n%s", diff)
				}
				if want := fmt.Sprintf("imported %s: %s (", plural(len(tc.args), "file", "files"), strings.Join(tc.args, ", ")); !strings.HasPrefix(stdout, want) {
					t.Errorf("stdout = %q, want it to start %q", stdout, want)
				}
				return
			}
			if err == nil || err.Error() != "1 of 1 files not imported" {
				t.Errorf("err = %v", err)
			}
			if before != after {
				t.Errorf("a failed import changed the store:\n%s", cmp.Diff(before, after))
			}
			// The progress line, then each problem on a line of its own.
			first, rest, _ := strings.Cut(stderr, "\n")
			if !strings.Contains(first, "nothing written") {
				t.Errorf("progress line %q does not say that nothing was written", first)
			}
			if tc.stderr != "" {
				if diff := cmp.Diff(strings.TrimPrefix(tc.stderr, "\n"), rest); diff != "" {
					t.Errorf("problems (-want +got):\n%s", diff)
				}
				if n := strings.Count(tc.stderr, "\n") - 1; !strings.Contains(first, plural(n, "problem", "problems")+", nothing written:") {
					t.Errorf("progress line %q does not count %d problems", first, n)
				}
			}
		})
	}
}

func TestImportTwiceIsOnce(t *testing.T) {
	for _, files := range [][]string{{forumJSON}, {seedDir}, {themesYAML}, {seedDir, roundtable}} {
		t.Run(strings.Join(files, "+"), func(t *testing.T) {
			env := storeEnv(t)
			mustImport(t, env, files...)
			once := exportJSON(t, env)
			mustImport(t, env, files...)
			if twice := exportJSON(t, env); twice != once {
				t.Errorf("importing twice differs from once:\n%s", cmp.Diff(once, twice))
			}
		})
	}
}

// TestExportImportExportIsByteIdentical exports a store, imports the export
// into an empty store and exports that: the two exports are the same bytes,
// and a merged ID resolves in the second store as in the first.
func TestExportImportExportIsByteIdentical(t *testing.T) {
	env := storeEnv(t)
	mustImport(t, env, seedDir, roundtable, forumJSON)
	mergeDuplicate(t, env)
	first := filepath.Join(t.TempDir(), "first.json")
	if _, stderr, err := runCmd(exportCmd, env, "--format", "json", "--out", first); err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	empty := storeEnv(t)
	mustImport(t, empty, first)
	want, err := os.ReadFile(first)
	if err != nil {
		t.Fatal(err)
	}
	if got := exportJSON(t, empty); got != string(want) {
		t.Errorf("the second export differs from the first:\n%s", cmp.Diff(string(want), got))
	}
	s, err := memstore.Open(empty["EXPERTGRAPH_DATA"])
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close(context.Background())
	refs, err := s.Resolve(context.Background(), []string{"carla-example-2"})
	if err != nil {
		t.Fatal(err)
	}
	if want := (domain.NodeRef{ID: "carla-example", Kind: domain.KindPerson, Name: "Carla Example"}); refs[0] == nil || *refs[0] != want {
		t.Errorf("the merged ID resolves to %+v after export and import, want %+v", refs[0], want)
	}
}

// TestExportImportAcrossStores exports a graph from one store, imports the
// export into the other and exports that: the two exports are the same
// bytes, both ways, for the seed with imports and a merge's redirect, the
// contract suite's irregular fixture and a generated graph.
func TestExportImportAcrossStores(t *testing.T) {
	stores := map[string]func(*testing.T) map[string]string{}
	for _, sc := range importStores(t) {
		stores[sc.name] = sc.env
	}
	if stores["neo4j"] == nil {
		t.Skip("NEO4J_URI is not set: there is one store only")
	}
	graphs := []struct {
		name string
		fill func(t *testing.T, env map[string]string)
	}{
		{name: "the seed, two files and a merge", fill: func(t *testing.T, env map[string]string) {
			mustImport(t, env, seedDir, roundtable, forumJSON)
			mergeDuplicate(t, env)
		}},
		{name: "the contract fixture", fill: func(t *testing.T, env map[string]string) {
			mustImport(t, env, writeGraphFile(t, storetest.Fixture()))
		}},
		{name: "a generated graph", fill: func(t *testing.T, env map[string]string) {
			mustImport(t, env, writeGraphFile(t, gen.New(gen.Config{SF: 0.005, Seed: 7}).All()))
		}},
	}
	for _, g := range graphs {
		for _, dir := range []struct{ from, to string }{{from: "embedded", to: "neo4j"}, {from: "neo4j", to: "embedded"}} {
			t.Run(g.name+"/"+dir.from+" to "+dir.to, func(t *testing.T) {
				from := stores[dir.from](t)
				g.fill(t, from)
				first := filepath.Join(t.TempDir(), "first.json")
				if _, stderr, err := runCmd(exportCmd, from, "--format", "json", "--out", first); err != nil {
					t.Fatalf("%v\n%s", err, stderr)
				}
				want, err := os.ReadFile(first)
				if err != nil {
					t.Fatal(err)
				}
				to := stores[dir.to](t) // Neo4j wiped here, after its export
				mustImport(t, to, first)
				if got := exportJSON(t, to); got != string(want) {
					t.Errorf("the export of %s differs from that of %s (-%s +%s):\n%s", dir.to, dir.from, dir.from, dir.to,
						cmp.Diff(string(want), got))
				}
			})
		}
	}
}

// writeGraphFile writes g as a JSON export to a file of the test and returns its name.
func writeGraphFile(t *testing.T, g *domain.Graph) string {
	t.Helper()
	name := filepath.Join(t.TempDir(), "graph.json")
	var b bytes.Buffer
	if err := graphio.WriteJSON(&b, g); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return name
}

// openEnvStore opens the store of env as the commands do, for the test to
// close before the next command.
func openEnvStore(t *testing.T, env map[string]string) domain.Store {
	t.Helper()
	c, _, err := parseStoreCommand("test", "", nil, func(k string) string { return env[k] }, io.Discard, nil)
	if err != nil {
		t.Fatal(err)
	}
	s, err := openStore(context.Background(), c, discardLogger())
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// mergeDuplicate writes a duplicate of carla-example into the store of env
// and merges it into her, leaving the redirect carla-example-2 ->
// carla-example.
func mergeDuplicate(t *testing.T, env map[string]string) {
	t.Helper()
	ctx := context.Background()
	s := openEnvStore(t, env)
	defer s.Close(ctx)
	if err := s.Upsert(ctx, &domain.Graph{People: []*domain.Person{{ID: "carla-example-2", Name: "C. Example"}}}); err != nil {
		t.Fatal(err)
	}
	if err := s.Merge(ctx, domain.KindPerson, "carla-example", []string{"carla-example-2"}); err != nil {
		t.Fatal(err)
	}
}

// TestImportProgressAndSummary checks what import says: a progress line per
// file on stderr, with the problems of a failed file, and a summary on
// stdout. On Neo4j each file is written as it passes; on the embedded store
// the files that pass are written together at the end, on a line of their own.
func TestImportProgressAndSummary(t *testing.T) {
	defer func(n int64) { importProgressMin = n }(importProgressMin)
	importProgressMin = 4 << 10 // example-forum.json is 5.7 kB: show its progress in percent

	for _, sc := range importStores(t) {
		t.Run(sc.name, func(t *testing.T) {
			env := sc.env(t)
			runEnv, flags := env, []string{}
			if sc.name == "embedded" { // flags may follow the files
				runEnv, flags = map[string]string{}, []string{"--data", env["EXPERTGRAPH_DATA"]}
			}
			passed, end := `validating; writing … done in \d+(\.\d)?m?s`, ``
			if sc.name == "embedded" {
				passed, end = `validating; ok in \d+(\.\d)?m?s`, `\nwriting 3 files … done in \d+(\.\d)?m?s`
			}
			stdout, stderr, err := runCmd(importCmd, runEnv, append([]string{forumJSON, seedDir, invalidJSON, roundtable}, flags...)...)
			if err == nil || err.Error() != "1 of 4 files not imported" {
				t.Errorf("err = %v", err)
			}
			want := []string{
				`\[1/4\] testdata/import/example-forum.json \(\d\.\d kB\): reading 10% 20% 30% 40% 50% 60% 70% 80% 90% 100%; ` +
					`read 2 countries, 1 place, 2 institutions, 2 people, 1 council, 1 theme, 2 sources, 2 meetings, 3 appearances, 2 recommendations; ` +
					passed,
				`\[2/4\] ../../seed: read 5 countries, 4 places, 16 institutions, 22 people, 3 councils, 21 initiatives, 14 themes, 30 sources, ` +
					`2 publications, 6 meetings, 30 appearances, 44 recommendations; ` + passed,
				`\[3/4\] testdata/import/invalid.json: read 1 source, 1 meeting, 1 appearance, 1 recommendation; validating; 7 problems, nothing written:`,
				`(testdata/import/invalid.json:.*\n){7}` +
					`\[4/4\] testdata/import/roundtable.json: read 1 person, 1 source, 1 meeting, 1 appearance, 1 recommendation; ` + passed + end,
			}
			if !regexp.MustCompile(`^` + strings.Join(want, `\n`) + `\n$`).MatchString(stderr) {
				t.Errorf("stderr:\n%s\nwant lines matching:\n%s", stderr, strings.Join(want, "\n"))
			}
			wantOut := `^imported 3 of 4 files: testdata/import/example-forum.json, ../../seed, testdata/import/roundtable.json; ` +
				`not imported, nothing of them written: testdata/import/invalid.json \(\d+(\.\d)?m?s\)\n$`
			if !regexp.MustCompile(wantOut).MatchString(stdout) {
				t.Errorf("stdout = %q, want it to match %q", stdout, wantOut)
			}
			if diff := cmp.Diff(expectedExport(t, forumJSON, seedDir, roundtable), exportJSON(t, env)); diff != "" {
				t.Errorf("the store after the import (-want +got):\n%s", diff)
			}
		})
	}
}

// TestImportInterrupted interrupts an import of three files once the first
// has passed: that file is in the store (on the embedded store, written with
// the batch when the import stops), the others are not tried, and the
// summary says so.
func TestImportInterrupted(t *testing.T) {
	for _, sc := range importStores(t) {
		t.Run(sc.name, func(t *testing.T) {
			env := sc.env(t)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			var stdout bytes.Buffer
			stderr := &cancelAtLine{cancel: cancel}
			err := importCmd(ctx, []string{seedDir, roundtable, forumJSON}, func(k string) string { return env[k] }, &stdout, stderr)
			if err == nil || err.Error() != "2 of 3 files not imported" {
				t.Errorf("err = %v\n%s", err, stderr.b.String())
			}
			wantOut := `^imported 1 of 3 files: ../../seed; not tried \(interrupted\): ` +
				`testdata/import/roundtable.json, testdata/import/example-forum.json \(\d+(\.\d)?m?s\)\n$`
			if !regexp.MustCompile(wantOut).MatchString(stdout.String()) {
				t.Errorf("stdout = %q, want it to match %q", stdout.String(), wantOut)
			}
			if diff := cmp.Diff(expectedExport(t, seedDir), exportJSON(t, env)); diff != "" {
				t.Errorf("the store after the interrupted import (-want +got):\n%s", diff)
			}
		})
	}
}

// cancelAtLine keeps what is written to it and calls cancel at the end of
// the first line.
type cancelAtLine struct {
	b      bytes.Buffer
	cancel context.CancelFunc
}

func (c *cancelAtLine) Write(p []byte) (int, error) {
	if bytes.Contains(p, []byte("\n")) {
		c.cancel()
	}
	return c.b.Write(p)
}

func TestImportUsage(t *testing.T) {
	env := storeEnv(t)
	for _, args := range [][]string{{}, {"--data"}, {"--nope", forumJSON}} {
		if _, _, err := runCmd(importCmd, env, args...); !errors.Is(err, errUsage) {
			t.Errorf("import %q: err = %v, want errUsage", args, err)
		}
	}
	// After "--", everything is a file, even what looks like a flag.
	_, stderr, err := runCmd(importCmd, env, "--", "--data")
	if err == nil || !strings.Contains(stderr, "[1/1] --data: failed, nothing written: stat --data: no such file or directory") {
		t.Errorf("import -- --data: %v\n%s", err, stderr)
	}
	if _, stderr, err := runCmd(importCmd, env, "testdata/import/README"); err == nil ||
		!strings.Contains(stderr, "testdata/import/README is not a .json or .yaml file or a directory") {
		t.Errorf("import of a text file: %v\n%s", err, stderr)
	}
}

func TestExport(t *testing.T) {
	env := storeEnv(t)
	mustImport(t, env, seedDir)
	ctx := context.Background()
	s, err := memstore.Open(env["EXPERTGRAPH_DATA"])
	if err != nil {
		t.Fatal(err)
	}
	g, err := s.Export(ctx)
	s.Close(ctx)
	if err != nil {
		t.Fatal(err)
	}
	nodes := len(g.Kinds())

	t.Run("graphml", func(t *testing.T) {
		stdout, stderr, err := runCmd(exportCmd, env, "--format", "graphml")
		if err != nil {
			t.Fatalf("%v\n%s", err, stderr)
		}
		var doc struct {
			Nodes []struct {
				ID string `xml:"id,attr"`
			} `xml:"graph>node"`
			Edges []struct {
				Source string `xml:"source,attr"`
				Target string `xml:"target,attr"`
				Data   []struct {
					Key   string `xml:"key,attr"`
					Value string `xml:",chardata"`
				} `xml:"data"`
			} `xml:"graph>edge"`
		}
		if err := xml.Unmarshal([]byte(stdout), &doc); err != nil {
			t.Fatalf("not XML: %v", err)
		}
		appearedAt := 0
		for _, e := range doc.Edges {
			if e.Data[0].Key == "type" && e.Data[0].Value == domain.EdgeAppearedAt {
				appearedAt++
			}
		}
		// The seed's 167 nodes and 882 edges, of which 30 appearances (and
		// 248 citations of the reports by countries, places, initiatives and themes).
		if len(doc.Nodes) != nodes || nodes != 167 || len(doc.Edges) != 882 || appearedAt != len(g.Appearances) {
			t.Errorf("%d nodes, %d edges, %d APPEARED_AT; want %d nodes (167), 882 edges, %d APPEARED_AT",
				len(doc.Nodes), len(doc.Edges), appearedAt, nodes, len(g.Appearances))
		}
	})

	wantRows := map[string]int{"meetings.csv": len(g.Meetings), "people.csv": len(g.People),
		"appearances.csv": len(g.Appearances), "recommendations.csv": len(g.Recommendations),
		"sources.csv": len(g.Sources), "countries.csv": len(g.Countries)}
	wantHeaders := map[string]string{
		"meetings.csv":        "id,council,ordinal,title,theme,themeVariants,date,dateNote,place,format,organizers,themes,initiatives,presented,announced,sources",
		"people.csv":          "id,name,aliases,country,sources",
		"appearances.csv":     "meeting,person,roles,title,institution,country,session,order,sources",
		"recommendations.csv": "id,meeting,order,kind,text,paraphrase,attributedTo,initiatives,themes,countries,sources",
		"sources.csv":         "id,url,title,publisher,published,language",
		"countries.csv":       "id,name,aliases,sources",
	}
	checkCSV := func(t *testing.T, name string, r io.Reader) {
		rows, err := csv.NewReader(r).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got := strings.Join(rows[0], ","); wantHeaders[name] != "" && got != wantHeaders[name] {
			t.Errorf("%s header %q, want %q", name, got, wantHeaders[name])
		}
		if n, ok := wantRows[name]; ok && len(rows)-1 != n {
			t.Errorf("%s has %d rows, want %d", name, len(rows)-1, n)
		}
	}
	t.Run("csv directory", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "csv")
		if _, stderr, err := runCmd(exportCmd, env, "--format", "csv", "--out", dir); err != nil {
			t.Fatalf("%v\n%s", err, stderr)
		}
		for _, name := range graphio.CSVFiles() {
			f, err := os.Open(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			checkCSV(t, name, f)
			f.Close()
		}
	})
	t.Run("csv zip", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "graph.zip")
		if _, stderr, err := runCmd(exportCmd, env, "--format", "csv", "--out", out); err != nil {
			t.Fatalf("%v\n%s", err, stderr)
		}
		zr, err := zip.OpenReader(out)
		if err != nil {
			t.Fatal(err)
		}
		defer zr.Close()
		if len(zr.File) != len(graphio.CSVFiles()) {
			t.Errorf("%d files in the zip, want %d", len(zr.File), len(graphio.CSVFiles()))
		}
		for _, f := range zr.File {
			r, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			checkCSV(t, f.Name, r)
			r.Close()
		}
	})
	t.Run("refusals", func(t *testing.T) {
		for _, args := range [][]string{{"--format", "csv"}, {"--format", "dot"}, {"extra"}} {
			if _, _, err := runCmd(exportCmd, env, args...); !errors.Is(err, errUsage) {
				t.Errorf("export %q: err = %v, want errUsage", args, err)
			}
		}
	})
}

// killTestGraph is a large valid graph, the same every time: n meetings of a
// council of the example forum's countries, each with a speaker and a
// recommendation.
func killTestGraph(n int) *domain.Graph {
	src := []domain.SourceRef{{SourceID: "example-news-big"}}
	g := &domain.Graph{
		Sources:  []*domain.Source{{ID: "example-news-big", URL: "https://example.org/news/big", Publisher: "Example News"}},
		Councils: []*domain.Council{{ID: "big-council", Name: "Big Council", CountryIDs: []string{"aland", "borduria"}}},
	}
	for i := range 100 {
		g.People = append(g.People, &domain.Person{ID: fmt.Sprintf("big-person-%d", i), Name: fmt.Sprintf("Person %d", i)})
	}
	for i := range n {
		id := fmt.Sprintf("big-council-%d", i+1)
		g.Meetings = append(g.Meetings, &domain.Meeting{ID: id, CouncilID: "big-council", Ordinal: i + 1,
			Title: fmt.Sprintf("Meeting %d of the Big Council", i+1), Date: domain.Date{Year: 1950 + i%150, Month: i%12 + 1},
			PlaceID: "szohod", Sources: src})
		g.Appearances = append(g.Appearances, &domain.Appearance{MeetingID: id, PersonID: fmt.Sprintf("big-person-%d", i%100),
			Roles: []domain.Role{domain.RoleSpeaker}, InstitutionID: "aland-institute", Order: 1, Sources: src})
		g.Recommendations = append(g.Recommendations, &domain.Recommendation{ID: id + "-rec", MeetingID: id,
			Kind: domain.RecommendationConclusion, Text: "Meet again next year.", Order: 1, ThemeIDs: []string{"maritime-trade"},
			Sources: src})
	}
	return g
}

// storeFileGraph opens the embedded store's file as a server would, and
// returns what it holds.
func storeFileGraph(t *testing.T, path string) *domain.Graph {
	t.Helper()
	ctx := context.Background()
	s, err := memstore.Open(path)
	if err != nil {
		t.Fatalf("the store file does not load: %v", err)
	}
	defer s.Close(ctx)
	g, err := s.Export(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// TestImportSurvivesKill9 kills `expertgraph import` (a real child process,
// the built binary, on the embedded store) with SIGKILL while it writes a
// large file, and checks that the store's file then holds either the graph
// from before the import or the one after, whole, and loads; and that what
// an earlier import wrote and acknowledged is intact.
func TestImportSurvivesKill9(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and imports a large file; not in -short mode")
	}
	if runtime.GOOS == "windows" {
		t.Skip("SIGKILL")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "expertgraph")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	data := filepath.Join(dir, "graph.json")
	env := append(os.Environ(), "EXPERTGRAPH_STORE=embedded", "EXPERTGRAPH_DATA="+data, "EXPERTGRAPH_LOG_LEVEL=warn")
	command := func(args ...string) *exec.Cmd {
		cmd := exec.Command(bin, args...)
		cmd.Env = env
		return cmd
	}

	// An import acknowledged: the process said so and exited 0.
	out, err := command("import", forumJSON).CombinedOutput()
	if bytes.Contains(out, []byte(`unknown command "import"`)) {
		t.Skip("main.go does not dispatch the import command yet")
	}
	if err != nil {
		t.Fatalf("import %s: %v\n%s", forumJSON, err, out)
	}
	acknowledged := storeFileGraph(t, data)

	start := time.Now()
	const meetings = 20000
	big := killTestGraph(meetings)
	bigPath := filepath.Join(dir, "big.json")
	f, err := os.Create(bigPath)
	if err != nil {
		t.Fatal(err)
	}
	if err := graphio.WriteJSON(f, big); err != nil {
		t.Fatal(err)
	}
	f.Close()
	// The graph the import would leave.
	mem, _ := memstore.Open("")
	ctx := context.Background()
	for _, g := range []*domain.Graph{acknowledged, big} {
		if err := mem.Upsert(ctx, g); err != nil {
			t.Fatal(err)
		}
	}
	after, _ := mem.Export(ctx)
	big, mem = nil, nil
	t.Logf("generated %d meetings in %v", meetings, time.Since(start).Round(time.Millisecond))

	seed := time.Now().UnixNano()
	rnd := rand.New(rand.NewPCG(uint64(seed), 0))
	t.Logf("random seed %d", seed)
	// Kill first as soon as the write begins, then at a random moment of it
	// or after it (it takes about a second): each leaves the graph from
	// before or the one after.
	for attempt, delay := range []time.Duration{0, time.Duration(rnd.Int64N(int64(2 * time.Second)))} {
		cmd := command("import", bigPath)
		stderr, err := cmd.StderrPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		writing := make(chan struct{})
		var progress bytes.Buffer
		copied := make(chan struct{})
		go func() {
			defer close(copied)
			r := bufio.NewReader(stderr)
			seen := false
			for {
				b, err := r.ReadByte()
				if err != nil {
					return
				}
				progress.WriteByte(b)
				if !seen && bytes.HasSuffix(progress.Bytes(), []byte("writing")) {
					seen = true
					close(writing)
				}
			}
		}()
		select {
		case <-writing:
		case <-time.After(60 * time.Second):
			cmd.Process.Kill()
			t.Fatalf("the import did not start writing within 60s:\n%s", progress.String())
		case <-copied:
			cmd.Wait()
			t.Fatalf("the import ended before writing:\n%s", progress.String())
		}
		time.Sleep(delay)
		cmd.Process.Signal(syscall.SIGKILL) // fails if it has exited already
		werr := cmd.Wait()
		<-copied
		var exit *exec.ExitError
		killed := errors.As(werr, &exit) && exit.Sys().(syscall.WaitStatus).Signal() == syscall.SIGKILL
		if !killed && werr != nil {
			t.Fatalf("the import failed on its own: %v\n%s", werr, progress.String())
		}

		got := storeFileGraph(t, data)
		var state string
		switch {
		case reflect.DeepEqual(got, acknowledged):
			state = "the graph from before"
			if !killed {
				t.Fatalf("the import exited 0 but the store holds the graph from before")
			}
		case reflect.DeepEqual(got, after):
			state = "the graph from after"
		default:
			t.Fatalf("after the kill the store holds neither the graph from before nor the one after: %d meetings, %d appearances",
				len(got.Meetings), len(got.Appearances))
		}
		// What the acknowledged import wrote is there, whole.
		for _, m := range acknowledged.Meetings {
			if i := indexByID(got.Meetings, m.ID); i < 0 || !reflect.DeepEqual(got.Meetings[i], m) {
				t.Fatalf("the acknowledged meeting %s is lost or changed", m.ID)
			}
		}
		t.Logf("attempt %d: killed %v after \"writing\" (process killed: %v): the store loads and holds %s",
			attempt+1, delay.Round(time.Millisecond), killed, state)
		if state == "the graph from after" {
			return // a further import would change nothing
		}
	}
	// Neither kill came late enough: the import left alone ends with the
	// graph from after.
	if out, err := command("import", bigPath).CombinedOutput(); err != nil {
		t.Fatalf("import: %v\n%s", err, out)
	}
	if got := storeFileGraph(t, data); !reflect.DeepEqual(got, after) {
		t.Fatalf("after a whole import the store does not hold the graph from after: %d meetings", len(got.Meetings))
	}
	t.Logf("then an import not killed: the store holds the graph from after")
}

func indexByID(ms []*domain.Meeting, id string) int {
	for i, m := range ms {
		if m.ID == id {
			return i
		}
	}
	return -1
}

// committerFunc is a batch whose Commit is a function.
type committerFunc func(context.Context) error

func (f committerFunc) Commit(ctx context.Context) error { return f(ctx) }

// TestImportCommitSaysWhatWasWritten checks the last line of an embedded
// import: a failed write is "nothing written", but a write in place whose
// file may not survive a crash (memstore.ErrNotDurable) is done, and says
// so.
func TestImportCommitSaysWhatWasWritten(t *testing.T) {
	fail := errors.New("disk full")
	unsynced := fmt.Errorf("memstore: g.json was %w: %w", memstore.ErrNotDurable, errors.New("EIO"))
	cases := []struct {
		name    string
		err     error
		want    string
		notWant string
	}{
		{"written", nil, "writing 2 files … done in ", "survive"},
		{"failed", fail, "writing 2 files … failed, nothing written: disk full", "done"},
		{"written, not synced", unsynced, "done in", "nothing written"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var stderr bytes.Buffer
			err := importCommit(t.Context(), committerFunc(func(context.Context) error { return c.err }), []bool{true, false, true}, &stderr)
			if !errors.Is(err, c.err) || (c.err == nil) != (err == nil) {
				t.Errorf("error %v, want %v", err, c.err)
			}
			if got := stderr.String(); !strings.Contains(got, c.want) || strings.Contains(got, c.notWant) {
				t.Errorf("%q, want %q and not %q", got, c.want, c.notWant)
			}
			if c.err == unsynced && !strings.Contains(stderr.String(), "may not survive a crash") {
				t.Errorf("%q does not say the write may not survive a crash", stderr.String())
			}
		})
	}
}
