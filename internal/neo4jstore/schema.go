package neo4jstore

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// schema creates every constraint and index the store's queries rely on, each
// idempotently (IF NOT EXISTS), so that Open may run it on every start. A
// uniqueness constraint also gives the RANGE index that the MATCH (n:L {id: $id})
// lookups seek on.
var schema = func() []string {
	var stmts []string
	for _, l := range append([]string{labelNode}, nodeLabels...) {
		stmts = append(stmts, fmt.Sprintf("CREATE CONSTRAINT %s_id IF NOT EXISTS FOR (n:%s) REQUIRE n.%s IS UNIQUE",
			snake(l), l, propID))
	}
	stmts = append(stmts,
		// Lookup: one :Name node per normalised name, shared by every node
		// that bears it, so an exact lookup is one unique-index seek.
		"CREATE CONSTRAINT name_key IF NOT EXISTS FOR (k:"+labelName+") REQUIRE k."+propKey+" IS UNIQUE",
		// Meeting lists (ordered by date) and date-range filters.
		"CREATE RANGE INDEX meeting_date IF NOT EXISTS FOR (n:"+labelMeeting+") ON (n."+propDateKey+")",
		"CREATE RANGE INDEX meeting_start IF NOT EXISTS FOR (n:"+labelMeeting+") ON (n."+propDateStart+")",
		"CREATE RANGE INDEX meeting_end IF NOT EXISTS FOR (n:"+labelMeeting+") ON (n."+propDateEnd+")",
	)
	for _, l := range nameSorted {
		// Lists ordered by name walk this index in order (keyset pagination).
		stmts = append(stmts, fmt.Sprintf("CREATE RANGE INDEX %s_sort IF NOT EXISTS FOR (n:%s) ON (n.%s)", snake(l), l, propSortKey))
		// Name filters (a substring of a normalised name) are CONTAINS on
		// the newline-joined normalised names, which a TEXT index serves.
		stmts = append(stmts, fmt.Sprintf("CREATE TEXT INDEX %s_names IF NOT EXISTS FOR (n:%s) ON (n.%s)", snake(l), l, propNames))
	}
	// Free-text search over names, aliases, titles and recommendation text,
	// for clients that search rather than look up (db.index.fulltext.queryNodes).
	stmts = append(stmts, "CREATE FULLTEXT INDEX "+fulltextIndex+" IF NOT EXISTS FOR (n:"+
		labelCouncil+"|"+labelMeeting+"|"+labelPerson+"|"+labelInstitution+"|"+labelCountry+"|"+labelPlace+"|"+
		labelInitiative+"|"+labelTheme+"|"+labelRecommendation+"|"+labelPublication+"|"+labelSource+") ON EACH [n."+
		propName+", n."+propShortName+", n."+propAliases+", n."+propTitle+", n."+propText+"]")
	return stmts
}()

// fulltextIndex is the name of the free-text index.
const fulltextIndex = "search"

// createSchema runs schema, each statement in its own transaction (Neo4j does
// not mix schema and data changes), then waits for the indexes to come online.
func (s *Store) createSchema(ctx context.Context) error {
	for _, stmt := range schema {
		if _, err := neo4j.ExecuteQuery(ctx, s.driver, stmt, nil, neo4j.EagerResultTransformer,
			neo4j.ExecuteQueryWithDatabase(s.db), neo4j.ExecuteQueryWithWritersRouting()); err != nil {
			return fmt.Errorf("%s: %w", stmt, err)
		}
	}
	_, err := neo4j.ExecuteQuery(ctx, s.driver, "CALL db.awaitIndexes(300)", nil, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.db), neo4j.ExecuteQueryWithWritersRouting())
	return err
}
