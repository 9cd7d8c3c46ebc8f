package neo4jstore

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// owned lists, per label, the relationships a node holds and Upsert
// replaces with it (besides its HAS_NAME): outgoing ones, and PRODUCED,
// which a recommendation holds (its MeetingID) although it points at it.
// Links other nodes hold to a node, and a meeting's appearances, stay.
var owned = map[string]struct{ out, in string }{
	labelCountry:        {out: relReportedBy},
	labelPlace:          {out: relLocatedIn + "|" + relReportedBy},
	labelInstitution:    {out: relBasedIn + "|" + relReportedBy},
	labelPerson:         {out: relCitizenOf + "|" + relAffiliatedWith + "|" + relReportedBy},
	labelCouncil:        {out: relBetween + "|" + relOrganizedBy + "|" + relReportedBy},
	labelPublication:    {out: relPublishedBy + "|" + relReportedBy},
	labelMeeting:        {out: relPartOf + "|" + relHeldIn + "|" + relOrganizedBy + "|" + relAbout + "|" + relMentions + "|" + relPresented + "|" + relAnnounced + "|" + relReportedBy},
	labelRecommendation: {out: relMentions + "|" + relAbout + "|" + relConcerns + "|" + relReportedBy, in: relProduced},
	labelInitiative:     {out: relReportedBy},
	labelTheme:          {out: relReportedBy},
}

// mergeNodes writes the nodes of one label: MERGE on the id (its uniqueness
// constraint), replace every property, drop the relationships the node
// owns (they are written again below) and return the names it had, whose
// :Name nodes may have become orphans.
func mergeNodes(label string) string {
	q := "UNWIND $rows AS row MERGE (n:" + label + " {" + propID + ": row." + propID + "}) " +
		"SET n = row.props, n:" + labelNode + " WITH n "
	if out := owned[label].out; out != "" {
		q += "CALL (n) { MATCH (n)-[r:" + out + "]->() DELETE r } "
	}
	if in := owned[label].in; in != "" {
		q += "CALL (n) { MATCH (n)<-[r:" + in + "]-() DELETE r } "
	}
	return q + "CALL (n) { MATCH (n)-[r:" + relHasName + "]->(k:" + labelName + ") DELETE r RETURN collect(k." + propKey + ") AS old } " +
		"UNWIND old AS key RETURN DISTINCT key"
}

// Queries of Upsert beyond the nodes and links.
const (
	kindsByID = "UNWIND $ids AS id MATCH (n:" + labelNode + " {" + propID + ": id}) RETURN n." + propID + " AS id, labels(n) AS labels"

	createNames = "UNWIND $rows AS row MATCH (n:" + labelNode + " {" + propID + ": row.id}) " +
		"MERGE (k:" + labelName + " {" + propKey + ": row.key}) CREATE (n)-[:" + relHasName + "]->(k)"

	dropOrphanNames = "UNWIND $keys AS key MATCH (k:" + labelName + " {" + propKey + ": key}) " +
		"WHERE NOT EXISTS { (k)<-[:" + relHasName + "]-() } DELETE k"

	mergeAppearances = "UNWIND $rows AS row " +
		"MATCH (p:" + labelPerson + " {" + propID + ": row.person}) MATCH (m:" + labelMeeting + " {" + propID + ": row.meeting}) " +
		"MERGE (p)-[a:" + relAppearedAt + "]->(m) SET a = row.props"

	// deriveAffiliations links each person to the institutions of their
	// appearances (once each, unless an affiliation already does), so that
	// paths see who spoke for which institution.
	deriveAffiliations = "UNWIND $ids AS id MATCH (p:" + labelPerson + " {" + propID + ": id}) " +
		"CALL (p) { MATCH (p)-[r:" + relAffiliatedWith + "]->() WHERE r." + propDerived + " DELETE r } " +
		"CALL (p) { MATCH (p)-[a:" + relAppearedAt + "]->() WHERE a." + propInstitutionID + " IS NOT NULL " +
		"WITH DISTINCT a." + propInstitutionID + " AS iid MATCH (i:" + labelInstitution + " {" + propID + ": iid}) " +
		"WHERE NOT EXISTS { (p)-[:" + relAffiliatedWith + "]->(i) } " +
		"CREATE (p)-[:" + relAffiliatedWith + " {" + propDerived + ": true}]->(i) }"
)

