package ingest

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// Extract reads a meeting report, plain text or HTML, into a Draft. It
// returns an EINVALID error wrapping ErrEmpty, ErrBinary or ErrTooLarge for
// input that cannot be a report; text that is not English gives a draft
// without facts (but for the meeting's identity in Russian and Azerbaijani)
// and a warning. It never panics.
func Extract(text []byte, opts Options) (d *Draft, err error) {
	defer func() {
		// A bug must not take the server down with it; FuzzExtract calls
		// extract directly so that such bugs are found.
		if r := recover(); r != nil {
			d, err = nil, domain.Errorf(domain.EINTERNAL, "ingest: could not read the report: %v", r)
		}
	}()
	return extract(text, opts)
}

func extract(text []byte, opts Options) (*Draft, error) {
	if err := checkInput(text, opts.MaxBytes); err != nil {
		return nil, err
	}
	g := opts.Gazetteer
	if g == nil {
		g = Default()
	}
	g.compile()
	doc := newDocument(text)
	ex := &extractor{doc: doc, g: g, d: newDraft(), pub: opts.Published}
	if ex.pub.IsZero() {
		ex.pub = doc.pub
	}
	ex.d.Source.URL = doc.url
	if !doc.pub.IsZero() {
		ex.d.Source.Published = doc.pub.String()
	} else if !opts.Published.IsZero() {
		ex.d.Source.Published = opts.Published.String()
	}
	var body strings.Builder
	for _, p := range doc.paras {
		if !p.meta {
			body.WriteString(doc.text[p.start:p.end])
			body.WriteByte('\n')
		}
	}
	lang, english := detectLanguage(body.String())
	ex.d.Language = lang
	if len(doc.paras) == 0 {
		ex.warn("no text left once page furniture was removed")
		return ex.d, nil
	}
	if !english {
		ex.foreign(lang)
		return ex.d, nil
	}
	ex.split()
	ex.acronyms()
	ex.meeting()
	ex.organisers()
	ex.speakers()
	ex.publications()
	ex.recommendations()
	ex.tags()
	ex.check()
	return ex.d, nil
}

// extractor holds the state of one Extract.
type extractor struct {
	doc   *document
	g     *Gazetteer
	d     *Draft
	pub   domain.Date
	sents []sentence
	acr   []acronymDef
	// the council the report is about, and its mentions
	council      *councilGroup
	meetingSents []int // indexes into sents
	people       []*person
}

func (ex *extractor) warn(format string, args ...any) {
	ex.d.Warnings = append(ex.d.Warnings, sprintf(format, args...))
}

func (ex *extractor) text(s span) string { return ex.doc.text[s.start:s.end] }

func (ex *extractor) ev(s span, conf float64) Evidence { return ex.doc.evidence(s, conf) }

// split cuts the body paragraphs into sentences.
func (ex *extractor) split() {
	for i, p := range ex.doc.paras {
		if p.meta {
			continue
		}
		for _, s := range sentences(ex.doc.text, span{p.start, p.end}) {
			ex.sents = append(ex.sents, sentence{s: s, para: i, bullet: p.bullet})
		}
	}
}

// acronymDef is "Full Name (ACR)" or "Full Name (ACR, Country)".
type acronymDef struct {
	full, acr string
	country   string // a country ID
	fullS     span
	acrS      span
}

var acrContentRe = regexp.MustCompile(`^(?:[A-ZА-ЯС][A-ZА-Я0-9&]{1,9}(?:\s[A-Z][a-z]+)?|[A-Z][a-z]{1,3}\s(?:Center|Centre))$`)

var connectors = wordSet("of for the and on in at & de")

// cutWords end an institution's name going backwards: titles and the like.
var cutWords = wordSet(strings.ToLower(`Chairman Chairwoman Chair Director General Head Chief President Board Member Ambassador Minister
Deputy Advisor Adviser Assistant Secretary Coordinator Professor Fellow Researcher Editor Rector Dean Representative Envoy
Spokesperson Founder Counsellor Analyst Manager Officer Leader Directors Management MP by with from to between`))

// acronyms finds the acronyms the text defines.
func (ex *extractor) acronyms() {
	t := ex.doc.text
	for _, p := range ex.doc.paras {
		if p.meta {
			continue
		}
		pt := t[p.start:p.end]
		for i := 0; i < len(pt); i++ {
			if pt[i] != '(' {
				continue
			}
			j := strings.IndexByte(pt[i:], ')')
			if j < 0 {
				break
			}
			inner := pt[i+1 : i+j]
			acr, country := inner, ""
			if k := strings.IndexByte(inner, ','); k > 0 {
				acr, country = strings.TrimSpace(inner[:k]), strings.TrimSpace(inner[k+1:])
			}
			acr = strings.TrimSpace(acr)
			if !acrContentRe.MatchString(acr) && !mixedAcronym(acr) {
				continue
			}
			// Walk back over capitalised words and connectors.
			end := i
			for end > 0 && pt[end-1] == ' ' {
				end--
			}
			start := end
			words := 0
			for start > 0 {
				k := strings.LastIndexByte(pt[:start-1], ' ')
				w := pt[k+1 : start]
				w = strings.TrimSpace(w)
				if w == "" {
					break
				}
				lw := strings.ToLower(stripPossessive(w))
				if cutWords[lw] || strings.ContainsAny(w, `,.;:()“”"«»`) || (!capitalised(w) && !connectors[lw]) || strings.HasSuffix(lw, "-based") {
					break
				}
				start = k + 1
				words++
				if k < 0 {
					start = 0
					break
				}
			}
			// "the X Club and the Y Institute (ACR)": the acronym is Y's
			if k := strings.LastIndex(pt[start:end], " and the "); k >= 0 {
				start += k + len(" and ")
			}
			s := trimLeadingWords(t, span{p.start + start, p.start + end}, "the", "of", "for", "and", "on", "in", "at")
			// drop trailing connectors
			full := t[s.start:s.end]
			if len(strings.Fields(full)) < 2 || !capitalised(full) {
				continue
			}
			def := acronymDef{full: full, acr: acr, fullS: s, acrS: span{p.start + i + 1, p.start + i + 1 + len(acr)}}
			if country != "" {
				def.country = ex.g.countryOfWord(country)
			}
			ex.acr = append(ex.acr, def)
		}
	}
}

