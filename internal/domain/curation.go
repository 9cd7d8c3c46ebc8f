package domain

import (
	"fmt"
	"slices"
	"strings"
)

// This file holds the rules of curation that both stores share: what a
// Delete removes and refuses, what a Merge rewrites, and how a write that
// names a merged ID is redirected. The stores read the nodes concerned, ask
// these functions what to write, and write it in one transaction.

// NodesError is an error about some nodes, which it lists for clients: the
// candidates of an ambiguous name, or the nodes that still refer to one being
// deleted. errors.As finds its *Error.
type NodesError struct {
	Err   *Error
	Key   string    // what the list is, for clients: "candidates" or "referrers"
	Nodes []NodeRef // Kind is "APPEARANCE" for an appearance, whose ID is its key
}

func (e *NodesError) Error() string { return e.Err.Error() }

// Unwrap returns the *Error.
func (e *NodesError) Unwrap() error { return e.Err }

// KindAppearance names an appearance in a NodesError and an audit entry; it
// is not a kind of node.
const KindAppearance Kind = "APPEARANCE"

// MergeKind is a Kind that Merge accepts: the GraphQL enum MergeKind.
type MergeKind = Kind

// MergeKinds lists the kinds Merge accepts.
var MergeKinds = []Kind{KindPerson, KindInstitution, KindInitiative}

// IsAppearanceKey reports whether s is an appearance key "meeting/person" of two valid IDs.
func IsAppearanceKey(s string) bool {
	m, p, ok := strings.Cut(s, "/")
	return ok && ValidID(m) && ValidID(p)
}

// eachRef calls f with every reference g holds: the ID or appearance key of
// the holder, and a pointer to the referenced ID, which f may rewrite.
func (g *Graph) eachRef(f func(holder string, id *string)) {
	list := func(h string, ids []string) {
		for i := range ids {
			f(h, &ids[i])
		}
	}
	srcs := func(h string, refs []SourceRef) {
		for i := range refs {
			f(h, &refs[i].SourceID)
		}
	}
	one := func(h string, id *string) {
		if *id != "" {
			f(h, id)
		}
	}
	for _, x := range g.Countries {
		srcs(x.ID, x.Sources)
	}
	for _, x := range g.Places {
		one(x.ID, &x.CountryID)
		srcs(x.ID, x.Sources)
	}
	for _, x := range g.Initiatives {
		srcs(x.ID, x.Sources)
	}
	for _, x := range g.Themes {
		srcs(x.ID, x.Sources)
	}
	for _, x := range g.Institutions {
		one(x.ID, &x.CountryID)
		one(x.ID, &x.ParentID)
		srcs(x.ID, x.Sources)
	}
	for _, x := range g.People {
		one(x.ID, &x.CountryID)
		for i := range x.Affiliations {
			f(x.ID, &x.Affiliations[i].InstitutionID)
		}
		srcs(x.ID, x.Sources)
	}
	for _, x := range g.Councils {
		list(x.ID, x.CountryIDs)
		list(x.ID, x.OrganizerIDs)
		srcs(x.ID, x.Sources)
	}
	for _, x := range g.Publications {
		list(x.ID, x.InstitutionIDs)
		srcs(x.ID, x.Sources)
	}
	for _, x := range g.Meetings {
		one(x.ID, &x.CouncilID)
		one(x.ID, &x.PlaceID)
		list(x.ID, x.OrganizerIDs)
		list(x.ID, x.ThemeIDs)
		list(x.ID, x.InitiativeIDs)
		for i := range x.Publications {
			f(x.ID, &x.Publications[i].PublicationID)
		}
		srcs(x.ID, x.Sources)
	}
	for _, x := range g.Appearances {
		k := AppearanceKey(x.MeetingID, x.PersonID)
		f(k, &x.MeetingID)
		f(k, &x.PersonID)
		one(k, &x.InstitutionID)
		one(k, &x.CountryID)
		srcs(k, x.Sources)
	}
	for _, x := range g.Recommendations {
		f(x.ID, &x.MeetingID)
		list(x.ID, x.AttributedTo)
		list(x.ID, x.InitiativeIDs)
		list(x.ID, x.ThemeIDs)
		list(x.ID, x.CountryIDs)
		srcs(x.ID, x.Sources)
	}
}

