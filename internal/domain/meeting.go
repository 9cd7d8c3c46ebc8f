package domain

// Meeting is one edition of a council, or a one-off event.
type Meeting struct {
	ID            string
	CouncilID     string // "" for a one-off event
	Ordinal       int    // the edition's number within its council; 0 if unknown
	Title         string
	Theme         string   // the theme as announced ("Cooperation Between ...")
	ThemeVariants []string // other wordings of the theme given by other sources
	Date          Date
	DateNote      string // where sources disagree on the date, what each says
	PlaceID       string
	Format        string   // "two sessions and a panel discussion"
	OrganizerIDs  []string // institutions
	ThemeIDs      []string // taxonomy themes the meeting dealt with
	InitiativeIDs []string // initiatives mentioned at the meeting (beyond its recommendations)
	Publications  []PublicationLink
	Sources       []SourceRef
}

// PublicationRelation says how a publication relates to a meeting.
type PublicationRelation string

// Publication relations.
const (
	PublicationPresented PublicationRelation = "PRESENTED"
	PublicationAnnounced PublicationRelation = "ANNOUNCED"
)

// PublicationLink ties a publication to a meeting where it was presented or announced.
type PublicationLink struct {
	PublicationID string
	Relation      PublicationRelation
}

// MeetingSort orders meetings.
type MeetingSort string

// Meeting orders: by date, or by the number of people who appeared.
const (
	MeetingDateAsc      MeetingSort = "DATE_ASC"
	MeetingDateDesc     MeetingSort = "DATE_DESC"
	MeetingSpeakersDesc MeetingSort = "SPEAKERS_DESC"
	MeetingSpeakersAsc  MeetingSort = "SPEAKERS_ASC"
)

// MeetingFilter selects meetings; zero fields match everything, set fields
// all must match, and so must every filter of And, at least one of Or (when
// given) and not Not. An ID that names nothing matches nothing.
type MeetingFilter struct {
	CouncilID            string
	CountryID            string // where it was held
	PlaceID              string
	ThemeID              string
	InitiativeID         string // mentioned by the meeting or one of its recommendations
	PersonID             string // appeared at it
	InstitutionID        string // organised it or sent a speaker
	SpeakerInstitutionID string // some person appeared at it for this institution (at the time)
	Dates                DateRange

	And []MeetingFilter
	Or  []MeetingFilter
	Not *MeetingFilter
}

// MeetingQuery is a page of meetings.
type MeetingQuery struct {
	Filter MeetingFilter
	Sort   MeetingSort
	Page   PageRequest
}

// DatePrecision returns how precise the meeting's date is.
func (m *Meeting) DatePrecision() Precision { return m.Date.Precision() }

// KnownOrdinal returns Ordinal, or nil when it is unknown (0).
func (m *Meeting) KnownOrdinal() *int { return known(m.Ordinal) }

// known returns &n, or nil for 0 (unknown).
func known(n int) *int {
	if n == 0 {
		return nil
	}
	return &n
}
