package neo4jstore

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// Recommendations.
const (
	recommendationFields = "n, " +
		"head(COLLECT { MATCH (n)<-[:" + relProduced + "]-(x:" + labelMeeting + ") RETURN x." + propID + " }) AS meeting, " +
		"COLLECT { MATCH (n)-[r:" + relMentions + "]->(x:" + labelInitiative + ") RETURN x." + propID + " ORDER BY r." + propPosition + " } AS initiatives, " +
		"COLLECT { MATCH (n)-[r:" + relAbout + "]->(x:" + labelTheme + ") RETURN x." + propID + " ORDER BY r." + propPosition + " } AS themes, " +
		"COLLECT { MATCH (n)-[r:" + relConcerns + "]->(x:" + labelCountry + ") RETURN x." + propID + " ORDER BY r." + propPosition + " } AS countries, " +
		sourcesField

	recommendationsByID = "UNWIND $ids AS id MATCH (n:" + labelRecommendation + " {" + propID + ": id}) RETURN " + recommendationFields
	recommendationsAll  = "MATCH (n:" + labelRecommendation + ") RETURN " + recommendationFields + " ORDER BY n." + propID

	recommendationsByMeeting = "UNWIND $ids AS id MATCH (:" + labelMeeting + " {" + propID + ": id})-[:" + relProduced + "]->(n:" + labelRecommendation + ") " +
		"RETURN id AS key, " + recommendationFields + " ORDER BY key, n." + propOrder + ", n." + propID
)

func recommendationOf(f *fields, rec *neo4j.Record) *domain.Recommendation {
	n := f.node(rec, "n")
	return &domain.Recommendation{
		ID:            f.str(n, propID),
		MeetingID:     value[string](f, rec, "meeting"),
		Kind:          domain.RecommendationKind(f.str(n, propKind)),
		Text:          f.str(n, propText),
		Order:         f.num(n, propOrder),
		Paraphrase:    prop[bool](f, n, propParaphrase),
		AttributedTo:  f.strs(n, propAttributedTo),
		InitiativeIDs: f.list(rec, "initiatives"),
		ThemeIDs:      f.list(rec, "themes"),
		CountryIDs:    f.list(rec, "countries"),
		Sources:       f.sourceRefs(rec, "sources"),
	}
}

func recommendationID(x *domain.Recommendation) string { return x.ID }

// Recommendations returns the recommendations of ids.
func (s *Store) Recommendations(ctx context.Context, ids []string) ([]*domain.Recommendation, error) {
	return batch(ctx, s, ids, recommendationsByID, recommendationOf, recommendationID)
}

// RecommendationsByMeeting returns each meeting's recommendations by order, then ID.
func (s *Store) RecommendationsByMeeting(ctx context.Context, meetingIDs []string) ([][]*domain.Recommendation, error) {
	return grouped(ctx, s, meetingIDs, recommendationsByMeeting, func(f *fields, rec *neo4j.Record) (string, *domain.Recommendation) {
		return value[string](f, rec, "key"), recommendationOf(f, rec)
	})
}

// ListRecommendations returns a page of recommendations by meeting date,
// meeting ID and order (DATE_DESC reverses all three), then ID.
func (s *Store) ListRecommendations(ctx context.Context, q domain.RecommendationQuery) (*domain.RecommendationConnection, error) {
	return s.listRecommendations(ctx, q, nil)
}

// listRecommendations is ListRecommendations for ListRecommendationsWith
// (in not nil): the page's recommendations are projected as in asks and,
// when in follows meetings, the page's meetings are read in its statement,
// as in asks for them, and added to in.
func (s *Store) listRecommendations(ctx context.Context, q domain.RecommendationQuery, in *domain.Include) (*domain.RecommendationConnection, error) {
	switch q.Sort {
	case "":
		q.Sort = domain.RecommendationDateAsc // the default order: cursors of both serve each other
	case domain.RecommendationDateAsc, domain.RecommendationDateDesc:
	default:
		return nil, domain.Invalidf("sort", "unknown order %q", q.Sort)
	}
	f := q.Filter
	if err := f.Validate("filter"); err != nil {
		return nil, err
	}
	lq := listQuery{scope: domain.Scope("recommendations", q.Sort, f), label: labelRecommendation,
		desc: q.Sort == domain.RecommendationDateDesc, page: q.Page, fields: recommendationFields,
		keyMatch: "MATCH (m:" + labelMeeting + ")-[:" + relProduced + "]->(n)",
		keys:     []sortKey{{expr: "m." + propDateKey}, {expr: "m." + propID}, {expr: "n." + propOrder, num: true}}}
	t := newTerms()
	lq.add(t, t.recommendation(f))
	mapper := recommendationOf
	if in == nil {
		return list(ctx, s, lq, mapper, recommendationID)
	}
	if fs, ok := in.Fields(domain.KindRecommendation); ok {
		lq.fields = projectedKind(domain.KindRecommendation).projectedItems(fs, true)
		mapper = func(f *fields, rec *neo4j.Record) *domain.Recommendation { return recommendationOf(f, asNode(rec)) }
	}
	if !in.Follows(domain.KindMeeting) {
		return list(ctx, s, lq, mapper, recommendationID)
	}
	meetings := includableKind(domain.KindMeeting)
	lq.fields += ", " + inlineRows(in, domain.KindMeeting, "MATCH (n)<-[:"+relProduced+"]-(eg_v:"+labelMeeting+")") + " AS eg_meetings"
	byRec := map[string][]*domain.Meeting{} // a row's meetings, by its recommendation
	node := mapper
	mapper = func(f *fields, rec *neo4j.Record) *domain.Recommendation {
		r := node(f, rec)
		var g domain.Graph
		for _, m := range f.maps(rec, "eg_meetings") {
			meetings.add(&g, f, meetings.record(m))
		}
		byRec[r.ID] = g.Meetings
		return r
	}
	c, err := list(ctx, s, lq, mapper, recommendationID)
	if err != nil {
		return nil, err
	}
	// The meetings of the page's rows (not of the row read past it to learn
	// whether a next page exists), each once.
	var g domain.Graph
	got := map[string]bool{}
	for _, r := range c.Nodes() {
		for _, m := range byRec[r.ID] {
			if !got[m.ID] {
				got[m.ID] = true
				g.Meetings = append(g.Meetings, m)
			}
		}
	}
	in.Add(&g)
	return c, nil
}

func (w *writer) recommendation(x *domain.Recommendation) {
	w.node(labelRecommendation, x.ID, "", nil, nil, map[string]any{
		propSearchText:   domain.NormalizeName(x.Text),
		propKind:         string(x.Kind),
		propText:         x.Text,
		propOrder:        x.Order,
		propParaphrase:   x.Paraphrase,
		propAttributedTo: x.AttributedTo,
	})
	w.link(labelMeeting, relProduced, labelRecommendation, x.MeetingID, x.ID, nil)
	w.list(labelRecommendation, relMentions, labelInitiative, x.ID, x.InitiativeIDs)
	w.list(labelRecommendation, relAbout, labelTheme, x.ID, x.ThemeIDs)
	w.list(labelRecommendation, relConcerns, labelCountry, x.ID, x.CountryIDs)
	w.sources(labelRecommendation, x.ID, x.Sources)
}
