package dataset

import "github.com/expertgraph/expertgraph/internal/domain"

// appearanceEntry is one item of a meeting file's appearances: a person who
// spoke at or took part in the meeting, as the sources describe them then.
type appearanceEntry struct {
	at
	Person      string      `yaml:"person"`
	Roles       []string    `yaml:"roles"`
	Title       string      `yaml:"title"`
	Institution string      `yaml:"institution"`
	Country     string      `yaml:"country"`
	Session     string      `yaml:"session"`
	Order       int         `yaml:"order"`
	Sources     []sourceRef `yaml:"sources"`
}

func (e *appearanceEntry) domain(meetingID string) *domain.Appearance {
	a := &domain.Appearance{MeetingID: meetingID, PersonID: e.Person, Title: e.Title, InstitutionID: e.Institution,
		CountryID: e.Country, Session: e.Session, Order: e.Order, Sources: sourceRefs(e.Sources)}
	for _, r := range e.Roles {
		a.Roles = append(a.Roles, domain.Role(r))
	}
	return a
}
