// Package curate is how analysts change the graph through the API: it checks
// the caller's role (internal/auth), turns mutation inputs into one
// domain.Graph, resolving the nodes they name by ID or by name, requires a
// source for every fact, writes the graph with one Store.Upsert (one
// transaction) and has the store record who did it in the audit log.
//
// Rules:
//
//   - Roles: upserts need editor; deletes, merges and the audit log need admin.
//   - Upserts are by ID and idempotent. Fields left out keep what a stored
//     node has; an empty string or list clears; an empty reference ({})
//     clears an optional link. Sources given are added to a node's sources.
//     Appearances and recommendations are written whole.
//   - Provenance: writing a meeting, appearance, recommendation, person,
//     institution, council, publication, initiative, theme, country or place
//     needs at least one source in the call, even when it only adds to a
//     stored node. A meeting's appearances and recommendations that cite none
//     are taken as stated by the meeting's sources. A person, institution or
//     initiative made from a name a reference gives has no sources of its own
//     (its referrer's sources state it). Sources need none.
//   - Entity resolution: a reference by name links to the one stored (or
//     written in the same call) node of that kind whose name, short name or
//     alias normalises alike (domain.NormalizeName), or failing that whose
//     name is a transliteration variant (domain.VariantKey); several such
//     nodes are CONFLICT listing them (extensions.candidates); none creates
//     a person, institution (kind OTHER) or initiative (kind OTHER) with an ID
//     made from the name, and is BAD_USER_INPUT for other kinds.
//   - Errors name the input path at fault ("input.appearances[2].roles[0]");
//     nothing is written when anything is wrong.
package curate

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/expertgraph/expertgraph/internal/auth"
	"github.com/expertgraph/expertgraph/internal/domain"
)

// Service writes to a store on behalf of the principal of each call's context.
type Service struct {
	store domain.Store
}

// New returns a Service over s.
func New(s domain.Store) *Service { return &Service{store: s} }

// batch is one write being put together.
type batch struct {
	ctx context.Context
	s   *Service
	g   *domain.Graph

	pending map[string]domain.Kind // IDs this write defines
	names   map[string][]string    // their normalised names
	display map[string]string      // their display names
	paths   map[string]string      // validation path prefix ("people[x]") -> input path ("input.people[0]")

	refs       map[string]*domain.NodeRef // Resolve answers
	every      map[domain.Kind][]named
	fresh      map[string]string // kind:name key -> ID made for it
	byURL      map[string]string
	urlsLoaded bool

	problems []*domain.Error
	err      error // a failure that stops the write (conflict, unavailable)
}

func (s *Service) begin(ctx context.Context) *batch {
	return &batch{ctx: ctx, s: s, g: &domain.Graph{}, pending: map[string]domain.Kind{}, names: map[string][]string{},
		display: map[string]string{}, paths: map[string]string{}, refs: map[string]*domain.NodeRef{},
		every: map[domain.Kind][]named{}, fresh: map[string]string{}, byURL: map[string]string{}}
}

func (b *batch) bad(field, format string, args ...any) {
	b.problems = append(b.problems, domain.Invalidf(field, format, args...))
}

func (b *batch) fail(err error) {
	if b.err == nil {
		b.err = err
	}
}

func (b *batch) failed() bool { return b.err != nil }

func (b *batch) path(at string) string { return at }

// note records a node this write defines, and where in the input it is.
func (b *batch) note(kind domain.Kind, id, at, name string, aliases ...string) {
	b.pending[id] = kind
	b.names[id] = domain.NameKeys(name, aliases...)
	b.display[id] = name
	if at != "" {
		b.paths[collection(kind)+"["+id+"]"] = at
	}
}

// collection is the validation path's name of a kind's collection.
func collection(k domain.Kind) string {
	switch k {
	case domain.KindCountry:
		return "countries"
	case domain.KindPerson:
		return "people"
	}
	return lower(k) + "s"
}

// mapErr rewrites the paths of a validation error into input paths.
func (b *batch) mapErr(err error) error {
	var v *domain.ValidationError
	if !errors.As(err, &v) {
		return err
	}
	out := &domain.ValidationError{}
	for _, p := range v.Problems {
		c := *p
		best := ""
		for prefix := range b.paths {
			if (c.Field == prefix || strings.HasPrefix(c.Field, prefix+".")) && len(prefix) > len(best) {
				best = prefix
			}
		}
		if best != "" {
			c.Field = b.paths[best] + c.Field[len(best):]
		}
		out.Problems = append(out.Problems, &c)
	}
	return out
}

