package neo4jstore

import (
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/expertgraph/expertgraph/internal/domain"
	"github.com/expertgraph/expertgraph/internal/storetest"
)

// TestAnalyticPlans checks with PROFILE, on the fixture, that the queries of
// search, the lists ordered by counts, combined filters and the analytic
// fields start from an index (a seek, a range or text index scan, the
// full-text index, or the count store) and never scan a label or every node.
// (Counting what a combined filter keeps inside a label is a scan only where
// no index could answer, which these cases do not include.)
func TestAnalyticPlans(t *testing.T) {
	st := newStore(t).(borrowed)
	if err := st.Upsert(t.Context(), storetest.Fixture()); err != nil {
		t.Fatal(err)
	}
	type query struct {
		cypher string
		params map[string]any
	}
	// page returns the page and count queries of a list.
	page := func(lq listQuery) (query, query) {
		t.Helper()
		q, c, params, err := lq.build(domain.DefaultPageSize, nil)
		if err != nil {
			t.Fatal(err)
		}
		return query{q, params}, query{c, params}
	}
	sorted := func(list, label string, sort string, by domain.SortBy, desc bool, fields string, f func(*listQuery, *terms) []filter) listQuery {
		lq := sortedList(list, label, sort, domain.Order{By: by, Desc: desc}, nil, domain.PageRequest{}, fields)
		if by == domain.ByDate {
			lq.keys = []sortKey{{expr: "n." + propDateKey}}
		}
		if f != nil {
			tt := newTerms()
			lq.add(tt, f(&lq, tt))
		}
		return lq
	}
	search := func(text string, kinds ...domain.Kind) query {
		sr, err := domain.NewSearcher(domain.SearchQuery{Text: text, Kinds: kinds})
		if err != nil {
			t.Fatal(err)
		}
		params := map[string]any{"text": sr.Text(), "lucene": luceneQuery(sr)}
		if len(kinds) > 0 {
			params["labels"] = []string{labelOf[kinds[0]]}
		}
		return query{searchQuery(sr, len(kinds) > 0), params}
	}
	scoped := func(f domain.MeetingFilter, body string, params map[string]any) query {
		scope, p := meetingScope(f)
		for k, v := range params {
			p[k] = v
		}
		return query{scope + body, p}
	}
	recurrence := func(f domain.RecurrenceFilter) query {
		tt := newTerms()
		q := recurrenceQuery(expr(tt.meeting(f.Meetings())))
		tt.params["ids"] = []string{"instc", "energy"}
		return query{q, tt.params}
	}

	peoplePage, peopleCount := page(sorted("people", labelPerson, "APPEARANCES_DESC", domain.ByAppearances, true, personFields, nil))
	instPage, _ := page(sorted("institutions", labelInstitution, "SPEAKERS_DESC", domain.BySpeakers, true, institutionFields, nil))
	meetPage, _ := page(sorted("meetings", labelMeeting, "SPEAKERS_ASC", domain.BySpeakers, false, meetingFields, nil))
	initPage, _ := page(sorted("initiatives", labelInitiative, "MEETINGS_DESC", domain.ByMeetings, true, initiativeFields,
		func(lq *listQuery, _ *terms) []filter {
			lq.subjectFilter(labelInitiative, relMentions, "", ptr(true))
			return nil
		}))
	themePage, _ := page(sorted("themes", labelTheme, "RECOMMENDATIONS_DESC", domain.ByRecommendations, true, themeFields, nil))
	orFilter := domain.MeetingFilter{Or: []domain.MeetingFilter{{CouncilID: "rked"}, {CountryID: "azerbaijan"}},
		Not: &domain.MeetingFilter{PlaceID: "moscow"}}
	orPage, orCount := page(sorted("meetings", labelMeeting, "DATE_ASC", domain.ByDate, false, meetingFields,
		func(_ *listQuery, tt *terms) []filter { return tt.meeting(orFilter) }))
	speakerPage, speakerCount := page(sorted("meetings", labelMeeting, "SPEAKERS_DESC", domain.BySpeakers, true, meetingFields,
		func(_ *listQuery, tt *terms) []filter {
			return tt.meeting(domain.MeetingFilter{SpeakerInstitutionID: "kisi"})
		}))
	allOfPage, allOfCount := page(sorted("people", labelPerson, "NAME_ASC", domain.ByName, false, personFields,
		func(_ *listQuery, tt *terms) []filter { return tt.person(domain.PersonFilter{AttendedAllOf: "raec"}) }))
	recOrPage, recOrCount := page(func() listQuery {
		lq := listQuery{label: labelRecommendation, fields: recommendationFields, keyMatch: "MATCH (m:" + labelMeeting + ")-[:" + relProduced + "]->(n)",
			keys: []sortKey{{expr: "m." + propDateKey}, {expr: "m." + propID}, {expr: "n." + propOrder, num: true}}}
		tt := newTerms()
		lq.add(tt, tt.recommendation(domain.RecommendationFilter{Or: []domain.RecommendationFilter{{ThemeID: "energy"}, {CountryID: "iran"}}}))
		return lq
	}())

	for _, c := range []struct {
		name string
		q    query
		want []string // operators the plan must contain
	}{
		{"search: a long text uses the text and full-text indexes", search("north south corridor"),
			[]string{"NodeIndexContainsScan", "ProcedureCall"}},
		{"search: a short text of one kind uses the full-text index", search("sc", domain.KindInitiative), []string{"ProcedureCall"}},
		{"people by appearances walk their index", peoplePage, []string{"NodeIndexScan"}},
		{"the total of a list without a filter reads the count store", peopleCount, []string{"NodeCountFromCountStore"}},
		{"institutions by speakers walk their index", instPage, []string{"NodeIndexScan"}},
		{"meetings by speakers walk their index", meetPage, []string{"NodeIndexScan"}},
		{"recurring initiatives by meetings seek their index", initPage, []string{"NodeIndexSeekByRange"}},
		{"themes by recommendations walk their index", themePage, []string{"NodeIndexScan"}},
		{"an or of IDs drives from their seeks", orPage, []string{"NodeUniqueIndexSeek"}},
		{"and so does its total", orCount, []string{"NodeUniqueIndexSeek"}},
		{"a speaker's institution drives from its seek", speakerPage, []string{"NodeUniqueIndexSeek"}},
		{"and its total", speakerCount, []string{"NodeUniqueIndexSeek"}},
		{"attended all of a council starts from it", allOfPage, []string{"NodeUniqueIndexSeek"}},
		{"and its total", allOfCount, []string{"NodeUniqueIndexSeek"}},
		{"recommendations of an or of IDs", recOrPage, []string{"NodeUniqueIndexSeek"}},
		{"and their total", recOrCount, []string{"NodeUniqueIndexSeek"}},
		{"counts over every meeting scan the date index", scoped(domain.MeetingFilter{}, countMeetingsPerYear, nil), []string{"NodeIndexScan"}},
		{"recommendations per theme over every meeting read the kept counts", query{countWhole[domain.RecommendationsPerTheme], nil},
			[]string{"NodeIndexSeekByRange"}},
		{"speakers per institution over every meeting read the kept counts", query{countWhole[domain.SpeakersPerInstitution], nil},
			[]string{"NodeIndexSeekByRange"}},
		{"counts of a country seek it", scoped(domain.MeetingFilter{CountryID: "azerbaijan"}, countSpeakersPerInstitution, nil),
			[]string{"NodeUniqueIndexSeek"}},
		{"counts of a period seek the date index", scoped(domain.MeetingFilter{Dates: domain.DateRange{From: domain.MustDate("2024")}},
			countRecommendationsPerTheme, nil), []string{"NodeIndexSeekByRange"}},
		{"counts of a combined filter seek its IDs", scoped(domain.MeetingFilter{And: []domain.MeetingFilter{orFilter}}, countMeetingsPerCity, nil),
			[]string{"NodeUniqueIndexSeek"}},
		{"pairs of a council seek it", scoped(domain.MeetingFilter{CouncilID: "raec"}, pairsPeople, map[string]any{"limit": 50}),
			[]string{"NodeUniqueIndexSeek"}},
		{"pairs over every meeting scan the date index", scoped(domain.MeetingFilter{}, pairsInitiativeThemesAtMeetings, map[string]any{"limit": 50}),
			[]string{"NodeIndexScan"}},
		{"recurrence seeks its subjects", recurrence(domain.RecurrenceFilter{CountryID: "azerbaijan"}), []string{"NodeUniqueIndexSeek"}},
		{"shortest paths seek their ends", query{shortestPathsQuery(4), map[string]any{"from": "pavel-orlov", "to": "instc", "max": 10}},
			[]string{"NodeUniqueIndexSeek"}},
		{"a write finds the counted nodes near it by ID", query{countedNearQuery, map[string]any{"ids": []string{"raec-5", "pavel-orlov"}}},
			[]string{"NodeUniqueIndexSeek"}},
		{"and recounts them by ID", query{recountQuery, map[string]any{"ids": []string{"instc", "riac", "raec-5", "pavel-orlov"}}},
			[]string{"NodeUniqueIndexSeek(Locking)"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			res, err := neo4j.ExecuteQuery(t.Context(), st.driver, "PROFILE "+c.q.cypher, c.q.params, neo4j.EagerResultTransformer,
				neo4j.ExecuteQueryWithDatabase(st.db), neo4j.ExecuteQueryWithWritersRouting())
			if err != nil {
				t.Fatalf("%v\n%s", err, c.q.cypher)
			}
			ops := operators(res.Summary.Profile())
			for _, want := range c.want {
				if !strings.Contains(ops, want+"@") {
					t.Errorf("the plan has no %s: %s", want, ops)
				}
			}
			for _, scan := range []string{"AllNodesScan", "NodeByLabelScan"} {
				if strings.Contains(ops, scan) {
					t.Errorf("the plan has a %s: %s\n%s", scan, ops, c.q.cypher)
				}
			}
		})
	}
}

func ptr[T any](v T) *T { return &v }
