package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/expertgraph/expertgraph/internal/domain"
	"github.com/expertgraph/expertgraph/internal/ingest"
)

const ingestUsage = `Usage:
  expertgraph ingest [flags] FILE...
      Extract a draft of facts from each meeting report (plain text or HTML)
      and print it. Nothing is written unless --apply is given.
  expertgraph ingest --score EXPECTED.json FILE
      Extract FILE and score the draft against an expected draft.
  expertgraph ingest score --expected EXPECTED.json DRAFT.json
      Score a draft (JSON, as printed by ingest) against an expected draft.

The first line of a file may be the report's URL; --url overrides it.

Flags:
`

// ingestCmd implements "expertgraph ingest". open opens the store, only when
// --apply is given.
func ingestCmd(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer,
	open func(ctx context.Context) (domain.Store, error)) error {
	if len(args) > 0 && args[0] == "score" {
		return ingestScoreCmd(args[1:], stdout, stderr)
	}
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", envOr(getenv, "EXPERTGRAPH_INGEST_FORMAT", "json"), "output: json or yaml (EXPERTGRAPH_INGEST_FORMAT)")
	apply := fs.Bool("apply", false, "write each draft into the store (default: dry run, print the drafts)")
	urlFlag := fs.String("url", "", "the report's URL (default: the file's first line, if it is a URL)")
	publisher := fs.String("publisher", "", "the report's publisher (default: the URL's host)")
	title := fs.String("title", "", "the report's title")
	published := fs.String("published", "", "the report's publication date: YYYY, YYYY-MM or YYYY-MM-DD")
	maxBytes := fs.Int("max-bytes", ingest.DefaultMaxBytes, "the largest file accepted, in bytes")
	score := fs.String("score", "", "score the draft of FILE against this expected draft (JSON)")
	fs.Usage = func() {
		fmt.Fprint(stderr, ingestUsage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return errUsage
	}
	files := fs.Args()
	if len(files) == 0 {
		fmt.Fprintln(stderr, "ingest: no FILE given")
		fs.Usage()
		return errUsage
	}
	if *format != "json" && *format != "yaml" {
		fmt.Fprintf(stderr, "ingest: --format %q: use json or yaml\n", *format)
		return errUsage
	}
	if *maxBytes <= 0 {
		fmt.Fprintf(stderr, "ingest: --max-bytes %d: give a positive number of bytes\n", *maxBytes)
		return errUsage
	}
	var pub domain.Date
	if *published != "" {
		d, err := domain.ParseDate(*published)
		if err != nil {
			fmt.Fprintf(stderr, "ingest: --published: %v\n", err)
			return errUsage
		}
		pub = d
	}
	if *score != "" && len(files) != 1 {
		fmt.Fprintln(stderr, "ingest: --score takes exactly one FILE")
		return errUsage
	}
	if *urlFlag != "" && len(files) > 1 {
		fmt.Fprintln(stderr, "ingest: --url names one report; give one FILE with it")
		return errUsage
	}

	opts := ingest.Options{MaxBytes: *maxBytes, Published: pub}
	var store domain.Store
	if *apply {
		if open == nil {
			return errors.New("ingest: no store to apply to")
		}
		s, err := open(ctx)
		if err != nil {
			return fmt.Errorf("ingest: opening the store: %w", err)
		}
		defer s.Close(context.WithoutCancel(ctx))
		store = s
		g, err := ingest.FromStore(ctx, s, nil)
		if err != nil {
			return fmt.Errorf("ingest: reading the store's names: %w", err)
		}
		opts.Gazetteer = g
	}

	type fileResult struct {
		File   string         `json:"file" yaml:"file"`
		Draft  *ingest.Draft  `json:"draft,omitempty" yaml:"draft,omitempty"`
		Result *ingest.Result `json:"result,omitempty" yaml:"result,omitempty"`
		Error  string         `json:"error,omitempty" yaml:"error,omitempty"`
	}
	var out []fileResult
	failed, created, merged := 0, 0, 0
	many := len(files) > 1
	for i, f := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		fr := fileResult{File: f}
		progress := ""
		d, err := extractFile(f, opts)
		if err == nil {
			fr.Draft = d
			progress = summarise(d)
			if *score != "" {
				sf := "text"
				fs.Visit(func(f *flag.Flag) {
					if f.Name == "format" {
						sf = *format
					}
				})
				return scoreDraft(d, *score, sf, stdout)
			}
			if *apply {
				var res *ingest.Result
				res, err = ingest.Apply(ctx, store, d, ingest.SourceInfo{URL: *urlFlag, Publisher: *publisher, Title: *title, Published: pub})
				if err == nil {
					fr.Result = res
					fr.Draft = nil
					if res.Meeting == "created" {
						created++
					} else {
						merged++
					}
					progress += fmt.Sprintf("; %s %s (%d people added, %d recommendations added)", res.Meeting, res.MeetingID, res.NewAppearances, res.NewRecommendations)
				}
			}
		}
		if err != nil {
			failed++
			fr.Error = domain.ErrorMessage(err)
			if domain.ErrorCode(err) == domain.EINTERNAL {
				fr.Error = err.Error()
			}
			progress = "error: " + fr.Error
		}
		if many || err != nil {
			fmt.Fprintf(stderr, "[%d/%d] %s: %s\n", i+1, len(files), filepath.Base(f), progress)
		}
		out = append(out, fr)
	}
	var v any = out
	if !many {
		switch {
		case out[0].Result != nil:
			v = out[0].Result
		case out[0].Draft != nil:
			v = out[0].Draft
		default:
			v = nil
		}
	}
	if v != nil {
		if err := write(stdout, *format, v); err != nil {
			return err
		}
	}
	if many {
		line := fmt.Sprintf("ingest: %d files, %d read, %d failed", len(files), len(files)-failed, failed)
		if *apply {
			line += fmt.Sprintf("; meetings: %d created, %d merged", created, merged)
		} else {
			line += "; dry run, nothing written (use --apply)"
		}
		fmt.Fprintln(stderr, line)
	}
	if failed > 0 {
		return fmt.Errorf("ingest: %d of %d files failed", failed, len(files))
	}
	return nil
}

