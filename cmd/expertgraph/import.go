package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing/fstest"
	"time"

	"github.com/expertgraph/expertgraph/internal/dataset"
	"github.com/expertgraph/expertgraph/internal/domain"
	"github.com/expertgraph/expertgraph/internal/graphio"
	"github.com/expertgraph/expertgraph/internal/memstore"
)

const importUsage = `Usage: expertgraph import [flags] FILE_OR_DIR...

Imports each argument into the store, in order, each all or nothing:
  FILE.json   a JSON export (expertgraph export --format json)
  DIR         a data set laid out as seed/README.md describes
  FILE.yaml   one file of that layout: a list file (people.yaml, sources.yaml, ...)
              or a meeting file, read as meetings/FILE.yaml

Every file is read and validated whole, against what the store holds and the
files before it, before anything of it is written. On Neo4j each file is then
written in one transaction. On the embedded store the files that pass are
written together at the end (or when interrupted), in one atomic write: an
import killed before it says "done" leaves the store as it was. Importing the
same file twice leaves the store as importing it once. Every problem is
reported as FILE:ENTRY.FIELD: MESSAGE. A file that fails writes nothing; the
other files are still imported. The exit status is 1 if any file failed.

Flags (a flag that names an environment variable defaults to it):
`

// parseStoreCommand parses the flags of a command that works on a store
// (import, export): the store flags, the log flags (the level defaulting to
// warn, since these commands show their own progress) and those extra
// defines. Flags may come before, between or after the arguments; after "--"
// everything is an argument. It returns the arguments.
func parseStoreCommand(name, usage string, args []string, getenv func(string) string, stderr io.Writer,
	extra func(*flag.FlagSet)) (config, []string, error) {
	var c config
	var envErrs []string
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
	}
	addStoreFlags(fs, &c, getenv, &envErrs)
	addLogFlags(fs, &c, getenv, "warn")
	if extra != nil {
		extra(fs)
	}
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return c, nil, errUsage
		}
		left := fs.Args()
		if len(left) == 0 {
			break
		}
		if n := len(args) - len(left); n > 0 && args[n-1] == "--" {
			rest = append(rest, left...)
			break
		}
		rest = append(rest, left[0])
		args = left[1:]
	}
	if len(envErrs) > 0 {
		return c, nil, errors.New(strings.Join(envErrs, "; "))
	}
	return c, rest, nil
}

// importCmd is `expertgraph import`: see importUsage.
func importCmd(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	c, files, err := parseStoreCommand("import", importUsage, args, getenv, stderr, nil)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		fmt.Fprintln(stderr, "import: name at least one file or directory to import (expertgraph import -h for help)")
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

	// The embedded store rebuilds its indexes and rewrites its whole file on
	// every write: its files are gathered in a batch and written once.
	var target importTarget = store
	var batch *memstore.Batch
	if m, ok := store.(*memstore.Store); ok {
		if batch, err = m.NewBatch(); err != nil {
			return err
		}
		target = batch
	}

	start := time.Now()
	var passed []bool // by file tried: written, or held in the batch
	for i, name := range files {
		if ctx.Err() != nil {
			break
		}
		passed = append(passed, importOne(ctx, target, batch != nil, name, i+1, len(files), stderr))
	}
	var unsynced error // the batch is written but may not survive a crash
	if batch != nil && slices.Contains(passed, true) {
		if err := importCommit(ctx, batch, passed, stderr); errors.Is(err, memstore.ErrNotDurable) {
			unsynced = err
		} else if err != nil {
			clear(passed)
		}
	}
	tried := len(passed)
	var imported, failed []string
	for i, ok := range passed {
		if ok {
			imported = append(imported, files[i])
		} else {
			failed = append(failed, files[i])
		}
	}
	summary := fmt.Sprintf("imported %d of %d files", len(imported), len(files))
	if len(imported) == len(files) {
		summary = fmt.Sprintf("imported %s", plural(len(files), "file", "files"))
	}
	if len(imported) > 0 {
		summary += ": " + strings.Join(imported, ", ")
	}
	if len(failed) > 0 {
		summary += "; not imported, nothing of them written: " + strings.Join(failed, ", ")
	}
	if notTried := files[tried:]; len(notTried) > 0 {
		summary += "; not tried (interrupted): " + strings.Join(notTried, ", ")
	}
	fmt.Fprintf(stdout, "%s (%s)\n", summary, elapsed(start))
	if n := len(files) - len(imported); n > 0 {
		return fmt.Errorf("%d of %d files not imported", n, len(files))
	}
	if unsynced != nil {
		return fmt.Errorf("the files are written, but may not survive a crash: %w", unsynced)
	}
	return nil
}

// importTarget is what import reads a file against and writes it to: the
// store, or a batch of the embedded store (memstore.Batch).
type importTarget interface {
	graphio.IDResolver
	Upsert(ctx context.Context, g *domain.Graph) error
}

