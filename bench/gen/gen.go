// Package gen generates deterministic synthetic graphs of expert meetings at a
// scale factor, for benchmarks. SF1 is 10,000 meetings in 200 councils, 30,000
// people, 5,000 institutions, 300 initiatives and about 150,000
// recommendations; the counts scale linearly (countries, places and themes do
// not: the world and the taxonomy do not grow with the archive).
//
// The shape follows the real archive: councils between pairs of countries
// (a few between three), organised by institutions of those countries, meeting
// a few times a year over 2000–2025; appearances drawn mostly from a council's
// regulars (people of its countries, with a heavy head), with roles, titles and
// the institution of the time; recommendations tagged with initiatives (a
// council's favourites more often), themes and countries; every fact with a
// source. The same Config always gives the same graph, in the same chunks.
package gen

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// Config says what to generate.
type Config struct {
	SF   float64 // scale factor: 1 = 10,000 meetings
	Seed uint64
}

// Counts returns the numbers of each kind at the scale factor.
func (c Config) Counts() Counts {
	n := func(base float64, min int) int { return max(min, int(math.Round(base*c.SF))) }
	return Counts{
		Meetings:     n(10000, 4),
		Councils:     n(200, 2),
		People:       n(30000, 40),
		Institutions: n(5000, 10),
		Initiatives:  n(300, 6),
		RecsPerMeet:  15,
	}
}

// Counts are the sizes of a generated graph.
type Counts struct {
	Meetings, Councils, People, Institutions, Initiatives int
	RecsPerMeet                                           int // on average
}

// Generator produces a graph in chunks: Base first, then Meetings until done.
type Generator struct {
	cfg Config
	n   Counts
	r   *rand.Rand

	countries    []*domain.Country
	places       map[string][]*domain.Place // by country
	institutions []*domain.Institution
	instByCtry   map[string][]int
	people       []*domain.Person
	peopleByCtry map[string][]int
	councils     []*domain.Council
	councilPlan  []councilPlan
	initiatives  []*domain.Initiative
	initName     map[string]string
	themes       []*domain.Theme

	// meetings in generation order: council index and ordinal, by date
	plan []meetingSlot
	next int

	Sample *Sample
}

type councilPlan struct {
	regulars  []int // people indexes, heavy head first
	favInits  []int // initiative indexes
	favThemes []int
	meetings  int
}

type meetingSlot struct {
	council int // -1: a one-off event
	ordinal int
	date    domain.Date
}

// New returns a generator.
func New(cfg Config) *Generator {
	g := &Generator{cfg: cfg, n: cfg.Counts(), r: rand.New(rand.NewPCG(cfg.Seed, 0x5eed)),
		places: map[string][]*domain.Place{}, initName: map[string]string{}, instByCtry: map[string][]int{}, peopleByCtry: map[string][]int{},
		Sample: newSample(cfg.Seed)}
	g.world()
	return g
}

// Counts returns the sizes of what the generator makes.
func (g *Generator) Counts() Counts { return g.n }

// MeetingsLeft reports how many meetings are still to generate.
func (g *Generator) MeetingsLeft() int { return len(g.plan) - g.next }

// zipf draws an index in [0,n) with a heavy head (exponent about 1).
func (g *Generator) zipf(n int) int {
	if n <= 1 {
		return 0
	}
	// inverse CDF of a continuous 1/x law on [1, n+1)
	x := math.Exp(g.r.Float64()*math.Log(float64(n)+1)) - 1
	return min(n-1, int(x))
}

func (g *Generator) pick(xs []string) string { return xs[g.r.IntN(len(xs))] }

// between draws an int in [lo, hi].
func (g *Generator) between(lo, hi int) int { return lo + g.r.IntN(hi-lo+1) }

func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(domain.NormalizeName(s)) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

func src(id string) []domain.SourceRef { return []domain.SourceRef{{SourceID: id}} }

