package memstore

import (
	"context"
	"slices"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// Meetings returns the meetings of the given IDs, nil where unknown.
func (s *Store) Meetings(ctx context.Context, ids []string) ([]*domain.Meeting, error) {
	return batch(s, ids, func(st *state) map[string]*domain.Meeting { return st.meetings }, cloneMeeting)
}

// ListMeetings returns a page of meetings by date, then ID.
func (s *Store) ListMeetings(ctx context.Context, q domain.MeetingQuery) (*domain.MeetingConnection, error) {
	st, err := s.current()
	if err != nil {
		return nil, err
	}
	sort := q.Sort
	switch sort {
	case "":
		sort = domain.MeetingDateAsc
	case domain.MeetingDateAsc, domain.MeetingDateDesc:
	default:
		return nil, domain.Invalidf("sort", "unknown order %q", q.Sort)
	}
	f := q.Filter
	if err := f.Dates.Validate("filter.dates"); err != nil {
		return nil, err
	}
	var entries []entry[*domain.Meeting]
	for _, m := range st.meetings {
		if st.meetingMatches(m, f) {
			entries = append(entries, entry[*domain.Meeting]{key: m.Date.SortKey(), id: m.ID, node: m})
		}
	}
	return paginate(entries, sort == domain.MeetingDateDesc, domain.Scope("meetings", sort, f), q.Page, cloneMeeting)
}

// meetingMatches reports whether m passes every set field of f.
func (st *state) meetingMatches(m *domain.Meeting, f domain.MeetingFilter) bool {
	switch {
	case f.CouncilID != "" && m.CouncilID != f.CouncilID,
		f.PlaceID != "" && m.PlaceID != f.PlaceID,
		f.CountryID != "" && (m.PlaceID == "" || st.places[m.PlaceID].CountryID != f.CountryID),
		f.ThemeID != "" && (st.kinds[f.ThemeID] != domain.KindTheme || !st.mentions[m.ID][f.ThemeID]),
		f.InitiativeID != "" && (st.kinds[f.InitiativeID] != domain.KindInitiative || !st.mentions[m.ID][f.InitiativeID]),
		f.PersonID != "" && st.appearances[domain.AppearanceKey(m.ID, f.PersonID)] == nil,
		f.InstitutionID != "" && !st.involved[m.ID][f.InstitutionID],
		!f.Dates.Contains(m.Date):
		return false
	}
	return true
}

// inPeriod returns the meetings of a council (any if "") whose date overlaps
// dates, by date then ID: what the analytics count over.
func (st *state) inPeriod(councilID string, dates domain.DateRange) []*domain.Meeting {
	var out []*domain.Meeting
	for _, m := range st.byDate {
		if (councilID == "" || m.CouncilID == councilID) && dates.Contains(m.Date) {
			out = append(out, m)
		}
	}
	return out
}

func cloneMeeting(m *domain.Meeting) *domain.Meeting {
	x := *m
	x.ThemeVariants = slices.Clone(m.ThemeVariants)
	x.OrganizerIDs = slices.Clone(m.OrganizerIDs)
	x.ThemeIDs = slices.Clone(m.ThemeIDs)
	x.InitiativeIDs = slices.Clone(m.InitiativeIDs)
	x.Publications = slices.Clone(m.Publications)
	x.Sources = slices.Clone(m.Sources)
	return &x
}
