package ingest

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// document is the input made ready for reading: text is the input with
// markup removed (for HTML) or the input itself with invalid bytes blanked
// (for plain text); pos maps each byte of text to its byte offset in the
// original (nil when the two are the same). paras are the paragraphs worth
// reading, furniture and repeats left out.
type document struct {
	orig   []byte
	text   string
	pos    []int32
	paras  []para
	url    string      // the URL on the first line, if any
	pub    domain.Date // the publication date the report gives for itself
	pubEv  span
	runeAt []int32 // byte offset in orig -> code point offset; built on demand
	// nonSpace[i] counts the bytes of text[:i] that are not \s (ASCII
	// white space, as regexp reads it); wordStart[i] is where the run of
	// \w bytes holding text[i] starts. Built on demand, by tailStart.
	nonSpace, wordStart []int32
}

// para is a paragraph of document.text: [start, end) in bytes.
type para struct {
	start, end int
	bullet     bool // it began with a bullet glyph or a number; start is past it
	meta       bool // a dateline or header line: read for dates only
}

// span is a byte range of document.text.
type span struct{ start, end int }

// checkInput refuses what cannot be a report.
func checkInput(b []byte, max int) error {
	if max <= 0 {
		max = DefaultMaxBytes
	}
	if len(b) > max {
		return domain.Wrap(domain.Invalidf("", "the input is %d bytes long; the limit is %d (raise it with --max-bytes)", len(b), max), ErrTooLarge)
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return domain.Wrap(domain.Invalidf("", "the input is empty"), ErrEmpty)
	}
	nul, bad, total := 0, 0, 0
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		total++
		switch {
		case r == utf8.RuneError && n == 1:
			bad++
		case r == 0:
			nul++
		}
		i += n
	}
	if nul > 0 || bad*2 > total {
		return domain.Wrap(domain.Invalidf("", "the input looks binary (%d NUL bytes, %d of %d characters not UTF-8): give a text or HTML report", nul, bad, total), ErrBinary)
	}
	return nil
}

var htmlTagRe = regexp.MustCompile(`(?i)<(?:!doctype\s+html|html|head|body|p|div|span|br|li|ul|ol|h[1-6]|article|section|a\s|table|meta|title|script)[\s/>]`)

// looksHTML reports whether b is markup rather than text.
func looksHTML(b []byte) bool {
	head := b
	if len(head) > 4096 {
		head = head[:4096]
	}
	return len(htmlTagRe.FindAllIndex(head, 4)) >= 3 || bytes.HasPrefix(bytes.ToLower(bytes.TrimSpace(head)), []byte("<!doctype html"))
}

// newDocument reads b, plain text or HTML, into a document.
func newDocument(b []byte) *document {
	d := &document{orig: b}
	if looksHTML(b) {
		d.text, d.pos = stripHTML(b)
	} else {
		// Keep offsets: replace each invalid byte and control character by
		// one space byte.
		t := []byte(string(b))
		if !utf8.Valid(b) || bytes.IndexByte(b, 0) >= 0 {
			t = make([]byte, len(b))
			copy(t, b)
			for i := 0; i < len(t); {
				r, n := utf8.DecodeRune(t[i:])
				if (r == utf8.RuneError && n == 1) || r == 0 {
					t[i] = ' '
				}
				i += n
			}
		}
		d.text = string(t)
	}
	d.split()
	return d
}

// origByte returns the original byte offset of text offset i.
func (d *document) origByte(i int) int {
	if d.pos == nil {
		return i
	}
	if i >= len(d.pos) {
		return len(d.orig)
	}
	return int(d.pos[i])
}

// evidence converts a byte span of text into code point offsets of the original.
func (d *document) evidence(s span, conf float64) Evidence {
	if d.runeAt == nil {
		d.runeAt = make([]int32, len(d.orig)+1)
		n := int32(0)
		for i := 0; i < len(d.orig); {
			_, w := utf8.DecodeRune(d.orig[i:])
			for k := 0; k < w; k++ {
				d.runeAt[i+k] = n
			}
			i += w
			n++
		}
		d.runeAt[len(d.orig)] = n
	}
	s.start = max(0, min(s.start, len(d.text)))
	s.end = max(s.start, min(s.end, len(d.text)))
	a, b := d.origByte(s.start), d.origByte(s.end)
	if s.end > s.start && d.pos != nil && s.end-1 < len(d.pos) {
		// the end maps after the last character's original byte
		last := int(d.pos[s.end-1])
		_, w := utf8.DecodeRune(d.orig[last:])
		if last+w > b || b < a {
			b = last + w
		}
	}
	if b < a {
		b = a
	}
	return Evidence{Start: int(d.runeAt[a]), End: int(d.runeAt[b]), Confidence: round2(conf)}
}

