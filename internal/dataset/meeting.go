package dataset

import "github.com/expertgraph/expertgraph/internal/domain"

// meetingFile is one file of meetings/: a meeting, who appeared at it and
// what it concluded.
type meetingFile struct {
	at
	ID              string                `yaml:"id"`
	Council         string                `yaml:"council"`
	Ordinal         int                   `yaml:"ordinal"`
	Title           string                `yaml:"title"`
	Theme           string                `yaml:"theme"`
	ThemeVariants   []string              `yaml:"themeVariants"`
	Date            date                  `yaml:"date"`
	DateNote        string                `yaml:"dateNote"`
	Place           string                `yaml:"place"`
	Format          string                `yaml:"format"`
	Organizers      []string              `yaml:"organizers"`
	Themes          []string              `yaml:"themes"`
	Initiatives     []string              `yaml:"initiatives"`
	Publications    []publicationLink     `yaml:"publications"`
	Sources         []sourceRef           `yaml:"sources"`
	Appearances     []appearanceEntry     `yaml:"appearances" key:"person"`
	Recommendations []recommendationEntry `yaml:"recommendations" key:"id"`
}

// publicationLink ties a publication to the meeting: PRESENTED or ANNOUNCED.
type publicationLink struct {
	Publication string `yaml:"publication"`
	Relation    string `yaml:"relation"`
}

func (e *meetingFile) domain() *domain.Meeting {
	m := &domain.Meeting{ID: e.ID, CouncilID: e.Council, Ordinal: e.Ordinal, Title: e.Title, Theme: e.Theme,
		ThemeVariants: list(e.ThemeVariants), Date: domain.Date(e.Date), DateNote: e.DateNote, PlaceID: e.Place,
		Format: e.Format, OrganizerIDs: list(e.Organizers), ThemeIDs: list(e.Themes),
		InitiativeIDs: list(e.Initiatives), Sources: sourceRefs(e.Sources)}
	for _, p := range e.Publications {
		m.Publications = append(m.Publications, domain.PublicationLink{PublicationID: p.Publication,
			Relation: domain.PublicationRelation(p.Relation)})
	}
	return m
}
