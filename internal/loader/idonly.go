package loader

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// graphQLType is the GraphQL object type of each kind of node.
var graphQLType = map[domain.Kind]string{
	domain.KindCouncil: "Council", domain.KindMeeting: "Meeting", domain.KindPerson: "Person",
	domain.KindInstitution: "Institution", domain.KindCountry: "Country", domain.KindPlace: "Place",
	domain.KindInitiative: "Initiative", domain.KindTheme: "Theme", domain.KindRecommendation: "Recommendation",
	domain.KindPublication: "Publication", domain.KindSource: "Source",
}

// idOnly reports whether the field being resolved in ctx, which returns
// nodes of the kinds of refs, asks of each of them nothing but id and
// __typename (directly, on Node, or in a fragment on its type); false
// outside a GraphQL request.
func idOnly(ctx context.Context, refs []*domain.NodeRef) bool {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || fc.Field.Field == nil || !graphql.HasOperationContext(ctx) {
		return false
	}
	op := graphql.GetOperationContext(ctx)
	checked := map[domain.Kind]bool{}
	for _, r := range refs {
		if checked[r.Kind] {
			continue
		}
		checked[r.Kind] = true
		typ, ok := graphQLType[r.Kind]
		if !ok || !asksIDOnly(op, fc.Field.Selections, typ) {
			return false
		}
	}
	return true
}

// asksIDOnly reports whether sels, on a node of GraphQL type typ, ask
// nothing but id and __typename (directly, on Node, or in a fragment on
// typ).
func asksIDOnly(op *graphql.OperationContext, sels ast.SelectionSet, typ string) bool {
	for _, f := range graphql.CollectFields(op, sels, []string{typ, "Node"}) {
		if f.Name != "id" && f.Name != "__typename" {
			return false
		}
	}
	return true
}

// idNode returns a node of r's kind that holds only r's ID, for a query
// that asks nothing else of it.
func idNode(r *domain.NodeRef) domain.Node {
	switch r.Kind {
	case domain.KindCouncil:
		return &domain.Council{ID: r.ID}
	case domain.KindMeeting:
		return &domain.Meeting{ID: r.ID}
	case domain.KindPerson:
		return &domain.Person{ID: r.ID}
	case domain.KindInstitution:
		return &domain.Institution{ID: r.ID}
	case domain.KindCountry:
		return &domain.Country{ID: r.ID}
	case domain.KindPlace:
		return &domain.Place{ID: r.ID}
	case domain.KindInitiative:
		return &domain.Initiative{ID: r.ID}
	case domain.KindTheme:
		return &domain.Theme{ID: r.ID}
	case domain.KindRecommendation:
		return &domain.Recommendation{ID: r.ID}
	case domain.KindPublication:
		return &domain.Publication{ID: r.ID}
	case domain.KindSource:
		return &domain.Source{ID: r.ID}
	}
	return nil
}
