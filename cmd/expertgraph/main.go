// Command expertgraph serves a knowledge graph of bilateral expert meetings
// over GraphQL.
//
// Usage:
//
//	expertgraph serve [flags]           run the server (embedded store by default)
//	expertgraph import [flags] FILE_OR_DIR...  import JSON exports or seed-layout YAML, all or nothing per file
//	expertgraph export [flags] --format json|graphml|csv [--out PATH]  write the whole graph
//	expertgraph ingest [flags] FILE...  turn meeting reports into reviewable drafts; --apply writes them
//	expertgraph version                 print the version
//
// Every flag has an environment variable; see `expertgraph serve -h`.
package main

import (
	"context"
	"log/slog"

	"errors"
	"fmt"
	"github.com/expertgraph/expertgraph/internal/domain"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, errUsage) {
			fmt.Fprintln(os.Stderr, "expertgraph:", err)
		}
		os.Exit(1)
	}
}

var errUsage = errors.New("usage")

const usage = `expertgraph: a knowledge graph of bilateral expert meetings, served over GraphQL.

Usage:
  expertgraph serve [flags]         run the GraphQL server (see expertgraph serve -h)
  expertgraph import [flags] FILE_OR_DIR...   import JSON exports or seed-layout YAML (see expertgraph import -h)
  expertgraph export [flags] [--format json|graphml|csv] [--out PATH]   write the whole graph
  expertgraph ingest [flags] FILE...   extract reviewable drafts from meeting reports (see expertgraph ingest -h)
  expertgraph version               print the version

The store (embedded or Neo4j) is configured by the environment variables that
serve documents: EXPERTGRAPH_STORE, EXPERTGRAPH_DATA, NEO4J_URI, ...
`

// run is main without the process: tests call it with their own arguments,
// environment and output.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errUsage
	}
	switch args[0] {
	case "serve":
		return serve(ctx, args[1:], getenv, stdout, stderr)
	case "import":
		return importCmd(ctx, args[1:], getenv, stdout, stderr)
	case "export":
		return exportCmd(ctx, args[1:], getenv, stdout, stderr)
	case "ingest":
		return ingestCmd(ctx, args[1:], getenv, stdout, stderr, envStore(getenv, stderr))
	case "version":
		fmt.Fprintln(stdout, "expertgraph", version)
		return nil
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	default:
		fmt.Fprintf(stderr, "unknown command %q\n\n%s", args[0], usage)
		return errUsage
	}
}

// envStore returns a function that opens the store the environment
// configures (the defaults of serve's flags), for commands other than serve.
func envStore(getenv func(string) string, stderr io.Writer) func(ctx context.Context) (domain.Store, error) {
	return func(ctx context.Context) (domain.Store, error) {
		c, err := parseServe(nil, getenv, stderr)
		if err != nil {
			return nil, err
		}
		return openStore(ctx, c, slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn})))
	}
}
