package dataset

import "github.com/expertgraph/expertgraph/internal/domain"

// councilEntry is one entry of councils.yaml.
type councilEntry struct {
	at
	ID          string      `yaml:"id"`
	Name        string      `yaml:"name"`
	ShortName   string      `yaml:"shortName"`
	Aliases     []string    `yaml:"aliases"`
	Description string      `yaml:"description"`
	Frequency   string      `yaml:"frequency"`
	Founded     date        `yaml:"founded"`
	Countries   []string    `yaml:"countries"`
	Organizers  []string    `yaml:"organizers"`
	Sources     []sourceRef `yaml:"sources"`
}

func (e *councilEntry) entryID() string       { return e.ID }
func (e *councilEntry) addTo(g *domain.Graph) { g.Councils = append(g.Councils, e.domain()) }

func (e *councilEntry) domain() *domain.Council {
	return &domain.Council{ID: e.ID, Name: e.Name, ShortName: e.ShortName, Aliases: list(e.Aliases),
		Description: e.Description, Frequency: e.Frequency, Founded: domain.Date(e.Founded),
		CountryIDs: list(e.Countries), OrganizerIDs: list(e.Organizers), Sources: sourceRefs(e.Sources)}
}
