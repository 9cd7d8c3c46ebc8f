package curate

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// Entity resolution: how a RefInput or SourceRefInput becomes an ID.

// creatable lists the kinds a name that matches nothing creates (with kind
// OTHER where the kind has one); any other kind must exist already.
var creatable = []domain.Kind{domain.KindPerson, domain.KindInstitution, domain.KindInitiative}

// known returns the stored node of id (following a merge), nil if none.
func (b *batch) known(id string) (*domain.NodeRef, error) {
	if r, ok := b.refs[id]; ok {
		return r, nil
	}
	rs, err := b.s.store.Resolve(b.ctx, []string{id})
	if err != nil {
		return nil, err
	}
	b.refs[id] = rs[0]
	return rs[0], nil
}

// kindOf returns the kind of id, in this write or in the store ("" if none),
// and the ID it goes by (the kept ID of a merged one).
func (b *batch) kindOf(id string) (domain.Kind, string, error) {
	if k := b.pending[id]; k != "" {
		return k, id, nil
	}
	r, err := b.known(id)
	if err != nil || r == nil {
		return "", id, err
	}
	return r.Kind, r.ID, nil
}

// ref resolves a reference to a node of kind at path: by ID if given, else
// by name, as Resolve says. It returns "" for a nil reference.
func (b *batch) ref(at string, in *RefInput, kind domain.Kind) string {
	if in == nil || b.failed() {
		return ""
	}
	id, name := strings.TrimSpace(val(in.ID)), strings.TrimSpace(val(in.Name))
	if id != "" {
		k, got, err := b.kindOf(id)
		switch {
		case err != nil:
			b.fail(err)
		case k == kind:
			return got
		case k != "":
			b.bad(at+".id", "%q is %s, not %s", id, article(k), article(kind))
		case name != "" && slices.Contains(creatable, kind):
			return b.create(kind, id, name)
		default:
			b.bad(at+".id", "unknown %s %q; give its name too to create it", lower(kind), id)
		}
		return ""
	}
	if name == "" {
		return "" // {} clears an optional reference
	}
	id, isNew := b.byName(at+".name", name, kind, false)
	if isNew {
		return b.create(kind, id, name)
	}
	return id
}

// byName resolves a name to a node of kind. Exact matches (NormalizeName of
// a name, short name or alias, in the store or in this write) come first; if
// there are none, transliteration variants (domain.VariantKey: Gadzhiev ~
// Hajiyev) of people's, institutions' and initiatives' names. One match is
// linked; several are ECONFLICT listing them; none gives a new ID made from
// the name (isNew) for a creatable kind, and is EINVALID for another.
func (b *batch) byName(at, name string, kind domain.Kind, allowNew bool) (id string, isNew bool) {
	key := domain.NormalizeName(name)
	if key == "" {
		b.bad(at, "%q has no letters or digits", name)
		return "", false
	}
	cands, err := b.s.store.Lookup(b.ctx, name, []domain.Kind{kind})
	if err != nil {
		b.fail(err)
		return "", false
	}
	var refs []domain.NodeRef
	for _, c := range cands {
		refs = append(refs, *c)
	}
	for id, names := range b.names {
		if b.pending[id] == kind && slices.Contains(names, key) && !slices.ContainsFunc(refs, func(r domain.NodeRef) bool { return r.ID == id }) {
			refs = append(refs, domain.NodeRef{ID: id, Kind: kind, Name: b.display[id]})
		}
	}
	if len(refs) == 0 && slices.Contains(creatable, kind) {
		if refs, err = b.variants(name, kind); err != nil {
			b.fail(err)
			return "", false
		}
	}
	switch len(refs) {
	case 1:
		return refs[0].ID, false
	case 0:
		if !slices.Contains(creatable, kind) && !allowNew {
			b.bad(at, "no %s is named %q; create it first (upsert%s) or give its id", lower(kind), name, title(kind))
			return "", false
		}
		if id := b.fresh[string(kind)+":"+key]; id != "" {
			return id, false
		}
		id, err := b.newID(kind, name)
		if err != nil {
			b.fail(err)
			return "", false
		}
		b.fresh[string(kind)+":"+key] = id
		return id, true
	}
	slices.SortFunc(refs, func(a, c domain.NodeRef) int { return strings.Compare(a.ID, c.ID) })
	var list []string
	for _, r := range refs {
		list = append(list, fmt.Sprintf("%s (%s)", r.ID, r.Name))
	}
	b.fail(&domain.NodesError{Key: "candidates", Nodes: refs, Err: &domain.Error{Code: domain.ECONFLICT, Field: b.path(at),
		Message: fmt.Sprintf("%q may be any of %d %s: %s; give the id instead", name, len(refs), plural(kind), strings.Join(list, ", "))}})
	return "", false
}

