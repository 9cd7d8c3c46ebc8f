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
	seen    map[kindID]bool
	pending map[Kind][]string
	g       Graph
}

// NewInclude returns an Include of the kinds in with; EINVALID (field
// "with") for a kind not in IncludeKinds.
func NewInclude(with []Kind) (*Include, error) {
	in := &Include{with: map[Kind]bool{}, seen: map[kindID]bool{}, pending: map[Kind][]string{}}
	for i, k := range with {
		if !slices.Contains(IncludeKinds, k) {
			return nil, Invalidf("with", "with[%d] %q is not one of %v", i, k, IncludeKinds)
		}
		in.with[k] = true
	}
	return in, nil
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

// Add keeps the nodes read for Next (nil entries are skipped) and notes
// their references. Only the kinds of IncludeKinds are kept.
func (in *Include) Add(x *Graph) {
	for _, m := range x.Meetings {
		if m != nil {
			in.g.Meetings = append(in.g.Meetings, m)
		}
	}
	in.Meetings(x.Meetings...)
	in.g.Councils = appendNonNil(in.g.Councils, x.Councils)
	in.g.People = appendNonNil(in.g.People, x.People)
	in.g.Institutions = appendNonNil(in.g.Institutions, x.Institutions)
	in.g.Places = appendNonNil(in.g.Places, x.Places)
}

func appendNonNil[T any](to []*T, xs []*T) []*T {
	for _, x := range xs {
		if x != nil {
			to = append(to, x)
		}
	}
	return to
}

// Graph returns the nodes added, each collection ordered by ID.
func (in *Include) Graph() *Graph {
	g := in.g
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
