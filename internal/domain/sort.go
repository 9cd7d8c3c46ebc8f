package domain

import "fmt"

// SortBy is what a list order compares.
type SortBy string

// What lists are ordered by. The counts are over the whole graph, whatever
// the list's filter, and ties are broken by ascending ID in both directions
// (as Cursor.After walks them).
const (
	ByName            SortBy = "NAME"            // the normalised name (SortKeyName)
	ByDate            SortBy = "DATE"            // a meeting's date (Date.SortKey)
	ByMeetings        SortBy = "MEETINGS"        // meetings that mention an initiative or theme, themselves or in a recommendation
	ByRecommendations SortBy = "RECOMMENDATIONS" // recommendations that list an initiative or theme
	ByAppearances     SortBy = "APPEARANCES"     // a person's appearances (meetings appeared at)
	BySpeakers        SortBy = "SPEAKERS"        // an institution's distinct speakers; a meeting's appearances
)

// Order is a resolved list order: what it compares, and which way.
type Order struct {
	By   SortBy
	Desc bool
}

// orders maps every order of every list to what it compares; the zero value
// of each sort type is its first order.
var orders = map[string]Order{
	"NAME_ASC": {ByName, false}, "NAME_DESC": {ByName, true},
	"DATE_ASC": {ByDate, false}, "DATE_DESC": {ByDate, true},
	"MEETINGS_ASC": {ByMeetings, false}, "MEETINGS_DESC": {ByMeetings, true},
	"RECOMMENDATIONS_ASC": {ByRecommendations, false}, "RECOMMENDATIONS_DESC": {ByRecommendations, true},
	"APPEARANCES_ASC": {ByAppearances, false}, "APPEARANCES_DESC": {ByAppearances, true},
	"SPEAKERS_ASC": {BySpeakers, false}, "SPEAKERS_DESC": {BySpeakers, true},
}

// resolveSort checks that s is one of all and returns it with the default
// (all[0]) made explicit, so that the cursors of the default order serve the
// explicit one, and what it compares.
func resolveSort[S ~string](s S, all []S) (S, Order, error) {
	if s == "" {
		s = all[0]
	}
	for _, a := range all {
		if a == s {
			return s, orders[string(s)], nil
		}
	}
	return "", Order{}, Invalidf("sort", "unknown order %q; use one of %v", string(s), all)
}

// CountKey is the sort key of a count: zero-padded, so that keys compare as
// the counts do.
func CountKey(n int) string { return fmt.Sprintf("%010d", n) }

// SubjectSort orders initiatives and themes: by name, or by how often they
// are mentioned.
type SubjectSort string

// Orders of initiatives and themes.
const (
	SubjectNameAsc             SubjectSort = "NAME_ASC"
	SubjectNameDesc            SubjectSort = "NAME_DESC"
	SubjectMeetingsDesc        SubjectSort = "MEETINGS_DESC"
	SubjectMeetingsAsc         SubjectSort = "MEETINGS_ASC"
	SubjectRecommendationsDesc SubjectSort = "RECOMMENDATIONS_DESC"
	SubjectRecommendationsAsc  SubjectSort = "RECOMMENDATIONS_ASC"
)

// SubjectSorts lists every SubjectSort, the default first.
var SubjectSorts = []SubjectSort{SubjectNameAsc, SubjectNameDesc, SubjectMeetingsDesc, SubjectMeetingsAsc,
	SubjectRecommendationsDesc, SubjectRecommendationsAsc}

// Resolve checks s and returns it with the default made explicit, and what it compares.
func (s SubjectSort) Resolve() (SubjectSort, Order, error) { return resolveSort(s, SubjectSorts) }

// PersonSort orders people: by name, or by their number of appearances.
type PersonSort string

// Orders of people.
const (
	PersonNameAsc         PersonSort = "NAME_ASC"
	PersonNameDesc        PersonSort = "NAME_DESC"
	PersonAppearancesDesc PersonSort = "APPEARANCES_DESC"
	PersonAppearancesAsc  PersonSort = "APPEARANCES_ASC"
)

// PersonSorts lists every PersonSort, the default first.
var PersonSorts = []PersonSort{PersonNameAsc, PersonNameDesc, PersonAppearancesDesc, PersonAppearancesAsc}

// Resolve checks s and returns it with the default made explicit, and what it compares.
func (s PersonSort) Resolve() (PersonSort, Order, error) { return resolveSort(s, PersonSorts) }

// InstitutionSort orders institutions: by name, or by the number of distinct
// people who appeared for them.
type InstitutionSort string

// Orders of institutions.
const (
	InstitutionNameAsc      InstitutionSort = "NAME_ASC"
	InstitutionNameDesc     InstitutionSort = "NAME_DESC"
	InstitutionSpeakersDesc InstitutionSort = "SPEAKERS_DESC"
	InstitutionSpeakersAsc  InstitutionSort = "SPEAKERS_ASC"
)

// InstitutionSorts lists every InstitutionSort, the default first.
var InstitutionSorts = []InstitutionSort{InstitutionNameAsc, InstitutionNameDesc, InstitutionSpeakersDesc, InstitutionSpeakersAsc}

// Resolve checks s and returns it with the default made explicit, and what it compares.
func (s InstitutionSort) Resolve() (InstitutionSort, Order, error) {
	return resolveSort(s, InstitutionSorts)
}

// MeetingSorts lists every MeetingSort, the default first.
var MeetingSorts = []MeetingSort{MeetingDateAsc, MeetingDateDesc, MeetingSpeakersDesc, MeetingSpeakersAsc}

// Resolve checks s and returns it with the default made explicit, and what it compares.
func (s MeetingSort) Resolve() (MeetingSort, Order, error) { return resolveSort(s, MeetingSorts) }

// Resolve checks s and returns it with the default made explicit, and what it compares.
func (s NameSort) Resolve() (NameSort, Order, error) {
	return resolveSort(s, []NameSort{NameAsc, NameDesc})
}
