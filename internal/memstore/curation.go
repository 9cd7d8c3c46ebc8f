package memstore

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// Delete, Merge, redirects and the audit log. Like Upsert, each builds a new
// state, saves it (with the audit entry in the same file) and only then puts
// it in place: an acknowledged change is on disk, a failed one changes
// nothing.

// now is the store's clock; tests may replace it.
var now = time.Now

// redirectTarget returns the ID that id was merged into, "" if none.
func (st *state) redirectTarget(id string) string { return st.redirects[id] }

// redirected returns the ID that id was merged into, or id.
func (st *state) redirected(id string) string {
	if t, ok := st.redirects[id]; ok {
		return t
	}
	return id
}

// changes sorts the IDs a write of g touches into those it creates and those
// it rewrites: its nodes, its appearances and the merged IDs of its
// redirects (domain.AuditEntry).
func (st *state) changes(g *domain.Graph) (created, updated []string) {
	for _, id := range g.IDs() {
		if st.kinds[id] != "" || st.appearances[id] != nil {
			updated = append(updated, id)
		} else {
			created = append(created, id)
		}
	}
	for _, r := range g.Redirects {
		if st.redirects[r.ID] != "" {
			updated = append(updated, r.ID)
		} else {
			created = append(created, r.ID)
		}
	}
	return created, updated
}

// record appends the audit entry of ctx, if any, for a change of the given IDs.
func (st *state) record(ctx context.Context, created, updated []string, deleted ...string) {
	if e := domain.Audited(ctx, now(), created, updated, deleted); e != nil {
		st.audit = append(slices.Clip(st.audit), e)
	}
}

// without returns a new state: st less the nodes of ids, the appearances of
// keys, the appearances and recommendations of removed meetings and people,
// and the redirects to removed nodes.
func (st *state) without(ids, keys []string) *state {
	next := st.clone()
	next.redirects = maps.Clone(st.redirects) // changed in place below
	gone := map[string]bool{}
	for _, id := range ids {
		gone[id] = true
		delete(next.countries, id)
		delete(next.places, id)
		delete(next.institutions, id)
		delete(next.people, id)
		delete(next.councils, id)
		delete(next.initiatives, id)
		delete(next.themes, id)
		delete(next.sources, id)
		delete(next.publications, id)
		delete(next.meetings, id)
		delete(next.recommendations, id)
	}
	for _, k := range keys {
		delete(next.appearances, k)
	}
	for k, a := range next.appearances {
		if gone[a.MeetingID] || gone[a.PersonID] {
			delete(next.appearances, k)
		}
	}
	for id, r := range next.recommendations {
		if gone[r.MeetingID] {
			delete(next.recommendations, id)
		}
	}
	maps.DeleteFunc(next.redirects, func(_, target string) bool { return gone[target] })
	next.index()
	return next
}

