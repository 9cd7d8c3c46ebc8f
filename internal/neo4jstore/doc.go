// Package neo4jstore keeps expertgraph's graph in Neo4j 5 (Community or
// Enterprise) through the official Go driver. It implements domain.Store and
// passes the contract suite internal/storetest.
//
// Every method runs in one managed transaction (neo4j.ExecuteRead or
// ExecuteWrite, which the driver retries on transient failures, so the work
// is idempotent) on the configured database. Queries are constants: labels,
// relationship types and property keys are Go constants spliced into the
// text, every value is a parameter. The one exception is the upper bound of
// the variable-length pattern of ShortestPaths, which Cypher cannot take as a
// parameter; it is spliced in from an integer checked to be 1..10.
//
// Every method has a deadline (Config.ReadTimeout or WriteTimeout, retries
// included), and fails at once with EUNAVAILABLE while the health probe
// (health.go) knows Neo4j does not answer: calls neither hang on a server
// that accepts connections but does not answer nor pile up while it is down.
// A caller's own deadline or cancellation is returned as the context's error,
// not EUNAVAILABLE. When Neo4j answers again, the store reruns its read
// statements in the background while idle to warm Neo4j's query caches
// (warm.go).
//
// # Graph model
//
// Nodes. Every node of the domain bears the label of its kind and the label
// Node; its id property is its domain ID.
//
//	label            properties (besides id)
//	Council          name, shortName, aliases, description, frequency, founded
//	Meeting          ordinal, title, theme, themeVariants, date, dateKey, dateStart, dateEnd, dateNote, format
//	Person           name, aliases
//	Institution      name, shortName, aliases, kind, parentId
//	Country          name, aliases
//	Place            name, aliases
//	Initiative       name, shortName, aliases, kind, description
//	Theme            name, aliases, description
//	Recommendation   kind, text, order, paraphrase, attributedTo (person IDs, in order)
//	Publication      title, kind, status
//	Source           url, title, publisher, published, language
//	Name             key: one normalised name (domain.NormalizeName), shared by every node that bears it
//
// Every domain node also has sortKey, the normalised name (title for meetings,
// publications and sources) that lists order by, and names, the normalised
// names a name filter searches (name, short name and aliases; the title of
// meetings, publications and sources), joined by newlines. Dates are stored
// as their text ("2024", "2024-06", "2024-06-21"); a meeting's date also as
// dateKey (Date.SortKey, which orders it), dateStart and dateEnd (the first
// and last day it may denote, which period filters compare). Optional
// values that are unset are absent; lists are kept in the order written.
//
// For Search, every domain node has variants, the variant keys
// (domain.VariantKey) of its normalised names joined by newlines ("" for
// none), and a recommendation searchText, its normalised text. For the
// orders by counts, initiatives and themes have meetingCount and
// recommendationCount, people appearanceCount, institutions and meetings
// speakerCount (counts.go); every write recounts the nodes near what it
// writes, in its transaction. A database written before these existed is
// brought up to date at Open (migrate, which records the version on the one
// :ExpertgraphSchema node).
//
// Relationships: exactly the domain's edge types (domain/analytics.go), plus
// provenance and names. position numbers a node's list in the order written.
//
//	(:Meeting)-[:PART_OF]->(:Council)
//	(:Meeting)-[:HELD_IN]->(:Place)
//	(:Meeting|Council)-[:ORGANIZED_BY {position}]->(:Institution)
//	(:Person)-[:APPEARED_AT {roles, title, institutionId, countryId, session, order, sourceIds, excerpts}]->(:Meeting)
//	(:Person)-[:AFFILIATED_WITH {position, title, from, to}]->(:Institution)   an affiliation
//	(:Person)-[:AFFILIATED_WITH {derived: true}]->(:Institution)               the institution of an appearance, once, unless an affiliation links them
//	(:Meeting)-[:PRODUCED]->(:Recommendation)
//	(:Meeting|Recommendation)-[:MENTIONS {position}]->(:Initiative)
//	(:Meeting|Recommendation)-[:ABOUT {position}]->(:Theme)
//	(:Recommendation)-[:CONCERNS {position}]->(:Country)
//	(:Council)-[:BETWEEN {position}]->(:Country)
//	(:Institution)-[:BASED_IN]->(:Country)
//	(:Place)-[:LOCATED_IN]->(:Country)
//	(:Person)-[:CITIZEN_OF]->(:Country)
//	(:Meeting)-[:PRESENTED|ANNOUNCED {position}]->(:Publication)   one position across both
//	(:Publication)-[:PUBLISHED_BY {position}]->(:Institution)
//	(:Institution|Person|Council|Publication|Meeting|Recommendation|Initiative|Theme|Country|Place)-[:REPORTED_BY {position, excerpt}]->(:Source)
//	(:Council|Meeting|Person|Institution|Country|Place|Initiative|Theme|Publication)-[:HAS_NAME]->(:Name)
//
// An appearance is the APPEARED_AT relationship itself (one per person and
// meeting); its sources are the parallel lists sourceIds and excerpts, since a
// relationship cannot point at a source. Institution.ParentID and
// Recommendation.AttributedTo are properties, not relationships, so that paths
// do not travel them (the domain lists no such edge).
//
// A node owns its outgoing relationships (and a recommendation its incoming
// PRODUCED). Upsert MERGEs each node on its id, replaces all its properties,
// deletes the relationships it owns and creates them again, so that writing
// a graph twice leaves the store as writing it once; relationships other
// nodes hold to it, and a meeting's appearances and recommendations, stay.
// Each kind of node and of relationship is written with one UNWIND over all
// its rows, in one write transaction for the whole graph.
//
// # Schema
//
// Created at Open, each IF NOT EXISTS:
//
//   - uniqueness constraints on id for Node and for every kind's label (their
//     range indexes serve every lookup by ID), and on Name.key;
//   - range indexes on Meeting.dateKey (the meeting list's order, the
//     recommendation list's order through the meeting), Meeting.dateStart and
//     Meeting.dateEnd (period filters), and on sortKey of every label listed
//     by name (lists walk them in order);
//   - text indexes on names of every label listed by name (name filters are
//     CONTAINS on it);
//   - range indexes on the counts lists are ordered by (counts.go);
//   - a text index on Node.names (Search: a text inside a name) and the
//     full-text index "search" on Node.names, Node.variants and
//     Node.searchText with the whitespace analyzer (Search: words of names,
//     of their variant keys, of recommendations); an older "search" index
//     over other properties is dropped first.
//
// Lookup normalises the name and seeks its :Name node on the unique index of
// Name.key, then follows HAS_NAME back: range indexes do not serve a
// membership test on a list property (ANY(k IN n.keys WHERE k = $x) scans the
// label), a separate node per name does. Search (search.go) finds candidates
// with the text and full-text indexes and lets domain.Searcher decide and
// rank, as the embedded store does. TestPlans and TestAnalyticPlans check
// with PROFILE the plans of the queries that must use an index.
package neo4jstore
