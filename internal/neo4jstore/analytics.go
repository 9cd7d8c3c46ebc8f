package neo4jstore

import (
	"cmp"
	"context"
	"slices"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// meetingScope returns the clauses that bind m to the meetings of a council
// (from the council's id index) and period, with their parameters.
func meetingScope(councilID string, dates domain.DateRange) (string, map[string]any, error) {
	if err := dates.Validate("dates"); err != nil {
		return "", nil, err
	}
	params := map[string]any{}
	q := "MATCH (m:" + labelMeeting + ") "
	if councilID != "" {
		q = "MATCH (:" + labelCouncil + " {" + propID + ": $councilID})<-[:" + relPartOf + "]-(m:" + labelMeeting + ") "
		params["councilID"] = councilID
	}
	from, to := dates.Bounds()
	switch {
	case from != "" && to != "":
		q += "WHERE m." + propDateEnd + " >= $dateFrom AND m." + propDateStart + " <= $dateTo "
	case from != "":
		q += "WHERE m." + propDateEnd + " >= $dateFrom "
	case to != "":
		q += "WHERE m." + propDateStart + " <= $dateTo "
	}
	if from != "" {
		params["dateFrom"] = from
	}
	if to != "" {
		params["dateTo"] = to
	}
	return q, params, nil
}

// recurrenceRows returns, for each subject (an initiative or theme) of $ids,
// the meetings that mention it themselves or through a recommendation, with
// the recommendations of the meeting that do. The meetings come from the
// subject by its id index, then pass the filter.
const recurrenceRows = "UNWIND $ids AS sid MATCH (s:" + labelNode + " {" + propID + ": sid}) " +
	"WHERE s:" + labelInitiative + " OR s:" + labelTheme + " " +
	"CALL (s) { MATCH (s)<-[:" + relMentions + "|" + relAbout + "]-(m:" + labelMeeting + ") RETURN m " +
	"UNION MATCH (s)<-[:" + relMentions + "|" + relAbout + "]-(:" + labelRecommendation + ")<-[:" + relProduced + "]-(m:" + labelMeeting + ") RETURN m } " +
	"WITH sid, s, m WHERE ($councilID IS NULL OR EXISTS { (m)-[:" + relPartOf + "]->(:" + labelCouncil + " {" + propID + ": $councilID}) }) " +
	"AND ($dateFrom IS NULL OR m." + propDateEnd + " >= $dateFrom) AND ($dateTo IS NULL OR m." + propDateStart + " <= $dateTo) " +
	"RETURN sid, m." + propID + " AS meeting, m." + propDate + " AS date, m." + propDateKey + " AS dateKey, " +
	"head(COLLECT { MATCH (m)-[:" + relPartOf + "]->(c:" + labelCouncil + ") RETURN c." + propID + " }) AS council, " +
	"COUNT { MATCH (m)-[:" + relProduced + "]->(:" + labelRecommendation + ")-[:" + relMentions + "|" + relAbout + "]->(s) } AS recs"

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
	want := distinct(ids)
	if len(want) == 0 {
		return out, nil
	}
	from, to := f.Dates.Bounds()
	params := map[string]any{"ids": want, "councilID": nilIfEmpty(f.CouncilID), "dateFrom": nilIfEmpty(from), "dateTo": nilIfEmpty(to)}
	type row struct {
		subject, meeting, dateKey, council string
		date                               domain.Date
		recs                               int
	}
	rows, err := read(ctx, s, func(tx neo4j.ManagedTransaction) ([]row, error) {
		return run(ctx, tx, recurrenceRows, params, func(rec *neo4j.Record) (row, error) {
			var f fields
			r := row{
				subject: value[string](&f, rec, "sid"),
				meeting: value[string](&f, rec, "meeting"),
				dateKey: value[string](&f, rec, "dateKey"),
				council: value[string](&f, rec, "council"),
				recs:    int(value[int64](&f, rec, "recs")),
			}
			r.date = f.parseDate(value[string](&f, rec, "date"), "date")
			return r, f.err
		})
	})
	if err != nil {
		return nil, err
	}
	// Aggregate per subject in Go: a subject has a handful of meetings.
	bySubject := map[string][]row{}
	for _, r := range rows {
		bySubject[r.subject] = append(bySubject[r.subject], r)
	}
	results := map[string]*domain.Recurrence{}
	for sid, rs := range bySubject {
		slices.SortFunc(rs, func(a, b row) int {
			return cmp.Or(cmp.Compare(a.dateKey, b.dateKey), cmp.Compare(a.meeting, b.meeting))
		})
		r := &domain.Recurrence{SubjectID: sid, MeetingCount: len(rs),
			FirstMention: &domain.Mention{MeetingID: rs[0].meeting, Date: rs[0].date},
			LastMention:  &domain.Mention{MeetingID: rs[len(rs)-1].meeting, Date: rs[len(rs)-1].date}}
		years := map[int]*domain.YearCount{}
		councils := map[string]*domain.CouncilCount{}
		for _, x := range rs {
			r.RecommendationCount += x.recs
			y := years[x.date.Year]
			if y == nil {
				y = &domain.YearCount{Year: x.date.Year}
				years[x.date.Year] = y
				r.PerYear = append(r.PerYear, y)
			}
			y.Meetings++
			y.Recommendations += x.recs
			if x.council != "" {
				c := councils[x.council]
				if c == nil {
					c = &domain.CouncilCount{CouncilID: x.council}
					councils[x.council] = c
					r.Councils = append(r.Councils, c)
				}
				c.Meetings++
				c.Recommendations += x.recs
			}
		}
		slices.SortFunc(r.PerYear, func(a, b *domain.YearCount) int { return cmp.Compare(a.Year, b.Year) })
		slices.SortFunc(r.Councils, func(a, b *domain.CouncilCount) int {
			return cmp.Or(cmp.Compare(b.Meetings, a.Meetings), cmp.Compare(a.CouncilID, b.CouncilID))
		})
		results[sid] = r
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
		"UNION MATCH (m)<-[ap:" + relAppearedAt + "]-(:" + labelPerson + ") MATCH (x:" + labelInstitution + " {" + propID + ": ap." + propInstitutionID + "}) RETURN x } " +
		"WITH m, collect(x) AS xs "

	pairsOrder = " RETURN a, b, w ORDER BY w DESC, a." + propID + ", b." + propID + " LIMIT $limit"

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
	pairsInstitutionCouncils = "MATCH (m)-[:" + relPartOf + "]->(b:" + labelCouncil + ") " +
		"MATCH (m)<-[ap:" + relAppearedAt + "]-(:" + labelPerson + ") MATCH (a:" + labelInstitution + " {" + propID + ": ap." + propInstitutionID + "}) " +
		"WITH a, b, count(ap) AS w" + pairsOrder
)

// Pair limits.
const (
	DefaultPairLimit = 50
	MaxPairLimit     = 500
)

// Pairs returns weighted pairs ordered by weight descending, then A.ID, then B.ID.
func (s *Store) Pairs(ctx context.Context, q domain.PairQuery) ([]*domain.WeightedPair, error) {
	if q.Scope != "" && q.Scope != domain.ScopeRecommendation && q.Scope != domain.ScopeMeeting {
		return nil, domain.Invalidf("scope", "unknown scope %q; RECOMMENDATION or MEETING", q.Scope)
	}
	limit := q.Limit
	switch {
	case limit == 0:
		limit = DefaultPairLimit
	case limit < 0 || limit > MaxPairLimit:
		return nil, domain.Invalidf("limit", "limit must be 1..%d (got %d)", MaxPairLimit, q.Limit)
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
	default:
		return nil, domain.Invalidf("kind", "unknown pair kind %q; one of %v", q.Kind, domain.PairKinds)
	}
	scope, params, err := meetingScope(q.CouncilID, q.Dates)
	if err != nil {
		return nil, err
	}
	params["limit"] = limit
	return read(ctx, s, func(tx neo4j.ManagedTransaction) ([]*domain.WeightedPair, error) {
		return run(ctx, tx, scope+"WITH m "+body, params, func(rec *neo4j.Record) (*domain.WeightedPair, error) {
			var f fields
			p := &domain.WeightedPair{
				A:      *refOf(&f, f.node(rec, "a")),
				B:      *refOf(&f, f.node(rec, "b")),
				Weight: int(value[int64](&f, rec, "w")),
			}
			return p, f.err
		})
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
	countSpeakersPerCountry = "MATCH (m)<-[:" + relAppearedAt + "]-(p:" + labelPerson + ")-[:" + relCitizenOf + "]->(x:" + labelCountry + ") " +
		"WITH x, count(DISTINCT p) AS n RETURN x." + propID + " AS key, x." + propName + " AS label, n" + countOrder
	countSpeakersPerInstitution = "MATCH (m)<-[ap:" + relAppearedAt + "]-(p:" + labelPerson + ") " +
		"MATCH (x:" + labelInstitution + " {" + propID + ": ap." + propInstitutionID + "}) " +
		"WITH x, count(DISTINCT p) AS n RETURN x." + propID + " AS key, x." + propName + " AS label, n" + countOrder
)

// Count returns an aggregate ordered by count descending, then key;
// MEETINGS_PER_YEAR by year ascending.
func (s *Store) Count(ctx context.Context, q domain.CountQuery) ([]*domain.KeyCount, error) {
	body, ok := map[domain.CountBy]string{
		domain.MeetingsPerYear:              countMeetingsPerYear,
		domain.MeetingsPerCouncil:           countMeetingsPerCouncil,
		domain.MeetingsPerCountry:           countMeetingsPerCountry,
		domain.MeetingsPerCity:              countMeetingsPerCity,
		domain.RecommendationsPerTheme:      countRecommendationsPerTheme,
		domain.RecommendationsPerInitiative: countRecommendationsPerInitiative,
		domain.RecommendationsPerKind:       countRecommendationsPerKind,
		domain.SpeakersPerCountry:           countSpeakersPerCountry,
		domain.SpeakersPerInstitution:       countSpeakersPerInstitution,
	}[q.By]
	if !ok {
		return nil, domain.Invalidf("by", "unknown aggregate %q; one of %v", q.By, domain.CountBys)
	}
	scope, params, err := meetingScope(q.CouncilID, q.Dates)
	if err != nil {
		return nil, err
	}
	return read(ctx, s, func(tx neo4j.ManagedTransaction) ([]*domain.KeyCount, error) {
		return run(ctx, tx, scope+"WITH m "+body, params, func(rec *neo4j.Record) (*domain.KeyCount, error) {
			var f fields
			k := &domain.KeyCount{
				Key:   value[string](&f, rec, "key"),
				Label: value[string](&f, rec, "label"),
				Count: int(value[int64](&f, rec, "n")),
			}
			return k, f.err
		})
	})
}
