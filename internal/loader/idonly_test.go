package loader

import (
	"testing"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// TestIDNode checks that every kind has its GraphQL type and an ID-only node
// of that kind.
func TestIDNode(t *testing.T) {
	for _, k := range domain.AllKinds {
		t.Run(string(k), func(t *testing.T) {
			if graphQLType[k] == "" {
				t.Errorf("no GraphQL type for %s", k)
			}
			n := idNode(&domain.NodeRef{ID: "x", Kind: k})
			if n == nil || n.NodeKind() != k {
				t.Fatalf("idNode(%s) = %#v", k, n)
			}
		})
	}
}
