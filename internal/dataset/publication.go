package dataset

import (
	"go.yaml.in/yaml/v3"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// publicationEntry is one entry of publications.yaml.
type publicationEntry struct {
	at
	ID           string      `yaml:"id"`
	Title        string      `yaml:"title"`
	Kind         string      `yaml:"kind"`
	Status       string      `yaml:"status"`
	Institutions []string    `yaml:"institutions"`
	Sources      []sourceRef `yaml:"sources"`
}

func (e *publicationEntry) entryID() string { return e.ID }
func (e *publicationEntry) addTo(g *domain.Graph) {
	g.Publications = append(g.Publications, e.domain())
}

func (e *publicationEntry) domain() *domain.Publication {
	return &domain.Publication{ID: e.ID, Title: e.Title, Kind: e.Kind, InstitutionIDs: list(e.Institutions),
		Status: e.Status, Sources: sourceRefs(e.Sources)}
}

// sourceEntry is one entry of sources.yaml.
type sourceEntry struct {
	at
	ID        string `yaml:"id"`
	URL       string `yaml:"url"`
	Title     string `yaml:"title"`
	Publisher string `yaml:"publisher"`
	Published date   `yaml:"published"`
	Language  string `yaml:"language"`
}

func (e *sourceEntry) entryID() string       { return e.ID }
func (e *sourceEntry) addTo(g *domain.Graph) { g.Sources = append(g.Sources, e.domain()) }

func (e *sourceEntry) domain() *domain.Source {
	return &domain.Source{ID: e.ID, URL: e.URL, Title: e.Title, Publisher: e.Publisher,
		Published: domain.Date(e.Published), Language: e.Language}
}

// sourceRef is one item of a sources: list, written either as a source ID
// ("riac-raec-5") or, to quote the words the source uses, as a mapping
// {source: riac-raec-5, excerpt: "..."}.
type sourceRef struct {
	Source  string `yaml:"source"`
	Excerpt string `yaml:"excerpt"`
}

func (r *sourceRef) decodeNode(d *decoder, path string, n *yaml.Node) {
	if n.Kind == yaml.ScalarNode {
		if !isNull(n) {
			r.Source = n.Value
		}
		return
	}
	if n.Kind != yaml.MappingNode {
		d.fail(path, n, "must be a source ID or a mapping {source: ID, excerpt: text}, not a %s", kindName(n))
		return
	}
	type plain sourceRef // without decodeNode, so that it decodes as a struct
	d.decodeStruct(path, n, reflectValue((*plain)(r)))
}

func sourceRefs(rs []sourceRef) []domain.SourceRef {
	if len(rs) == 0 {
		return nil
	}
	out := make([]domain.SourceRef, len(rs))
	for i, r := range rs {
		out[i] = domain.SourceRef{SourceID: r.Source, Excerpt: r.Excerpt}
	}
	return out
}
