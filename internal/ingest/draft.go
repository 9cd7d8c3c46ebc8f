package ingest

import (
	"errors"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// DefaultMaxBytes is the largest input Extract reads unless Options say otherwise.
const DefaultMaxBytes = 2 << 20

// Errors of Extract. Each is wrapped in a domain EINVALID error whose message
// says what is wrong with the input; errors.Is finds these.
var (
	ErrEmpty    = errors.New("empty input")
	ErrBinary   = errors.New("binary input")
	ErrTooLarge = errors.New("input too large")
)

// Evidence says where the original input supports a fact, and how sure
// Extract is of it. Start and End are offsets in Unicode code points (not
// bytes) into the input exactly as given, End exclusive: for HTML they point
// into the markup, for a file into the file.
type Evidence struct {
	Start      int     `json:"start" yaml:"start"`
	End        int     `json:"end" yaml:"end"`
	Confidence float64 `json:"confidence" yaml:"confidence"`
}

// Draft is what Extract read in one report: facts for a person to review
// before Apply writes them. Lists are never nil, so that JSON shows [] rather
// than null.
type Draft struct {
	// Language is the ISO 639-1 code of the report's language as detected
	// ("en", "ru", "az", "tr", "de"), or "und".
	Language string `json:"language" yaml:"language"`
	// Source is what the report says about itself: the URL on its first
	// line, the publication date of its dateline.
	Source SourceDraft `json:"source" yaml:"source"`
	// Warnings say what Extract could not read, or why the draft is empty.
	Warnings        []string              `json:"warnings" yaml:"warnings"`
	Meeting         MeetingDraft          `json:"meeting" yaml:"meeting"`
	Organisers      []InstitutionDraft    `json:"organisers" yaml:"organisers"`
	Speakers        []SpeakerDraft        `json:"speakers" yaml:"speakers"`
	Publications    []PublicationDraft    `json:"publications" yaml:"publications"`
	Recommendations []RecommendationDraft `json:"recommendations" yaml:"recommendations"`
	// Initiatives, Themes and Countries are those the whole report
	// mentions, each with its first mention.
	Initiatives []Tag `json:"initiatives" yaml:"initiatives"`
	Themes      []Tag `json:"themes" yaml:"themes"`
	Countries   []Tag `json:"countries" yaml:"countries"`
}

// SourceDraft is what a report says about itself.
type SourceDraft struct {
	URL       string `json:"url,omitempty" yaml:"url,omitempty"`
	Published string `json:"published,omitempty" yaml:"published,omitempty"` // ISO 8601, to its precision
}

// MeetingDraft is the meeting a report is about. Date is ISO 8601 reduced to
// its precision ("2024-06-21", "2024-06", "2024"); empty fields were not found.
type MeetingDraft struct {
	Council          string           `json:"council" yaml:"council"`
	CouncilAcronym   string           `json:"councilAcronym,omitempty" yaml:"councilAcronym,omitempty"`
	CouncilCountries []string         `json:"councilCountries,omitempty" yaml:"councilCountries,omitempty"` // country IDs of the gazetteer
	Ordinal          int              `json:"ordinal,omitempty" yaml:"ordinal,omitempty"`
	Date             string           `json:"date" yaml:"date"`
	DatePrecision    domain.Precision `json:"datePrecision,omitempty" yaml:"datePrecision,omitempty"`
	City             string           `json:"city" yaml:"city"`
	Country          string           `json:"country,omitempty" yaml:"country,omitempty"`
	Theme            string           `json:"theme,omitempty" yaml:"theme,omitempty"`
	Format           string           `json:"format,omitempty" yaml:"format,omitempty"`
	// Evidence holds, for each field above that was found ("council",
	// "ordinal", "date", "city", "theme", "format"), where and how surely.
	Evidence map[string]Evidence `json:"evidence,omitempty" yaml:"evidence,omitempty"`
}

// InstitutionDraft is an organiser as the report names it, with the
// acronym the report defines for it ("(RIAC)") and the country it gives
// ("(AIR Center, Azerbaijan)").
type InstitutionDraft struct {
	Name     string `json:"name" yaml:"name"`
	Acronym  string `json:"acronym,omitempty" yaml:"acronym,omitempty"`
	Country  string `json:"country,omitempty" yaml:"country,omitempty"` // a country ID
	Evidence `yaml:",inline"`
}

// SpeakerDraft is a person who spoke at, moderated or attended the meeting,
// with the title and institution the report gives. Name is always a span of
// the input.
type SpeakerDraft struct {
	Name               string        `json:"name" yaml:"name"`
	Title              string        `json:"title,omitempty" yaml:"title,omitempty"`
	Institution        string        `json:"institution,omitempty" yaml:"institution,omitempty"`
	InstitutionAcronym string        `json:"institutionAcronym,omitempty" yaml:"institutionAcronym,omitempty"`
	Country            string        `json:"country,omitempty" yaml:"country,omitempty"` // a country ID
	Roles              []domain.Role `json:"roles" yaml:"roles"`
	Order              int           `json:"order" yaml:"order"` // order of first mention, from 1
	Evidence           `yaml:",inline"`
	// Fields holds where the name, title and institution were read.
	Fields map[string]Evidence `json:"fields,omitempty" yaml:"fields,omitempty"`
}

// PublicationDraft is a paper presented (PRESENTED) or announced
// (ANNOUNCED) at the meeting.
type PublicationDraft struct {
	Title        string                     `json:"title" yaml:"title"`
	Kind         string                     `json:"kind,omitempty" yaml:"kind,omitempty"` // "policy brief", "paper", ...
	Institutions []string                   `json:"institutions,omitempty" yaml:"institutions,omitempty"`
	Relation     domain.PublicationRelation `json:"relation" yaml:"relation"`
	Evidence     `yaml:",inline"`
}

// RecommendationDraft is one conclusion, proposal, agreement or follow-up
// action, quoted from the report, with what it mentions.
type RecommendationDraft struct {
	Kind        domain.RecommendationKind `json:"kind" yaml:"kind"`
	Text        string                    `json:"text" yaml:"text"`
	Initiatives []Tag                     `json:"initiatives" yaml:"initiatives"`
	Themes      []Tag                     `json:"themes" yaml:"themes"`
	Countries   []Tag                     `json:"countries" yaml:"countries"`
	Evidence    `yaml:",inline"`
}

// Tag is a gazetteer entry (initiative, theme, country) found in the text:
// its ID in the gazetteer, its canonical name, and its first mention.
type Tag struct {
	ID       string `json:"id" yaml:"id"`
	Name     string `json:"name" yaml:"name"`
	Evidence `yaml:",inline"`
}

// Options tune Extract. The zero value is ready to use.
type Options struct {
	// MaxBytes is the largest input accepted; 0 means DefaultMaxBytes.
	MaxBytes int
	// Gazetteer lists the countries, cities, initiatives, institutions and
	// theme keywords to recognise; nil means Default().
	Gazetteer *Gazetteer
	// Published is the report's publication date when known from outside;
	// it gives the year of "June 21" and the day of "Friday".
	Published domain.Date
}

// SourceInfo describes the report being applied: the Source node Apply
// writes. URL and Publisher are required.
type SourceInfo struct {
	URL       string
	Publisher string
	Title     string
	Published domain.Date
	Language  string // ISO 639-1; the draft's language when empty
}

func newDraft() *Draft {
	return &Draft{
		Language:        "und",
		Warnings:        []string{},
		Organisers:      []InstitutionDraft{},
		Speakers:        []SpeakerDraft{},
		Publications:    []PublicationDraft{},
		Recommendations: []RecommendationDraft{},
		Initiatives:     []Tag{},
		Themes:          []Tag{},
		Countries:       []Tag{},
		Meeting:         MeetingDraft{Evidence: map[string]Evidence{}},
	}
}

// Empty reports whether the draft holds no fact at all.
func (d *Draft) Empty() bool {
	m := d.Meeting
	return m.Council == "" && m.Date == "" && m.City == "" && m.Ordinal == 0 && m.Theme == "" &&
		len(d.Speakers) == 0 && len(d.Organisers) == 0 && len(d.Recommendations) == 0 && len(d.Publications) == 0
}
