package dataset

import "github.com/expertgraph/expertgraph/internal/domain"

// initiativeEntry is one entry of initiatives.yaml.
type initiativeEntry struct {
	at
	ID          string      `yaml:"id"`
	Name        string      `yaml:"name"`
	ShortName   string      `yaml:"shortName"`
	Aliases     []string    `yaml:"aliases"`
	Kind        string      `yaml:"kind"`
	Description string      `yaml:"description"`
	Sources     []sourceRef `yaml:"sources"`
}

func (e *initiativeEntry) entryID() string       { return e.ID }
func (e *initiativeEntry) addTo(g *domain.Graph) { g.Initiatives = append(g.Initiatives, e.domain()) }

func (e *initiativeEntry) domain() *domain.Initiative {
	return &domain.Initiative{ID: e.ID, Name: e.Name, ShortName: e.ShortName, Aliases: list(e.Aliases),
		Kind: domain.InitiativeKind(e.Kind), Description: e.Description, Sources: sourceRefs(e.Sources)}
}

// themeEntry is one entry of themes.yaml, the curated taxonomy.
type themeEntry struct {
	at
	ID          string      `yaml:"id"`
	Name        string      `yaml:"name"`
	Aliases     []string    `yaml:"aliases"`
	Description string      `yaml:"description"`
	Sources     []sourceRef `yaml:"sources"`
}

func (e *themeEntry) entryID() string       { return e.ID }
func (e *themeEntry) addTo(g *domain.Graph) { g.Themes = append(g.Themes, e.domain()) }

func (e *themeEntry) domain() *domain.Theme {
	return &domain.Theme{ID: e.ID, Name: e.Name, Aliases: list(e.Aliases), Description: e.Description,
		Sources: sourceRefs(e.Sources)}
}
