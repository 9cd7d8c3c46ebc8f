// Package loader batches the store reads of one GraphQL request: every
// dataloader collects the IDs asked for while a level of the query resolves
// and reads them in one store call, so a page of 100 meetings with their
// speakers and the speakers' institutions costs a handful of round trips,
// not hundreds. Loaders are made per request (Middleware) so that nothing is
// cached across requests. A request resolved in order (the embedded store,
// graph/inorder.go) gets loaders that never batch: each reads at once
// (InOrder).
package loader

import (
	"context"
	"net/http"
	"sync"
	"time"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// Loaders holds one request's dataloaders.
type Loaders struct {
	store domain.Store

	Council        *Loader[string, *domain.Council]
	Meeting        *Loader[string, *domain.Meeting]
	Person         *Loader[string, *domain.Person]
	Institution    *Loader[string, *domain.Institution]
	Country        *Loader[string, *domain.Country]
	Place          *Loader[string, *domain.Place]
	Initiative     *Loader[string, *domain.Initiative]
	Theme          *Loader[string, *domain.Theme]
	Recommendation *Loader[string, *domain.Recommendation]
	Publication    *Loader[string, *domain.Publication]
	Source         *Loader[string, *domain.Source]
	NodeRef        *Loader[string, *domain.NodeRef]

	AppearancesByMeeting     *Loader[string, []*domain.Appearance]
	AppearancesByPerson      *Loader[string, []*domain.Appearance]
	RecommendationsByMeeting *Loader[string, []*domain.Recommendation]
	Recurrence               *Loader[RecurrenceKey, *domain.Recurrence]

	// What the callers of the loaders with a With reader asked for (include.go).
	meetingWith, personWith, appsByMeetingWith, appsByPersonWith, recurrenceWith asked
	// The kinds this request's operation never asks relations of (include.go).
	lean leanKinds
	// The fields of each kind this request's operation names (fields.go).
	fields requestFields
	// What each field of the document asks of its read (*ast.Field →
	// wanted; include.go).
	walks sync.Map
	// Whether each field of the document that follows a reference asks
	// its ID alone (*ast.Field → bool; ref.go).
	idOnlyRefs sync.Map
	idNodes    idNodes
	// The request's root counts fields (counts.go).
	counts countBatch
	wait   time.Duration
}

// RecurrenceKey asks for one subject's recurrence under one filter.
type RecurrenceKey struct {
	ID     string
	Filter domain.RecurrenceFilter
}

// DefaultWait is how long a loader collects keys before it reads; resolvers
// of one level run concurrently, so a short wait is enough to batch them on
// a machine that is not overloaded.
const DefaultWait = time.Millisecond

// batch adapts a store batch reader, whose results are indexed like its
// keys, to a dataloadgen fetch function. A batch whose request has ended by
// the time its wait is over (its callers have returned, see await) reads
// nothing.
func batch[K comparable, V any](read func(context.Context, []K) ([]V, error)) func(context.Context, []K) ([]V, []error) {
	return func(ctx context.Context, keys []K) ([]V, []error) {
		if err := ctx.Err(); err != nil {
			return nil, []error{err}
		}
		vs, err := read(ctx, keys)
		if err != nil {
			return nil, []error{err}
		}
		return vs, nil
	}
}

// New makes a request's loaders over s, each collecting keys for wait
// (DefaultWait if zero) before it reads.
func New(s domain.Store, wait time.Duration) *Loaders {
	if wait <= 0 {
		wait = DefaultWait
	}
	return newLoaders(s, wait, false)
}

// InOrder makes a request's loaders over s that never batch: each load
// reads at once (or answers from what was read or primed already). For a
// request resolved in order (graph.Resolver.InOrder) over a store in
// process, where no other resolver runs meanwhile to batch with, and one
// read costs less than a batch's wait. Root fields still resolve side by
// side: wait (DefaultWait if zero) bounds how long a dashboard's root
// counts fields wait for each other (counts.go).
func InOrder(s domain.Store, wait time.Duration) *Loaders {
	if wait <= 0 {
		wait = DefaultWait
	}
	return newLoaders(s, wait, true)
}

func newLoaders(s domain.Store, wait time.Duration, atOnce bool) *Loaders {
	l := &Loaders{
		store:                    s,
		wait:                     wait,
		Council:                  newLoader(wait, atOnce, s.Councils),
		Institution:              newLoader(wait, atOnce, s.Institutions),
		Country:                  newLoader(wait, atOnce, s.Countries),
		Place:                    newLoader(wait, atOnce, s.Places),
		Initiative:               newLoader(wait, atOnce, s.Initiatives),
		Theme:                    newLoader(wait, atOnce, s.Themes),
		Recommendation:           newLoader(wait, atOnce, s.Recommendations),
		Publication:              newLoader(wait, atOnce, s.Publications),
		Source:                   newLoader(wait, atOnce, s.Sources),
		NodeRef:                  newLoader(wait, atOnce, s.Resolve),
		RecommendationsByMeeting: newLoader(wait, atOnce, s.RecommendationsByMeeting),
	}
	// The readers with a With variant (include.go) read what their callers
	// asked for beside their answer and prime the loaders above with it.
	l.Meeting = newLoader(wait, atOnce, withPrimed(l, &l.meetingWith, s.Meetings, s.MeetingsWith, l.primeMeetingApps))
	l.Person = newLoader(wait, atOnce, withPrimed(l, &l.personWith, s.People, s.PeopleWith, l.primePersonApps))
	l.AppearancesByMeeting = newLoader(wait, atOnce, withPrimed(l, &l.appsByMeetingWith, s.AppearancesByMeeting, s.AppearancesByMeetingWith, nil))
	l.AppearancesByPerson = newLoader(wait, atOnce, withPrimed(l, &l.appsByPersonWith, s.AppearancesByPerson, s.AppearancesByPersonWith, nil))
	l.Recurrence = newLoader(wait, atOnce, func(ctx context.Context, keys []RecurrenceKey) ([]*domain.Recurrence, error) {
		return recurrences(ctx, l, keys)
	})
	return l
}

// withPrimed returns a batch reader that calls plain when nobody asked for
// more, and otherwise with, priming l with the nodes it returns and, with
// apps, the appearances it returns.
func withPrimed[V any](l *Loaders, a *asked, plain func(context.Context, []string) ([]V, error),
	with func(context.Context, []string, domain.With) ([]V, *domain.Graph, error),
	apps func([]V, *domain.Graph)) func(context.Context, []string) ([]V, error) {
	return func(ctx context.Context, ids []string) ([]V, error) {
		w := a.with()
		if apps == nil {
			w.Appearances = false
		}
		if w.Empty() {
			return plain(ctx, ids)
		}
		vs, g, err := with(ctx, ids, w)
		if err != nil {
			return nil, err
		}
		l.prime(g)
		if w.Appearances {
			apps(vs, g)
		}
		return vs, nil
	}
}

// recurrences reads recurrences one store call per distinct filter, with
// what their callers asked for (primed into l), and puts the results back in
// the order of keys.
func recurrences(ctx context.Context, l *Loaders, keys []RecurrenceKey) ([]*domain.Recurrence, error) {
	byFilter := map[domain.RecurrenceFilter][]int{}
	var filters []domain.RecurrenceFilter
	for i, k := range keys {
		if _, ok := byFilter[k.Filter]; !ok {
			filters = append(filters, k.Filter)
		}
		byFilter[k.Filter] = append(byFilter[k.Filter], i)
	}
	out := make([]*domain.Recurrence, len(keys))
	for _, f := range filters {
		idx := byFilter[f]
		ids := make([]string, len(idx))
		for j, i := range idx {
			ids[j] = keys[i].ID
		}
		rs, err := withPrimed(l, &l.recurrenceWith, func(ctx context.Context, ids []string) ([]*domain.Recurrence, error) {
			return l.store.Recurrence(ctx, ids, f)
		}, func(ctx context.Context, ids []string, with domain.With) ([]*domain.Recurrence, *domain.Graph, error) {
			return l.store.RecurrenceWith(ctx, ids, f, with)
		}, nil)(ctx, ids)
		if err != nil {
			return nil, err
		}
		for j, i := range idx {
			out[i] = rs[j]
		}
	}
	return out, nil
}

type ctxKey struct{}

// Middleware gives every request its own loaders over s: New's with wait,
// or InOrder's if inOrder.
func Middleware(s domain.Store, wait time.Duration, inOrder bool, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var l *Loaders
		if inOrder {
			l = InOrder(s, wait)
		} else {
			l = New(s, wait)
		}
		next.ServeHTTP(w, r.WithContext(NewContext(r.Context(), l)))
	})
}

// NewContext returns ctx carrying l.
func NewContext(ctx context.Context, l *Loaders) context.Context {
	return context.WithValue(ctx, ctxKey{}, l)
}

// For returns the loaders of the request in ctx. Outside a request (a test
// calling a resolver directly) it panics: wire Middleware or NewContext.
func For(ctx context.Context) *Loaders {
	l, ok := ctx.Value(ctxKey{}).(*Loaders)
	if !ok {
		panic("loader: no loaders in context; wrap the handler with loader.Middleware")
	}
	return l
}
