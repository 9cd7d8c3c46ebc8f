package neo4jstore

import (
	"slices"
	"testing"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// TestProjections checks that every field domain.Project can leave out of
// an includable kind's nodes comes from a property or a relation item of
// its projection, and that every relation item it names is one of the
// kind's RETURN items: a field added to the domain and not here would be
// read as zero by every projected read.
func TestProjections(t *testing.T) {
	for _, k := range projectedKinds {
		t.Run(string(k.kind), func(t *testing.T) {
			p, ok := projections[k.kind]
			if !ok {
				t.Fatal("no projection")
			}
			var aliases []string
			for _, item := range splitTop(k.fields)[1:] {
				aliases = append(aliases, item[lastTopAS(item)+len(" AS "):])
			}
			for _, f := range domain.ProjectableFields(k.kind) {
				_, prop := p.props[f]
				item := slices.ContainsFunc(aliases, func(a string) bool { return p.items[a] == f })
				if prop == item {
					t.Errorf("field %s: from a property %v, from a relation item %v; want exactly one", f, prop, item)
				}
			}
			for alias := range p.items {
				if !slices.Contains(aliases, alias) {
					t.Errorf("relation item %q is not one of the reader's %v", alias, aliases)
				}
			}
		})
	}
}

// TestAppearanceProjection checks that every field of an appearance that
// domain.Project can leave out comes from properties of its relationship.
func TestAppearanceProjection(t *testing.T) {
	for _, f := range domain.AppearanceFields() {
		if len(appearanceProps[f]) == 0 {
			t.Errorf("appearance field %s comes from no property", f)
		}
	}
	if got := projectedRel("a", []string{"Roles", "Sources"}); got != "a{.institutionId, .roles, .sourceIds, .excerpts}" {
		t.Errorf("projectedRel = %s", got)
	}
}
