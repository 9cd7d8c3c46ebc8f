package neo4jstore

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// Delete, Merge, redirects and the audit log.
//
//	(:Redirect {id, target})   a merged ID and the ID it was merged into; no Node label
//	(:Audit {id, at, actor, action, summary, created, updated, deleted})
//
// at is domain.AuditKey: fixed-width UTC text that orders like the time.
// Each method runs in one write transaction, the audit entry included: the
// change and its record commit or fail together.

const (
	labelRedirect = "Redirect"
	labelAudit    = "Audit"

	propTarget  = "target"
	propAt      = "at"
	propActor   = "actor"
	propAction  = "action"
	propSummary = "summary"
	propCreated = "created"
	propUpdated = "updated"
	propDeleted = "deleted"
)

// now is the store's clock; tests may replace it.
var now = time.Now

func init() {
	schema = append(schema,
		"CREATE CONSTRAINT redirect_id IF NOT EXISTS FOR (r:"+labelRedirect+") REQUIRE r."+propID+" IS UNIQUE",
		"CREATE RANGE INDEX redirect_target IF NOT EXISTS FOR (r:"+labelRedirect+") ON (r."+propTarget+")",
		"CREATE CONSTRAINT audit_id IF NOT EXISTS FOR (a:"+labelAudit+") REQUIRE a."+propID+" IS UNIQUE",
		"CREATE RANGE INDEX audit_at IF NOT EXISTS FOR (a:"+labelAudit+") ON (a."+propAt+")",
	)
}

const (
	redirectsByID = "UNWIND $ids AS id MATCH (r:" + labelRedirect + " {" + propID + ": id}) RETURN r." + propID + " AS id, r." + propTarget + " AS target"

	// referrersByRel finds the nodes linked to the nodes of $ids by a
	// relationship they hold (and a meeting's recommendations), referrersByProp
	// those that name them in a property; appearancesNear the appearances of
	// $people and $ids and those whose properties name one of $ids.
	referrersByRel = "UNWIND $ids AS id MATCH (x:" + labelNode + " {" + propID + ": id}) " +
		"CALL (x) { MATCH (x)<-[r]-(m:" + labelNode + ") WHERE type(r) <> '" + relAppearedAt + "' RETURN m " +
		"UNION MATCH (x)-[:" + relProduced + "]->(m:" + labelNode + ") RETURN m } " +
		"RETURN DISTINCT m." + propID + " AS id, labels(m) AS labels"
	referrersByProp = "MATCH (m:" + labelInstitution + ") WHERE m." + propParentID + " IN $ids RETURN m." + propID + " AS id, labels(m) AS labels " +
		"UNION MATCH (m:" + labelRecommendation + ") WHERE any(p IN m." + propAttributedTo + " WHERE p IN $ids) RETURN m." + propID + " AS id, labels(m) AS labels"
	appearancesNear = "MATCH (p:" + labelPerson + ")-[a:" + relAppearedAt + "]->(m:" + labelMeeting + ") " +
		"WHERE p." + propID + " IN $people OR m." + propID + " IN $ids OR a." + propInstitutionID + " IN $ids OR a." + propCountryID + " IN $ids " +
		"OR any(s IN a." + propSourceIDs + " WHERE s IN $ids) OR (m." + propID + " + '/' + p." + propID + ") IN $keys " +
		"RETURN " + appearanceFields

	deleteAppearances = "UNWIND $rows AS row MATCH (:" + labelPerson + " {" + propID + ": row.person})-[a:" + relAppearedAt + "]->(:" +
		labelMeeting + " {" + propID + ": row.meeting}) DELETE a"
	deleteNodes = "UNWIND $ids AS id MATCH (n:" + labelNode + " {" + propID + ": id}) " +
		"CALL (n) { MATCH (n)-[:" + relHasName + "]->(k:" + labelName + ") RETURN collect(k." + propKey + ") AS keys } " +
		"DETACH DELETE n WITH keys UNWIND keys AS key RETURN DISTINCT key"
	deleteRedirectsTo = "MATCH (r:" + labelRedirect + ") WHERE r." + propTarget + " IN $ids DELETE r"
	repointRedirects  = "MATCH (r:" + labelRedirect + ") WHERE r." + propTarget + " IN $ids SET r." + propTarget + " = $keep"
	createRedirects   = "UNWIND $ids AS id MERGE (r:" + labelRedirect + " {" + propID + ": id}) SET r." + propTarget + " = $keep"
	existingApps      = "UNWIND $rows AS row MATCH (:" + labelPerson + " {" + propID + ": row.person})-[:" + relAppearedAt + "]->(:" +
		labelMeeting + " {" + propID + ": row.meeting}) RETURN row.meeting + '/' + row.person AS key"

	createAudit = "CREATE (a:" + labelAudit + ") SET a = $props"
	auditWhere  = "($actor = '' OR a." + propActor + " = $actor) AND ($id = '' OR $id IN a." + propCreated + " OR $id IN a." + propUpdated +
		" OR $id IN a." + propDeleted + ") AND ($from = '' OR a." + propAt + " >= $from) AND ($to = '' OR a." + propAt + " <= $to)"
	auditPage = "MATCH (a:" + labelAudit + ") WHERE " + auditWhere +
		" AND ($afterKey = '' OR a." + propAt + " < $afterKey OR (a." + propAt + " = $afterKey AND a." + propID + " > $afterID)) " +
		"RETURN a ORDER BY a." + propAt + " DESC, a." + propID + " LIMIT $limit"
	auditCount = "MATCH (a:" + labelAudit + ") WHERE " + auditWhere + " RETURN count(a) AS total"
)

