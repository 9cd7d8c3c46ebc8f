package memstore

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/expertgraph/expertgraph/internal/domain"
	"github.com/expertgraph/expertgraph/internal/storetest"
)

func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) domain.Store {
		return open(t, filepath.Join(t.TempDir(), "g.json"))
	})
}

func TestContractInMemory(t *testing.T) {
	storetest.Run(t, func(t *testing.T) domain.Store { return open(t, "") })
}

// open opens a store that t closes.
func open(t *testing.T, path string) *Store {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open(%q): %v", path, err)
	}
	t.Cleanup(func() {
		if err := s.Close(t.Context()); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s
}

// export returns the store's whole graph.
func export(t *testing.T, s *Store) *domain.Graph {
	t.Helper()
	g, err := s.Export(t.Context())
	if err != nil {
		t.Fatalf("Export: %v", err)
	}
	return g
}

func checkGraph(t *testing.T, what string, got, want *domain.Graph) {
	t.Helper()
	if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("%s (-want +got):\n%s", what, diff)
	}
}

func TestReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "data", "nested", "g.json") // Open creates the directories
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Upsert(t.Context(), storetest.Fixture()); err != nil {
		t.Fatal(err)
	}
	want := export(t, s)
	if err := s.Close(t.Context()); err != nil {
		t.Fatal(err)
	}
	if err := s.Ping(t.Context()); domain.ErrorCode(err) != domain.EUNAVAILABLE {
		t.Errorf("Ping after Close: %v, want EUNAVAILABLE", err)
	}
	checkGraph(t, "after reopening", export(t, open(t, path)), want)

	// The file is the versioned document, with dates as text.
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Version int
		Graph   struct {
			Meetings []struct{ ID, Date string }
		}
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	dates := map[string]string{}
	for _, m := range doc.Graph.Meetings {
		dates[m.ID] = m.Date
	}
	if doc.Version != 1 || dates["raec-5"] != "2024-06-21" || dates["raec-4"] != "2023-06" || dates["rked-2"] != "2024" {
		t.Errorf("file has version %d and meeting dates %v", doc.Version, dates)
	}
}

func TestInMemoryOnly(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	s := open(t, "")
	if err := s.Upsert(t.Context(), storetest.Fixture()); err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("a store in memory wrote %v", entries)
	}
}

// TestInterruptedSave fails each step of a save in turn: the previous file
// stays whole and loadable, memory keeps the previous graph, and no temporary
// file is left.
func TestInterruptedSave(t *testing.T) {
	fail := errors.New("simulated crash")
	for name, breakStep := range map[string]func(){
		"sync": func() { syncFile = func(*os.File) error { return fail } },
		"rename": func() {
			rename = func(string, string) error { return fail }
		},
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "g.json")
			s := open(t, path)
			if err := s.Upsert(t.Context(), storetest.Fixture()); err != nil {
				t.Fatal(err)
			}
			before, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			want := export(t, s)

			breakStep()
			t.Cleanup(func() { syncFile, rename = (*os.File).Sync, os.Rename })
			err = s.Upsert(t.Context(), &domain.Graph{Themes: []*domain.Theme{{ID: "environment", Name: "Environment"}}})
			if domain.ErrorCode(err) != domain.EUNAVAILABLE || !errors.Is(err, fail) {
				t.Errorf("Upsert with a failing %s: %v, want EUNAVAILABLE wrapping the failure", name, err)
			}
			syncFile, rename = (*os.File).Sync, os.Rename

			after, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if string(after) != string(before) {
				t.Errorf("the file changed")
			}
			entries, err := os.ReadDir(dir)
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, e := range entries {
				names = append(names, e.Name())
			}
			if !slices.Equal(names, []string{"g.json", "g.json.lock"}) {
				t.Errorf("the directory holds %v, want only g.json and its lock", names)
			}
			checkGraph(t, "memory", export(t, s), want)
			s.Close(t.Context())
			checkGraph(t, "the file", export(t, open(t, path)), want)
		})
	}
}

