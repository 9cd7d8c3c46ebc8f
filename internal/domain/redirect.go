package domain

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Redirect is what Merge leaves of a merged node: its ID, which still
// resolves, and the ID of the node it was merged into. Export returns a
// store's redirects with its nodes and Upsert writes a graph's, so that a
// graph exported and imported elsewhere keeps its merged IDs resolving.
//
// As Merge leaves them, a redirect leads from an ID that names no node to a
// person, institution or initiative, never to another redirected ID (no
// chains, no cycles), and an ID is redirected once.
type Redirect struct {
	ID     string // the merged ID
	Target string // the ID of the node it was merged into
}

// SortRedirects orders rs by ID, as Export does.
func SortRedirects(rs []*Redirect) {
	slices.SortFunc(rs, func(a, b *Redirect) int { return cmp.Compare(a.ID, b.ID) })
}

// withRedirects returns stored (the redirects a store holds: the target of
// an ID, "" if none) extended with g's own redirects, each led to its end:
// a target that is itself redirected, by g or by the store, is replaced by
// where that leads, as Merge turns a chain a -> b -> c into a -> c. It
// reports a redirect of g that goes round in a circle, and one of an ID the
// store already redirects elsewhere.
func (g *Graph) withRedirects(stored func(string) string) (func(string) string, []*Error) {
	own := make(map[string]string, len(g.Redirects))
	for _, r := range g.Redirects {
		if _, dup := own[r.ID]; !dup {
			own[r.ID] = r.Target
		}
	}
	end := make(map[string]string, len(own))
	var problems []*Error
	for _, r := range g.Redirects {
		if _, done := end[r.ID]; done || r.ID == "" || r.Target == r.ID {
			continue // validation reports these
		}
		t, path, circle := r.Target, []string{r.ID}, false
		for {
			if s := stored(t); s != "" {
				t = s
				break
			}
			next, ok := own[t]
			if !ok {
				break
			}
			if circle = slices.Contains(path, t); circle {
				break
			}
			path = append(path, t)
			t = next
		}
		at := fmt.Sprintf("redirects[%s].target", r.ID)
		switch s := stored(r.ID); {
		case circle:
			problems = append(problems, Invalidf(at, "the redirects %s -> %s go round in a circle",
				strings.Join(path, " -> "), t))
			t = r.Target
		case s != "" && s != t:
			problems = append(problems, Invalidf(at, "%q was merged into %q already, not into %q", r.ID, s, t))
		}
		end[r.ID] = t
	}
	return func(id string) string {
		if t := stored(id); t != "" {
			return t
		}
		return end[id]
	}, problems
}

// redirects checks g's redirects as Merge leaves them: each from a valid ID
// that names no node, of g or of the store, redirected once, to a person,
// institution or initiative of g or the store.
func (v *validator) redirects() {
	seen := map[string]bool{}
	from := map[string]string{}
	for _, r := range v.g.Redirects {
		from[r.ID] = r.Target
	}
	for _, r := range v.g.Redirects {
		at := fmt.Sprintf("redirects[%s]", r.ID)
		switch k := v.kindOf(r.ID); {
		case r.ID == "":
			v.bad("redirects[]", "an entry has no id")
		case !ValidID(r.ID):
			v.bad(at+".id", "%q is not a valid id: use lower-case letters, digits and single dashes, at most %d characters", r.ID, MaxIDLength)
		case seen[r.ID]:
			v.bad(at+".id", "%q is redirected twice", r.ID)
		case k != "":
			v.bad(at+".id", "%q names %s: only the ID of a node merged away is redirected", r.ID, article(k))
		}
		seen[r.ID] = true
		switch k := v.kindOf(r.Target); {
		case r.Target == "":
			v.bad(at+".target", "is required")
		case r.Target == r.ID:
			v.bad(at+".target", "an ID cannot be redirected to itself")
		case from[r.Target] != "":
			v.bad(at+".target", "%q is redirected itself, to %q: redirect to where it leads", r.Target, from[r.Target])
		case k == "":
			v.bad(at+".target", "unknown node %q", r.Target)
		case !slices.Contains(MergeKinds, k):
			v.bad(at+".target", "%q is %s; only people, institutions and initiatives are merged", r.Target, article(k))
		}
	}
}
