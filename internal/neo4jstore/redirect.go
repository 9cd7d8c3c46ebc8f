package neo4jstore

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// Redirects in a graph: Export reads every (:Redirect) node, Upsert writes
// those of the graph it is given (an import of an export), after the nodes
// and in the same transaction.
const (
	redirectsAll   = "MATCH (r:" + labelRedirect + ") RETURN r." + propID + " AS id, r." + propTarget + " AS target ORDER BY r." + propID
	upsertRedirect = "UNWIND $rows AS row MERGE (r:" + labelRedirect + " {" + propID + ": row.id}) SET r." + propTarget + " = row.target"
)

func redirectOf(f *fields, rec *neo4j.Record) *domain.Redirect {
	return &domain.Redirect{ID: value[string](f, rec, "id"), Target: value[string](f, rec, "target")}
}

// redirectIDs returns the merged IDs of rs.
func redirectIDs(rs []*domain.Redirect) []string {
	ids := make([]string, len(rs))
	for i, r := range rs {
		ids[i] = r.ID
	}
	return ids
}

// writeRedirects writes rs, validated: MERGE on the ID, so that writing the
// same redirect twice leaves one.
func writeRedirects(ctx context.Context, tx neo4j.ManagedTransaction, rs []*domain.Redirect) error {
	if len(rs) == 0 {
		return nil
	}
	rows := make([]map[string]any, len(rs))
	for i, r := range rs {
		rows[i] = map[string]any{"id": r.ID, "target": r.Target}
	}
	return exec(ctx, tx, upsertRedirect, map[string]any{"rows": rows})
}
