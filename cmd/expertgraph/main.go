// Command expertgraph serves a knowledge graph of bilateral expert meetings
// over GraphQL.
//
// Usage:
//
//	expertgraph serve [flags]     run the server (embedded store by default)
//	expertgraph version           print the version
//
// Every flag has an environment variable; see `expertgraph serve -h`.
package main

import (
	"context"
	"errors"
	"fmt"
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
  expertgraph serve [flags]   run the GraphQL server (see expertgraph serve -h)
  expertgraph version         print the version
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
