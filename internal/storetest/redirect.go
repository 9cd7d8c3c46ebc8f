package storetest

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// Redirects in a graph: Export returns the redirects Merge left, and Upsert
// writes those of a graph, so that export then import into an empty store
// keeps every merged ID resolving to the node it was merged into.

// mergedStore returns a loaded store after two merges: the duplicate
// r-hajiev into rashad-hajiyev, then middle-corridor into instc.
func mergedStore(t *testing.T, s *suite) domain.Store {
	t.Helper()
	st := s.loaded(t)
	ctx := t.Context()
	must(t, "Upsert(duplicate)", st.Upsert(ctx, duplicate()))
	must(t, "Merge people", st.Merge(ctx, domain.KindPerson, "rashad-hajiyev", []string{"r-hajiev"}))
	must(t, "Merge initiatives", st.Merge(ctx, domain.KindInitiative, "instc", []string{"middle-corridor"}))
	return st
}

// problemFields returns the fields of the problems of a *domain.ValidationError, sorted.
func problemFields(err error) []string {
	var ve *domain.ValidationError
	if !errors.As(err, &ve) {
		return nil
	}
	var out []string
	for _, p := range ve.Problems {
		out = append(out, p.Field)
	}
	slices.Sort(out)
	return out
}

func testRedirects(t *testing.T, s *suite) {
	t.Run("export then import", func(t *testing.T) {
		ctx := t.Context()
		exported, err := mergedStore(t, s).Export(ctx)
		must(t, "Export", err)
		check(t, "exported redirects", exported.Redirects, []*domain.Redirect{
			{ID: "middle-corridor", Target: "instc"}, {ID: "r-hajiev", Target: "rashad-hajiyev"}})

		st := s.empty(t) // a Neo4j store shares one database: the first store is gone
		must(t, "Upsert(export)", st.Upsert(ctx, exported))
		checkExport(t, st, exported.Clone())
		must(t, "Upsert(export) again", st.Upsert(ctx, exported))
		checkExport(t, st, exported.Clone())

		refs, err := st.Resolve(ctx, []string{"r-hajiev", "middle-corridor"})
		must(t, "Resolve", err)
		check(t, "Resolve(merged IDs) after the import", refs, []*domain.NodeRef{
			{ID: "rashad-hajiyev", Kind: domain.KindPerson, Name: "Rashad Hajiyev"},
			{ID: "instc", Kind: domain.KindInitiative, Name: ref(exported, "instc").Name}})
		people, err := st.People(ctx, []string{"r-hajiev"})
		must(t, "People", err)
		check(t, "People(merged ID) after the import", people, pick(exported.People, personID, "rashad-hajiyev"))
		err = st.Upsert(ctx, &domain.Graph{People: []*domain.Person{{ID: "r-hajiev", Name: "R. Hajiev"}}})
		check(t, "Upsert(a node with the imported merged ID)", problemFields(err), []string{"people[r-hajiev].id"})
		wantCode(t, "Delete(imported merged ID)", st.Delete(ctx, []string{"r-hajiev"}), domain.ENOTFOUND)
		must(t, "Merge again", st.Merge(ctx, domain.KindPerson, "rashad-hajiyev", []string{"r-hajiev"}))
		checkExport(t, st, exported.Clone())
	})
	t.Run("references, chains and the store's redirects", func(t *testing.T) {
		st := mergedStore(t, s)
		ctx := t.Context()
		app := &domain.Appearance{MeetingID: "rked-1", PersonID: "p-orlov", Roles: []domain.Role{domain.RoleParticipant},
			Sources: []domain.SourceRef{{SourceID: "src-kisi-2023"}}}
		must(t, "Upsert", st.Upsert(ctx, &domain.Graph{
			Appearances: []*domain.Appearance{app},
			Redirects: []*domain.Redirect{
				{ID: "p-orlov", Target: "pa-orlov"}, // a chain within the graph
				{ID: "pa-orlov", Target: "farida-mammadova"},
				{ID: "rashad-h", Target: "r-hajiev"},       // to an ID the store redirects
				{ID: "r-hajiev", Target: "rashad-hajiyev"}, // as the store has it already
			},
		}))
		got, err := st.Export(ctx)
		must(t, "Export", err)
		check(t, "redirects", got.Redirects, []*domain.Redirect{
			{ID: "middle-corridor", Target: "instc"}, {ID: "p-orlov", Target: "farida-mammadova"},
			{ID: "pa-orlov", Target: "farida-mammadova"}, {ID: "r-hajiev", Target: "rashad-hajiyev"},
			{ID: "rashad-h", Target: "rashad-hajiyev"}})
		apps, err := st.AppearancesByPerson(ctx, []string{"farida-mammadova"})
		must(t, "AppearancesByPerson", err)
		if !slices.ContainsFunc(apps[0], func(a *domain.Appearance) bool { return a.MeetingID == "rked-1" }) {
			t.Errorf("the appearance written for a redirected ID of the same graph is not the target's: %v", apps[0])
		}
		refs, err := st.Resolve(ctx, []string{"p-orlov", "rashad-h"})
		must(t, "Resolve", err)
		check(t, "Resolve(written redirects)", refs, []*domain.NodeRef{
			{ID: "farida-mammadova", Kind: domain.KindPerson, Name: "Farida Mammadova"},
			{ID: "rashad-hajiyev", Kind: domain.KindPerson, Name: "Rashad Hajiyev"}})
		// Deleting the target takes the written redirects with it.
		must(t, "Delete", st.Delete(ctx, []string{"farida-mammadova", "raec-4-r3"}))
		refs, err = st.Resolve(ctx, []string{"p-orlov", "pa-orlov"})
		must(t, "Resolve", err)
		check(t, "Resolve after the target went", refs, []*domain.NodeRef{nil, nil})
	})
	t.Run("audit entries", func(t *testing.T) {
		// A redirect an Upsert writes is in its audit entry, as the merged
		// ID created, or updated if the store redirected it already: a
		// write of redirects alone (an import of a merge's redirects)
		// records what it did, not an entry of empty lists.
		st := s.loaded(t)
		ctx := t.Context()
		as := func(action string) context.Context {
			return domain.WithAudit(ctx, domain.AuditEntry{Actor: "alice", Action: action})
		}
		r := func(id, target string) []*domain.Redirect { return []*domain.Redirect{{ID: id, Target: target}} }
		writes := []struct {
			action string
			g      *domain.Graph
			want   domain.AuditEntry
		}{
			{"redirects only", &domain.Graph{Redirects: r("p-orlov", "pavel-orlov")},
				domain.AuditEntry{Created: []string{"p-orlov"}}},
			{"the same again", &domain.Graph{Redirects: r("p-orlov", "pavel-orlov")},
				domain.AuditEntry{Updated: []string{"p-orlov"}}},
			{"a node and a redirect", &domain.Graph{People: []*domain.Person{{ID: "new-person", Name: "New Person"}},
				Redirects: r("pa-orlov", "pavel-orlov")}, domain.AuditEntry{Created: []string{"new-person", "pa-orlov"}}},
		}
		var want []*domain.AuditEntry
		for _, w := range writes {
			must(t, "Upsert("+w.action+")", st.Upsert(as(w.action), w.g))
			e := w.want
			e.Actor, e.Action = "alice", w.action
			want = append([]*domain.AuditEntry{&e}, want...) // newest first
			time.Sleep(2 * time.Millisecond)                 // entries in the order written
		}
		c, err := st.ListAudit(ctx, domain.AuditQuery{})
		must(t, "ListAudit", err)
		var got []*domain.AuditEntry
		for _, e := range c.Edges {
			got = append(got, e.Node)
		}
		check(t, "ListAudit", got, want, cmpopts.IgnoreFields(domain.AuditEntry{}, "ID", "At"))
	})
	t.Run("errors", func(t *testing.T) {
		st := mergedStore(t, s)
		ctx := t.Context()
		before, err := st.Export(ctx)
		must(t, "Export", err)
		r := func(id, target string) *domain.Redirect { return &domain.Redirect{ID: id, Target: target} }
		for _, c := range []struct {
			name string
			g    *domain.Graph
			want []string
		}{
			{"from a stored node", &domain.Graph{Redirects: []*domain.Redirect{r("pavel-orlov", "dmitry-belov")}},
				[]string{"redirects[pavel-orlov].id"}},
			{"from a node of the graph", &domain.Graph{People: []*domain.Person{{ID: "p-orlov", Name: "P. Orlov"}},
				Redirects: []*domain.Redirect{r("p-orlov", "pavel-orlov")}}, []string{"people[p-orlov].id"}},
			{"to nothing", &domain.Graph{Redirects: []*domain.Redirect{r("p-orlov", "nobody")}},
				[]string{"redirects[p-orlov].target"}},
			{"to a kind never merged", &domain.Graph{Redirects: []*domain.Redirect{r("the-council", "raec")}},
				[]string{"redirects[the-council].target"}},
			{"to itself", &domain.Graph{Redirects: []*domain.Redirect{r("p-orlov", "p-orlov")}},
				[]string{"redirects[p-orlov].target"}},
			{"no target", &domain.Graph{Redirects: []*domain.Redirect{r("p-orlov", "")}},
				[]string{"redirects[p-orlov].target"}},
			{"a malformed ID", &domain.Graph{Redirects: []*domain.Redirect{r("P Orlov", "pavel-orlov")}},
				[]string{"redirects[P Orlov].id"}},
			{"twice", &domain.Graph{Redirects: []*domain.Redirect{r("p-orlov", "pavel-orlov"), r("p-orlov", "pavel-orlov")}},
				[]string{"redirects[p-orlov].id"}},
			{"a circle", &domain.Graph{Redirects: []*domain.Redirect{r("p-orlov", "pa-orlov"), r("pa-orlov", "p-orlov")}},
				[]string{"redirects[p-orlov].target", "redirects[pa-orlov].target"}},
			{"an ID the store redirects elsewhere", &domain.Graph{Redirects: []*domain.Redirect{r("r-hajiev", "pavel-orlov")}},
				[]string{"redirects[r-hajiev].target"}},
		} {
			err := st.Upsert(ctx, c.g)
			wantCode(t, c.name, err, domain.EINVALID)
			check(t, c.name+": problems", problemFields(err), c.want)
		}
		checkExport(t, st, before)
	})
}