// target decides the ID an upsert writes: the ID given (a merged ID leads to
// the node it was merged into), or the node the name resolves to, or a new
// ID made from the name. It returns the stored node's kind too ("" if new).
func (b *batch) target(at string, id, name *string, kind domain.Kind) (string, bool) {
	if i := strings.TrimSpace(val(id)); i != "" {
		r, err := b.known(i)
		switch {
		case err != nil:
			b.fail(err)
		case r == nil:
			return i, false
		case r.Kind != kind:
			b.bad(at+".id", "%q is %s, not %s", i, article(r.Kind), article(kind))
		default:
			return r.ID, true
		}
		return i, false
	}
	n := strings.TrimSpace(val(name))
	if n == "" {
		b.bad(at+".id", "give an id, or a name to find or make one")
		return "", false
	}
	got, isNew := b.byName(at+".name", n, kind, true)
	return got, !isNew && got != ""
}

// needSources refuses a write of facts without a source.
func (b *batch) needSources(at string, refs []domain.SourceRef, given []*SourceRefInput) {
	if len(given) == 0 && len(refs) == 0 {
		b.bad(at, "at least one source is required: name the report that states these facts (source id, or url and publisher)")
	}
}

// set overwrites *dst with *src when given.
func set[T any](dst *T, src *T) {
	if src != nil {
		*dst = *src
	}
}

func trimmed(p *string) *string {
	if p == nil {
		return nil
	}
	s := strings.TrimSpace(*p)
	return &s
}

// refs resolves a list of references; nil keeps the stored list.
func (b *batch) refList(at string, ins []*RefInput, kind domain.Kind, keep []string) []string {
	if ins == nil {
		return keep
	}
	out := []string{}
	for i, in := range ins {
		if id := b.ref(fmt.Sprintf("%s[%d]", at, i), in, kind); id != "" {
			out = append(out, id)
		}
	}
	return out
}

// one loads a stored node through a batch reader; nil if id is new.
func one[T any](b *batch, read func(context.Context, []string) ([]*T, error), id string, stored bool) *T {
	if !stored || b.failed() {
		return nil
	}
	xs, err := read(b.ctx, []string{id})
	if err != nil {
		b.fail(err)
		return nil
	}
	return xs[0]
}

func (b *batch) country(at string, in *CountryInput) string {
	id, stored := b.target(at, in.ID, in.Name, domain.KindCountry)
	x := &domain.Country{ID: id}
	if old := one(b, b.s.store.Countries, id, stored); old != nil {
		x = old
	}
	set(&x.Name, trimmed(in.Name))
	if in.Aliases != nil {
		x.Aliases = in.Aliases
	}
	srcs := b.sources(at+".sources", in.Sources)
	b.needSources(at+".sources", srcs, in.Sources)
	x.Sources = domain.MergeSources(x.Sources, srcs)
	b.note(domain.KindCountry, id, at, x.Name, x.Aliases...)
	b.g.Countries = append(b.g.Countries, x)
	return id
}

func (b *batch) place(at string, in *PlaceInput) string {
	id, stored := b.target(at, in.ID, in.Name, domain.KindPlace)
	x := &domain.Place{ID: id}
	if old := one(b, b.s.store.Places, id, stored); old != nil {
		x = old
	}
	set(&x.Name, trimmed(in.Name))
	if in.Aliases != nil {
		x.Aliases = in.Aliases
	}
	if in.Country != nil {
		x.CountryID = b.ref(at+".country", in.Country, domain.KindCountry)
	}
	srcs := b.sources(at+".sources", in.Sources)
	b.needSources(at+".sources", srcs, in.Sources)
	x.Sources = domain.MergeSources(x.Sources, srcs)
	b.note(domain.KindPlace, id, at, x.Name, x.Aliases...)
	b.g.Places = append(b.g.Places, x)
	return id
}