// world makes everything but meetings: countries, places, institutions,
// people, councils, initiatives, themes, and the plan of meetings.
func (g *Generator) world() {
	for _, c := range worldCountries {
		ctry := &domain.Country{ID: slug(c.name), Name: c.name, Aliases: c.aliases}
		g.countries = append(g.countries, ctry)
		for _, city := range c.cities {
			g.places[ctry.ID] = append(g.places[ctry.ID], &domain.Place{ID: slug(city + " " + ctry.ID), Name: city, CountryID: ctry.ID})
		}
	}
	for i, t := range themeNames {
		g.themes = append(g.themes, &domain.Theme{ID: slug(t), Name: t, Description: fmt.Sprintf("Theme %d of the benchmark taxonomy.", i+1)})
	}
	// initiatives: a few real ones, then synthetic corridors, platforms, ...
	for i := 0; i < g.n.Initiatives; i++ {
		var in *domain.Initiative
		if i < len(realInitiatives) {
			x := realInitiatives[i]
			in = &domain.Initiative{ID: x.id, Name: x.name, ShortName: x.short, Aliases: x.aliases, Kind: x.kind}
		} else {
			k := domain.InitiativeKinds[g.r.IntN(len(domain.InitiativeKinds))]
			a, b := g.pick(initiativeWords), g.pick(initiativeWords)
			name := fmt.Sprintf("%s–%s %s %d", a, b, initiativeNouns[k], i)
			short := strings.ToUpper(a[:1]+b[:1]) + string(initiativeNouns[k][0]) + fmt.Sprint(i)
			in = &domain.Initiative{ID: slug(name), Name: name, ShortName: short, Kind: k,
				Aliases: []string{fmt.Sprintf("%s-%s %s #%d", strings.ToLower(a), strings.ToLower(b), strings.ToLower(initiativeNouns[k]), i)}}
		}
		in.Description = "A synthetic initiative for benchmarks."
		g.initName[in.ID] = in.Name
		g.initiatives = append(g.initiatives, in)
	}
	// institutions, spread over countries with a heavy head (big countries have more)
	for i := 0; i < g.n.Institutions; i++ {
		c := g.countries[g.zipf(len(g.countries))]
		k := domain.InstitutionKinds[g.r.IntN(len(domain.InstitutionKinds))]
		name := fmt.Sprintf("%s %s of %s %d", g.pick(instAdjectives), instNouns[k], c.Name, i)
		in := &domain.Institution{ID: slug(name), Name: name, Kind: k, CountryID: c.ID,
			ShortName: strings.ToUpper(string(instNouns[k][0])+string(c.Name[0])) + fmt.Sprint(i)}
		if list := g.instByCtry[c.ID]; len(list) > 3 && g.r.IntN(8) == 0 {
			in.ParentID = g.institutions[list[g.r.IntN(len(list))]].ID
		}
		g.instByCtry[c.ID] = append(g.instByCtry[c.ID], i)
		g.institutions = append(g.institutions, in)
	}
	// people, each with a country, transliterated aliases for some, 0–2 affiliations
	for i := 0; i < g.n.People; i++ {
		c := g.countries[g.zipf(len(g.countries))]
		first, last := g.pick(firstNames), g.pick(lastNames)
		name := first + " " + last
		p := &domain.Person{ID: slug(name) + "-" + fmt.Sprint(i), Name: name, CountryID: c.ID}
		if g.r.IntN(3) == 0 {
			p.Aliases = []string{translit(first) + " " + translit(last)}
		}
		insts := g.instByCtry[c.ID]
		for j, na := 0, g.r.IntN(3); j < na && len(insts) > 0; j++ {
			in := insts[g.zipf(len(insts))]
			if slices.ContainsFunc(p.Affiliations, func(a domain.Affiliation) bool { return a.InstitutionID == g.institutions[in].ID }) {
				continue
			}
			from := g.between(1995, 2020)
			a := domain.Affiliation{InstitutionID: g.institutions[in].ID, Title: g.pick(titles), From: domain.Date{Year: from}}
			if j == 0 && g.r.IntN(2) == 0 {
				a.To = domain.Date{Year: g.between(from, 2025)}
			}
			p.Affiliations = append(p.Affiliations, a)
		}
		g.peopleByCtry[c.ID] = append(g.peopleByCtry[c.ID], i)
		g.people = append(g.people, p)
	}
	// councils between pairs (a few triples) of countries, meetings spread by a heavy head
	weights := make([]float64, g.n.Councils)
	total := 0.0
	for i := range weights {
		weights[i] = 1 / math.Sqrt(float64(i)+1)
		total += weights[i]
	}
	meetingsLeft := g.n.Meetings - g.n.Meetings/20 // one in twenty is a one-off event
	for i := 0; i < g.n.Councils; i++ {
		nc := 2
		if g.r.IntN(10) == 0 {
			nc = 3
		}
		var ctrs []*domain.Country
		for len(ctrs) < nc {
			c := g.countries[g.zipf(len(g.countries))]
			if !slices.Contains(ctrs, c) {
				ctrs = append(ctrs, c)
			}
		}
		var names, ids []string
		for _, c := range ctrs {
			names = append(names, c.Name)
			ids = append(ids, c.ID)
		}
		kind := g.pick(councilKinds)
		name := fmt.Sprintf("%s %s %d", strings.Join(names, "–"), kind, i)
		var short strings.Builder
		for _, n := range names {
			short.WriteByte(n[0])
		}
		short.WriteString(acronym(kind))
		fmt.Fprint(&short, i)
		c := &domain.Council{ID: slug(strings.Join(names, " ") + " " + kind + " " + fmt.Sprint(i)), Name: name,
			ShortName: short.String(), CountryIDs: ids, Frequency: g.pick([]string{"annual", "twice a year", "irregular"}),
			Description: "A synthetic council for benchmarks."}
		for _, cid := range ids {
			if insts := g.instByCtry[cid]; len(insts) > 0 {
				id := g.institutions[insts[g.zipf(len(insts))]].ID
				if !slices.Contains(c.OrganizerIDs, id) {
					c.OrganizerIDs = append(c.OrganizerIDs, id)
				}
			}
		}
		plan := councilPlan{meetings: max(1, int(math.Round(float64(meetingsLeft)*weights[i]/total)))}
		// regulars: people of the council's countries, up to 150
		for _, cid := range ids {
			pool := g.peopleByCtry[cid]
			for j := 0; j < min(len(pool), 60); j++ {
				plan.regulars = append(plan.regulars, pool[g.r.IntN(len(pool))])
			}
		}
		for j := 0; j < 8; j++ {
			plan.favInits = append(plan.favInits, g.zipf(len(g.initiatives)))
		}
		for j := 0; j < 4; j++ {
			plan.favThemes = append(plan.favThemes, g.r.IntN(len(g.themes)))
		}
		g.councils = append(g.councils, c)
		g.councilPlan = append(g.councilPlan, plan)
	}
	// the plan: every council's meetings spread over years, plus one-off events, by date
	for ci, p := range g.councilPlan {
		first := g.between(2000, 2022)
		founded := domain.Date{Year: first}
		g.councils[ci].Founded = founded
		span := 2026 - first
		for o := 1; o <= p.meetings; o++ {
			year := first + (o-1)*span/p.meetings
			g.plan = append(g.plan, meetingSlot{council: ci, ordinal: o, date: g.date(year)})
		}
	}
	for len(g.plan) < g.n.Meetings {
		g.plan = append(g.plan, meetingSlot{council: -1, date: g.date(g.between(2000, 2025))})
	}
	g.plan = g.plan[:g.n.Meetings]
	for _, c := range g.councils {
		g.Sample.council(c.ID)
	}
	for _, in := range g.initiatives {
		g.Sample.initiative(in.ID)
		g.Sample.name(in.Name)
		if in.ShortName != "" {
			g.Sample.name(in.ShortName)
		}
	}
	for _, p := range g.people {
		g.Sample.name(p.Name)
		for _, a := range p.Aliases {
			g.Sample.name(a)
		}
	}
}