// tailStart returns where a pattern anchored at the end of text[start:end]
// ("...\s+$") can be looked for, so that each search reads a bounded part of
// a long sentence rather than all of it: the shortest tail of
// text[start:end] that holds k bytes other than ASCII white space. A match
// of a pattern that holds fewer than k such bytes lies in that tail, and
// the pattern finds it there just as in the whole: it cannot start at the
// tail's first byte, so what stands before the tail does not matter. With
// word set, a pattern may also hold one \w+ word of any length: the tail
// is then widened to the start of the word it begins in, and by k more
// bytes before that (a match whose word lies after the first cut starts
// less than k bytes before that word; one whose word straddles the cut
// starts less than k bytes before the word's start; and no match lies
// before the cut, as it would hold k bytes besides its word).
func (d *document) tailStart(start, end, k int, word bool) int {
	if end-start <= k {
		return start
	}
	d.buildTail()
	p := d.cut(start, end, k)
	if word {
		if p > start && isWordByte(d.text[p-1]) && isWordByte(d.text[p]) {
			p = max(start, int(d.wordStart[p]))
		}
		p = d.cut(start, p, k)
	}
	return p
}

// headEnd returns where the shortest head of text[start:end] that holds k
// bytes other than ASCII white space ends, or end.
func (d *document) headEnd(start, end, k int) int {
	if end-start <= k {
		return end
	}
	d.buildTail()
	target := d.nonSpace[start] + int32(k)
	if d.nonSpace[end] < target {
		return end
	}
	return start + sort.Search(end-start+1, func(i int) bool { return d.nonSpace[start+i] >= target })
}

// cut returns the largest p in [start, end] such that text[p:end] holds at
// least k bytes that are not white space, or start.
func (d *document) cut(start, end, k int) int {
	target := d.nonSpace[end] - int32(k)
	if target <= d.nonSpace[start] {
		return start
	}
	// the first p with nonSpace[p] > target, less one
	return start + sort.Search(end-start+1, func(i int) bool { return d.nonSpace[start+i] > target }) - 1
}

func (d *document) buildTail() {
	if d.nonSpace != nil {
		return
	}
	n := len(d.text)
	d.nonSpace = make([]int32, n+1)
	d.wordStart = make([]int32, n+1)
	for i := 0; i < n; i++ {
		c := d.text[i]
		d.nonSpace[i+1] = d.nonSpace[i]
		if !isRegexpSpace(c) {
			d.nonSpace[i+1]++
		}
		d.wordStart[i] = int32(i)
		if i > 0 && isWordByte(c) && isWordByte(d.text[i-1]) {
			d.wordStart[i] = d.wordStart[i-1]
		}
	}
	d.wordStart[n] = int32(n)
}

// isRegexpSpace is \s of package regexp.
func isRegexpSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// isWordByte is \w of package regexp (its \b is between a \w and a non-\w).
func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

func round2(f float64) float64 { return float64(int(f*100+0.5)) / 100 }

// Furniture: lines that belong to the page, not to the report.
//
// It is two patterns, so that the branches that first skip up to 60
// characters (slow, as each is tried at each of them) are tried only on a
// line that ends as they do: isFurniture.
var (
	furnitureRe     = regexp.MustCompile(`(?i)^(?:rate this (?:article|news|material)|\(?votes?:?\s*\d+(?:,\s*rating:?\s*[\d.,]+)?\)?|\(?\d+\s+votes?\)?|rating:?\s*[\d.,]+|share(?: this)?(?: article| news| on \w+)?|tweet|print|e-?mail|poll(?: conducted| results)?|vote|results|read more|tags:?|latest|related(?: articles| news)?|leave a reply|back to top(?: button)?|for (?:business|researchers|students|media|partners|experts)|subscribe.*|stay up-to-date.*|follow us.*|your email address will not be published.*|required fields are marked.*|comments?|home|menu|search|login|log in|sign in|sign up|register|advertisement|photo|video|source:.*|details added.*|\+\s*↺\s*−.*|[\p{Cyrillic}\s]{1,40})$`)
	furnitureTailRe = regexp.MustCompile(`(?i)^(?:.{0,40}\bread more|.{0,60}\(\s*photos?\s*\)|.{0,60}\(\s*video\s*\))$`)
)