func (b *batch) theme(at string, in *ThemeInput) string {
	id, stored := b.target(at, in.ID, in.Name, domain.KindTheme)
	x := &domain.Theme{ID: id}
	if old := one(b, b.s.store.Themes, id, stored); old != nil {
		x = old
	}
	set(&x.Name, trimmed(in.Name))
	set(&x.Description, in.Description)
	if in.Aliases != nil {
		x.Aliases = in.Aliases
	}
	srcs := b.sources(at+".sources", in.Sources)
	b.needSources(at+".sources", srcs, in.Sources)
	x.Sources = domain.MergeSources(x.Sources, srcs)
	b.note(domain.KindTheme, id, at, x.Name, x.Aliases...)
	b.g.Themes = append(b.g.Themes, x)
	return id
}

func (b *batch) initiative(at string, in *InitiativeInput) string {
	id, stored := b.target(at, in.ID, in.Name, domain.KindInitiative)
	x := &domain.Initiative{ID: id, Kind: domain.InitiativeOther}
	if old := one(b, b.s.store.Initiatives, id, stored); old != nil {
		x = old
	}
	set(&x.Name, trimmed(in.Name))
	set(&x.ShortName, trimmed(in.ShortName))
	set(&x.Kind, in.Kind)
	set(&x.Description, in.Description)
	if in.Aliases != nil {
		x.Aliases = in.Aliases
	}
	srcs := b.sources(at+".sources", in.Sources)
	b.needSources(at+".sources", srcs, in.Sources)
	x.Sources = domain.MergeSources(x.Sources, srcs)
	b.note(domain.KindInitiative, id, at, x.Name, append([]string{x.ShortName}, x.Aliases...)...)
	b.g.Initiatives = append(b.g.Initiatives, x)
	return id
}

func (b *batch) institution(at string, in *InstitutionInput, sourced bool) string {
	id, stored := b.target(at, in.ID, in.Name, domain.KindInstitution)
	x := &domain.Institution{ID: id, Kind: domain.InstitutionOther}
	if old := one(b, b.s.store.Institutions, id, stored); old != nil {
		x = old
	}
	set(&x.Name, trimmed(in.Name))
	set(&x.ShortName, trimmed(in.ShortName))
	set(&x.Kind, in.Kind)
	if in.Aliases != nil {
		x.Aliases = in.Aliases
	}
	if in.Country != nil {
		x.CountryID = b.ref(at+".country", in.Country, domain.KindCountry)
	}
	if in.Parent != nil {
		x.ParentID = b.ref(at+".parent", in.Parent, domain.KindInstitution)
	}
	srcs := b.sources(at+".sources", in.Sources)
	if sourced {
		b.needSources(at+".sources", srcs, in.Sources)
	}
	x.Sources = domain.MergeSources(x.Sources, srcs)
	b.note(domain.KindInstitution, id, at, x.Name, append([]string{x.ShortName}, x.Aliases...)...)
	b.g.Institutions = append(b.g.Institutions, x)
	return id
}

func (b *batch) person(at string, in *PersonInput, sourced bool) string {
	id, stored := b.target(at, in.ID, in.Name, domain.KindPerson)
	x := &domain.Person{ID: id}
	if old := one(b, b.s.store.People, id, stored); old != nil {
		x = old
	}
	set(&x.Name, trimmed(in.Name))
	if in.Aliases != nil {
		x.Aliases = in.Aliases
	}
	if in.Country != nil {
		x.CountryID = b.ref(at+".country", in.Country, domain.KindCountry)
	}
	if in.Affiliations != nil {
		x.Affiliations = []domain.Affiliation{}
		for i, a := range in.Affiliations {
			f := fmt.Sprintf("%s.affiliations[%d]", at, i)
			if a == nil {
				continue
			}
			af := domain.Affiliation{InstitutionID: b.ref(f+".institution", a.Institution, domain.KindInstitution), Title: val(a.Title)}
			set(&af.From, a.From)
			set(&af.To, a.To)
			x.Affiliations = append(x.Affiliations, af)
		}
	}
	srcs := b.sources(at+".sources", in.Sources)
	if sourced {
		b.needSources(at+".sources", srcs, in.Sources)
	}
	x.Sources = domain.MergeSources(x.Sources, srcs)
	b.note(domain.KindPerson, id, at, x.Name, x.Aliases...)
	b.g.People = slices.DeleteFunc(b.g.People, func(p *domain.Person) bool { return p.ID == id })
	b.g.People = append(b.g.People, x)
	return id
}