// TestUnsyncedDirectory fails the last step of a save, the sync of the
// directory after the rename: the write is in place, in memory and in the
// file, and the error says so (ErrNotDurable, and the message the API
// shows) rather than reporting it lost.
func TestUnsyncedDirectory(t *testing.T) {
	fail := errors.New("simulated sync failure")
	path := filepath.Join(t.TempDir(), "g.json")
	s := open(t, path)
	if err := s.Upsert(t.Context(), storetest.Fixture()); err != nil {
		t.Fatal(err)
	}
	dirSync = func(string) error { return fail }
	t.Cleanup(func() { dirSync = syncDir })
	err := s.Upsert(t.Context(), &domain.Graph{Themes: []*domain.Theme{{ID: "environment", Name: "Environment"}}})
	dirSync = syncDir
	if domain.ErrorCode(err) != domain.EUNAVAILABLE || !errors.Is(err, fail) || !errors.Is(err, ErrNotDurable) {
		t.Errorf("Upsert with a failing directory sync: %v, want EUNAVAILABLE wrapping the failure and ErrNotDurable", err)
	}
	if msg := domain.ErrorMessage(err); !strings.Contains(msg, "the write was made") {
		t.Errorf("the API would say %q, want that the write was made", msg)
	}
	want := export(t, s)
	if !slices.ContainsFunc(want.Themes, func(x *domain.Theme) bool { return x.ID == "environment" }) {
		t.Errorf("memory does not hold the write")
	}
	s.Close(t.Context())
	checkGraph(t, "the file", export(t, open(t, path)), want)
}

func TestOpenRemovesStaleTemps(t *testing.T) {
	dir := t.TempDir()
	stale := filepath.Join(dir, ".g.json.tmp-123")
	if err := os.WriteFile(stale, []byte(`{"version":1,"gr`), 0o644); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(other, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	open(t, filepath.Join(dir, "g.json"))
	if _, err := os.Stat(stale); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the stale temporary file is still there: %v", err)
	}
	if _, err := os.Stat(other); err != nil {
		t.Errorf("another file was removed: %v", err)
	}
}

func TestOpenCorrupt(t *testing.T) {
	for name, content := range map[string]string{
		"empty":            "",
		"truncated":        `{"version":1,"graph":{"countries":[{"id":"russia"`,
		"not json":         "countries: russia",
		"unknown version":  `{"version":2,"graph":{}}`,
		"no graph":         `{"version":1}`,
		"unknown field":    `{"version":1,"graph":{"planets":[]}}`,
		"two documents":    `{"version":1,"graph":{}} {}`,
		"bad date":         `{"version":1,"graph":{"sources":[{"id":"s","url":"https://example.org","publisher":"P","published":"2024-13"}]}}`,
		"dangling link":    `{"version":1,"graph":{"places":[{"id":"baku","name":"Baku","country":"azerbaijan"}]}}`,
		"wrong field type": `{"version":"1","graph":{}}`,
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "g.json")
			if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
			s, err := Open(path)
			if err == nil {
				s.Close(t.Context())
				t.Fatal("Open of a corrupt file succeeded")
			}
			if !strings.Contains(err.Error(), path) {
				t.Errorf("the error %q does not name %s", err, path)
			}
		})
	}
	t.Run("a directory", func(t *testing.T) {
		path := t.TempDir()
		if _, err := Open(path); err == nil || !strings.Contains(err.Error(), path) {
			t.Errorf("Open(a directory): %v", err)
		}
	})
}