// isFurniture reports whether a line is page furniture: a match of
// furnitureRe, or of furnitureTailRe, which ends in "read more" or ")".
func isFurniture(t string) bool {
	if furnitureRe.MatchString(t) {
		return true
	}
	if !strings.HasSuffix(t, ")") && !(len(t) >= len("read more") && strings.EqualFold(t[len(t)-len("more"):], "more")) {
		return false
	}
	return furnitureTailRe.MatchString(t)
}

// countRe is a vote count of a poll option: "33 (31%)".
var countRe = regexp.MustCompile(`^\d+\s*\(\s*\d+(?:[.,]\d+)?\s*%\s*\)$`)

// metaRe is a header line with a publication time: "Politics Materials 21
// June 2024 12:18 (UTC +04:00)".
var metaRe = regexp.MustCompile(`(?i)\b\d{1,2}:\d{2}\b.*(?:\(UTC|GMT|$)|^\s*(?:politics|economy|society|news)\s+materials\b`)

// leadingDateRe is a scraper's date prefix: " date 2024-06-22".
var leadingDateRe = regexp.MustCompile(`^\s*date\s+(\d{4}-\d{2}-\d{2})\s*`)

var urlLineRe = regexp.MustCompile(`^https?://\S+$`)

// bulletRe is a bullet glyph or a number at the start of a line.
var bulletRe = regexp.MustCompile(`^(?:[•·▪▫◦‣●○■□►▸▹➢➤✓✔\-*–—]|\(?\d{1,2}[.)]|\(?[a-z][)])\s+`)

func isSpaceRune(r rune) bool {
	return unicode.IsSpace(r) || r == '\u00a0' || r == '\ufeff' || r == '\u200b'
}

// trimSpan trims white space off both ends of text[s.start:s.end].
func trimSpan(text string, s span) span {
	s.start = max(0, min(s.start, len(text)))
	s.end = max(s.start, min(s.end, len(text)))
	for s.start < s.end {
		r, n := utf8.DecodeRuneInString(text[s.start:])
		if !isSpaceRune(r) {
			break
		}
		s.start += n
	}
	for s.end > s.start {
		r, n := utf8.DecodeLastRuneInString(text[:s.end])
		if !isSpaceRune(r) {
			break
		}
		s.end -= n
	}
	return s
}

