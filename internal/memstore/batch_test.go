package memstore

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/expertgraph/expertgraph/internal/domain"
	"github.com/expertgraph/expertgraph/internal/storetest"
)

// fixtureParts splits the fixture in two, as an import of two files would
// have it: what the meetings refer to, and the meetings with their
// appearances and recommendations.
func fixtureParts() (base, meetings *domain.Graph) {
	g := storetest.Fixture()
	meetings = &domain.Graph{Meetings: g.Meetings, Appearances: g.Appearances, Recommendations: g.Recommendations}
	g.Meetings, g.Appearances, g.Recommendations = nil, nil, nil
	return g, meetings
}

// countRenames counts the saves of the test (a save renames its temporary
// file over the store's file once).
func countRenames(t *testing.T) *int {
	n := new(int)
	rename = func(from, to string) error { *n++; return os.Rename(from, to) }
	t.Cleanup(func() { rename = os.Rename })
	return n
}

// TestBatch checks that a batch of Upserts leaves the store as the same
// Upserts one by one would (the same graph, audit log and problems), with
// one save at Commit and none before, and that until Commit the store's
// readers and its file see nothing of it.
func TestBatch(t *testing.T) {
	base, meetings := fixtureParts()
	invalid := &domain.Graph{Meetings: []*domain.Meeting{{ID: "m-x", Title: "Nowhere", Date: domain.MustDate("2024"),
		PlaceID: "atlantis", Sources: []domain.SourceRef{{SourceID: "src-riac-2022"}}}}}
	clash := &domain.Graph{Themes: []*domain.Theme{{ID: "russia", Name: "Russia"}}} // russia is a country
	redirect := &domain.Graph{Redirects: []*domain.Redirect{{ID: "aydin-aliyev-2", Target: "aydin-aliyev"}}}
	// Refers to the merged ID, which must be written as the node kept.
	viaRedirect := &domain.Graph{Appearances: []*domain.Appearance{{MeetingID: "rked-2", PersonID: "aydin-aliyev-2",
		Roles: []domain.Role{domain.RoleSpeaker}, Sources: []domain.SourceRef{{SourceID: "src-riac-2022"}}}}}
	renamed := &domain.Graph{Countries: []*domain.Country{{ID: "armenia", Name: "Republic of Armenia"}}}

	for _, tc := range []struct {
		name   string
		before []*domain.Graph // written before the batch
		graphs []*domain.Graph // the batch
		saves  int             // at Commit
	}{
		{name: "a graph referring to the one before", graphs: []*domain.Graph{base, meetings}, saves: 1},
		{name: "invalid graphs between valid ones", graphs: []*domain.Graph{base, invalid, clash, meetings}, saves: 1},
		{name: "an invalid graph first", graphs: []*domain.Graph{meetings, base}, saves: 1},
		{name: "the same graphs twice", graphs: []*domain.Graph{base, meetings, base, meetings}, saves: 1},
		{name: "on a store that holds something", before: []*domain.Graph{base}, graphs: []*domain.Graph{meetings, renamed}, saves: 1},
		{name: "redirects, and a graph written through them", before: []*domain.Graph{base, meetings},
			graphs: []*domain.Graph{redirect, viaRedirect}, saves: 1},
		{name: "nothing to write", before: []*domain.Graph{base}, graphs: []*domain.Graph{{}, nil, invalid}, saves: 0},
		{name: "only what the store holds", before: []*domain.Graph{base, meetings}, graphs: []*domain.Graph{clash}, saves: 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// Each store's writes get the same times, one second apart.
			var clock time.Time
			resetClock := func() { clock = time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC) }
			now = func() time.Time { clock = clock.Add(time.Second); return clock }
			t.Cleanup(func() { now = time.Now })
			ctx := domain.WithAudit(t.Context(), domain.AuditEntry{Actor: "alice", Action: "import"})

			// One by one, in memory.
			resetClock()
			one := open(t, "")
			var wantErrs []string
			for _, g := range slices.Concat(tc.before, tc.graphs) {
				wantErrs = append(wantErrs, domain.ErrorCode(one.Upsert(ctx, g)))
			}
			wantErrs = wantErrs[len(tc.before):]

			path := filepath.Join(t.TempDir(), "g.json")
			resetClock()
			s := open(t, path)
			for _, g := range tc.before {
				if err := s.Upsert(ctx, g); err != nil {
					t.Fatal(err)
				}
			}
			held := export(t, s)
			file, _ := os.ReadFile(path)
			saves := countRenames(t)

			b, err := s.NewBatch()
			if err != nil {
				t.Fatal(err)
			}
			var gotErrs []string
			for _, g := range tc.graphs {
				gotErrs = append(gotErrs, domain.ErrorCode(b.Upsert(ctx, g)))
			}
			if diff := cmp.Diff(wantErrs, gotErrs); diff != "" {
				t.Errorf("the error codes of the batch's Upserts (-one by one +batch):\n%s", diff)
			}
			checkGraph(t, "what the store's readers see before Commit", export(t, s), held)
			if now, _ := os.ReadFile(path); string(now) != string(file) {
				t.Errorf("the file changed before Commit")
			}
			if *saves != 0 {
				t.Errorf("%d saves before Commit, want 0", *saves)
			}

			if err := b.Commit(t.Context()); err != nil {
				t.Fatalf("Commit: %v", err)
			}
			if *saves != tc.saves {
				t.Errorf("Commit saved %d times, want %d", *saves, tc.saves)
			}
			want := export(t, one)
			checkGraph(t, "after Commit", export(t, s), want)
			checkAudit(t, s, one)
			s.Close(t.Context())
			checkGraph(t, "the file after Commit", export(t, open(t, path)), want)
		})
	}
}

