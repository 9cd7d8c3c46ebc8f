package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/expertgraph/expertgraph/internal/domain"
	"github.com/expertgraph/expertgraph/internal/ingest"
	"github.com/expertgraph/expertgraph/internal/memstore"
)

const ingestTestdata = "../../internal/ingest/testdata/"

// runIngest runs ingestCmd against store s (a new in-memory store if nil).
func runIngest(t *testing.T, s domain.Store, args ...string) (string, string, error) {
	t.Helper()
	if s == nil {
		var err error
		if s, err = memstore.Open(""); err != nil {
			t.Fatal(err)
		}
	}
	open := func(context.Context) (domain.Store, error) { return nopClose{s}, nil }
	var out, errOut bytes.Buffer
	err := ingestCmd(context.Background(), args, func(string) string { return "" }, &out, &errOut, open)
	return out.String(), errOut.String(), err
}

// nopClose keeps the test's store open after ingestCmd closes it.
type nopClose struct{ domain.Store }

func (nopClose) Close(context.Context) error { return nil }

func TestIngestPrintsDraft(t *testing.T) {
	for _, format := range []string{"json", "yaml"} {
		out, stderr, err := runIngest(t, nil, "--format", format, ingestTestdata+"kz-uz-forum-2023.txt")
		if err != nil {
			t.Fatalf("%s: %v\n%s", format, err, stderr)
		}
		if format == "yaml" {
			if !strings.Contains(out, "date: \"2023-03-14\"") && !strings.Contains(out, "date: 2023-03-14") {
				t.Errorf("yaml draft without the date:\n%s", out)
			}
			continue
		}
		var d ingest.Draft
		if err := json.Unmarshal([]byte(out), &d); err != nil {
			t.Fatalf("not a JSON draft: %v\n%s", err, out)
		}
		if d.Meeting.Date != "2023-03-14" || d.Meeting.City != "Tashkent" || d.Meeting.Ordinal != 3 {
			t.Errorf("meeting %+v", d.Meeting)
		}
		for _, s := range d.Speakers {
			if s.Name == "" {
				t.Errorf("a speaker without a name")
			}
		}
		if len(d.Speakers) != 6 || len(d.Recommendations) != 6 {
			t.Errorf("%d speakers, %d recommendations", len(d.Speakers), len(d.Recommendations))
		}
	}
}

func TestIngestManyReportsOneMeeting(t *testing.T) {
	s, err := memstore.Open("")
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	files := []string{ingestTestdata + "kz-uz-forum-2023.txt", ingestTestdata + "kz-uz-forum-2023-news.txt", ingestTestdata + "ge-am-roundtable-2022.txt"}
	out, stderr, err := runIngest(t, s, append([]string{"--apply"}, files...)...)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	for _, want := range []string{"[1/3] kz-uz-forum-2023.txt: 1 meeting, 6 speakers, 6 recommendations; created kuef-3",
		"[2/3] kz-uz-forum-2023-news.txt: 1 meeting, 4 speakers, 0 recommendations; merged kuef-3",
		"ingest: 3 files, 3 read, 0 failed; meetings: 2 created, 1 merged"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("progress lacks %q:\n%s", want, stderr)
		}
	}
	var results []struct {
		Result ingest.Result `json:"result"`
	}
	if err := json.Unmarshal([]byte(out), &results); err != nil || len(results) != 3 {
		t.Fatalf("results: %v\n%s", err, out)
	}
	ms, err := s.ListMeetings(ctx, domain.MeetingQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if ms.TotalCount != 2 {
		t.Fatalf("%d meetings, want 2 (one per council)", ms.TotalCount)
	}
	got, _ := s.Meetings(ctx, []string{"kuef-3"})
	if got[0] == nil || len(got[0].Sources) != 2 {
		t.Fatalf("kuef-3 = %+v; want two sources", got[0])
	}
	aps, _ := s.AppearancesByMeeting(ctx, []string{"kuef-3"})
	names := map[string]bool{}
	for _, a := range aps[0] {
		names[a.PersonID] = true
	}
	// 6 from the first report; the second adds Bakhtiyor Saidov and Gulnara
	// Iskakova (Akmal Saidov is another person) and repeats two.
	if len(aps[0]) != 8 || !names["bakhtiyor-saidov"] || !names["akmal-saidov"] || !names["gulnara-iskakova"] {
		t.Errorf("appearances %v", names)
	}
	// Every node the reports made names the report it came from.
	before, _ := s.Export(ctx)
	unsourced := func(kind, id string, refs []domain.SourceRef) {
		if len(refs) == 0 {
			t.Errorf("%s %s was made from a report but cites none", kind, id)
		}
	}
	for _, x := range before.Countries {
		unsourced("country", x.ID, x.Sources)
	}
	for _, x := range before.Places {
		unsourced("place", x.ID, x.Sources)
	}
	for _, x := range before.Institutions {
		unsourced("institution", x.ID, x.Sources)
	}
	for _, x := range before.Initiatives {
		unsourced("initiative", x.ID, x.Sources)
	}
	for _, x := range before.Themes {
		unsourced("theme", x.ID, x.Sources)
	}
	if len(before.Countries) == 0 || len(before.Places) == 0 || len(before.Initiatives) == 0 || len(before.Themes) == 0 {
		t.Errorf("the reports made %d countries, %d places, %d initiatives, %d themes; want some of each",
			len(before.Countries), len(before.Places), len(before.Initiatives), len(before.Themes))
	}
	// Applying again changes nothing.
	if _, stderr, err := runIngest(t, s, append([]string{"--apply"}, files...)...); err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	after, _ := s.Export(ctx)
	b1, _ := json.Marshal(before)
	b2, _ := json.Marshal(after)
	if !bytes.Equal(b1, b2) {
		t.Errorf("applying the same reports twice changed the store")
	}
}

