package ingest

import (
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// person is a speaker being gathered from the text.
type person struct {
	name    string
	nameS   span
	title   span // zero when none
	inst    string
	instAcr string
	instS   span
	country string
	roles   []domain.Role
	conf    float64

	idx  int        // the order in which it was found
	keys personKeys // of name
	// settled: finishTitle left settledTitle as it was, without an
	// institution, and would again
	settled      bool
	settledTitle span
	queued       bool // in extractor.unfinished
}

// listIntro is a phrase that introduces a list of people in one role.
type listIntro struct {
	re   *pattern
	role domain.Role
}

var listIntros = []listIntro{
	{mustPattern(`(?i)\bopening\s+(?:speeches|remarks|addresses|statements|words)\s+(?:were|was)\s+(?:delivered|made|given|presented)\s+by\s+`), domain.RoleOpeningSpeech},
	{mustPattern(`(?i)\b(?:was|were)\s+opened\s+(?:with\s+(?:remarks|speeches|addresses)\s+)?by\s+`), domain.RoleOpeningSpeech},
	{mustPattern(`(?i)\b(?:open|opened|opens|commenced|began|begins|started|starts)\s+with\s+(?:opening\s+|welcoming\s+|introductory\s+|welcome\s+|keynote\s+)?(?:remarks|speeches|addresses|statements|words)\s+(?:by|from)\s+`), domain.RoleOpeningSpeech},
	{mustPattern(`(?i)\b(?:welcoming|welcome|introductory|opening)\s+(?:remarks|speeches|addresses|words|statements)\s+(?:were\s+|was\s+)?(?:delivered\s+|made\s+|given\s+)?by\s+`), domain.RoleOpeningSpeech},
	{mustPattern(`(?i)\b(?:moderated|chaired|co-chaired|facilitated)\s+by\s+`), domain.RoleModerator},
	{mustPattern(`(?i)\bmoderators?\s+(?:was|were)\s+`), domain.RoleModerator},
	{mustPattern(`(?i)\b(?:was|were)\s+(?:joined|attended)\s+by\s+`), domain.RoleParticipant},
	{mustPattern(`(?i)\b(?:participants|attendees)\s+included\s+`), domain.RoleParticipant},
	{mustPattern(`(?i)\b(?:speakers)\s+(?:included|were)\s+`), domain.RoleSpeaker},
	{mustPattern(`(?i)\b(?:panell?ists)\s+(?:included|were)\s+`), domain.RolePanellist},
	{mustPattern(`(?i)\bbr(?:ought|ings|ing)\s+together\s+`), domain.RoleParticipant},
	{mustPattern(`(?i)\bwith\s+the\s+participation\s+of\s+`), domain.RoleParticipant},
	{mustPattern(`(?i)\b(?:featured|included)\s+(?:speeches|presentations|remarks|reports|talks|addresses)\s+(?:on\s+[“"][^”"]+[”"]\s+)?(?:by|from)\s+`), domain.RoleSpeaker},
	{mustPattern(`(?i)\b(?:reports|presentations|talks)\s+(?:on\s+[“"][^”"]+[”"]\s+)?(?:were\s+(?:delivered|made|presented|given)\s+)?by\s+`), domain.RoleSpeaker},
	{mustPattern(`(?i)\b(?:took\s+part|participated)\s*:\s*`), domain.RoleParticipant},
	{mustPattern(`(?i)\b(?:remarks|speeches|addresses)\s+by\s+`), domain.RoleSpeaker},
}

// listEndRe ends a list of people: a new clause or verb.
var listEndRe = regexp.MustCompile(`,\s+(?:was|were|is|are|who|which|has|have|had)\b|\s+(?:has|have|had|was|were|is|are|will)\s+(?:been\s+)?[a-z]+(?:ed|en)\b|,\s+[A-Z][\w.]*\s+(?:reports|informs)\b|\.\s|\s+(?:in\s+the\s+(?:city|capital)|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b| — |\s+–\s+`)

var speechVerbs = `(?:said|says|stated|states|noted|notes|stressed|stresses|emphasi[sz]ed|emphasi[sz]es|pointed\s+out|points\s+out|underlined|underscored|added|highlighted|highlights|remarked|told|believes|mentioned|recalled|explained|expressed|called|urged|suggested|proposed|announced|spoke|speaks|delivered|addressed|welcomed|praised|commended|concluded|observed|warned|argued|assured|declared|shared|presented|opened|moderated|chaired|cautioned|insisted|acknowledged|confirmed|commented|described|drew|voiced|outlined|reminded|reiterated|identified|hailed|assessed|opined|thinks|agreed)`

var verbAfterRe = regexp.MustCompile(`^(?:(?:’s|'s)\s+(?:remarks|speech|address|statement|presentation|report)\b|(?:’s|'s)?(?:\s*,\s*([^,]{2,250}?)\s*,|,)?\s+(?:also\s+|further\s+|then\s+|has\s+|had\s+|have\s+|was\s+|first\s+|later\s+|in\s+turn\s+|,\s*in\s+turn,\s+)?` + speechVerbs + `\b)`)
var verbBeforeRe = mustPattern(`(?i)(?:\b` + speechVerbs + `|\baccording\s+to|\bas\s+(?:quoted|cited)\s+by)\s+(?:by\s+)?([^,.;“”"]{0,200}?)\s*$`)
var titleAfterRe = regexp.MustCompile(`^,\s*([^;“”"]{2,250}?)(?:\.\s|\.$|;|,\s+(?:who|which|and|adding|noting|stressing|saying|during|at\s+the|in\s+an?|while|as|when)\b|,\s+[a-z]|$)`)

var titleWordRe = regexp.MustCompile(`(?i)\b(?:president|chairman|chairwoman|chairperson|chair|director|head|chief|ambassador|ambassador-at-large|minister|deputy|advis[eo]r|assistant|secretary|coordinator|professor|fellow|researcher|expert|editor|rector|dean|member|spokes(?:person|woman|man)|representative|envoy|consul|senator|mp|founder|counsell?or|governor|mayor|lecturer|analyst|manager|officer|leader|scholar|diplomat|official|fm|co-chair(?:man)?|colleague|programme|program|scientist|economist|historian|journalist|commentator|observer)\b`)

var openingContextRe = regexp.MustCompile(`(?i)^(?:in\s+(?:his|her|their)\s+opening\s+(?:remarks|speech|speeches|address|addresses)|during\s+the\s+opening(?:\s+(?:remarks|session|ceremony))?|opening\s+the\s+(?:dialogue|meeting|forum|event|session|conference|round\s?table|discussion)|at\s+the\s+opening(?:\s+of\s+the\s+\w+)?)\b`)

var speakerListHeadRe = regexp.MustCompile(`(?i)(?:speakers|participants|panell?ists|moderators?|list\s+of\s+speakers|took\s+part|attended\s+by|presenters|opening\s+remarks|opening\s+speeches)\s*:?\s*$`)

// maxListIntros bounds a list of people: it ends at its end (listEndRe)
// or at the start of the maxListIntros-th list intro after its own,
// whichever comes first, so that a sentence of many intros without an end
// is not read again from each of them.
const maxListIntros = 8

// speakers finds the people who spoke at, moderated or attended the meeting.
func (ex *extractor) speakers() {
	t := ex.doc.text
	ex.peopleX = newPeopleIndex()
	type intro struct {
		m    []int
		role domain.Role
	}
	for si, s := range ex.sents {
		st := t[s.s.start:s.s.end]
		var intros []intro
		var starts []int
		for _, li := range listIntros {
			if !li.re.may(ex.sentFold(si)) {
				continue
			}
			for _, m := range li.re.FindAllStringIndex(st, -1) {
				intros = append(intros, intro{m, li.role})
				starts = append(starts, m[0])
			}
		}
		sort.Ints(starts)
		var covered []span
		var ends [][]int
		var panel []int
		for k, in := range intros {
			m := in.m
			start := s.s.start + m[1]
			end := s.s.end
			if k == 0 {
				// the list ends, from where the first list starts on
				// (firstEnd reads them from there on only)
				from := m[1]
				for _, in := range intros {
					from = min(from, in.m[1])
				}
				ends = listEndRe.FindAllStringIndex(st[from:], -1)
				for _, e := range ends {
					e[0], e[1] = e[0]+from, e[1]+from
				}
				panel = hoistedSpeakers1Re.FindStringIndex(st)
			}
			if e := firstEnd(ends, st, m[1]); e >= 0 {
				end = s.s.start + e
			}
			if i := sort.SearchInts(starts, m[1]) + maxListIntros - 1; i < len(starts) {
				end = min(end, s.s.start+starts[i])
			}
			role := in.role
			// hoistedSpeakers1Re.MatchString(st[:m[0]]): the pattern holds
			// no \b at its end, so its first match in st decides
			if role == domain.RoleParticipant && panel != nil && panel[1] <= m[0] {
				role = domain.RolePanellist
			}
			n := ex.parseList(span{start, end}, role, 0.95)
			if n > 0 {
				covered = append(covered, span{start, end})
			}
		}
		// lists cover names of their own sentence only
		ex.speechSentence(si, newSpans(covered))
	}
	ex.speakerBullets()
	// Order of first mention.
	sort.SliceStable(ex.people, func(i, j int) bool { return ex.people[i].nameS.start < ex.people[j].nameS.start })
	for i, p := range ex.people {
		sd := SpeakerDraft{Name: collapse(p.name), Roles: p.roles, Order: i + 1, Evidence: ex.ev(p.nameS, p.conf), Fields: map[string]Evidence{}}
		sd.Fields["name"] = ex.ev(p.nameS, p.conf)
		if p.title.end > p.title.start {
			sd.Title = collapse(t[p.title.start:p.title.end])
			sd.Fields["title"] = ex.ev(p.title, p.conf*0.9)
		}
		if p.inst != "" {
			sd.Institution = collapse(p.inst)
			sd.InstitutionAcronym = p.instAcr
			if p.instS.end > p.instS.start {
				sd.Fields["institution"] = ex.ev(p.instS, p.conf*0.85)
			}
		}
		sd.Country = p.country
		if len(sd.Roles) == 0 {
			sd.Roles = []domain.Role{domain.RoleSpeaker}
		}
		ex.d.Speakers = append(ex.d.Speakers, sd)
	}
}

// firstEnd returns where the first match of listEndRe in st[from:] starts
// (in st), or -1, from all the matches in st[f:] (ends), for f <= from:
// listEndRe looks behind no match, so after the end of a match of st[f:],
// the next one is the first; from inside a match, st[from:] is searched
// again.
func firstEnd(ends [][]int, st string, from int) int {
	i := sort.Search(len(ends), func(i int) bool { return ends[i][0] >= from })
	if i > 0 && ends[i-1][1] > from {
		if k := listEndRe.FindStringIndex(st[from:]); k != nil {
			return from + k[0]
		}
		return -1
	}
	if i < len(ends) {
		return ends[i][0]
	}
	return -1
}

// segment is a piece of a list between separators.
type segment struct {
	s     span
	name  *personName
	first bool // the name starts the segment
}

var segSepRe = regexp.MustCompile(`\s*(?:,\s+and\s+|,\s+as\s+well\s+as\s+|\s+as\s+well\s+as\s+|,\s+|\s+and\s+)`)

// parseList reads a list of people: "NAME, TITLE; NAME, TITLE; TITLE NAME and
// TITLE NAME" or "TITLE NAME, TITLE NAME, and TITLE NAME". It returns how
// many people it found.
func (ex *extractor) parseList(s span, role domain.Role, conf float64) int {
	t := ex.doc.text
	found := 0
	for _, chunk := range splitOutsideParens(t, s, ";") {
		segs := ex.segments(chunk)
		if len(segs) == 0 {
			continue
		}
		nameFirst := segs[0].name != nil && segs[0].first
		var cur *person
		var acc []span // title segments waiting for their name (title-first)
		for _, sg := range segs {
			switch {
			case nameFirst && sg.name != nil && sg.first:
				cur = ex.addPerson(*sg.name, span{}, role, conf)
				found++
				rest := trimPunct(t, span{sg.name.s.end, sg.s.end})
				if rest.end > rest.start {
					ex.extendTitle(cur, rest)
				}
			case nameFirst:
				if cur != nil {
					ex.extendTitle(cur, sg.s)
				}
			case sg.name != nil && !sg.first:
				title := span{sg.s.start, sg.name.s.start}
				if len(acc) > 0 {
					title.start = acc[0].start
				}
				title = trimPunct(t, title)
				p := ex.addPerson(*sg.name, span{}, role, conf)
				found++
				if title.end > title.start {
					ex.extendTitle(p, title)
				}
				acc = nil
			case sg.name != nil && sg.first:
				// a bare name in a title-first list
				ex.addPerson(*sg.name, span{}, role, conf)
				found++
				acc = nil
			default:
				acc = append(acc, sg.s)
			}
		}
		// finish titles of the name-first people
		if cur != nil {
			ex.finishTitle(cur)
		}
	}
	ex.finishTitles()
	return found
}

// segments cuts a chunk of a list at commas and "and", outside parentheses,
// and finds the name at the start or the end of each piece.
func (ex *extractor) segments(chunk span) []segment {
	t := ex.doc.text
	var out []segment
	prev := chunk.start
	cuts := [][]int{}
	depth, at := 0, chunk.start // parenDepth(t, chunk.start, at), counted on from cut to cut
	for _, m := range segSepRe.FindAllStringIndex(t[chunk.start:chunk.end], -1) {
		c := []int{chunk.start + m[0], chunk.start + m[1]}
		depth += parenDepth(t, at, c[0])
		at = max(at, c[0])
		if depth > 0 {
			continue
		}
		cuts = append(cuts, c)
	}
	cuts = append(cuts, []int{chunk.end, chunk.end})
	for _, c := range cuts {
		sg := trimLeadingWords(t, trimPunct(t, span{prev, c[0]}), "and", "as well as", "also", "by")
		prev = c[1]
		if sg.end <= sg.start {
			continue
		}
		seg := segment{s: sg}
		names := findNames(t, sg)
		if len(names) > 0 {
			n0 := names[0]
			if n0.s.start == sg.start || onlyFiller(t[sg.start:n0.s.start]) {
				seg.name, seg.first = &n0, true
			} else {
				last := names[len(names)-1]
				tail := strings.TrimSpace(t[last.s.end:sg.end])
				if tail == "" || strings.HasPrefix(tail, "(") || tail == ")" {
					seg.name = &last
				}
			}
		}
		out = append(out, seg)
	}
	return out
}

// onlyFiller reports whether s holds only words that may precede a name in a
// list without being a title: "Mr", "Dr", "Prof.".
func onlyFiller(s string) bool {
	for _, w := range strings.Fields(s) {
		switch strings.ToLower(strings.Trim(w, ".,")) {
		case "mr", "mrs", "ms", "dr", "prof", "professor":
		default:
			return false
		}
	}
	return true
}

func parenDepth(t string, from, to int) int {
	d := 0
	for i := from; i < to && i < len(t); i++ {
		switch t[i] {
		case '(':
			d++
		case ')':
			d--
		}
	}
	return d
}

// splitOutsideParens splits s at sep outside parentheses.
func splitOutsideParens(t string, s span, sep string) []span {
	var out []span
	prev := s.start
	depth := 0
	for i := s.start; i < s.end; i++ {
		switch {
		case t[i] == '(':
			depth++
		case t[i] == ')':
			depth--
		case depth <= 0 && strings.HasPrefix(t[i:], sep):
			out = append(out, span{prev, i})
			prev = i + len(sep)
		}
	}
	return append(out, span{prev, s.end})
}

// extendTitle widens p's title to cover s.
func (ex *extractor) extendTitle(p *person, s span) {
	if p.title.end == p.title.start {
		ex.setTitle(p, s)
		return
	}
	if s.start >= p.title.end && s.start-p.title.end < 12 {
		ex.setTitle(p, span{p.title.start, s.end})
	}
}

// finishTitle splits p's title into the title proper, the institution and
// the country, once.
func (ex *extractor) finishTitle(p *person) {
	if p.title.end <= p.title.start || p.inst != "" {
		return
	}
	if p.settled && p.title == p.settledTitle {
		return // as the last time: nothing would change
	}
	in := p.title
	defer func() {
		if p.inst == "" && p.title == in {
			p.settled, p.settledTitle = true, in
		}
	}()
	t := ex.doc.text
	p.title = trimPunct(t, trimLeadingWords(t, p.title, "the", "his", "her", "their", "a", "an", "and"))
	if !titleWordRe.MatchString(t[p.title.start:p.title.end]) && findNames(t, p.title) != nil {
		p.title = span{}
		return
	}
	title, inst, instS, acr, country := ex.splitTitle(p.title)
	p.title = title
	p.inst, p.instS, p.instAcr = inst, instS, acr
	if p.country == "" {
		p.country = country
	}
}

var ofRe = regexp.MustCompile(`\s+(?:of|at|from|with)\s+(?:the\s+)?`)

// splitTitle splits "Chairman of the Board of the Center of Analysis of
// International Relations (AIR Center)" into the title "Chairman of the
// Board" and the institution; "RIAC Director General" into "Director
// General" and RIAC. A compound title ("Advisor to the President and Head
// of ... Department of the Presidential Administration") stays whole and
// gives its last institution.
func (ex *extractor) splitTitle(s span) (title span, inst string, instS span, acr, country string) {
	t := ex.doc.text
	title = s
	T := t[s.start:s.end]
	if hs := ex.g.countryM.find(tokenize(T, s.start)); len(hs) > 0 {
		country = hs[0].id
	}
	// Leading institution: "RIAC Director General", "AIR Center Chairman".
	for _, i := range ex.leadingAcronyms(T) {
		a := ex.acr[i]
		if titleWordRe.MatchString(T[len(a.acr):]) {
			title = trimPunct(t, span{s.start + len(a.acr), s.end})
			return title, a.full, span{s.start, s.start + len(a.acr)}, a.acr, ex.orCountry(country, a.country)
		}
	}
	// (only a hit at the first token counts: the first tokens decide)
	if hs := ex.g.instM.find(tokenizeN(T, s.start, ex.g.instM.firstTokens())); len(hs) > 0 && hs[0].s.start == s.start && titleWordRe.MatchString(t[hs[0].s.end:s.end]) {
		e := ex.g.entry(ex.g.Institutions, hs[0].id)
		name := t[hs[0].s.start:hs[0].s.end]
		a := ""
		if e != nil && normalizeName(e.ShortName) == normalizeName(name) {
			a = name
			name = e.Name
		}
		title = trimPunct(t, span{hs[0].s.end, s.end})
		return title, name, hs[0].s, a, ex.orCountry(country, entryCountry(e))
	}
	var cands []span // institution starts
	var compound []bool
	and := strings.Index(T, " and ")
	for _, m := range ofRe.FindAllStringIndex(T, -1) {
		rest := T[m[1]:]
		if ex.isInstitutionStart(rest) {
			cands = append(cands, span{s.start + m[0], s.start + m[1]})
			// strings.Contains(T[:m[0]], " and ")
			compound = append(compound, and >= 0 && and+len(" and ") <= m[0])
		}
	}
	if len(cands) == 0 {
		return title, "", span{}, "", country
	}
	c := cands[0]
	whole := compound[0]
	if whole {
		c = cands[len(cands)-1]
	}
	is := trimPunct(t, span{c.end, s.end})
	inst = t[is.start:is.end]
	if k := strings.LastIndexByte(inst, '('); k > 0 && strings.HasSuffix(inst, ")") {
		acr = strings.TrimSpace(inst[k+1 : len(inst)-1])
		if i := strings.IndexByte(acr, ','); i > 0 {
			acr = strings.TrimSpace(acr[:i])
		}
		inst = strings.TrimSpace(inst[:k])
	}
	if full, a := ex.expand(inst); a != "" {
		inst, acr = full, a
	}
	// (no definition has an empty acronym)
	if c, ok := ex.acrX.firstCountry[acr]; ok && acr != "" && country == "" {
		country = c
	}
	if hs := ex.g.instM.find(tokenize(inst, 0)); len(hs) > 0 && country == "" {
		country = entryCountry(ex.g.entry(ex.g.Institutions, hs[0].id))
	}
	if !whole {
		title = trimPunct(t, span{s.start, c.start})
	}
	return title, inst, is, acr, country
}

func entryCountry(e *Entry) string {
	if e == nil {
		return ""
	}
	return e.Country
}

func (ex *extractor) orCountry(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// isInstitutionStart reports whether rest begins with an institution's
// name: a known acronym or institution, or words up to the next "of",
// "for" or comma that hold an institution word ("Presidential Directorate").
func (ex *extractor) isInstitutionStart(rest string) bool {
	fw := firstWord(rest)
	if ex.acrX.starts.begins(rest) { // an acronym or a full name begins rest
		return true
	}
	if hs := ex.g.instM.find(tokenizeN(rest, 0, ex.g.instM.firstTokens())); len(hs) > 0 && hs[0].s.start == 0 {
		return true
	}
	if isUpperWord(strings.Trim(fw, "(),.")) && len([]rune(fw)) >= 3 {
		return true
	}
	chunk := rest
	if m := hoistedSpeakers2Re.FindStringIndex(rest); m != nil {
		chunk = rest[:m[0]]
	}
	return capitalised(chunk) && instHeads.MatchString(chunk)
}

// addPerson records a person, merging with one already found under the same
// name, a spelling variant of it, or its initials.
func (ex *extractor) addPerson(n personName, title span, role domain.Role, conf float64) *person {
	k := keysOf(n.text)
	// The first person found who is the same: one with the same name or
	// variant key, or (when either gives only initials) the same surname
	// and first initial. A full name replaces initials.
	if p, bySurname := ex.peopleX.same(k); p != nil {
		if bySurname && p.keys.initOnly && !k.initOnly {
			ex.peopleX.rename(p, n, k)
		}
		p.addRole(role)
		if conf > p.conf {
			p.conf = conf
		}
		if p.title.end == p.title.start && title.end > title.start {
			ex.setTitle(p, title)
		}
		return p
	}
	p := &person{name: n.text, nameS: n.s, conf: conf, idx: len(ex.people), keys: k}
	if title.end > title.start {
		ex.setTitle(p, title)
	}
	p.addRole(role)
	ex.people = append(ex.people, p)
	ex.peopleX.add(p)
	return p
}

// addRole adds a role; SPEAKER only says the person spoke and gives way to
// any other role, and replaces PARTICIPANT.
func (p *person) addRole(r domain.Role) {
	for _, x := range p.roles {
		if x == r {
			return
		}
	}
	if r == domain.RoleSpeaker {
		for i, x := range p.roles {
			if x == domain.RoleParticipant {
				p.roles[i] = r
				return
			}
		}
		if len(p.roles) > 0 {
			return
		}
	}
	if r == domain.RoleParticipant && len(p.roles) > 0 {
		return
	}
	p.roles = append(p.roles, r)
}

// speechSentence finds people the sentence quotes or reports speaking:
// "TITLE NAME said", "NAME, TITLE, stressed", "said NAME, TITLE", "according
// to NAME".
func (ex *extractor) speechSentence(si int, covered *spans) {
	t := ex.doc.text
	s := ex.sents[si].s
	st := t[s.start:s.end]
	role := domain.RoleSpeaker
	if openingContextRe.MatchString(st) {
		role = domain.RoleOpeningSpeech
	}
	ex.subjectList(si, role)
	names := findNames(t, s)
	sc := ex.newSentenceScan(s)
	folded := ex.sentFold(si).s
	vb := &verbBeforeScan{ex: ex, s: s, si: si, folded: folded}
	verbBefore := vb.find
	// hoistedSpeakers4Re ("according to") needs its word
	according := strings.Contains(folded, "according")
	for _, n := range names {
		after := t[n.s.end:s.end]
		// verbBeforeRe ends at the name: read the tail before it that can
		// hold a match (see tailStart), after the last character that
		// cannot stand between its verb and the name
		bs := ex.doc.tailStart(s.start, n.s.start, verbBeforeBytes, false)
		if k := sc.clauseEnd.at(n.s.start); k >= 0 {
			_, w := utf8.DecodeRuneInString(t[k:])
			bs = max(bs, k+w)
		}
		before := t[bs:n.s.start]
		var titleS span
		conf := 0.0
		if m := verbAfter(after); m != nil {
			conf = 0.85
			if m[2] >= 0 {
				cand := span{n.s.end + m[2], n.s.end + m[3]}
				if titleWordRe.MatchString(t[cand.start:cand.end]) {
					titleS = cand
				}
			}
			if titleS.end == 0 {
				titleS = ex.titleBefore(sc, n)
			}
		} else if m := verbBefore(bs, n.s.start); m != nil {
			gap := strings.TrimSpace(before[m[2]:m[3]])
			if len(strings.Fields(gap)) > 15 || hoistedSpeakers3Re.MatchString(gap) {
				continue
			}
			conf = 0.8
			if m[2] < m[3] {
				cand := trimPunct(t, span{bs + m[2], bs + m[3]})
				if titleWordRe.MatchString(t[cand.start:cand.end]) || cand.end > cand.start && cand.end-cand.start < 120 {
					titleS = cand
				}
			}
			if am := titleAfterRe.FindStringSubmatchIndex(after); am != nil && titleS.end == titleS.start {
				cand := span{n.s.end + am[2], n.s.end + am[3]}
				if titleWordRe.MatchString(t[cand.start:cand.end]) {
					titleS = cand
				}
			}
		} else if strings.HasPrefix(strings.TrimSpace(after), ",") && covered.contain(n.s) {
			continue
		}
		if conf == 0 {
			continue
		}
		p := ex.addPerson(n, span{}, role, conf)
		if p.title.end == p.title.start && titleS.end > titleS.start {
			ex.setTitle(p, titleS)
			ex.finishTitle(p)
		}
	}
	// Bare surnames: "Hajiyev said" adds a role to a person already named.
	for _, w := range words(t, s) {
		if !capitalised(w.s) || isNotName(w.s) {
			continue
		}
		if !(mayVerbAfter(t[w.span.end:s.end]) && verbAfterRe.MatchString(t[w.span.end:s.end])) && !(according && hoistedSpeakers4Re.MatchString(t[ex.doc.tailStart(s.start, w.span.start, tailBytes, false):w.span.start])) {
			continue
		}
		ex.peopleX.giveRole(domain.VariantKey(stripPossessive(w.s)), role)
	}
}

// verbAfter is verbAfterRe.FindStringSubmatchIndex(s), or nil at once
// when s cannot match (see mayVerbAfter).
func verbAfter(s string) []int {
	if !mayVerbAfter(s) {
		return nil
	}
	return verbAfterRe.FindStringSubmatchIndex(s)
}

// verbAfterWords are the words that may follow a name (and white space) in
// a match of verbAfterRe: the first words of its speech verbs, of the
// words between ("also", "has", "in turn"), and of "’s remarks" and the like.
var verbAfterWords = func() map[string]bool {
	m := map[string]bool{}
	for _, alts := range []string{speechVerbs, `(?:also|further|then|has|had|have|was|first|later|in)`, `(?:remarks|speech|address|statement|presentation|report)`} {
		for _, w := range firstWords(alts) {
			m[w] = true
		}
	}
	return m
}()

// firstWords returns the first word of each alternative of "(?:a|b c|...)"
// (with [xy] written out). It panics on anything else, which tests catch.
func firstWords(alts string) []string {
	inner, ok := strings.CutPrefix(alts, "(?:")
	inner, ok2 := strings.CutSuffix(inner, ")")
	if !ok || !ok2 {
		panic("firstWords: not an alternation: " + alts)
	}
	var out []string
	for _, a := range strings.Split(inner, "|") {
		a, _, _ = strings.Cut(a, `\s+`)
		words := []string{""}
		for i := 0; i < len(a); i++ {
			switch c := a[i]; {
			case c >= 'a' && c <= 'z':
				for k := range words {
					words[k] += string(c)
				}
			case c == '[':
				j := strings.IndexByte(a[i:], ']')
				if j < 0 {
					panic("firstWords: " + a)
				}
				var more []string
				for _, w := range words {
					for _, x := range a[i+1 : i+j] {
						more = append(more, w+string(x))
					}
				}
				words, i = more, i+j
			default:
				panic("firstWords: " + a)
			}
		}
		out = append(out, words...)
	}
	return out
}

// mayVerbAfter reports whether verbAfterRe may match s. After an optional
// "’s", s goes on with white space and one of verbAfterWords, or a comma;
// or with a comma (after white space or not) and, after it or after the
// next comma (", TITLE,"), the same.
func mayVerbAfter(s string) bool {
	y := 0
	if strings.HasPrefix(s, "’s") {
		y = len("’s")
	} else if strings.HasPrefix(s, "'s") {
		y = 2
	}
	if verbAfterWordAt(s, y) {
		return true
	}
	z := y
	for z < len(s) && isRegexpSpace(s[z]) {
		z++
	}
	if z == len(s) || s[z] != ',' {
		return false
	}
	if verbAfterWordAt(s, z+1) {
		return true
	}
	c := strings.IndexByte(s[z+1:], ',')
	return c >= 0 && verbAfterWordAt(s, z+1+c+1)
}

// verbAfterWordAt reports whether s[i:] is white space and then a comma
// or one of verbAfterWords (a whole ASCII word: the pattern ends each at \b).
func verbAfterWordAt(s string, i int) bool {
	z := i
	for z < len(s) && isRegexpSpace(s[z]) {
		z++
	}
	if z == i || z == len(s) {
		return false
	}
	if s[z] == ',' {
		return true
	}
	e := z
	for e < len(s) && isWordByte(s[e]) {
		e++
	}
	return verbAfterWords[s[z:e]]
}

// verbBeforeScan finds the matches of verbBeforeRe before the names of a
// sentence. A match is VERB \s+ [by \s+] TEXT \s* up to the name, TEXT
// of at most 200 characters: so it starts at a verb (or "according to",
// "as quoted by") less than verbLead bytes (but for white space) before
// the 200 characters before the name (and its white space). Only the
// starts of verbs there are tried, in order; the first that matches is
// the leftmost match.
type verbBeforeScan struct {
	ex        *extractor
	s         span
	si        int // the sentence's index
	folded    string
	read, may bool
	starts    []int // where verbs start in the sentence (offsets of text), in order
}

// verbLead bounds the bytes, but for white space, of a verb and "by".
const verbLead = 48

// findStarts finds where the verbs of the sentence start. A verb holds a
// literal of verbStartRe's first clause, and lies within verbLead bytes
// (but for white space) of it, on either side: verbStartRe is run on those
// parts of the sentence only (parts that overlap are joined; none starts
// with a match, which would hold verbLead bytes before its literal; and as
// no verb starts inside another, the parts give every start). When fold
// did not keep the sentence's offsets, it is run on all of it.
func (v *verbBeforeScan) findStarts() {
	t, d := v.ex.doc.text, v.ex.doc
	find := func(from, to int) {
		for _, m := range verbStartRe.FindAllStringIndex(t[from:to], -1) {
			v.starts = append(v.starts, from+m[0])
		}
	}
	if len(v.folded) != v.s.end-v.s.start {
		find(v.s.start, v.s.end)
		return
	}
	lits := verbStartPattern.occurrences(v.ex.sentFold(v.si))
	for i := 0; i < len(lits); {
		from := d.tailStart(v.s.start, v.s.start+lits[i], verbLead, false)
		to := d.headEnd(v.s.start+lits[i], v.s.end, verbLead)
		for i++; i < len(lits) && d.tailStart(v.s.start, v.s.start+lits[i], verbLead, false) <= to; i++ {
			to = max(to, d.headEnd(v.s.start+lits[i], v.s.end, verbLead))
		}
		find(from, to)
	}
}

// verbStartRe finds where a match of verbBeforeRe may start: its verbs.
// No verb starts inside another (a verb is a word, "according to" or "as
// quoted by"), so its matches give every start.
var verbStartRe = regexp.MustCompile(`(?i)\b(?:` + speechVerbs + `|according\s+to|as\s+(?:quoted|cited)\s+by)`)

var verbBeforeTries = newTries(verbBeforeRe.Regexp)

// verbStartPattern is verbStartRe with its literals.
var verbStartPattern = &pattern{Regexp: verbStartRe, need: needs(verbStartRe.String())}

// find is verbBeforeRe.FindStringSubmatchIndex(text[s.start:to]) when no
// match starts before from, in offsets from from.
func (v *verbBeforeScan) find(from, to int) []int {
	t := v.ex.doc.text
	if !v.read {
		v.read = true
		v.may = verbBeforeRe.mayString(v.folded)
		if v.may {
			v.findStarts()
		}
	}
	if !v.may {
		return nil
	}
	e := to
	for e > from && isRegexpSpace(t[e-1]) {
		e--
	}
	// the 201st character before e (counting the bytes that start one:
	// no more than there are characters); TEXT starts after it
	lb, n := e, 0
	for lb > from && n < 201 {
		lb--
		if t[lb]&0xC0 != 0x80 {
			n++
		}
	}
	if n < 201 {
		lb = from
	} else {
		lb = v.ex.doc.tailStart(from, lb, verbLead, false)
	}
	for i := sort.SearchInts(v.starts, lb); i < len(v.starts) && v.starts[i] < to; i++ {
		p := v.starts[i]
		var m []int
		if p == v.s.start {
			// the text searched starts here
			m = verbBeforeTries.atStart.FindStringSubmatchIndex(t[p:to])
			for k := range m {
				if m[k] >= 0 {
					m[k] += p
				}
			}
		} else if ms := verbBeforeTries.findAt(t[:to], []int{p}, nil); ms != nil {
			m = ms[0]
		}
		if m != nil {
			for k := range m {
				if m[k] >= 0 {
					m[k] -= from
				}
			}
			return m
		}
	}
	return nil
}

// verbBeforeBytes bounds the text before a name that verbBeforeRe reads:
// its matches hold fewer bytes than this but for white space (a verb and
// up to 200 characters).
const verbBeforeBytes = 1024

// boundaryChars end the clause before a name (lastBoundary); so do
// titleDashes.
const boundaryChars = ",;:“”\"«»"

var titleDashes = []string{" — ", " – ", " - "}

var titleLeadWords = []string{"the", "and", "his", "her", "their", "a", "an", "also"}

// titleCand is trimLeadingWords(t, trimPunct(t, span{a, e}), titleLeadWords...)
// for the clause before a name, a..e: where the words and punctuation at
// its start end depends on a alone (while it comes before e), so it is
// found once for every name after the same boundary.
func (ex *extractor) titleCand(sc *sentenceScan, a, e int) span {
	t := ex.doc.text
	x, ok := sc.candStart[a]
	if !ok {
		x = trimLeadingWords(t, trimPunct(t, span{a, sc.s.end}), titleLeadWords...).start
		sc.candStart[a] = x
	}
	// the end, as trimPunct trims it
	end := e
	for end > a {
		r, n := utf8.DecodeLastRuneInString(t[:end])
		if !isSpaceRune(r) && !strings.ContainsRune(`,.;:`+closeQuotes, r) {
			break
		}
		end -= n
	}
	if x < end {
		return span{x, end}
	}
	return trimLeadingWords(t, trimPunct(t, span{a, e}), titleLeadWords...)
}

// titleBefore returns the title right before a name ("RIAC Director General
// Ivan Timofeev"), or the clause before ", NAME," when it is a title.
//
// The names of a sentence come in order, and what is read before each is
// read once for all of them (see sentenceScan): the last boundary, the
// clause before it, and the first title word and speech word after the
// boundary. A title word (or speech word) lies in the clause before a
// name exactly when the first one after the clause's start ends before
// the name: a match ends at a letter, and no word of the name's can be
// one or continue one.
func (ex *extractor) titleBefore(sc *sentenceScan, n personName) span {
	t := ex.doc.text
	s := sc.s
	// boundary: the last comma, semicolon, colon, quote or dash before the name
	b, bw := -1, 1 // lastBoundary(before)
	if k := sc.boundary.at(n.s.start); k >= 0 {
		_, w := utf8.DecodeRuneInString(t[k:])
		b, bw = k-s.start, w
	}
	for i, d := range titleDashes {
		if k := sc.dashes[i].at(n.s.start); k >= 0 && k-s.start+len(d)-1 > b {
			b, bw = k-s.start+len(d)-1, 1
		}
	}
	cand := ex.titleCand(sc, s.start+b+bw, n.s.start)
	if cand.end > cand.start {
		ct := t[cand.start:cand.end]
		// titleWordRe.MatchString(ct) && !hoistedSpeakers5Re.MatchString(ct)
		if m := sc.titleW.at(cand.start); m != nil && m[1] <= cand.end {
			if m := sc.notTitl.at(cand.start); m == nil || m[1] > cand.end {
				// but not a clause like "Speaking at the event"
				if !hoistedSpeakers6Re.MatchString(ct) {
					return cand
				}
			}
		}
		return span{}
	}
	// ", NAME," with the title in the clause before: "Assistant to the
	// President ..., Hikmet Hajiyev, said".
	if b < 0 || t[s.start+b] != ',' {
		return span{}
	}
	if c, ok := sc.clause[b]; ok {
		return c
	}
	prev := t[s.start : s.start+b]
	pb, pw := lastBoundary(prev)
	cand = trimPunct(t, span{s.start + pb + pw, s.start + b})
	cand = trimLeadingWords(t, cand, "the", "and")
	ct := t[cand.start:cand.end]
	c := span{}
	if titleWordRe.MatchString(ct) && !hoistedSpeakers7Re.MatchString(ct) && findNames(t, cand) == nil {
		c = cand
	}
	sc.clause[b] = c
	return c
}

// speakerBullets reads bullet lists that follow "Speakers:" and the like:
// each bullet is "NAME, TITLE" or "TITLE NAME".
func (ex *extractor) speakerBullets() {
	t := ex.doc.text
	paras := ex.doc.paras
	// the last non-bullet paragraph, and (once read) whether it heads a list
	head, read, isHead := -1, false, false
	for i := 0; i < len(paras); i++ {
		if !paras[i].bullet {
			head, read = i, false
			continue
		}
		if i == 0 {
			continue
		}
		// the head: the nearest preceding non-bullet paragraph
		j := head
		if j >= 0 && !read {
			read, isHead = true, speakerListHeadRe.MatchString(t[paras[j].start:paras[j].end])
		}
		if j < 0 || !isHead {
			continue
		}
		head := strings.ToLower(t[paras[j].start:paras[j].end])
		role := domain.RoleSpeaker
		switch {
		case strings.Contains(head, "moderator"):
			role = domain.RoleModerator
		case strings.Contains(head, "panel"):
			role = domain.RolePanellist
		case strings.Contains(head, "opening"):
			role = domain.RoleOpeningSpeech
		case strings.Contains(head, "participant") || strings.Contains(head, "took part") || strings.Contains(head, "attended"):
			role = domain.RoleParticipant
		}
		ex.parseList(span{paras[i].start, paras[i].end}, role, 0.9)
		paras[i].meta = true // not a recommendation
	}
}

// lastBoundary returns the byte index and width of the last comma,
// semicolon, colon or quotation mark in s, or -1 and 1.
func lastBoundary(s string) (int, int) {
	b := strings.LastIndexAny(s, ",;:“”\"«»")
	if b < 0 {
		return -1, 1
	}
	_, w := utf8.DecodeRuneInString(s[b:])
	return b, w
}

var introPhraseRe = regexp.MustCompile(`^(?:[A-Z][a-z]+ly|(?:In|During|At|Speaking|Addressing|Opening|Following|After|Before|Later|Then|Also|Meanwhile|Moreover|Furthermore)\b[^,]{0,80}),\s+`)

var subjectVerbRe = mustPattern(`,?\s+(?:also\s+|jointly\s+|both\s+|then\s+)?` + speechVerbs + `\b`).withLead(16)

// subjectList reads a sentence whose subject is several people before one
// verb: "Subsequently, Director General of RIAC Ivan Timofeev and Chairman
// of ... Farid Shafiyev highlighted ..."; "Ivan Timofeyev, Director
// General of RIAC, and Farid Shafiyev, Chairman of CAIRA, commended ...".
func (ex *extractor) subjectList(si int, role domain.Role) {
	t := ex.doc.text
	s := ex.sents[si].s
	st := t[s.start:s.end]
	f := ex.sentFold(si)
	if !subjectVerbRe.may(f) {
		return
	}
	from := ex.searchFrom(subjectVerbRe, si) - s.start
	m := subjectVerbRe.FindStringIndex(st[from:])
	if m == nil {
		return
	}
	m[0], m[1] = m[0]+from, m[1]+from
	start := 0
	if im := introPhraseRe.FindStringIndex(st[:m[0]]); im != nil {
		start = im[1]
	}
	subj := span{s.start + start, s.start + m[0]}
	if strings.ContainsAny(t[subj.start:subj.end], "“”\"«»") {
		return
	}
	if len(findNames(t, subj)) < 2 {
		return
	}
	ex.parseList(subj, role, 0.85)
}

var hoistedSpeakers1Re = regexp.MustCompile(`(?i)\bpanel`)
var hoistedSpeakers2Re = regexp.MustCompile(`\s+(?:of|for|to|and|at|on|in)\s+|,|\(`)
var hoistedSpeakers3Re = regexp.MustCompile(`(?i)\b(?:that|this|which|who|was|were|is|are|between|thanks)\b`)
var hoistedSpeakers4Re = regexp.MustCompile(`(?i)\baccording\s+to\s+$`)
var hoistedSpeakers5Re = regexp.MustCompile(`(?i)\b(?:said|noted|stressed|at\s+the\s+meeting|during|reports)\b`)
var hoistedSpeakers6Re = regexp.MustCompile(`(?i)^(?:speaking|addressing|according|in\s+(?:his|her|their)|during|opening|at)\b`)
var hoistedSpeakers7Re = regexp.MustCompile(`(?i)\b(?:said|noted|stressed|reports|during|speaking|according)\b`)
