// Command generate runs gqlgen on the schema (gqlgen.yml), then routes five
// spots of the generated code through graph's own functions (inorder.go,
// field.go):
//
//   - graphql.MarshalSliceConcurrently, which starts a goroutine per element
//     of every list of objects;
//   - FieldSet.ResolveConcurrently, which starts a goroutine for every
//     resolver field of an object beyond the first;
//   - graphql.NewDeferredGroup, which computes the object's path for @defer
//     even when no field of the object is deferred;
//   - graphql.ResolveField, which sends every field's read through the field
//     middleware by way of two closures, and boxes its value twice;
//   - the FieldSet every object returns, whose MarshalGQL copies each field
//     to the heap and makes a map to write the object.
//
// The first three do what gqlgen does, unless the request is resolved in
// order (Resolver.InOrder: the embedded store, which answers in process, so
// that a goroutine costs more than the read it waits for); the fourth,
// unless no extension intercepts fields (Resolver.DirectFields, both
// stores); the last writes what gqlgen writes, always. gqlgen 0.17.98 has
// no option for any of the five. Run it from the repository
// (go generate ./graph); CI runs it and fails if the committed code differs.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"go/format"
	"io"
	"log"
	"os"

	"github.com/99designs/gqlgen/api"
	"github.com/99designs/gqlgen/codegen/config"
)

// rewrite is one call of the generated code routed through graph.
type rewrite struct{ from, to string }

var rewrites = []rewrite{
	{"graphql.MarshalSliceConcurrently(ctx,", "ec.marshalList(ctx,"},
	{"out.ResolveConcurrently(ec.OperationContext, &deferred, i,", "ec.resolveField(ctx, out, field, &deferred, i,"},
	{"graphql.NewDeferredGroup(ctx)", "ec.newDeferredGroup(ctx, fields)"},
	{"return graphql.ResolveField(\n", "return resolveValue(ec,\n"},
	{"\n\treturn out\n}\n", "\n\treturn marshalFields(out, fields, &deferred)\n}\n"},
}

func main() {
	verbose := flag.Bool("v", false, "show gqlgen's log")
	flag.Parse()
	if !*verbose {
		log.SetOutput(io.Discard) // as gqlgen generate does
	}
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "generate:", err)
		os.Exit(1)
	}
}

func run() error {
	cfg, err := config.LoadConfigFromDefaultLocations() // and moves to its directory
	if err != nil {
		return err
	}
	if err := api.Generate(cfg); err != nil {
		return err
	}
	path := cfg.Exec.Filename
	src, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	out, err := apply(src, rewrites)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return os.WriteFile(path, out, 0o644)
}

// apply makes every rewrite in src, each of which must occur, and formats
// the result.
func apply(src []byte, rs []rewrite) ([]byte, error) {
	for _, r := range rs {
		n := bytes.Count(src, []byte(r.from))
		if n == 0 {
			return nil, fmt.Errorf("no %q in the generated code: gqlgen changed, update graph/generate and graph/inorder.go", r.from)
		}
		src = bytes.ReplaceAll(src, []byte(r.from), []byte(r.to))
	}
	return format.Source(src)
}
