package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzExtract checks that extract (without Extract's recover) never panics
// and that whatever it returns points into the input: names are spans of
// it and every span is in range.
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
		text := collapse(string(in))
		check := func(what string, e Evidence) {
			if e.Start < 0 || e.End > n || e.Start > e.End {
				t.Fatalf("%s: span [%d,%d) outside the input of %d code points", what, e.Start, e.End, n)
			}
		}
		for _, s := range d.Speakers {
			check("speaker "+s.Name, s.Evidence)
			if !strings.Contains(text, s.Name) {
				t.Fatalf("speaker %q is not in the input", s.Name)
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
