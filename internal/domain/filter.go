package domain

import (
	"fmt"
	"slices"
	"strings"
)

// Limits on combined filters (And, Or, Not), so that one request cannot ask
// for an arbitrarily large condition.
const (
	MaxFilterDepth   = 4  // filters nested within filters
	MaxFilterClauses = 32 // filters in all, the outermost included
)

// filterTree is what the combinators of a filter type have in common.
type filterTree[F any] interface {
	children() (and, or []F, not *F)
}

func (f MeetingFilter) children() ([]MeetingFilter, []MeetingFilter, *MeetingFilter) {
	return f.And, f.Or, f.Not
}

func (f PersonFilter) children() ([]PersonFilter, []PersonFilter, *PersonFilter) {
	return f.And, f.Or, f.Not
}

func (f RecommendationFilter) children() ([]RecommendationFilter, []RecommendationFilter, *RecommendationFilter) {
	return f.And, f.Or, f.Not
}

// walkFilter calls check on f and every filter inside it with its field path
// ("filter.or[1].not"), and enforces the limits.
func walkFilter[F filterTree[F]](f F, field string, check func(F, string) error) error {
	clauses := 0
	var walk func(f F, field string, depth int) error
	walk = func(f F, field string, depth int) error {
		clauses++
		switch {
		case depth > MaxFilterDepth:
			return Invalidf(field, "filters are nested more than %d deep; flatten the condition", MaxFilterDepth)
		case clauses > MaxFilterClauses:
			return Invalidf(field, "the filter has more than %d parts; split the question", MaxFilterClauses)
		}
		if err := check(f, field); err != nil {
			return err
		}
		and, or, not := f.children()
		for i, g := range and {
			if err := walk(g, fmt.Sprintf("%s.and[%d]", field, i), depth+1); err != nil {
				return err
			}
		}
		for i, g := range or {
			if err := walk(g, fmt.Sprintf("%s.or[%d]", field, i), depth+1); err != nil {
				return err
			}
		}
		if not != nil {
			return walk(*not, field+".not", depth+1)
		}
		return nil
	}
	return walk(f, field, 0)
}

// Validate checks every date range of f and the filters inside it, and the
// limits of combined filters.
func (f MeetingFilter) Validate(field string) error {
	return walkFilter(f, field, func(f MeetingFilter, field string) error { return f.Dates.Validate(field + ".dates") })
}

// Validate checks every role of f and the filters inside it, and the limits
// of combined filters.
func (f PersonFilter) Validate(field string) error {
	return walkFilter(f, field, func(f PersonFilter, field string) error {
		if f.Role != "" && !slices.Contains(Roles, f.Role) {
			return Invalidf(field+".role", "unknown role %q; use one of %v", f.Role, Roles)
		}
		return nil
	})
}

// Validate checks every kind and date range of f and the filters inside it,
// and the limits of combined filters.
func (f RecommendationFilter) Validate(field string) error {
	return walkFilter(f, field, func(f RecommendationFilter, field string) error {
		if f.Kind != "" && !slices.Contains(RecommendationKinds, f.Kind) {
			return Invalidf(field+".kind", "unknown recommendation kind %q; use one of %v", f.Kind, RecommendationKinds)
		}
		return f.Dates.Validate(field + ".dates")
	})
}

// IsZero reports whether f is empty: it matches every meeting.
func (f MeetingFilter) IsZero() bool {
	return f.CouncilID == "" && f.CountryID == "" && f.PlaceID == "" && f.ThemeID == "" && f.InitiativeID == "" &&
		f.PersonID == "" && f.InstitutionID == "" && f.SpeakerInstitutionID == "" && f.Dates == (DateRange{}) &&
		len(f.And) == 0 && len(f.Or) == 0 && f.Not == nil
}

// IDArg is an ID that an analytic query is about (Recurrence's IDs,
// ShortestPaths' ends) or is scoped to (a council, a country): unlike an ID
// in a list filter, which is only a condition and matches nothing when it
// names nothing, it must name a node of one of Kinds (any kind when empty).
type IDArg struct {
	Field    string
	ID       string
	Kinds    []Kind
	Required bool // an empty ID is an error too; otherwise it is an argument not given
}

// CheckIDs returns EINVALID for the first argument whose ID names no node
// (kindOf returns "") or a node of another kind, saying what to change.
// Arguments with an empty ID are not given and pass, unless Required.
func CheckIDs(kindOf func(id string) Kind, args ...IDArg) error {
	for _, a := range args {
		if a.ID == "" {
			if a.Required {
				return Invalidf(a.Field, "give an ID")
			}
			continue
		}
		want := "node"
		if len(a.Kinds) > 0 {
			names := make([]string, len(a.Kinds))
			for i, k := range a.Kinds {
				names[i] = strings.ToLower(string(k))
			}
			want = strings.Join(names, " or ")
		}
		switch k := kindOf(a.ID); {
		case k == "":
			return Invalidf(a.Field, "no %s has the ID %q; give the ID of an existing %s (lookup or search finds IDs by name)", want, a.ID, want)
		case len(a.Kinds) > 0 && !slices.Contains(a.Kinds, k):
			return Invalidf(a.Field, "%q is %s, not %s %s", a.ID, article(k), articleOf(want), want)
		}
	}
	return nil
}

// articleOf returns "a" or "an" for a noun.
func articleOf(noun string) string {
	if noun != "" && strings.ContainsRune("aeiou", rune(noun[0])) {
		return "an"
	}
	return "a"
}

// IDs returns the IDs of args, for a store to look their kinds up in one go.
func IDs(args []IDArg) []string {
	var ids []string
	for _, a := range args {
		if a.ID != "" {
			ids = append(ids, a.ID)
		}
	}
	return ids
}