// linkKey names one kind of link: its type and the labels at its ends.
type linkKey struct{ from, rel, to string }

// createLinks writes links of one kind, each with its properties.
func createLinks(k linkKey) string {
	return "UNWIND $rows AS row MATCH (a:" + k.from + " {" + propID + ": row.from}) MATCH (b:" + k.to + " {" + propID + ": row.to}) " +
		"CREATE (a)-[r:" + k.rel + "]->(b) SET r = row.props"
}

// writer collects a graph as rows for batched UNWIND queries.
type writer struct {
	nodes       map[string][]map[string]any // label -> {id, props}
	names       []map[string]any            // {id, key}
	links       map[linkKey][]map[string]any
	linkOrder   []linkKey
	appearances []map[string]any
	people      []string // whose derived affiliations to recompute
	touched     []string // nodes written, and the ends of appearances written: whose counts may change (counts.go)
}

func newWriter() *writer {
	return &writer{nodes: map[string][]map[string]any{}, links: map[linkKey][]map[string]any{}}
}

// node adds a node: display is the name it sorts by, lookup the normalised
// names Lookup finds it by, filter those a name filter matches.
func (w *writer) node(label, id, display string, lookup, filter []string, props map[string]any) {
	props[propID] = id
	props[propSortKey] = domain.SortKeyName(display)
	props[propNames] = joinNames(filter)
	props[propVariants] = variantsOf(filter)
	w.touched = append(w.touched, id)
	w.nodes[label] = append(w.nodes[label], map[string]any{propID: id, "props": props})
	for _, k := range lookup {
		w.names = append(w.names, map[string]any{"id": id, "key": k})
	}
}

// link adds one link, unless to is empty.
func (w *writer) link(from, rel, to, fromID, toID string, props map[string]any) {
	if toID == "" {
		return
	}
	if props == nil {
		props = map[string]any{}
	}
	k := linkKey{from, rel, to}
	if _, ok := w.links[k]; !ok {
		w.linkOrder = append(w.linkOrder, k)
	}
	w.links[k] = append(w.links[k], map[string]any{"from": fromID, "to": toID, "props": props})
}

// list adds links to each of toIDs, numbered by position.
func (w *writer) list(from, rel, to, fromID string, toIDs []string) {
	for i, id := range toIDs {
		w.link(from, rel, to, fromID, id, map[string]any{propPosition: i})
	}
}

// sources adds the REPORTED_BY links of a node.
func (w *writer) sources(from, fromID string, refs []domain.SourceRef) {
	for i, r := range refs {
		props := map[string]any{propPosition: i}
		if r.Excerpt != "" {
			props[propExcerpt] = r.Excerpt
		}
		w.link(from, relReportedBy, labelSource, fromID, r.SourceID, props)
	}
}

// Upsert writes g in one transaction: it validates g against the kinds the
// store holds for g's IDs and references, then merges the nodes, replaces
// the links they own and writes the appearances, each kind with one UNWIND.
func (s *Store) Upsert(ctx context.Context, g *domain.Graph) error {
	if g == nil || len(g.Kinds()) == 0 && len(g.Appearances) == 0 && len(g.Redirects) == 0 {
		return nil // nothing to write, nothing to refuse
	}
	ids := g.References()
	for id := range g.Kinds() {
		if id != "" {
			ids = append(ids, id)
		}
	}
	ids = append(ids, redirectIDs(g.Redirects)...)
	slices.Sort(ids)
	ids = slices.Compact(ids)
	_, err := write(ctx, s, func(tx neo4j.ManagedTransaction) (struct{}, error) {
		kinds, err := run(ctx, tx, kindsByID, map[string]any{"ids": ids}, func(rec *neo4j.Record) ([2]string, error) {
			var f fields
			id := value[string](&f, rec, "id")
			labels := f.strings(value[[]any](&f, rec, "labels"), "labels")
			return [2]string{id, string(kindOfLabels(labels))}, f.err
		})
		if err != nil {
			return struct{}{}, err
		}
		existing := make(map[string]domain.Kind, len(kinds))
		for _, k := range kinds {
			existing[k[0]] = domain.Kind(k[1])
		}
		red, err := redirectsOf(ctx, tx, ids)
		if err != nil {
			return struct{}{}, err
		}
		g, err := g.Redirect(func(id string) string { return red[id] })
		if err != nil {
			return struct{}{}, err
		}
		if len(red) > 0 {
			// References moved to the kept nodes, whose kinds validation needs.
			if existing, err = kindsOf(ctx, tx, append(g.References(), ids...)); err != nil {
				return struct{}{}, err
			}
		}
		if err := g.Validate(func(id string) domain.Kind { return existing[id] }); err != nil {
			return struct{}{}, err
		}
		var created, updated []string
		if _, audited := domain.AuditFrom(ctx); audited {
			if created, updated, err = upsertChanges(ctx, tx, g, existing, red); err != nil {
				return struct{}{}, err
			}
		}
		w := newWriter()
		w.graph(g)
		if err := w.write(ctx, tx, s.log); err != nil {
			return struct{}{}, err
		}
		if err := writeRedirects(ctx, tx, g.Redirects); err != nil {
			return struct{}{}, err
		}
		return struct{}{}, recordAudit(ctx, tx, created, updated, nil)
	})
	return err
}