// collapse folds white space for comparing paragraphs: the words of s
// (strings.FieldsFunc(s, isSpaceRune)) joined by single spaces.
func collapse(s string) string {
	// most text has nothing to fold: return it as it is
	clean := true
	prevSpace := true // at the start, a space is one too many
	for _, r := range s {
		sp := isSpaceRune(r)
		if sp && (prevSpace || r != ' ') {
			clean = false
			break
		}
		prevSpace = sp
	}
	if clean && !prevSpace || s == "" {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	start := -1 // of the current word
	for i, r := range s {
		if isSpaceRune(r) {
			if start >= 0 {
				if b.Len() > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(s[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s[start:])
	}
	return b.String()
}

// split cuts text into lines, drops furniture, joins hard-wrapped lines into
// paragraphs and drops paragraphs seen before.
func (d *document) split() {
	type line struct {
		s      span
		bullet bool
		meta   bool
	}
	var lines []line
	blank := func() { lines = append(lines, line{}) }
	start := 0
	first := true
	for start <= len(d.text) {
		end := strings.IndexByte(d.text[start:], '\n')
		if end < 0 {
			end = len(d.text)
		} else {
			end += start
		}
		s := trimSpan(d.text, span{start, end})
		start = end + 1
		if s.start == s.end {
			blank()
			continue
		}
		t := d.text[s.start:s.end]
		if first {
			first = false
			if urlLineRe.MatchString(t) {
				d.url = t
				blank()
				continue
			}
		}
		if m := leadingDateRe.FindStringSubmatchIndex(t); m != nil {
			if dt, err := domain.ParseDate(t[m[2]:m[3]]); err == nil && d.pub.IsZero() {
				d.pub = dt
				d.pubEv = span{s.start + m[2], s.start + m[3]}
			}
			s.start += m[1]
			t = d.text[s.start:s.end]
			if t == "" {
				blank()
				continue
			}
		}
		if isFurniture(t) || countRe.MatchString(t) {
			blank()
			continue
		}
		l := line{s: s}
		if m := bulletRe.FindStringIndex(t); m != nil && len(t) > m[1] {
			l.bullet = true
			l.s.start += m[1]
		}
		if len(t) < 90 && metaRe.MatchString(t) {
			l.meta = true
		}
		lines = append(lines, l)
	}
	// Polls: an option is a line followed by its vote count; the question
	// before the options ends with "?". Counts are already gone, so look for
	// them in the original lines again.
	lines = dropPolls(d.text, lines, func(l line) span { return l.s }, func(l *line) { *l = line{} })

	seen := map[string]bool{}
	var cur *para
	flush := func() {
		if cur == nil {
			return
		}
		key := collapse(d.text[cur.start:cur.end])
		if !seen[key] {
			seen[key] = true
			d.paras = append(d.paras, *cur)
		}
		cur = nil
	}
	for _, l := range lines {
		if l.s.start == l.s.end {
			flush()
			continue
		}
		if cur != nil && !l.bullet && !l.meta && !cur.meta && joins(d.text[cur.start:cur.end], d.text[l.s.start:l.s.end]) {
			cur.end = l.s.end
			continue
		}
		flush()
		cur = &para{start: l.s.start, end: l.s.end, bullet: l.bullet, meta: l.meta}
	}
	flush()
	if d.pub.IsZero() && d.url != "" {
		// a date in the URL's path: /2023/03/14/
		if m := urlDateRe.FindStringSubmatch(d.url); m != nil {
			if dt, err := domain.ParseDate(m[1] + "-" + m[2] + "-" + m[3]); err == nil {
				d.pub = dt
			}
		}
	}
	if d.pub.IsZero() {
		for _, p := range d.paras {
			if !p.meta {
				continue
			}
			for _, c := range findDates(d.text[p.start:p.end], p.start) {
				if c.d.Precision() == domain.PrecisionDay {
					d.pub, d.pubEv = c.d, c.s
					break
				}
			}
			if !d.pub.IsZero() {
				break
			}
		}
	}
}

// joins reports whether next continues prev, a hard-wrapped line: prev is
// long and does not end a sentence, and next does not start a new item.
func joins(prev, next string) bool {
	if len(prev) < 50 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(prev)
	if strings.ContainsRune(".!?:;\"”»", r) {
		return false
	}
	return true
}

var pollHeadRe = regexp.MustCompile(`(?i)^(?:poll|poll conducted|vote|survey|opinion poll)$`)

// dropPolls blanks poll questions and options: the lines between a line
// whose next non-blank original line is a vote count, and the question
// ending in "?" that precedes a run of options.
func dropPolls[L any](text string, lines []L, sp func(L) span, clear func(*L)) []L {
	// Find vote counts in the original text (they were blanked already):
	// an option is a line whose next non-empty line in text is a count.
	isOption := func(s span) bool {
		rest := text[s.end:]
		for _, ln := range strings.SplitN(rest, "\n", 4)[1:] {
			t := strings.TrimFunc(ln, isSpaceRune)
			if t == "" {
				continue
			}
			return countRe.MatchString(t)
		}
		return false
	}
	for i := range lines {
		s := sp(lines[i])
		if s.start == s.end {
			continue
		}
		t := text[s.start:s.end]
		if isOption(s) {
			clear(&lines[i])
			// the question: the nearest preceding non-blank line ending in "?"
			for j := i - 1; j >= 0 && j >= i-4; j-- {
				sj := sp(lines[j])
				if sj.start == sj.end {
					continue
				}
				if strings.HasSuffix(text[sj.start:sj.end], "?") {
					clear(&lines[j])
				}
				break
			}
			continue
		}
		if pollHeadRe.MatchString(t) {
			clear(&lines[i])
		}
	}
	return lines
}

// String helps debugging: the paragraphs, one a line.
func (d *document) String() string {
	var b strings.Builder
	for _, p := range d.paras {
		fmt.Fprintf(&b, "[%d:%d bullet=%v meta=%v] %s\n", p.start, p.end, p.bullet, p.meta, d.text[p.start:p.end])
	}
	return b.String()
}

var urlDateRe = regexp.MustCompile(`/((?:19|20)\d{2})/(\d{2})/(\d{2})/`)
