package neo4jstore

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// Resolve and Lookup.
const (
	refsByID = "UNWIND $ids AS id MATCH (n:" + labelNode + " {" + propID + ": id}) RETURN n" + refProps + "labels(n)} AS n" // refItem

	// lookupByKey seeks the :Name node of the normalised name on its unique
	// index (NodeUniqueIndexSeek in the plan) and follows HAS_NAME back to
	// the nodes that bear it; no label is scanned. The hint (USING INDEX
	// SEEK) holds the plan to the seek whatever the statistics say: on a
	// database just emptied and refilled, the planner otherwise sometimes
	// chose an index scan (TestPlans failed 1 run in 6).
	lookupByKey = "MATCH (k:" + labelName + " {" + propKey + ": $key})<-[:" + relHasName + "]-(n:" + labelNode + ") " +
		"USING INDEX SEEK k:" + labelName + "(" + propKey + ") " +
		"WHERE any(l IN labels(n) WHERE l IN $labels) RETURN n" + refProps + "labels(n)} AS n" // refItem
)

// MaxLookupLength is the longest name Lookup accepts, in characters.
const MaxLookupLength = 200

// refOf returns the kind and display name of a node: a meeting's or a
// publication's title, a source's title (or URL), a recommendation's text,
// the name of anything else.
func refOf(f *fields, n neo4j.Node) *domain.NodeRef {
	r := &domain.NodeRef{ID: f.str(n, propID), Kind: kindOfLabels(n.Labels)}
	switch r.Kind {
	case domain.KindMeeting, domain.KindPublication:
		r.Name = f.str(n, propTitle)
	case domain.KindSource:
		if r.Name = f.str(n, propTitle); r.Name == "" {
			r.Name = f.str(n, propURL)
		}
	case domain.KindRecommendation:
		r.Name = f.str(n, propText)
	default:
		r.Name = f.str(n, propName)
	}
	return r
}

// refItem returns what refOf reads of the node v, as a map: its ID, the
// properties its display name comes from and its labels. Neo4j reads and
// sends these, not the whole node.
func refItem(v string) string { return v + refProps + "labels(" + v + ")}" }

const (
	// refLabels is the key of a refItem's labels.
	refLabels = "eg_labels"
	// refProps is a refItem but its variable, before and inside labels().
	refProps = "{." + propID + ", ." + propName + ", ." + propTitle + ", ." + propURL + ", ." + propText + ", " + refLabels + ": "
)

// refNode returns x, a refItem or a node, as a node.
func (f *fields) refNode(x any) neo4j.Node {
	switch v := x.(type) {
	case neo4j.Node:
		return v
	case map[string]any:
		labels := f.strings(asList(f, v[refLabels]), refLabels)
		delete(v, refLabels)
		return neo4j.Node{Labels: labels, Props: present(v)}
	}
	f.fail(errNotNode)
	return neo4j.Node{}
}

// refAt returns the value key of rec, a refItem or a node, as a node.
func (f *fields) refAt(rec *neo4j.Record, key string) neo4j.Node {
	x, ok := rec.Get(key)
	if !ok {
		f.fail(fmt.Errorf("%s: no such column", key))
		return neo4j.Node{}
	}
	return f.refNode(x)
}

func nodeRefOf(f *fields, rec *neo4j.Record) *domain.NodeRef { return refOf(f, f.refAt(rec, "n")) }

func nodeRefID(r *domain.NodeRef) string { return r.ID }

// Resolve returns the kind and name of each ID, whatever its kind.
func (s *Store) Resolve(ctx context.Context, ids []string) ([]*domain.NodeRef, error) {
	return batch(ctx, s, ids, refsByID, nodeRefOf, nodeRefID)
}

// Lookup returns the nodes of kinds (all when empty) that bear the name
// exactly once normalised, ordered by kind as in domain.AllKinds, then ID.
func (s *Store) Lookup(ctx context.Context, name string, kinds []domain.Kind) ([]*domain.NodeRef, error) {
	key := domain.NormalizeName(name)
	switch {
	case strings.TrimSpace(name) == "" || key == "":
		return nil, domain.Invalidf("name", "give a name with letters or digits")
	case utf8.RuneCountInString(name) > MaxLookupLength:
		return nil, domain.Invalidf("name", "a name is at most %d characters (got %d)", MaxLookupLength, utf8.RuneCountInString(name))
	}
	if len(kinds) == 0 {
		kinds = domain.AllKinds
	}
	labels := make([]string, 0, len(kinds))
	for _, k := range kinds {
		if !k.IsValid() {
			return nil, domain.Invalidf("kinds", "unknown kind %q; one of %v", k, domain.AllKinds)
		}
		labels = append(labels, labelOf[k])
	}
	refs, err := read(ctx, s, func(tx neo4j.ManagedTransaction) ([]*domain.NodeRef, error) {
		return run(ctx, tx, lookupByKey, map[string]any{"key": key, "labels": labels}, func(rec *neo4j.Record) (*domain.NodeRef, error) {
			var f fields
			r := nodeRefOf(&f, rec)
			return r, f.err
		})
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(refs, func(a, b *domain.NodeRef) int {
		if c := slices.Index(domain.AllKinds, a.Kind) - slices.Index(domain.AllKinds, b.Kind); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	if refs == nil {
		refs = []*domain.NodeRef{}
	}
	return refs, nil
}
