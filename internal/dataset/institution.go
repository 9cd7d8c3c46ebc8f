package dataset

import "github.com/expertgraph/expertgraph/internal/domain"

// institutionEntry is one entry of institutions.yaml.
type institutionEntry struct {
	at
	ID        string      `yaml:"id"`
	Name      string      `yaml:"name"`
	ShortName string      `yaml:"shortName"`
	Aliases   []string    `yaml:"aliases"`
	Kind      string      `yaml:"kind"`
	Country   string      `yaml:"country"`
	Parent    string      `yaml:"parent"`
	Sources   []sourceRef `yaml:"sources"`
}

func (e *institutionEntry) entryID() string { return e.ID }
func (e *institutionEntry) addTo(g *domain.Graph) {
	g.Institutions = append(g.Institutions, e.domain())
}

func (e *institutionEntry) domain() *domain.Institution {
	return &domain.Institution{ID: e.ID, Name: e.Name, ShortName: e.ShortName, Aliases: list(e.Aliases),
		Kind: domain.InstitutionKind(e.Kind), CountryID: e.Country, ParentID: e.Parent, Sources: sourceRefs(e.Sources)}
}