// redirectsOf returns the redirects of ids: merged ID -> kept ID.
func redirectsOf(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) (map[string]string, error) {
	rows, err := run(ctx, tx, redirectsByID, map[string]any{"ids": ids}, func(rec *neo4j.Record) ([2]string, error) {
		var f fields
		return [2]string{value[string](&f, rec, "id"), value[string](&f, rec, "target")}, f.err
	})
	m := make(map[string]string, len(rows))
	for _, r := range rows {
		m[r[0]] = r[1]
	}
	return m, err
}

// kindsOf returns the kinds of the stored nodes of ids.
func kindsOf(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) (map[string]domain.Kind, error) {
	rows, err := run(ctx, tx, kindsByID, map[string]any{"ids": ids}, idLabels)
	m := make(map[string]domain.Kind, len(rows))
	for _, r := range rows {
		m[r[0]] = domain.Kind(r[1])
	}
	return m, err
}

func idLabels(rec *neo4j.Record) ([2]string, error) {
	var f fields
	id := value[string](&f, rec, "id")
	labels := f.strings(value[[]any](&f, rec, "labels"), "labels")
	return [2]string{id, string(kindOfLabels(labels))}, f.err
}

// neighbourhood reads what domain.PlanDelete and PlanMerge need: the nodes
// of ids, every node that refers to one of them, the appearances of people,
// of the meetings and people among ids, those whose properties name one of
// ids, and those of keys.
func neighbourhood(ctx context.Context, tx neo4j.ManagedTransaction, ids, people, keys []string) (*domain.Graph, error) {
	params := map[string]any{"ids": ids, "people": append(slices.Clone(ids), people...), "keys": keys}
	byKind := map[domain.Kind][]string{}
	seen := map[string]bool{}
	for _, q := range []string{kindsByID, referrersByRel, referrersByProp} {
		rows, err := run(ctx, tx, q, params, idLabels)
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			if !seen[r[0]] && r[1] != "" {
				seen[r[0]] = true
				byKind[domain.Kind(r[1])] = append(byKind[domain.Kind(r[1])], r[0])
			}
		}
	}
	g := &domain.Graph{}
	var err error
	load := func(k domain.Kind, query string, mapper func(*fields, *neo4j.Record) any) {
		if err != nil || len(byKind[k]) == 0 {
			return
		}
		var xs []any
		xs, err = run(ctx, tx, query, map[string]any{"ids": byKind[k]}, func(rec *neo4j.Record) (any, error) {
			var f fields
			x := mapper(&f, rec)
			return x, f.err
		})
		for _, x := range xs {
			addNode(g, x)
		}
	}
	load(domain.KindCountry, countriesByID, func(f *fields, r *neo4j.Record) any { return countryOf(f, r) })
	load(domain.KindPlace, placesByID, func(f *fields, r *neo4j.Record) any { return placeOf(f, r) })
	load(domain.KindInstitution, institutionsByID, func(f *fields, r *neo4j.Record) any { return institutionOf(f, r) })
	load(domain.KindPerson, peopleByID, func(f *fields, r *neo4j.Record) any { return personOf(f, r) })
	load(domain.KindCouncil, councilsByID, func(f *fields, r *neo4j.Record) any { return councilOf(f, r) })
	load(domain.KindInitiative, initiativesByID, func(f *fields, r *neo4j.Record) any { return initiativeOf(f, r) })
	load(domain.KindTheme, themesByID, func(f *fields, r *neo4j.Record) any { return themeOf(f, r) })
	load(domain.KindSource, sourcesByID, func(f *fields, r *neo4j.Record) any { return sourceOf(f, r) })
	load(domain.KindPublication, publicationsByID, func(f *fields, r *neo4j.Record) any { return publicationOf(f, r) })
	load(domain.KindMeeting, meetingsByID, func(f *fields, r *neo4j.Record) any { return meetingOf(f, r) })
	load(domain.KindRecommendation, recommendationsByID, func(f *fields, r *neo4j.Record) any { return recommendationOf(f, r) })
	if err != nil {
		return nil, err
	}
	g.Appearances, err = run(ctx, tx, appearancesNear, params, func(rec *neo4j.Record) (*domain.Appearance, error) {
		var f fields
		a := appearanceOf(&f, rec)
		return a, f.err
	})
	return g, err
}

