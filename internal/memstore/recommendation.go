package memstore

import (
	"context"
	"fmt"
	"slices"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// Recommendations returns the recommendations of the given IDs, nil where unknown.
func (s *Store) Recommendations(ctx context.Context, ids []string) ([]*domain.Recommendation, error) {
	return batch(s, ids, func(st *state) map[string]*domain.Recommendation { return st.recommendations }, cloneRecommendation)
}

// RecommendationsByMeeting returns each meeting's recommendations by Order, then ID.
func (s *Store) RecommendationsByMeeting(ctx context.Context, meetingIDs []string) ([][]*domain.Recommendation, error) {
	return related(s, meetingIDs, func(st *state) map[string][]*domain.Recommendation { return st.recsByMeeting },
		cloneRecommendation)
}

// ListRecommendations returns a page of recommendations ordered by the key
// (meeting date, meeting ID, order), then ID; DATE_DESC reverses the key.
// InitiativeID and ThemeID match the recommendation's own lists.
func (s *Store) ListRecommendations(ctx context.Context, q domain.RecommendationQuery) (*domain.RecommendationConnection, error) {
	st, err := s.current()
	if err != nil {
		return nil, err
	}
	sort := q.Sort
	switch sort {
	case "":
		sort = domain.RecommendationDateAsc
	case domain.RecommendationDateAsc, domain.RecommendationDateDesc:
	default:
		return nil, domain.Invalidf("sort", "unknown order %q", q.Sort)
	}
	f := q.Filter
	if err := f.Validate("filter"); err != nil {
		return nil, err
	}
	var entries []entry[*domain.Recommendation]
	for _, r := range st.recommendations {
		m := st.meetings[r.MeetingID]
		if !st.recommendationMatches(r, m, f) {
			continue
		}
		// The meeting ID is followed by a space, which sorts before every
		// character of an ID, so that the key orders as its parts do.
		key := fmt.Sprintf("%s %s %010d", m.Date.SortKey(), m.ID, r.Order)
		entries = append(entries, entry[*domain.Recommendation]{key: key, id: r.ID, node: r})
	}
	return paginate(entries, sort == domain.RecommendationDateDesc, domain.Scope("recommendations", sort, f), q.Page,
		cloneRecommendation)
}

// recommendationMatches reports whether r (of meeting m) passes every set
// field of f, every filter of f.And, one of f.Or (if any) and not f.Not.
func (st *state) recommendationMatches(r *domain.Recommendation, m *domain.Meeting, f domain.RecommendationFilter) bool {
	switch {
	case f.MeetingID != "" && r.MeetingID != f.MeetingID,
		f.CouncilID != "" && m.CouncilID != f.CouncilID,
		f.Kind != "" && r.Kind != f.Kind,
		f.InitiativeID != "" && !slices.Contains(r.InitiativeIDs, f.InitiativeID),
		f.ThemeID != "" && !slices.Contains(r.ThemeIDs, f.ThemeID),
		f.CountryID != "" && !slices.Contains(r.CountryIDs, f.CountryID),
		!f.Dates.Contains(m.Date):
		return false
	}
	return combined(f.And, f.Or, f.Not, func(g domain.RecommendationFilter) bool { return st.recommendationMatches(r, m, g) })
}

func cloneRecommendation(r *domain.Recommendation) *domain.Recommendation {
	x := *r
	x.AttributedTo = slices.Clone(r.AttributedTo)
	x.InitiativeIDs = slices.Clone(r.InitiativeIDs)
	x.ThemeIDs = slices.Clone(r.ThemeIDs)
	x.CountryIDs = slices.Clone(r.CountryIDs)
	x.Sources = slices.Clone(r.Sources)
	return &x
}