func TestIngestVariantSpellingsMerge(t *testing.T) {
	s, _ := memstore.Open("")
	dir := t.TempDir()
	a := filepath.Join(dir, "a.txt")
	b := filepath.Join(dir, "b.txt")
	os.WriteFile(a, []byte("https://example.org/a\nOn 2 May 2024, Baku hosted the first meeting of the Azerbaijan–Kazakhstan Expert Council. Opening remarks were delivered by Hikmet Hajiyev, Advisor to the President of Azerbaijan, and Yerlan Karin, State Counsellor of Kazakhstan."), 0o644)
	os.WriteFile(b, []byte("https://example.org/b\nBAKU, May 2. The first meeting of the Azerbaijani-Kazakh Expert Council is underway in Baku. Adviser Hikmet Gadzhiev said the council would meet every year."), 0o644)
	if _, stderr, err := runIngest(t, s, "--apply", a, b); err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	st, _ := s.Stats(context.Background())
	if st.Nodes[domain.KindMeeting] != 1 || st.Nodes[domain.KindPerson] != 2 || st.Nodes[domain.KindCouncil] != 1 {
		t.Errorf("stats %+v; want one council, one meeting, two people", st)
	}
	p, _ := s.People(context.Background(), []string{"hikmet-hajiyev"})
	if p[0] == nil || len(p[0].Aliases) != 1 || p[0].Aliases[0] != "Hikmet Gadzhiev" {
		t.Errorf("hikmet-hajiyev = %+v; want the alias Hikmet Gadzhiev", p[0])
	}
}

func TestIngestBadInput(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	bin := filepath.Join(dir, "bin.pdf")
	big := filepath.Join(dir, "big.txt")
	os.WriteFile(empty, nil, 0o644)
	os.WriteFile(bin, []byte("%PDF\x00\x00\x01\x02"), 0o644)
	os.WriteFile(big, bytes.Repeat([]byte("word "), 1000), 0o644)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{empty}, "the input is empty"},
		{[]string{bin}, "looks binary"},
		{[]string{"--max-bytes", "100", big}, "the limit is 100"},
		{[]string{filepath.Join(dir, "missing.txt")}, "no such file"},
		{[]string{"--format", "xml", empty}, "use json or yaml"},
		{[]string{}, "no FILE given"},
	}
	for _, tt := range tests {
		_, stderr, err := runIngest(t, nil, tt.args...)
		if err == nil || !strings.Contains(stderr, tt.want) {
			t.Errorf("ingest %v: err %v, stderr %q; want %q", tt.args, err, stderr, tt.want)
		}
	}
	// --apply without a URL anywhere is refused, not guessed.
	noURL := filepath.Join(dir, "nourl.txt")
	os.WriteFile(noURL, []byte("On 2 May 2024, Baku hosted the first meeting of the Azerbaijan–Kazakhstan Expert Council."), 0o644)
	if _, stderr, err := runIngest(t, nil, "--apply", noURL); err == nil || !strings.Contains(stderr, "needs an http(s) URL") {
		t.Errorf("apply without URL: %v %q", err, stderr)
	}
}

func TestIngestScore(t *testing.T) {
	dir := t.TempDir()
	draft, _, err := runIngest(t, nil, ingestTestdata+"ge-am-roundtable-2022.txt")
	if err != nil {
		t.Fatal(err)
	}
	dp := filepath.Join(dir, "draft.json")
	os.WriteFile(dp, []byte(draft), 0o644)
	out, stderr, err := runIngest(t, nil, "score", "--expected", ingestTestdata+"ge-am-roundtable-2022.expected.json", dp)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	if !strings.Contains(out, "speakers                    3    0    0      1.00    1.00") {
		t.Errorf("score:\n%s", out)
	}
	out2, _, err := runIngest(t, nil, "--score", ingestTestdata+"ge-am-roundtable-2022.expected.json", ingestTestdata+"ge-am-roundtable-2022.txt")
	if err != nil || out2 != out {
		t.Errorf("--score differs from score: %v\n%s\n%s", err, out2, out)
	}
}