func (b *batch) council(at string, in *CouncilInput) string {
	id, stored := b.target(at, in.ID, in.Name, domain.KindCouncil)
	x := &domain.Council{ID: id}
	if old := one(b, b.s.store.Councils, id, stored); old != nil {
		x = old
	}
	set(&x.Name, trimmed(in.Name))
	set(&x.ShortName, trimmed(in.ShortName))
	set(&x.Description, in.Description)
	set(&x.Frequency, in.Frequency)
	set(&x.Founded, in.Founded)
	if in.Aliases != nil {
		x.Aliases = in.Aliases
	}
	x.CountryIDs = b.refList(at+".countries", in.Countries, domain.KindCountry, x.CountryIDs)
	x.OrganizerIDs = b.refList(at+".organizers", in.Organizers, domain.KindInstitution, x.OrganizerIDs)
	srcs := b.sources(at+".sources", in.Sources)
	b.needSources(at+".sources", srcs, in.Sources)
	x.Sources = domain.MergeSources(x.Sources, srcs)
	b.note(domain.KindCouncil, id, at, x.Name, append([]string{x.ShortName}, x.Aliases...)...)
	b.g.Councils = append(b.g.Councils, x)
	return id
}

func (b *batch) source(at string, in *SourceInput) string {
	id := strings.TrimSpace(val(in.ID))
	stored := false
	if id == "" && in.URL != nil {
		found, err := b.sourceByURL(*in.URL)
		if err != nil {
			b.fail(err)
			return ""
		}
		if id, stored = found, found != ""; !stored {
			if id, err = b.newID(domain.KindSource, sourceSlug(*in.URL)); err != nil {
				b.fail(err)
				return ""
			}
		}
	} else {
		id, stored = b.target(at, in.ID, nil, domain.KindSource)
	}
	x := &domain.Source{ID: id}
	if old := one(b, b.s.store.Sources, id, stored); old != nil {
		x = old
	}
	set(&x.URL, trimmed(in.URL))
	set(&x.Title, trimmed(in.Title))
	set(&x.Publisher, trimmed(in.Publisher))
	set(&x.Published, in.Published)
	set(&x.Language, trimmed(in.Language))
	b.note(domain.KindSource, id, at, x.Title)
	b.byURL[canonURL(x.URL)] = id
	b.g.Sources = append(b.g.Sources, x)
	return id
}

func (b *batch) publication(at string, in *PublicationInput) string {
	id, stored := b.target(at, in.ID, in.Title, domain.KindPublication)
	x := &domain.Publication{ID: id}
	if old := one(b, b.s.store.Publications, id, stored); old != nil {
		x = old
	}
	set(&x.Title, trimmed(in.Title))
	set(&x.Kind, trimmed(in.Kind))
	set(&x.Status, trimmed(in.Status))
	x.InstitutionIDs = b.refList(at+".institutions", in.Institutions, domain.KindInstitution, x.InstitutionIDs)
	srcs := b.sources(at+".sources", in.Sources)
	b.needSources(at+".sources", srcs, in.Sources)
	x.Sources = domain.MergeSources(x.Sources, srcs)
	b.note(domain.KindPublication, id, at, x.Title)
	b.g.Publications = append(b.g.Publications, x)
	return id
}

// meeting writes a meeting, its appearances and recommendations.
func (b *batch) meeting(at string, in *MeetingInput) string {
	id, stored := b.target(at, &in.ID, nil, domain.KindMeeting)
	x := &domain.Meeting{ID: id}
	if old := one(b, b.s.store.Meetings, id, stored); old != nil {
		x = old
	}
	if in.Council != nil {
		x.CouncilID = b.ref(at+".council", in.Council, domain.KindCouncil)
	}
	set(&x.Ordinal, in.Ordinal)
	set(&x.Title, trimmed(in.Title))
	set(&x.Theme, in.Theme)
	if in.ThemeVariants != nil {
		x.ThemeVariants = in.ThemeVariants
	}
	set(&x.Date, in.Date)
	set(&x.DateNote, in.DateNote)
	if in.Place != nil {
		x.PlaceID = b.ref(at+".place", in.Place, domain.KindPlace)
	}
	set(&x.Format, in.Format)
	x.OrganizerIDs = b.refList(at+".organizers", in.Organizers, domain.KindInstitution, x.OrganizerIDs)
	x.ThemeIDs = b.refList(at+".themes", in.Themes, domain.KindTheme, x.ThemeIDs)
	x.InitiativeIDs = b.refList(at+".initiatives", in.Initiatives, domain.KindInitiative, x.InitiativeIDs)
	if in.Publications != nil {
		x.Publications = []domain.PublicationLink{}
		for i, p := range in.Publications {
			if p == nil {
				continue
			}
			f := fmt.Sprintf("%s.publications[%d]", at, i)
			x.Publications = append(x.Publications, domain.PublicationLink{
				PublicationID: b.ref(f+".publication", p.Publication, domain.KindPublication), Relation: p.Relation})
		}
	}
	srcs := b.sources(at+".sources", in.Sources)
	b.needSources(at+".sources", srcs, in.Sources)
	x.Sources = domain.MergeSources(x.Sources, srcs)
	b.note(domain.KindMeeting, id, at, x.Title)
	b.g.Meetings = append(b.g.Meetings, x)
	for i, a := range in.Appearances {
		if a != nil {
			b.appearance(fmt.Sprintf("%s.appearances[%d]", at, i), id, a, srcs)
		}
	}
	for i, r := range in.Recommendations {
		if r != nil {
			b.recommendation(fmt.Sprintf("%s.recommendations[%d]", at, i), id, r, srcs, i+1)
		}
	}
	return id
}

