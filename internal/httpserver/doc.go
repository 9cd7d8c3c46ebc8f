// Package httpserver serves expertgraph over HTTP: GraphQL at /graphql (POST
// and GET, per the GraphQL over HTTP spec), GraphiQL at /, the explorer at
// /explore/, Prometheus metrics at /metrics (when Config.Metrics is set),
// /healthz and /readyz. It sets the limits that protect the store (query
// depth, complexity, field count, body size, time per request), maps domain
// error codes to GraphQL extensions.code once, and recovers panics.
package httpserver
