package workload

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// pathEdges are the relationship types a shortest path may take, as
// expertgraph's (provenance and names left out).
const pathEdges = "PART_OF|HELD_IN|ORGANIZED_BY|APPEARED_AT|AFFILIATED_WITH|PRODUCED|MENTIONS|ABOUT|CONCERNS|" +
	"BETWEEN|BASED_IN|LOCATED_IN|CITIZEN_OF|PRESENTED|ANNOUNCED|PUBLISHED_BY"

// CypherOps are the eight questions in hand-written Cypher, one statement
// each, returning what the GraphQL operations return. They are the floor:
// what an analyst who knows the graph (docs/neo4j.md) would write.
var CypherOps = map[string]string{
	"q1-speakers": `MATCH (m:Meeting {id: $id})
OPTIONAL MATCH (m)-[:HELD_IN]->(pl:Place)
CALL (m) {
  MATCH (p:Person)-[a:APPEARED_AT]->(m)
  OPTIONAL MATCH (i:Institution {id: a.institutionId})
  WITH p, a, i ORDER BY CASE WHEN coalesce(a.order, 0) > 0 THEN a.order ELSE 1000000000 END, p.id
  RETURN collect({order: a.order, roles: a.roles, title: a.title, session: a.session,
    person: {id: p.id, name: p.name}, institution: CASE WHEN i IS NULL THEN null ELSE {id: i.id, name: i.name} END}) AS speakers
}
RETURN m.id AS id, m.title AS title, m.date AS date, pl.name AS place, speakers`,
	"q2-person-history": `MATCH (p:Person {id: $id})
CALL (p) {
  MATCH (p)-[a:APPEARED_AT]->(m:Meeting)
  OPTIONAL MATCH (m)-[:PART_OF]->(c:Council)
  OPTIONAL MATCH (i:Institution {id: a.institutionId})
  WITH a, m, c, i ORDER BY m.dateKey, m.id
  RETURN collect({meeting: {id: m.id, title: m.title, date: m.date, council: c.id}, roles: a.roles, title: a.title,
    institution: CASE WHEN i IS NULL THEN null ELSE {id: i.id, name: i.name} END}) AS appearances
}
RETURN p.id AS id, p.name AS name, appearances`,
	"q3-recurrence": RecurrenceCypher,
	"q4-recommendations": `MATCH (:Initiative {id: $id})<-[:MENTIONS]-(r:Recommendation)<-[:PRODUCED]-(m:Meeting)
WITH r, m ORDER BY m.dateKey, m.id, r.order
WITH collect({id: r.id, kind: r.kind, text: r.text, meeting: {id: m.id, date: m.date}}) AS rs
RETURN size(rs) AS totalCount, rs[..20] AS nodes`,
	"q5-institutions-council": InstitutionsToCouncilCypher,
	"q6-shortest-path": `MATCH (a:Node {id: $from}), (b:Node {id: $to})
MATCH p = allShortestPaths((a)-[:` + pathEdges + `*..4]-(b))
WITH DISTINCT [x IN nodes(p) | x.id] AS ids, nodes(p) AS ns,
  [r IN relationships(p) | {type: type(r), from: startNode(r).id, to: endNode(r).id}] AS edges
RETURN [n IN ns | {id: n.id, name: coalesce(n.name, n.title, n.id)}] AS nodes, edges ORDER BY ids LIMIT 10`,
	"q7-lookup": `MATCH (:Name {key: $key})<-[:HAS_NAME]-(n)
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Node'][0] AS kind ORDER BY kind, id`,
	"q8-dashboard": DashboardCypher,
}

