package memstore

import (
	"cmp"
	"context"
	"slices"
	"sync"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// graph is the path edges of domain/analytics.go as adjacency lists over
// node numbers: no strings and no pointers, so that a breadth-first search
// walks slices and the garbage collector has nothing to scan.
type graph struct {
	ids   []string         // node number -> ID, sorted
	num   map[string]int32 // ID -> node number
	types []string         // edge type number -> type
	adj   [][]halfEdge     // node number -> its edges, by neighbour ID then type; one array
}

// halfEdge is a path edge seen from one of its ends.
type halfEdge struct {
	to  int32 // the node at the other end
	typ uint8 // the edge type's number
	out bool  // the edge goes from this end to the other
}

// edge returns h, seen from node n, as a domain.PathEdge.
func (g *graph) edge(n int32, h halfEdge) domain.PathEdge {
	if h.out {
		return domain.PathEdge{Type: g.types[h.typ], From: g.ids[n], To: g.ids[h.to]}
	}
	return domain.PathEdge{Type: g.types[h.typ], From: g.ids[h.to], To: g.ids[n]}
}

// indexEdges builds the adjacency of the edges of domain/analytics.go, both
// ways, each edge once, by neighbour ID then edge type.
func (st *state) indexEdges() {
	g := &graph{num: make(map[string]int32, len(st.kinds))}
	number := func(id string) int32 {
		n, ok := g.num[id]
		if !ok {
			n = int32(len(g.ids))
			g.num[id] = n
			g.ids = append(g.ids, id)
			g.adj = append(g.adj, nil)
		}
		return n
	}
	typeNum := map[string]uint8{}
	// add adds an edge at both ends; an edge added twice is removed below.
	add := func(typ, from, to string) {
		if from == "" || to == "" {
			return
		}
		t, ok := typeNum[typ]
		if !ok {
			t = uint8(len(g.types))
			typeNum[typ] = t
			g.types = append(g.types, typ)
		}
		f, o := number(from), number(to)
		g.adj[f] = append(g.adj[f], halfEdge{to: o, typ: t, out: true})
		g.adj[o] = append(g.adj[o], halfEdge{to: f, typ: t})
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
	// Ranks of the nodes by ID and of the types by name, so that sorting
	// compares numbers.
	byID := make([]int32, len(g.ids))
	for i := range byID {
		byID[i] = int32(i)
	}
	slices.SortFunc(byID, func(a, b int32) int { return cmp.Compare(g.ids[a], g.ids[b]) })
	rank := make([]int32, len(g.ids))
	for r, n := range byID {
		rank[n] = int32(r)
	}
	typeRank := make([]int, len(g.types))
	for t, name := range g.types {
		for _, other := range g.types {
			if other < name {
				typeRank[t]++
			}
		}
	}
	total := 0
	for n, hs := range g.adj {
		slices.SortFunc(hs, func(a, b halfEdge) int {
			return cmp.Or(cmp.Compare(rank[a.to], rank[b.to]), cmp.Compare(typeRank[a.typ], typeRank[b.typ]),
				cmp.Compare(btoi(a.out), btoi(b.out)))
		})
		g.adj[n] = slices.Compact(hs) // each edge once
		total += len(g.adj[n])
	}
	// Renumbered by ID, with every list in one array in that order, the
	// nodes a search marks together are near each other in memory (a
	// meeting, then its recommendations, whose IDs extend its own; a list
	// of neighbours in increasing order), which is most of what a search
	// costs: the marks and lists of 200,000 nodes do not fit in a core's
	// cache.
	all := make([]halfEdge, 0, total)
	adj := make([][]halfEdge, len(g.adj))
	for r, n := range byID {
		start := len(all)
		for _, h := range g.adj[n] {
			h.to = rank[h.to]
			all = append(all, h)
		}
		adj[r] = all[start:len(all):len(all)]
	}
	ids := make([]string, len(g.ids))
	for n, id := range g.ids {
		ids[rank[n]] = id
		g.num[id] = rank[n]
	}
	g.ids, g.adj = ids, adj
	st.paths = g
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

	g := st.paths
	from, fok := g.num[fromID]
	to, tok := g.num[toID]
	if !fok || !tok { // a node without path edges
		return []*domain.Path{}, nil
	}

	// Breadth first from both ends, a whole layer at a time, always the side
	// with fewer edges to walk, until the two meet: then every shortest path
	// is d = a+b hops long, its node at hop k (k <= a) is at distance k from
	// fromID, and its node at hop a and after at distance d-k from toID.
	pm := marksPool.Get().(*pathMarks)
	defer marksPool.Put(pm)
	pm.search.reset(len(g.ids))
	ds, dt, on := side{&pm.search, fromSide}, side{&pm.search, toSide}, &pm.on
	ds.set(from, 0)
	dt.set(to, 0)
	fs, ts := append(pm.fs[:0], from), append(pm.ts[:0], to) // the frontiers
	fspare, tspare := pm.fspare[:0], pm.tspare[:0]           // the previous ones, for reuse
	meet := pm.meet[:0]                                      // the nodes where the searches meet
	// The nodes of the layer a-1 of the search from fromID next to one in
	// meet, when the last step was from fromID (or a join).
	preds := pm.preds[:0]
	a, b := 0, 0
	// What expanding each frontier costs: its degree, or, when not exact, a
	// lower bound, which is enough to know that the other costs less (the
	// answer does not depend on which side steps, only the cost does, and
	// summing a frontier of thousands of nodes costs much of a step).
	fdeg, tdeg := len(g.adj[from]), len(g.adj[to])
	fexact, texact := true, true
	for len(meet) == 0 && a+b < maxHops && len(fs) > 0 && len(ts) > 0 {
		if fdeg <= tdeg && !fexact {
			fdeg, fexact = g.degree(fs), true
		}
		if tdeg < fdeg && !texact {
			tdeg, texact = g.degree(ts), true
		}
		if fdeg <= tdeg && !fexact {
			fdeg, fexact = g.degree(fs), true
		}
		// Small frontiers are cheaper to join by looking up the edges
		// between them than by walking every edge of one: from a person to
		// a hub of thousands of edges, after a step from the person.
		if pairs := len(fs) * len(ts); pairs*joinCost < min(fdeg, tdeg) {
			if meet, preds = g.join(fs, ts, meet, preds[:0]); len(meet) > 0 { // the step from fromID meets
				a++
				break
			}
		}
		if fdeg <= tdeg {
			a++
			fs, fspare, meet, preds = g.expand(fs, fspare[:0], ds, a, meet, preds[:0])
			if len(meet) == 0 && a+b < maxHops { // else the search is over
				fdeg, fexact = g.degreeOver(fs, tdeg)
			}
		} else {
			b++
			ts, tspare, meet, _ = g.expand(ts, tspare[:0], dt, b, meet, nil)
			preds = preds[:0]
			if len(meet) == 0 && a+b < maxHops {
				tdeg, texact = g.degreeOver(ts, fdeg)
			}
		}
	}
	// Kept for the next search.
	pm.fs, pm.ts, pm.fspare, pm.tspare, pm.meet, pm.preds = fs, ts, fspare, tspare, meet, preds
	if len(meet) == 0 {
		return []*domain.Path{}, nil
	}
	d := a + b

	// The searches met at nodes a hops from fromID and b from toID, and
	// every shortest path goes through one of them. Walking back from them
	// one hop nearer fromID at a time marks (on) the nodes at hop k < a of
	// some shortest path, so that the walk below never enters a node that
	// leads nowhere: a shortest path's node at hop k is at distance k from
	// fromID, and one nearer it than its node at hop k+1. When the search
	// from fromID took the last step, it found the first step back (preds):
	// the meeting nodes can be hubs, whose edges cost much to walk again.
	on.reset(len(g.ids))
	level := append(pm.layer[:0], meet...)
	for _, n := range level {
		on.set(n, a)
	}
	for k := a; k > 1; k-- {
		prev := pm.spare[:0]
		if k == a && len(preds) > 0 {
			for _, n := range preds {
				if !on.has(n) {
					on.set(n, a-1)
					prev = append(prev, n)
				}
			}
		} else {
			for _, n := range level {
				for _, h := range g.adj[n] {
					if ds.at(h.to, k-1) && !on.has(h.to) {
						on.set(h.to, k-1)
						prev = append(prev, h.to)
					}
				}
			}
		}
		level, pm.spare = prev, level
	}
	pm.layer = level

	// Depth first from the source, neighbours by ID: paths come out ordered
	// by their node IDs. Up to hop a a step goes to a marked node one further
	// from fromID; from hop a, where it is known from toID, to one nearer
	// toID. Every step leads to toID.
	out := []*domain.Path{}
	nodes, refs := pm.nodes[:0], pm.refs[:0] // the path so far, and its nodes' refs
	edges := pm.edges[:0]
	var walk func(n int32)
	walk = func(n int32) {
		k := len(nodes)
		nodes, refs = append(nodes, n), append(refs, st.ref(g.ids[n]))
		if n == to {
			out = append(out, &domain.Path{Nodes: slices.Clone(refs), Edges: slices.Clone(edges)})
		}
		for _, h := range g.adj[n] {
			if n == to || len(out) == domain.MaxPaths {
				break
			}
			var next bool
			if k < a {
				next = on.at(h.to, k+1)
			} else {
				next = dt.at(h.to, d-k-1)
			}
			if next {
				edges = append(edges, g.edge(n, h))
				walk(h.to)
				edges = edges[:len(edges)-1]
			}
		}
		nodes, refs = nodes[:k], refs[:k]
	}
	walk(from)
	pm.nodes, pm.refs, pm.edges = nodes, refs[:0], edges[:0]
	return out, nil
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// degree is the number of edges at the nodes of a frontier: what expanding
// it costs.
func (g *graph) degree(frontier []int32) int {
	n := 0
	for _, id := range frontier {
		n += len(g.adj[id])
	}
	return n
}

// degreeOver returns the degree of frontier and true if it is at most
// limit, else a part of it over limit and false.
func (g *graph) degreeOver(frontier []int32, limit int) (int, bool) {
	n := 0
	for _, id := range frontier {
		if n += len(g.adj[id]); n > limit {
			return n, false
		}
	}
	return n, true
}

// expand returns the nodes one hop beyond frontier that its side of the
// search has not reached, appended to next, marking them at hops, and
// frontier, for reuse as the next layer's. It appends to meet those of
// them that the other side reached, and to preds the nodes of frontier
// next to one of those (some more than once).
func (g *graph) expand(frontier, next []int32, s side, hops int, meet, preds []int32) ([]int32, []int32, []int32, []int32) {
	gen, here := s.m.gen<<16, uint32(hops+1)<<s.shift
	mark := s.m.mark
	for _, n := range frontier {
		for _, h := range g.adj[n] {
			w := mark[h.to]
			switch {
			case w&^0xffff != gen: // reached by neither side
				mark[h.to] = gen | here
				next = append(next, h.to)
			case w&(0xff<<s.shift) == 0: // reached by the other side only
				mark[h.to] = w | here
				next = append(next, h.to)
				meet, preds = append(meet, h.to), append(preds, n)
			case w&(0xff<<s.shift) == here && w != gen|here: // reached by both, this side at hops
				preds = append(preds, n)
			}
		}
	}
	return next, frontier, meet, preds
}

// joinCost is what looking up whether two nodes are neighbours costs, in
// edges walked.
const joinCost = 16

// join appends to meet the nodes of ts next to a node of fs, and to preds
// the nodes of fs next to one of those (some more than once). The two
// frontiers of ShortestPaths' searches are disjoint, and a node of ts next
// to fs is one step further from fromID than fs: if there are any, they
// are where the searches meet at the next step from fromID.
func (g *graph) join(fs, ts, meet, preds []int32) ([]int32, []int32) {
	for _, v := range ts {
		found := false
		for _, u := range fs {
			if g.adjacent(u, v) {
				preds, found = append(preds, u), true
			}
		}
		if found {
			meet = append(meet, v)
		}
	}
	return meet, preds
}

// adjacent reports whether there is an edge between u and v, looking in
// the shorter of their lists, which are by neighbour number.
func (g *graph) adjacent(u, v int32) bool {
	if len(g.adj[u]) > len(g.adj[v]) {
		u, v = v, u
	}
	_, found := slices.BinarySearchFunc(g.adj[u], v, func(h halfEdge, v int32) int { return cmp.Compare(h.to, v) })
	return found
}

// searchMarks are the distances of the two breadth-first searches of
// ShortestPaths, by node number, packed in one word with a generation
// number that says whether they are set, so that a reset costs nothing and
// a step reads one word for both searches.
type searchMarks struct {
	gen  uint32   // below 1<<16
	mark []uint32 // node number -> generation<<16 | (hops from fromID + 1)<<8 | (hops from toID + 1), 0 for none
}

// reset forgets every distance, for a graph of n nodes.
func (m *searchMarks) reset(n int) { nextGeneration(&m.mark, &m.gen, n, 1<<16) }

// nextGeneration starts a new generation of the generation-stamped marks
// of a graph of n nodes, which forgets every mark: a larger array when the
// graph grew, and a cleared one when the generation reaches wrap (old
// generations would look current).
func nextGeneration(mark *[]uint32, gen *uint32, n int, wrap uint32) {
	if len(*mark) < n {
		*mark, *gen = make([]uint32, n), 0
	}
	*gen++
	if *gen == wrap {
		clear(*mark)
		*gen = 1
	}
}

// side is one of the two searches of searchMarks: the byte at shift.
type side struct {
	m     *searchMarks
	shift uint
}

const (
	fromSide = 8 // the search from fromID
	toSide   = 0 // the search from toID
)

func (s side) at(n int32, d int) bool {
	w := s.m.mark[n]
	return w>>16 == s.m.gen && w&(0xff<<s.shift) == uint32(d+1)<<s.shift
}

// set marks n at distance d, which it must not have yet.
func (s side) set(n int32, d int) {
	w := s.m.mark[n]
	if w>>16 != s.m.gen {
		w = s.m.gen << 16
	}
	s.m.mark[n] = w | uint32(d+1)<<s.shift
}

// marks are distances by node number, each packed with a generation
// number that says whether it is set, so that a reset costs nothing and a
// look-up reads one word.
type marks struct {
	gen  uint32   // below 1<<24
	mark []uint32 // node number -> generation<<8 | distance
}

// pathMarks are the marks of ShortestPaths' searches and of the nodes on a
// shortest path, with the layers of the searches and the path being
// walked, kept for reuse by marksPool: a layer can hold thousands of
// nodes, and growing it anew for every search was most of what a search
// allocated.
type pathMarks struct {
	search                 searchMarks
	on                     marks
	layer, spare           []int32 // of the walk back from the meeting nodes
	fs, ts, fspare, tspare []int32
	meet, preds            []int32
	nodes                  []int32
	refs                   []domain.NodeRef
	edges                  []domain.PathEdge
}

var marksPool = sync.Pool{New: func() any { return new(pathMarks) }}

// reset forgets every distance, for a graph of n nodes.
func (m *marks) reset(n int) { nextGeneration(&m.mark, &m.gen, n, 1<<24) }

func (m *marks) set(n int32, d int)     { m.mark[n] = m.gen<<8 | uint32(d) }
func (m *marks) has(n int32) bool       { return m.mark[n]>>8 == m.gen }
func (m *marks) at(n int32, d int) bool { return m.mark[n] == m.gen<<8|uint32(d) }
