package neo4jstore

import (
	"context"
	"strconv"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// pathEdges are the relationship types paths travel (domain/analytics.go):
// not REPORTED_BY, not HAS_NAME.
const pathEdges = relPartOf + "|" + relHeldIn + "|" + relOrganizedBy + "|" + relAppearedAt + "|" + relAffiliatedWith + "|" +
	relProduced + "|" + relMentions + "|" + relAbout + "|" + relConcerns + "|" + relBetween + "|" + relBasedIn + "|" +
	relLocatedIn + "|" + relCitizenOf + "|" + relPresented + "|" + relAnnounced + "|" + relPublishedBy

// shortestPaths finds every shortest path between two nodes, either way
// along each edge. Two paths over the same nodes and edge types (two
// AFFILIATED_WITH links between a person and an institution) are one. The
// upper bound of the variable-length pattern is spliced in by
// shortestPathsQuery: Cypher cannot take it as a parameter.
func shortestPathsQuery(maxHops int) string {
	if maxHops < 1 || maxHops > domain.MaxMaxHops {
		// ShortestPaths checks maxHops first; this guards the splice.
		panic("neo4jstore: maxHops out of range")
	}
	return "MATCH (a:" + labelNode + " {" + propID + ": $from}), (b:" + labelNode + " {" + propID + ": $to}) " +
		"MATCH p = allShortestPaths((a)-[:" + pathEdges + "*.." + strconv.Itoa(maxHops) + "]-(b)) " +
		"WITH DISTINCT [x IN nodes(p) | x." + propID + "] AS ids, nodes(p) AS nodes, " +
		"[r IN relationships(p) | [type(r), startNode(r)." + propID + ", endNode(r)." + propID + "]] AS edges " +
		"WITH nodes, edges ORDER BY ids, edges LIMIT $max " +
		"RETURN [x IN nodes | " + refItem("x") + "] AS nodes, edges"
}

// ShortestPaths returns up to MaxPaths shortest paths from one node to
// another within maxHops edges, ordered by their node IDs.
func (s *Store) ShortestPaths(ctx context.Context, fromID, toID string, maxHops int) ([]*domain.Path, error) {
	if err := domain.CheckMaxHops(maxHops); err != nil {
		return nil, err
	}
	query := shortestPathsQuery(maxHops)
	return read(ctx, s, func(tx neo4j.ManagedTransaction) ([]*domain.Path, error) {
		// A path found proves both ends there: they are looked up first
		// only for a path from a node to itself, and after only to tell
		// no path from a wrong ID.
		var ps []*domain.Path
		if fromID != toID {
			var err error
			if ps, err = run(ctx, tx, query, map[string]any{"from": fromID, "to": toID, "max": domain.MaxPaths}, pathOf); err != nil || len(ps) > 0 {
				return ps, err
			}
		}
		ends, err := run(ctx, tx, refsByID, map[string]any{"ids": distinct([]string{fromID, toID})}, func(rec *neo4j.Record) (*domain.NodeRef, error) {
			var f fields
			r := nodeRefOf(&f, rec)
			return r, f.err
		})
		if err != nil {
			return nil, err
		}
		found := map[string]*domain.NodeRef{}
		for _, r := range ends {
			found[r.ID] = r
		}
		kind := func(id string) domain.Kind {
			if r := found[id]; r != nil {
				return r.Kind
			}
			return ""
		}
		if err := domain.CheckIDs(kind, domain.PathArgs(fromID, toID)...); err != nil {
			return nil, err
		}
		if fromID == toID {
			return []*domain.Path{{Nodes: []domain.NodeRef{*found[fromID]}}}, nil
		}
		return ps, nil
	})
}

// pathOf reads a path of shortestPathsQuery.
func pathOf(rec *neo4j.Record) (*domain.Path, error) {
	var f fields
	p := &domain.Path{}
	for _, x := range value[[]any](&f, rec, "nodes") {
		p.Nodes = append(p.Nodes, *refOf(&f, f.refNode(x)))
	}
	for _, x := range value[[]any](&f, rec, "edges") {
		e := f.strings(asList(&f, x), "edges")
		if len(e) != 3 {
			f.fail(errBadEdge)
			break
		}
		p.Edges = append(p.Edges, domain.PathEdge{Type: e[0], From: e[1], To: e[2]})
	}
	return p, f.err
}