// appearance writes one appearance whole; inherited are the sources of its
// meeting, taken when it cites none (nil: it must cite some).
func (b *batch) appearance(at, meetingID string, in *AppearanceInput, inherited []domain.SourceRef) string {
	if meetingID == "" {
		m := strings.TrimSpace(val(in.Meeting))
		k, got, err := b.kindOf(m)
		switch {
		case err != nil:
			b.fail(err)
		case m == "":
			b.bad(at+".meeting", "is required")
		case k != domain.KindMeeting:
			b.bad(at+".meeting", "unknown meeting %q", m)
		}
		meetingID = got
	}
	if in.Person == nil {
		b.bad(at+".person", "is required")
		return ""
	}
	x := &domain.Appearance{MeetingID: meetingID, PersonID: b.ref(at+".person", in.Person, domain.KindPerson),
		Roles: in.Roles, Title: strings.TrimSpace(val(in.Title)), Session: strings.TrimSpace(val(in.Session)), Order: val(in.Order)}
	x.InstitutionID = b.ref(at+".institution", in.Institution, domain.KindInstitution)
	x.CountryID = b.ref(at+".country", in.Country, domain.KindCountry)
	x.Sources = b.sources(at+".sources", in.Sources)
	if len(in.Sources) == 0 {
		if inherited == nil {
			b.needSources(at+".sources", nil, nil)
		}
		x.Sources = slices.Clone(inherited)
	}
	key := domain.AppearanceKey(x.MeetingID, x.PersonID)
	b.paths["appearances["+key+"]"] = at
	b.g.Appearances = append(b.g.Appearances, x)
	return key
}

// recommendation writes one recommendation whole. Its ID defaults to the
// meeting's ID, "-r" and its order, which defaults to its position.
func (b *batch) recommendation(at, meetingID string, in *RecommendationInput, inherited []domain.SourceRef, position int) string {
	if meetingID == "" {
		m := strings.TrimSpace(val(in.Meeting))
		k, got, err := b.kindOf(m)
		switch {
		case err != nil:
			b.fail(err)
		case m == "":
			b.bad(at+".meeting", "is required")
		case k != domain.KindMeeting:
			b.bad(at+".meeting", "unknown meeting %q", m)
		}
		meetingID = got
	}
	order := position
	set(&order, in.Order)
	id := strings.TrimSpace(val(in.ID))
	if id == "" {
		id = fmt.Sprintf("%s-r%d", meetingID, order)
	} else if k, _, err := b.kindOf(id); err != nil {
		b.fail(err)
	} else if k != "" && k != domain.KindRecommendation {
		b.bad(at+".id", "%q is %s, not a recommendation", id, article(k))
	}
	x := &domain.Recommendation{ID: id, MeetingID: meetingID, Kind: in.Kind, Text: strings.TrimSpace(in.Text), Order: order,
		Paraphrase: val(in.Paraphrase)}
	x.AttributedTo = b.refList(at+".attributedTo", in.AttributedTo, domain.KindPerson, nil)
	x.InitiativeIDs = b.refList(at+".initiatives", in.Initiatives, domain.KindInitiative, nil)
	x.ThemeIDs = b.refList(at+".themes", in.Themes, domain.KindTheme, nil)
	x.CountryIDs = b.refList(at+".countries", in.Countries, domain.KindCountry, nil)
	x.Sources = b.sources(at+".sources", in.Sources)
	if len(in.Sources) == 0 {
		if inherited == nil {
			b.needSources(at+".sources", nil, nil)
		}
		x.Sources = slices.Clone(inherited)
	}
	b.note(domain.KindRecommendation, id, at, "")
	b.g.Recommendations = append(b.g.Recommendations, x)
	return id
}

