package neo4jstore

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// Search finds candidates with two indexes, then lets domain.Searcher decide
// which match, and rank them, exactly as the embedded store does:
//
//   - the text index node_names, for a text inside a normalised name
//     (n.names CONTAINS: exact, prefix and inside-a-word matches), for texts
//     of three or more characters;
//   - the full-text index "search" (whitespace analyzer over normalised
//     words), for every word of the text among a node's names, every word
//     of its variant key among their variant keys, every word among a
//     recommendation's words, and, for shorter texts, a name word that starts
//     with the text.
//
// Every node domain.Searcher can accept is among the candidates, because
// each of its matches implies one of these conditions on the same
// normalised words; the candidates that do not match are dropped in Go.
const (
	searchByContains = "MATCH (n:" + labelNode + ") WHERE n." + propNames + " CONTAINS $text RETURN n"
	searchByWords    = "CALL db.index.fulltext.queryNodes('" + fulltextIndex + "', $lucene) YIELD node RETURN node AS n"
	searchReturn     = "RETURN labels(n) AS labels, n {." + propID + ", ." + propName + ", ." + propShortName + ", ." +
		propAliases + ", ." + propTitle + ", ." + propText + ", ." + propURL + "} AS v"
)

// searchQuery returns the query that finds the candidates of a search.
func searchQuery(sr *domain.Searcher, kinds bool) string {
	q := "CALL () { " + searchByWords + " } "
	if utf8.RuneCountInString(sr.Text()) >= 3 {
		q = "CALL () { " + searchByContains + " UNION " + searchByWords + " } "
	}
	if kinds {
		q += "WITH n WHERE any(l IN labels(n) WHERE l IN $labels) "
	}
	return q + searchReturn
}

// luceneQuery returns the full-text query of a search: all words of the
// text among the names, all words of its variant key among the variant keys,
// or all words among a recommendation's text; for texts shorter than three
// characters, also a name word starting with the text.
func luceneQuery(sr *domain.Searcher) string {
	all := func(field string, words []string) string {
		parts := make([]string, len(words))
		for i, w := range words {
			parts[i] = "+" + luceneEscape(w)
		}
		return field + ":(" + strings.Join(parts, " ") + ")"
	}
	clauses := []string{all(propNames, sr.Words()), all(propSearchText, sr.Words())}
	if len(sr.VariantWords()) > 0 {
		clauses = append(clauses, all(propVariants, sr.VariantWords()))
	}
	if utf8.RuneCountInString(sr.Text()) < 3 {
		clauses = append(clauses, propNames+":"+luceneEscape(sr.Text())+"*")
	}
	return strings.Join(clauses, " OR ")
}

