package loader

import (
	"context"
	"slices"
	"strings"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// A GraphQL query reads one level of its answer per batch. On Neo4j each
// batch is a transaction, so a meeting's speakers with their people and
// institutions would cost three in a row. Where a resolver is about to load
// something through a reader with a With variant (Store.MeetingsWith, ...),
// it notes the kinds of node its selection set goes on to ask for
// (asked); the reader then returns those nodes too, in its one
// transaction, and they are primed into this request's loaders, so the next
// level finds them cached. A meeting or person asked with its list of
// appearances (listFields) gets that list too, with what its selection
// asks of it, and its loader is primed with it: `meeting(id:) { speakers
// { person { name } } }` is one store call. Nothing is read that the query
// does not ask for, and nothing outlives the request.

// refFields are, per GraphQL object type, the fields that follow a
// reference domain.Include follows, and the kind of node they reach.
var refFields = map[string]map[string]domain.Kind{
	"Appearance":     {"meeting": domain.KindMeeting, "person": domain.KindPerson, "institution": domain.KindInstitution},
	"Meeting":        {"council": domain.KindCouncil, "place": domain.KindPlace},
	"Recommendation": {"meeting": domain.KindMeeting},
	"Mention":        {"meeting": domain.KindMeeting},
	"CouncilCount":   {"council": domain.KindCouncil},
}

// listFields are, per GraphQL object type whose With reader can return
// the next level's list too (domain.With.Appearances), the fields that read
// that list.
var listFields = map[string]string{"Meeting": "speakers", "Person": "appearances"}

// through reports whether field of typ only wraps the results of the same
// read (a connection's nodes, a recurrence's mentions), so that the fields
// below it count as the read's own.
func through(typ, field string) bool {
	switch {
	case strings.HasSuffix(typ, "Connection"):
		return field == "nodes" || field == "edges"
	case strings.HasSuffix(typ, "Edge"):
		return field == "node"
	case typ == "Recurrence":
		return field == "firstMention" || field == "lastMention" || field == "councils"
	}
	return false
}

// maxDepth bounds the walk of a selection set: the references chain at most
// appearance → meeting → council, with a connection and an edge (or a
// meeting's speakers) on top.
const maxDepth = 6

// wanted is what the selection set of a field goes on to ask of the read
// that answers it: the kinds of node it reaches through references, and
// whether it asks for the answer's list of appearances (listFields), whose
// references then count as the answer's.
type wanted struct {
	kinds map[domain.Kind]bool
	apps  bool
}

// askedKinds returns what the selection set of the field being resolved
// in ctx goes on to ask for; nothing outside a GraphQL request. The walk
// is made once per field of the document (l.walks): the 300 elements of a
// list ask the same.
func (l *Loaders) askedKinds(ctx context.Context) wanted {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || fc.Field.Field == nil || fc.Field.Definition == nil || !graphql.HasOperationContext(ctx) {
		return wanted{}
	}
	if w, ok := l.walks.Load(fc.Field.Field); ok {
		return w.(wanted)
	}
	w := wanted{kinds: map[domain.Kind]bool{}}
	walk(graphql.GetOperationContext(ctx), fc.Field.Definition.Type.Name(), fc.Field.Selections, &w, 0)
	l.walks.Store(fc.Field.Field, w)
	return w
}

// walk adds to w what the selections sels on an object of type typ ask
// for; the answer's own list counts only on the answer itself (depth 0).
func walk(op *graphql.OperationContext, typ string, sels ast.SelectionSet, w *wanted, depth int) {
	if depth > maxDepth {
		return
	}
	for _, f := range graphql.CollectFields(op, sels, []string{typ}) {
		if f.Definition == nil {
			continue
		}
		k, ref := refFields[typ][f.Name]
		if ref && asksIDOnly(op, f.Selections, f.Definition.Type.Name()) {
			continue // answered from the reference (ref.go)
		}
		if ref {
			w.kinds[k] = true
		}
		list := depth == 0 && listFields[typ] == f.Name
		if list {
			w.apps = true
		}
		if ref || list || through(typ, f.Name) {
			walk(op, f.Definition.Type.Name(), f.Selections, w, depth+1)
		}
	}
}

// relationFields are, per kind a With reader can return lean
// (domain.Lean), the GraphQL fields whose resolvers read what a lean node
// lacks. Meeting.country reads its place's country.
var relationFields = map[domain.Kind][]string{
	domain.KindMeeting:     {"organizers", "themes", "initiatives", "publications", "sources"},
	domain.KindPerson:      {"country", "affiliations", "sources"},
	domain.KindInstitution: {"country", "sources"},
	domain.KindCouncil:     {"countries", "organizers", "sources"},
	domain.KindPlace:       {"country", "sources"},
}

// leanKinds knows, once per request, the kinds whose nodes the With
// readers may return lean: those of which no field in relationFields is
// named anywhere in the request's document, on whatever type (a document
// that names "sources" anywhere gets no lean node that has sources). The
// loaders are per request, so a lean node primed into them is only ever
// seen by fields that do not need what it lacks.
type leanKinds struct {
	once  sync.Once
	kinds map[domain.Kind]bool
}

// get returns the lean kinds of the operation in ctx; none outside a
// GraphQL request.
func (lk *leanKinds) get(ctx context.Context) map[domain.Kind]bool {
	lk.once.Do(func() {
		if doc := documentOf(ctx); doc != nil {
			lk.kinds = leanOf(doc)
		}
	})
	return lk.kinds
}

// documentOf returns the document of the GraphQL operation in ctx; nil
// outside one.
func documentOf(ctx context.Context) *ast.QueryDocument {
	if !graphql.HasOperationContext(ctx) {
		return nil
	}
	if op := graphql.GetOperationContext(ctx); op != nil {
		return op.Doc
	}
	return nil
}

// leanOf returns the kinds of relationFields none of whose fields doc names.
func leanOf(doc *ast.QueryDocument) map[domain.Kind]bool {
	named := map[string]bool{}
	eachField(doc, func(f *ast.Field) { named[f.Name] = true })
	lean := map[domain.Kind]bool{}
	for k, fields := range relationFields {
		lean[k] = !slices.ContainsFunc(fields, func(f string) bool { return named[f] })
	}
	return lean
}

// eachField calls visit with every field of doc's operations and
// fragments (a fragment's fields once, however often it is spread).
func eachField(doc *ast.QueryDocument, visit func(*ast.Field)) {
	var walk func(ast.SelectionSet)
	walk = func(sels ast.SelectionSet) {
		for _, s := range sels {
			switch s := s.(type) {
			case *ast.Field:
				visit(s)
				walk(s.SelectionSet)
			case *ast.InlineFragment:
				walk(s.SelectionSet)
			case *ast.FragmentSpread:
				// its definition is among doc.Fragments, walked below
			}
		}
	}
	for _, o := range doc.Operations {
		walk(o.SelectionSet)
	}
	for _, f := range doc.Fragments {
		walk(f.SelectionSet)
	}
}

// asked collects what a reader's callers in one request asked for.
type asked struct {
	mu        sync.Mutex
	kinds     map[domain.Kind]bool
	apps      bool
	lean      map[domain.Kind]bool     // the request's lean kinds, noted with the kinds
	fields    map[domain.Kind][]string // the request's fields, noted with the kinds
	appFields []string                 // and those of appearances
}

// note adds what the field being resolved in ctx asks for, and notes the
// request's lean kinds and fields the first time.
func (a *asked) note(ctx context.Context, l *Loaders) {
	w := l.askedKinds(ctx)
	if len(w.kinds) == 0 && !w.apps {
		return
	}
	lean := l.lean.get(ctx)
	fields, appFields := l.fields.get(ctx)
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.kinds == nil {
		a.kinds = map[domain.Kind]bool{}
	}
	for k := range w.kinds {
		a.kinds[k] = true
	}
	a.apps = a.apps || w.apps
	a.lean, a.fields, a.appFields = lean, fields, appFields
}

// with returns what was noted: the kinds in the order of
// domain.IncludeKinds, those of the request's lean kinds lean.
func (a *asked) with() domain.With {
	a.mu.Lock()
	defer a.mu.Unlock()
	w := withOf(wanted{a.kinds, a.apps}, a.lean, a.fields)
	if w.Appearances {
		w.AppearanceFields = a.appFields
	}
	return w
}

// withOf returns a With of what w asks for, the kinds also in lean lean, in
// the order of domain.IncludeKinds, and the request's fields.
func withOf(asked wanted, lean map[domain.Kind]bool, fields map[domain.Kind][]string) domain.With {
	kinds := asked.kinds
	w := domain.With{Appearances: asked.apps, Fields: fields}
	for _, k := range domain.IncludeKinds {
		if kinds[k] {
			w.Kinds = append(w.Kinds, k)
			if lean[k] {
				w.Lean = append(w.Lean, k)
			}
		}
	}
	return w
}

// prime fills the request's loaders with the nodes a With reader returned.
func (l *Loaders) prime(g *domain.Graph) {
	for _, x := range g.Councils {
		l.Council.Prime(x.ID, x)
	}
	for _, x := range g.Meetings {
		l.Meeting.Prime(x.ID, x)
	}
	for _, x := range g.People {
		l.Person.Prime(x.ID, x)
	}
	for _, x := range g.Institutions {
		l.Institution.Prime(x.ID, x)
	}
	for _, x := range g.Places {
		l.Place.Prime(x.ID, x)
	}
}

// primeMeetingApps primes the loader of a meeting's appearances with
// those a With read of the meetings ms returned, for each meeting found.
func (l *Loaders) primeMeetingApps(ms []*domain.Meeting, g *domain.Graph) {
	primeApps(l.AppearancesByMeeting, ms, func(m *domain.Meeting) string { return m.ID }, g,
		func(a *domain.Appearance) string { return a.MeetingID })
}

// primePersonApps primes the loader of a person's appearances with those a
// With read of the people ps returned, for each person found.
func (l *Loaders) primePersonApps(ps []*domain.Person, g *domain.Graph) {
	primeApps(l.AppearancesByPerson, ps, func(p *domain.Person) string { return p.ID }, g,
		func(a *domain.Appearance) string { return a.PersonID })
}

// primeApps primes ld with g's appearances grouped by key, for each node of
// xs found (an empty list for one without).
func primeApps[T any](ld *Loader[string, []*domain.Appearance], xs []*T, id func(*T) string, g *domain.Graph,
	key func(*domain.Appearance) string) {
	byKey := map[string][]*domain.Appearance{}
	for _, a := range g.Appearances {
		byKey[key(a)] = append(byKey[key(a)], a)
	}
	for _, x := range xs {
		if x == nil {
			continue
		}
		as := byKey[id(x)]
		if as == nil {
			as = []*domain.Appearance{}
		}
		ld.Prime(id(x), as)
	}
}

// fieldsOnly returns the request's fields of nodes.
func (l *Loaders) fieldsOnly(ctx context.Context) map[domain.Kind][]string {
	fields, _ := l.fields.get(ctx)
	return fields
}

// PersonOf loads a person ("" = none), with what the query asks of them;
// only the ID if that is all it asks (ref.go).
func (l *Loaders) PersonOf(ctx context.Context, id string) (*domain.Person, error) {
	if n, ok := idRef(ctx, domain.KindPerson, id).(*domain.Person); ok {
		return n, nil
	}
	l.personWith.note(ctx, l)
	return One(ctx, l.Person, id)
}

// MustPerson loads a person, with what the query asks of them; ENOTFOUND
// if there is none.
func (l *Loaders) MustPerson(ctx context.Context, id string) (*domain.Person, error) {
	l.personWith.note(ctx, l)
	return Must(ctx, l.Person, domain.KindPerson, id)
}

// MeetingOf loads a meeting ("" = none), with the nodes the query asks of
// it; only the ID if that is all it asks (ref.go).
func (l *Loaders) MeetingOf(ctx context.Context, id string) (*domain.Meeting, error) {
	if n, ok := idRef(ctx, domain.KindMeeting, id).(*domain.Meeting); ok {
		return n, nil
	}
	l.meetingWith.note(ctx, l)
	return One(ctx, l.Meeting, id)
}

// MustMeeting loads a meeting, with the nodes the query asks of it;
// ENOTFOUND if there is none.
func (l *Loaders) MustMeeting(ctx context.Context, id string) (*domain.Meeting, error) {
	l.meetingWith.note(ctx, l)
	return Must(ctx, l.Meeting, domain.KindMeeting, id)
}

// AppearancesOf loads a person's appearances, with the nodes the query asks of them.
func (l *Loaders) AppearancesOf(ctx context.Context, personID string) ([]*domain.Appearance, error) {
	l.appsByPersonWith.note(ctx, l)
	return l.AppearancesByPerson.Load(ctx, personID)
}

// ListRecommendations reads a page of recommendations, projected to the
// fields the query asks of them, with the nodes it asks of them, and primes
// the loaders with those.
func (l *Loaders) ListRecommendations(ctx context.Context, q domain.RecommendationQuery) (*domain.RecommendationConnection, error) {
	with := withOf(l.askedKinds(ctx), l.lean.get(ctx), l.fieldsOnly(ctx))
	if _, projected := with.Fields[domain.KindRecommendation]; len(with.Kinds) == 0 && !projected {
		return l.store.ListRecommendations(ctx, q)
	}
	c, g, err := l.store.ListRecommendationsWith(ctx, q, with)
	if err != nil {
		return nil, err
	}
	l.prime(g)
	return c, nil
}

// Recurrences reads the recurrences of ids, with the nodes the query asks
// of them, and primes the loaders with those.
func (l *Loaders) Recurrences(ctx context.Context, ids []string, f domain.RecurrenceFilter) ([]*domain.Recurrence, error) {
	with := withOf(l.askedKinds(ctx), l.lean.get(ctx), l.fieldsOnly(ctx))
	if len(with.Kinds) == 0 {
		return l.store.Recurrence(ctx, ids, f)
	}
	rs, g, err := l.store.RecurrenceWith(ctx, ids, f, with)
	if err != nil {
		return nil, err
	}
	l.prime(g)
	return rs, nil
}