// graph collects every node and link of g.
func (w *writer) graph(g *domain.Graph) {
	for _, x := range g.Countries {
		w.country(x)
	}
	for _, x := range g.Places {
		w.place(x)
	}
	for _, x := range g.Institutions {
		w.institution(x)
	}
	for _, x := range g.People {
		w.person(x)
	}
	for _, x := range g.Councils {
		w.council(x)
	}
	for _, x := range g.Initiatives {
		w.initiative(x)
	}
	for _, x := range g.Themes {
		w.theme(x)
	}
	for _, x := range g.Sources {
		w.source(x)
	}
	for _, x := range g.Publications {
		w.publication(x)
	}
	for _, x := range g.Meetings {
		w.meeting(x)
	}
	for _, x := range g.Recommendations {
		w.recommendation(x)
	}
	for _, x := range g.Appearances {
		w.appearance(x)
	}
	slices.Sort(w.people)
	w.people = slices.Compact(w.people)
}

// write runs the collected rows: nodes first (so that links find both
// ends), then names, links, appearances and the affiliations derived from
// them, and last the :Name nodes nothing bears any more. Each step is one
// UNWIND over all its rows, logged at debug level with its duration.
func (w *writer) write(ctx context.Context, tx neo4j.ManagedTransaction, log *slog.Logger) error {
	// The counted nodes near what is written, before the write takes links
	// away: their counts are recomputed at the end.
	slices.Sort(w.touched)
	w.touched = slices.Compact(w.touched)
	before, err := countedNear(ctx, tx, w.touched)
	if err != nil {
		return fmt.Errorf("upsert: counts: %w", err)
	}
	step := func(what, query string, params map[string]any, rows int) error {
		start := time.Now()
		err := exec(ctx, tx, query, params)
		log.Debug("upsert", "step", what, "rows", rows, "took", time.Since(start))
		if err != nil {
			return fmt.Errorf("upsert: %s: %w", what, err)
		}
		return nil
	}
	var old []string
	for _, label := range nodeLabels {
		rows := w.nodes[label]
		if len(rows) == 0 {
			continue
		}
		start := time.Now()
		keys, err := run(ctx, tx, mergeNodes(label), map[string]any{"rows": rows}, func(rec *neo4j.Record) (string, error) {
			var f fields
			k := value[string](&f, rec, "key")
			return k, f.err
		})
		log.Debug("upsert", "step", label, "rows", len(rows), "took", time.Since(start))
		if err != nil {
			return fmt.Errorf("upsert: %s nodes: %w", label, err)
		}
		old = append(old, keys...)
	}
	if len(w.names) > 0 {
		if err := step("names", createNames, map[string]any{"rows": w.names}, len(w.names)); err != nil {
			return err
		}
	}
	for _, k := range w.linkOrder {
		if err := step(k.from+" "+k.rel+" "+k.to, createLinks(k), map[string]any{"rows": w.links[k]}, len(w.links[k])); err != nil {
			return err
		}
	}
	if len(w.appearances) > 0 {
		if err := step("appearances", mergeAppearances, map[string]any{"rows": w.appearances}, len(w.appearances)); err != nil {
			return err
		}
	}
	if len(w.people) > 0 {
		if err := step("derived affiliations", deriveAffiliations, map[string]any{"ids": w.people}, len(w.people)); err != nil {
			return err
		}
	}
	if len(old) > 0 {
		if err := step("unused names", dropOrphanNames, map[string]any{"keys": old}, len(old)); err != nil {
			return err
		}
	}
	start := time.Now()
	err = recountNear(ctx, tx, w.touched, before)
	log.Debug("upsert", "step", "counts", "rows", len(w.touched), "took", time.Since(start))
	return err
}