// TestCopies checks that neither the graph given to Upsert nor the values a
// reader returns share memory with the store.
func TestCopies(t *testing.T) {
	s := open(t, "")
	g := storetest.Fixture()
	if err := s.Upsert(t.Context(), g); err != nil {
		t.Fatal(err)
	}
	want := export(t, s)
	g.Meetings[0].ThemeIDs[0] = "changed"
	g.People[0].Aliases[0] = "changed"
	got, err := s.Meetings(t.Context(), []string{"raec-5"})
	if err != nil {
		t.Fatal(err)
	}
	got[0].Title = "changed"
	got[0].Sources[0].Excerpt = "changed"
	apps, err := s.AppearancesByMeeting(t.Context(), []string{"raec-5"})
	if err != nil {
		t.Fatal(err)
	}
	apps[0][0].Roles[0] = "changed"
	// The With readers, whose nodes are projected: every string in their
	// answers, slices' included, changed.
	with := domain.With{Kinds: domain.IncludeKinds, Appearances: true, AppearanceFields: []string{"Roles", "Title", "Sources"},
		Fields: map[domain.Kind][]string{domain.KindMeeting: {"Title", "ThemeIDs", "Sources"}, domain.KindPerson: {"Name", "Aliases"},
			domain.KindInstitution: {"Aliases"}, domain.KindCouncil: {"CountryIDs"}}}
	for _, w := range []domain.With{with, {Kinds: domain.IncludeKinds, Appearances: true}} {
		ms, mg, err := s.MeetingsWith(t.Context(), []string{"raec-5"}, w)
		if err != nil {
			t.Fatal(err)
		}
		ps, pg, err := s.PeopleWith(t.Context(), []string{g.People[0].ID}, w)
		if err != nil {
			t.Fatal(err)
		}
		if len(mg.Meetings) == 0 || len(mg.Appearances) == 0 || len(pg.Meetings) == 0 {
			t.Fatalf("the With readers answered nothing to change: %d meetings, %d appearances", len(mg.Meetings), len(mg.Appearances))
		}
		for _, x := range []any{ms, mg, ps, pg} {
			changeStrings(reflect.ValueOf(x))
		}
	}
	exp := export(t, s)
	exp.Places[0].Aliases[0] = "changed" // astana, alias Nur-Sultan
	checkGraph(t, "store after changes to values outside it", export(t, s), want)
}

// changeStrings sets every string reachable from v to "changed".
func changeStrings(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			changeStrings(v.Elem())
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				changeStrings(v.Field(i))
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			changeStrings(v.Index(i))
		}
	case reflect.String:
		if v.CanSet() {
			v.SetString("changed")
		}
	}
}

// TestConcurrent reads while another goroutine writes; run it with -race.
func TestConcurrent(t *testing.T) {
	s := open(t, filepath.Join(t.TempDir(), "g.json"))
	if err := s.Upsert(t.Context(), storetest.Fixture()); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for r := 0; r < 4; r++ {
		wg.Go(func() {
			for i := 0; i < 20; i++ {
				if _, err := s.ListMeetings(t.Context(), domain.MeetingQuery{}); err != nil {
					t.Error(err)
				}
				if _, err := s.Pairs(t.Context(), domain.PairQuery{Kind: domain.PairPersonPerson}); err != nil {
					t.Error(err)
				}
			}
		})
	}
	for i := 0; i < 10; i++ {
		th := &domain.Theme{ID: fmt.Sprintf("theme-%d", i), Name: fmt.Sprintf("Theme %d", i)}
		if err := s.Upsert(t.Context(), &domain.Graph{Themes: []*domain.Theme{th}}); err != nil {
			t.Error(err)
		}
	}
	wg.Wait()
	stats, err := s.Stats(t.Context())
	if err != nil || stats.Nodes[domain.KindTheme] != 15 {
		t.Errorf("Stats: %v, %v; want 15 themes", stats, err)
	}
}

func TestOpenRefusesAFileInUse(t *testing.T) {
	path := filepath.Join(t.TempDir(), "graph.json")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Open(path); domain.ErrorCode(err) != domain.ECONFLICT || !strings.Contains(err.Error(), "in use") {
		t.Fatalf("a second Open of a file in use = %v, want ECONFLICT", err)
	}
	if err := s.Close(t.Context()); err != nil {
		t.Fatal(err)
	}
	s2, err := Open(path)
	if err != nil {
		t.Fatalf("Open after Close: %v", err)
	}
	s2.Close(t.Context())
}