// write checks the caller, then writes the batch with one Upsert, recorded
// in the audit log as action.
func (b *batch) write(action string) (*WriteResult, error) {
	if b.err != nil {
		return nil, b.err
	}
	if len(b.problems) > 0 {
		return nil, &domain.ValidationError{Problems: b.problems}
	}
	res := &WriteResult{Created: []string{}, Updated: []string{}, Deleted: []string{}}
	had, err := b.existingAppearances()
	if err != nil {
		return nil, err
	}
	for _, id := range b.g.IDs() {
		r, err := b.known(id)
		if err != nil {
			return nil, err
		}
		if r != nil || had[id] {
			res.Updated = append(res.Updated, id)
		} else {
			res.Created = append(res.Created, id)
		}
	}
	ctx := domain.WithAudit(b.ctx, domain.AuditEntry{Actor: actor(b.ctx), Action: action, Summary: summary(action, b.g)})
	if err := b.s.store.Upsert(ctx, b.g); err != nil {
		return nil, b.mapErr(err)
	}
	return res, nil
}

// existingAppearances returns the keys of the stored appearances of the
// batch's meetings.
func (b *batch) existingAppearances() (map[string]bool, error) {
	var ms []string
	for _, a := range b.g.Appearances {
		ms = append(ms, a.MeetingID)
	}
	slices.Sort(ms)
	ms = slices.Compact(ms)
	out := map[string]bool{}
	if len(ms) == 0 {
		return out, nil
	}
	apps, err := b.s.store.AppearancesByMeeting(b.ctx, ms)
	if err != nil {
		return nil, err
	}
	for _, as := range apps {
		for _, a := range as {
			out[domain.AppearanceKey(a.MeetingID, a.PersonID)] = true
		}
	}
	return out, nil
}

// actor names the principal of ctx for the audit log.
func actor(ctx context.Context) string {
	if p, ok := auth.FromContext(ctx); ok {
		return p.Name
	}
	return "anonymous"
}

// summary says what a write holds: "upsertMeeting: meeting raec-6; 4 appearances; ...".
func summary(action string, g *domain.Graph) string {
	var parts []string
	add := func(n int, one, many string, ids func(int) string) {
		switch {
		case n == 1:
			parts = append(parts, one+" "+ids(0))
		case n > 1 && n <= 5:
			var xs []string
			for i := range n {
				xs = append(xs, ids(i))
			}
			parts = append(parts, fmt.Sprintf("%d %s (%s)", n, many, strings.Join(xs, ", ")))
		case n > 5:
			parts = append(parts, fmt.Sprintf("%d %s", n, many))
		}
	}
	add(len(g.Meetings), "meeting", "meetings", func(i int) string { return g.Meetings[i].ID })
	add(len(g.Appearances), "appearance", "appearances", func(i int) string {
		return domain.AppearanceKey(g.Appearances[i].MeetingID, g.Appearances[i].PersonID)
	})
	add(len(g.Recommendations), "recommendation", "recommendations", func(i int) string { return g.Recommendations[i].ID })
	add(len(g.People), "person", "people", func(i int) string { return g.People[i].ID })
	add(len(g.Institutions), "institution", "institutions", func(i int) string { return g.Institutions[i].ID })
	add(len(g.Councils), "council", "councils", func(i int) string { return g.Councils[i].ID })
	add(len(g.Initiatives), "initiative", "initiatives", func(i int) string { return g.Initiatives[i].ID })
	add(len(g.Themes), "theme", "themes", func(i int) string { return g.Themes[i].ID })
	add(len(g.Countries), "country", "countries", func(i int) string { return g.Countries[i].ID })
	add(len(g.Places), "place", "places", func(i int) string { return g.Places[i].ID })
	add(len(g.Publications), "publication", "publications", func(i int) string { return g.Publications[i].ID })
	add(len(g.Sources), "source", "sources", func(i int) string { return g.Sources[i].ID })
	return action + ": " + strings.Join(parts, "; ")
}
