package ingest

import (
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"time"
)

// adversarial are inputs built to make extraction slow if any part of it is
// quadratic: long runs of what a part reads again and again (parentheses
// before one close, separators, bullets, list intros with no end, words
// without spaces, nested markup).
var adversarial = []struct{ name, head, unit, tail string }{
	{"parens", "", "(", ")"},
	{"semicolons", "", "; ", ""},
	{"bullets", "", "•", ""},
	{"bullet-lines", "Speakers:\n", "• Ivan Timofeev, Director General of RIAC and of the Council\n", ""},
	{"opening-speeches", "", "Opening speeches were delivered by A B, C; ", ""},
	{"moderators", "", "moderated by Ivan Timofeev and ", ""},
	{"long-list", "The speakers were ", "Ivan Petrov of the Institute, Oleg Ivanov (RIAC) and the Center, ", "."},
	{"speech", "", "Ivan Petrov said that Oleg Ivanov noted ", ""},
	{"acronyms", "", "Foo Bar (FB) and ", ""},
	{"organisers", "It was jointly organized by the Kazakhstan Institute", " and ", "."},
	{"organisers-commas", "It was jointly organized by the Institute", " and x, y", "."},
	{"councils", "", "the third meeting of the Russia–Azerbaijan Expert Council and ", ""},
	{"titles", "Ivan Petrov, ", "Director of the Institute of the Center of ", "said."},
	{"no-spaces", "", "Ivanovicholeg", ""},
	{"html-nesting", "<html><body>", "<div><span>", "</span></div>"},
}

// adversarialInput returns input a of n bytes (about).
func adversarialInput(a struct{ name, head, unit, tail string }, n int) []byte {
	var b strings.Builder
	b.WriteString(a.head)
	for b.Len()+len(a.unit)+len(a.tail) <= n {
		b.WriteString(a.unit)
	}
	b.WriteString(a.tail)
	return []byte(b.String())
}

// minTime returns the least time extract takes on in, of runs runs.
func minTime(in []byte, runs int) time.Duration {
	best := time.Duration(1<<63 - 1)
	for i := 0; i < runs; i++ {
		runtime.GC()
		t0 := time.Now()
		if _, err := extract(in, Options{MaxBytes: 1 << 20}); err != nil {
			panic(err)
		}
		best = min(best, time.Since(t0))
	}
	return best
}

// TestExtractIsLinear checks that extraction takes time in proportion to
// the input: 64 KiB of an adversarial input is 32 times 2 KiB of it, so a
// linear extractor takes some 32 times as long on it and a quadratic one
// some 1000 times. The test fails when the ratio is nearer the quadratic
// (on a log scale: above 32^1.5, about 181), so that a busy machine, which
// has been seen to push a linear part to 54, does not fail it. It compares
// times rather than setting a limit; each is the least of a few runs,
// without the garbage collector (whose work grows with the heap the test
// happens to have, not with the input alone).
func TestExtractIsLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("times extraction")
	}
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	const small, large, maxRatio = 2 << 10, 64 << 10, 181
	for _, a := range adversarial {
		t.Run(a.name, func(t *testing.T) {
			s, l := adversarialInput(a, small), adversarialInput(a, large)
			minTime(s, 1) // warm up
			// the sizes in turn, so that a busy spell of the machine
			// slows both; more turns while the ratio is high
			ts, tl := time.Duration(1<<63-1), time.Duration(1<<63-1)
			var ratio float64
			for turn := 0; turn < 6; turn++ {
				ts, tl = min(ts, minTime(s, 3)), min(tl, minTime(l, 1))
				if ratio = float64(tl) / float64(max(ts, time.Microsecond)); turn >= 1 && ratio < maxRatio*0.8 {
					break
				}
			}
			t.Logf("%d bytes: %v, %d bytes: %v, ratio %.1f", len(s), ts, len(l), tl, ratio)
			if ratio > maxRatio {
				t.Errorf("%d bytes take %.1f times as long as %d bytes (%v, %v): extraction is not linear", len(l), ratio, len(s), tl, ts)
			}
		})
	}
}

// BenchmarkExtract measures Extract on each test report and on 64 KiB of
// each adversarial input.
func BenchmarkExtract(b *testing.B) {
	files, _ := filepath.Glob("testdata/*.txt")
	html, _ := filepath.Glob("testdata/*.html")
	for _, p := range append(files, html...) {
		in, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(filepath.Base(p), func(b *testing.B) { benchExtract(b, in) })
	}
	for _, a := range adversarial {
		in := adversarialInput(a, 64<<10)
		b.Run("64KiB-"+a.name, func(b *testing.B) { benchExtract(b, in) })
	}
}

func benchExtract(b *testing.B, in []byte) {
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Extract(in, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
