package dataset

import "github.com/expertgraph/expertgraph/internal/domain"

// countryEntry is one entry of countries.yaml.
type countryEntry struct {
	at
	ID      string      `yaml:"id"`
	Name    string      `yaml:"name"`
	Aliases []string    `yaml:"aliases"`
	Sources []sourceRef `yaml:"sources"`
}

func (e *countryEntry) entryID() string       { return e.ID }
func (e *countryEntry) addTo(g *domain.Graph) { g.Countries = append(g.Countries, e.domain()) }

func (e *countryEntry) domain() *domain.Country {
	return &domain.Country{ID: e.ID, Name: e.Name, Aliases: list(e.Aliases), Sources: sourceRefs(e.Sources)}
}

// placeEntry is one entry of places.yaml.
type placeEntry struct {
	at
	ID      string      `yaml:"id"`
	Name    string      `yaml:"name"`
	Aliases []string    `yaml:"aliases"`
	Country string      `yaml:"country"`
	Sources []sourceRef `yaml:"sources"`
}

func (e *placeEntry) entryID() string       { return e.ID }
func (e *placeEntry) addTo(g *domain.Graph) { g.Places = append(g.Places, e.domain()) }

func (e *placeEntry) domain() *domain.Place {
	return &domain.Place{ID: e.ID, Name: e.Name, Aliases: list(e.Aliases), CountryID: e.Country,
		Sources: sourceRefs(e.Sources)}
}