// Export returns the whole graph, each collection ordered by ID.
func (s *Store) Export(ctx context.Context) (*domain.Graph, error) {
	return read(ctx, s, func(tx neo4j.ManagedTransaction) (*domain.Graph, error) {
		var err error
		g := &domain.Graph{
			Countries:       exportAll(ctx, tx, &err, countriesAll, countryOf),
			Places:          exportAll(ctx, tx, &err, placesAll, placeOf),
			Institutions:    exportAll(ctx, tx, &err, institutionsAll, institutionOf),
			People:          exportAll(ctx, tx, &err, peopleAll, personOf),
			Councils:        exportAll(ctx, tx, &err, councilsAll, councilOf),
			Initiatives:     exportAll(ctx, tx, &err, initiativesAll, initiativeOf),
			Themes:          exportAll(ctx, tx, &err, themesAll, themeOf),
			Sources:         exportAll(ctx, tx, &err, sourcesAll, sourceOf),
			Publications:    exportAll(ctx, tx, &err, publicationsAll, publicationOf),
			Meetings:        exportAll(ctx, tx, &err, meetingsAll, meetingOf),
			Appearances:     exportAll(ctx, tx, &err, appearancesAll, appearanceOf),
			Recommendations: exportAll(ctx, tx, &err, recommendationsAll, recommendationOf),
			Redirects:       exportAll(ctx, tx, &err, redirectsAll, redirectOf),
		}
		return g, err
	})
}

// exportAll runs a query without parameters and maps every record, unless
// an earlier query of the export failed (*errp).
func exportAll[T any](ctx context.Context, tx neo4j.ManagedTransaction, errp *error, query string, mapper func(*fields, *neo4j.Record) *T) []*T {
	if *errp != nil {
		return nil
	}
	xs, err := run(ctx, tx, query, nil, func(rec *neo4j.Record) (*T, error) {
		var f fields
		x := mapper(&f, rec)
		return x, f.err
	})
	*errp = err
	return xs
}

// statsQuery counts the nodes of each kind (in domain.AllKinds order) and
// the appearances, from the database's count store (no node is read).
const statsQuery = "RETURN " +
	"COUNT { MATCH (:" + labelCouncil + ") } AS c0, COUNT { MATCH (:" + labelMeeting + ") } AS c1, " +
	"COUNT { MATCH (:" + labelPerson + ") } AS c2, COUNT { MATCH (:" + labelInstitution + ") } AS c3, " +
	"COUNT { MATCH (:" + labelCountry + ") } AS c4, COUNT { MATCH (:" + labelPlace + ") } AS c5, " +
	"COUNT { MATCH (:" + labelInitiative + ") } AS c6, COUNT { MATCH (:" + labelTheme + ") } AS c7, " +
	"COUNT { MATCH (:" + labelRecommendation + ") } AS c8, COUNT { MATCH (:" + labelPublication + ") } AS c9, " +
	"COUNT { MATCH (:" + labelSource + ") } AS c10, COUNT { MATCH ()-[:" + relAppearedAt + "]->() } AS appearances"

// Stats counts the nodes of each kind, and the appearances.
func (s *Store) Stats(ctx context.Context) (domain.Stats, error) {
	return read(ctx, s, func(tx neo4j.ManagedTransaction) (domain.Stats, error) {
		st := domain.Stats{Nodes: map[domain.Kind]int{}}
		_, err := run(ctx, tx, statsQuery, nil, func(rec *neo4j.Record) (struct{}, error) {
			var f fields
			for i, k := range domain.AllKinds {
				st.Nodes[k] = int(value[int64](&f, rec, fmt.Sprintf("c%d", i)))
			}
			st.Appearances = int(value[int64](&f, rec, "appearances"))
			return struct{}{}, f.err
		})
		return st, err
	})
}
