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
}

// listIntro is a phrase that introduces a list of people in one role.
type listIntro struct {
	re   *regexp.Regexp
	role domain.Role
}

var listIntros = []listIntro{
	{regexp.MustCompile(`(?i)\bopening\s+(?:speeches|remarks|addresses|statements|words)\s+(?:were|was)\s+(?:delivered|made|given|presented)\s+by\s+`), domain.RoleOpeningSpeech},
	{regexp.MustCompile(`(?i)\b(?:was|were)\s+opened\s+(?:with\s+(?:remarks|speeches|addresses)\s+)?by\s+`), domain.RoleOpeningSpeech},
	{regexp.MustCompile(`(?i)\b(?:open|opened|opens|commenced|began|begins|started|starts)\s+with\s+(?:opening\s+|welcoming\s+|introductory\s+|welcome\s+|keynote\s+)?(?:remarks|speeches|addresses|statements|words)\s+(?:by|from)\s+`), domain.RoleOpeningSpeech},
	{regexp.MustCompile(`(?i)\b(?:welcoming|welcome|introductory|opening)\s+(?:remarks|speeches|addresses|words|statements)\s+(?:were\s+|was\s+)?(?:delivered\s+|made\s+|given\s+)?by\s+`), domain.RoleOpeningSpeech},
	{regexp.MustCompile(`(?i)\b(?:moderated|chaired|co-chaired|facilitated)\s+by\s+`), domain.RoleModerator},
	{regexp.MustCompile(`(?i)\bmoderators?\s+(?:was|were)\s+`), domain.RoleModerator},
	{regexp.MustCompile(`(?i)\b(?:was|were)\s+(?:joined|attended)\s+by\s+`), domain.RoleParticipant},
	{regexp.MustCompile(`(?i)\b(?:participants|attendees)\s+included\s+`), domain.RoleParticipant},
	{regexp.MustCompile(`(?i)\b(?:speakers)\s+(?:included|were)\s+`), domain.RoleSpeaker},
	{regexp.MustCompile(`(?i)\b(?:panell?ists)\s+(?:included|were)\s+`), domain.RolePanellist},
	{regexp.MustCompile(`(?i)\bbr(?:ought|ings|ing)\s+together\s+`), domain.RoleParticipant},
	{regexp.MustCompile(`(?i)\bwith\s+the\s+participation\s+of\s+`), domain.RoleParticipant},
	{regexp.MustCompile(`(?i)\b(?:featured|included)\s+(?:speeches|presentations|remarks|reports|talks|addresses)\s+(?:on\s+[“"][^”"]+[”"]\s+)?(?:by|from)\s+`), domain.RoleSpeaker},
	{regexp.MustCompile(`(?i)\b(?:reports|presentations|talks)\s+(?:on\s+[“"][^”"]+[”"]\s+)?(?:were\s+(?:delivered|made|presented|given)\s+)?by\s+`), domain.RoleSpeaker},
	{regexp.MustCompile(`(?i)\b(?:took\s+part|participated)\s*:\s*`), domain.RoleParticipant},
	{regexp.MustCompile(`(?i)\b(?:remarks|speeches|addresses)\s+by\s+`), domain.RoleSpeaker},
}

// listEndRe ends a list of people: a new clause or verb.
var listEndRe = regexp.MustCompile(`,\s+(?:was|were|is|are|who|which|has|have|had)\b|\s+(?:has|have|had|was|were|is|are|will)\s+(?:been\s+)?[a-z]+(?:ed|en)\b|,\s+[A-Z][\w.]*\s+(?:reports|informs)\b|\.\s|\s+(?:in\s+the\s+(?:city|capital)|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b| — |\s+–\s+`)

var speechVerbs = `(?:said|says|stated|states|noted|notes|stressed|stresses|emphasi[sz]ed|emphasi[sz]es|pointed\s+out|points\s+out|underlined|underscored|added|highlighted|highlights|remarked|told|believes|mentioned|recalled|explained|expressed|called|urged|suggested|proposed|announced|spoke|speaks|delivered|addressed|welcomed|praised|commended|concluded|observed|warned|argued|assured|declared|shared|presented|opened|moderated|chaired|cautioned|insisted|acknowledged|confirmed|commented|described|drew|voiced|outlined|reminded|reiterated|identified|hailed|assessed|opined|thinks|agreed)`