// variants finds the stored nodes of kind one of whose names has the same
// transliteration key as name. It reads every node of the kind once per
// write: the lists are small, and writes rare.
func (b *batch) variants(name string, kind domain.Kind) ([]domain.NodeRef, error) {
	want := domain.VariantKey(name)
	if want == "" {
		return nil, nil
	}
	all, err := b.allNames(kind)
	if err != nil {
		return nil, err
	}
	var out []domain.NodeRef
	for _, n := range all {
		for _, x := range n.names {
			if domain.VariantKey(x) == want {
				out = append(out, n.ref)
				break
			}
		}
	}
	return out, nil
}

type named struct {
	ref   domain.NodeRef
	names []string
}

// allNames lists every stored node of kind with its names, once per write.
func (b *batch) allNames(kind domain.Kind) ([]named, error) {
	if all, ok := b.every[kind]; ok {
		return all, nil
	}
	var out []named
	first := domain.MaxPageSize
	var after *string
	for {
		pr := domain.PageRequest{First: &first, After: after}
		var info *domain.PageInfo
		switch kind {
		case domain.KindPerson:
			c, err := b.s.store.ListPeople(b.ctx, domain.PersonQuery{Page: pr})
			if err != nil {
				return nil, err
			}
			for _, e := range c.Edges {
				out = append(out, named{domain.NodeRef{ID: e.Node.ID, Kind: kind, Name: e.Node.Name}, append([]string{e.Node.Name}, e.Node.Aliases...)})
			}
			info = c.PageInfo
		case domain.KindInstitution:
			c, err := b.s.store.ListInstitutions(b.ctx, domain.InstitutionQuery{Page: pr})
			if err != nil {
				return nil, err
			}
			for _, e := range c.Edges {
				out = append(out, named{domain.NodeRef{ID: e.Node.ID, Kind: kind, Name: e.Node.Name}, append([]string{e.Node.Name, e.Node.ShortName}, e.Node.Aliases...)})
			}
			info = c.PageInfo
		case domain.KindInitiative:
			c, err := b.s.store.ListInitiatives(b.ctx, domain.InitiativeQuery{Page: pr})
			if err != nil {
				return nil, err
			}
			for _, e := range c.Edges {
				out = append(out, named{domain.NodeRef{ID: e.Node.ID, Kind: kind, Name: e.Node.Name}, append([]string{e.Node.Name, e.Node.ShortName}, e.Node.Aliases...)})
			}
			info = c.PageInfo
		default:
			return nil, nil
		}
		if !info.HasNextPage {
			break
		}
		after = info.EndCursor
	}
	b.every[kind] = out
	return out, nil
}

// create adds a minimal new node of kind to the write.
func (b *batch) create(kind domain.Kind, id, name string) string {
	if b.pending[id] != "" {
		return id
	}
	b.note(kind, id, "", name)
	switch kind {
	case domain.KindPerson:
		b.g.People = append(b.g.People, &domain.Person{ID: id, Name: name})
	case domain.KindInstitution:
		b.g.Institutions = append(b.g.Institutions, &domain.Institution{ID: id, Name: name, Kind: domain.InstitutionOther})
	case domain.KindInitiative:
		b.g.Initiatives = append(b.g.Initiatives, &domain.Initiative{ID: id, Name: name, Kind: domain.InitiativeOther})
	}
	return id
}

// newID makes a readable ID from a name ("Igor Maslov" -> igor-maslov),
// adding -2, -3, ... while it is taken. A name with no Latin letters or
// digits gets the kind and a hash of the name.
func (b *batch) newID(kind domain.Kind, name string) (string, error) {
	base := Slug(name)
	if base == "" {
		h := sha256.Sum256([]byte(name))
		base = lower(kind) + "-" + hex.EncodeToString(h[:3])
	}
	for i := 1; ; i++ {
		id := base
		if i > 1 {
			id = fmt.Sprintf("%s-%d", base, i)
		}
		k, _, err := b.kindOf(id)
		if err != nil {
			return "", err
		}
		if k == "" {
			if r, err := b.known(id); err != nil || r == nil {
				return id, err
			}
		}
	}
}

// Slug makes an ID from a name: its normalised Latin words and digits joined
// by dashes, at most domain.MaxIDLength long; "" if none.
func Slug(name string) string {
	var words []string
	for _, w := range strings.Fields(strings.ReplaceAll(domain.NormalizeName(strings.ReplaceAll(name, "+", " plus ")), "&", " and ")) {
		var sb strings.Builder
		for _, r := range w {
			if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
				sb.WriteRune(r)
			}
		}
		if sb.Len() > 0 {
			words = append(words, sb.String())
		}
	}
	id := strings.Join(words, "-")
	for len(id) > domain.MaxIDLength {
		i := strings.LastIndexByte(id[:domain.MaxIDLength], '-')
		if i <= 0 {
			id = id[:domain.MaxIDLength]
			break
		}
		id = id[:i]
	}
	return id
}

