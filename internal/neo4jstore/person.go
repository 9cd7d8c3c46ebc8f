package neo4jstore

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// People.
const (
	personFields = "n, " +
		"head(COLLECT { MATCH (n)-[:" + relCitizenOf + "]->(x:" + labelCountry + ") RETURN x." + propID + " }) AS country, " +
		"COLLECT { MATCH (n)-[r:" + relAffiliatedWith + "]->(x:" + labelInstitution + ") WHERE r." + propDerived + " IS NULL " +
		"RETURN {" + propID + ": x." + propID + ", " + propTitle + ": r." + propTitle + ", " + propFrom + ": r." + propFrom + ", " +
		propTo + ": r." + propTo + "} ORDER BY r." + propPosition + " } AS affiliations, " +
		sourcesField

	peopleByID = "UNWIND $ids AS id MATCH (n:" + labelPerson + " {" + propID + ": id}) RETURN " + personFields
	peopleAll  = "MATCH (n:" + labelPerson + ") RETURN " + personFields + " ORDER BY n." + propID
)

func personOf(f *fields, rec *neo4j.Record) *domain.Person {
	n := f.node(rec, "n")
	p := &domain.Person{
		ID:        f.str(n, propID),
		Name:      f.str(n, propName),
		Aliases:   f.strs(n, propAliases),
		CountryID: value[string](f, rec, "country"),
		Sources:   f.sourceRefs(rec, "sources"),
	}
	for _, m := range f.maps(rec, "affiliations") {
		p.Affiliations = append(p.Affiliations, domain.Affiliation{
			InstitutionID: f.text(m, propID),
			Title:         f.text(m, propTitle),
			From:          f.parseDate(f.text(m, propFrom), propFrom),
			To:            f.parseDate(f.text(m, propTo), propTo),
		})
	}
	return p
}

func personID(x *domain.Person) string { return x.ID }

// People returns the people of ids.
func (s *Store) People(ctx context.Context, ids []string) ([]*domain.Person, error) {
	return batch(ctx, s, ids, peopleByID, personOf, personID)
}

// ListPeople returns a page of people by name or by appearances.
func (s *Store) ListPeople(ctx context.Context, q domain.PersonQuery) (*domain.PersonConnection, error) {
	sort, order, err := q.Sort.Resolve()
	if err != nil {
		return nil, err
	}
	if err := q.Filter.Validate("filter"); err != nil {
		return nil, err
	}
	lq := sortedList("people", labelPerson, sort, order, q.Filter, q.Page, personFields)
	t := newTerms()
	lq.add(t, t.person(q.Filter))
	return list(ctx, s, lq, personOf, personID)
}

func (w *writer) person(x *domain.Person) {
	keys := domain.NameKeys(x.Name, x.Aliases...)
	w.node(labelPerson, x.ID, x.Name, keys, keys, map[string]any{
		propName:    x.Name,
		propAliases: x.Aliases,
	})
	w.link(labelPerson, relCitizenOf, labelCountry, x.ID, x.CountryID, nil)
	for i, a := range x.Affiliations {
		w.link(labelPerson, relAffiliatedWith, labelInstitution, x.ID, a.InstitutionID, map[string]any{
			propPosition: i,
			propTitle:    a.Title,
			propFrom:     dateString(a.From),
			propTo:       dateString(a.To),
		})
	}
	w.sources(labelPerson, x.ID, x.Sources)
	w.people = append(w.people, x.ID)
}
