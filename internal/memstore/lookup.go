package memstore

import (
	"context"
	"slices"
	"unicode/utf8"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// maxLookup is the longest name Lookup accepts, in characters.
const maxLookup = 200

// Resolve returns the kind and name of each ID, nil where unknown.
func (s *Store) Resolve(ctx context.Context, ids []string) ([]*domain.NodeRef, error) {
	st, err := s.current()
	if err != nil {
		return nil, err
	}
	return st.resolve(ids), nil
}

// resolve answers Resolve from st's kinds, node maps and redirects (the
// indexes a Batch keeps up to date before it is committed).
func (st *state) resolve(ids []string) []*domain.NodeRef {
	out := make([]*domain.NodeRef, len(ids))
	for i, id := range ids {
		if id = st.redirected(id); st.kinds[id] != "" {
			r := st.ref(id)
			out[i] = &r
		}
	}
	return out
}

// Lookup returns the nodes of the given kinds (all when empty) with a name,
// short name, alias or title that normalises as name does, by kind then ID.
// A name that normalises to "" is as empty as "".
func (s *Store) Lookup(ctx context.Context, name string, kinds []domain.Kind) ([]*domain.NodeRef, error) {
	st, err := s.current()
	if err != nil {
		return nil, err
	}
	key := domain.NormalizeName(name)
	switch {
	case key == "":
		return nil, domain.Invalidf("name", "give a name with at least one letter or digit")
	case utf8.RuneCountInString(name) > maxLookup:
		return nil, domain.Invalidf("name", "is %d characters long; at most %d", utf8.RuneCountInString(name), maxLookup)
	}
	for i, k := range kinds {
		if !k.IsValid() {
			return nil, domain.Invalidf("kinds", "kinds[%d] %q is not one of %v", i, k, domain.AllKinds)
		}
	}
	out := []*domain.NodeRef{}
	for _, id := range st.byName[key] {
		if len(kinds) == 0 || slices.Contains(kinds, st.kinds[id]) {
			r := st.ref(id)
			out = append(out, &r)
		}
	}
	return out, nil
}
