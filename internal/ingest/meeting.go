package ingest

import (
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// councilMention is a council's name in the text.
type councilMention struct {
	s         span // the name, without a leading ordinal
	countries []string
	head      string // "council", "forum", "dialogue", ...
	ordinal   int
	ordS      span
	sent      int
}

// councilGroup is the mentions of one council.
type councilGroup struct {
	key      string
	mentions []councilMention
	acr      string
	acrS     span
}

var councilHeads = `(?:Expert\s+Council|Council|Forum|Dialogue|Round\s?[Tt]able|Conference|Commission|Club|Platform|Congress|Meeting)`

// councilRes are built from the gazetteer's country words, once per
// Gazetteer (by its compile).
//
// They are slow (every country word is tried at every byte), so
// findCouncil does not run them over whole sentences; see findAll.
func councilRes(countries []Entry) (form1, form2 *councilPattern) {
	var ws []string
	seen := map[string]bool{}
	demos := map[string]bool{}
	demoWords := 1 // the most words of a country word
	spaced := false
	for _, c := range countries {
		for _, a := range append([]string{c.Name}, c.Aliases...) {
			if strings.ContainsAny(a, " .") || seen[a] {
				continue
			}
			seen[a] = true
			ws = append(ws, regexp.QuoteMeta(a))
			demos[a] = true
			demoWords = max(demoWords, len(fieldsASCII(a, 0, len(a))))
			spaced = spaced || a == "" || strings.ContainsFunc(a, func(r rune) bool { return r < utf8.RuneSelf && isRegexpSpace(byte(r)) })
		}
	}
	sort.Slice(ws, func(i, j int) bool { return len(ws[i]) > len(ws[j]) })
	demo := `(?:` + strings.Join(ws, "|") + `)`
	dash := `\s*[-–—‑]\s*`
	ord := `(?i:(` + ordinalPattern + `)\s+)?`
	const ordWords, adjWords, headWords, margin = 2, 2, 2, 2
	// "Russia–Azerbaijan Expert Council", "Russian-Iranian dialogue",
	// "Azerbaijani–Turkish Think Tank Forum"
	expr1 := ord + `(\b` + demo + `(?:` + dash + demo + `){1,2})((?:\s+(?:[Ee]xpert|[Tt]hink[- ][Tt]anks?|[Aa]nalytical|[Ii]ntellectual|[Ii]nterregional|[Pp]ublic|[Bb]usiness|[Ss]trategic|[Dd]iscussion|[Ee]xperts’?)){0,2}\s+(?i:expert\s+council|council|forum|dialogue|round\s?table|conference|commission|club))\b`
	form1 = &councilPattern{pattern: mustPattern(expr1), before: ordWords + demoWords + margin, after: 3*demoWords + 2 + 2*adjWords + headWords + margin,
		anchor: func(st string, w span) bool { return strings.ContainsAny(st[w.start:w.end], "-–—‑") }}
	if !spaced {
		form1.demos = demos
		for d := range demos {
			form1.demoLens = appendNewInt(form1.demoLens, len(d))
		}
		sort.Ints(form1.demoLens)
		form1.tries = newTries(form1.Regexp)
	}
	// "Shusha Forum of Azerbaijan–Türkiye Think Tanks"
	kind := `\s+(?i:think[- ]tanks|experts|expert\s+centers|analytical\s+centers)`
	form2 = &councilPattern{pattern: mustPattern(ord + `((?:[A-Z][\p{L}]+\s+){0,3}` + councilHeads + `\s+of\s+(` + demo + `)(?:` + dash + `|\s+and\s+)(` + demo + `)` + kind + `)\b`),
		before: ordWords + 3 + headWords + margin, after: 2*demoWords + 1 + 2 + margin}
	// what follows "of" in a match: a match lies around an "of" that it follows
	afterOf := regexp.MustCompile(`^` + demo + `(?:` + dash + `|\s+and\s+)` + demo + kind + `\b`)
	form2.anchor = func(st string, w span) bool {
		if st[w.start:w.end] != "of" {
			return false
		}
		k := w.end
		for k < len(st) && isRegexpSpace(st[k]) {
			k++
		}
		return spaced || k > w.end && afterOf.MatchString(st[k:])
	}
	return form1, form2
}

func appendNewInt(xs []int, x int) []int {
	for _, y := range xs {
		if y == x {
			return xs
		}
	}
	return append(xs, x)
}

// councilPattern is a pattern of councilRes and where in a sentence it
// may match: a match holds a word (a run of characters other than ASCII
// white space) that anchor accepts, with at most before words before it
// and after words after it (for form1, a word with a dash in it: an
// ordinal, country words, two adjectives and a head).
type councilPattern struct {
	*pattern
	before, after int
	anchor        func(st string, w span) bool
	// form1, when no country word holds ASCII white space: the country
	// words, their lengths, and the pattern anchored at a text's start or
	// after its first character (so that \b sees the character before)
	demos    map[string]bool
	demoLens []int
	tries    *tries
}

// findAll is FindAllStringSubmatchIndex(st, -1), without running the
// pattern over all of st.
//
// When it can, it tries the pattern only where a match can start (see
// starts). Otherwise it runs it on the parts of st a match can lie in:
// each part begins after ASCII white space (or at st's start) and ends
// before it (or at st's end), which the pattern reads as it reads the ends
// of a text; the parts do not overlap, and each match lies in one, so they
// give the same matches, in order.
func (p *councilPattern) findAll(st string) [][]int {
	if p.demos != nil {
		return p.findAt(st, p.starts(st))
	}
	words := fieldsASCII(st, 0, len(st))
	var out [][]int
	for i := 0; i < len(words); {
		if !p.anchor(st, words[i]) {
			i++
			continue
		}
		first, last := max(0, i-p.before), min(len(words)-1, i+p.after)
		// take in the anchors that follow, while their parts overlap
		j := i + 1
		for ; j < len(words) && j-p.before <= last+1; j++ {
			if p.anchor(st, words[j]) {
				last = min(len(words)-1, j+p.after)
			}
		}
		from, to := words[first].start, words[last].end
		for _, m := range p.FindAllStringSubmatchIndex(st[from:to], -1) {
			for k := range m {
				if m[k] >= 0 {
					m[k] += from
				}
			}
			out = append(out, m)
		}
		i = max(j, last+1)
	}
	return out
}

// maxOrdinalBytes is the longest ordinal of ordinalPattern, in bytes
// ("seventeenth", with a LONG S for its "s").
const maxOrdinalBytes = 16

// ordinalRe is a text that is an ordinal of form1 (in any case).
var ordinalRe = regexp.MustCompile(`^(?i:` + ordinalPattern + `)$`)

// starts returns, in order, every position of st where a match of form1
// can start. A match is [ORDINAL \s+] COUNTRY \s* DASH ...: its first
// country word is followed by white space and a dash, so it ends where
// the white space before some dash begins and it is one of the words of
// the gazetteer; an ordinal ends where the white space before it begins,
// and starts within maxOrdinalBytes of there.
func (p *councilPattern) starts(st string) []int {
	var out []int
	for i, r := range st {
		if r != '-' && r != '–' && r != '—' && r != '‑' {
			continue
		}
		e := i
		for e > 0 && isRegexpSpace(st[e-1]) {
			e--
		}
		for _, l := range p.demoLens {
			q := e - l
			if q < 0 || !p.demos[st[q:e]] {
				continue
			}
			out = append(out, q)
			j := q
			for j > 0 && isRegexpSpace(st[j-1]) {
				j--
			}
			if j == q {
				continue
			}
			for x := max(0, j-maxOrdinalBytes); x < j; x++ {
				if ordinalRe.MatchString(st[x:j]) {
					out = append(out, x)
				}
			}
		}
	}
	sort.Ints(out)
	return out
}

// findAt is FindAllStringSubmatchIndex(st, -1) for form1, whose matches
// can start only at starts (see tries.findAt); a match spans no more
// words than before+after+1.
func (p *councilPattern) findAt(st string, starts []int) [][]int {
	return p.tries.findAt(st, starts, func(q int) int { return wordsEnd(st, q, p.before+p.after+1) })
}

// meeting reads the council, ordinal, date, city, theme and format.
func (ex *extractor) meeting() {
	ex.findCouncil()
	ex.findMeetingSentences()
	ex.findOrdinal()
	ex.findDate()
	ex.findCity()
	ex.findTheme()
	ex.findFormat()
}

func headOf(s string) string {
	l := strings.ToLower(s)
	for _, h := range []string{"council", "forum", "dialogue", "round table", "roundtable", "conference", "commission", "club", "platform", "congress", "meeting"} {
		if strings.Contains(l, h) {
			if h == "roundtable" {
				return "round table"
			}
			return h
		}
	}
	return ""
}

func (ex *extractor) findCouncil() {
	form1, form2 := ex.g.councilForm1, ex.g.councilForm2
	groups := map[string]*councilGroup{}
	var order []string
	t := ex.doc.text
	for si, s := range ex.sents {
		st := t[s.s.start:s.s.end]
		var ms []councilMention
		if !form1.may(ex.sentFold(si)) && !form2.may(ex.sentFold(si)) {
			continue
		}
		for _, m := range form1.findAll(st) {
			cm := councilMention{s: span{s.s.start + m[4], s.s.start + m[7]}, sent: si}
			pair := st[m[4]:m[5]]
			for _, w := range hoistedMeeting1Re.Split(pair, -1) {
				if c := ex.g.countryOfWord(strings.TrimSpace(w)); c != "" {
					cm.countries = append(cm.countries, c)
				}
			}
			cm.head = headOf(st[m[6]:m[7]])
			if m[2] >= 0 {
				cm.ordinal = parseOrdinal(st[m[2]:m[3]])
				cm.ordS = span{s.s.start + m[2], s.s.start + m[3]}
			}
			ms = append(ms, cm)
		}
		for _, m := range form2.findAll(st) {
			cm := councilMention{s: span{s.s.start + m[4], s.s.start + m[5]}, sent: si}
			for _, k := range []int{6, 8} {
				if c := ex.g.countryOfWord(st[m[k]:m[k+1]]); c != "" {
					cm.countries = append(cm.countries, c)
				}
			}
			cm.head = headOf(st[m[4]:m[6]])
			if m[2] >= 0 {
				cm.ordinal = parseOrdinal(st[m[2]:m[3]])
				cm.ordS = span{s.s.start + m[2], s.s.start + m[3]}
			}
			ms = append(ms, cm)
		}
		for _, cm := range ms {
			cs := uniqueSorted(cm.countries)
			if len(cs) < 2 || cm.head == "" {
				continue
			}
			cm.countries = cs
			key := strings.Join(cs, "+") + "/" + cm.head
			if groups[key] == nil {
				groups[key] = &councilGroup{key: key}
				order = append(order, key)
			}
			groups[key].mentions = append(groups[key].mentions, cm)
		}
	}
	if len(order) == 0 {
		return
	}
	// The council is the one mentioned most, with an ordinal or an acronym
	// counting extra; ties go to the first mentioned.
	best, bestScore := "", -1
	for _, k := range order {
		g := groups[k]
		score := len(g.mentions)
		for _, m := range g.mentions {
			if m.ordinal > 0 {
				score += 2
			}
			for _, i := range ex.overlapping(m.s) {
				score += 2
				g.acr, g.acrS = ex.acr[i].acr, ex.acr[i].acrS
			}
		}
		if score > bestScore {
			best, bestScore = k, score
		}
	}
	g := groups[best]
	ex.council = g
	// The name: the mention the acronym defines, else the first one with a
	// capital head ("Expert Council"), else the first.
	pick := g.mentions[0]
	found := false
	for _, m := range g.mentions {
		if len(ex.overlapping(m.s)) > 0 {
			pick, found = m, true
			break
		}
	}
	if !found {
		for _, m := range g.mentions {
			if strings.Contains(ex.text(m.s), "Council") || strings.Contains(ex.text(m.s), "Forum") || strings.Contains(ex.text(m.s), "Dialogue") {
				pick = m
				break
			}
		}
	}
	md := &ex.d.Meeting
	for i := range g.mentions {
		ex.stripCouncilLead(&g.mentions[i])
	}
	ex.stripCouncilLead(&pick)
	md.Council = ex.text(pick.s)
	md.CouncilCountries = g.mentions[0].countries
	conf := 0.8
	if len(g.mentions) > 1 || g.acr != "" {
		conf = 0.9
	}
	md.Evidence["council"] = ex.ev(pick.s, conf)
	if g.acr != "" {
		md.CouncilAcronym = g.acr
	}
}

func uniqueSorted(ss []string) []string {
	m := map[string]bool{}
	var out []string
	for _, s := range ss {
		if !m[s] {
			m[s] = true
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}

var eventNounRe = mustPattern(`(?i)\b(?:meeting|session|forum|conference|round\s?table|dialogue|gathering|event|council)\b`)
var eventVerbRe = mustPattern(`(?i)\b(?:hosted|hosts|held|took place|convened|underway|is being held|was held|opened|kicked off|gathered|brought together|organi[sz]ed|took part|attended)\b`)

// findMeetingSentences marks the sentences about the meeting itself: those
// that name the council, or without a council, those with an event noun and verb.
func (ex *extractor) findMeetingSentences() {
	named := map[int]bool{} // sentences that name the council
	if ex.council != nil {
		for _, m := range ex.council.mentions {
			named[m.sent] = true
		}
	}
	for i, s := range ex.sents {
		st := ex.text(s.s)
		if ex.council != nil {
			if named[i] || ex.council.acr != "" && containsWord(st, ex.council.acr) && eventNounRe.may(ex.sentFold(i)) && eventNounRe.MatchString(st) {
				ex.meetingSents = append(ex.meetingSents, i)
			}
		} else if eventNounRe.may(ex.sentFold(i)) && eventVerbRe.may(ex.sentFold(i)) && eventNounRe.MatchString(st) && eventVerbRe.MatchString(st) {
			ex.meetingSents = append(ex.meetingSents, i)
		}
	}
}

// containsWord reports whether w occurs in s between word boundaries as
// regexp's \b reads them: `\b` + regexp.QuoteMeta(w) + `\b`, without a
// regexp compiled for each w.
func containsWord(s, w string) bool {
	if w == "" {
		return false
	}
	// \b holds at an end of w only when the byte there and the byte
	// beside it outside w differ in being \w (a text's ends count as not \w)
	startWord, endWord := isWordByte(w[0]), isWordByte(w[len(w)-1])
	for off := 0; ; {
		k := strings.Index(s[off:], w)
		if k < 0 {
			return false
		}
		i := off + k
		j := i + len(w)
		before := i > 0 && isWordByte(s[i-1])
		after := j < len(s) && isWordByte(s[j])
		if before != startWord && after != endWord {
			return true
		}
		off = i + 1
	}
}

var notThisMeetingRe = regexp.MustCompile(`(?i)\b(?:next|upcoming|following|previous|last|coming|forthcoming|future|past|prior)\s+$`)

var ordMeetingRe = regexp.MustCompile(`(?i)\b(` + ordinalPattern + `)\s+(?:consecutive\s+|regular\s+|annual\s+|plenary\s+|round\s+of\s+)?(?:meeting|session|round|edition|sitting|forum|conference|gathering|congress|summit)\s+of\s+(?:the\s+)?$`)

var itsOrdinalRe = regexp.MustCompile(`(?i)\b(?:its|the)\s+(` + ordinalPattern + `)\s+(?:consecutive\s+)?(?:meeting|session|round|edition|sitting)\b`)

// findOrdinal reads the edition's number: "the fifth meeting of the
// Russia–Azerbaijan Expert Council", "the First Shusha Forum", "RAEC's 5th meeting".
func (ex *extractor) findOrdinal() {
	if ex.council == nil {
		return
	}
	t := ex.doc.text
	md := &ex.d.Meeting
	// The patterns anchored at the end are read on a tail of the text
	// before the mention (see tailStart), not on all of it.
	notThisMeeting := func(start, end int) bool {
		return notThisMeetingRe.MatchString(t[ex.doc.tailStart(start, end, tailBytes, false):end])
	}
	for _, m := range ex.council.mentions {
		sentStart := ex.sents[m.sent].s.start
		if m.ordinal > 0 && !notThisMeeting(sentStart, m.ordS.start) {
			md.Ordinal = m.ordinal
			md.Evidence["ordinal"] = ex.ev(m.ordS, 0.9)
			return
		}
		base := ex.doc.tailStart(sentStart, m.s.start, tailBytes, false)
		left := t[base:m.s.start]
		if lm := ordMeetingRe.FindStringSubmatchIndex(left); lm != nil {
			if notThisMeeting(sentStart, base+lm[2]) {
				continue
			}
			md.Ordinal = parseOrdinal(left[lm[2]:lm[3]])
			md.Evidence["ordinal"] = ex.ev(span{base + lm[2], base + lm[3]}, 0.95)
			return
		}
	}
	// "the 5th RAEC meeting", "its fifth meeting"
	res := []*regexp.Regexp{itsOrdinalRe}
	if ex.council.acr != "" && len(ex.meetingSents) > 0 {
		if re := acronymOrdinalRe(ex.council.acr); re != nil {
			res = append([]*regexp.Regexp{re}, res...)
		}
	}
	for _, i := range ex.meetingSents {
		st := ex.text(ex.sents[i].s)
		base := ex.sents[i].s.start
		for _, re := range res {
			for _, lm := range re.FindAllStringSubmatchIndex(st, -1) {
				if notThisMeeting(base, base+lm[2]) || endsWithFor(st[:lm[0]]) {
					continue
				}
				md.Ordinal = parseOrdinal(st[lm[2]:lm[3]])
				md.Evidence["ordinal"] = ex.ev(span{base + lm[2], base + lm[3]}, 0.7)
				return
			}
		}
	}
}

// tailBytes bounds the text before a position that the patterns anchored
// at its end (notThisMeetingRe, ordMeetingRe, cityCueBefore,
// hoistedSpeakers4Re) read: each of their matches holds fewer bytes than
// this but for white space (and for cityCueBefore, one word).
const tailBytes = 256

// endsWithFor reports strings.HasSuffix(strings.ToLower(strings.TrimSpace(s)), "for")
// without copying s: only ASCII letters fold to "f", "o" and "r".
func endsWithFor(s string) bool {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	return len(s) >= 3 && strings.EqualFold(s[len(s)-3:], "for")
}

// acronymOrdinals caches the patterns of acronymOrdinalRe, up to a bound.
var acronymOrdinals struct {
	sync.Mutex
	m map[string]*regexp.Regexp
}

// acronymOrdinalRe is "the 5th RAEC meeting" for a council's acronym, or
// nil when the acronym cannot be a pattern (it is not UTF-8).
func acronymOrdinalRe(acr string) *regexp.Regexp {
	acronymOrdinals.Lock()
	defer acronymOrdinals.Unlock()
	if re, ok := acronymOrdinals.m[acr]; ok {
		return re
	}
	re, err := regexp.Compile(`(?i)\b(` + ordinalPattern + `)\s+` + regexp.QuoteMeta(acr) + `\s+(?:meeting|session)`)
	if err != nil {
		re = nil
	}
	if acronymOrdinals.m == nil {
		acronymOrdinals.m = map[string]*regexp.Regexp{}
	}
	if len(acronymOrdinals.m) < 256 {
		acronymOrdinals.m[acr] = re
	}
	return re
}

// findDate reads the meeting's date: a full date in a sentence about the
// meeting; else a month and day there or in the dateline, with the year of
// the report; else a weekday before the report's date; else a month or a year.
func (ex *extractor) findDate() {
	md := &ex.d.Meeting
	t := ex.doc.text
	set := func(d domain.Date, s span, conf float64) {
		md.Date = d.String()
		md.DatePrecision = d.Precision()
		md.Evidence["date"] = ex.ev(s, conf)
	}
	year := ex.pub.Year
	// Candidates in the meeting's sentences, in order.
	sents := ex.meetingSents
	if len(sents) == 0 && len(ex.sents) > 0 {
		sents = []int{0}
	}
	var monthDay *dateCand
	var coarse *dateCand
	for _, i := range sents {
		s := ex.sents[i].s
		for _, c := range findDates(t[s.start:s.end], s.start) {
			c := c
			// "The first round of the dialogue was held in Moscow in April
			// 2017": a date of another meeting follows "first round" etc.
			switch c.kind {
			case dateFull:
				set(c.d, c.s, 0.95)
				return
			case dateMonthDay:
				if monthDay == nil {
					monthDay = &c
				}
			default:
				if coarse == nil && !otherEventRe.MatchString(t[max(s.start, c.s.start-40):c.s.start]) {
					coarse = &c
				}
			}
		}
	}
	if year == 0 {
		// the year of any full date in the report's first paragraphs
		for _, p := range ex.doc.paras {
			for _, c := range findDates(t[p.start:p.end], p.start) {
				if c.kind == dateFull && year == 0 {
					year = c.d.Year
				}
			}
			if year != 0 {
				break
			}
		}
	}
	if monthDay != nil {
		if d, ok := withYear(*monthDay, year); ok {
			set(d, monthDay.s, 0.8)
			return
		}
	}
	// A weekday: "Baku hosted Friday the 5th meeting".
	if !ex.pub.IsZero() && ex.pub.Precision() == domain.PrecisionDay {
		for _, i := range sents {
			s := ex.sents[i].s
			if m := weekdayRe.FindStringIndex(t[s.start:s.end]); m != nil {
				wd := weekdays[t[s.start+m[0]:s.start+m[1]]]
				set(lastWeekday(ex.pub, wd), span{s.start + m[0], s.start + m[1]}, 0.7)
				return
			}
		}
	}
	// The dateline: "BAKU, Azerbaijan, June 21. ... is underway / today".
	for _, p := range ex.doc.paras {
		pt := t[p.start:p.end]
		m := datelineRe.FindStringSubmatchIndex(pt)
		if m == nil {
			continue
		}
		var c dateCand
		if m[4] >= 0 {
			c = dateCand{kind: dateMonthDay, mon: monthNum(pt[m[4]:m[5]])}
			c.day = atoi(pt[m[6]:m[7]])
			c.s = span{p.start + m[4], p.start + m[7]}
		} else {
			c = dateCand{kind: dateMonthDay, mon: monthNum(pt[m[10]:m[11]])}
			c.day = atoi(pt[m[8]:m[9]])
			c.s = span{p.start + m[8], p.start + m[11]}
		}
		if d, ok := withYear(c, year); ok {
			set(d, c.s, 0.75)
			return
		}
		break
	}
	// "is being held in Baku", "today": the day the report was published.
	if !ex.pub.IsZero() && ex.pub.Precision() == domain.PrecisionDay {
		for _, i := range sents {
			s := ex.sents[i].s
			if m := presentRe.FindStringIndex(t[s.start:s.end]); m != nil {
				set(ex.pub, ex.doc.pubEv, 0.6)
				return
			}
		}
	}
	if coarse != nil {
		set(coarse.d, coarse.s, 0.6)
	}
}

var presentRe = regexp.MustCompile(`(?i)\b(?:is\s+being\s+held|is\s+underway|is\s+taking\s+place|are\s+taking\s+place|kicks\s+off|kicked\s+off\s+today|today|opens|is\s+under\s+way)\b`)

// otherEventRe precedes a date that is not the meeting's: "signed in 2022".
var otherEventRe = regexp.MustCompile(`(?i)\b(?:signed|established|founded|adopted|created|set\s+up|launched|since|concluded|first\s+round[^.]*|previous[^.]*)\s+(?:in\s+|on\s+)?$`)

func atoi(s string) int {
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			break
		}
		n = n*10 + int(c-'0')
	}
	return n
}

var cityCueBefore = regexp.MustCompile(`(?i)\b(?:in|at|to)\s+(?:the\s+(?:city|capital)\s+of\s+)?(?:the\s+\w+\s+capital\s+)?$`)
var cityCueAfter = regexp.MustCompile(`^\s+(?:hosted|hosts|is hosting|was hosting|has hosted|will host)\b`)

// findCity reads where the meeting took place.
func (ex *extractor) findCity() {
	md := &ex.d.Meeting
	t := ex.doc.text
	set := func(h hit, conf float64) {
		e := ex.g.entry(ex.g.Cities, h.id)
		if e == nil {
			return
		}
		md.City = e.Name
		md.Country = ex.countryName(e.Country)
		md.Evidence["city"] = ex.ev(h.s, conf)
	}
	try := func(sents []int, conf float64) bool {
		for _, i := range sents {
			s := ex.sents[i].s
			for _, h := range ex.g.cityM.find(tokenize(t[s.start:s.end], s.start)) {
				if cityCueBefore.MatchString(t[ex.doc.tailStart(s.start, h.s.start, tailBytes, true):h.s.start]) || cityCueAfter.MatchString(t[h.s.end:s.end]) {
					set(h, conf)
					return true
				}
			}
		}
		return false
	}
	if try(ex.meetingSents, 0.9) {
		return
	}
	// "… Expert Council, Baku, February 28, 2023": a city right after the council.
	if ex.council != nil {
		for _, m := range ex.council.mentions {
			rest := t[m.s.end:ex.sents[m.sent].s.end]
			if !strings.HasPrefix(rest, ", ") && !strings.HasPrefix(rest, " in ") {
				continue
			}
			// the first tokens decide (see firstTokens)
			toks := tokenizeN(rest, m.s.end, ex.g.cityM.firstTokens())
			if hs := ex.g.cityM.find(toks); len(hs) > 0 && len(toks) > 0 && hs[0].s.start == toks[0].s.start || len(hs) > 0 && len(toks) > 1 && hs[0].s.start == toks[1].s.start && toks[0].norm == "in" {
				set(hs[0], 0.7)
				return
			}
		}
	}
	// the dateline
	for _, p := range ex.doc.paras {
		pt := t[p.start:p.end]
		if m := datelineRe.FindStringSubmatchIndex(pt); m != nil {
			for _, h := range ex.g.cityM.find(tokenize(pt[m[2]:m[3]], p.start+m[2])) {
				set(h, 0.75)
				return
			}
		}
	}
	first := []int{}
	for i := range ex.sents {
		if ex.sents[i].para == ex.sents[0].para {
			first = append(first, i)
		}
	}
	try(first, 0.5)
}

// countryName returns a country ID's name in the gazetteer.
func (ex *extractor) countryName(id string) string {
	if e := ex.g.entry(ex.g.Countries, id); e != nil {
		return e.Name
	}
	return id
}

var themeRe = mustPattern(`(?i)(?:\bthemed|\bentitled|\btitled|\bunder\s+the\s+(?:theme|title|motto)(?:\s+of)?|\bon\s+the\s+(?:theme|topic|subject)(?:\s+of)?|\bcenter(?:ed|ing)\s+on\s+the\s+theme(?:\s+of)?|\bthe\s+theme(?:\s+of)?|\bdedicated\s+to\s+the\s+theme(?:\s+of)?)\s*:?\s*[“"«‘„]([^”"»’“]{5,300})[”"»’“]`).withLead(16)
var themeTopicRe = mustPattern(`(?i)\bon\s+the\s+[“"«]([^”"»]{5,300})[”"»]\s+(?:topic|theme)\b`)

// findTheme reads the meeting's announced theme, in quotes.
func (ex *extractor) findTheme() {
	md := &ex.d.Meeting
	t := ex.doc.text
	order := append(append([]int(nil), ex.meetingSents...), seq(len(ex.sents))...)
	for _, i := range order {
		s := ex.sents[i].s
		for _, re := range []*pattern{themeRe, themeTopicRe} {
			if !re.may(ex.sentFold(i)) {
				continue
			}
			from := ex.searchFrom(re, i)
			if m := re.FindStringSubmatchIndex(t[from:s.end]); m != nil {
				ts := trimPunct(t, span{from + m[2], from + m[3]})
				md.Theme = t[ts.start:ts.end]
				conf := 0.9
				if !containsInt(ex.meetingSents, i) {
					conf = 0.7
				}
				md.Evidence["theme"] = ex.ev(ts, conf)
				return
			}
		}
	}
}

func seq(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

const formatPart = `(?:one|two|three|four|five|six|seven|\d+|a|an|several)\s+(?:[a-z-]+\s+){0,2}?(?:plenary\s+sessions?|closed\s+sessions?|sessions?|panel\s+discussions?|panels?|round\s?tables?|workshops?|discussions?|sections?)`

var formatRe = mustPattern(`(?i)\b(?:comprised|consisted\s+of|included|featured|was\s+held\s+in\s+the\s+format\s+of|was\s+divided\s+into|was\s+organi[sz]ed\s+in|in\s+the\s+format\s+of)\s+(` + formatPart + `(?:(?:\s*,\s*|\s+and\s+|\s*,\s+and\s+)` + formatPart + `)*)`).withLead(24)

// findFormat reads "two sessions and a panel discussion".
func (ex *extractor) findFormat() {
	md := &ex.d.Meeting
	t := ex.doc.text
	for si, s := range ex.sents {
		if !formatRe.may(ex.sentFold(si)) {
			continue
		}
		from := ex.searchFrom(formatRe, si)
		if m := formatRe.FindStringSubmatchIndex(t[from:s.s.end]); m != nil {
			fs := trimPunct(t, span{from + m[2], from + m[3]})
			md.Format = t[fs.start:fs.end]
			md.Evidence["format"] = ex.ev(fs, 0.85)
			return
		}
	}
}

var organisedByRe = mustPattern(`(?i)\b(?:(?:jointly\s+|co-?)?organi[sz]ed(?:\s+jointly)?(?:,[^,.;]{1,60},)?\s+by|co-?hosted\s+by|convened\s+by|a\s+collaborative\s+effort\s+(?:between|of)|jointly\s+held\s+by|under\s+the\s+auspices\s+of|(?:was|were)\s+(?:the\s+)?organi[sz]ers?\s+(?:were|was)?)\s+`).withLead(24)

var listSplitRe = regexp.MustCompile(`\s*(?:,\s+and\s+|;\s+|\s+and\s+|,\s+|\s+in\s+partnership\s+with\s+|\s+in\s+cooperation\s+with\s+|\s+together\s+with\s+|\s+with\s+)`)

var instHeads = regexp.MustCompile(`(?i)\b(?:council|cent(?:er|re)|institute|ministry|university|administration|directorate|department|club|foundation|academy|agency|embassy|committee|parliament|office|fund|service|bank|school|society|association|chamber|corporation|company|commission|assembly|secretariat|forum|group)\b`)

// organisers reads "jointly organized by the Russian International Affairs
// Council (RIAC) and the Center of Analysis of International Relations
// (AIR Center, Azerbaijan)".
func (ex *extractor) organisers() {
	t := ex.doc.text
	seen := map[string]bool{}
	for si, s := range ex.sents {
		if !organisedByRe.may(ex.sentFold(si)) {
			continue
		}
		from := ex.searchFrom(organisedByRe, si)
		m := organisedByRe.FindStringIndex(t[from:s.s.end])
		if m == nil {
			continue
		}
		start := from + m[1]
		end := s.s.end
		// the list ends at ", X reports" or at a new clause
		rest := t[start:end]
		if k := hoistedMeeting2Re.FindStringIndex(rest); k != nil {
			end = start + k[0]
		}
		for _, item := range ex.splitList(span{start, end}) {
			it := trimLeadingWords(t, trimPunct(t, item), "the", "and", "both")
			name := t[it.start:it.end]
			if name == "" {
				continue
			}
			inst := InstitutionDraft{Name: name}
			// "X (ACR)" or "X (ACR, Country)"
			if k := strings.IndexByte(name, '('); k > 0 && strings.HasSuffix(name, ")") {
				inner := name[k+1 : len(name)-1]
				inst.Name = strings.TrimSpace(name[:k])
				if c := strings.IndexByte(inner, ','); c > 0 {
					inst.Acronym = strings.TrimSpace(inner[:c])
					inst.Country = ex.g.countryOfWord(strings.TrimSpace(inner[c+1:]))
				} else {
					inst.Acronym = strings.TrimSpace(inner)
				}
			} else if k > 0 {
				inst.Name = strings.TrimSpace(name[:k])
			}
			inst.Name = strings.TrimSpace(hoistedMeeting3Re.ReplaceAllString(inst.Name, ""))
			full, acr := ex.expand(inst.Name)
			if inst.Acronym == "" && acr != "" {
				inst.Name, inst.Acronym = full, acr
			}
			if inst.Country == "" {
				// the last definition of the acronym that gives a country
				if c, ok := ex.acrX.lastCountry[inst.Acronym]; ok {
					inst.Country = c
				}
			}
			if !instHeads.MatchString(inst.Name) && inst.Acronym == "" && !isUpperWord(strings.ReplaceAll(inst.Name, " ", "")) && len(ex.g.instM.find(tokenize(inst.Name, 0))) == 0 {
				continue
			}
			key := normalizeName(inst.Name)
			if seen[key] || (inst.Acronym != "" && seen[normalizeName(inst.Acronym)]) {
				continue
			}
			seen[key] = true
			if inst.Acronym != "" {
				seen[normalizeName(inst.Acronym)] = true
			}
			inst.Evidence = ex.ev(it, 0.9)
			ex.d.Organisers = append(ex.d.Organisers, inst)
		}
	}
}

// splitList splits "A (X), B and the C" into items, keeping together a
// full name the text defines an acronym for ("Institute for Political and
// International Studies (IPIS)") and a name whose "and" joins two words
// that are not both institutions.
func (ex *extractor) splitList(s span) []span {
	t := ex.doc.text
	// protected spans: acronym definitions, and what is in parentheses
	// (the depth is counted on from one cut to the next: cuts come in order)
	depth, at := 0, s.start
	protected := func(i int) bool {
		for ; at < i && at < len(t); at++ {
			switch t[at] {
			case '(':
				depth++
			case ')':
				depth--
			}
		}
		return ex.defining(i) || depth > 0
	}
	// instHeads.MatchString(left) and (firstClause(right)), read once for
	// all the separators: left is t[L:c.start] for the start L of the
	// current item, which holds a match when the first one after L ends
	// before c.start (a separator starts with white space, which no match
	// holds); the first clause of right ends at the next comma or
	// semicolon, else at the next " and " (ends, which no match crosses).
	leftHead := newFirstMatch(instHeads, instHeadsAnchored, t, s.end)
	var rightHead *firstMatch
	comma, and := -1, -1 // the next ",;" and " and " after the last separator, -2 if none
	var cuts []span
	for _, m := range listSplitRe.FindAllStringIndex(t[s.start:s.end], -1) {
		c := span{s.start + m[0], s.start + m[1]}
		if protected(c.start) {
			continue
		}
		sep := strings.TrimSpace(t[c.start:c.end])
		if sep == "and" || sep == "with" {
			// split "A and B" only when both sides look like institutions
			L := s.start
			if len(cuts) > 0 {
				L = cuts[len(cuts)-1].end
			}
			if h := leftHead.at(L); h == nil || h[1] > c.start {
				continue
			}
			if comma != -2 && comma < c.end {
				comma = nextIndex(t, c.end, s.end, func(x string) int { return strings.IndexAny(x, ",;") })
			}
			clause := comma
			if clause < 0 {
				if and != -2 && and < c.end {
					and = nextIndex(t, c.end, s.end, func(x string) int { return strings.Index(x, " and ") })
				}
				clause = and
			}
			if clause < 0 {
				clause = s.end
			}
			if rightHead == nil || rightHead.end != clause {
				rightHead = newFirstMatch(instHeads, instHeadsAnchored, t, clause)
			}
			if rightHead.at(c.end) == nil && !isUpperWord(firstWord(t[c.end:s.end])) {
				continue
			}
		}
		cuts = append(cuts, c)
	}
	var out []span
	prev := s.start
	for _, c := range cuts {
		out = append(out, span{prev, c.start})
		prev = c.end
	}
	return append(out, span{prev, s.end})
}

var instHeadsAnchored = anchoredRe(instHeads)

// nextIndex returns from+find(t[from:end]), or -2 when find finds nothing.
func nextIndex(t string, from, end int, find func(string) int) int {
	if k := find(t[from:end]); k >= 0 {
		return from + k
	}
	return -2
}

func firstWord(s string) string {
	f0, rest := nextField(s)
	if f0 == "" {
		return ""
	}
	w := strings.TrimRight(f0, ",.;")
	if f1, _ := nextField(rest); strings.EqualFold(w, "the") && f1 != "" {
		w = strings.TrimRight(f1, ",.;")
	}
	return w
}

// nextField returns the first of strings.Fields(s) (or "") and what
// follows it, without splitting all of s.
func nextField(s string) (field, rest string) {
	i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsSpace(r) })
	if i < 0 {
		return "", ""
	}
	s = s[i:]
	j := strings.IndexFunc(s, unicode.IsSpace)
	if j < 0 {
		return s, ""
	}
	return s[:j], s[j:]
}