// addNode puts a node read by a mapper into its collection of g.
func addNode(g *domain.Graph, x any) {
	switch x := x.(type) {
	case *domain.Country:
		g.Countries = append(g.Countries, x)
	case *domain.Place:
		g.Places = append(g.Places, x)
	case *domain.Institution:
		g.Institutions = append(g.Institutions, x)
	case *domain.Person:
		g.People = append(g.People, x)
	case *domain.Council:
		g.Councils = append(g.Councils, x)
	case *domain.Initiative:
		g.Initiatives = append(g.Initiatives, x)
	case *domain.Theme:
		g.Themes = append(g.Themes, x)
	case *domain.Source:
		g.Sources = append(g.Sources, x)
	case *domain.Publication:
		g.Publications = append(g.Publications, x)
	case *domain.Meeting:
		g.Meetings = append(g.Meetings, x)
	case *domain.Recommendation:
		g.Recommendations = append(g.Recommendations, x)
	}
}

// appearanceRows turns appearance keys into {meeting, person} rows.
func appearanceRows(keys []string) []map[string]any {
	rows := make([]map[string]any, 0, len(keys))
	for _, k := range keys {
		m, p, _ := strings.Cut(k, "/")
		rows = append(rows, map[string]any{"meeting": m, "person": p})
	}
	return rows
}

// removeNodes detaches and deletes the nodes of ids, the redirects to them,
// and the :Name nodes nothing bears any more.
func removeNodes(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	keys, err := run(ctx, tx, deleteNodes, map[string]any{"ids": ids}, func(rec *neo4j.Record) (string, error) {
		var f fields
		k := value[string](&f, rec, "key")
		return k, f.err
	})
	if err != nil {
		return fmt.Errorf("deleting nodes: %w", err)
	}
	if len(keys) > 0 {
		if err := exec(ctx, tx, dropOrphanNames, map[string]any{"keys": keys}); err != nil {
			return fmt.Errorf("deleting unused names: %w", err)
		}
	}
	return exec(ctx, tx, deleteRedirectsTo, map[string]any{"ids": ids})
}