// Clone returns a deep copy of g.
func (g *Graph) Clone() *Graph {
	c := &Graph{}
	for _, x := range g.Countries {
		y := *x
		y.Aliases, y.Sources = slices.Clone(x.Aliases), slices.Clone(x.Sources)
		c.Countries = append(c.Countries, &y)
	}
	for _, x := range g.Places {
		y := *x
		y.Aliases, y.Sources = slices.Clone(x.Aliases), slices.Clone(x.Sources)
		c.Places = append(c.Places, &y)
	}
	for _, x := range g.Institutions {
		y := *x
		y.Aliases, y.Sources = slices.Clone(x.Aliases), slices.Clone(x.Sources)
		c.Institutions = append(c.Institutions, &y)
	}
	for _, x := range g.People {
		y := *x
		y.Aliases, y.Affiliations, y.Sources = slices.Clone(x.Aliases), slices.Clone(x.Affiliations), slices.Clone(x.Sources)
		c.People = append(c.People, &y)
	}
	for _, x := range g.Councils {
		y := *x
		y.Aliases, y.CountryIDs, y.OrganizerIDs, y.Sources = slices.Clone(x.Aliases), slices.Clone(x.CountryIDs),
			slices.Clone(x.OrganizerIDs), slices.Clone(x.Sources)
		c.Councils = append(c.Councils, &y)
	}
	for _, x := range g.Initiatives {
		y := *x
		y.Aliases, y.Sources = slices.Clone(x.Aliases), slices.Clone(x.Sources)
		c.Initiatives = append(c.Initiatives, &y)
	}
	for _, x := range g.Themes {
		y := *x
		y.Aliases, y.Sources = slices.Clone(x.Aliases), slices.Clone(x.Sources)
		c.Themes = append(c.Themes, &y)
	}
	for _, x := range g.Sources {
		y := *x
		c.Sources = append(c.Sources, &y)
	}
	for _, x := range g.Publications {
		y := *x
		y.InstitutionIDs, y.Sources = slices.Clone(x.InstitutionIDs), slices.Clone(x.Sources)
		c.Publications = append(c.Publications, &y)
	}
	for _, x := range g.Meetings {
		y := *x
		y.ThemeVariants, y.OrganizerIDs, y.ThemeIDs, y.InitiativeIDs = slices.Clone(x.ThemeVariants),
			slices.Clone(x.OrganizerIDs), slices.Clone(x.ThemeIDs), slices.Clone(x.InitiativeIDs)
		y.Publications, y.Sources = slices.Clone(x.Publications), slices.Clone(x.Sources)
		c.Meetings = append(c.Meetings, &y)
	}
	for _, x := range g.Appearances {
		y := *x
		y.Roles, y.Sources = slices.Clone(x.Roles), slices.Clone(x.Sources)
		c.Appearances = append(c.Appearances, &y)
	}
	for _, x := range g.Recommendations {
		y := *x
		y.AttributedTo, y.InitiativeIDs, y.ThemeIDs, y.CountryIDs, y.Sources = slices.Clone(x.AttributedTo),
			slices.Clone(x.InitiativeIDs), slices.Clone(x.ThemeIDs), slices.Clone(x.CountryIDs), slices.Clone(x.Sources)
		c.Recommendations = append(c.Recommendations, &y)
	}
	for _, x := range g.Redirects {
		y := *x
		c.Redirects = append(c.Redirects, &y)
	}
	return c
}

// IDs returns every node ID of g and the key of every appearance, the IDs
// a write of g touches.
func (g *Graph) IDs() []string {
	var out []string
	for id := range g.Kinds() {
		out = append(out, id)
	}
	for _, a := range g.Appearances {
		out = append(out, AppearanceKey(a.MeetingID, a.PersonID))
	}
	return sortedSet(out)
}