func firstClause(s string) string {
	if i := strings.IndexAny(s, ",;"); i >= 0 {
		return s[:i]
	}
	if i := strings.Index(s, " and "); i >= 0 {
		return s[:i]
	}
	return s
}

var presentedPubRe = mustPattern(`(?i)\b(?:presentation\s+of|presented|launched|published|released|unveiled)\s+(?:the\s+|a\s+|an\s+|its\s+)?((?:[A-ZА-Я][\p{L}–—\-]*\s+){0,3}?)?(joint\s+)?(policy\s+brief|analytical\s+report|working\s+paper|report|paper|study|book|monograph|brief|collection|handbook|policy\s+paper)\s*,?\s*(?:titled\s+|entitled\s+)?[“"«]([^”"»]{3,300})[”"»]`).withLead(16)

var announcedPubRe = mustPattern(`(?i)\b(?:preparation\s+of|drafting\s+of|prepare|draft|work\s+on|publish|publication\s+of|will\s+publish|plans?\s+to\s+publish)\s+(a|an|the)\s+((?:joint\s+)?(?:[A-ZА-Я][\p{L}]*(?:[–—\-][A-ZА-Я][\p{L}]*)*(?:\s+[A-Z][\p{L}]*)?\s+)?(policy\s+brief|analytical\s+report|working\s+paper|report|paper|study|book|monograph|collection)(?:\s+on\s+[^,.;]+?)?)(?:,|;|\.|\s+and\s+its|\s+to\s+be|\s+for\s+|\s+by\s+|$)`).withLead(24)