// importOne imports one file or directory and reports whether it was
// written, or, if held, passed into the batch that target is. It shows its
// progress on one line of stderr:
//
//	[2/3] big.json (84.2 MB): reading 10% 20% ... 100%; read 20,000 meetings, ...; validating; writing … done in 4.2s
//	[2/3] big.json (84.2 MB): reading 10% 20% ... 100%; read 20,000 meetings, ...; validating; ok in 3.1s
//
// and, if the file fails, each problem on a line of its own.
func importOne(ctx context.Context, target importTarget, held bool, name string, i, n int, stderr io.Writer) bool {
	w := &lineWriter{w: stderr}
	start := time.Now()
	fmt.Fprintf(w, "[%d/%d] %s", i, n, name)
	resolve := graphio.StoreResolver(ctx, target)
	decoded := func(g *domain.Graph) { fmt.Fprintf(w, "read %s; validating; ", describeGraph(g)) }

	var g *domain.Graph
	info, err := os.Stat(name)
	isJSON := strings.HasSuffix(name, ".json")
	if err == nil && !info.IsDir() && isJSON && info.Size() >= importProgressMin {
		fmt.Fprintf(w, " (%s): reading", byteSize(info.Size()))
	} else {
		fmt.Fprint(w, ": ")
	}
	switch {
	case err != nil:
	case info.IsDir():
		g, err = readDataset(os.DirFS(name), name, "", resolve, decoded)
	case isJSON:
		g, err = importReadJSON(name, info.Size(), resolve, decoded, w)
	case strings.HasSuffix(name, ".yaml") || strings.HasSuffix(name, ".yml"):
		g, err = readDatasetFile(name, resolve, decoded)
	default:
		err = fmt.Errorf("%s is not a .json or .yaml file or a directory", name)
	}
	if err == nil {
		if !held {
			fmt.Fprint(w, "writing … ")
		}
		err = target.Upsert(ctx, g)
		if err != nil {
			err = locate(err, name)
		}
	}
	switch {
	case err == nil && held:
		fmt.Fprintf(w, "ok in %s\n", elapsed(start))
		return true
	case err == nil:
		fmt.Fprintf(w, "done in %s\n", elapsed(start))
		return true
	}
	if w.last != ' ' {
		fmt.Fprint(w, "; ") // after "reading 10% 20%"
	}
	var ve *domain.ValidationError
	if errors.As(err, &ve) {
		fmt.Fprintf(w, "%s, nothing written:\n", plural(len(ve.Problems), "problem", "problems"))
		for _, p := range ve.Problems {
			fmt.Fprintln(w, p)
		}
	} else {
		fmt.Fprintf(w, "failed, nothing written: %v\n", err)
	}
	return false
}

// importCommit writes the files held in batch, those passed says, in one
// write, and reports how it went on a line of stderr:
//
//	writing 19 files … done in 6.1s
//
// A write in place whose file may not survive a crash (ErrNotDurable) is
// said to be done, with the error.
func importCommit(ctx context.Context, batch interface{ Commit(context.Context) error }, passed []bool, stderr io.Writer) error {
	start := time.Now()
	n := 0
	for _, ok := range passed {
		if ok {
			n++
		}
	}
	fmt.Fprintf(stderr, "writing %s … ", plural(n, "file", "files"))
	err := batch.Commit(ctx)
	switch {
	case errors.Is(err, memstore.ErrNotDurable):
		fmt.Fprintf(stderr, "done in %s, but it may not survive a crash: %v\n", elapsed(start), err)
	case err != nil:
		fmt.Fprintf(stderr, "failed, nothing written: %v\n", err)
	default:
		fmt.Fprintf(stderr, "done in %s\n", elapsed(start))
	}
	return err
}

// lineWriter remembers the last byte written through it.
type lineWriter struct {
	w    io.Writer
	last byte
}

func (l *lineWriter) Write(b []byte) (int, error) {
	if len(b) > 0 {
		l.last = b[len(b)-1]
	}
	return l.w.Write(b)
}

// importProgressMin is the size from which reading a JSON file shows its
// progress in percent.
var importProgressMin int64 = 8 << 20

// importReadJSON reads and validates a JSON export.
func importReadJSON(name string, size int64, resolve graphio.Resolver, decoded func(*domain.Graph), w io.Writer) (*domain.Graph, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	if size >= importProgressMin { // importOne has written "reading"
		p := &progressReader{r: f, size: size, w: w}
		r = p
		decoded = func(g *domain.Graph) {
			p.finish()
			fmt.Fprintf(w, "; read %s; validating; ", describeGraph(g))
		}
	}
	return graphio.ReadJSONWith(r, name, graphio.ReadOptions{Resolve: resolve, Decoded: decoded})
}

// progressReader shows how much of a file was read, every tenth.
type progressReader struct {
	r       io.Reader
	size, n int64
	w       io.Writer
	shown   int64 // tenths shown
}

func (p *progressReader) Read(b []byte) (int, error) {
	n, err := p.r.Read(b)
	p.n += int64(n)
	for p.shown < 10 && p.n*10 >= (p.shown+1)*p.size {
		p.shown++
		fmt.Fprintf(p.w, " %d%%", p.shown*10)
	}
	return n, err
}

