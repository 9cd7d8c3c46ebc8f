package neo4jstore

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// Publications and sources.
const (
	publicationFields = "n, " +
		"COLLECT { MATCH (n)-[r:" + relPublishedBy + "]->(x:" + labelInstitution + ") RETURN x." + propID + " ORDER BY r." + propPosition + " } AS institutions, " +
		sourcesField

	publicationsByID = "UNWIND $ids AS id MATCH (n:" + labelPublication + " {" + propID + ": id}) RETURN " + publicationFields
	publicationsAll  = "MATCH (n:" + labelPublication + ") RETURN " + publicationFields + " ORDER BY n." + propID

	sourceFields = "n"

	sourcesByID = "UNWIND $ids AS id MATCH (n:" + labelSource + " {" + propID + ": id}) RETURN " + sourceFields
	sourcesAll  = "MATCH (n:" + labelSource + ") RETURN " + sourceFields + " ORDER BY n." + propID
)

func publicationOf(f *fields, rec *neo4j.Record) *domain.Publication {
	n := f.node(rec, "n")
	return &domain.Publication{
		ID:             f.str(n, propID),
		Title:          f.str(n, propTitle),
		Kind:           f.str(n, propKind),
		InstitutionIDs: f.list(rec, "institutions"),
		Status:         f.str(n, propStatus),
		Sources:        f.sourceRefs(rec, "sources"),
	}
}

func publicationID(x *domain.Publication) string { return x.ID }

func sourceOf(f *fields, rec *neo4j.Record) *domain.Source {
	n := f.node(rec, "n")
	return &domain.Source{
		ID:        f.str(n, propID),
		URL:       f.str(n, propURL),
		Title:     f.str(n, propTitle),
		Publisher: f.str(n, propPublisher),
		Published: f.date(n, propPublished),
		Language:  f.str(n, propLanguage),
	}
}

func sourceID(x *domain.Source) string { return x.ID }

// Publications returns the publications of ids.
func (s *Store) Publications(ctx context.Context, ids []string) ([]*domain.Publication, error) {
	return batch(ctx, s, ids, publicationsByID, publicationOf, publicationID)
}

// Sources returns the sources of ids.
func (s *Store) Sources(ctx context.Context, ids []string) ([]*domain.Source, error) {
	return batch(ctx, s, ids, sourcesByID, sourceOf, sourceID)
}

// ListPublications returns a page of publications by title; the name
// filter matches the title.
func (s *Store) ListPublications(ctx context.Context, q domain.PublicationQuery) (*domain.PublicationConnection, error) {
	lq, err := nameList("publications", labelPublication, q.Sort, q.Filter, q.Page, publicationFields)
	if err != nil {
		return nil, err
	}
	lq.nameFilter(q.Filter.Name)
	return list(ctx, s, lq, publicationOf, publicationID)
}

// ListSources returns a page of sources by title (untitled ones first); the
// name filter matches the title.
func (s *Store) ListSources(ctx context.Context, q domain.SourceQuery) (*domain.SourceConnection, error) {
	lq, err := nameList("sources", labelSource, q.Sort, q.Filter, q.Page, sourceFields)
	if err != nil {
		return nil, err
	}
	lq.nameFilter(q.Filter.Name)
	return list(ctx, s, lq, sourceOf, sourceID)
}

func (w *writer) publication(x *domain.Publication) {
	keys := domain.NameKeys(x.Title)
	w.node(labelPublication, x.ID, x.Title, keys, keys, map[string]any{
		propTitle:  x.Title,
		propKind:   x.Kind,
		propStatus: x.Status,
	})
	w.list(labelPublication, relPublishedBy, labelInstitution, x.ID, x.InstitutionIDs)
	w.sources(labelPublication, x.ID, x.Sources)
}

// source writes a source: Lookup never finds it (no :Name), the name
// filter and the order use its title.
func (w *writer) source(x *domain.Source) {
	w.node(labelSource, x.ID, x.Title, nil, domain.NameKeys(x.Title), map[string]any{
		propURL:       x.URL,
		propTitle:     x.Title,
		propPublisher: x.Publisher,
		propPublished: dateString(x.Published),
		propLanguage:  x.Language,
	})
}
