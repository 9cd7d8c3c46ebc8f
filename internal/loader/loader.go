// Package loader batches the store reads of one GraphQL request: every
// dataloader collects the IDs asked for while a level of the query resolves
// and reads them in one store call, so a page of 100 meetings with their
// speakers and the speakers' institutions costs a handful of round trips,
// not hundreds. Loaders are made per request (Middleware) so that nothing is
// cached across requests.
package loader

import (
	"context"
	"net/http"
	"time"

	"github.com/vikstrous/dataloadgen"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// Loaders holds one request's dataloaders.
type Loaders struct {
	store domain.Store

	Council        *dataloadgen.Loader[string, *domain.Council]
	Meeting        *dataloadgen.Loader[string, *domain.Meeting]
	Person         *dataloadgen.Loader[string, *domain.Person]
	Institution    *dataloadgen.Loader[string, *domain.Institution]
	Country        *dataloadgen.Loader[string, *domain.Country]
	Place          *dataloadgen.Loader[string, *domain.Place]
	Initiative     *dataloadgen.Loader[string, *domain.Initiative]
	Theme          *dataloadgen.Loader[string, *domain.Theme]
	Recommendation *dataloadgen.Loader[string, *domain.Recommendation]
	Publication    *dataloadgen.Loader[string, *domain.Publication]
	Source         *dataloadgen.Loader[string, *domain.Source]
	NodeRef        *dataloadgen.Loader[string, *domain.NodeRef]

	AppearancesByMeeting     *dataloadgen.Loader[string, []*domain.Appearance]
	AppearancesByPerson      *dataloadgen.Loader[string, []*domain.Appearance]
	RecommendationsByMeeting *dataloadgen.Loader[string, []*domain.Recommendation]
	Recurrence               *dataloadgen.Loader[RecurrenceKey, *domain.Recurrence]
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
// keys, to a dataloadgen fetch function.
func batch[K comparable, V any](read func(context.Context, []K) ([]V, error)) func(context.Context, []K) ([]V, []error) {
	return func(ctx context.Context, keys []K) ([]V, []error) {
		vs, err := read(ctx, keys)
		if err != nil {
			return nil, []error{err}
		}
		return vs, nil
	}
}

func newLoader[K comparable, V any](wait time.Duration, read func(context.Context, []K) ([]V, error)) *dataloadgen.Loader[K, V] {
	return dataloadgen.NewLoader(batch(read), dataloadgen.WithWait(wait), dataloadgen.WithBatchCapacity(domain.MaxPageSize*10))
}

// New makes a request's loaders over s, each collecting keys for wait
// (DefaultWait if zero) before it reads.
func New(s domain.Store, wait time.Duration) *Loaders {
	if wait <= 0 {
		wait = DefaultWait
	}
	return &Loaders{
		store:                    s,
		Council:                  newLoader(wait, s.Councils),
		Meeting:                  newLoader(wait, s.Meetings),
		Person:                   newLoader(wait, s.People),
		Institution:              newLoader(wait, s.Institutions),
		Country:                  newLoader(wait, s.Countries),
		Place:                    newLoader(wait, s.Places),
		Initiative:               newLoader(wait, s.Initiatives),
		Theme:                    newLoader(wait, s.Themes),
		Recommendation:           newLoader(wait, s.Recommendations),
		Publication:              newLoader(wait, s.Publications),
		Source:                   newLoader(wait, s.Sources),
		NodeRef:                  newLoader(wait, s.Resolve),
		AppearancesByMeeting:     newLoader(wait, s.AppearancesByMeeting),
		AppearancesByPerson:      newLoader(wait, s.AppearancesByPerson),
		RecommendationsByMeeting: newLoader(wait, s.RecommendationsByMeeting),
		Recurrence: newLoader(wait, func(ctx context.Context, keys []RecurrenceKey) ([]*domain.Recurrence, error) {
			return recurrences(ctx, s, keys)
		}),
	}
}

// recurrences reads recurrences one store call per distinct filter and puts
// the results back in the order of keys.
func recurrences(ctx context.Context, s domain.Store, keys []RecurrenceKey) ([]*domain.Recurrence, error) {
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
		rs, err := s.Recurrence(ctx, ids, f)
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

// Middleware gives every request its own loaders over s (see New for wait).
func Middleware(s domain.Store, wait time.Duration, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r.WithContext(NewContext(r.Context(), New(s, wait))))
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