// expand returns the full name an acronym stands for, and the acronym of a
// full name, as the text defines them.
func (ex *extractor) expand(name string) (full, acr string) {
	n := domain.NormalizeName(name)
	for _, a := range ex.acr {
		if domain.NormalizeName(a.acr) == n {
			return a.full, a.acr
		}
		if domain.NormalizeName(a.full) == n {
			return a.full, a.acr
		}
	}
	return name, ""
}

// tags finds the initiatives, themes and countries of the whole report.
func (ex *extractor) tags() {
	var toks []token
	for _, p := range ex.doc.paras {
		if !p.meta {
			toks = append(toks, tokenize(ex.doc.text[p.start:p.end], p.start)...)
		}
	}
	ex.d.Initiatives = ex.tagList(ex.g.initM.find(toks), ex.g.Initiatives, 0.85)
	ex.d.Countries = ex.tagList(ex.g.countryM.find(toks), ex.g.Countries, 0.8)
	// Themes of the meeting: those of its recommendations and of its
	// announced theme; without recommendations, those the report keeps
	// coming back to.
	seen := map[string]bool{}
	var themes []Tag
	for _, r := range ex.d.Recommendations {
		for _, t := range r.Themes {
			if !seen[t.ID] {
				seen[t.ID] = true
				themes = append(themes, t)
			}
		}
	}
	if ev, ok := ex.d.Meeting.Evidence["theme"]; ok && ex.d.Meeting.Theme != "" {
		_ = ev
		for _, h := range ex.g.themeHits(tokenize(ex.d.Meeting.Theme, 0)) {
			if !seen[h.id] {
				seen[h.id] = true
				themes = append(themes, Tag{ID: h.id, Name: ex.themeName(h.id), Evidence: ex.d.Meeting.Evidence["theme"]})
			}
		}
	}
	if len(ex.d.Recommendations) == 0 {
		count := map[string]int{}
		first := map[string]span{}
		for _, h := range ex.g.themeHits(toks) {
			count[h.id]++
			if _, ok := first[h.id]; !ok {
				first[h.id] = h.s
			}
		}
		var ids []string
		for id, n := range count {
			if n >= 2 && !seen[id] {
				ids = append(ids, id)
			}
		}
		sort.Slice(ids, func(i, j int) bool { return first[ids[i]].start < first[ids[j]].start })
		for _, id := range ids {
			themes = append(themes, Tag{ID: id, Name: ex.themeName(id), Evidence: ex.ev(first[id], 0.6)})
		}
	}
	ex.d.Themes = themes
	if ex.d.Themes == nil {
		ex.d.Themes = []Tag{}
	}
}

func (ex *extractor) themeName(id string) string {
	for _, r := range ex.g.Themes {
		if r.ID == id {
			return r.Name
		}
	}
	return id
}

// tagList turns hits into tags, one per ID, at its first mention.
func (ex *extractor) tagList(hits []hit, entries []Entry, conf float64) []Tag {
	out := []Tag{}
	seen := map[string]bool{}
	for _, h := range hits {
		if seen[h.id] {
			continue
		}
		seen[h.id] = true
		name := h.id
		if e := ex.g.entry(entries, h.id); e != nil {
			name = e.Name
		}
		out = append(out, Tag{ID: h.id, Name: name, Evidence: ex.ev(h.s, conf)})
	}
	return out
}

// check adds warnings for what a reviewer must fill in.
func (ex *extractor) check() {
	m := ex.d.Meeting
	if m.Council == "" {
		ex.warn("no council named: the meeting may be a one-off event, or the council's name is not in a known form")
	}
	if m.Date == "" {
		ex.warn("no date of the meeting found")
	}
	if m.City == "" {
		ex.warn("no city of the meeting found")
	}
	if len(ex.d.Speakers) == 0 {
		ex.warn("no speakers found")
	}
}

func sprintf(format string, args ...any) string {
	if len(args) == 0 {
		return format
	}
	return fmt.Sprintf(format, args...)
}

// runeLen is the length of s in code points.
func runeLen(s string) int { return utf8.RuneCountInString(s) }

// mixedAcronym reports an acronym in mixed case: "KazISS", "CAIRA".
func mixedAcronym(s string) bool {
	n := utf8.RuneCountInString(s)
	if n < 2 || n > 10 || strings.ContainsAny(s, " ,.") || !capitalised(s) {
		return false
	}
	up := 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			up++
		}
	}
	return up >= 2
}