// sources resolves citations: a stored source by ID or URL, or a new one
// (its ID given, or made from the URL: "trend-3914731").
func (b *batch) sources(at string, ins []*SourceRefInput) []domain.SourceRef {
	var out []domain.SourceRef
	for i, in := range ins {
		f := fmt.Sprintf("%s[%d]", at, i)
		if in == nil || b.failed() {
			continue
		}
		id, u := strings.TrimSpace(val(in.Source)), strings.TrimSpace(val(in.URL))
		switch {
		case id != "":
			k, got, err := b.kindOf(id)
			switch {
			case err != nil:
				b.fail(err)
				continue
			case k == domain.KindSource:
				id = got
			case k != "":
				b.bad(f+".source", "%q is %s, not a source", id, article(k))
				continue
			case u == "":
				b.bad(f+".source", "unknown source %q; give its url and publisher to create it", id)
				continue
			default:
				b.newSource(f, id, in)
			}
		case u != "":
			found, err := b.sourceByURL(u)
			if err != nil {
				b.fail(err)
				continue
			}
			if found == "" {
				if found, err = b.newID(domain.KindSource, sourceSlug(u)); err != nil {
					b.fail(err)
					continue
				}
				b.newSource(f, found, in)
			}
			id = found
		default:
			b.bad(f, "give the source's id or url")
			continue
		}
		out = append(out, domain.SourceRef{SourceID: id, Excerpt: strings.TrimSpace(val(in.Excerpt))})
	}
	return out
}

// newSource adds a source described by a citation.
func (b *batch) newSource(at, id string, in *SourceRefInput) {
	if b.pending[id] != "" {
		return
	}
	s := &domain.Source{ID: id, URL: strings.TrimSpace(val(in.URL)), Title: val(in.Title), Publisher: val(in.Publisher),
		Language: val(in.Language)}
	if in.Published != nil {
		s.Published = *in.Published
	}
	b.note(domain.KindSource, id, at, s.Title)
	b.byURL[canonURL(s.URL)] = id
	b.g.Sources = append(b.g.Sources, s)
}

// sourceByURL finds a stored source (or one of this write) by URL.
func (b *batch) sourceByURL(u string) (string, error) {
	if !b.urlsLoaded {
		first := domain.MaxPageSize
		var after *string
		for {
			c, err := b.s.store.ListSources(b.ctx, domain.SourceQuery{Page: domain.PageRequest{First: &first, After: after}})
			if err != nil {
				return "", err
			}
			for _, e := range c.Edges {
				if _, dup := b.byURL[canonURL(e.Node.URL)]; !dup {
					b.byURL[canonURL(e.Node.URL)] = e.Node.ID
				}
			}
			if !c.PageInfo.HasNextPage {
				break
			}
			after = c.PageInfo.EndCursor
		}
		b.urlsLoaded = true
	}
	return b.byURL[canonURL(u)], nil
}

// canonURL compares URLs without case in the host, a trailing slash or a fragment.
func canonURL(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil {
		return u
	}
	p.Host = strings.ToLower(strings.TrimPrefix(p.Host, "www."))
	p.Fragment = ""
	p.Path = strings.TrimSuffix(p.Path, "/")
	return p.String()
}

// sourceSlug makes a source ID from its URL: the site's name and the last
// part of the path ("https://en.trend.az/a/3914731.html" -> trend-3914731).
func sourceSlug(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return "source"
	}
	host := strings.Split(strings.TrimPrefix(strings.ToLower(p.Hostname()), "www."), ".")
	site := host[0]
	if len(host) >= 2 {
		site = host[len(host)-2]
	}
	last := strings.TrimSuffix(path.Base(strings.TrimSuffix(p.Path, "/")), path.Ext(p.Path))
	if last == "." || last == "/" {
		last = ""
	}
	if s := Slug(site + " " + last); s != "" {
		return s
	}
	return "source"
}

func article(k domain.Kind) string {
	n := lower(k)
	if strings.ContainsRune("aeiou", rune(n[0])) {
		return "an " + n
	}
	return "a " + n
}

func lower(k domain.Kind) string { return strings.ToLower(string(k)) }

func title(k domain.Kind) string { l := lower(k); return strings.ToUpper(l[:1]) + l[1:] }

func plural(k domain.Kind) string {
	switch k {
	case domain.KindPerson:
		return "people"
	case domain.KindCountry:
		return "countries"
	}
	return lower(k) + "s"
}

func val[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}