var verbAfterRe = regexp.MustCompile(`^(?:(?:’s|'s)\s+(?:remarks|speech|address|statement|presentation|report)\b|(?:’s|'s)?(?:\s*,\s*([^,]{2,250}?)\s*,|,)?\s+(?:also\s+|further\s+|then\s+|has\s+|had\s+|have\s+|was\s+|first\s+|later\s+|in\s+turn\s+|,\s*in\s+turn,\s+)?` + speechVerbs + `\b)`)
var verbBeforeRe = regexp.MustCompile(`(?i)(?:\b` + speechVerbs + `|\baccording\s+to|\bas\s+(?:quoted|cited)\s+by)\s+(?:by\s+)?([^,.;“”"]{0,200}?)\s*$`)
var titleAfterRe = regexp.MustCompile(`^,\s*([^;“”"]{2,250}?)(?:\.\s|\.$|;|,\s+(?:who|which|and|adding|noting|stressing|saying|during|at\s+the|in\s+an?|while|as|when)\b|,\s+[a-z]|$)`)

var titleWordRe = regexp.MustCompile(`(?i)\b(?:president|chairman|chairwoman|chairperson|chair|director|head|chief|ambassador|ambassador-at-large|minister|deputy|advis[eo]r|assistant|secretary|coordinator|professor|fellow|researcher|expert|editor|rector|dean|member|spokes(?:person|woman|man)|representative|envoy|consul|senator|mp|founder|counsell?or|governor|mayor|lecturer|analyst|manager|officer|leader|scholar|diplomat|official|fm|co-chair(?:man)?|colleague|programme|program|scientist|economist|historian|journalist|commentator|observer)\b`)

var openingContextRe = regexp.MustCompile(`(?i)^(?:in\s+(?:his|her|their)\s+opening\s+(?:remarks|speech|speeches|address|addresses)|during\s+the\s+opening(?:\s+(?:remarks|session|ceremony))?|opening\s+the\s+(?:dialogue|meeting|forum|event|session|conference|round\s?table|discussion)|at\s+the\s+opening(?:\s+of\s+the\s+\w+)?)\b`)

var speakerListHeadRe = regexp.MustCompile(`(?i)(?:speakers|participants|panell?ists|moderators?|list\s+of\s+speakers|took\s+part|attended\s+by|presenters|opening\s+remarks|opening\s+speeches)\s*:?\s*$`)