// Redirect applies the redirects Merge left: it returns g with every
// reference to a merged ID pointing at the node it was merged into (target
// returns "" for an ID that was not merged). A node of g that bears a merged
// ID is a problem, since writing it would bring the duplicate back. g's own
// Redirects count as merges too, each led to its end (withRedirects). g itself
// is not changed; when nothing is redirected, g is returned as is.
func (g *Graph) Redirect(target func(id string) string) (*Graph, error) {
	var problems []*Error
	if len(g.Redirects) > 0 {
		target, problems = g.withRedirects(target)
	}
	for id, k := range g.Kinds() {
		if t := target(id); t != "" {
			problems = append(problems, Invalidf(fmt.Sprintf("%s[%s].id", collection(k), id),
				"%q was merged into %q; write to %q instead", id, t, t))
		}
	}
	if len(problems) > 0 {
		slices.SortFunc(problems, func(a, b *Error) int { return strings.Compare(a.Field, b.Field) })
		return nil, &ValidationError{Problems: problems}
	}
	hit := false
	g.eachRef(func(_ string, id *string) { hit = hit || target(*id) != "" })
	for _, r := range g.Redirects {
		hit = hit || target(r.Target) != ""
	}
	if !hit {
		return g, nil
	}
	c := g.Clone()
	c.eachRef(func(_ string, id *string) {
		if t := target(*id); t != "" {
			*id = t
		}
	})
	for _, r := range c.Redirects {
		if t := target(r.ID); t != "" {
			r.Target = t
		}
	}
	c.dedupe()
	return c, nil
}

// collection is the name of the Graph collection of kind k, as validation paths use it.
func collection(k Kind) string {
	switch k {
	case KindCountry:
		return "countries"
	case KindPerson:
		return "people"
	case KindCouncil, KindMeeting, KindInstitution, KindPlace, KindInitiative, KindTheme, KindRecommendation,
		KindPublication, KindSource:
		return strings.ToLower(string(k)) + "s"
	}
	return "appearances"
}

// dedupe removes what a rewrite of references made twice: an ID listed
// twice, a source cited twice (the first keeps the excerpt, or takes the
// second's), an affiliation or publication link given twice, an institution
// made its own parent.
func (g *Graph) dedupe() {
	for _, x := range g.Countries {
		x.Sources = dedupeSources(x.Sources)
	}
	for _, x := range g.Places {
		x.Sources = dedupeSources(x.Sources)
	}
	for _, x := range g.Initiatives {
		x.Sources = dedupeSources(x.Sources)
	}
	for _, x := range g.Themes {
		x.Sources = dedupeSources(x.Sources)
	}
	for _, x := range g.Institutions {
		if x.ParentID == x.ID {
			x.ParentID = ""
		}
		x.Sources = dedupeSources(x.Sources)
	}
	for _, x := range g.People {
		x.Affiliations = compactFunc(x.Affiliations, func(a, b Affiliation) bool { return a == b })
		x.Sources = dedupeSources(x.Sources)
	}
	for _, x := range g.Councils {
		x.CountryIDs, x.OrganizerIDs, x.Sources = uniq(x.CountryIDs), uniq(x.OrganizerIDs), dedupeSources(x.Sources)
	}
	for _, x := range g.Publications {
		x.InstitutionIDs, x.Sources = uniq(x.InstitutionIDs), dedupeSources(x.Sources)
	}
	for _, x := range g.Meetings {
		x.OrganizerIDs, x.ThemeIDs, x.InitiativeIDs = uniq(x.OrganizerIDs), uniq(x.ThemeIDs), uniq(x.InitiativeIDs)
		x.Publications = compactFunc(x.Publications, func(a, b PublicationLink) bool { return a.PublicationID == b.PublicationID })
		x.Sources = dedupeSources(x.Sources)
	}
	for _, x := range g.Appearances {
		x.Sources = dedupeSources(x.Sources)
	}
	for _, x := range g.Recommendations {
		x.AttributedTo, x.InitiativeIDs, x.ThemeIDs, x.CountryIDs = uniq(x.AttributedTo), uniq(x.InitiativeIDs),
			uniq(x.ThemeIDs), uniq(x.CountryIDs)
		x.Sources = dedupeSources(x.Sources)
	}
}

// uniq keeps the first of each ID, in order.
func uniq(ids []string) []string { return compactFunc(ids, func(a, b string) bool { return a == b }) }

