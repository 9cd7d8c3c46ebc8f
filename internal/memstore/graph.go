package memstore

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"slices"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// Upsert validates g against itself and the store, then writes it all or
// nothing: nodes replace the stored nodes of the same IDs (and appearances the
// appearance of the same meeting and person) whole, and nothing is deleted.
// The new state is saved before it is put in place, so an error leaves memory
// and file as they were; the one exception is a failure to sync the directory
// after the file was replaced, when the write is in place and the error only
// says that it may not survive a crash (ErrNotDurable).
func (s *Store) Upsert(ctx context.Context, g *domain.Graph) error {
	if g == nil {
		return nil
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	cur, err := s.current()
	if err != nil {
		return err
	}
	if g, err = cur.check(g); g == nil {
		return err
	}
	next := cur.with(g)
	created, updated := cur.changes(g)
	next.record(ctx, created, updated)
	return s.commit(next)
}

// check readies g for writing to st: it applies st's redirects to g and
// validates the result against st. It returns nil and the problems if g is
// invalid, and nil and no error if g holds nothing to write.
func (st *state) check(g *domain.Graph) (*domain.Graph, error) {
	g, err := g.Redirect(st.redirectTarget)
	if err != nil {
		return nil, err
	}
	if err := g.Validate(st.kindOf); err != nil {
		return nil, err
	}
	if len(g.Kinds()) == 0 && len(g.Appearances) == 0 && len(g.Redirects) == 0 {
		return nil, nil
	}
	return g, nil
}

// commit saves next and puts it in place. The new state is saved before it
// is put in place, so an error leaves memory and file as they were; the one
// exception is a failure to sync the directory after the file was replaced,
// when the write is in place and the error only says that it may not
// survive a crash.
func (s *Store) commit(next *state) error {
	if s.path != "" {
		committed, err := save(s.path, next.export(), next.extras())
		if err != nil {
			if !committed {
				return domain.Unavailable(fmt.Errorf("memstore: saving %s: %w", s.path, err))
			}
			s.swap(next)
			return domain.Wrap(domain.Errorf(domain.EUNAVAILABLE, "the write was made, but the disk did not confirm it: it may not survive a crash"),
				fmt.Errorf("memstore: %s was %w: %w", s.path, ErrNotDurable, err))
		}
	}
	s.swap(next)
	return nil
}

// swap puts a new state in place.
func (s *Store) swap(next *state) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.st = next
}

// Export returns the whole graph, each collection ordered by ID, appearances
// by meeting ID then person ID.
func (s *Store) Export(ctx context.Context) (*domain.Graph, error) {
	st, err := s.current()
	if err != nil {
		return nil, err
	}
	return st.export(), nil
}

// Stats counts the nodes of every kind, 0 included, and the appearances.
func (s *Store) Stats(ctx context.Context) (domain.Stats, error) {
	st, err := s.current()
	if err != nil {
		return domain.Stats{}, err
	}
	stats := domain.Stats{Nodes: map[domain.Kind]int{}, Appearances: len(st.appearances)}
	for _, k := range domain.AllKinds {
		stats.Nodes[k] = 0
	}
	for _, k := range st.kinds {
		stats.Nodes[k]++
	}
	return stats, nil
}

// export returns copies of every node, ordered as Export promises.
func (st *state) export() *domain.Graph {
	return &domain.Graph{
		Countries:       sortedCopies(st.countries, cloneCountry),
		Places:          sortedCopies(st.places, clonePlace),
		Institutions:    sortedCopies(st.institutions, cloneInstitution),
		People:          sortedCopies(st.people, clonePerson),
		Councils:        sortedCopies(st.councils, cloneCouncil),
		Initiatives:     sortedCopies(st.initiatives, cloneInitiative),
		Themes:          sortedCopies(st.themes, cloneTheme),
		Sources:         sortedCopies(st.sources, cloneSource),
		Publications:    sortedCopies(st.publications, clonePublication),
		Meetings:        sortedCopies(st.meetings, cloneMeeting),
		Appearances:     st.exportAppearances(),
		Recommendations: sortedCopies(st.recommendations, cloneRecommendation),
		Redirects:       st.exportRedirects(),
	}
}

// exportAppearances returns copies of the appearances by meeting ID, then
// person ID. (Their keys "meeting/person" do not sort so: '-' < '/'.)
func (st *state) exportAppearances() []*domain.Appearance {
	out := make([]*domain.Appearance, 0, len(st.appearances))
	for _, a := range st.appearances {
		out = append(out, cloneAppearance(a))
	}
	slices.SortFunc(out, func(a, b *domain.Appearance) int {
		return cmp.Or(cmp.Compare(a.MeetingID, b.MeetingID), cmp.Compare(a.PersonID, b.PersonID))
	})
	return out
}

// sortedCopies returns copies of the values of m ordered by key.
func sortedCopies[T any](m map[string]*T, clone func(*T) *T) []*T {
	out := make([]*T, 0, len(m))
	for _, k := range slices.SortedFunc(maps.Keys(m), cmp.Compare) {
		out = append(out, clone(m[k]))
	}
	return out
}
