package dataset

import "github.com/expertgraph/expertgraph/internal/domain"

// personEntry is one entry of people.yaml.
type personEntry struct {
	at
	ID           string             `yaml:"id"`
	Name         string             `yaml:"name"`
	Aliases      []string           `yaml:"aliases"`
	Country      string             `yaml:"country"`
	Affiliations []affiliationEntry `yaml:"affiliations"`
	Sources      []sourceRef        `yaml:"sources"`
}

// affiliationEntry is a person's post at an institution.
type affiliationEntry struct {
	Institution string `yaml:"institution"`
	Title       string `yaml:"title"`
	From        date   `yaml:"from"`
	To          date   `yaml:"to"`
}

func (e *personEntry) entryID() string       { return e.ID }
func (e *personEntry) addTo(g *domain.Graph) { g.People = append(g.People, e.domain()) }

func (e *personEntry) domain() *domain.Person {
	p := &domain.Person{ID: e.ID, Name: e.Name, Aliases: list(e.Aliases), CountryID: e.Country, Sources: sourceRefs(e.Sources)}
	for _, a := range e.Affiliations {
		p.Affiliations = append(p.Affiliations, domain.Affiliation{InstitutionID: a.Institution, Title: a.Title,
			From: domain.Date(a.From), To: domain.Date(a.To)})
	}
	return p
}
