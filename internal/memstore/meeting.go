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

// ListMeetings returns a page of meetings by date (or by speakers), then ID.
func (s *Store) ListMeetings(ctx context.Context, q domain.MeetingQuery) (*domain.MeetingConnection, error) {
	st, err := s.current()
	if err != nil {
		return nil, err
	}
	sort, order, err := q.Sort.Resolve()
	if err != nil {
		return nil, err
	}
	f := q.Filter
	if err := f.Validate("filter"); err != nil {
		return nil, err
	}
	var entries []entry[*domain.Meeting]
	for _, m := range st.meetings {
		if st.meetingMatches(m, f) {
			key := m.Date.SortKey()
			if order.By == domain.BySpeakers {
				key = domain.CountKey(len(st.appsByMeeting[m.ID]))
			}
			entries = append(entries, entry[*domain.Meeting]{key: key, id: m.ID, node: m})
		}
	}
	return paginate(entries, order.Desc, domain.Scope("meetings", sort, f), q.Page, cloneMeeting)
}

// meetingMatches reports whether m passes every set field of f, every filter
// of f.And, one of f.Or (if any) and not f.Not.
func (st *state) meetingMatches(m *domain.Meeting, f domain.MeetingFilter) bool {
	switch {
	case f.CouncilID != "" && m.CouncilID != f.CouncilID,
		f.PlaceID != "" && m.PlaceID != f.PlaceID,
		f.CountryID != "" && (m.PlaceID == "" || st.places[m.PlaceID].CountryID != f.CountryID),
		f.ThemeID != "" && (st.kinds[f.ThemeID] != domain.KindTheme || !st.mentions[m.ID][f.ThemeID]),
		f.InitiativeID != "" && (st.kinds[f.InitiativeID] != domain.KindInitiative || !st.mentions[m.ID][f.InitiativeID]),
		f.PersonID != "" && st.appearances[domain.AppearanceKey(m.ID, f.PersonID)] == nil,
		f.InstitutionID != "" && !st.involved[m.ID][f.InstitutionID],
		f.SpeakerInstitutionID != "" && !slices.ContainsFunc(st.appsByMeeting[m.ID], func(a *domain.Appearance) bool {
			return a.InstitutionID == f.SpeakerInstitutionID
		}),
		!f.Dates.Contains(m.Date):
		return false
	}
	return combined(f.And, f.Or, f.Not, func(g domain.MeetingFilter) bool { return st.meetingMatches(m, g) })
}

// combined applies the combinators of a filter: every filter of and, one of
// or (when there is any), and not not.
func combined[F any](and, or []F, not *F, match func(F) bool) bool {
	for _, g := range and {
		if !match(g) {
			return false
		}
	}
	if len(or) > 0 && !slices.ContainsFunc(or, match) {
		return false
	}
	return not == nil || !match(*not)
}

// eachMeeting calls do with the position in byDate of every meeting that
// passes f, by date then ID: what the analytics count over.
func (st *state) eachMeeting(f domain.MeetingFilter, do func(i int32)) {
	rest := f
	rest.CouncilID = ""
	check := !rest.IsZero()
	if f.CouncilID != "" {
		for _, i := range st.councilDates[f.CouncilID] { // a council's meetings, in the same order
			if !check || st.meetingMatches(st.byDate[i], f) {
				do(i)
			}
		}
		return
	}
	for i, m := range st.byDate {
		if !check || st.meetingMatches(m, f) {
			do(int32(i))
		}
	}
}

// checkIDs returns EINVALID for an ID argument that names no node of its kind.
func (st *state) checkIDs(args ...domain.IDArg) error {
	return domain.CheckIDs(st.kindOf, args...)
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