// compactFunc keeps the first of each group of equal items, in order.
func compactFunc[T any](xs []T, eq func(a, b T) bool) []T {
	var out []T
	for _, x := range xs {
		if !slices.ContainsFunc(out, func(y T) bool { return eq(x, y) }) {
			out = append(out, x)
		}
	}
	return out
}

// dedupeSources keeps the first citation of each source, with the first excerpt any of them gives.
func dedupeSources(refs []SourceRef) []SourceRef {
	var out []SourceRef
	for _, r := range refs {
		i := slices.IndexFunc(out, func(o SourceRef) bool { return o.SourceID == r.SourceID })
		switch {
		case i < 0:
			out = append(out, r)
		case out[i].Excerpt == "":
			out[i].Excerpt = r.Excerpt
		}
	}
	return out
}

// MergeSources returns refs followed by the sources of more that refs does not cite.
func MergeSources(refs []SourceRef, more ...[]SourceRef) []SourceRef {
	return dedupeSources(slices.Concat(append([][]SourceRef{refs}, more...)...))
}

// index maps every node ID of g to its node and every appearance key to its appearance.
func (g *Graph) index() map[string]any {
	m := map[string]any{}
	put := func(id string, x any) {
		if _, dup := m[id]; !dup {
			m[id] = x
		}
	}
	for _, x := range g.Countries {
		put(x.ID, x)
	}
	for _, x := range g.Places {
		put(x.ID, x)
	}
	for _, x := range g.Institutions {
		put(x.ID, x)
	}
	for _, x := range g.People {
		put(x.ID, x)
	}
	for _, x := range g.Councils {
		put(x.ID, x)
	}
	for _, x := range g.Initiatives {
		put(x.ID, x)
	}
	for _, x := range g.Themes {
		put(x.ID, x)
	}
	for _, x := range g.Sources {
		put(x.ID, x)
	}
	for _, x := range g.Publications {
		put(x.ID, x)
	}
	for _, x := range g.Meetings {
		put(x.ID, x)
	}
	for _, x := range g.Recommendations {
		put(x.ID, x)
	}
	for _, x := range g.Appearances {
		put(AppearanceKey(x.MeetingID, x.PersonID), x)
	}
	return m
}

// RefOf returns the NodeRef of a node: its ID, kind and display name (a
// meeting's or publication's title, a source's title or URL, a
// recommendation's text, any other node's name; an appearance's key).
func RefOf(x any) NodeRef {
	switch x := x.(type) {
	case *Country:
		return NodeRef{x.ID, KindCountry, x.Name}
	case *Place:
		return NodeRef{x.ID, KindPlace, x.Name}
	case *Institution:
		return NodeRef{x.ID, KindInstitution, x.Name}
	case *Person:
		return NodeRef{x.ID, KindPerson, x.Name}
	case *Council:
		return NodeRef{x.ID, KindCouncil, x.Name}
	case *Initiative:
		return NodeRef{x.ID, KindInitiative, x.Name}
	case *Theme:
		return NodeRef{x.ID, KindTheme, x.Name}
	case *Source:
		if x.Title == "" {
			return NodeRef{x.ID, KindSource, x.URL}
		}
		return NodeRef{x.ID, KindSource, x.Title}
	case *Publication:
		return NodeRef{x.ID, KindPublication, x.Title}
	case *Meeting:
		return NodeRef{x.ID, KindMeeting, x.Title}
	case *Recommendation:
		return NodeRef{x.ID, KindRecommendation, x.Text}
	case *Appearance:
		k := AppearanceKey(x.MeetingID, x.PersonID)
		return NodeRef{k, KindAppearance, k}
	}
	return NodeRef{}
}

// MaxListedReferrers bounds the referrers a refused Delete lists.
const MaxListedReferrers = 20

// DeletePlan is what a Delete removes.
type DeletePlan struct {
	Nodes       []string // node IDs: those asked for, and the recommendations of deleted meetings
	Appearances []string // appearance keys: those asked for, and those of deleted meetings and people
}

// Touched returns every ID and key the plan removes, sorted.
func (p *DeletePlan) Touched() []string { return sortedSet(slices.Concat(p.Nodes, p.Appearances)) }

