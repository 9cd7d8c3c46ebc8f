package neo4jstore

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// Appearances: APPEARED_AT relationships from a person to a meeting, whose
// properties hold the rest (sources as two parallel lists, since a
// relationship cannot point at a source).
const (
	appearanceFields = "p." + propID + " AS person, m." + propID + " AS meeting, a"

	appearancesByMeeting = "UNWIND $ids AS id MATCH (m:" + labelMeeting + " {" + propID + ": id})<-[a:" + relAppearedAt + "]-(p:" + labelPerson + ") " +
		"RETURN id AS key, " + appearanceFields + " ORDER BY key, a." + propOrder + " = 0, a." + propOrder + ", p." + propID
	appearancesByPerson = "UNWIND $ids AS id MATCH (p:" + labelPerson + " {" + propID + ": id})-[a:" + relAppearedAt + "]->(m:" + labelMeeting + ") " +
		"RETURN id AS key, " + appearanceFields + " ORDER BY key, m." + propDateKey + ", m." + propID
	appearancesAll = "MATCH (p:" + labelPerson + ")-[a:" + relAppearedAt + "]->(m:" + labelMeeting + ") " +
		"RETURN " + appearanceFields + " ORDER BY m." + propID + ", p." + propID
)

func appearanceOf(f *fields, rec *neo4j.Record) *domain.Appearance {
	a := value[neo4j.Relationship](f, rec, "a")
	x := &domain.Appearance{
		MeetingID:     value[string](f, rec, "meeting"),
		PersonID:      value[string](f, rec, "person"),
		Title:         f.str(a, propTitle),
		InstitutionID: f.str(a, propInstitutionID),
		CountryID:     f.str(a, propCountryID),
		Session:       f.str(a, propSession),
		Order:         f.num(a, propOrder),
	}
	for _, r := range f.strs(a, propRoles) {
		x.Roles = append(x.Roles, domain.Role(r))
	}
	ids, excerpts := f.strs(a, propSourceIDs), f.strs(a, propExcerpts)
	for i, id := range ids {
		ref := domain.SourceRef{SourceID: id}
		if i < len(excerpts) {
			ref.Excerpt = excerpts[i]
		}
		x.Sources = append(x.Sources, ref)
	}
	return x
}

// AppearancesByMeeting returns each meeting's appearances by order
// (unknown, 0, last), then person ID.
func (s *Store) AppearancesByMeeting(ctx context.Context, meetingIDs []string) ([][]*domain.Appearance, error) {
	return grouped(ctx, s, meetingIDs, appearancesByMeeting, keyedAppearance)
}

// AppearancesByPerson returns each person's appearances by the meeting's date, then meeting ID.
func (s *Store) AppearancesByPerson(ctx context.Context, personIDs []string) ([][]*domain.Appearance, error) {
	return grouped(ctx, s, personIDs, appearancesByPerson, keyedAppearance)
}

func keyedAppearance(f *fields, rec *neo4j.Record) (string, *domain.Appearance) {
	return value[string](f, rec, "key"), appearanceOf(f, rec)
}

func (w *writer) appearance(x *domain.Appearance) {
	roles := make([]string, len(x.Roles))
	for i, r := range x.Roles {
		roles[i] = string(r)
	}
	ids := make([]string, len(x.Sources))
	excerpts := make([]string, len(x.Sources))
	for i, r := range x.Sources {
		ids[i], excerpts[i] = r.SourceID, r.Excerpt
	}
	props := map[string]any{
		propRoles:     roles,
		propTitle:     x.Title,
		propSession:   x.Session,
		propOrder:     x.Order,
		propSourceIDs: ids,
		propExcerpts:  excerpts,
	}
	if x.InstitutionID != "" {
		props[propInstitutionID] = x.InstitutionID
	}
	if x.CountryID != "" {
		props[propCountryID] = x.CountryID
	}
	w.appearances = append(w.appearances, map[string]any{"person": x.PersonID, "meeting": x.MeetingID, "props": props})
	w.people = append(w.people, x.PersonID)
	w.touched = append(w.touched, x.PersonID, x.MeetingID)
}
