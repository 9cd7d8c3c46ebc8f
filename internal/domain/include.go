package domain

import (
	"cmp"
	"slices"
	"sort"
)

// IncludeKinds are the kinds of node a reader's With variant can return
// beside its answer (Store.MeetingsWith, ...): the nodes a GraphQL query
// most often asks for next.
var IncludeKinds = []Kind{KindCouncil, KindMeeting, KindPerson, KindInstitution, KindPlace}

// With says what a reader's With variant (Store.MeetingsWith, ...) returns
// beside its answer: the nodes of Kinds (each in IncludeKinds) that the
// answer refers to, as Include follows references; and, for the kinds also
// in Lean, those nodes lean (see Lean), for a caller that will not ask for
// their relations. A With of no kinds returns no nodes.
//
// Appearances asks MeetingsWith and PeopleWith for the next level's list
// too: the appearances of each meeting or person found, in
// Graph.Appearances, grouped by node in the order the answer first names
// the nodes, each group in the order of AppearancesByMeeting or
// AppearancesByPerson. Their references count as the answer's (a meeting's
// speakers' people and institutions, a person's meetings). The readers
// whose answer is not meetings or people ignore it.
//
// Fields, for the kinds it names, says which fields of their nodes the
// caller reads: those nodes, included or the answer's own (MeetingsWith,
// PeopleWith, and ListRecommendationsWith's page, whose kind it may name
// without Kinds naming it), come Project-ed to them, Lean or not.
// AppearanceFields, when not nil, does the same for the appearances
// With.Appearances asks for. EINVALID for a kind not in ProjectedKinds or a
// field its nodes lack.
type With struct {
	Kinds            []Kind
	Lean             []Kind
	Appearances      bool
	Fields           map[Kind][]string
	AppearanceFields []string
}

// Empty reports whether w asks for nothing beside the answer.
func (w With) Empty() bool { return len(w.Kinds) == 0 && !w.Appearances }

// WithKinds returns a With of kinds, none lean.
func WithKinds(kinds ...Kind) With { return With{Kinds: kinds} }

// Lean returns x lean, a copy without the relations each node reads from
// its relationships beside the references Include follows: a meeting
// without organizers, themes, initiatives, publications and sources (it
// keeps its council and place); a person without country, affiliations and
// sources; an institution without country and sources (it keeps its
// parent); a council without countries, organizers and sources; a place
// without country and sources. Its other properties are kept. Reading
// nodes lean costs Neo4j a fraction of reading them whole (no subquery per
// relation), and a GraphQL request that asks for none of those fields
// cannot tell the difference.
func Lean[T any](x *T) *T {
	if x == nil {
		return nil
	}
	c := *x
	switch n := any(&c).(type) {
	case *Meeting:
		n.OrganizerIDs, n.ThemeIDs, n.InitiativeIDs, n.Publications, n.Sources = nil, nil, nil, nil, nil
	case *Person:
		n.CountryID, n.Affiliations, n.Sources = "", nil, nil
	case *Institution:
		n.CountryID, n.Sources = "", nil
	case *Council:
		n.CountryIDs, n.OrganizerIDs, n.Sources = nil, nil, nil
	case *Place:
		n.CountryID, n.Sources = "", nil
	}
	return &c
}

// LeanGraph returns a copy of g in which the nodes of the kinds in lean are
// Lean (the others are shared with g).
func LeanGraph(g *Graph, lean []Kind) *Graph {
	if g == nil || len(lean) == 0 {
		return g
	}
	out := *g
	for _, k := range lean {
		switch k {
		case KindMeeting:
			out.Meetings = leanAll(g.Meetings)
		case KindPerson:
			out.People = leanAll(g.People)
		case KindInstitution:
			out.Institutions = leanAll(g.Institutions)
		case KindCouncil:
			out.Councils = leanAll(g.Councils)
		case KindPlace:
			out.Places = leanAll(g.Places)
		}
	}
	return &out
}

func leanAll[T any](xs []*T) []*T {
	if xs == nil {
		return nil
	}
	out := make([]*T, len(xs))
	for i, x := range xs {
		out[i] = Lean(x)
	}
	return out
}

// Include gathers, for a reader's With variant, the nodes of the kinds asked
// for that its answer refers to. The references it follows are these: an
// appearance refers to its meeting, person and institution; a meeting to its
// council and place; a recommendation to its meeting; a recurrence to the
// meetings of its first and last mention and to the councils it counts. It
// follows them through the nodes it includes too (an appearance's meeting's
// council, when meetings and councils are both asked for). A reference is
// followed to the node stored under that ID: one to a merged ID is left to
// the batch readers, which answer it.
//
// Both stores use it the same way: note the answer (Appearances, Meetings,
// ...), then until Next returns nothing, read the nodes it names and Add them.
type Include struct {
	with    map[Kind]bool
	lean    map[Kind]bool
	fields  map[Kind][]string
	seen    map[kindID]bool
	pending map[Kind][]string
	g       Graph
}

