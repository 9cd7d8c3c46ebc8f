package neo4jstore

import (
	"context"
	"slices"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// Lists ordered by a count (domain.SortBy) read it from a property of the
// node, which a range index orders, so that a page walks the index instead of
// counting the links of every node of the label. Every write keeps the
// properties true: it finds the counted nodes near what it writes before and
// after the write (countedNear) and recounts them (recount), in the same
// transaction. A write that deletes or merges nodes must do the same.

// countedNear returns the IDs of the nodes whose counts may depend on the
// nodes of ids: the nodes themselves when they bear counts; the initiatives
// and themes a meeting (itself or through its recommendations) or a
// recommendation mentions; the people who appeared at a meeting and the
// institutions they appeared for; the meetings a person appeared at and the
// institutions the person appeared for.
const countedNearQuery = "UNWIND $ids AS id MATCH (n:" + labelNode + " {" + propID + ": id}) " +
	"CALL (n) { " +
	"MATCH (n)-[:" + relMentions + "|" + relAbout + "]->(x) RETURN x " +
	"UNION MATCH (n)-[:" + relProduced + "]->(:" + labelRecommendation + ")-[:" + relMentions + "|" + relAbout + "]->(x) RETURN x " +
	"UNION MATCH (n)<-[:" + relAppearedAt + "]-(x:" + labelPerson + ") RETURN x " +
	"UNION MATCH (n)-[:" + relAppearedAt + "]->(x:" + labelMeeting + ") RETURN x " +
	"UNION MATCH (n)-[a:" + relAppearedAt + "]-() WHERE a." + propInstitutionID + " IS NOT NULL " +
	"MATCH (x:" + labelInstitution + " {" + propID + ": a." + propInstitutionID + "}) RETURN x } " +
	"RETURN DISTINCT x." + propID + " AS id"

// recountQuery recomputes the counts of the nodes of $ids, each kind its own.
const recountQuery = "UNWIND $ids AS id MATCH (n:" + labelNode + " {" + propID + ": id}) " +
	"CALL (n) { WITH n WHERE n:" + labelInitiative + " OR n:" + labelTheme + " " +
	"SET n." + propMeetingCount + " = COUNT { MATCH (n)<-[:" + relMentions + "|" + relAbout + "]-(m:" + labelMeeting + ") RETURN m " +
	"UNION MATCH (n)<-[:" + relMentions + "|" + relAbout + "]-(:" + labelRecommendation + ")<-[:" + relProduced + "]-(m:" + labelMeeting + ") RETURN m }, " +
	"n." + propRecCount + " = COUNT { (n)<-[:" + relMentions + "|" + relAbout + "]-(:" + labelRecommendation + ") } } " +
	"CALL (n) { WITH n WHERE n:" + labelPerson + " SET n." + propAppearanceCount + " = COUNT { (n)-[:" + relAppearedAt + "]->(:" + labelMeeting + ") } } " +
	"CALL (n) { WITH n WHERE n:" + labelMeeting + " SET n." + propSpeakerCount + " = COUNT { (n)<-[:" + relAppearedAt + "]-(:" + labelPerson + ") } } " +
	// Every appearance's institution is also an AFFILIATED_WITH link
	// (derived), so the speakers are found from the institution.
	"CALL (n) { WITH n WHERE n:" + labelInstitution + " SET n." + propSpeakerCount + " = COUNT { " +
	"MATCH (n)<-[:" + relAffiliatedWith + "]-(p:" + labelPerson + ") " +
	"WHERE EXISTS { MATCH (p)-[a:" + relAppearedAt + "]->(:" + labelMeeting + ") WHERE a." + propInstitutionID + " = n." + propID + " } " +
	"RETURN DISTINCT p } }"

// countedNear returns the counted nodes near the nodes of ids (see countedNearQuery).
func countedNear(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) ([]string, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	return run(ctx, tx, countedNearQuery, map[string]any{"ids": ids}, func(rec *neo4j.Record) (string, error) {
		var f fields
		id := value[string](&f, rec, "id")
		return id, f.err
	})
}

// recountNear recomputes the counts of the nodes of ids, of before (the
// counted nodes near them before a write) and of the counted nodes near them
// now.
func recountNear(ctx context.Context, tx neo4j.ManagedTransaction, ids, before []string) error {
	after, err := countedNear(ctx, tx, ids)
	if err != nil {
		return err
	}
	all := slices.Concat(ids, before, after)
	slices.Sort(all)
	return recount(ctx, tx, slices.Compact(all))
}

// recount recomputes the counts of the nodes of ids; IDs of nodes without
// counts, or of none, are passed over.
func recount(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	return exec(ctx, tx, recountQuery, map[string]any{"ids": ids})
}

// countKey returns the sort key of a count order, or "" for an order by name or date.
func countKey(label string, by domain.SortBy) string {
	switch by {
	case domain.ByMeetings:
		return "n." + propMeetingCount
	case domain.ByRecommendations:
		return "n." + propRecCount
	case domain.ByAppearances:
		return "n." + propAppearanceCount
	case domain.BySpeakers:
		return "n." + propSpeakerCount
	}
	return ""
}

// variantsOf returns the variant keys of normalised names, joined by newlines.
func variantsOf(keys []string) string {
	var out []string
	for _, k := range keys {
		if v := domain.VariantKey(k); v != "" && !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return strings.Join(out, "\n")
}