// finish shows 100% if the file turned out shorter than its size said.
func (p *progressReader) finish() {
	if p.shown < 10 {
		p.shown = 10
		fmt.Fprint(p.w, " 100%")
	}
}

// datasetListFiles are the list files of the seed layout (seed/README.md),
// which a single YAML file may be; any other YAML file is a meeting file.
var datasetListFiles = []string{"countries.yaml", "councils.yaml", "initiatives.yaml", "institutions.yaml",
	"people.yaml", "places.yaml", "publications.yaml", "sources.yaml", "themes.yaml"}

// readDatasetFile reads one YAML file of the seed layout: a list file by its
// name, any other as a meeting file (meetings/<id>.yaml).
func readDatasetFile(name string, resolve graphio.Resolver, decoded func(*domain.Graph)) (*domain.Graph, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	base := filepath.Base(name)
	at := "meetings/" + strings.TrimSuffix(base, filepath.Ext(base)) + ".yaml"
	if slices.Contains(datasetListFiles, base) {
		at = base
	}
	return readDataset(fstest.MapFS{at: {Data: data}}, name, at, resolve, decoded)
}

// readDataset reads a data set in the seed layout with dataset.LoadWith,
// which checks it against itself and the store (a meeting file may name the
// store's council, place and people). name is the directory's name, or for a
// single file its name and at its path in fsys.
func readDataset(fsys fs.FS, name, at string, resolve graphio.Resolver, decoded func(*domain.Graph)) (*domain.Graph, error) {
	g, err := dataset.LoadWith(fsys, resolve)
	if err != nil {
		return nil, relocate(err, name, at)
	}
	decoded(g)
	return g, nil
}

// datasetProblem matches the location dataset.Load gives a problem:
// "meetings/raec-5.yaml:68: appearances[...]", "people.yaml: ...".
var datasetProblem = regexp.MustCompile(`^([^:\s]+\.ya?ml)(:.*)?$`)

// relocate names the files of dataset.Load's problems as the user gave them:
// dir/people.yaml:12: ..., or the file's own name for a single file read at
// at. Problems located in no file are put under name.
func relocate(err error, name, at string) error {
	var ve *domain.ValidationError
	if !errors.As(err, &ve) {
		return err
	}
	out := &domain.ValidationError{}
	for _, p := range ve.Problems {
		q := *p
		switch m := datasetProblem.FindStringSubmatch(p.Field); {
		case m != nil && at != "" && m[1] == at:
			q.Field = name + m[2]
		case m != nil && at == "":
			q.Field = filepath.Join(name, m[1]) + m[2]
		case p.Field != "":
			q.Field = name + ":" + p.Field
		default:
			q.Field = name
		}
		out.Problems = append(out.Problems, &q)
	}
	return out
}

// locate puts the problems of a store's validation error, found when it
// validated the graph again as it wrote it (what it holds may have changed
// since the file was checked), under the file's name.
func locate(err error, name string) error {
	var ve *domain.ValidationError
	if !errors.As(err, &ve) {
		return err
	}
	out := &domain.ValidationError{}
	for _, p := range ve.Problems {
		q := *p
		q.Field = name + ":" + p.Field
		out.Problems = append(out.Problems, &q)
	}
	return out
}

// describeGraph counts what g holds: "3 meetings, 9 appearances, 1 source".
func describeGraph(g *domain.Graph) string {
	var parts []string
	add := func(n int, one, many string) {
		if n > 0 {
			parts = append(parts, plural(n, one, many))
		}
	}
	add(len(g.Countries), "country", "countries")
	add(len(g.Places), "place", "places")
	add(len(g.Institutions), "institution", "institutions")
	add(len(g.People), "person", "people")
	add(len(g.Councils), "council", "councils")
	add(len(g.Initiatives), "initiative", "initiatives")
	add(len(g.Themes), "theme", "themes")
	add(len(g.Sources), "source", "sources")
	add(len(g.Publications), "publication", "publications")
	add(len(g.Meetings), "meeting", "meetings")
	add(len(g.Appearances), "appearance", "appearances")
	add(len(g.Recommendations), "recommendation", "recommendations")
	add(len(g.Redirects), "redirect", "redirects")
	if len(parts) == 0 {
		return "nothing"
	}
	return strings.Join(parts, ", ")
}

// plural writes a count with its noun: "1 file", "20,000 files".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return thousands(n) + " " + many
}

// thousands writes n with commas between thousands: 150,000.
func thousands(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return "-" + thousands(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// byteSize writes a file size for people: 84.2 MB.
func byteSize(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f kB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// elapsed writes the time since start for people: 35ms, 4.2s.
func elapsed(start time.Time) string {
	d := time.Since(start)
	if d < time.Second {
		return d.Round(time.Millisecond).String()
	}
	return d.Round(100 * time.Millisecond).String()
}
