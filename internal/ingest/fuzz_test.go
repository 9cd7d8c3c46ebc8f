package ingest

import (
	"os"
	"path/filepath"
	"sort"
	"testing"
	"unicode/utf8"
)

// FuzzExtract checks that extract (without Extract's recover) never panics
// and that whatever it returns points into the input: every span is in
// range, and each name is the text at its span (the text extract reads:
// for HTML, without the markup; for plain text, with a byte that is not
// UTF-8 read as a space).
//
// Run it with a bound on the time spent minimizing each new input:
//
//	go test -run '^$' -fuzz FuzzExtract -fuzztime 60s -fuzzminimizetime 5s ./internal/ingest
//
// The default (60s) makes a short run spend nearly all its time
// minimizing the first inputs that reach new code, which, for inputs of
// the size of a report, tries each of their substrings.
func FuzzExtract(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.txt")
	html, _ := filepath.Glob("testdata/*.html")
	for _, p := range append(files, html...) {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("Opening speeches were delivered by ; , and"))
	f.Add([]byte("<p>&amp;&#x;&nbsp</p><li>• –"))
	f.Add([]byte("(RIAC) (AIR Center, ) ()) ((("))
	f.Add([]byte("BAKU, Azerbaijan, June 31. The 99th meeting of the Russia–Russia Council."))
	f.Fuzz(func(t *testing.T, in []byte) {
		d, err := extract(in, Options{MaxBytes: 1 << 16})
		if err != nil {
			return
		}
		n := utf8.RuneCount(in)
		check := func(what string, e Evidence) {
			if e.Start < 0 || e.End > n || e.Start > e.End {
				t.Fatalf("%s: span [%d,%d) outside the input of %d code points", what, e.Start, e.End, n)
			}
		}
		text := textAt(newDocument(in))
		for _, s := range d.Speakers {
			check("speaker "+s.Name, s.Evidence)
			if got := collapse(text(s.Evidence)); got != s.Name {
				t.Fatalf("speaker %q: its span reads %q", s.Name, got)
			}
		}
		for k, e := range d.Meeting.Evidence {
			check("meeting."+k, e)
		}
		for _, r := range d.Recommendations {
			check("recommendation", r.Evidence)
		}
		for _, o := range d.Organisers {
			check("organiser", o.Evidence)
		}
	})
}

// textAt returns a function that gives the text of doc that an
// evidence's span of the input holds.
func textAt(doc *document) func(Evidence) string {
	// the byte offset of each code point of the input, and of its end
	var at []int
	for i := range string(doc.orig) {
		at = append(at, i)
	}
	at = append(at, len(doc.orig))
	return func(e Evidence) string {
		a, b := at[min(e.Start, len(at)-1)], at[min(e.End, len(at)-1)]
		// the text whose original bytes are in [a, b): text maps to the
		// input in order
		lo := sort.Search(len(doc.text), func(i int) bool { return doc.origByte(i) >= a })
		hi := sort.Search(len(doc.text), func(i int) bool { return doc.origByte(i) >= b })
		return doc.text[lo:max(lo, hi)]
	}
}
