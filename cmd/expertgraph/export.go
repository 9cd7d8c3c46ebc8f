package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/expertgraph/expertgraph/internal/domain"
	"github.com/expertgraph/expertgraph/internal/graphio"
)

const exportUsage = `Usage: expertgraph export [flags] [--format json|graphml|csv] [--out PATH]

Writes the whole graph held by the store:
  json      the lossless format that expertgraph import reads back
            (to standard output, or to --out FILE)
  graphml   for Gephi, yEd and other graph tools (to standard output, or to --out FILE)
  csv       for spreadsheets: one CSV file per collection with a header row,
            written into the directory --out DIR, or into a zip archive --out FILE.zip

Flags (a flag that names an environment variable defaults to it):
`

// exportCmd is `expertgraph export`: see exportUsage.
func exportCmd(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	var format, out string
	c, rest, err := parseStoreCommand("export", exportUsage, args, getenv, stderr, func(fs *flag.FlagSet) {
		fs.StringVar(&format, "format", "json", "json, graphml or csv")
		fs.StringVar(&out, "out", "", "the file to write (json, graphml; standard output if empty or -), or for csv the directory or FILE.zip")
	})
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		fmt.Fprintf(stderr, "export takes no arguments, got %q (expertgraph export -h for help)\n", rest)
		return errUsage
	}
	toStdout := out == "" || out == "-"
	var write func(io.Writer, *domain.Graph) error // to one file or standard output
	switch {
	case format == "json":
		write = graphio.WriteJSON
	case format == "graphml":
		write = graphio.WriteGraphML
	case format == "csv" && toStdout:
		fmt.Fprintln(stderr, "export: csv is several files: give --out DIR (a directory) or --out FILE.zip")
		return errUsage
	case format == "csv" && strings.HasSuffix(out, ".zip"):
		write = graphio.WriteCSVZip
	case format == "csv": // into the directory out
	default:
		fmt.Fprintf(stderr, "export: unknown format %q: want json, graphml or csv\n", format)
		return errUsage
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
	g, err := store.Export(ctx)
	if err != nil {
		return err
	}
	switch {
	case write == nil:
		err = graphio.WriteCSV(out, g)
	case toStdout:
		err = write(stdout, g)
		out = "standard output"
	default:
		err = writeFileAtomic(out, func(w io.Writer) error { return write(w, g) })
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "exported %s as %s to %s\n", describeGraph(g), format, out)
	return nil
}

// writeFileAtomic writes a file through a temporary file beside it, renamed
// over it once complete, so that a failed export never leaves half a file
// where a previous one was.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	err = write(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, 0o644) // CreateTemp makes it 0600; an export is for sharing
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}