// speakers finds the people who spoke at, moderated or attended the meeting.
func (ex *extractor) speakers() {
	t := ex.doc.text
	covered := []span{}
	for si, s := range ex.sents {
		st := t[s.s.start:s.s.end]
		for _, li := range listIntros {
			for _, m := range li.re.FindAllStringIndex(st, -1) {
				start := s.s.start + m[1]
				end := s.s.end
				if k := listEndRe.FindStringIndex(t[start:end]); k != nil {
					end = start + k[0]
				}
				role := li.role
				if role == domain.RoleParticipant && hoistedSpeakers1Re.MatchString(st[:m[0]]) {
					role = domain.RolePanellist
				}
				n := ex.parseList(span{start, end}, role, 0.95)
				if n > 0 {
					covered = append(covered, span{start, end})
				}
			}
		}
		ex.speechSentence(si, covered)
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
	for _, p := range ex.people {
		ex.finishTitle(p)
	}
	return found
}

// segments cuts a chunk of a list at commas and "and", outside parentheses,
// and finds the name at the start or the end of each piece.
func (ex *extractor) segments(chunk span) []segment {
	t := ex.doc.text
	var out []segment
	prev := chunk.start
	cuts := [][]int{}
	for _, m := range segSepRe.FindAllStringIndex(t[chunk.start:chunk.end], -1) {
		c := []int{chunk.start + m[0], chunk.start + m[1]}
		if parenDepth(t, chunk.start, c[0]) > 0 {
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
		p.title = s
		return
	}
	if s.start >= p.title.end && s.start-p.title.end < 12 {
		p.title.end = s.end
	}
}

// finishTitle splits p's title into the title proper, the institution and
// the country, once.
func (ex *extractor) finishTitle(p *person) {
	if p.title.end <= p.title.start || p.inst != "" {
		return
	}
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
	for _, a := range ex.acr {
		if strings.HasPrefix(T, a.acr+" ") && titleWordRe.MatchString(T[len(a.acr):]) {
			title = trimPunct(t, span{s.start + len(a.acr), s.end})
			return title, a.full, span{s.start, s.start + len(a.acr)}, a.acr, ex.orCountry(country, a.country)
		}
	}
	if hs := ex.g.instM.find(tokenize(T, s.start)); len(hs) > 0 && hs[0].s.start == s.start && titleWordRe.MatchString(t[hs[0].s.end:s.end]) {
		e := ex.g.entry(ex.g.Institutions, hs[0].id)
		name := t[hs[0].s.start:hs[0].s.end]
		a := ""
		if e != nil && domain.NormalizeName(e.ShortName) == domain.NormalizeName(name) {
			a = name
			name = e.Name
		}
		title = trimPunct(t, span{hs[0].s.end, s.end})
		return title, name, hs[0].s, a, ex.orCountry(country, entryCountry(e))
	}
	var cands []span // institution starts
	var compound []bool
	for _, m := range ofRe.FindAllStringIndex(T, -1) {
		rest := T[m[1]:]
		if ex.isInstitutionStart(rest) {
			cands = append(cands, span{s.start + m[0], s.start + m[1]})
			compound = append(compound, strings.Contains(T[:m[0]], " and "))
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
	if acr == "" {
		for _, a := range ex.acr {
			if a.acr == acr && a.country != "" {
				country = ex.orCountry(country, a.country)
			}
		}
	}
	for _, a := range ex.acr {
		if acr != "" && a.acr == acr && a.country != "" && country == "" {
			country = a.country
		}
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
	for _, a := range ex.acr {
		if strings.HasPrefix(rest, a.acr) || strings.HasPrefix(rest, a.full) {
			return true
		}
	}
	if hs := ex.g.instM.find(tokenize(rest, 0)); len(hs) > 0 && hs[0].s.start == 0 {
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
	key := domain.NormalizeName(n.text)
	vk := VariantKey(n.text)
	for _, p := range ex.people {
		same := domain.NormalizeName(p.name) == key || VariantKey(p.name) == vk
		if !same && (hasInitialsOnly(n.text) || hasInitialsOnly(p.name)) {
			same = VariantKey(surname(p.name)) == VariantKey(surname(n.text)) && strings.HasPrefix(initials(p.name), initials(n.text)[:min(1, len(initials(n.text)))])
			if same && hasInitialsOnly(p.name) && !hasInitialsOnly(n.text) {
				p.name, p.nameS = n.text, n.s
			}
		}
		if same {
			p.addRole(role)
			if conf > p.conf {
				p.conf = conf
			}
			if p.title.end == p.title.start && title.end > title.start {
				p.title = title
			}
			return p
		}
	}
	p := &person{name: n.text, nameS: n.s, title: title, conf: conf}
	p.addRole(role)
	ex.people = append(ex.people, p)
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
func (ex *extractor) speechSentence(si int, covered []span) {
	t := ex.doc.text
	s := ex.sents[si].s
	st := t[s.start:s.end]
	role := domain.RoleSpeaker
	if openingContextRe.MatchString(st) {
		role = domain.RoleOpeningSpeech
	}
	ex.subjectList(si, role)
	names := findNames(t, s)
	for _, n := range names {
		after := t[n.s.end:s.end]
		before := t[s.start:n.s.start]
		var titleS span
		conf := 0.0
		if m := verbAfterRe.FindStringSubmatchIndex(after); m != nil {
			conf = 0.85
			if m[2] >= 0 {
				cand := span{n.s.end + m[2], n.s.end + m[3]}
				if titleWordRe.MatchString(t[cand.start:cand.end]) {
					titleS = cand
				}
			}
			if titleS.end == 0 {
				titleS = ex.titleBefore(s, n)
			}
		} else if m := verbBeforeRe.FindStringSubmatchIndex(before); m != nil {
			gap := strings.TrimSpace(before[m[2]:m[3]])
			if len(strings.Fields(gap)) > 15 || hoistedSpeakers3Re.MatchString(gap) {
				continue
			}
			conf = 0.8
			if m[2] < m[3] {
				cand := trimPunct(t, span{s.start + m[2], s.start + m[3]})
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
		} else if strings.HasPrefix(strings.TrimSpace(after), ",") && ex.inCovered(n.s, covered) {
			continue
		}
		if conf == 0 {
			continue
		}
		p := ex.addPerson(n, span{}, role, conf)
		if p.title.end == p.title.start && titleS.end > titleS.start {
			p.title = titleS
			ex.finishTitle(p)
		}
	}
	// Bare surnames: "Hajiyev said" adds a role to a person already named.
	for _, w := range words(t, s) {
		if !capitalised(w.s) || isNotName(w.s) {
			continue
		}
		if !verbAfterRe.MatchString(t[w.span.end:s.end]) && !hoistedSpeakers4Re.MatchString(t[s.start:w.span.start]) {
			continue
		}
		for _, p := range ex.people {
			if VariantKey(surname(p.name)) == VariantKey(stripPossessive(w.s)) && !strings.Contains(p.name, " "+w.s) {
				p.addRole(role)
			} else if VariantKey(surname(p.name)) == VariantKey(stripPossessive(w.s)) {
				p.addRole(role)
			}
		}
	}
}

func (ex *extractor) inCovered(s span, covered []span) bool {
	for _, c := range covered {
		if contains(c, s) {
			return true
		}
	}
	return false
}

// titleBefore returns the title right before a name ("RIAC Director General
// Ivan Timofeev"), or the clause before ", NAME," when it is a title.
func (ex *extractor) titleBefore(s span, n personName) span {
	t := ex.doc.text
	before := t[s.start:n.s.start]
	// boundary: the last comma, semicolon, colon, quote or dash before the name
	b, bw := lastBoundary(before)
	for _, d := range []string{" — ", " – ", " - "} {
		if k := strings.LastIndex(before, d); k >= 0 && k+len(d)-1 > b {
			b, bw = k+len(d)-1, 1
		}
	}
	cand := trimPunct(t, span{s.start + b + bw, n.s.start})
	cand = trimLeadingWords(t, cand, "the", "and", "his", "her", "their", "a", "an", "also")
	ct := t[cand.start:cand.end]
	if cand.end > cand.start && titleWordRe.MatchString(ct) && !hoistedSpeakers5Re.MatchString(ct) {
		// but not a clause like "Speaking at the event"
		if !hoistedSpeakers6Re.MatchString(ct) {
			return cand
		}
	}
	if cand.end > cand.start {
		return span{}
	}
	// ", NAME," with the title in the clause before: "Assistant to the
	// President ..., Hikmet Hajiyev, said".
	if b < 0 || before[b] != ',' {
		return span{}
	}
	prev := before[:b]
	pb, pw := lastBoundary(prev)
	cand = trimPunct(t, span{s.start + pb + pw, s.start + b})
	cand = trimLeadingWords(t, cand, "the", "and")
	ct = t[cand.start:cand.end]
	if titleWordRe.MatchString(ct) && !hoistedSpeakers7Re.MatchString(ct) && findNames(t, cand) == nil {
		return cand
	}
	return span{}
}

// speakerBullets reads bullet lists that follow "Speakers:" and the like:
// each bullet is "NAME, TITLE" or "TITLE NAME".
func (ex *extractor) speakerBullets() {
	t := ex.doc.text
	paras := ex.doc.paras
	for i := 1; i < len(paras); i++ {
		if !paras[i].bullet {
			continue
		}
		// the head: the nearest preceding non-bullet paragraph
		j := i - 1
		for j >= 0 && paras[j].bullet {
			j--
		}
		if j < 0 || !speakerListHeadRe.MatchString(t[paras[j].start:paras[j].end]) {
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

var subjectVerbRe = regexp.MustCompile(`,?\s+(?:also\s+|jointly\s+|both\s+|then\s+)?` + speechVerbs + `\b`)

// subjectList reads a sentence whose subject is several people before one
// verb: "Subsequently, Director General of RIAC Ivan Timofeev and Chairman
// of ... Farid Shafiyev highlighted ..."; "Ivan Timofeyev, Director
// General of RIAC, and Farid Shafiyev, Chairman of CAIRA, commended ...".
func (ex *extractor) subjectList(si int, role domain.Role) {
	t := ex.doc.text
	s := ex.sents[si].s
	st := t[s.start:s.end]
	m := subjectVerbRe.FindStringIndex(st)
	if m == nil {
		return
	}
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
