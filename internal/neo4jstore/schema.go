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
	// Search (search.go). The full-text index holds the words of the
	// normalised names, of their variant keys and of recommendations'
	// normalised text, split at spaces only (the "whitespace" analyzer):
	// domain.NormalizeName has already lowered the case, removed the
	// diacritics and turned dashes and punctuation into spaces, so Lucene's
	// words are the domain's words, and a query for all of them finds a
	// superset of what domain.Searcher accepts. A text index on the names of
	// every node serves the matches inside a name (CONTAINS).
	stmts = append(stmts,
		"CREATE FULLTEXT INDEX "+fulltextIndex+" IF NOT EXISTS FOR (n:"+labelNode+") ON EACH [n."+
			propNames+", n."+propVariants+", n."+propSearchText+"] "+
			"OPTIONS {indexConfig: {`fulltext.analyzer`: '"+fulltextAnalyzer+"', `fulltext.eventually_consistent`: false}}",
		"CREATE TEXT INDEX node_names IF NOT EXISTS FOR (n:"+labelNode+") ON (n."+propNames+")")
	// Lists ordered by a count (counts.go) walk these in order.
	for _, c := range []struct{ label, prop string }{
		{labelInitiative, propMeetingCount}, {labelInitiative, propRecCount},
		{labelTheme, propMeetingCount}, {labelTheme, propRecCount},
		{labelPerson, propAppearanceCount}, {labelInstitution, propSpeakerCount}, {labelMeeting, propSpeakerCount},
	} {
		stmts = append(stmts, fmt.Sprintf("CREATE RANGE INDEX %s_%s IF NOT EXISTS FOR (n:%s) ON (n.%s)",
			snake(c.label), snake(c.prop), c.label, c.prop))
	}
	return stmts
}()

// The full-text index of Search, and its analyzer.
const (
	fulltextIndex    = "search"
	fulltextAnalyzer = "whitespace"
)

// fulltextCurrent reports whether the index named "search" is the one schema
// creates; an older one (over other labels or properties) is dropped first.
const fulltextCurrent = "SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties, options " +
	"WHERE name = '" + fulltextIndex + "' " +
	"RETURN labelsOrTypes = ['" + labelNode + "'] AND properties = ['" + propNames + "', '" + propVariants + "', '" + propSearchText + "'] " +
	"AND options.indexConfig.`fulltext.analyzer` = '" + fulltextAnalyzer + "' AS current"

// createSchema runs schema, each statement in its own transaction (Neo4j does
// not mix schema and data changes), then waits for the indexes to come online.
func (s *Store) createSchema(ctx context.Context) error {
	res, err := neo4j.ExecuteQuery(ctx, s.driver, fulltextCurrent, nil, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.db), neo4j.ExecuteQueryWithWritersRouting())
	if err != nil {
		return fmt.Errorf("%s: %w", fulltextCurrent, err)
	}
	if len(res.Records) == 1 {
		if current, _, _ := neo4j.GetRecordValue[bool](res.Records[0], "current"); !current {
			s.log.Info("replacing the full-text index of an older version", "index", fulltextIndex)
			if _, err := neo4j.ExecuteQuery(ctx, s.driver, "DROP INDEX "+fulltextIndex+" IF EXISTS", nil, neo4j.EagerResultTransformer,
				neo4j.ExecuteQueryWithDatabase(s.db), neo4j.ExecuteQueryWithWritersRouting()); err != nil {
				return fmt.Errorf("dropping the index %s: %w", fulltextIndex, err)
			}
		}
	}
	for _, stmt := range schema {
		if _, err := neo4j.ExecuteQuery(ctx, s.driver, stmt, nil, neo4j.EagerResultTransformer,
			neo4j.ExecuteQueryWithDatabase(s.db), neo4j.ExecuteQueryWithWritersRouting()); err != nil {
			return fmt.Errorf("%s: %w", stmt, err)
		}
	}
	if _, err := neo4j.ExecuteQuery(ctx, s.driver, "CALL db.awaitIndexes(300)", nil, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.db), neo4j.ExecuteQueryWithWritersRouting()); err != nil {
		return err
	}
	return s.migrate(ctx)
}