// date draws a date in year, mostly to the day, some to the month or year.
func (g *Generator) date(year int) domain.Date {
	year = min(year, 2025)
	switch x := g.r.IntN(20); {
	case x == 0:
		return domain.Date{Year: year}
	case x < 3:
		return domain.Date{Year: year, Month: g.between(1, 12)}
	default:
		return domain.Date{Year: year, Month: g.between(1, 12), Day: g.between(1, 28)}
	}
}

// All returns the whole graph in one: Base and then every batch of
// Meetings, for a caller that writes it in one Upsert (benchmarks in
// process). The sample is complete afterwards.
func (g *Generator) All() *domain.Graph {
	all := &domain.Graph{}
	for _, c := range g.Base(5000) {
		all.Append(c)
	}
	for c := g.Meetings(1000); c != nil; c = g.Meetings(1000) {
		all.Append(c)
	}
	g.Sample.Done()
	return all
}

// Base returns the graph of everything but meetings in chunks of at most
// perChunk nodes of the large kinds (institutions, people), each chunk
// referring only to earlier chunks.
func (g *Generator) Base(perChunk int) []*domain.Graph {
	first := &domain.Graph{Countries: g.countries, Themes: g.themes, Initiatives: g.initiatives}
	for _, c := range g.countries {
		first.Places = append(first.Places, g.places[c.ID]...)
	}
	out := []*domain.Graph{first}
	// institutions: a parent comes before its children, as they are generated
	for chunk := range slices.Chunk(g.institutions, perChunk) {
		out = append(out, &domain.Graph{Institutions: chunk})
	}
	for chunk := range slices.Chunk(g.people, perChunk) {
		out = append(out, &domain.Graph{People: chunk})
	}
	out = append(out, &domain.Graph{Councils: g.councils})
	return out
}

