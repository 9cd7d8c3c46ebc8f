package neo4jstore

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// Countries and places.
const (
	countryFields = "n, " + sourcesField

	countriesByID = "UNWIND $ids AS id MATCH (n:" + labelCountry + " {" + propID + ": id}) RETURN " + countryFields
	countriesAll  = "MATCH (n:" + labelCountry + ") RETURN " + countryFields + " ORDER BY n." + propID

	placeFields = "n, " +
		"head(COLLECT { MATCH (n)-[:" + relLocatedIn + "]->(x:" + labelCountry + ") RETURN x." + propID + " }) AS country, " +
		sourcesField

	placesByID = "UNWIND $ids AS id MATCH (n:" + labelPlace + " {" + propID + ": id}) RETURN " + placeFields
	placesAll  = "MATCH (n:" + labelPlace + ") RETURN " + placeFields + " ORDER BY n." + propID
)

func countryOf(f *fields, rec *neo4j.Record) *domain.Country {
	n := f.node(rec, "n")
	return &domain.Country{ID: f.str(n, propID), Name: f.str(n, propName), Aliases: f.strs(n, propAliases),
		Sources: f.sourceRefs(rec, "sources")}
}

func countryID(x *domain.Country) string { return x.ID }

func placeOf(f *fields, rec *neo4j.Record) *domain.Place {
	n := f.node(rec, "n")
	return &domain.Place{ID: f.str(n, propID), Name: f.str(n, propName), Aliases: f.strs(n, propAliases),
		CountryID: value[string](f, rec, "country"), Sources: f.sourceRefs(rec, "sources")}
}

func placeID(x *domain.Place) string { return x.ID }

// Countries returns the countries of ids.
func (s *Store) Countries(ctx context.Context, ids []string) ([]*domain.Country, error) {
	return batch(ctx, s, ids, countriesByID, countryOf, countryID)
}

// Places returns the places of ids.
func (s *Store) Places(ctx context.Context, ids []string) ([]*domain.Place, error) {
	return batch(ctx, s, ids, placesByID, placeOf, placeID)
}

// ListCountries returns a page of countries by name.
func (s *Store) ListCountries(ctx context.Context, q domain.CountryQuery) (*domain.CountryConnection, error) {
	lq, err := nameList("countries", labelCountry, q.Sort, q.Filter, q.Page, countryFields)
	if err != nil {
		return nil, err
	}
	lq.nameFilter(q.Filter.Name)
	return list(ctx, s, lq, countryOf, countryID)
}

// ListPlaces returns a page of places by name.
func (s *Store) ListPlaces(ctx context.Context, q domain.PlaceQuery) (*domain.PlaceConnection, error) {
	lq, err := nameList("places", labelPlace, q.Sort, q.Filter, q.Page, placeFields)
	if err != nil {
		return nil, err
	}
	if q.Filter.CountryID != "" {
		lq.match("countryID", q.Filter.CountryID,
			"(n:"+labelPlace+")-[:"+relLocatedIn+"]->(:"+labelCountry+" {"+propID+": $countryID})")
	}
	lq.nameFilter(q.Filter.Name)
	return list(ctx, s, lq, placeOf, placeID)
}

func (w *writer) country(x *domain.Country) {
	w.node(labelCountry, x.ID, x.Name, domain.NameKeys(x.Name, x.Aliases...), domain.NameKeys(x.Name, x.Aliases...), map[string]any{
		propName:    x.Name,
		propAliases: x.Aliases,
	})
	w.sources(labelCountry, x.ID, x.Sources)
}

func (w *writer) place(x *domain.Place) {
	w.node(labelPlace, x.ID, x.Name, domain.NameKeys(x.Name, x.Aliases...), domain.NameKeys(x.Name, x.Aliases...), map[string]any{
		propName:    x.Name,
		propAliases: x.Aliases,
	})
	w.link(labelPlace, relLocatedIn, labelCountry, x.ID, x.CountryID, nil)
	w.sources(labelPlace, x.ID, x.Sources)
}
