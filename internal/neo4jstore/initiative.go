package neo4jstore

import (
	"context"
	"slices"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// Initiatives and themes.
const (
	initiativeFields = "n"

	initiativesByID = "UNWIND $ids AS id MATCH (n:" + labelInitiative + " {" + propID + ": id}) RETURN " + initiativeFields
	initiativesAll  = "MATCH (n:" + labelInitiative + ") RETURN " + initiativeFields + " ORDER BY n." + propID

	themeFields = "n"

	themesByID = "UNWIND $ids AS id MATCH (n:" + labelTheme + " {" + propID + ": id}) RETURN " + themeFields
	themesAll  = "MATCH (n:" + labelTheme + ") RETURN " + themeFields + " ORDER BY n." + propID
)

func initiativeOf(f *fields, rec *neo4j.Record) *domain.Initiative {
	n := f.node(rec, "n")
	return &domain.Initiative{
		ID:          f.str(n, propID),
		Name:        f.str(n, propName),
		ShortName:   f.str(n, propShortName),
		Aliases:     f.strs(n, propAliases),
		Kind:        domain.InitiativeKind(f.str(n, propKind)),
		Description: f.str(n, propDescription),
	}
}

func initiativeID(x *domain.Initiative) string { return x.ID }

func themeOf(f *fields, rec *neo4j.Record) *domain.Theme {
	n := f.node(rec, "n")
	return &domain.Theme{
		ID:          f.str(n, propID),
		Name:        f.str(n, propName),
		Description: f.str(n, propDescription),
		Aliases:     f.strs(n, propAliases),
	}
}

func themeID(x *domain.Theme) string { return x.ID }

// Initiatives returns the initiatives of ids.
func (s *Store) Initiatives(ctx context.Context, ids []string) ([]*domain.Initiative, error) {
	return batch(ctx, s, ids, initiativesByID, initiativeOf, initiativeID)
}

// Themes returns the themes of ids.
func (s *Store) Themes(ctx context.Context, ids []string) ([]*domain.Theme, error) {
	return batch(ctx, s, ids, themesByID, themeOf, themeID)
}

// ListInitiatives returns a page of initiatives by name.
func (s *Store) ListInitiatives(ctx context.Context, q domain.InitiativeQuery) (*domain.InitiativeConnection, error) {
	lq, err := nameList("initiatives", labelInitiative, q.Sort, q.Filter, q.Page, initiativeFields)
	if err != nil {
		return nil, err
	}
	f := q.Filter
	if f.Kind != "" && !slices.Contains(domain.InitiativeKinds, f.Kind) {
		return nil, domain.Invalidf("filter.kind", "unknown initiative kind %q; one of %v", f.Kind, domain.InitiativeKinds)
	}
	if f.CouncilID != "" {
		// Mentioned at a meeting of the council, by the meeting or one of its recommendations.
		lq.match("councilID", f.CouncilID,
			"(n:"+labelInitiative+")<-[:"+relMentions+"]-(:"+labelMeeting+")-[:"+relPartOf+"]->(:"+labelCouncil+" {"+propID+": $councilID})",
			"(n:"+labelInitiative+")<-[:"+relMentions+"]-(:"+labelRecommendation+")<-[:"+relProduced+"]-(:"+labelMeeting+")-[:"+relPartOf+"]->(:"+labelCouncil+" {"+propID+": $councilID})")
	}
	if f.Kind != "" {
		lq.cond("n."+propKind+" = $kind", "kind", string(f.Kind))
	}
	lq.nameFilter(f.Name)
	return list(ctx, s, lq, initiativeOf, initiativeID)
}

// ListThemes returns a page of themes by name.
func (s *Store) ListThemes(ctx context.Context, q domain.ThemeQuery) (*domain.ThemeConnection, error) {
	lq, err := nameList("themes", labelTheme, q.Sort, q.Filter, q.Page, themeFields)
	if err != nil {
		return nil, err
	}
	lq.nameFilter(q.Filter.Name)
	return list(ctx, s, lq, themeOf, themeID)
}

func (w *writer) initiative(x *domain.Initiative) {
	keys := domain.NameKeys(x.Name, append([]string{x.ShortName}, x.Aliases...)...)
	w.node(labelInitiative, x.ID, x.Name, keys, keys, map[string]any{
		propName:        x.Name,
		propShortName:   x.ShortName,
		propAliases:     x.Aliases,
		propKind:        string(x.Kind),
		propDescription: x.Description,
	})
}

func (w *writer) theme(x *domain.Theme) {
	keys := domain.NameKeys(x.Name, x.Aliases...)
	w.node(labelTheme, x.ID, x.Name, keys, keys, map[string]any{
		propName:        x.Name,
		propAliases:     x.Aliases,
		propDescription: x.Description,
	})
}
