package metrics

import (
	"context"
	"time"

	"github.com/99designs/gqlgen/graphql"
)

// Extension returns a gqlgen handler extension that counts every GraphQL
// answer, its latency and its errors. It sees the answers to requests that
// were refused before running too (parse, validation and query-limit errors),
// since gqlgen sends those through the same response interceptors.
func (m *Metrics) Extension() graphql.HandlerExtension { return extension{m: m} }

type extension struct{ m *Metrics }

var _ interface {
	graphql.HandlerExtension
	graphql.ResponseInterceptor
} = extension{}

func (extension) ExtensionName() string                   { return "Metrics" }
func (extension) Validate(graphql.ExecutableSchema) error { return nil }

// InterceptResponse labels the answer with the name of the operation the
// document defines (not the operationName the client sent, which is any
// string it likes), so label values are GraphQL names or Anonymous.
func (e extension) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	start := time.Now()
	var name string
	if graphql.HasOperationContext(ctx) {
		oc := graphql.GetOperationContext(ctx)
		if oc.Operation != nil {
			name = oc.Operation.Name
		}
		if !oc.Stats.OperationStart.IsZero() {
			start = oc.Stats.OperationStart
		}
	}
	resp := next(ctx)
	op := e.m.operation(name)
	e.m.requests.WithLabelValues(op).Inc()
	e.m.latency.WithLabelValues(op).Observe(time.Since(start).Seconds())
	if resp != nil {
		for _, err := range resp.Errors {
			code, _ := err.Extensions["code"].(string)
			e.m.errors.WithLabelValues(op, e.m.code(code)).Inc()
		}
	}
	return resp
}
