package neo4jstore

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// Meetings.
const (
	// meetingLeanFields are the fields of a lean meeting (domain.Lean): the
	// node and the references domain.Include follows.
	meetingLeanFields = "n, " +
		"head(COLLECT { MATCH (n)-[:" + relPartOf + "]->(x:" + labelCouncil + ") RETURN x." + propID + " }) AS council, " +
		"head(COLLECT { MATCH (n)-[:" + relHeldIn + "]->(x:" + labelPlace + ") RETURN x." + propID + " }) AS place"
	meetingFields = meetingLeanFields + ", " +
		"COLLECT { MATCH (n)-[r:" + relOrganizedBy + "]->(x:" + labelInstitution + ") RETURN x." + propID + " ORDER BY r." + propPosition + " } AS organizers, " +
		"COLLECT { MATCH (n)-[r:" + relAbout + "]->(x:" + labelTheme + ") RETURN x." + propID + " ORDER BY r." + propPosition + " } AS themes, " +
		"COLLECT { MATCH (n)-[r:" + relMentions + "]->(x:" + labelInitiative + ") RETURN x." + propID + " ORDER BY r." + propPosition + " } AS initiatives, " +
		"COLLECT { MATCH (n)-[r:" + relPresented + "|" + relAnnounced + "]->(x:" + labelPublication + ") " +
		"RETURN {" + propID + ": x." + propID + ", relation: type(r)} ORDER BY r." + propPosition + " } AS publications, " +
		sourcesField

	meetingsByID = "UNWIND $ids AS id MATCH (n:" + labelMeeting + " {" + propID + ": id}) RETURN " + meetingFields
	meetingsAll  = "MATCH (n:" + labelMeeting + ") RETURN " + meetingFields + " ORDER BY n." + propID
)

func meetingOf(f *fields, rec *neo4j.Record) *domain.Meeting {
	n := f.node(rec, "n")
	m := &domain.Meeting{
		ID:            f.str(n, propID),
		CouncilID:     value[string](f, rec, "council"),
		Ordinal:       f.num(n, propOrdinal),
		Title:         f.str(n, propTitle),
		Theme:         f.str(n, propTheme),
		ThemeVariants: f.strs(n, propThemeVariants),
		Date:          f.date(n, propDate),
		DateNote:      f.str(n, propDateNote),
		PlaceID:       value[string](f, rec, "place"),
		Format:        f.str(n, propFormat),
		OrganizerIDs:  f.list(rec, "organizers"),
		ThemeIDs:      f.list(rec, "themes"),
		InitiativeIDs: f.list(rec, "initiatives"),
		Sources:       f.sourceRefs(rec, "sources"),
	}
	for _, p := range f.maps(rec, "publications") {
		m.Publications = append(m.Publications, domain.PublicationLink{
			PublicationID: f.text(p, propID),
			Relation:      domain.PublicationRelation(f.text(p, "relation")),
		})
	}
	return m
}

func meetingID(x *domain.Meeting) string { return x.ID }

// Meetings returns the meetings of ids.
func (s *Store) Meetings(ctx context.Context, ids []string) ([]*domain.Meeting, error) {
	return batch(ctx, s, ids, meetingsByID, meetingOf, meetingID)
}

// ListMeetings returns a page of meetings by date (or by speakers), then ID.
func (s *Store) ListMeetings(ctx context.Context, q domain.MeetingQuery) (*domain.MeetingConnection, error) {
	sort, order, err := q.Sort.Resolve() // the default order made explicit: cursors of both serve each other
	if err != nil {
		return nil, err
	}
	f := q.Filter
	if err := f.Validate("filter"); err != nil {
		return nil, err
	}
	lq := sortedList("meetings", labelMeeting, sort, order, f, q.Page, meetingFields)
	if order.By == domain.ByDate {
		lq.keys = []sortKey{{expr: "n." + propDateKey}}
	}
	t := newTerms()
	lq.add(t, t.meeting(f))
	return list(ctx, s, lq, meetingOf, meetingID)
}

func (w *writer) meeting(x *domain.Meeting) {
	keys := domain.NameKeys(x.Title)
	props := map[string]any{
		propOrdinal:       x.Ordinal,
		propTitle:         x.Title,
		propTheme:         x.Theme,
		propThemeVariants: x.ThemeVariants,
		propDate:          dateString(x.Date),
		propDateNote:      x.DateNote,
		propFormat:        x.Format,
	}
	if !x.Date.IsZero() {
		props[propDateKey] = x.Date.SortKey()
		props[propDateStart] = x.Date.StartKey()
		props[propDateEnd] = x.Date.EndKey()
	}
	w.node(labelMeeting, x.ID, x.Title, keys, keys, props)
	w.link(labelMeeting, relPartOf, labelCouncil, x.ID, x.CouncilID, nil)
	w.link(labelMeeting, relHeldIn, labelPlace, x.ID, x.PlaceID, nil)
	w.list(labelMeeting, relOrganizedBy, labelInstitution, x.ID, x.OrganizerIDs)
	w.list(labelMeeting, relAbout, labelTheme, x.ID, x.ThemeIDs)
	w.list(labelMeeting, relMentions, labelInitiative, x.ID, x.InitiativeIDs)
	for i, p := range x.Publications {
		rel := relPresented
		if p.Relation == domain.PublicationAnnounced {
			rel = relAnnounced
		}
		w.link(labelMeeting, rel, labelPublication, x.ID, p.PublicationID, map[string]any{propPosition: i})
	}
	w.sources(labelMeeting, x.ID, x.Sources)
}