// checkAudit compares the audit logs of two stores, but for the entries' IDs
// (random).
func checkAudit(t *testing.T, got, want *Store) {
	t.Helper()
	log := func(s *Store) []*domain.AuditEntry {
		c, err := s.ListAudit(t.Context(), domain.AuditQuery{})
		if err != nil {
			t.Fatal(err)
		}
		var out []*domain.AuditEntry
		for _, e := range c.Edges {
			out = append(out, e.Node)
		}
		return out
	}
	if diff := cmp.Diff(log(want), log(got), cmpopts.IgnoreFields(domain.AuditEntry{}, "ID")); diff != "" {
		t.Errorf("the audit log (-one by one +batch):\n%s", diff)
	}
}

// TestBatchResolve checks that a batch resolves what it holds, redirects
// included, and what the store holds, and that the store does not resolve
// what only the batch holds.
func TestBatchResolve(t *testing.T) {
	base, meetings := fixtureParts()
	s := open(t, "")
	if err := s.Upsert(t.Context(), base); err != nil {
		t.Fatal(err)
	}
	b, err := s.NewBatch()
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range []*domain.Graph{meetings, {Redirects: []*domain.Redirect{{ID: "anar-2", Target: "anar-aliyev"}}}} {
		if err := b.Upsert(t.Context(), g); err != nil {
			t.Fatal(err)
		}
	}
	ids := []string{"russia", "rked-2", "anar-2", "nobody"}
	ref := func(id string, k domain.Kind, name string) *domain.NodeRef {
		return &domain.NodeRef{ID: id, Kind: k, Name: name}
	}
	for _, tc := range []struct {
		name    string
		resolve func(context.Context, []string) ([]*domain.NodeRef, error)
		want    []*domain.NodeRef
	}{
		{name: "the batch", resolve: b.Resolve, want: []*domain.NodeRef{ref("russia", domain.KindCountry, "Russia"),
			ref("rked-2", domain.KindMeeting, meetingTitle(meetings, "rked-2")), ref("anar-aliyev", domain.KindPerson, personName(base, "anar-aliyev")), nil}},
		{name: "the store", resolve: s.Resolve, want: []*domain.NodeRef{ref("russia", domain.KindCountry, "Russia"), nil, nil, nil}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.resolve(t.Context(), ids)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Resolve(%v) (-want +got):\n%s", ids, diff)
			}
		})
	}
}

func meetingTitle(g *domain.Graph, id string) string {
	for _, m := range g.Meetings {
		if m.ID == id {
			return m.Title
		}
	}
	return ""
}

func personName(g *domain.Graph, id string) string {
	for _, p := range g.People {
		if p.ID == id {
			return p.Name
		}
	}
	return ""
}

// TestBatchCommitFails checks that a Commit whose save fails, or that comes
// after another write to the store, changes neither memory nor the file, and
// leaves the batch empty, on what the store holds.
func TestBatchCommitFails(t *testing.T) {
	base, meetings := fixtureParts()
	theme := &domain.Graph{Themes: []*domain.Theme{{ID: "shipping", Name: "Shipping"}}}
	fail := errors.New("disk full")
	for _, tc := range []struct {
		name   string
		before func(s *Store) // between NewBatch and Commit
		code   string
		want   []*domain.Graph // what the store then holds
	}{
		{name: "the save fails", code: domain.EUNAVAILABLE, want: []*domain.Graph{base},
			before: func(*Store) {
				rename = func(string, string) error { return fail }
				t.Cleanup(func() { rename = os.Rename })
			}},
		{name: "another write came first", code: domain.ECONFLICT, want: []*domain.Graph{base, theme},
			before: func(s *Store) {
				if err := s.Upsert(t.Context(), theme); err != nil {
					t.Fatal(err)
				}
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "g.json")
			s := open(t, path)
			if err := s.Upsert(t.Context(), base); err != nil {
				t.Fatal(err)
			}
			b, err := s.NewBatch()
			if err != nil {
				t.Fatal(err)
			}
			if err := b.Upsert(t.Context(), meetings); err != nil {
				t.Fatal(err)
			}
			tc.before(s)
			want := export(t, s)
			file, _ := os.ReadFile(path)
			if err := b.Commit(t.Context()); domain.ErrorCode(err) != tc.code {
				t.Fatalf("Commit: %v, want %s", err, tc.code)
			}
			rename = os.Rename
			checkGraph(t, "in memory", export(t, s), want)
			if now, _ := os.ReadFile(path); string(now) != string(file) {
				t.Errorf("the file changed")
			}
			if b.Len() != 0 {
				t.Errorf("the batch holds %d graphs after a failed Commit, want 0", b.Len())
			}
			// The batch goes on from what the store holds.
			if err := b.Upsert(t.Context(), meetings); err != nil {
				t.Fatal(err)
			}
			if err := b.Commit(t.Context()); err != nil {
				t.Fatalf("Commit again: %v", err)
			}
			one := open(t, "")
			for _, g := range append(tc.want, meetings) {
				if err := one.Upsert(t.Context(), g); err != nil {
					t.Fatal(err)
				}
			}
			checkGraph(t, "after a second Commit", export(t, s), export(t, one))
		})
	}
}