// publications reads papers presented ("presentation of RIAC policy brief
// “...”") and announced ("the preparation of a joint RIAC–AIR Center paper on ...").
func (ex *extractor) publications() {
	t := ex.doc.text
	for si, s := range ex.sents {
		st := t[s.s.start:s.s.end]
		var presented, announced [][]int
		if presentedPubRe.may(ex.sentFold(si)) {
			presented = ex.findAllIn(presentedPubRe, si)
		}
		if announcedPubRe.may(ex.sentFold(si)) {
			announced = ex.findAllIn(announcedPubRe, si)
		}
		for _, m := range presented {
			ts := trimPunct(t, span{s.s.start + m[8], s.s.start + m[9]})
			p := PublicationDraft{Title: t[ts.start:ts.end], Kind: strings.ToLower(st[m[6]:m[7]]), Relation: domain.PublicationPresented}
			if m[4] >= 0 {
				p.Kind = "joint " + p.Kind
			}
			if m[2] >= 0 {
				p.Institutions = ex.pubInstitutions(st[m[2]:m[3]])
			}
			p.Evidence = ex.ev(span{s.s.start + m[0], s.s.start + m[1]}, 0.9)
			ex.d.Publications = append(ex.d.Publications, p)
		}
		for _, m := range announced {
			ts := trimPunct(t, span{s.s.start + m[4], s.s.start + m[5]})
			title := t[ts.start:ts.end]
			p := PublicationDraft{Title: title, Kind: strings.ToLower(st[m[6]:m[7]]), Relation: domain.PublicationAnnounced}
			if strings.HasPrefix(strings.ToLower(title), "joint ") {
				p.Kind = "joint " + p.Kind
			}
			prefix := strings.TrimSpace(st[m[4]:m[6]])
			prefix = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(prefix, "joint"), "Joint"))
			if prefix != "" {
				p.Institutions = ex.pubInstitutions(prefix)
			}
			p.Evidence = ex.ev(ts, 0.75)
			ex.d.Publications = append(ex.d.Publications, p)
		}
	}
}

