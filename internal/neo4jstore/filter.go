package neo4jstore

import (
	"fmt"
	"strings"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// terms turns the filters of meetings, people and recommendations, combined
// with And, Or and Not, into the conditions of a list (listQuery.filters) on
// n. Each value gets a parameter of its own ($f0, $f1, ...), so that one
// field may appear in several parts of a filter.
//
// A field that names a node becomes a pattern that starts from that node's
// id index; the fields of the outermost filter and of its And are
// conditions of the list itself, the first of which may drive it (listQuery.body).
// Or and Not become one condition each: an expression of EXISTS subqueries.
type terms struct {
	params map[string]any
	n      int
}

func newTerms() *terms { return &terms{params: map[string]any{}} }

// p returns a new parameter holding v.
func (t *terms) p(v any) string {
	name := fmt.Sprintf("f%d", t.n)
	t.n++
	t.params[name] = v
	return "$" + name
}

// id returns the pattern of a node of label with the ID v, as a parameter.
func (t *terms) id(label, v string) string {
	return "(:" + label + " {" + propID + ": " + t.p(v) + "})"
}

// expr returns the conditions fs as one expression on n: "true" for none.
func expr(fs []filter) string {
	if len(fs) == 0 {
		return "true"
	}
	parts := make([]string, len(fs))
	for i, f := range fs {
		if f.cond != "" {
			parts[i] = "(" + f.cond + ")"
			continue
		}
		alts := make([]string, len(f.patterns))
		for j, p := range f.patterns {
			alts[j] = "EXISTS { MATCH " + p + " }"
		}
		parts[i] = "(" + strings.Join(alts, " OR ") + ")"
	}
	return strings.Join(parts, " AND ")
}

// combine adds the And, Or and Not of a filter to its conditions.
func combine[F any](fs []filter, and, or []F, not *F, each func(F) []filter) []filter {
	for _, g := range and {
		fs = append(fs, each(g)...)
	}
	if len(or) > 0 {
		// When every branch has a pattern, the first pattern of each (its
		// alternatives) finds a superset of the nodes from their index
		// seeks, so that the Or may drive the list; the expression decides.
		alts := make([]string, len(or))
		var drivers []string
		every := true
		for i, g := range or {
			branch := each(g)
			alts[i] = expr(branch)
			d := firstPatterns(branch)
			every = every && d != nil
			drivers = append(drivers, d...)
		}
		if !every {
			drivers = nil
		}
		fs = append(fs, filter{patterns: drivers, cond: "(" + strings.Join(alts, " OR ") + ")"})
	}
	if not != nil {
		fs = append(fs, filter{cond: "NOT (" + expr(each(*not)) + ")"})
	}
	return fs
}

// firstPatterns returns the patterns of the first filter of fs that has
// patterns, nil if none has: a superset of the nodes fs holds for.
func firstPatterns(fs []filter) []string {
	for _, f := range fs {
		if len(f.patterns) > 0 {
			return f.patterns
		}
	}
	return nil
}

// dates returns the condition that the meeting m overlaps r (DateRange.Contains), "" for no range.
func (t *terms) dates(m string, r domain.DateRange) string {
	from, to := r.Bounds()
	var conds []string
	if from != "" {
		conds = append(conds, m+"."+propDateEnd+" >= "+t.p(from))
	}
	if to != "" {
		conds = append(conds, m+"."+propDateStart+" <= "+t.p(to))
	}
	return strings.Join(conds, " AND ")
}

// meeting returns the conditions of a meeting filter, the most selective
// first (the first pattern drives the list).
func (t *terms) meeting(f domain.MeetingFilter) []filter {
	const m = "(n:" + labelMeeting + ")"
	var fs []filter
	pat := func(ps ...string) { fs = append(fs, filter{patterns: ps}) }
	if f.PersonID != "" {
		pat(m + "<-[:" + relAppearedAt + "]-" + t.id(labelPerson, f.PersonID))
	}
	if f.PlaceID != "" {
		pat(m + "-[:" + relHeldIn + "]->" + t.id(labelPlace, f.PlaceID))
	}
	if f.CouncilID != "" {
		pat(m + "-[:" + relPartOf + "]->" + t.id(labelCouncil, f.CouncilID))
	}
	if f.InitiativeID != "" {
		x := t.id(labelInitiative, f.InitiativeID)
		pat(m+"-[:"+relMentions+"]->"+x, m+"-[:"+relProduced+"]->(:"+labelRecommendation+")-[:"+relMentions+"]->"+x)
	}
	if f.ThemeID != "" {
		x := t.id(labelTheme, f.ThemeID)
		pat(m+"-[:"+relAbout+"]->"+x, m+"-[:"+relProduced+"]->(:"+labelRecommendation+")-[:"+relAbout+"]->"+x)
	}
	if f.SpeakerInstitutionID != "" {
		// The speaker's appearance names the institution, and the speaker is
		// AFFILIATED_WITH it (derived), which lets the pattern start from it.
		v := t.p(f.SpeakerInstitutionID)
		pat(m + "<-[a:" + relAppearedAt + "]-(:" + labelPerson + ")-[:" + relAffiliatedWith + "]->(:" + labelInstitution +
			" {" + propID + ": " + v + "}) WHERE a." + propInstitutionID + " = " + v)
	}
	if f.InstitutionID != "" {
		// Organised it, or sent a speaker (as above).
		v := t.p(f.InstitutionID)
		pat(m+"-[:"+relOrganizedBy+"]->(:"+labelInstitution+" {"+propID+": "+v+"})",
			m+"<-[a:"+relAppearedAt+"]-(:"+labelPerson+")-[:"+relAffiliatedWith+"]->(:"+labelInstitution+" {"+propID+": "+v+"}) "+
				"WHERE a."+propInstitutionID+" = "+v)
	}
	if f.CountryID != "" {
		pat(m + "-[:" + relHeldIn + "]->(:" + labelPlace + ")-[:" + relLocatedIn + "]->" + t.id(labelCountry, f.CountryID))
	}
	if c := t.dates("n", f.Dates); c != "" {
		fs = append(fs, filter{cond: c})
	}
	return combine(fs, f.And, f.Or, f.Not, t.meeting)
}

// person returns the conditions of a person filter. Each is a condition on
// the person alone.
func (t *terms) person(f domain.PersonFilter) []filter {
	const n = "(n:" + labelPerson + ")"
	var fs []filter
	pat := func(ps ...string) { fs = append(fs, filter{patterns: ps}) }
	if f.AttendedAllOf != "" {
		// Appeared at as many of the council's meetings as it has, one or
		// more (a person appears at most once per meeting). To drive, the
		// council's meetings are counted once and its appearances grouped
		// by person; as a condition, both are counted for each person.
		v := t.p(f.AttendedAllOf)
		c := "(:" + labelCouncil + " {" + propID + ": " + v + "})"
		held := "COUNT { (:" + labelMeeting + ")-[:" + relPartOf + "]->" + c + " }"
		fs = append(fs, filter{
			query: "MATCH (c:" + labelCouncil + " {" + propID + ": " + v + "}) WITH c, COUNT { (:" + labelMeeting + ")-[:" + relPartOf + "]->(c) } AS held " +
				"WHERE held > 0 MATCH (c)<-[:" + relPartOf + "]-(:" + labelMeeting + ")<-[:" + relAppearedAt + "]-(n:" + labelPerson + ") " +
				"WITH n, held, count(*) AS attended WHERE attended = held RETURN n",
			cond: "COUNT { (n)-[:" + relAppearedAt + "]->(:" + labelMeeting + ")-[:" + relPartOf + "]->" + c + " } = " + held + " AND " + held + " > 0",
		})
	}
	if f.InstitutionID != "" {
		// Every appearance's institution is also an AFFILIATED_WITH link
		// (derived), so one pattern finds both.
		pat(n + "-[:" + relAffiliatedWith + "]->" + t.id(labelInstitution, f.InstitutionID))
	}
	if f.CouncilID != "" {
		pat(n + "-[:" + relAppearedAt + "]->(:" + labelMeeting + ")-[:" + relPartOf + "]->" + t.id(labelCouncil, f.CouncilID))
	}
	if f.CountryID != "" {
		pat(n + "-[:" + relCitizenOf + "]->" + t.id(labelCountry, f.CountryID))
	}
	if f.Role != "" {
		fs = append(fs, filter{cond: "EXISTS { MATCH (n)-[a:" + relAppearedAt + "]->() WHERE " + t.p(string(f.Role)) + " IN a." + propRoles + " }"})
	}
	if k := filterKey(f.Name); k != "" {
		fs = append(fs, filter{cond: "n." + propNames + " CONTAINS " + t.p(k)})
	}
	return combine(fs, f.And, f.Or, f.Not, t.person)
}

// recommendation returns the conditions of a recommendation filter.
func (t *terms) recommendation(f domain.RecommendationFilter) []filter {
	const r = "(n:" + labelRecommendation + ")"
	var fs []filter
	pat := func(ps ...string) { fs = append(fs, filter{patterns: ps}) }
	if f.MeetingID != "" {
		pat(t.id(labelMeeting, f.MeetingID) + "-[:" + relProduced + "]->" + r)
	}
	if f.InitiativeID != "" {
		pat(r + "-[:" + relMentions + "]->" + t.id(labelInitiative, f.InitiativeID))
	}
	if f.ThemeID != "" {
		pat(r + "-[:" + relAbout + "]->" + t.id(labelTheme, f.ThemeID))
	}
	if f.CountryID != "" {
		pat(r + "-[:" + relConcerns + "]->" + t.id(labelCountry, f.CountryID))
	}
	if f.CouncilID != "" {
		pat(t.id(labelCouncil, f.CouncilID) + "<-[:" + relPartOf + "]-(:" + labelMeeting + ")-[:" + relProduced + "]->" + r)
	}
	if f.Kind != "" {
		fs = append(fs, filter{cond: "n." + propKind + " = " + t.p(string(f.Kind))})
	}
	if c := t.dates("m", f.Dates); c != "" {
		// From the meetings' date indexes when nothing else drives.
		pat("(m:" + labelMeeting + ")-[:" + relProduced + "]->" + r + " WHERE " + c)
	}
	return combine(fs, f.And, f.Or, f.Not, t.recommendation)
}

// add adds conditions built by t to the list.
func (q *listQuery) add(t *terms, fs []filter) {
	q.filters = append(q.filters, fs...)
	if q.params == nil {
		q.params = map[string]any{}
	}
	for k, v := range t.params {
		q.params[k] = v
	}
}
