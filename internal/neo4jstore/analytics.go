package neo4jstore

import (
	"cmp"
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// meetingScope returns the clauses that bind m to the meetings f keeps: from
// the index seek of the first node f names, or of its period, or else from
// the date index (every meeting has a date), never from a scan of the label.
func meetingScope(f domain.MeetingFilter) (string, map[string]any) {
	lq := listQuery{label: labelMeeting}
	t := newTerms()
	fs := t.meeting(f)
	lq.add(t, fs)
	drives := false
	for _, x := range fs {
		drives = drives || len(x.patterns) > 0 || x.query != ""
	}
	if !drives && f.Dates == (domain.DateRange{}) {
		lq.cond("n." + propDateKey + " IS NOT NULL")
	}
	return lq.body(false) + "WITH n AS m ", lq.params
}

// checkIDs returns EINVALID for an ID argument of an analytic query that
// names no node of its kind (domain.CheckIDs), looking the kinds up in tx.
func checkIDs(ctx context.Context, tx neo4j.ManagedTransaction, args []domain.IDArg) error {
	ids := domain.IDs(args)
	if len(ids) == 0 {
		return domain.CheckIDs(func(string) domain.Kind { return "" }, args...)
	}
	rows, err := run(ctx, tx, kindsByID, map[string]any{"ids": distinct(ids)}, func(rec *neo4j.Record) ([2]string, error) {
		var f fields
		id := value[string](&f, rec, "id")
		labels := f.strings(value[[]any](&f, rec, "labels"), "labels")
		return [2]string{id, string(kindOfLabels(labels))}, f.err
	})
	if err != nil {
		return err
	}
	kinds := map[string]domain.Kind{}
	for _, r := range rows {
		kinds[r[0]] = domain.Kind(r[1])
	}
	return domain.CheckIDs(func(id string) domain.Kind { return kinds[id] }, args...)
}

// recurrenceQuery returns, for each subject (an initiative or theme) of
// $ids, its mentions at the meetings that pass meetingCond (on n), grouped
// by year and council: the meetings come from the subject by its id index,
// those that mention it through recommendations with the number of such
// recommendations (counted from the subject's side). Each group carries its
// first and last meeting as "dateKey id" (fixed-width dates, and a space
// sorts below every character of an ID, so the text orders as the pair).
// Recurrence adds the groups up; a subject has far fewer groups than
// meetings, and no group needs the whole list in memory. The groups come
// back as one list in one record: the driver reads each record as a message
// of its own, and a few hundred groups cost more to receive one by one than
// to build.
func recurrenceQuery(meetingCond string) string {
	return "UNWIND $ids AS sid MATCH (s:" + labelNode + " {" + propID + ": sid}) " +
		"WHERE s:" + labelInitiative + " OR s:" + labelTheme + " " +
		"CALL (s) { MATCH (s)<-[:" + relMentions + "|" + relAbout + "]-(:" + labelRecommendation + ")<-[:" + relProduced + "]-(m:" + labelMeeting + ") " +
		"RETURN m, count(*) AS recs " +
		"UNION ALL MATCH (s)<-[:" + relMentions + "|" + relAbout + "]-(m:" + labelMeeting + ") RETURN m, 0 AS recs } " +
		"WITH sid, m AS n, sum(recs) AS recs WHERE " + meetingCond + " " +
		"WITH sid, n, recs, toInteger(left(n." + propDateKey + ", 4)) AS year, " +
		"head(COLLECT { MATCH (n)-[:" + relPartOf + "]->(c:" + labelCouncil + ") RETURN c." + propID + " }) AS council " +
		"WITH sid, year, council, count(n) AS meetings, sum(recs) AS recs, " +
		"min(n." + propDateKey + " + ' ' + n." + propID + ") AS first, max(n." + propDateKey + " + ' ' + n." + propID + ") AS last " +
		"RETURN collect([sid, year, council, meetings, recs, first, last]) AS groups"
}

// mentionOf reads a "dateKey id" text of recurrenceQuery.
func mentionOf(f *fields, key string) *domain.Mention {
	dateKey, id, ok := strings.Cut(key, " ")
	var d domain.Date
	if _, err := fmt.Sscanf(dateKey, "%04d-%02d-%02d", &d.Year, &d.Month, &d.Day); err != nil || !ok {
		f.fail(fmt.Errorf("recurrence: a mention %q is not \"dateKey id\"", key))
	}
	return &domain.Mention{MeetingID: id, Date: d}
}

// Recurrence returns, for each initiative or theme ID, how often it was
// mentioned at the meetings that pass the filter.
func (s *Store) Recurrence(ctx context.Context, ids []string, f domain.RecurrenceFilter) ([]*domain.Recurrence, error) {
	if err := f.Dates.Validate("dates"); err != nil {
		return nil, err
	}
	out := make([]*domain.Recurrence, len(ids))
	for i, id := range ids {
		out[i] = &domain.Recurrence{SubjectID: id}
	}
	t := newTerms()
	query := recurrenceQuery(expr(t.meeting(f.Meetings())))
	params := t.params
	params["ids"] = distinct(ids)
	type group struct {
		subject, council, first, last string
		year, meetings, recs          int
	}
	groups, err := read(ctx, s, func(tx neo4j.ManagedTransaction) ([]group, error) {
		if err := checkIDs(ctx, tx, domain.RecurrenceArgs(ids, f)); err != nil {
			return nil, err
		}
		rows, err := run(ctx, tx, query, params, func(rec *neo4j.Record) ([]group, error) {
			var f fields
			raw := value[[]any](&f, rec, "groups")
			gs := make([]group, 0, len(raw))
			for _, x := range raw {
				row := asList(&f, x)
				if len(row) != 7 {
					f.fail(fmt.Errorf("neo4jstore: a recurrence group of %d values", len(row)))
					break
				}
				gs = append(gs, group{
					subject: f.textAt(row[0], "sid"), year: f.intAt(row[1], "year"), council: f.textAt(row[2], "council"),
					meetings: f.intAt(row[3], "meetings"), recs: f.intAt(row[4], "recs"),
					first: f.textAt(row[5], "first"), last: f.textAt(row[6], "last"),
				})
			}
			return gs, f.err
		})
		if err != nil || len(rows) == 0 {
			return nil, err
		}
		return rows[0], nil
	})
	if err != nil {
		return nil, err
	}
	results := map[string]*domain.Recurrence{}
	firsts, lasts := map[string]string{}, map[string]string{}
	years := map[string]map[int]*domain.YearCount{}
	councils := map[string]map[string]*domain.CouncilCount{}
	for _, g := range groups {
		r := results[g.subject]
		if r == nil {
			r = &domain.Recurrence{SubjectID: g.subject}
			results[g.subject] = r
			years[g.subject] = map[int]*domain.YearCount{}
			councils[g.subject] = map[string]*domain.CouncilCount{}
			firsts[g.subject], lasts[g.subject] = g.first, g.last
		}
		r.MeetingCount += g.meetings
		r.RecommendationCount += g.recs
		firsts[g.subject] = min(firsts[g.subject], g.first)
		lasts[g.subject] = max(lasts[g.subject], g.last)
		y := years[g.subject][g.year]
		if y == nil {
			y = &domain.YearCount{Year: g.year}
			years[g.subject][g.year] = y
			r.PerYear = append(r.PerYear, y)
		}
		y.Meetings += g.meetings
		y.Recommendations += g.recs
		if g.council != "" {
			c := councils[g.subject][g.council]
			if c == nil {
				c = &domain.CouncilCount{CouncilID: g.council}
				councils[g.subject][g.council] = c
				r.Councils = append(r.Councils, c)
			}
			c.Meetings += g.meetings
			c.Recommendations += g.recs
		}
	}
	var fl fields
	for sid, r := range results {
		r.FirstMention, r.LastMention = mentionOf(&fl, firsts[sid]), mentionOf(&fl, lasts[sid])
		slices.SortFunc(r.PerYear, func(a, b *domain.YearCount) int { return cmp.Compare(a.Year, b.Year) })
		slices.SortFunc(r.Councils, func(a, b *domain.CouncilCount) int {
			return cmp.Or(cmp.Compare(b.Meetings, a.Meetings), cmp.Compare(a.CouncilID, b.CouncilID))
		})
	}
	if fl.err != nil {
		return nil, fl.err
	}
	for i, id := range ids {
		if r := results[id]; r != nil {
			c := *r
			out[i] = &c
		}
	}
	return out, nil
}

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// Pairs: each query follows meetingScope (m bound) and returns a, b and w.
const (
	// subjectsAt collects what a meeting mentions, itself or through a
	// recommendation: initiatives (MENTIONS) or themes (ABOUT).
	initiativesAt = "CALL (m) { MATCH (m)-[:" + relMentions + "]->(x:" + labelInitiative + ") RETURN x " +
		"UNION MATCH (m)-[:" + relProduced + "]->(:" + labelRecommendation + ")-[:" + relMentions + "]->(x:" + labelInitiative + ") RETURN x } " +
		"WITH m, collect(x) AS inits "
	themesAt = "CALL (m) { MATCH (m)-[:" + relAbout + "]->(x:" + labelTheme + ") RETURN x " +
		"UNION MATCH (m)-[:" + relProduced + "]->(:" + labelRecommendation + ")-[:" + relAbout + "]->(x:" + labelTheme + ") RETURN x } " +
		"WITH m, inits, collect(x) AS themes "
	// institutionsAt collects the institutions involved in a meeting: its
	// organisers and the institutions of its appearances.
	institutionsAt = "CALL (m) { MATCH (m)-[:" + relOrganizedBy + "]->(x:" + labelInstitution + ") RETURN x " +
		"UNION MATCH (m)<-[ap:" + relAppearedAt + "]-(:" + labelPerson + ") WHERE ap." + propInstitutionID + " IS NOT NULL " +
		"WITH DISTINCT ap." + propInstitutionID + " AS iid MATCH (x:" + labelInstitution + " {" + propID + ": iid}) RETURN x } " +
		"WITH m, collect(x) AS xs "

	pairsOrder = " WITH a, b, w ORDER BY w DESC, a." + propID + ", b." + propID + " LIMIT $limit " +
		"RETURN a" + refProps + "labels(a)} AS a, b" + refProps + "labels(b)} AS b, w" // refItem

	pairsInitiativesInRecommendations = "MATCH (m)-[:" + relProduced + "]->(r:" + labelRecommendation + ") " +
		"MATCH (a:" + labelInitiative + ")<-[:" + relMentions + "]-(r)-[:" + relMentions + "]->(b:" + labelInitiative + ") WHERE a." + propID + " < b." + propID + " " +
		"WITH a, b, count(r) AS w" + pairsOrder
	pairsInitiativeThemesInRecommendations = "MATCH (m)-[:" + relProduced + "]->(r:" + labelRecommendation + ") " +
		"MATCH (a:" + labelInitiative + ")<-[:" + relMentions + "]-(r)-[:" + relAbout + "]->(b:" + labelTheme + ") " +
		"WITH a, b, count(r) AS w" + pairsOrder
	pairsThemesInRecommendations = "MATCH (m)-[:" + relProduced + "]->(r:" + labelRecommendation + ") " +
		"MATCH (a:" + labelTheme + ")<-[:" + relAbout + "]-(r)-[:" + relAbout + "]->(b:" + labelTheme + ") WHERE a." + propID + " < b." + propID + " " +
		"WITH a, b, count(r) AS w" + pairsOrder
	pairsInitiativesAtMeetings = initiativesAt +
		"UNWIND inits AS a UNWIND inits AS b WITH m, a, b WHERE a." + propID + " < b." + propID + " " +
		"WITH a, b, count(m) AS w" + pairsOrder
	pairsInitiativeThemesAtMeetings = initiativesAt + themesAt +
		"UNWIND inits AS a UNWIND themes AS b WITH a, b, count(m) AS w" + pairsOrder
	pairsThemesAtMeetings = "WITH m, [] AS inits " + themesAt +
		"UNWIND themes AS a UNWIND themes AS b WITH m, a, b WHERE a." + propID + " < b." + propID + " " +
		"WITH a, b, count(m) AS w" + pairsOrder
	pairsPeople = "MATCH (a:" + labelPerson + ")-[:" + relAppearedAt + "]->(m)<-[:" + relAppearedAt + "]-(b:" + labelPerson + ") " +
		"WHERE a." + propID + " < b." + propID + " WITH a, b, count(m) AS w" + pairsOrder
	pairsInstitutions = institutionsAt +
		"UNWIND xs AS a UNWIND xs AS b WITH m, a, b WHERE a." + propID + " < b." + propID + " " +
		"WITH a, b, count(m) AS w" + pairsOrder
	// Appearances are grouped by institution ID and council, and only the
	// heaviest pairs' institutions are sought (an institution's ID orders as
	// the institution does, and every appearance's institution is stored:
	// domain.Store). An appearance is always a person's (mergeAppearances
	// alone makes them), so its person is not read.
	pairsInstitutionCouncils = "MATCH (m)-[:" + relPartOf + "]->(b:" + labelCouncil + ") " +
		"MATCH (m)<-[ap:" + relAppearedAt + "]-() WHERE ap." + propInstitutionID + " IS NOT NULL " +
		"WITH ap." + propInstitutionID + " AS iid, b, count(ap) AS w ORDER BY w DESC, iid, b." + propID + " LIMIT $limit " +
		"MATCH (a:" + labelInstitution + " {" + propID + ": iid}) " +
		"WITH a, b, w" + pairsOrder
)

// Pairs returns weighted pairs ordered by weight descending, then A.ID, then B.ID.
func (s *Store) Pairs(ctx context.Context, q domain.PairQuery) ([]*domain.WeightedPair, error) {
	limit, err := q.Check()
	if err != nil {
		return nil, err
	}
	atMeetings := q.Scope == domain.ScopeMeeting
	var body string
	switch q.Kind {
	case domain.PairInitiativeInitiative:
		body = pick(atMeetings, pairsInitiativesAtMeetings, pairsInitiativesInRecommendations)
	case domain.PairInitiativeTheme:
		body = pick(atMeetings, pairsInitiativeThemesAtMeetings, pairsInitiativeThemesInRecommendations)
	case domain.PairThemeTheme:
		body = pick(atMeetings, pairsThemesAtMeetings, pairsThemesInRecommendations)
	case domain.PairPersonPerson:
		body = pairsPeople
	case domain.PairInstitutionInstitution:
		body = pairsInstitutions
	case domain.PairInstitutionCouncil:
		body = pairsInstitutionCouncils
	}
	if err := q.Dates.Validate("dates"); err != nil {
		return nil, err
	}
	if err := q.Filter.Validate("filter"); err != nil {
		return nil, err
	}
	scope, params := meetingScope(q.Meetings())
	params["limit"] = limit
	return read(ctx, s, func(tx neo4j.ManagedTransaction) ([]*domain.WeightedPair, error) {
		ps, err := run(ctx, tx, scope+body, params, func(rec *neo4j.Record) (*domain.WeightedPair, error) {
			var f fields
			p := &domain.WeightedPair{
				A:      *refOf(&f, f.refAt(rec, "a")),
				B:      *refOf(&f, f.refAt(rec, "b")),
				Weight: int(value[int64](&f, rec, "w")),
			}
			return p, f.err
		})
		// The scope finds meetings only through nodes of the kinds its IDs
		// must name, so pairs found prove them right: the IDs are looked
		// up only to tell an empty answer from a wrong ID.
		if err != nil || len(ps) > 0 {
			return ps, err
		}
		return ps, checkIDs(ctx, tx, q.Args())
	})
}

func pick(cond bool, yes, no string) string {
	if cond {
		return yes
	}
	return no
}

// Count: each query follows meetingScope (m bound) and returns key, label
// and n; countOrder sorts by count descending, then key.
const (
	countOrder = " ORDER BY n DESC, key"

	countMeetingsPerYear    = "WITH left(m." + propDateKey + ", 4) AS key, count(m) AS n RETURN key, key AS label, n ORDER BY key"
	countMeetingsPerCouncil = "MATCH (m)-[:" + relPartOf + "]->(x:" + labelCouncil + ") " +
		"WITH x, count(m) AS n RETURN x." + propID + " AS key, x." + propName + " AS label, n" + countOrder
	countMeetingsPerCountry = "MATCH (m)-[:" + relHeldIn + "]->(:" + labelPlace + ")-[:" + relLocatedIn + "]->(x:" + labelCountry + ") " +
		"WITH x, count(m) AS n RETURN x." + propID + " AS key, x." + propName + " AS label, n" + countOrder
	countMeetingsPerCity = "MATCH (m)-[:" + relHeldIn + "]->(x:" + labelPlace + ") " +
		"WITH x, count(m) AS n RETURN x." + propID + " AS key, x." + propName + " AS label, n" + countOrder
	countRecommendationsPerTheme = "MATCH (m)-[:" + relProduced + "]->(r:" + labelRecommendation + ")-[:" + relAbout + "]->(x:" + labelTheme + ") " +
		"WITH x, count(r) AS n RETURN x." + propID + " AS key, x." + propName + " AS label, n" + countOrder
	countRecommendationsPerInitiative = "MATCH (m)-[:" + relProduced + "]->(r:" + labelRecommendation + ")-[:" + relMentions + "]->(x:" + labelInitiative + ") " +
		"WITH x, count(r) AS n RETURN x." + propID + " AS key, x." + propName + " AS label, n" + countOrder
	countRecommendationsPerKind = "MATCH (m)-[:" + relProduced + "]->(r:" + labelRecommendation + ") " +
		"WITH r." + propKind + " AS key, count(r) AS n RETURN key, key AS label, n" + countOrder
	// Each speaker once, then their countries: a busy speaker's
	// appearances would each expand the person's relationships again.
	countSpeakersPerCountry = "MATCH (m)<-[:" + relAppearedAt + "]-(p:" + labelPerson + ") WITH DISTINCT p " +
		"MATCH (p)-[:" + relCitizenOf + "]->(x:" + labelCountry + ") " +
		"WITH x, count(p) AS n RETURN x." + propID + " AS key, x." + propName + " AS label, n" + countOrder
	countSpeakersPerInstitution = "MATCH (m)<-[ap:" + relAppearedAt + "]-(p:" + labelPerson + ") WHERE ap." + propInstitutionID + " IS NOT NULL " +
		"WITH ap." + propInstitutionID + " AS iid, count(DISTINCT p) AS n MATCH (x:" + labelInstitution + " {" + propID + ": iid}) " +
		"RETURN x." + propID + " AS key, x." + propName + " AS label, n" + countOrder
)

// countWhole answers the aggregates that are counts every write keeps
// (counts.go), over every meeting, from their range indexes.
var countWhole = map[domain.CountBy]string{
	domain.RecommendationsPerTheme:      countFromProperty(labelTheme, propRecCount),
	domain.RecommendationsPerInitiative: countFromProperty(labelInitiative, propRecCount),
	domain.SpeakersPerInstitution:       countFromProperty(labelInstitution, propSpeakerCount),
}

func countFromProperty(label, prop string) string {
	return "MATCH (x:" + label + ") WHERE x." + prop + " > 0 " +
		"RETURN x." + propID + " AS key, x." + propName + " AS label, x." + prop + " AS n" + countOrder
}

// countQuery returns the query of an aggregate: over every meeting, from
// the kept counts where there are some; otherwise over the meetings q keeps.
func countQuery(q domain.CountQuery, body string) (string, map[string]any) {
	if whole, ok := countWhole[q.By]; ok && q.Meetings().IsZero() {
		return whole, nil
	}
	scope, params := meetingScope(q.Meetings())
	return scope + body, params
}

// countBodies are the aggregates of Count over the meetings m of a scope.
var countBodies = map[domain.CountBy]string{
	domain.MeetingsPerYear:              countMeetingsPerYear,
	domain.MeetingsPerCouncil:           countMeetingsPerCouncil,
	domain.MeetingsPerCountry:           countMeetingsPerCountry,
	domain.MeetingsPerCity:              countMeetingsPerCity,
	domain.RecommendationsPerTheme:      countRecommendationsPerTheme,
	domain.RecommendationsPerInitiative: countRecommendationsPerInitiative,
	domain.RecommendationsPerKind:       countRecommendationsPerKind,
	domain.SpeakersPerCountry:           countSpeakersPerCountry,
	domain.SpeakersPerInstitution:       countSpeakersPerInstitution,
}

// Count returns an aggregate ordered by count descending, then key;
// MEETINGS_PER_YEAR by year ascending.
func (s *Store) Count(ctx context.Context, q domain.CountQuery) ([]*domain.KeyCount, error) {
	out, err := s.Counts(ctx, []domain.CountQuery{q})
	if err != nil {
		return nil, err
	}
	return out[0], nil
}

// Counts answers qs in one statement: each aggregate in a subquery of its
// own (its parameters renamed apart), and the kinds of the IDs they are
// scoped to, which are checked once the answer is in.
func (s *Store) Counts(ctx context.Context, qs []domain.CountQuery) ([][]*domain.KeyCount, error) {
	var args []domain.IDArg
	var parts, cols []string
	params := map[string]any{}
	for i, q := range qs {
		if err := q.Check(); err != nil {
			return nil, err
		}
		if err := q.Dates.Validate("dates"); err != nil {
			return nil, err
		}
		if err := q.Filter.Validate("filter"); err != nil {
			return nil, err
		}
		query, ps := countQuery(q, countBodies[q.By])
		prefix := fmt.Sprintf("c%d_", i)
		for k, v := range ps {
			params[prefix+k] = v
		}
		col := fmt.Sprintf("c%d", i)
		parts = append(parts, "CALL () { CALL () { "+paramRe.ReplaceAllString(query, "$$"+prefix+"$1")+" } "+
			"RETURN collect([key, label, n]) AS "+col+" }")
		cols = append(cols, col)
		args = append(args, q.Args()...)
	}
	if len(qs) == 0 {
		return [][]*domain.KeyCount{}, nil
	}
	params["ids"] = distinct(domain.IDs(args))
	query := strings.Join(parts, " ") + " RETURN " + strings.Join(cols, ", ") + ", " +
		"COLLECT { UNWIND $ids AS id MATCH (n:" + labelNode + " {" + propID + ": id}) RETURN [id, labels(n)] } AS kinds"
	type answer struct {
		counts [][]*domain.KeyCount
		kinds  map[string]domain.Kind
	}
	rows, err := read(ctx, s, func(tx neo4j.ManagedTransaction) ([]answer, error) {
		return run(ctx, tx, query, params, func(rec *neo4j.Record) (answer, error) {
			var f fields
			a := answer{kinds: map[string]domain.Kind{}}
			for _, col := range cols {
				var ks []*domain.KeyCount
				for _, x := range value[[]any](&f, rec, col) {
					row := asList(&f, x)
					if len(row) != 3 {
						f.fail(fmt.Errorf("neo4jstore: a count row of %d values", len(row)))
						continue
					}
					key, _ := row[0].(string)
					label, _ := row[1].(string)
					n, _ := row[2].(int64)
					ks = append(ks, &domain.KeyCount{Key: key, Label: label, Count: int(n)})
				}
				a.counts = append(a.counts, ks)
			}
			for _, x := range value[[]any](&f, rec, "kinds") {
				if row := asList(&f, x); len(row) == 2 {
					id, _ := row[0].(string)
					a.kinds[id] = kindOfLabels(f.strings(asList(&f, row[1]), "labels"))
				}
			}
			return a, f.err
		})
	})
	if err != nil {
		return nil, err
	}
	if len(rows) != 1 {
		return nil, fmt.Errorf("neo4jstore: counts returned %d rows, want 1", len(rows))
	}
	a := rows[0]
	for _, q := range qs {
		if err := domain.CheckIDs(func(id string) domain.Kind { return a.kinds[id] }, q.Args()...); err != nil {
			return nil, err
		}
	}
	for i, q := range qs {
		sortCounts(q.By, a.counts[i])
	}
	return a.counts, nil
}

// paramRe matches a parameter of a statement, and its name.
var paramRe = regexp.MustCompile(`\$([A-Za-z_][A-Za-z0-9_]*)`)

// sortCounts orders xs as Count does (rows collected from a subquery keep
// no order Cypher promises).
func sortCounts(by domain.CountBy, xs []*domain.KeyCount) {
	slices.SortStableFunc(xs, func(a, b *domain.KeyCount) int {
		if by == domain.MeetingsPerYear {
			return cmp.Compare(a.Key, b.Key)
		}
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Key, b.Key))
	})
}
