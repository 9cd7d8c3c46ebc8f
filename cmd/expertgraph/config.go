package main

// The configuration every command shares: which store, where, and the log.

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"time"

	"github.com/expertgraph/expertgraph/internal/domain"
	"github.com/expertgraph/expertgraph/internal/memstore"
	"github.com/expertgraph/expertgraph/internal/neo4jstore"
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
	pprof       bool
	batchWait   time.Duration // 0: defaultBatchWait (neo4j only)
	gcPercent   int           // 0: auto (gc.go)
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

// addStoreFlags defines on fs the flags that choose and open a store, as
// serve has them, each defaulting to an environment variable; an environment
// value that does not parse is added to envErrs. The Neo4j password is read
// from NEO4J_PASSWORD only: flags show in ps.
func addStoreFlags(fs *flag.FlagSet, c *config, getenv func(string) string, envErrs *[]string) {
	fs.StringVar(&c.store, "store", envOr(getenv, "EXPERTGRAPH_STORE", "embedded"), "store: embedded or neo4j (EXPERTGRAPH_STORE)")
	fs.StringVar(&c.data, "data", envOr(getenv, "EXPERTGRAPH_DATA", defaultDataPath(getenv)), "the embedded store's file (EXPERTGRAPH_DATA)")
	fs.StringVar(&c.neo4j.URI, "neo4j-uri", envOr(getenv, "NEO4J_URI", "bolt://127.0.0.1:7687"), "Neo4j URI: bolt:// for one server, neo4j:// for a cluster (NEO4J_URI)")
	fs.StringVar(&c.neo4j.User, "neo4j-user", getenv("NEO4J_USER"), "Neo4j user; empty for no authentication (NEO4J_USER)")
	c.neo4j.Password = getenv("NEO4J_PASSWORD")
	fs.StringVar(&c.neo4j.Database, "neo4j-database", envOr(getenv, "NEO4J_DATABASE", "neo4j"), "Neo4j database (NEO4J_DATABASE)")
	fs.DurationVar(&c.neo4j.ConnectTimeout, "neo4j-connect-timeout", envDuration(getenv, "NEO4J_CONNECT_TIMEOUT", 60*time.Second, envErrs), "how long to retry connecting to Neo4j at start (NEO4J_CONNECT_TIMEOUT)")
	fs.DurationVar(&c.neo4j.ReadTimeout, "neo4j-read-timeout", envDuration(getenv, "NEO4J_READ_TIMEOUT", neo4jstore.DefaultReadTimeout, envErrs), "longest one Neo4j read may take, retries included (NEO4J_READ_TIMEOUT)")
	fs.DurationVar(&c.neo4j.WriteTimeout, "neo4j-write-timeout", envDuration(getenv, "NEO4J_WRITE_TIMEOUT", neo4jstore.DefaultWriteTimeout, envErrs), "longest one Neo4j write (one import file) may take, retries included (NEO4J_WRITE_TIMEOUT)")
}

// addLogFlags defines on fs the log's flags, as serve has them, the level
// defaulting to EXPERTGRAPH_LOG_LEVEL or else to level.
func addLogFlags(fs *flag.FlagSet, c *config, getenv func(string) string, level string) {
	fs.StringVar(&c.logFormat, "log-format", envOr(getenv, "EXPERTGRAPH_LOG_FORMAT", "text"), "log format: text or json (EXPERTGRAPH_LOG_FORMAT)")
	fs.StringVar(&c.logLevel, "log-level", envOr(getenv, "EXPERTGRAPH_LOG_LEVEL", level), "log level: debug, info, warn, error (EXPERTGRAPH_LOG_LEVEL)")
}
