package neo4jstore

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// Councils.
const (
	councilFields = "n, " +
		"COLLECT { MATCH (n)-[r:" + relBetween + "]->(x:" + labelCountry + ") RETURN x." + propID + " ORDER BY r." + propPosition + " } AS countries, " +
		"COLLECT { MATCH (n)-[r:" + relOrganizedBy + "]->(x:" + labelInstitution + ") RETURN x." + propID + " ORDER BY r." + propPosition + " } AS organizers, " +
		sourcesField

	councilsByID = "UNWIND $ids AS id MATCH (n:" + labelCouncil + " {" + propID + ": id}) RETURN " + councilFields
	councilsAll  = "MATCH (n:" + labelCouncil + ") RETURN " + councilFields + " ORDER BY n." + propID
)

func councilOf(f *fields, rec *neo4j.Record) *domain.Council {
	n := f.node(rec, "n")
	return &domain.Council{
		ID:           f.str(n, propID),
		Name:         f.str(n, propName),
		ShortName:    f.str(n, propShortName),
		Aliases:      f.strs(n, propAliases),
		Description:  f.str(n, propDescription),
		Frequency:    f.str(n, propFrequency),
		Founded:      f.date(n, propFounded),
		CountryIDs:   f.list(rec, "countries"),
		OrganizerIDs: f.list(rec, "organizers"),
		Sources:      f.sourceRefs(rec, "sources"),
	}
}

func councilID(x *domain.Council) string { return x.ID }

// Councils returns the councils of ids.
func (s *Store) Councils(ctx context.Context, ids []string) ([]*domain.Council, error) {
	return batch(ctx, s, ids, councilsByID, councilOf, councilID)
}

// ListCouncils returns a page of councils by name.
func (s *Store) ListCouncils(ctx context.Context, q domain.CouncilQuery) (*domain.CouncilConnection, error) {
	lq, err := nameList("councils", labelCouncil, q.Sort, q.Filter, q.Page, councilFields)
	if err != nil {
		return nil, err
	}
	if q.Filter.CountryID != "" {
		lq.match("countryID", q.Filter.CountryID,
			"(n:"+labelCouncil+")-[:"+relBetween+"]->(:"+labelCountry+" {"+propID+": $countryID})")
	}
	lq.nameFilter(q.Filter.Name)
	return list(ctx, s, lq, councilOf, councilID)
}

func (w *writer) council(x *domain.Council) {
	keys := domain.NameKeys(x.Name, append([]string{x.ShortName}, x.Aliases...)...)
	w.node(labelCouncil, x.ID, x.Name, keys, keys, map[string]any{
		propName:        x.Name,
		propShortName:   x.ShortName,
		propAliases:     x.Aliases,
		propDescription: x.Description,
		propFrequency:   x.Frequency,
		propFounded:     dateString(x.Founded),
	})
	w.list(labelCouncil, relBetween, labelCountry, x.ID, x.CountryIDs)
	w.list(labelCouncil, relOrganizedBy, labelInstitution, x.ID, x.OrganizerIDs)
	w.sources(labelCouncil, x.ID, x.Sources)
}
