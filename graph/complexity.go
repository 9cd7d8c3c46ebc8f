package graph

import "github.com/expertgraph/expertgraph/internal/domain"

// Estimated sizes of lists that take no first argument, for the complexity limit.
const (
	listEstimate = 10
)

// pageSize is the number of items a connection field may return: the first
// argument, or the default. Larger values are refused by the domain anyway;
// here they only make the estimate larger, so the limit refuses them first.
func pageSize(first *int) int {
	if first == nil {
		return domain.DefaultPageSize
	}
	if *first < 1 {
		return 1
	}
	return *first
}

// Complexity returns the cost estimates of fields whose cost grows with the
// size of their result: connections cost their page size times their
// selection, plain lists an estimate of their length times their selection.
// The server refuses a query whose total exceeds its limit before running it.
func Complexity() ComplexityRoot {
	var c ComplexityRoot
	conn := func(child int, first *int) int { return 1 + pageSize(first)*child }
	list := func(child int) int { return 1 + listEstimate*child }

	c.Query.Councils = func(ch int, _ *domain.CouncilFilter, _ *domain.NameSort, first *int, _ *string) int {
		return conn(ch, first)
	}
	c.Query.Meetings = func(ch int, _ *domain.MeetingFilter, _ *domain.MeetingSort, first *int, _ *string) int {
		return conn(ch, first)
	}
	c.Query.People = func(ch int, _ *domain.PersonFilter, _ *domain.PersonSort, first *int, _ *string) int {
		return conn(ch, first)
	}
	c.Query.Institutions = func(ch int, _ *domain.InstitutionFilter, _ *domain.InstitutionSort, first *int, _ *string) int {
		return conn(ch, first)
	}
	c.Query.Countries = func(ch int, _ *domain.NameFilter, _ *domain.NameSort, first *int, _ *string) int {
		return conn(ch, first)
	}
	c.Query.Places = func(ch int, _ *domain.PlaceFilter, _ *domain.NameSort, first *int, _ *string) int {
		return conn(ch, first)
	}
	c.Query.Initiatives = func(ch int, _ *domain.InitiativeFilter, _ *domain.SubjectSort, first *int, _ *string) int {
		return conn(ch, first)
	}
	c.Query.Themes = func(ch int, _ *domain.ThemeFilter, _ *domain.SubjectSort, first *int, _ *string) int {
		return conn(ch, first)
	}
	c.Query.Recommendations = func(ch int, _ *domain.RecommendationFilter, _ *domain.RecommendationSort, first *int, _ *string) int {
		return conn(ch, first)
	}
	c.Query.Publications = func(ch int, _ *domain.NameFilter, _ *domain.NameSort, first *int, _ *string) int {
		return conn(ch, first)
	}
	c.Query.Sources = func(ch int, _ *domain.NameFilter, _ *domain.NameSort, first *int, _ *string) int {
		return conn(ch, first)
	}
	c.Query.Lookup = func(ch int, _ string, _ []domain.Kind) int { return list(ch) }
	c.Query.Search = func(ch int, _ string, _ []domain.Kind, first *int, _ *string) int { return conn(ch, first) }
	c.Query.Recurrence = func(ch int, ids []string, _, _ *string, _ *domain.DateRange) int { return 1 + len(ids)*ch }
	c.Query.Pairs = func(ch int, _ domain.PairKind, _ *domain.PairScope, _, _ *string, _ *domain.DateRange, _ *domain.MeetingFilter, limit *int) int {
		n := 50
		if limit != nil && *limit > 0 {
			n = *limit
		}
		return 1 + n*ch
	}
	c.Query.Counts = func(ch int, _ domain.CountBy, _, _ *string, _ *domain.DateRange, _ *domain.MeetingFilter) int {
		return list(ch)
	}
	c.Query.ShortestPaths = func(ch int, _ string, _ string, _ *int) int { return 1 + domain.MaxPaths*ch }

	meetings := func(ch int, _ *domain.MeetingSort, first *int, _ *string) int { return conn(ch, first) }
	recs := func(ch int, _ *domain.RecommendationSort, first *int, _ *string) int { return conn(ch, first) }
	c.Council.Meetings = meetings
	c.Institution.Meetings = meetings
	c.Place.Meetings = meetings
	c.Initiative.Meetings = meetings
	c.Theme.Meetings = meetings
	c.Initiative.Recommendations = recs
	c.Theme.Recommendations = recs
	c.Institution.People = func(ch int, _ *domain.PersonSort, first *int, _ *string) int { return conn(ch, first) }

	c.Meeting.Speakers = func(ch int, _ *domain.Role) int { return list(ch) }
	c.Meeting.Recommendations = func(ch int, _ *domain.RecommendationKind) int { return list(ch) }
	c.Person.Appearances = list
	return c
}