// pubInstitutions reads "RIAC–AIR Center" as ["RIAC", "AIR Center"].
func (ex *extractor) pubInstitutions(s string) []string {
	var out []string
	for _, part := range hoistedMeeting4Re.Split(strings.TrimSpace(s), -1) {
		part = strings.TrimSpace(part)
		if part == "" || !capitalised(part) {
			continue
		}
		out = append(out, part)
	}
	return out
}

var councilLeadRe = regexp.MustCompile(`(?i)^(?:the\s+)?(?:(` + ordinalPattern + `)\s+)?`)

// stripCouncilLead moves "The First" off the front of a council's name
// into its ordinal.
func (ex *extractor) stripCouncilLead(m *councilMention) {
	t := ex.text(m.s)
	lm := councilLeadRe.FindStringSubmatchIndex(t)
	if lm == nil || lm[1] == 0 {
		return
	}
	if lm[2] >= 0 && m.ordinal == 0 {
		m.ordinal = parseOrdinal(t[lm[2]:lm[3]])
		m.ordS = span{m.s.start + lm[2], m.s.start + lm[3]}
	}
	m.s.start += lm[1]
}

var hoistedMeeting1Re = regexp.MustCompile(`[-–—‑]`)
var hoistedMeeting2Re = regexp.MustCompile(`,\s+[A-Z][\w.]*\s+(?:reports|said|informs)|\.\s|,\s+(?:which|who|and\s+(?:was|is|were))\b|\s+(?:on|in)\s+(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|\d)|\s+in\s+(?:the\s+city\s+of\s+)?[A-Z][a-z]+(?:\s|\.|,|$)`)
var hoistedMeeting3Re = regexp.MustCompile(`^[A-Z][\p{L}]+-based\s+`)
var hoistedMeeting4Re = regexp.MustCompile(`\s*[–—\-]\s*|\s+and\s+`)

// wordsEnd returns where the n-th run of characters other than ASCII
// white space from i on ends (or len(s)).
func wordsEnd(s string, i, n int) int {
	for ; n > 0; n-- {
		for i < len(s) && isRegexpSpace(s[i]) {
			i++
		}
		if i == len(s) {
			break
		}
		for i < len(s) && !isRegexpSpace(s[i]) {
			i++
		}
	}
	return i
}

// fieldsASCII returns the runs of characters other than ASCII white space
// (\s) in s[from:to].
func fieldsASCII(s string, from, to int) []span {
	var out []span
	start := -1
	for i := from; i < to; i++ {
		if isRegexpSpace(s[i]) {
			if start >= 0 {
				out = append(out, span{start, i})
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		out = append(out, span{start, to})
	}
	return out
}