// extractFile reads and extracts one file.
func extractFile(path string, opts ingest.Options) (*ingest.Draft, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		return nil, fmt.Errorf("%s is a directory", path)
	}
	if st.Size() > int64(opts.MaxBytes) {
		// do not read a huge file into memory only to refuse it
		return nil, domain.Wrap(domain.Invalidf("", "the input is %d bytes long; the limit is %d (raise it with --max-bytes)", st.Size(), opts.MaxBytes), ingest.ErrTooLarge)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return ingest.Extract(b, opts)
}

// summarise says what a draft holds, in one line.
func summarise(d *ingest.Draft) string {
	meetings := 0
	if d.Meeting.Council != "" || d.Meeting.Date != "" {
		meetings = 1
	}
	s := fmt.Sprintf("%d meeting, %d speakers, %d recommendations", meetings, len(d.Speakers), len(d.Recommendations))
	if d.Language != "en" {
		s += fmt.Sprintf(" (language %s)", d.Language)
	}
	if len(d.Warnings) > 0 {
		s += fmt.Sprintf(", %d warnings", len(d.Warnings))
	}
	return s
}

func write(w io.Writer, format string, v any) error {
	if format == "yaml" {
		enc := yaml.NewEncoder(w)
		enc.SetIndent(2)
		if err := enc.Encode(v); err != nil {
			return err
		}
		return enc.Close()
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func readDraft(path string) (*ingest.Draft, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var d ingest.Draft
	if strings.HasSuffix(path, ".yaml") || strings.HasSuffix(path, ".yml") {
		err = yaml.Unmarshal(b, &d)
	} else {
		err = json.Unmarshal(b, &d)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &d, nil
}

func scoreDraft(got *ingest.Draft, expectedPath, format string, stdout io.Writer) error {
	want, err := readDraft(expectedPath)
	if err != nil {
		return err
	}
	r := ingest.Score(got, want)
	if format == "json" || format == "yaml" {
		if format == "yaml" {
			return write(stdout, "yaml", r)
		}
		return write(stdout, "json", r)
	}
	_, err = io.WriteString(stdout, r.String())
	return err
}

// ingestScoreCmd implements "expertgraph ingest score".
func ingestScoreCmd(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("ingest score", flag.ContinueOnError)
	fs.SetOutput(stderr)
	expected := fs.String("expected", "", "the expected draft (JSON or YAML)")
	format := fs.String("format", "text", "output: text, json or yaml")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return errUsage
	}
	if *expected == "" || fs.NArg() != 1 {
		fmt.Fprintln(stderr, "usage: expertgraph ingest score --expected EXPECTED.json DRAFT.json")
		return errUsage
	}
	got, err := readDraft(fs.Arg(0))
	if err != nil {
		return err
	}
	return scoreDraft(got, *expected, *format, stdout)
}