// Meetings returns the next n meetings (fewer at the end) with their
// appearances, recommendations and sources; nil when all are done.
func (g *Generator) Meetings(n int) *domain.Graph {
	if g.next >= len(g.plan) {
		return nil
	}
	out := &domain.Graph{}
	end := min(len(g.plan), g.next+n)
	for ; g.next < end; g.next++ {
		g.meeting(out, g.next, g.plan[g.next])
	}
	return out
}

func (g *Generator) meeting(out *domain.Graph, idx int, s meetingSlot) {
	var (
		ctryIDs []string
		plan    *councilPlan
		m       = &domain.Meeting{Date: s.date, Ordinal: s.ordinal}
	)
	if s.council >= 0 {
		c := g.councils[s.council]
		plan = &g.councilPlan[s.council]
		ctryIDs = c.CountryIDs
		m.ID = c.ID + "-" + fmt.Sprint(s.ordinal)
		m.CouncilID = c.ID
		m.Title = fmt.Sprintf("%s meeting of the %s", ordinal(s.ordinal), c.Name)
		m.OrganizerIDs = c.OrganizerIDs
	} else {
		a := g.countries[g.zipf(len(g.countries))]
		b := g.countries[g.zipf(len(g.countries))]
		ctryIDs = []string{a.ID}
		if b != a {
			ctryIDs = append(ctryIDs, b.ID)
		}
		m.ID = fmt.Sprintf("event-%d", idx)
		m.Title = fmt.Sprintf("%s round table on %s, %d", a.Name, strings.ToLower(g.themes[g.r.IntN(len(g.themes))].Name), idx)
	}
	host := ctryIDs[g.r.IntN(len(ctryIDs))]
	if pl := g.places[host]; len(pl) > 0 {
		m.PlaceID = pl[g.r.IntN(len(pl))].ID
	}
	m.Theme = fmt.Sprintf("%s: %s and %s", g.pick(themePhrases), strings.ToLower(g.pick(themeNames)), strings.ToLower(g.pick(themeNames)))
	m.Format = g.pick([]string{"two sessions and a panel discussion", "round table", "plenary session", "closed-door session"})
	// sources: one report, sometimes two
	nsrc := 1 + btoi(g.r.IntN(3) == 0)
	for j := 0; j < nsrc; j++ {
		s := &domain.Source{ID: fmt.Sprintf("report-%d-%d", idx, j+1), URL: fmt.Sprintf("https://news.example.org/%d/%s-%d", s.date.Year, m.ID, j+1),
			Title: "Report on the " + m.Title, Publisher: g.pick(publishers), Published: s.date, Language: g.pick([]string{"en", "ru", "az", "tr", "de"})}
		out.Sources = append(out.Sources, s)
		m.Sources = append(m.Sources, domain.SourceRef{SourceID: s.ID})
	}
	mainSrc := m.Sources[0].SourceID
	// themes and initiatives of the meeting itself
	for j, nt := 0, g.between(1, 3); j < nt; j++ {
		t := g.themeFor(plan)
		if !slices.Contains(m.ThemeIDs, t) {
			m.ThemeIDs = append(m.ThemeIDs, t)
		}
	}
	for j, ni := 0, g.r.IntN(3); j < ni; j++ {
		in := g.initiativeFor(plan)
		if !slices.Contains(m.InitiativeIDs, in) {
			m.InitiativeIDs = append(m.InitiativeIDs, in)
		}
	}
	out.Meetings = append(out.Meetings, m)
	g.Sample.meeting(m.ID)
	// appearances: 6–20 people, mostly regulars
	np := g.between(6, 20)
	var seen []int
	for order := 1; len(seen) < np; {
		var pi int
		if plan != nil && g.r.IntN(4) != 0 {
			pi = plan.regulars[g.zipf(len(plan.regulars))]
		} else if pool := g.peopleByCtry[ctryIDs[g.r.IntN(len(ctryIDs))]]; len(pool) > 0 && g.r.IntN(3) != 0 {
			pi = pool[g.r.IntN(len(pool))]
		} else {
			pi = g.r.IntN(len(g.people))
		}
		if slices.Contains(seen, pi) {
			if len(seen) >= len(g.people) {
				break
			}
			continue
		}
		seen = append(seen, pi)
		p := g.people[pi]
		a := &domain.Appearance{MeetingID: m.ID, PersonID: p.ID, Title: g.pick(titles), CountryID: p.CountryID, Sources: src(mainSrc)}
		switch {
		case order <= 2:
			a.Roles = []domain.Role{domain.RoleOpeningSpeech}
			if order == 1 && g.r.IntN(3) == 0 {
				a.Roles = append(a.Roles, domain.RoleModerator)
			}
		case g.r.IntN(6) == 0:
			a.Roles = []domain.Role{domain.RolePanellist}
		case g.r.IntN(5) == 0:
			a.Roles = []domain.Role{domain.RoleParticipant}
		default:
			a.Roles = []domain.Role{domain.RoleSpeaker}
		}
		if a.Roles[0] != domain.RoleParticipant {
			a.Order = order
			order++
		}
		a.Session = fmt.Sprintf("Session %d", 1+btoi(order > np/2))
		// the institution at the time: an affiliation, else one of the person's country
		if len(p.Affiliations) > 0 && g.r.IntN(5) != 0 {
			a.InstitutionID = p.Affiliations[g.r.IntN(len(p.Affiliations))].InstitutionID
		} else if insts := g.instByCtry[p.CountryID]; len(insts) > 0 && g.r.IntN(2) == 0 {
			a.InstitutionID = g.institutions[insts[g.zipf(len(insts))]].ID
		}
		out.Appearances = append(out.Appearances, a)
		g.Sample.person(p.ID)
	}
	// recommendations: 5–25 (15 on average)
	nr := g.between(g.n.RecsPerMeet-10, g.n.RecsPerMeet+10)
	for j := 1; j <= nr; j++ {
		r := &domain.Recommendation{ID: fmt.Sprintf("%s-r%d", m.ID, j), MeetingID: m.ID, Order: j,
			Kind: domain.RecommendationKinds[g.zipf(len(domain.RecommendationKinds))], Sources: src(mainSrc),
			Paraphrase: g.r.IntN(4) == 0}
		for k, ni := 0, g.between(0, 2); k < ni; k++ {
			if in := g.initiativeFor(plan); !slices.Contains(r.InitiativeIDs, in) {
				r.InitiativeIDs = append(r.InitiativeIDs, in)
			}
		}
		for k, nt := 0, g.between(1, 2); k < nt; k++ {
			if t := g.themeFor(plan); !slices.Contains(r.ThemeIDs, t) {
				r.ThemeIDs = append(r.ThemeIDs, t)
			}
		}
		r.CountryIDs = []string{ctryIDs[g.r.IntN(len(ctryIDs))]}
		if g.r.IntN(4) == 0 {
			if c := g.countries[g.zipf(len(g.countries))].ID; !slices.Contains(r.CountryIDs, c) {
				r.CountryIDs = append(r.CountryIDs, c)
			}
		}
		if g.r.IntN(5) == 0 && len(seen) > 0 {
			r.AttributedTo = []string{g.people[seen[g.r.IntN(len(seen))]].ID}
		}
		subject := "cooperation"
		if len(r.InitiativeIDs) > 0 {
			subject = "the " + g.initName[r.InitiativeIDs[0]]
		}
		r.Text = fmt.Sprintf("%s %s %s in %s, %s.", g.pick(recStarts), g.pick(recVerbs), subject,
			strings.ToLower(g.themeName(r.ThemeIDs[0])), g.pick(recEnds))
		out.Recommendations = append(out.Recommendations, r)
		for _, in := range r.InitiativeIDs {
			if len(seen) > 0 {
				g.Sample.path(g.people[seen[g.r.IntN(len(seen))]].ID, in)
			}
		}
	}
}