// Delete removes the nodes of ids (and appearances named by key), with their
// parts, as domain.PlanDelete says, in one transaction.
func (s *Store) Delete(ctx context.Context, ids []string) error {
	if err := domain.CheckDeleteIDs(ids); err != nil {
		return err
	}
	var nodeIDs, keys []string
	for _, id := range ids {
		if domain.IsAppearanceKey(id) {
			keys = append(keys, id)
		} else {
			nodeIDs = append(nodeIDs, id)
		}
	}
	_, err := write(ctx, s, func(tx neo4j.ManagedTransaction) (struct{}, error) {
		g, err := neighbourhood(ctx, tx, nodeIDs, nil, keys)
		if err != nil {
			return struct{}{}, err
		}
		p, err := domain.PlanDelete(ids, g)
		if err != nil {
			return struct{}{}, err
		}
		// The counts that lists sort by (appearances, speakers, meetings)
		// change for the nodes near what goes: find them before it goes.
		near := slices.Clone(p.Nodes)
		for _, r := range appearanceRows(p.Appearances) {
			near = append(near, r["person"].(string), r["meeting"].(string))
		}
		before, err := countedNear(ctx, tx, near)
		if err != nil {
			return struct{}{}, fmt.Errorf("counted nodes: %w", err)
		}
		if err := exec(ctx, tx, deleteAppearances, map[string]any{"rows": appearanceRows(p.Appearances)}); err != nil {
			return struct{}{}, fmt.Errorf("deleting appearances: %w", err)
		}
		if err := removeNodes(ctx, tx, p.Nodes); err != nil {
			return struct{}{}, err
		}
		var stay []string
		for _, id := range slices.Concat(near, before) {
			if !slices.Contains(p.Nodes, id) {
				stay = append(stay, id)
			}
		}
		if err := recount(ctx, tx, distinct(stay)); err != nil {
			return struct{}{}, fmt.Errorf("recounting: %w", err)
		}
		// The people who stay but lost an appearance lose what it implied.
		var people []string
		for _, r := range appearanceRows(p.Appearances) {
			if id := r["person"].(string); !slices.Contains(p.Nodes, id) {
				people = append(people, id)
			}
		}
		if len(people) > 0 {
			if err := exec(ctx, tx, deriveAffiliations, map[string]any{"ids": distinct(people)}); err != nil {
				return struct{}{}, fmt.Errorf("derived affiliations: %w", err)
			}
		}
		return struct{}{}, recordAudit(ctx, tx, nil, nil, p.Touched())
	})
	return err
}

// Merge merges the nodes of mergeIDs into keepID as domain.PlanMerge says,
// and redirects the merged IDs (and those already redirected to them) to
// keepID, in one transaction.
func (s *Store) Merge(ctx context.Context, kind domain.Kind, keepID string, mergeIDs []string) error {
	if err := domain.CheckMerge(kind, keepID, mergeIDs); err != nil {
		return err
	}
	_, err := write(ctx, s, func(tx neo4j.ManagedTransaction) (struct{}, error) {
		all := append([]string{keepID}, mergeIDs...)
		red, err := redirectsOf(ctx, tx, all)
		if err != nil {
			return struct{}{}, err
		}
		todo, err := domain.PendingMerges(keepID, mergeIDs, func(id string) string { return red[id] })
		if err != nil {
			return struct{}{}, err
		}
		kinds, err := kindsOf(ctx, tx, append([]string{keepID}, todo...))
		if err != nil {
			return struct{}{}, err
		}
		if err := domain.CheckMergeKinds(kind, keepID, todo, func(id string) domain.Kind { return kinds[id] }); err != nil {
			return struct{}{}, err
		}
		if len(todo) == 0 {
			return struct{}{}, nil
		}
		g, err := neighbourhood(ctx, tx, append([]string{keepID}, todo...), nil, nil)
		if err != nil {
			return struct{}{}, err
		}
		p, err := domain.PlanMerge(kind, keepID, todo, g)
		if err != nil {
			return struct{}{}, err
		}
		// Redirects to the merged nodes move to keepID before the nodes (and
		// the redirects to them) go.
		params := map[string]any{"ids": p.Delete, "keep": keepID}
		if err := exec(ctx, tx, repointRedirects, params); err != nil {
			return struct{}{}, err
		}
		if err := removeNodes(ctx, tx, p.Delete); err != nil {
			return struct{}{}, err
		}
		w := newWriter()
		w.graph(p.Upsert)
		if err := w.write(ctx, tx, s.log); err != nil {
			return struct{}{}, err
		}
		if err := exec(ctx, tx, createRedirects, params); err != nil {
			return struct{}{}, err
		}
		return struct{}{}, recordAudit(ctx, tx, nil, p.Updated, p.Delete)
	})
	return err
}

