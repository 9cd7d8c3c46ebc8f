package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/expertgraph/expertgraph/internal/dataset"
	"github.com/expertgraph/expertgraph/internal/domain"
	"github.com/expertgraph/expertgraph/internal/httpserver"
	"github.com/expertgraph/expertgraph/internal/instrument"
	"github.com/expertgraph/expertgraph/internal/memstore"
	"github.com/expertgraph/expertgraph/internal/metrics"
	"github.com/expertgraph/expertgraph/internal/neo4jstore"
	"github.com/expertgraph/expertgraph/seed"
)

// config is the server's configuration: flags, each defaulting to an
// environment variable, defaulting to a built-in value.
type config struct {
	addr        string
	store       string
	data        string
	corsOrigins string
	seed        bool
	neo4j       neo4jstore.Config
	logFormat   string
	logLevel    string
}

func defaultDataPath(getenv func(string) string) string {
	if d := getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "expertgraph", "graph.json")
	}
	if h := getenv("HOME"); h != "" {
		return filepath.Join(h, ".local", "share", "expertgraph", "graph.json")
	}
	return filepath.Join("expertgraph-data", "graph.json")
}

func envOr(getenv func(string) string, key, def string) string {
	if v := getenv(key); v != "" {
		return v
	}
	return def
}

// envDuration reads a duration ("30s", "2m") from the environment; a value
// that does not parse is reported, not ignored.
func envDuration(getenv func(string) string, key string, def time.Duration, errs *[]string) time.Duration {
	v := getenv(key)
	if v == "" {
		return def
	}
	d, err := time.ParseDuration(v)
	if err != nil {
		*errs = append(*errs, fmt.Sprintf("%s=%q is not a duration like 30s or 2m", key, v))
		return def
	}
	return d
}

func parseServe(args []string, getenv func(string) string, stderr io.Writer) (config, error) {
	var c config
	var envErrs []string
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.addr, "addr", envOr(getenv, "EXPERTGRAPH_ADDR", "127.0.0.1:8080"), "listen address (EXPERTGRAPH_ADDR)")
	fs.StringVar(&c.store, "store", envOr(getenv, "EXPERTGRAPH_STORE", "embedded"), "store: embedded or neo4j (EXPERTGRAPH_STORE)")
	fs.StringVar(&c.neo4j.URI, "neo4j-uri", envOr(getenv, "NEO4J_URI", "bolt://127.0.0.1:7687"), "Neo4j URI: bolt:// for one server, neo4j:// for a cluster (NEO4J_URI)")
	fs.StringVar(&c.neo4j.User, "neo4j-user", getenv("NEO4J_USER"), "Neo4j user; empty for no authentication (NEO4J_USER)")
	c.neo4j.Password = getenv("NEO4J_PASSWORD") // never a flag: flags show in ps
	fs.StringVar(&c.neo4j.Database, "neo4j-database", envOr(getenv, "NEO4J_DATABASE", "neo4j"), "Neo4j database (NEO4J_DATABASE)")
	fs.DurationVar(&c.neo4j.ConnectTimeout, "neo4j-connect-timeout", envDuration(getenv, "NEO4J_CONNECT_TIMEOUT", 60*time.Second, &envErrs), "how long to retry connecting to Neo4j at start (NEO4J_CONNECT_TIMEOUT)")
	fs.StringVar(&c.data, "data", envOr(getenv, "EXPERTGRAPH_DATA", defaultDataPath(getenv)), "the embedded store's file (EXPERTGRAPH_DATA)")
	fs.StringVar(&c.corsOrigins, "cors-origins", getenv("EXPERTGRAPH_CORS_ORIGINS"), "comma-separated browser origins allowed by CORS; none by default (EXPERTGRAPH_CORS_ORIGINS)")
	fs.BoolVar(&c.seed, "seed", envOr(getenv, "EXPERTGRAPH_SEED", "true") == "true", "load the built-in seed into an empty store (EXPERTGRAPH_SEED)")
	fs.StringVar(&c.logFormat, "log-format", envOr(getenv, "EXPERTGRAPH_LOG_FORMAT", "text"), "log format: text or json (EXPERTGRAPH_LOG_FORMAT)")
	fs.StringVar(&c.logLevel, "log-level", envOr(getenv, "EXPERTGRAPH_LOG_LEVEL", "info"), "log level: debug, info, warn, error (EXPERTGRAPH_LOG_LEVEL)")
	if err := fs.Parse(args); err != nil {
		return c, errUsage
	}
	if len(envErrs) > 0 {
		return c, errors.New(strings.Join(envErrs, "; "))
	}
	if v := getenv("EXPERTGRAPH_SEED"); v != "" && v != "true" && v != "false" {
		return c, fmt.Errorf("EXPERTGRAPH_SEED=%q: want true or false", v)
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "serve takes no arguments, got %q\n", fs.Args())
		return c, errUsage
	}
	return c, nil
}