func (g *Generator) themeName(id string) string {
	for _, t := range g.themes {
		if t.ID == id {
			return t.Name
		}
	}
	return id
}

func (g *Generator) themeFor(p *councilPlan) string {
	if p != nil && g.r.IntN(3) != 0 {
		return g.themes[p.favThemes[g.r.IntN(len(p.favThemes))]].ID
	}
	return g.themes[g.r.IntN(len(g.themes))].ID
}

func (g *Generator) initiativeFor(p *councilPlan) string {
	if p != nil && g.r.IntN(2) == 0 {
		return g.initiatives[p.favInits[g.r.IntN(len(p.favInits))]].ID
	}
	return g.initiatives[g.zipf(len(g.initiatives))].ID
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func ordinal(n int) string {
	suf := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suf = "st"
	case n%10 == 2:
		suf = "nd"
	case n%10 == 3:
		suf = "rd"
	}
	return fmt.Sprint(n) + suf
}

func acronym(s string) string {
	var b strings.Builder
	for _, w := range strings.Fields(s) {
		b.WriteByte(w[0])
	}
	return strings.ToUpper(b.String())
}

// translit gives a name a second spelling, as transliterations do.
func translit(s string) string {
	r := strings.NewReplacer("y", "i", "j", "dzh", "kh", "h", "ts", "c", "v", "w", "sh", "ş")
	return r.Replace(s)
}
