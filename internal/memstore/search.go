package memstore

import (
	"context"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// Search matches every node's prepared values (state.searchable) with the
// domain's Searcher, which ranks and pages the hits as the Neo4j store does.
func (s *Store) Search(ctx context.Context, q domain.SearchQuery) (*domain.SearchConnection, error) {
	st, err := s.current()
	if err != nil {
		return nil, err
	}
	sr, err := domain.NewSearcher(q)
	if err != nil {
		return nil, err
	}
	var hits []*domain.SearchHit
	for i := range st.searchable {
		n := &st.searchable[i]
		if h := sr.Match(n.ref, n.values); h != nil {
			hits = append(hits, h)
		}
	}
	return sr.Page(hits)
}
