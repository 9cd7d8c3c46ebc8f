package memstore

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/expertgraph/expertgraph/internal/domain"
	"github.com/expertgraph/expertgraph/internal/storetest"
)

// TestCurationReopen checks that an acknowledged Delete, Merge and their
// audit entries are on disk: a store opened afresh on the file sees them,
// redirects included.
func TestCurationReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "g.json")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx := domain.WithAudit(t.Context(), domain.AuditEntry{Actor: "alice", Action: "test"})
	for _, err := range []error{
		s.Upsert(ctx, storetest.Fixture()),
		s.Delete(ctx, []string{"rked-2"}),
		s.Merge(ctx, domain.KindPerson, "aydin-aliyev", []string{"anar-aliyev"}),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	want := export(t, s)
	wantLog, err := s.ListAudit(t.Context(), domain.AuditQuery{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close(t.Context())

	r := open(t, path)
	checkGraph(t, "reopened", export(t, r), want)
	refs, err := r.Resolve(t.Context(), []string{"anar-aliyev"})
	if err != nil || refs[0] == nil || refs[0].ID != "aydin-aliyev" {
		t.Errorf("Resolve(merged ID) after reopening = %v, %v; want aydin-aliyev", refs, err)
	}
	gotLog, err := r.ListAudit(t.Context(), domain.AuditQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if gotLog.TotalCount != 3 {
		t.Fatalf("audit entries after reopening: %d, want 3", gotLog.TotalCount)
	}
	for i := range gotLog.Edges {
		g, w := gotLog.Edges[i].Node, wantLog.Edges[i].Node
		if !g.At.Equal(w.At) || g.ID != w.ID || g.Action != w.Action {
			t.Errorf("entry %d after reopening: %+v, want %+v", i, g, w)
		}
	}
}

// TestCurationFailedSave checks that a Delete or Merge whose save fails
// changes neither memory nor the file, and records nothing.
func TestCurationFailedSave(t *testing.T) {
	for name, write := range map[string]func(context.Context, *Store) error{
		"delete": func(ctx context.Context, s *Store) error { return s.Delete(ctx, []string{"rked-2"}) },
		"merge": func(ctx context.Context, s *Store) error {
			return s.Merge(ctx, domain.KindPerson, "aydin-aliyev", []string{"anar-aliyev"})
		},
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "g.json")
			s := open(t, path)
			if err := s.Upsert(t.Context(), storetest.Fixture()); err != nil {
				t.Fatal(err)
			}
			before, _ := os.ReadFile(path)
			fail := errors.New("disk full")
			rename = func(string, string) error { return fail }
			t.Cleanup(func() { rename = os.Rename })
			ctx := domain.WithAudit(t.Context(), domain.AuditEntry{Actor: "alice", Action: name})
			if err := write(ctx, s); domain.ErrorCode(err) != domain.EUNAVAILABLE {
				t.Fatalf("%s with a failing save: %v, want EUNAVAILABLE", name, err)
			}
			rename = os.Rename
			checkGraph(t, "in memory", export(t, s), sortedFixture(t))
			after, _ := os.ReadFile(path)
			if string(after) != string(before) {
				t.Errorf("the file changed although the save failed")
			}
			if log, _ := s.ListAudit(t.Context(), domain.AuditQuery{}); log.TotalCount != 0 {
				t.Errorf("a failed %s was recorded: %d entries", name, log.TotalCount)
			}
		})
	}
}

// sortedFixture is the fixture as Export returns it.
func sortedFixture(t *testing.T) *domain.Graph {
	s := open(t, "")
	if err := s.Upsert(t.Context(), storetest.Fixture()); err != nil {
		t.Fatal(err)
	}
	return export(t, s)
}