// upsertChanges sorts the IDs a write of g touches into those it creates and
// those it rewrites: its nodes, its appearances and the merged IDs of its
// redirects (domain.AuditEntry); existing holds the kinds of g's stored IDs,
// redirected the store's redirects of them.
func upsertChanges(ctx context.Context, tx neo4j.ManagedTransaction, g *domain.Graph, existing map[string]domain.Kind,
	redirected map[string]string) (created, updated []string, err error) {
	var keys []string
	for _, a := range g.Appearances {
		keys = append(keys, domain.AppearanceKey(a.MeetingID, a.PersonID))
	}
	had, err := run(ctx, tx, existingApps, map[string]any{"rows": appearanceRows(keys)}, func(rec *neo4j.Record) (string, error) {
		var f fields
		k := value[string](&f, rec, "key")
		return k, f.err
	})
	if err != nil {
		return nil, nil, err
	}
	for _, id := range g.IDs() {
		if existing[id] != "" || slices.Contains(had, id) {
			updated = append(updated, id)
		} else {
			created = append(created, id)
		}
	}
	for _, r := range g.Redirects {
		if redirected[r.ID] != "" {
			updated = append(updated, r.ID)
		} else {
			created = append(created, r.ID)
		}
	}
	return created, updated, nil
}

// recordAudit writes the audit entry of ctx, if any, in tx.
func recordAudit(ctx context.Context, tx neo4j.ManagedTransaction, created, updated, deleted []string) error {
	e := domain.Audited(ctx, now(), created, updated, deleted)
	if e == nil {
		return nil
	}
	props := map[string]any{
		propID: e.ID, propAt: domain.AuditKey(e.At), propActor: e.Actor, propAction: e.Action, propSummary: e.Summary,
		propCreated: e.Created, propUpdated: e.Updated, propDeleted: e.Deleted,
	}
	if err := exec(ctx, tx, createAudit, map[string]any{"props": props}); err != nil {
		return fmt.Errorf("recording the audit entry: %w", err)
	}
	return nil
}

func auditOf(f *fields, rec *neo4j.Record) *domain.AuditEntry {
	n := f.node(rec, "a")
	at, err := time.Parse(time.RFC3339Nano, f.str(n, propAt))
	f.fail(err)
	return &domain.AuditEntry{
		ID: f.str(n, propID), At: at.UTC(), Actor: f.str(n, propActor), Action: f.str(n, propAction),
		Summary: f.str(n, propSummary), Created: f.strs(n, propCreated), Updated: f.strs(n, propUpdated),
		Deleted: f.strs(n, propDeleted),
	}
}

// ListAudit returns a page of the audit log, newest first.
func (s *Store) ListAudit(ctx context.Context, q domain.AuditQuery) (*domain.AuditConnection, error) {
	if err := q.Filter.Validate(); err != nil {
		return nil, err
	}
	scope := domain.AuditScope(q.Filter)
	first, after, err := q.Page.Resolve(scope)
	if err != nil {
		return nil, err
	}
	params := map[string]any{"actor": q.Filter.Actor, "id": q.Filter.ID, "from": "", "to": "",
		"afterKey": "", "afterID": "", "limit": first + 1}
	if !q.Filter.From.IsZero() {
		params["from"] = domain.AuditKey(q.Filter.From)
	}
	if !q.Filter.To.IsZero() {
		params["to"] = domain.AuditKey(q.Filter.To)
	}
	if after != nil {
		params["afterKey"], params["afterID"] = after.Key, after.ID
	}
	type page struct {
		items []*domain.AuditEntry
		total int
	}
	p, err := read(ctx, s, func(tx neo4j.ManagedTransaction) (page, error) {
		items, err := run(ctx, tx, auditPage, params, func(rec *neo4j.Record) (*domain.AuditEntry, error) {
			var f fields
			e := auditOf(&f, rec)
			return e, f.err
		})
		if err != nil {
			return page{}, err
		}
		totals, err := run(ctx, tx, auditCount, params, func(rec *neo4j.Record) (int64, error) {
			var f fields
			n := value[int64](&f, rec, "total")
			return n, f.err
		})
		if err != nil || len(totals) == 0 {
			return page{}, err
		}
		return page{items, int(totals[0])}, nil
	})
	if err != nil {
		return nil, err
	}
	return domain.NewConnection(p.items, first, scope, after, p.total, func(e *domain.AuditEntry) (string, string) {
		return domain.AuditKey(e.At), e.ID
	}), nil
}
