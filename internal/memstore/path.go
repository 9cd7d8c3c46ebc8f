package memstore

import (
	"cmp"
	"context"
	"slices"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// halfEdge is a path edge seen from one of its ends.
type halfEdge struct {
	to   string          // the node at the other end
	edge domain.PathEdge // the edge in its own direction
}

// indexEdges builds the adjacency of the edges of domain/analytics.go, both
// ways, each edge once, by neighbour ID then edge type.
func (st *state) indexEdges() {
	st.adj = map[string][]halfEdge{}
	seen := map[domain.PathEdge]bool{}
	add := func(typ, from, to string) {
		e := domain.PathEdge{Type: typ, From: from, To: to}
		if from == "" || to == "" || seen[e] {
			return
		}
		seen[e] = true
		st.adj[from] = append(st.adj[from], halfEdge{to: to, edge: e})
		st.adj[to] = append(st.adj[to], halfEdge{to: from, edge: e})
	}
	for _, m := range st.meetings {
		add(domain.EdgePartOf, m.ID, m.CouncilID)
		add(domain.EdgeHeldIn, m.ID, m.PlaceID)
		for _, id := range m.OrganizerIDs {
			add(domain.EdgeOrganizedBy, m.ID, id)
		}
		for _, id := range m.InitiativeIDs {
			add(domain.EdgeMentions, m.ID, id)
		}
		for _, id := range m.ThemeIDs {
			add(domain.EdgeAbout, m.ID, id)
		}
		for _, p := range m.Publications {
			typ := domain.EdgePresented
			if p.Relation == domain.PublicationAnnounced {
				typ = domain.EdgeAnnounced
			}
			add(typ, m.ID, p.PublicationID)
		}
	}
	for _, c := range st.councils {
		for _, id := range c.OrganizerIDs {
			add(domain.EdgeOrganizedBy, c.ID, id)
		}
		for _, id := range c.CountryIDs {
			add(domain.EdgeBetween, c.ID, id)
		}
	}
	for _, a := range st.appearances {
		add(domain.EdgeAppearedAt, a.PersonID, a.MeetingID)
		add(domain.EdgeAffiliatedWith, a.PersonID, a.InstitutionID)
	}
	for _, p := range st.people {
		for _, a := range p.Affiliations {
			add(domain.EdgeAffiliatedWith, p.ID, a.InstitutionID)
		}
		add(domain.EdgeCitizenOf, p.ID, p.CountryID)
	}
	for _, r := range st.recommendations {
		add(domain.EdgeProduced, r.MeetingID, r.ID)
		for _, id := range r.InitiativeIDs {
			add(domain.EdgeMentions, r.ID, id)
		}
		for _, id := range r.ThemeIDs {
			add(domain.EdgeAbout, r.ID, id)
		}
		for _, id := range r.CountryIDs {
			add(domain.EdgeConcerns, r.ID, id)
		}
	}
	for _, i := range st.institutions {
		add(domain.EdgeBasedIn, i.ID, i.CountryID)
	}
	for _, p := range st.places {
		add(domain.EdgeLocatedIn, p.ID, p.CountryID)
	}
	for _, p := range st.publications {
		for _, id := range p.InstitutionIDs {
			add(domain.EdgePublishedBy, p.ID, id)
		}
	}
	for _, hs := range st.adj {
		slices.SortFunc(hs, func(a, b halfEdge) int {
			return cmp.Or(cmp.Compare(a.to, b.to), cmp.Compare(a.edge.Type, b.edge.Type))
		})
	}
}

// ShortestPaths returns up to MaxPaths shortest paths from one node to
// another within maxHops edges, walking edges both ways, ordered by their
// node IDs. A node's path to itself is the node alone.
func (s *Store) ShortestPaths(ctx context.Context, fromID, toID string, maxHops int) ([]*domain.Path, error) {
	st, err := s.current()
	if err != nil {
		return nil, err
	}
	if err := domain.CheckMaxHops(maxHops); err != nil {
		return nil, err
	}
	if err := st.checkIDs(domain.PathArgs(fromID, toID)...); err != nil {
		return nil, err
	}
	if fromID == toID {
		return []*domain.Path{{Nodes: []domain.NodeRef{st.ref(fromID)}}}, nil
	}

	// Breadth first from the target: dist[n] is the number of hops from n to
	// toID, known for every node nearer than fromID.
	dist := map[string]int{toID: 0}
	frontier := []string{toID}
	for hops := 1; hops <= maxHops && len(frontier) > 0; hops++ {
		var next []string
		for _, n := range frontier {
			for _, h := range st.adj[n] {
				if _, ok := dist[h.to]; !ok {
					dist[h.to] = hops
					next = append(next, h.to)
				}
			}
		}
		if _, ok := dist[fromID]; ok {
			break
		}
		frontier = next
	}
	if _, ok := dist[fromID]; !ok {
		return []*domain.Path{}, nil
	}

	// Depth first from the source, one hop nearer each time, neighbours by ID:
	// paths come out ordered by their node IDs.
	var out []*domain.Path
	var nodes []string
	var edges []domain.PathEdge
	var walk func(n string)
	walk = func(n string) {
		nodes = append(nodes, n)
		defer func() { nodes = nodes[:len(nodes)-1] }()
		if n == toID {
			p := &domain.Path{Edges: slices.Clone(edges)}
			for _, id := range nodes {
				p.Nodes = append(p.Nodes, st.ref(id))
			}
			out = append(out, p)
			return
		}
		for _, h := range st.adj[n] {
			if len(out) == domain.MaxPaths {
				return
			}
			if d, ok := dist[h.to]; ok && d == dist[n]-1 {
				edges = append(edges, h.edge)
				walk(h.to)
				edges = edges[:len(edges)-1]
			}
		}
	}
	walk(fromID)
	return out, nil
}