// CheckDeleteIDs checks the IDs given to Delete: at least one, each a valid
// ID or appearance key.
func CheckDeleteIDs(ids []string) error {
	if len(ids) == 0 {
		return Invalidf("ids", "give at least one ID to delete")
	}
	for i, id := range ids {
		if !ValidID(id) && !IsAppearanceKey(id) {
			return Invalidf(fmt.Sprintf("ids[%d]", i), "%q is neither an ID nor an appearance key (meeting/person)", id)
		}
	}
	return nil
}

// PlanDelete works out what deleting ids removes. g holds the nodes and
// appearances of ids, the recommendations and appearances of the meetings
// and people among them, and every node and appearance that refers to any
// of them (it may hold more). A meeting goes with its appearances and
// recommendations, a person with their appearances: they are parts of it.
// Any other reference from a node or appearance that is not deleted too is
// ECONFLICT (a *NodesError listing the referrers): delete them in the same
// call, point them elsewhere, or merge instead, but a fact a source stated
// is never dropped silently. ENOTFOUND for an ID g does not hold.
func PlanDelete(ids []string, g *Graph) (*DeletePlan, error) {
	if err := CheckDeleteIDs(ids); err != nil {
		return nil, err
	}
	idx := g.index()
	gone := map[string]bool{}
	var missing []string
	for _, id := range ids {
		if idx[id] == nil {
			missing = append(missing, id)
		}
		gone[id] = true
	}
	if len(missing) > 0 {
		return nil, Errorf(ENOTFOUND, "nothing to delete with id %s", quoteAll(missing))
	}
	p := &DeletePlan{}
	for _, r := range g.Recommendations {
		if gone[r.MeetingID] {
			gone[r.ID] = true
		}
	}
	for _, a := range g.Appearances {
		if gone[a.MeetingID] || gone[a.PersonID] {
			gone[AppearanceKey(a.MeetingID, a.PersonID)] = true
		}
	}
	for id := range gone {
		if IsAppearanceKey(id) {
			p.Appearances = append(p.Appearances, id)
		} else {
			p.Nodes = append(p.Nodes, id)
		}
	}
	slices.Sort(p.Nodes)
	slices.Sort(p.Appearances)

	referrers := map[string]bool{}
	var refs []NodeRef
	held := map[string][]string{} // deleted ID -> its referrers
	g.eachRef(func(holder string, id *string) {
		if gone[holder] || !gone[*id] || IsAppearanceKey(*id) {
			return
		}
		held[*id] = append(held[*id], holder)
		if !referrers[holder] {
			referrers[holder] = true
			refs = append(refs, RefOf(idx[holder]))
		}
	})
	if len(refs) == 0 {
		return p, nil
	}
	slices.SortFunc(refs, func(a, b NodeRef) int { return strings.Compare(a.ID, b.ID) })
	var parts []string
	for _, id := range slices.Sorted(mapKeys(held)) {
		hs := uniq(held[id])
		slices.Sort(hs)
		parts = append(parts, fmt.Sprintf("%q is still referred to by %s", id, listSome(hs)))
	}
	listed := refs
	if len(listed) > MaxListedReferrers {
		listed = listed[:MaxListedReferrers]
	}
	return nil, &NodesError{Key: "referrers", Nodes: listed, Err: Errorf(ECONFLICT,
		"cannot delete: %s; delete those in the same call, point them elsewhere, or merge instead",
		strings.Join(parts, "; "))}
}

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// listSome lists up to 5 IDs and says how many more there are.
func listSome(ids []string) string {
	if len(ids) <= 5 {
		return strings.Join(ids, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(ids[:5], ", "), len(ids)-5)
}

func quoteAll(ids []string) string {
	q := make([]string, len(ids))
	for i, id := range ids {
		q[i] = fmt.Sprintf("%q", id)
	}
	return strings.Join(q, ", ")
}

// MergePlan is what a Merge writes, in one transaction: delete the merged
// nodes (with their own links and appearances), upsert the rewritten graph,
// and record the redirects.
type MergePlan struct {
	Upsert    *Graph            // the kept node and every node and appearance whose links moved
	Delete    []string          // the merged IDs
	Redirects map[string]string // merged ID -> kept ID
	Updated   []string          // IDs and appearance keys of Upsert, for the audit
}

// CheckMerge checks the arguments of Merge before anything is read.
func CheckMerge(kind Kind, keepID string, mergeIDs []string) error {
	if !slices.Contains(MergeKinds, kind) {
		return Invalidf("kind", "%q cannot be merged; only %v", kind, MergeKinds)
	}
	if !ValidID(keepID) {
		return Invalidf("keep", "%q is not a valid id", keepID)
	}
	if len(mergeIDs) == 0 {
		return Invalidf("merge", "give at least one ID to merge into %q", keepID)
	}
	seen := map[string]bool{}
	for i, id := range mergeIDs {
		f := fmt.Sprintf("merge[%d]", i)
		switch {
		case !ValidID(id):
			return Invalidf(f, "%q is not a valid id", id)
		case id == keepID:
			return Invalidf(f, "%q is the node kept; a node cannot be merged into itself", id)
		case seen[id]:
			return Invalidf(f, "%q is listed twice", id)
		}
		seen[id] = true
	}
	return nil
}

// CheckMergeKinds checks that keepID and mergeIDs are stored nodes of kind:
// ENOTFOUND for an unknown ID, EINVALID for one of another kind. kindOf
// returns the stored kind of an ID ("" if none).
func CheckMergeKinds(kind Kind, keepID string, mergeIDs []string, kindOf func(string) Kind) error {
	for i, id := range append([]string{keepID}, mergeIDs...) {
		f := "keep"
		if i > 0 {
			f = fmt.Sprintf("merge[%d]", i-1)
		}
		switch k := kindOf(id); k {
		case kind:
		case "":
			return &Error{Code: ENOTFOUND, Field: f, Message: fmt.Sprintf("no %s with id %q", strings.ToLower(string(kind)), id)}
		default:
			return Invalidf(f, "%q is %s, not %s", id, article(k), article(kind))
		}
	}
	return nil
}

// PendingMerges drops the IDs already merged into keepID; an ID merged into
// another node, or a keepID that was merged itself, is ENOTFOUND naming
// where it went.
func PendingMerges(keepID string, mergeIDs []string, target func(string) string) ([]string, error) {
	if t := target(keepID); t != "" {
		return nil, &Error{Code: ENOTFOUND, Field: "keep",
			Message: fmt.Sprintf("%q was merged into %q; keep %q", keepID, t, t)}
	}
	var todo []string
	for i, id := range mergeIDs {
		switch t := target(id); t {
		case "":
			todo = append(todo, id)
		case keepID:
		default:
			return nil, &Error{Code: ENOTFOUND, Field: fmt.Sprintf("merge[%d]", i),
				Message: fmt.Sprintf("%q was merged into %q already", id, t)}
		}
	}
	return todo, nil
}

// PlanMerge works out how to merge the nodes of mergeIDs into keepID, all of
// kind (checked with CheckMerge and CheckMergeKinds). g holds those nodes,
// every node and appearance that refers to any of them, and the appearances
// of the kept node (it may hold more). The kept node keeps its own fields,
// takes those it lacks from the merged nodes (in the order given), the
// merged names (name, short name, aliases) as aliases, their sources and
// (people) affiliations. Every reference to a merged ID moves to keepID; two
// appearances of one meeting become one, with both roles and sources.
func PlanMerge(kind Kind, keepID string, mergeIDs []string, g *Graph) (*MergePlan, error) {
	idx := g.index()
	merged := map[string]bool{}
	p := &MergePlan{Upsert: &Graph{}, Redirects: map[string]string{}}
	for _, id := range mergeIDs {
		merged[id] = true
		p.Delete = append(p.Delete, id)
		p.Redirects[id] = keepID
	}
	var err error
	switch kind {
	case KindPerson:
		err = mergePeople(p, idx, keepID, mergeIDs)
	case KindInstitution:
		err = mergeInstitutions(p, idx, keepID, mergeIDs)
	case KindInitiative:
		err = mergeInitiatives(p, idx, keepID, mergeIDs)
	default:
		err = Invalidf("kind", "%q cannot be merged; only %v", kind, MergeKinds)
	}
	if err != nil {
		return nil, err
	}

	// Every other node and appearance that refers to a merged ID, rewritten.
	rewrite := func(holder string, id *string) {
		if merged[*id] {
			*id = keepID
		}
	}
	for _, x := range g.nodes() {
		if id := RefOf(x).ID; id == keepID || merged[id] || !refersTo(x, merged) {
			continue
		}
		c := &Graph{}
		c.add(x)
		c = c.Clone()
		c.eachRef(rewrite)
		c.dedupe()
		p.Upsert.add(c.nodes()[0])
	}
	// Appearances: the kept person's stay as they are unless a merged
	// person's appearance at the same meeting joins one of them.
	byKey := map[string]*Appearance{}
	for _, a := range g.Appearances {
		if a.PersonID == keepID {
			byKey[AppearanceKey(a.MeetingID, a.PersonID)] = a
		}
	}
	var order []string
	changed := map[string]*Appearance{}
	for _, a := range g.Appearances {
		if merged[a.MeetingID] || !refersTo(a, merged) {
			continue
		}
		c := (&Graph{Appearances: []*Appearance{a}}).Clone()
		c.eachRef(rewrite)
		c.dedupe()
		b := c.Appearances[0]
		k := AppearanceKey(b.MeetingID, b.PersonID)
		if have := changed[k]; have != nil {
			combineAppearance(have, b)
			continue
		}
		if have := byKey[k]; have != nil && have != a {
			h := (&Graph{Appearances: []*Appearance{have}}).Clone().Appearances[0]
			combineAppearance(h, b)
			b = h
		}
		changed[k] = b
		order = append(order, k)
	}
	for _, k := range order {
		p.Upsert.Appearances = append(p.Upsert.Appearances, changed[k])
	}
	p.Updated = p.Upsert.IDs()
	return p, nil
}

// refersTo reports whether node x holds a reference to any merged ID.
func refersTo(x any, merged map[string]bool) bool {
	g := &Graph{}
	g.add(x)
	hit := false
	g.eachRef(func(_ string, id *string) { hit = hit || merged[*id] })
	return hit
}

// combineAppearance folds b into a: a's fields win where set; roles and sources are joined.
func combineAppearance(a, b *Appearance) {
	for _, r := range b.Roles {
		if !slices.Contains(a.Roles, r) {
			a.Roles = append(a.Roles, r)
		}
	}
	a.Title = cmpOr(a.Title, b.Title)
	a.InstitutionID = cmpOr(a.InstitutionID, b.InstitutionID)
	a.CountryID = cmpOr(a.CountryID, b.CountryID)
	a.Session = cmpOr(a.Session, b.Session)
	if a.Order == 0 {
		a.Order = b.Order
	}
	a.Sources = MergeSources(a.Sources, b.Sources)
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// nodes returns every node of g (not appearances), collection by collection.
func (g *Graph) nodes() []any {
	var out []any
	for _, x := range g.Countries {
		out = append(out, x)
	}
	for _, x := range g.Places {
		out = append(out, x)
	}
	for _, x := range g.Institutions {
		out = append(out, x)
	}
	for _, x := range g.People {
		out = append(out, x)
	}
	for _, x := range g.Councils {
		out = append(out, x)
	}
	for _, x := range g.Initiatives {
		out = append(out, x)
	}
	for _, x := range g.Themes {
		out = append(out, x)
	}
	for _, x := range g.Sources {
		out = append(out, x)
	}
	for _, x := range g.Publications {
		out = append(out, x)
	}
	for _, x := range g.Meetings {
		out = append(out, x)
	}
	for _, x := range g.Recommendations {
		out = append(out, x)
	}
	return out
}

// add puts a node or appearance into its collection.
func (g *Graph) add(x any) {
	switch x := x.(type) {
	case *Country:
		g.Countries = append(g.Countries, x)
	case *Place:
		g.Places = append(g.Places, x)
	case *Institution:
		g.Institutions = append(g.Institutions, x)
	case *Person:
		g.People = append(g.People, x)
	case *Council:
		g.Councils = append(g.Councils, x)
	case *Initiative:
		g.Initiatives = append(g.Initiatives, x)
	case *Theme:
		g.Themes = append(g.Themes, x)
	case *Source:
		g.Sources = append(g.Sources, x)
	case *Publication:
		g.Publications = append(g.Publications, x)
	case *Meeting:
		g.Meetings = append(g.Meetings, x)
	case *Recommendation:
		g.Recommendations = append(g.Recommendations, x)
	case *Appearance:
		g.Appearances = append(g.Appearances, x)
	}
}

// aliasesAfterMerge returns the aliases of a kept node: its own, then every
// name of the merged nodes that none of its names already normalises to.
func aliasesAfterMerge(own []string, ownNames []string, mergedNames ...string) []string {
	keys := map[string]bool{}
	for _, n := range append(slices.Clone(ownNames), own...) {
		keys[NormalizeName(n)] = true
	}
	out := slices.Clone(own)
	for _, n := range mergedNames {
		if k := NormalizeName(n); k != "" && !keys[k] {
			keys[k] = true
			out = append(out, n)
		}
	}
	return out
}

func mergePeople(p *MergePlan, idx map[string]any, keepID string, mergeIDs []string) error {
	keep, ok := idx[keepID].(*Person)
	if !ok {
		return Errorf(ENOTFOUND, "no person with id %q", keepID)
	}
	k := *keep
	var names []string
	for _, id := range mergeIDs {
		m, ok := idx[id].(*Person)
		if !ok {
			return Errorf(ENOTFOUND, "no person with id %q", id)
		}
		names = append(append(names, m.Name), m.Aliases...)
		k.CountryID = cmpOr(k.CountryID, m.CountryID)
		k.Affiliations = compactFunc(slices.Concat(k.Affiliations, m.Affiliations), func(a, b Affiliation) bool { return a == b })
		k.Sources = MergeSources(k.Sources, m.Sources)
	}
	k.Aliases = aliasesAfterMerge(keep.Aliases, []string{keep.Name}, names...)
	p.Upsert.People = append(p.Upsert.People, &k)
	return nil
}

func mergeInstitutions(p *MergePlan, idx map[string]any, keepID string, mergeIDs []string) error {
	keep, ok := idx[keepID].(*Institution)
	if !ok {
		return Errorf(ENOTFOUND, "no institution with id %q", keepID)
	}
	k := *keep
	var names []string
	for _, id := range mergeIDs {
		m, ok := idx[id].(*Institution)
		if !ok {
			return Errorf(ENOTFOUND, "no institution with id %q", id)
		}
		if k.ShortName == "" && m.ShortName != "" {
			k.ShortName = m.ShortName
		} else if m.ShortName != "" {
			names = append(names, m.ShortName)
		}
		names = append(append(names, m.Name), m.Aliases...)
		k.CountryID = cmpOr(k.CountryID, m.CountryID)
		k.ParentID = cmpOr(k.ParentID, m.ParentID)
		k.Sources = MergeSources(k.Sources, m.Sources)
	}
	if _, gone := p.Redirects[k.ParentID]; gone || k.ParentID == keepID {
		k.ParentID = ""
	}
	k.Aliases = aliasesAfterMerge(keep.Aliases, []string{keep.Name, k.ShortName}, names...)
	p.Upsert.Institutions = append(p.Upsert.Institutions, &k)
	return nil
}

func mergeInitiatives(p *MergePlan, idx map[string]any, keepID string, mergeIDs []string) error {
	keep, ok := idx[keepID].(*Initiative)
	if !ok {
		return Errorf(ENOTFOUND, "no initiative with id %q", keepID)
	}
	k := *keep
	var names []string
	for _, id := range mergeIDs {
		m, ok := idx[id].(*Initiative)
		if !ok {
			return Errorf(ENOTFOUND, "no initiative with id %q", id)
		}
		if k.ShortName == "" && m.ShortName != "" {
			k.ShortName = m.ShortName
		} else if m.ShortName != "" {
			names = append(names, m.ShortName)
		}
		names = append(append(names, m.Name), m.Aliases...)
		k.Description = cmpOr(k.Description, m.Description)
		k.Sources = MergeSources(k.Sources, m.Sources)
	}
	k.Aliases = aliasesAfterMerge(keep.Aliases, []string{keep.Name, k.ShortName}, names...)
	p.Upsert.Initiatives = append(p.Upsert.Initiatives, &k)
	return nil
}