// NewInclude returns an Include of with; EINVALID (field "with") for a
// kind, in Kinds or Lean, not in IncludeKinds.
func NewInclude(with With) (*Include, error) {
	if err := checkFields(with.Fields, with.AppearanceFields); err != nil {
		return nil, err
	}
	in := &Include{with: map[Kind]bool{}, lean: map[Kind]bool{}, fields: with.Fields, seen: map[kindID]bool{}, pending: map[Kind][]string{}}
	for i, k := range with.Kinds {
		if !slices.Contains(IncludeKinds, k) {
			return nil, Invalidf("with", "with[%d] %q is not one of %v", i, k, IncludeKinds)
		}
		in.with[k] = true
	}
	for i, k := range with.Lean {
		if !slices.Contains(IncludeKinds, k) {
			return nil, Invalidf("with", "lean[%d] %q is not one of %v", i, k, IncludeKinds)
		}
		in.lean[k] = true
	}
	return in, nil
}

// Lean reports whether the nodes of kind k are to be returned lean (and not
// Project-ed).
func (in *Include) Lean(k Kind) bool {
	_, projected := in.fields[k]
	return in.lean[k] && !projected
}

// Fields returns the fields of kind k's nodes to be returned, and whether
// With.Fields names k (if not, all).
func (in *Include) Fields(k Kind) ([]string, bool) {
	fs, ok := in.fields[k]
	return fs, ok
}

// kindID is a node noted, as a key that costs no allocation (a string of
// kind and ID joined costs one per reference, and a query notes hundreds).
type kindID struct {
	kind Kind
	id   string
}

func (in *Include) add(k Kind, id string) {
	if id == "" || !in.with[k] || in.seen[kindID{k, id}] {
		return
	}
	in.seen[kindID{k, id}] = true
	in.pending[k] = append(in.pending[k], id)
}

// Appearances notes the references of as.
func (in *Include) Appearances(as ...*Appearance) {
	for _, a := range as {
		if a != nil {
			in.add(KindMeeting, a.MeetingID)
			in.add(KindPerson, a.PersonID)
			in.add(KindInstitution, a.InstitutionID)
		}
	}
}

// Meetings notes the references of ms (nil entries are skipped).
func (in *Include) Meetings(ms ...*Meeting) {
	for _, m := range ms {
		if m != nil {
			in.add(KindCouncil, m.CouncilID)
			in.add(KindPlace, m.PlaceID)
		}
	}
}

// Recommendations notes the references of rs.
func (in *Include) Recommendations(rs ...*Recommendation) {
	for _, r := range rs {
		if r != nil {
			in.add(KindMeeting, r.MeetingID)
		}
	}
}

// Recurrences notes the references of rs.
func (in *Include) Recurrences(rs ...*Recurrence) {
	for _, r := range rs {
		if r == nil {
			continue
		}
		for _, m := range []*Mention{r.FirstMention, r.LastMention} {
			if m != nil {
				in.add(KindMeeting, m.MeetingID)
			}
		}
		for _, c := range r.Councils {
			in.add(KindCouncil, c.CouncilID)
		}
	}
}

// Next returns the IDs noted and not read yet, by kind, each list sorted,
// and forgets them; nil when there is nothing left to read.
func (in *Include) Next() map[Kind][]string {
	if len(in.pending) == 0 {
		return nil
	}
	out := in.pending
	for _, ids := range out {
		sort.Strings(ids)
	}
	in.pending = map[Kind][]string{}
	return out
}

// Add keeps the nodes read for Next, or read ahead of it by a store that
// reads a level's references with the level (nil entries are skipped): a
// node added is not named by Next again. It notes their references. Only
// the kinds of IncludeKinds are kept.
func (in *Include) Add(x *Graph) {
	in.g.Meetings = keep(in, KindMeeting, in.g.Meetings, x.Meetings, func(x *Meeting) string { return x.ID })
	in.Meetings(x.Meetings...)
	in.g.Councils = keep(in, KindCouncil, in.g.Councils, x.Councils, func(x *Council) string { return x.ID })
	in.g.People = keep(in, KindPerson, in.g.People, x.People, func(x *Person) string { return x.ID })
	in.g.Institutions = keep(in, KindInstitution, in.g.Institutions, x.Institutions, func(x *Institution) string { return x.ID })
	in.g.Places = keep(in, KindPlace, in.g.Places, x.Places, func(x *Place) string { return x.ID })
}

// Follows reports whether in follows references to nodes of kind k
// (With.Kinds names it).
func (in *Include) Follows(k Kind) bool { return in.with[k] }

// keep appends the nodes of xs to to, each marked seen.
func keep[T any](in *Include, k Kind, to []*T, xs []*T, id func(*T) string) []*T {
	for _, x := range xs {
		if x != nil {
			in.seen[kindID{k, id(x)}] = true
			to = append(to, x)
		}
	}
	return to
}

// Graph returns the nodes added, each collection ordered by ID, those of
// the lean kinds Lean, those of the kinds With.Fields names Project-ed.
func (in *Include) Graph() *Graph {
	var lean []Kind
	for _, k := range IncludeKinds {
		if _, projected := in.fields[k]; in.lean[k] && in.with[k] && !projected {
			lean = append(lean, k)
		}
	}
	g := *projectGraph(LeanGraph(&in.g, lean), in.fields)
	byID(g.Councils, func(c *Council) string { return c.ID })
	byID(g.Meetings, func(m *Meeting) string { return m.ID })
	byID(g.People, func(p *Person) string { return p.ID })
	byID(g.Institutions, func(i *Institution) string { return i.ID })
	byID(g.Places, func(p *Place) string { return p.ID })
	return &g
}

func byID[T any](xs []*T, id func(*T) string) {
	slices.SortFunc(xs, func(a, b *T) int { return cmp.Compare(id(a), id(b)) })
}
