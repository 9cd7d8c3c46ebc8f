package httpserver

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/pprof"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/99designs/gqlgen/graphql/playground"
	"github.com/rs/cors"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/expertgraph/expertgraph/graph"
	"github.com/expertgraph/expertgraph/internal/domain"
	"github.com/expertgraph/expertgraph/internal/explorer"
	"github.com/expertgraph/expertgraph/internal/loader"
	"github.com/expertgraph/expertgraph/internal/metrics"
)

// Config configures the HTTP handler.
type Config struct {
	Store       domain.Store
	Logger      *slog.Logger
	Limits      Limits
	CORSOrigins []string // allowed browser origins; none by default
	// Metrics, if set, observes every GraphQL answer and is served at /metrics.
	Metrics *metrics.Metrics
	// Pprof serves Go's profiles at /debug/pprof/ (for profiling a slow
	// server; off by default: profiles show internals).
	Pprof bool
	// Auth, if set, wraps the GraphQL endpoint to put the caller in the
	// request's context (auth.Middleware); writes need it.
	Auth func(http.Handler) http.Handler
	// BatchWait is how long each dataloader collects keys before it reads
	// (loader.DefaultWait if zero).
	BatchWait time.Duration
	// InOrder resolves each request in order, one field and one list
	// element after another, with loaders that read at once and never
	// batch (BatchWait then only bounds how long a dashboard's root counts
	// fields wait for each other): for a store in process, the embedded
	// one, whose reads cost less than the goroutines and waits that batch
	// them (graph/inorder.go).
	InOrder bool
}

// GraphQL returns the GraphQL endpoint alone, with limits, error mapping and
// per-request loaders: what tests drive through gqlgen's client.
func GraphQL(cfg Config) http.Handler {
	return graphQL(cfg, newPost())
}

// graphQL is GraphQL with the given POST transport (the tests compare ours
// with gqlgen's).
func graphQL(cfg Config, post graphql.Transport) http.Handler {
	cfg = withDefaults(cfg)
	exts := []graphql.HandlerExtension{
		extension.Introspection{},
		shape{maxDepth: cfg.Limits.MaxDepth, maxFields: cfg.Limits.MaxFields},
		extension.FixedComplexityLimit(cfg.Limits.MaxComplexity),
	}
	if cfg.Metrics != nil {
		exts = append(exts, cfg.Metrics.Extension())
	}
	srv := handler.New(graph.NewExecutableSchema(graph.Config{
		Resolvers:  &graph.Resolver{Store: cfg.Store, InOrder: cfg.InOrder, DirectFields: !interceptsFields(exts)},
		Complexity: graph.Complexity(),
	}))
	srv.AddTransport(transport.GET{UseGrapQLResponseJsonByDefault: true})
	srv.AddTransport(post)
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	for _, e := range exts {
		srv.Use(e)
	}
	srv.SetErrorPresenter(presenter(cfg.Logger))
	srv.SetRecoverFunc(recoverer(cfg.Logger))
	var h http.Handler = loader.Middleware(cfg.Store, cfg.BatchWait, cfg.InOrder, srv)
	if cfg.Auth != nil {
		h = cfg.Auth(h)
	}
	h = timeout(time.Duration(cfg.Limits.Timeout)*time.Millisecond, h)
	return limitBody(cfg.Limits.MaxBodyBytes, h)
}

// interceptsFields reports whether any of exts intercepts fields: then the
// resolvers must send each field through them (graph.Resolver.DirectFields).
func interceptsFields(exts []graphql.HandlerExtension) bool {
	for _, e := range exts {
		if _, ok := e.(graphql.FieldInterceptor); ok {
			return true
		}
	}
	return false
}

// New returns the server's whole handler.
func New(cfg Config) http.Handler {
	cfg = withDefaults(cfg)
	mux := http.NewServeMux()
	mux.Handle("/graphql", GraphQL(cfg))
	mux.Handle("GET /{$}", playground.Handler("expertgraph", "/graphql"))
	mux.Handle("GET /explore/", http.StripPrefix("/explore", explorer.Handler()))
	mux.Handle("GET /explore", http.RedirectHandler("/explore/", http.StatusMovedPermanently))
	if cfg.Metrics != nil {
		mux.Handle("GET /metrics", cfg.Metrics.Handler())
	}
	if cfg.Pprof {
		mux.HandleFunc("GET /debug/pprof/", pprof.Index)
		mux.HandleFunc("GET /debug/pprof/cmdline", pprof.Cmdline)
		mux.HandleFunc("GET /debug/pprof/profile", pprof.Profile)
		mux.HandleFunc("GET /debug/pprof/symbol", pprof.Symbol)
		mux.HandleFunc("GET /debug/pprof/trace", pprof.Trace)
	}
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("ok\n"))
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		if err := cfg.Store.Ping(ctx); err != nil {
			cfg.Logger.WarnContext(ctx, "not ready", "err", err)
			http.Error(w, "not ready: the store does not answer", http.StatusServiceUnavailable)
			return
		}
		w.Write([]byte("ready\n"))
	})
	c := cors.New(cors.Options{
		AllowedOrigins: cfg.CORSOrigins,
		AllowedMethods: []string{http.MethodGet, http.MethodPost},
		AllowedHeaders: []string{"Content-Type", "Authorization", "Accept"},
		MaxAge:         600,
	})
	return logRequests(cfg.Logger, c.Handler(mux))
}

func withDefaults(cfg Config) Config {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Limits == (Limits{}) {
		cfg.Limits = DefaultLimits
	}
	return cfg
}

// timeout bounds the time of one request: the store calls see the deadline
// through their context and stop.
func timeout(d time.Duration, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), d)
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (s *statusWriter) WriteHeader(code int) {
	s.status = code
	s.ResponseWriter.WriteHeader(code)
}

// logRequests logs one line per request.
func logRequests(log *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(sw, r)
		log.InfoContext(r.Context(), "request", "method", r.Method, "path", r.URL.Path, "status", sw.status,
			"duration_ms", float64(time.Since(start).Microseconds())/1000)
	})
}