// Delete removes the nodes of ids (and appearances named by key), with their
// parts, as domain.PlanDelete says, all or nothing.
func (s *Store) Delete(ctx context.Context, ids []string) error {
	if err := domain.CheckDeleteIDs(ids); err != nil {
		return err
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	cur, err := s.current()
	if err != nil {
		return err
	}
	p, err := domain.PlanDelete(ids, cur.export())
	if err != nil {
		return err
	}
	next := cur.without(p.Nodes, p.Appearances)
	next.record(ctx, nil, nil, p.Touched()...)
	return s.commit(next)
}

// Merge merges the nodes of mergeIDs into keepID as domain.PlanMerge says,
// and redirects the merged IDs (and those already redirected to them) to
// keepID.
func (s *Store) Merge(ctx context.Context, kind domain.Kind, keepID string, mergeIDs []string) error {
	if err := domain.CheckMerge(kind, keepID, mergeIDs); err != nil {
		return err
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	cur, err := s.current()
	if err != nil {
		return err
	}
	todo, err := domain.PendingMerges(keepID, mergeIDs, cur.redirectTarget)
	if err != nil {
		return err
	}
	if err := domain.CheckMergeKinds(kind, keepID, todo, cur.kindOf); err != nil {
		return err
	}
	if len(todo) == 0 {
		return nil // merged already: a retried merge changes nothing
	}
	p, err := domain.PlanMerge(kind, keepID, todo, cur.export())
	if err != nil {
		return err
	}
	next := cur.without(p.Delete, nil)
	if err := p.Upsert.Validate(next.kindOf); err != nil {
		return fmt.Errorf("memstore: the merge plan does not validate: %w", err)
	}
	next = next.with(p.Upsert)
	redirects := map[string]string{}
	for from, to := range cur.redirects {
		if p.Redirects[to] != "" {
			to = keepID // a chain a -> b -> keep becomes a -> keep
		}
		redirects[from] = to
	}
	maps.Copy(redirects, p.Redirects)
	next.redirects = redirects
	next.record(ctx, nil, p.Updated, p.Delete...)
	return s.commit(next)
}

// ListAudit returns a page of the audit log, newest first.
func (s *Store) ListAudit(ctx context.Context, q domain.AuditQuery) (*domain.AuditConnection, error) {
	st, err := s.current()
	if err != nil {
		return nil, err
	}
	if err := q.Filter.Validate(); err != nil {
		return nil, err
	}
	var entries []entry[*domain.AuditEntry]
	for _, e := range st.audit {
		if q.Filter.Match(e) {
			entries = append(entries, entry[*domain.AuditEntry]{key: domain.AuditKey(e.At), id: e.ID, node: e})
		}
	}
	return paginate(entries, true, domain.AuditScope(q.Filter), q.Page, cloneAudit)
}

func cloneAudit(e *domain.AuditEntry) *domain.AuditEntry {
	c := *e
	c.Created, c.Updated, c.Deleted = slices.Clone(e.Created), slices.Clone(e.Updated), slices.Clone(e.Deleted)
	return &c
}

// extras is what the file holds beside the graph.
type extras struct {
	redirects map[string]string
	audit     []*domain.AuditEntry
}

func (st *state) extras() *extras { return &extras{redirects: st.redirects, audit: st.audit} }

type fileAudit struct {
	ID      string    `json:"id"`
	At      time.Time `json:"at"`
	Actor   string    `json:"actor"`
	Action  string    `json:"action"`
	Summary string    `json:"summary,omitempty"`
	Created []string  `json:"created,omitempty"`
	Updated []string  `json:"updated,omitempty"`
	Deleted []string  `json:"deleted,omitempty"`
}

func (x *extras) toFile(doc *fileDoc) {
	if x == nil {
		return
	}
	if len(x.redirects) > 0 {
		doc.Redirects = x.redirects
	}
	doc.Audit = each(x.audit, func(e *domain.AuditEntry) fileAudit {
		return fileAudit{ID: e.ID, At: e.At, Actor: e.Actor, Action: e.Action, Summary: e.Summary,
			Created: e.Created, Updated: e.Updated, Deleted: e.Deleted}
	})
}

// fromFileExtras reads the redirects and audit log of a file: a redirect
// must lead from an ID no node bears to a node of g.
func fromFileExtras(doc *fileDoc, g *domain.Graph) (*extras, error) {
	kinds := g.Kinds()
	for from, to := range doc.Redirects {
		if kinds[from] != "" || kinds[to] == "" {
			return nil, fmt.Errorf("redirects: %q -> %q does not lead from a merged ID to a node", from, to)
		}
	}
	x := &extras{redirects: doc.Redirects}
	x.audit = each(doc.Audit, func(e fileAudit) *domain.AuditEntry {
		return &domain.AuditEntry{ID: e.ID, At: e.At.UTC(), Actor: e.Actor, Action: e.Action, Summary: e.Summary,
			Created: e.Created, Updated: e.Updated, Deleted: e.Deleted}
	})
	return x, nil
}