// RecurrenceCypher answers Q3 for one initiative: the meetings that mention
// it themselves or through a recommendation, and their recommendations that do.
const RecurrenceCypher = `MATCH (s:Initiative {id: $id})
CALL (s) {
  MATCH (s)<-[:MENTIONS]-(m:Meeting) RETURN m
  UNION
  MATCH (s)<-[:MENTIONS]-(:Recommendation)<-[:PRODUCED]-(m:Meeting) RETURN m
}
WITH s, m, COUNT { (m)-[:PRODUCED]->(:Recommendation)-[:MENTIONS]->(s) } AS recs,
  head(COLLECT { MATCH (m)-[:PART_OF]->(c:Council) RETURN c.id }) AS council
ORDER BY m.dateKey, m.id
WITH collect({meeting: m.id, date: m.date, year: toInteger(left(m.dateKey, 4)), recs: recs, council: council}) AS rows
CALL (rows) {
  UNWIND rows AS x WITH x.year AS year, count(*) AS meetings, sum(x.recs) AS recommendations ORDER BY year
  RETURN collect({year: year, meetings: meetings, recommendations: recommendations}) AS perYear
}
CALL (rows) {
  UNWIND rows AS x WITH x WHERE x.council IS NOT NULL
  WITH x.council AS council, count(*) AS meetings, sum(x.recs) AS recommendations ORDER BY meetings DESC, council
  RETURN collect({council: council, meetings: meetings, recommendations: recommendations}) AS councils
}
RETURN {meetingCount: size(rows), recommendationCount: reduce(n = 0, x IN rows | n + x.recs),
  firstMention: CASE WHEN size(rows) = 0 THEN null ELSE {date: rows[0].date, meeting: rows[0].meeting} END,
  lastMention: CASE WHEN size(rows) = 0 THEN null ELSE {date: rows[-1].date, meeting: rows[-1].meeting} END,
  perYear: perYear, councils: councils} AS recurrence`

// InstitutionsToCouncilCypher answers Q5: the institutions whose people
// appeared at a council's meetings, by appearances.
const InstitutionsToCouncilCypher = `MATCH (c:Council {id: $id})<-[:PART_OF]-(m:Meeting)<-[a:APPEARED_AT]-(:Person)
MATCH (i:Institution {id: a.institutionId})
WITH c, i, count(a) AS w ORDER BY w DESC, i.id LIMIT $limit
RETURN {institution: {id: i.id, name: i.name}, council: {id: c.id, name: c.name}, weight: w} AS pair`

// DashboardCypher answers Q8 for one council.
const DashboardCypher = `MATCH (c:Council {id: $id})
CALL (c) {
  MATCH (c)<-[:PART_OF]-(m:Meeting) WITH left(m.dateKey, 4) AS key, count(m) AS n ORDER BY key
  RETURN collect({key: key, label: key, count: n}) AS perYear
}
CALL (c) {
  MATCH (c)<-[:PART_OF]-(:Meeting)-[:PRODUCED]->(r:Recommendation)-[:ABOUT]->(x:Theme)
  WITH x, count(r) AS n ORDER BY n DESC, x.id
  RETURN collect({key: x.id, label: x.name, count: n}) AS perTheme
}
CALL (c) {
  MATCH (c)<-[:PART_OF]-(:Meeting)<-[:APPEARED_AT]-(p:Person)-[:CITIZEN_OF]->(x:Country)
  WITH x, count(DISTINCT p) AS n ORDER BY n DESC, x.id
  RETURN collect({key: x.id, label: x.name, count: n}) AS perCountry
}
RETURN {perYear: perYear, perTheme: perTheme, perCountry: perCountry} AS dashboard`

// Cypher runs the questions through the Go driver, each in one managed read
// transaction, collecting every record.
type Cypher struct {
	driver neo4j.DriverWithContext
	db     string
}

// NewCypher connects to Neo4j at uri (no authentication).
func NewCypher(ctx context.Context, uri, db string) (*Cypher, error) {
	d, err := neo4j.NewDriverWithContext(uri, neo4j.NoAuth(), func(c *neo4j.Config) {
		c.MaxTransactionRetryTime = 3 * time.Second
	})
	if err != nil {
		return nil, err
	}
	if err := d.VerifyConnectivity(ctx); err != nil {
		d.Close(ctx)
		return nil, err
	}
	return &Cypher{driver: d, db: db}, nil
}

// Send runs one question and collects its records; its Check reports how it
// went.
func (c *Cypher) Send(ctx context.Context, q string, p Params) Check {
	params := map[string]any{"id": p.ID, "from": p.From, "to": p.To, "key": p.Key, "limit": 20}
	s := c.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: c.db, AccessMode: neo4j.AccessModeRead})
	defer s.Close(ctx)
	_, err := s.ExecuteRead(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		res, err := tx.Run(ctx, CypherOps[q], params)
		if err != nil {
			return nil, err
		}
		return res.Collect(ctx)
	})
	if err != nil {
		var ne *neo4j.Neo4jError
		if errors.As(err, &ne) {
			return result(ne.Code, err)
		}
		if neo4j.IsConnectivityError(err) {
			return result("UNAVAILABLE", err)
		}
		return result("DRIVER", fmt.Errorf("%s: %w", q, err))
	}
	return result("", nil)
}

// Close closes the driver.
func (c *Cypher) Close() error { return c.driver.Close(context.Background()) }