func newLogger(c config, w io.Writer) (*slog.Logger, error) {
	var level slog.Level
	if err := level.UnmarshalText([]byte(c.logLevel)); err != nil {
		return nil, fmt.Errorf("log level %q: want debug, info, warn or error", c.logLevel)
	}
	opts := &slog.HandlerOptions{Level: level}
	switch c.logFormat {
	case "text":
		return slog.New(slog.NewTextHandler(w, opts)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	default:
		return nil, fmt.Errorf("log format %q: want text or json", c.logFormat)
	}
}

// openStore picks the store named in the configuration.
func openStore(ctx context.Context, c config, log *slog.Logger) (domain.Store, error) {
	switch c.store {
	case "embedded":
		log.Info("opening the embedded store", "file", c.data)
		return memstore.Open(c.data)
	case "neo4j":
		c.neo4j.Logger = log
		log.Info("connecting to Neo4j", "uri", c.neo4j.URI, "database", c.neo4j.Database)
		return neo4jstore.Open(ctx, c.neo4j)
	default:
		return nil, fmt.Errorf("unknown store %q: want embedded or neo4j", c.store)
	}
}

// seedIfEmpty loads the built-in seed into an empty store.
func seedIfEmpty(ctx context.Context, s domain.Store, log *slog.Logger) error {
	st, err := s.Stats(ctx)
	if err != nil {
		return err
	}
	if !st.Empty() {
		return nil
	}
	g, err := dataset.Load(seed.FS)
	if err != nil {
		return fmt.Errorf("the built-in seed: %w", err)
	}
	if err := s.Upsert(ctx, g); err != nil {
		return fmt.Errorf("loading the seed: %w", err)
	}
	log.Info("loaded the seed into the empty store", "meetings", len(g.Meetings), "people", len(g.People))
	return nil
}

func serve(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	c, err := parseServe(args, getenv, stderr)
	if err != nil {
		return err
	}
	log, err := newLogger(c, stderr)
	if err != nil {
		return err
	}
	store, err := openStore(ctx, c, log)
	if err != nil {
		return err
	}
	defer store.Close(context.Background())
	if c.seed {
		if err := seedIfEmpty(ctx, store, log); err != nil {
			return err
		}
	}
	var origins []string
	for _, o := range strings.Split(c.corsOrigins, ",") {
		if o = strings.TrimSpace(o); o != "" {
			origins = append(origins, o)
		}
	}
	ln, err := net.Listen("tcp", c.addr)
	if err != nil {
		return err
	}
	m := metrics.New()
	srv := &http.Server{
		Handler: httpserver.New(httpserver.Config{
			Store: instrument.Wrap(store, m.ObserveStore), Logger: log, CORSOrigins: origins, Metrics: m,
		}),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      90 * time.Second,
		IdleTimeout:       120 * time.Second,
	}
	fmt.Fprintf(stdout, "expertgraph serving GraphQL at http://%s/graphql (GraphiQL at http://%s/, explorer at http://%s/explore/)\n", ln.Addr(), ln.Addr(), ln.Addr())
	log.Info("listening", "addr", ln.Addr().String(), "store", c.store)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	_ = os.Stdout.Sync()
	return nil
}
