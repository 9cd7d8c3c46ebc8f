package neo4jstore

import (
	"context"
	"slices"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// Initiatives and themes.
const (
	initiativeFields = "n, " + sourcesField

	initiativesByID = "UNWIND $ids AS id MATCH (n:" + labelInitiative + " {" + propID + ": id}) RETURN " + initiativeFields
	initiativesAll  = "MATCH (n:" + labelInitiative + ") RETURN " + initiativeFields + " ORDER BY n." + propID

	themeFields = "n, " + sourcesField

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
		Sources:     f.sourceRefs(rec, "sources"),
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
		Sources:     f.sourceRefs(rec, "sources"),
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

// ListInitiatives returns a page of initiatives by name or by mentions.
func (s *Store) ListInitiatives(ctx context.Context, q domain.InitiativeQuery) (*domain.InitiativeConnection, error) {
	sort, order, err := q.Sort.Resolve()
	if err != nil {
		return nil, err
	}
	f := q.Filter
	if f.Kind != "" && !slices.Contains(domain.InitiativeKinds, f.Kind) {
		return nil, domain.Invalidf("filter.kind", "unknown initiative kind %q; one of %v", f.Kind, domain.InitiativeKinds)
	}
	lq := sortedList("initiatives", labelInitiative, sort, order, f, q.Page, initiativeFields)
	lq.subjectFilter(labelInitiative, relMentions, f.CouncilID, f.Recurring)
	if f.Kind != "" {
		lq.cond("n."+propKind+" = $kind", "kind", string(f.Kind))
	}
	lq.nameFilter(f.Name)
	return list(ctx, s, lq, initiativeOf, initiativeID)
}

// ListThemes returns a page of themes by name or by mentions.
func (s *Store) ListThemes(ctx context.Context, q domain.ThemeQuery) (*domain.ThemeConnection, error) {
	sort, order, err := q.Sort.Resolve()
	if err != nil {
		return nil, err
	}
	lq := sortedList("themes", labelTheme, sort, order, q.Filter, q.Page, themeFields)
	lq.subjectFilter(labelTheme, relAbout, q.Filter.CouncilID, q.Filter.Recurring)
	lq.nameFilter(q.Filter.Name)
	return list(ctx, s, lq, themeOf, themeID)
}

// subjectFilter adds the filters initiatives and themes share: mentioned at
// a meeting of a council, by the meeting or one of its recommendations; and
// recurring (mentioned at two or more meetings) or not.
func (q *listQuery) subjectFilter(label, rel, councilID string, recurring *bool) {
	if councilID != "" {
		c := "(:" + labelCouncil + " {" + propID + ": $councilID})"
		q.match("councilID", councilID,
			"(n:"+label+")<-[:"+rel+"]-(:"+labelMeeting+")-[:"+relPartOf+"]->"+c,
			"(n:"+label+")<-[:"+rel+"]-(:"+labelRecommendation+")<-[:"+relProduced+"]-(:"+labelMeeting+")-[:"+relPartOf+"]->"+c)
	}
	switch {
	case recurring == nil:
	case *recurring:
		q.cond("n." + propMeetingCount + " >= 2")
	default:
		q.cond("n." + propMeetingCount + " < 2")
	}
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
	w.sources(labelInitiative, x.ID, x.Sources)
}

func (w *writer) theme(x *domain.Theme) {
	keys := domain.NameKeys(x.Name, x.Aliases...)
	w.node(labelTheme, x.ID, x.Name, keys, keys, map[string]any{
		propName:        x.Name,
		propAliases:     x.Aliases,
		propDescription: x.Description,
	})
	w.sources(labelTheme, x.ID, x.Sources)
}
