// Package metrics exposes expertgraph's Prometheus metrics on a registry of
// its own: GraphQL operations (requests, latency, errors by extensions.code),
// store round trips per method, and the Go runtime and process collectors.
//
// The GraphQL side is a gqlgen extension (Metrics.Extension); the store side is
// an internal/instrument observer (Metrics.ObserveStore). Label values that
// clients choose, operation names, are capped (MaxOperations) so that a
// client sending a new name with every request cannot grow the registry
// without bound.
package metrics

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// Label values of the bounded labels.
const (
	// Anonymous labels operations without a name, and requests that failed
	// before an operation was chosen (a body that does not parse).
	Anonymous = "anonymous"
	// Other labels every operation name past the first MaxOperations, and
	// every error code past the first MaxCodes.
	Other = "other"
	// NoCode labels errors that carry no extensions.code.
	NoCode = "NONE"
)

// Caps on the distinct values of the labels that clients influence.
const (
	MaxOperations = 200
	MaxCodes      = 50
)

// Metrics holds the collectors and their registry. Its methods are safe for
// concurrent use. The zero value is not usable: call New.
type Metrics struct {
	reg *prometheus.Registry

	requests *prometheus.CounterVec   // operation
	latency  *prometheus.HistogramVec // operation
	errors   *prometheus.CounterVec   // operation, code

	storeCalls   *prometheus.CounterVec   // method
	storeLatency *prometheus.HistogramVec // method
	storeErrors  *prometheus.CounterVec   // method, code

	operations *bounded
	codes      *bounded
}

// New returns metrics registered on a new registry, with the Go runtime and
// process collectors.
func New() *Metrics {
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: "expertgraph", Subsystem: "graphql", Name: "requests_total",
			Help: "GraphQL requests answered, by operation name (anonymous if unnamed, other past the cap).",
		}, []string{"operation"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Namespace: "expertgraph", Subsystem: "graphql", Name: "request_duration_seconds",
			Help:    "Time from reading a GraphQL request to its answer, by operation name.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30},
		}, []string{"operation"}),
		errors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: "expertgraph", Subsystem: "graphql", Name: "errors_total",
			Help: "GraphQL errors in answers, by operation name and extensions.code.",
		}, []string{"operation", "code"}),
		storeCalls: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: "expertgraph", Subsystem: "store", Name: "calls_total",
			Help: "Store round trips, by store method.",
		}, []string{"method"}),
		storeLatency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Namespace: "expertgraph", Subsystem: "store", Name: "call_duration_seconds",
			Help:    "Duration of store round trips, by store method.",
			Buckets: prometheus.ExponentialBuckets(0.0001, 4, 9), // 100µs to 6.5s
		}, []string{"method"}),
		storeErrors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: "expertgraph", Subsystem: "store", Name: "errors_total",
			Help: "Store round trips that failed, by store method and domain error code.",
		}, []string{"method", "code"}),
		operations: newBounded(MaxOperations),
		codes:      newBounded(MaxCodes),
	}
	m.reg.MustRegister(
		m.requests, m.latency, m.errors,
		m.storeCalls, m.storeLatency, m.storeErrors,
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
	)
	return m
}

// Registry returns the registry the metrics are on, to add collectors to or
// to gather from in tests.
func (m *Metrics) Registry() *prometheus.Registry { return m.reg }

// Handler serves the registry in the Prometheus text (or OpenMetrics) format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg})
}

// ObserveStore records one store round trip; it is an instrument.Observer.
func (m *Metrics) ObserveStore(_ context.Context, method string, d time.Duration, err error) {
	m.storeCalls.WithLabelValues(method).Inc()
	m.storeLatency.WithLabelValues(method).Observe(d.Seconds())
	if err != nil {
		m.storeErrors.WithLabelValues(method, storeCode(err)).Inc()
	}
}

// storeCode names a store error for the errors_total label: the domain code,
// or the context's reason when the request was stopped.
func storeCode(err error) string {
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return "timeout"
	case errors.Is(err, context.Canceled):
		return "canceled"
	}
	return domain.ErrorCode(err)
}

// operation returns the label of an operation name: Anonymous for "", Other
// past the cap.
func (m *Metrics) operation(name string) string {
	if name == "" {
		return Anonymous
	}
	return m.operations.value(name)
}

// code returns the label of an extensions.code value.
func (m *Metrics) code(c string) string {
	if c == "" {
		return NoCode
	}
	return m.codes.value(c)
}

// bounded admits the first max distinct values of a label and maps any later
// one to Other.
type bounded struct {
	max  int
	mu   sync.RWMutex
	seen map[string]struct{}
}

func newBounded(max int) *bounded { return &bounded{max: max, seen: map[string]struct{}{}} }

func (b *bounded) value(v string) string {
	b.mu.RLock()
	_, ok := b.seen[v]
	b.mu.RUnlock()
	if ok {
		return v
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if _, ok := b.seen[v]; ok {
		return v
	}
	if len(b.seen) >= b.max {
		return Other
	}
	b.seen[v] = struct{}{}
	return v
}
