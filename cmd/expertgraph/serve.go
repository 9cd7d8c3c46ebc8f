package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/expertgraph/expertgraph/internal/auth"
	"github.com/expertgraph/expertgraph/internal/dataset"
	"github.com/expertgraph/expertgraph/internal/domain"
	"github.com/expertgraph/expertgraph/internal/httpserver"
	"github.com/expertgraph/expertgraph/internal/instrument"
	"github.com/expertgraph/expertgraph/internal/metrics"
	"github.com/expertgraph/expertgraph/seed"
)

func parseServe(args []string, getenv func(string) string, stderr io.Writer) (config, error) {
	var c config
	var envErrs []string
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.addr, "addr", envOr(getenv, "EXPERTGRAPH_ADDR", "127.0.0.1:8080"), "listen address (EXPERTGRAPH_ADDR)")
	addStoreFlags(fs, &c, getenv, &envErrs)
	fs.StringVar(&c.corsOrigins, "cors-origins", getenv("EXPERTGRAPH_CORS_ORIGINS"), "comma-separated browser origins allowed by CORS; none by default (EXPERTGRAPH_CORS_ORIGINS)")
	fs.BoolVar(&c.seed, "seed", envOr(getenv, "EXPERTGRAPH_SEED", "true") == "true", "load the built-in seed into an empty store (EXPERTGRAPH_SEED)")
	addLogFlags(fs, &c, getenv, "info")
	fs.BoolVar(&c.pprof, "pprof", envOr(getenv, "EXPERTGRAPH_PPROF", "false") == "true", "serve Go profiles at /debug/pprof/ (EXPERTGRAPH_PPROF)")
	fs.DurationVar(&c.batchWait, "batch-wait", envDuration(getenv, "EXPERTGRAPH_BATCH_WAIT", 0, &envErrs),
		"on neo4j, how long each dataloader collects keys before one store read; 0: 1ms. The embedded store resolves in order and reads at once (EXPERTGRAPH_BATCH_WAIT)")
	gcPercent := fs.String("gc-percent", envOr(getenv, "EXPERTGRAPH_GC_PERCENT", "auto"),
		"the garbage collector's GOGC: auto (on either store, 400 or less so that the heap grows by at most 2 GiB between collections, never under 100, unless GOGC is set) or a percentage (EXPERTGRAPH_GC_PERCENT)")
	if err := fs.Parse(args); err != nil {
		return c, errUsage
	}
	gc, err := parseGCPercent(*gcPercent)
	if err != nil {
		envErrs = append(envErrs, err.Error())
	}
	c.gcPercent = gc
	if len(envErrs) > 0 {
		return c, errors.New(strings.Join(envErrs, "; "))
	}
	if v := getenv("EXPERTGRAPH_SEED"); v != "" && v != "true" && v != "false" {
		return c, fmt.Errorf("EXPERTGRAPH_SEED=%q: want true or false", v)
	}
	if c.batchWait < 0 {
		return c, fmt.Errorf("-batch-wait %v: want a duration of 0 or more", c.batchWait)
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "serve takes no arguments, got %q\n", fs.Args())
		return c, errUsage
	}
	return c, nil
}

// defaultBatchWait is the dataloaders' wait on Neo4j, where a round trip
// costs far more than a millisecond of waiting for the keys of one level to
// gather. The embedded store does not batch: a read there is a function
// call, cheaper than the goroutines that would gather keys for it, so its
// requests are resolved in order (httpserver.Config.InOrder).
const defaultBatchWait = time.Millisecond

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
	batchWait := cmp.Or(c.batchWait, defaultBatchWait)
	if c.batchWait > 0 && c.store != "neo4j" {
		batchWait = defaultBatchWait
		log.Warn("-batch-wait is ignored on the embedded store, which resolves each request in order and reads at once", "batch_wait", c.batchWait)
	}
	if gc, restore := setGCPercent(c.gcPercent, getenv); gc != 0 {
		defer restore()
		log.Info("garbage collector", "gogc", gc, "live_heap_mib", liveHeap()>>20)
	}
	var origins []string
	for _, o := range strings.Split(c.corsOrigins, ",") {
		if o = strings.TrimSpace(o); o != "" {
			origins = append(origins, o)
		}
	}
	authCfg, err := auth.FromEnv(getenv)
	if err != nil {
		return err
	}
	if len(authCfg.APIKeys) == 0 && len(authCfg.JWTSecret) == 0 && authCfg.JWKSURL == "" {
		log.Warn("writes are disabled: set EXPERTGRAPH_API_KEYS, EXPERTGRAPH_JWT_SECRET or EXPERTGRAPH_JWKS_URL")
	}
	ln, err := net.Listen("tcp", c.addr)
	if err != nil {
		return err
	}
	m := metrics.New()
	srv := &http.Server{
		Handler: httpserver.New(httpserver.Config{
			Store: instrument.Wrap(store, m.ObserveStore), Logger: log, CORSOrigins: origins, Metrics: m,
			Auth: auth.Middleware(authCfg), Pprof: c.pprof, BatchWait: batchWait,
			InOrder: c.store != "neo4j",
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