// luceneEscape escapes the characters Lucene's query syntax gives a meaning.
func luceneEscape(w string) string {
	var b strings.Builder
	for _, r := range w {
		if strings.ContainsRune(`+-&|!(){}[]^"~*?:\/`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Search returns the nodes that match a text, best first.
func (s *Store) Search(ctx context.Context, q domain.SearchQuery) (*domain.SearchConnection, error) {
	sr, err := domain.NewSearcher(q)
	if err != nil {
		return nil, err
	}
	params := map[string]any{"text": sr.Text(), "lucene": luceneQuery(sr)}
	if len(q.Kinds) > 0 {
		labels := make([]string, len(q.Kinds))
		for i, k := range q.Kinds {
			labels[i] = labelOf[k]
		}
		params["labels"] = labels
	}
	hits, err := read(ctx, s, func(tx neo4j.ManagedTransaction) ([]*domain.SearchHit, error) {
		rows, err := run(ctx, tx, searchQuery(sr, len(q.Kinds) > 0), params, func(rec *neo4j.Record) (*domain.SearchHit, error) {
			var f fields
			kind := kindOfLabels(f.strings(value[[]any](&f, rec, "labels"), "labels"))
			v := value[map[string]any](&f, rec, "v")
			ref, values := searchable(&f, kind, v)
			if f.err != nil {
				return nil, f.err
			}
			return sr.Match(ref, values), nil
		})
		if err != nil {
			return nil, err
		}
		var hits []*domain.SearchHit
		for _, h := range rows {
			if h != nil {
				hits = append(hits, h)
			}
		}
		return hits, nil
	})
	if err != nil {
		return nil, err
	}
	return sr.Page(hits)
}

// searchable returns a candidate's NodeRef (as refOf) and the values Search
// matches: the name, short name and aliases of councils, institutions and
// initiatives; the name and aliases of people, countries, places and themes;
// the title of meetings, publications and sources; a recommendation's text.
func searchable(f *fields, kind domain.Kind, v map[string]any) (domain.NodeRef, []domain.SearchValue) {
	ref := domain.NodeRef{ID: f.text(v, propID), Kind: kind}
	aliases := f.strings(asList(f, orList(v[propAliases])), propAliases)
	switch kind {
	case domain.KindCouncil, domain.KindInstitution, domain.KindInitiative:
		ref.Name = f.text(v, propName)
		return ref, domain.SearchValues(ref.Name, f.text(v, propShortName), aliases, "", "")
	case domain.KindPerson, domain.KindCountry, domain.KindPlace, domain.KindTheme:
		ref.Name = f.text(v, propName)
		return ref, domain.SearchValues(ref.Name, "", aliases, "", "")
	case domain.KindMeeting, domain.KindPublication:
		ref.Name = f.text(v, propTitle)
		return ref, domain.SearchValues("", "", nil, ref.Name, "")
	case domain.KindSource:
		title := f.text(v, propTitle)
		if ref.Name = title; ref.Name == "" {
			ref.Name = f.text(v, propURL)
		}
		return ref, domain.SearchValues("", "", nil, title, "")
	case domain.KindRecommendation:
		ref.Name = f.text(v, propText)
		return ref, domain.SearchValues("", "", nil, "", ref.Name)
	}
	f.fail(fmt.Errorf("search: a node of no known kind: %q", ref.ID))
	return ref, nil
}

// orList returns x, or an empty list for null.
func orList(x any) any {
	if x == nil {
		return []any{}
	}
	return x
}

// schemaVersion numbers what the store derives from the graph and keeps on
// its nodes; migrate brings a database written by an older version up to it.
//
//	1  sortKey, names, the :Name nodes
//	2  variants, searchText (search.go) and the counts (counts.go)
const schemaVersion = 2

// labelSchema labels the one node that holds the schema version; it is not a
// domain node (no :Node label) and nothing reads it but migrate.
const labelSchema = "ExpertgraphSchema"

// Queries of migrate.
const (
	schemaVersionQuery = "OPTIONAL MATCH (v:" + labelSchema + ") RETURN coalesce(max(v.version), 0) AS version"
	setSchemaVersion   = "MERGE (v:" + labelSchema + " {" + propID + ": 'expertgraph'}) SET v.version = $version"
	// Nodes written before version 2 have no variants (every later write sets them, "" for none).
	unsearchable = "MATCH (n:" + labelNode + ") WHERE n." + propVariants + " IS NULL " +
		"RETURN n." + propID + " AS id, n." + propNames + " AS names, n." + propText + " AS text LIMIT 1000"
	setSearchable = "UNWIND $rows AS row MATCH (n:" + labelNode + " {" + propID + ": row.id}) " +
		"SET n." + propVariants + " = row.variants, n." + propSearchText + " = row.searchText"
	countedIDs = "MATCH (n) WHERE n:" + labelInitiative + " OR n:" + labelTheme + " OR n:" + labelPerson + " OR n:" +
		labelInstitution + " OR n:" + labelMeeting + " RETURN n." + propID + " AS id"
)

// migrate brings the derived properties of a database written by an older
// version up to schemaVersion, in batches of 1,000 nodes, each its own
// transaction, then records the version. It is idempotent: a migration cut
// short is finished by the next Open.
func (s *Store) migrate(ctx context.Context) error {
	version, err := read(ctx, s, func(tx neo4j.ManagedTransaction) (int64, error) {
		rows, err := run(ctx, tx, schemaVersionQuery, nil, func(rec *neo4j.Record) (int64, error) {
			var f fields
			v := value[int64](&f, rec, "version")
			return v, f.err
		})
		if err != nil || len(rows) == 0 {
			return 0, err
		}
		return rows[0], nil
	})
	if err != nil || version >= schemaVersion {
		return err
	}
	s.log.Info("migrating the database's derived properties", "from", version, "to", schemaVersion)
	for {
		n, err := write(ctx, s, func(tx neo4j.ManagedTransaction) (int, error) {
			rows, err := run(ctx, tx, unsearchable, nil, func(rec *neo4j.Record) (map[string]any, error) {
				var f fields
				id := value[string](&f, rec, "id")
				names := strings.Split(value[string](&f, rec, "names"), "\n")
				text := value[string](&f, rec, "text")
				row := map[string]any{"id": id, "variants": variantsOf(names), "searchText": nil}
				if text != "" {
					row["searchText"] = domain.NormalizeName(text)
				}
				return row, f.err
			})
			if err != nil || len(rows) == 0 {
				return 0, err
			}
			return len(rows), exec(ctx, tx, setSearchable, map[string]any{"rows": rows})
		})
		if err != nil {
			return fmt.Errorf("migrating: search properties: %w", err)
		}
		if n == 0 {
			break
		}
	}
	ids, err := read(ctx, s, func(tx neo4j.ManagedTransaction) ([]string, error) {
		return run(ctx, tx, countedIDs, nil, func(rec *neo4j.Record) (string, error) {
			var f fields
			id := value[string](&f, rec, "id")
			return id, f.err
		})
	})
	if err != nil {
		return fmt.Errorf("migrating: counts: %w", err)
	}
	for start := 0; start < len(ids); start += 1000 {
		batch := ids[start:min(start+1000, len(ids))]
		if _, err := write(ctx, s, func(tx neo4j.ManagedTransaction) (struct{}, error) {
			return struct{}{}, recount(ctx, tx, batch)
		}); err != nil {
			return fmt.Errorf("migrating: counts: %w", err)
		}
	}
	_, err = write(ctx, s, func(tx neo4j.ManagedTransaction) (struct{}, error) {
		return struct{}{}, exec(ctx, tx, setSchemaVersion, map[string]any{"version": schemaVersion})
	})
	return err
}
