package neo4jstore

import (
	"context"
	"slices"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// Institutions.
const (
	institutionFields = "n, " +
		"head(COLLECT { MATCH (n)-[:" + relBasedIn + "]->(x:" + labelCountry + ") RETURN x." + propID + " }) AS country, " +
		sourcesField

	institutionsByID = "UNWIND $ids AS id MATCH (n:" + labelInstitution + " {" + propID + ": id}) RETURN " + institutionFields
	institutionsAll  = "MATCH (n:" + labelInstitution + ") RETURN " + institutionFields + " ORDER BY n." + propID

	// sourcesField reads a node's REPORTED_BY links, in the order written.
	sourcesField = "COLLECT { MATCH (n)-[r:" + relReportedBy + "]->(x:" + labelSource + ") " +
		"RETURN {" + propID + ": x." + propID + ", " + propExcerpt + ": r." + propExcerpt + "} ORDER BY r." + propPosition + " } AS sources"
)

func institutionOf(f *fields, rec *neo4j.Record) *domain.Institution {
	n := f.node(rec, "n")
	return &domain.Institution{
		ID:        f.str(n, propID),
		Name:      f.str(n, propName),
		ShortName: f.str(n, propShortName),
		Aliases:   f.strs(n, propAliases),
		Kind:      domain.InstitutionKind(f.str(n, propKind)),
		CountryID: value[string](f, rec, "country"),
		ParentID:  f.str(n, propParentID),
		Sources:   f.sourceRefs(rec, "sources"),
	}
}

func institutionID(x *domain.Institution) string { return x.ID }

// Institutions returns the institutions of ids.
func (s *Store) Institutions(ctx context.Context, ids []string) ([]*domain.Institution, error) {
	return batch(ctx, s, ids, institutionsByID, institutionOf, institutionID)
}

// ListInstitutions returns a page of institutions by name or by speakers.
func (s *Store) ListInstitutions(ctx context.Context, q domain.InstitutionQuery) (*domain.InstitutionConnection, error) {
	sort, order, err := q.Sort.Resolve()
	if err != nil {
		return nil, err
	}
	lq := sortedList("institutions", labelInstitution, sort, order, q.Filter, q.Page, institutionFields)
	if q.Filter.Kind != "" && !slices.Contains(domain.InstitutionKinds, q.Filter.Kind) {
		return nil, domain.Invalidf("filter.kind", "unknown institution kind %q; one of %v", q.Filter.Kind, domain.InstitutionKinds)
	}
	if q.Filter.CountryID != "" {
		lq.match("countryID", q.Filter.CountryID,
			"(n:"+labelInstitution+")-[:"+relBasedIn+"]->(:"+labelCountry+" {"+propID+": $countryID})")
	}
	if q.Filter.Kind != "" {
		lq.cond("n."+propKind+" = $kind", "kind", string(q.Filter.Kind))
	}
	lq.nameFilter(q.Filter.Name)
	return list(ctx, s, lq, institutionOf, institutionID)
}

func (w *writer) institution(x *domain.Institution) {
	keys := domain.NameKeys(x.Name, append([]string{x.ShortName}, x.Aliases...)...)
	w.node(labelInstitution, x.ID, x.Name, keys, keys, map[string]any{
		propName:      x.Name,
		propShortName: x.ShortName,
		propAliases:   x.Aliases,
		propKind:      string(x.Kind),
		propParentID:  x.ParentID,
	})
	w.link(labelInstitution, relBasedIn, labelCountry, x.ID, x.CountryID, nil)
	w.sources(labelInstitution, x.ID, x.Sources)
}
