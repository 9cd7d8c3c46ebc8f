package ingest

import (
	"context"
	"fmt"
	"net/url"
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// Ref names a node that Apply created or matched, with the draft's wording
// and how it was matched.
type Ref struct {
	Kind domain.Kind `json:"kind" yaml:"kind"`
	ID   string      `json:"id" yaml:"id"`
	Name string      `json:"name" yaml:"name"`
	// From is the draft's wording, when it differs from Name.
	From string `json:"from,omitempty" yaml:"from,omitempty"`
	// How says how it was matched: "name" (the same normalised name or
	// alias), "variant" (a transliteration variant), "initials",
	// "countries" (a council between the same countries), "ordinal" or
	// "date" (a meeting of the same council), "text" (a recommendation).
	How string `json:"how,omitempty" yaml:"how,omitempty"`
}

// Result says what Apply wrote (or, from Plan, would write).
type Result struct {
	MeetingID string `json:"meetingId" yaml:"meetingId"`
	// Meeting is "created" or "merged".
	Meeting  string `json:"meeting" yaml:"meeting"`
	SourceID string `json:"sourceId" yaml:"sourceId"`
	Created  []Ref  `json:"created" yaml:"created"`
	Matched  []Ref  `json:"matched" yaml:"matched"`
	// NewAppearances counts people the report adds to the meeting.
	NewAppearances     int      `json:"newAppearances" yaml:"newAppearances"`
	NewRecommendations int      `json:"newRecommendations" yaml:"newRecommendations"`
	Warnings           []string `json:"warnings" yaml:"warnings"`
	// Graph is what is (or would be) written with one Upsert.
	Graph *domain.Graph `json:"-" yaml:"-"`
}

// Apply writes a reviewed draft into s as facts reported by src, with one
// Upsert: it resolves the draft's council, people, institutions,
// initiatives, themes, countries and places against what s holds (by
// normalised name and alias, and people also by transliteration variants and
// initials), merges into a meeting s already knows (same council and
// ordinal, or same council and date) rather than creating another, adds src
// as one more source, and adds the people and recommendations the report
// adds without dropping what is known. New IDs are readable slugs of names
// ("igor-maslov", "raec-5"), made unique if taken. Applying the same draft
// twice leaves the store as once.
func Apply(ctx context.Context, s domain.Store, d *Draft, src SourceInfo) (*Result, error) {
	res, err := Plan(ctx, s, d, src)
	if err != nil {
		return nil, err
	}
	if err := s.Upsert(ctx, res.Graph); err != nil {
		return nil, err
	}
	return res, nil
}

// Plan works out what Apply would write, without writing.
func Plan(ctx context.Context, s domain.Store, d *Draft, src SourceInfo) (*Result, error) {
	if d == nil {
		return nil, domain.Invalidf("draft", "no draft")
	}
	p := &planner{ctx: ctx, s: s, d: d, src: src, g: Default(), out: &domain.Graph{}, taken: map[string]bool{},
		res:       &Result{Created: []Ref{}, Matched: []Ref{}, Warnings: []string{}},
		countries: map[string]string{}, insts: map[string]string{}, inits: map[string]string{}, themes: map[string]string{},
		people: map[string]string{}, written: map[string]bool{}}
	if err := p.run(); err != nil {
		return nil, err
	}
	p.res.Graph = p.out
	return p.res, nil
}

type planner struct {
	ctx context.Context
	s   domain.Store
	d   *Draft
	src SourceInfo
	g   *Gazetteer
	out *domain.Graph
	res *Result

	taken     map[string]bool   // IDs used by new nodes of out
	written   map[string]bool   // IDs of nodes already put in out
	countries map[string]string // gazetteer country ID or name key -> store ID
	insts     map[string]string // name key -> store ID
	inits     map[string]string
	themes    map[string]string
	people    map[string]string // name key -> store ID
	sourceRef domain.SourceRef
	allPeople []*domain.Person
	allInsts  []*domain.Institution
	loaded    bool
}

func (p *planner) warn(format string, args ...any) {
	p.res.Warnings = append(p.res.Warnings, fmt.Sprintf(format, args...))
}

func (p *planner) created(k domain.Kind, id, name, from string) {
	r := Ref{Kind: k, ID: id, Name: name}
	if from != name {
		r.From = from
	}
	p.res.Created = append(p.res.Created, r)
}

func (p *planner) matched(k domain.Kind, id, name, from, how string) {
	for _, r := range p.res.Matched {
		if r.Kind == k && r.ID == id {
			return
		}
	}
	r := Ref{Kind: k, ID: id, Name: name, How: how}
	if from != name {
		r.From = from
	}
	p.res.Matched = append(p.res.Matched, r)
}

// uniqueID returns base, or base-2, base-3, ... : the first that neither the
// store nor the plan uses.
func (p *planner) uniqueID(base string) (string, error) {
	if base == "" || !domain.ValidID(base) {
		base = "x-" + strings.Trim(base, "-")
		if !domain.ValidID(base) {
			base = "node"
		}
	}
	for i := 1; ; i++ {
		id := base
		if i > 1 {
			suffix := fmt.Sprintf("-%d", i)
			if len(base)+len(suffix) > domain.MaxIDLength {
				id = strings.TrimRight(base[:domain.MaxIDLength-len(suffix)], "-") + suffix
			} else {
				id = base + suffix
			}
		}
		if p.taken[id] {
			continue
		}
		refs, err := p.s.Resolve(p.ctx, []string{id})
		if err != nil {
			return "", err
		}
		if len(refs) == 1 && refs[0] != nil {
			continue
		}
		p.taken[id] = true
		return id, nil
	}
}

// lookup returns the first node of kind k whose name or alias is name.
func (p *planner) lookup(name string, k domain.Kind) (*domain.NodeRef, error) {
	name = strings.TrimSpace(name)
	if domain.NormalizeName(name) == "" || len(name) > 200 {
		return nil, nil
	}
	refs, err := p.s.Lookup(p.ctx, name, []domain.Kind{k})
	if err != nil {
		return nil, err
	}
	for _, r := range refs {
		if r != nil && r.Kind == k {
			return r, nil
		}
	}
	return nil, nil
}

func (p *planner) run() error {
	d := p.d
	m := d.Meeting
	if m.Council == "" && m.Date == "" && m.Ordinal == 0 && len(d.Speakers) == 0 {
		return domain.Invalidf("draft.meeting", "the draft names no meeting (no council, date or speakers): nothing to apply")
	}
	if err := p.source(); err != nil {
		return err
	}
	councilID, err := p.council()
	if err != nil {
		return err
	}
	meeting, merged, err := p.meeting(councilID)
	if err != nil {
		return err
	}
	p.res.MeetingID = meeting.ID
	if merged {
		p.res.Meeting = "merged"
	} else {
		p.res.Meeting = "created"
	}
	// Organisers, initiatives, themes, publications of the meeting.
	for _, o := range d.Organisers {
		id, err := p.institution(o.Name, o.Acronym, o.Country)
		if err != nil {
			return err
		}
		if id != "" {
			meeting.OrganizerIDs = addID(meeting.OrganizerIDs, id)
		}
	}
	for _, t := range d.Initiatives {
		id, err := p.initiative(t)
		if err != nil {
			return err
		}
		meeting.InitiativeIDs = addID(meeting.InitiativeIDs, id)
	}
	for _, t := range d.Themes {
		id, err := p.theme(t)
		if err != nil {
			return err
		}
		meeting.ThemeIDs = addID(meeting.ThemeIDs, id)
	}
	for _, pub := range d.Publications {
		id, err := p.publication(pub)
		if err != nil {
			return err
		}
		found := false
		for _, l := range meeting.Publications {
			if l.PublicationID == id {
				found = true
			}
		}
		if !found {
			meeting.Publications = append(meeting.Publications, domain.PublicationLink{PublicationID: id, Relation: pub.Relation})
		}
	}
	if err := p.appearances(meeting, merged); err != nil {
		return err
	}
	if err := p.recommendations(meeting, merged); err != nil {
		return err
	}
	p.out.Meetings = append(p.out.Meetings, meeting)
	return nil
}

func addID(ids []string, id string) []string {
	if id == "" {
		return ids
	}
	for _, x := range ids {
		if x == id {
			return ids
		}
	}
	return append(ids, id)
}

func addSource(refs []domain.SourceRef, r domain.SourceRef) []domain.SourceRef {
	for _, x := range refs {
		if x.SourceID == r.SourceID {
			return refs
		}
	}
	return append(refs, r)
}

// sourceID makes a readable ID from a URL: the site's name and the page's
// last path segment: "trend-3914731", "russiancouncil-fifth-meeting-of-...".
func sourceID(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return Slug(raw)
	}
	host := strings.Split(strings.TrimPrefix(strings.ToLower(u.Hostname()), "www."), ".")
	site := host[0]
	if len(host) >= 2 {
		site = host[len(host)-2]
		if len(host) >= 3 && (len(site) <= 3 && site != "az") { // co.uk, com.az
			site = host[len(host)-3]
		}
	}
	seg := ""
	p := strings.TrimRight(u.Path, "/")
	if unesc, err := url.PathUnescape(p); err == nil {
		p = unesc
	}
	if p != "" {
		seg = path.Base(p)
		seg = strings.TrimSuffix(seg, path.Ext(seg))
	}
	if seg == "" {
		seg = u.RawQuery
	}
	return Slug(site + " " + seg)
}

func (p *planner) source() error {
	src := &p.src
	u, err := url.Parse(src.URL)
	if src.URL == "" {
		src.URL = p.d.Source.URL
		u, err = url.Parse(src.URL)
	}
	if src.URL == "" || err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return domain.Invalidf("source.url", "the report needs an http(s) URL (give --url, or put it on the first line of the file); got %q", src.URL)
	}
	if src.Publisher == "" {
		src.Publisher = strings.TrimPrefix(u.Hostname(), "www.")
	}
	if src.Published.IsZero() && p.d.Source.Published != "" {
		if dt, err := domain.ParseDate(p.d.Source.Published); err == nil {
			src.Published = dt
		}
	}
	if src.Language == "" && len(p.d.Language) == 2 {
		src.Language = p.d.Language
	}
	base := sourceID(src.URL)
	id := base
	for i := 2; ; i++ {
		got, err := p.s.Sources(p.ctx, []string{id})
		if err != nil {
			return err
		}
		if len(got) == 1 && got[0] != nil {
			if got[0].URL == src.URL {
				// the report was applied before: keep what is known of it
				ex := *got[0]
				if ex.Title == "" {
					ex.Title = src.Title
				}
				if ex.Published.IsZero() {
					ex.Published = src.Published
				}
				p.out.Sources = append(p.out.Sources, &ex)
				p.matched(domain.KindSource, id, ex.URL, src.URL, "url")
				break
			}
			id = fmt.Sprintf("%s-%d", base, i)
			continue
		}
		refs, err := p.s.Resolve(p.ctx, []string{id})
		if err != nil {
			return err
		}
		if len(refs) == 1 && refs[0] != nil {
			id = fmt.Sprintf("%s-%d", base, i)
			continue
		}
		p.out.Sources = append(p.out.Sources, &domain.Source{ID: id, URL: src.URL, Title: src.Title, Publisher: src.Publisher,
			Published: src.Published, Language: src.Language})
		p.created(domain.KindSource, id, src.URL, src.URL)
		break
	}
	p.taken[id] = true
	p.res.SourceID = id
	p.sourceRef = domain.SourceRef{SourceID: id}
	return nil
}

// country resolves a gazetteer country ID (or a name) to a store country,
// creating it when the store has none.
func (p *planner) country(idOrName string) (string, error) {
	if idOrName == "" {
		return "", nil
	}
	if id, ok := p.countries[idOrName]; ok {
		return id, nil
	}
	e := p.g.entry(p.g.Countries, idOrName)
	if e == nil {
		for i := range p.g.Countries {
			for _, k := range domain.NameKeys(p.g.Countries[i].Name, p.g.Countries[i].Aliases...) {
				if k == domain.NormalizeName(idOrName) {
					e = &p.g.Countries[i]
				}
			}
		}
	}
	names := []string{idOrName}
	if e != nil {
		names = append([]string{e.Name}, e.Aliases...)
	}
	for _, n := range names {
		r, err := p.lookup(n, domain.KindCountry)
		if err != nil {
			return "", err
		}
		if r != nil {
			p.countries[idOrName] = r.ID
			return r.ID, nil
		}
	}
	// by ID
	if e != nil {
		got, err := p.s.Countries(p.ctx, []string{e.ID})
		if err != nil {
			return "", err
		}
		if len(got) == 1 && got[0] != nil {
			p.countries[idOrName] = e.ID
			return e.ID, nil
		}
	}
	name, base := idOrName, Slug(idOrName)
	var aliases []string
	if e != nil {
		name, base = e.Name, e.ID
		for _, a := range e.Aliases {
			if strings.Contains(a, " ") { // "Russian Federation", not "Russian"
				aliases = append(aliases, a)
			}
		}
	}
	id, err := p.uniqueID(base)
	if err != nil {
		return "", err
	}
	p.out.Countries = append(p.out.Countries, &domain.Country{ID: id, Name: name, Aliases: aliases,
		Sources: []domain.SourceRef{p.sourceRef}})
	p.created(domain.KindCountry, id, name, idOrName)
	p.countries[idOrName] = id
	return id, nil
}

// council resolves the draft's council: by name or acronym, else by being
// held between the same countries; a new council is created only from an
// English draft that names two countries.
func (p *planner) council() (string, error) {
	m := p.d.Meeting
	if m.Council == "" {
		return "", nil
	}
	for _, n := range []string{m.CouncilAcronym, m.Council} {
		if n == "" {
			continue
		}
		r, err := p.lookup(n, domain.KindCouncil)
		if err != nil {
			return "", err
		}
		if r != nil {
			p.matched(domain.KindCouncil, r.ID, r.Name, m.Council, "name")
			return r.ID, p.councilAlias(r.ID)
		}
	}
	var cids []string
	for _, c := range m.CouncilCountries {
		id, err := p.country(c)
		if err != nil {
			return "", err
		}
		cids = addID(cids, id)
	}
	sort.Strings(cids)
	first := domain.MaxPageSize
	all, err := all(p.ctx, domain.PageRequest{First: &first}, func(pr domain.PageRequest) (*domain.CouncilConnection, error) {
		return p.s.ListCouncils(p.ctx, domain.CouncilQuery{Page: pr})
	})
	if err != nil {
		return "", err
	}
	head := headOf(m.Council)
	var same []*domain.Council
	for _, c := range all {
		cs := append([]string(nil), c.CountryIDs...)
		sort.Strings(cs)
		if len(cids) >= 2 && strings.Join(cs, "+") == strings.Join(cids, "+") {
			same = append(same, c)
		}
	}
	if len(same) > 1 {
		var narrowed []*domain.Council
		for _, c := range same {
			if headOf(strings.Join(append([]string{c.Name}, c.Aliases...), " ")) == head {
				narrowed = append(narrowed, c)
			}
		}
		same = narrowed
	}
	if len(same) == 1 {
		p.matched(domain.KindCouncil, same[0].ID, same[0].Name, m.Council, "countries")
		return same[0].ID, p.councilAlias(same[0].ID)
	}
	if p.d.Language != "en" {
		return "", nil
	}
	if len(cids) < 2 {
		p.warn("council %q: fewer than two countries known; the meeting is recorded without a council", m.Council)
		return "", nil
	}
	base := Slug(m.CouncilAcronym)
	if base == "" {
		base = Slug(m.Council)
	}
	id, err := p.uniqueID(base)
	if err != nil {
		return "", err
	}
	c := &domain.Council{ID: id, Name: m.Council, ShortName: m.CouncilAcronym, CountryIDs: cids, Sources: []domain.SourceRef{p.sourceRef}}
	for _, o := range p.d.Organisers {
		oid, err := p.institution(o.Name, o.Acronym, o.Country)
		if err != nil {
			return "", err
		}
		c.OrganizerIDs = addID(c.OrganizerIDs, oid)
	}
	p.out.Councils = append(p.out.Councils, c)
	p.written[id] = true
	p.created(domain.KindCouncil, id, c.Name, m.Council)
	return id, nil
}

// councilAlias adds the draft's wording of a known council as an alias, so
// that Lookup finds it next time, and the report as a source.
func (p *planner) councilAlias(id string) error {
	if p.d.Language != "en" {
		return nil
	}
	got, err := p.s.Councils(p.ctx, []string{id})
	if err != nil || len(got) != 1 || got[0] == nil {
		return err
	}
	c := *got[0]
	changed := false
	keys := domain.NameKeys(c.Name, append([]string{c.ShortName}, c.Aliases...)...)
	for _, n := range []string{p.d.Meeting.Council, p.d.Meeting.CouncilAcronym} {
		k := domain.NormalizeName(n)
		if k == "" || containsStr(keys, k) {
			continue
		}
		c.Aliases = append(append([]string(nil), c.Aliases...), n)
		keys = append(keys, k)
		changed = true
	}
	if changed {
		p.out.Councils = append(p.out.Councils, &c)
		p.written[id] = true
	}
	return nil
}

func containsStr(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// meeting finds the meeting the report is about among the council's, or
// makes a new one.
func (p *planner) meeting(councilID string) (*domain.Meeting, bool, error) {
	dm := p.d.Meeting
	var date domain.Date
	if dm.Date != "" {
		dt, err := domain.ParseDate(dm.Date)
		if err != nil {
			return nil, false, domain.Invalidf("draft.meeting.date", "%v", err)
		}
		date = dt
	}
	placeID, err := p.place()
	if err != nil {
		return nil, false, err
	}
	var existing *domain.Meeting
	how := ""
	if councilID != "" {
		first := domain.MaxPageSize
		ms, err := all(p.ctx, domain.PageRequest{First: &first}, func(pr domain.PageRequest) (*domain.MeetingConnection, error) {
			return p.s.ListMeetings(p.ctx, domain.MeetingQuery{Filter: domain.MeetingFilter{CouncilID: councilID}, Page: pr})
		})
		if err != nil {
			return nil, false, err
		}
		for _, m := range ms {
			if dm.Ordinal > 0 && m.Ordinal == dm.Ordinal {
				existing, how = m, "ordinal"
				break
			}
		}
		if existing == nil && !date.IsZero() && date.Precision() == domain.PrecisionDay {
			for _, m := range ms {
				if m.Date == date && (dm.Ordinal == 0 || m.Ordinal == 0) {
					existing, how = m, "date"
					break
				}
			}
		}
	} else if !date.IsZero() && date.Precision() == domain.PrecisionDay && placeID != "" {
		first := domain.MaxPageSize
		ms, err := all(p.ctx, domain.PageRequest{First: &first}, func(pr domain.PageRequest) (*domain.MeetingConnection, error) {
			return p.s.ListMeetings(p.ctx, domain.MeetingQuery{Filter: domain.MeetingFilter{PlaceID: placeID, Dates: domain.DateRange{From: date, To: date}}, Page: pr})
		})
		if err != nil {
			return nil, false, err
		}
		for _, m := range ms {
			if m.Date == date && m.CouncilID == "" {
				existing, how = m, "date"
				break
			}
		}
	}
	if existing != nil {
		got, err := p.s.Meetings(p.ctx, []string{existing.ID})
		if err != nil {
			return nil, false, err
		}
		if len(got) == 1 && got[0] != nil {
			existing = got[0]
		}
		m := *existing
		p.matched(domain.KindMeeting, m.ID, m.Title, "", how)
		m.Sources = addSource(append([]domain.SourceRef(nil), m.Sources...), p.sourceRef)
		m.OrganizerIDs = append([]string(nil), m.OrganizerIDs...)
		m.ThemeIDs = append([]string(nil), m.ThemeIDs...)
		m.InitiativeIDs = append([]string(nil), m.InitiativeIDs...)
		m.Publications = append([]domain.PublicationLink(nil), m.Publications...)
		m.ThemeVariants = append([]string(nil), m.ThemeVariants...)
		if m.Ordinal == 0 {
			m.Ordinal = dm.Ordinal
		}
		if m.PlaceID == "" {
			m.PlaceID = placeID
		}
		if m.Format == "" {
			m.Format = dm.Format
		}
		if dm.Theme != "" && p.d.Language == "en" {
			if m.Theme == "" {
				m.Theme = dm.Theme
			} else if k := domain.NormalizeName(dm.Theme); k != domain.NormalizeName(m.Theme) {
				dup := false
				for _, v := range m.ThemeVariants {
					if domain.NormalizeName(v) == k {
						dup = true
					}
				}
				if !dup {
					m.ThemeVariants = append(m.ThemeVariants, dm.Theme)
				}
			}
		}
		if !date.IsZero() && date != m.Date {
			switch {
			case m.Date.Precision() != domain.PrecisionDay && date.Precision() == domain.PrecisionDay &&
				(domain.DateRange{From: m.Date, To: m.Date}).Contains(date):
				m.Date = date
			case !(domain.DateRange{From: date, To: date}).Contains(m.Date) || date.Precision() == domain.PrecisionDay && m.Date.Precision() == domain.PrecisionDay:
				note := fmt.Sprintf("%s gives %s", p.src.URL, date)
				if !strings.Contains(m.DateNote, note) {
					if m.DateNote != "" {
						m.DateNote += "; "
					}
					m.DateNote += note
				}
				p.warn("the report dates the meeting %s; the store has %s (recorded in the date note)", date, m.Date)
			}
		}
		return &m, true, nil
	}
	if p.d.Language != "en" {
		return nil, false, domain.Invalidf("draft", "the report is not in English and names no meeting the store knows (council %q, ordinal %d, date %q): nothing to merge into", dm.Council, dm.Ordinal, dm.Date)
	}
	if date.IsZero() {
		return nil, false, domain.Invalidf("draft.meeting.date", "the report gives no date, and no known meeting of the council matches: add the date to the draft")
	}
	short := ""
	var council *domain.Council
	if councilID != "" {
		for _, c := range p.out.Councils {
			if c.ID == councilID {
				council = c
			}
		}
		if council == nil {
			got, err := p.s.Councils(p.ctx, []string{councilID})
			if err != nil {
				return nil, false, err
			}
			if len(got) == 1 {
				council = got[0]
			}
		}
	}
	var title, base string
	switch {
	case council != nil:
		short = council.ShortName
		if short == "" {
			short = council.ID
		}
		if dm.Ordinal > 0 {
			title = fmt.Sprintf("%s meeting of the %s", ordinalText(dm.Ordinal), council.Name)
			base = Slug(short) + "-" + fmt.Sprint(dm.Ordinal)
		} else {
			title = fmt.Sprintf("%s, %s", council.Name, date)
			base = Slug(short) + "-" + Slug(date.String())
		}
	case dm.Theme != "":
		title = dm.Theme
		base = Slug(dm.Theme)
		if len(base) > 50 {
			base = strings.Trim(base[:50], "-")
		}
		base += "-" + fmt.Sprint(date.Year)
	default:
		title = fmt.Sprintf("Meeting in %s, %s", orDefault(dm.City, "an unknown place"), date)
		base = "meeting-" + Slug(dm.City) + "-" + Slug(date.String())
	}
	id, err := p.uniqueID(strings.Trim(base, "-"))
	if err != nil {
		return nil, false, err
	}
	m := &domain.Meeting{ID: id, CouncilID: councilID, Ordinal: dm.Ordinal, Title: title, Theme: dm.Theme, Date: date,
		PlaceID: placeID, Format: dm.Format, Sources: []domain.SourceRef{p.sourceRef}}
	p.created(domain.KindMeeting, id, title, "")
	return m, false, nil
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

func ordinalText(n int) string {
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
	return fmt.Sprintf("%d%s", n, suf)
}

// place resolves the meeting's city.
func (p *planner) place() (string, error) {
	city := p.d.Meeting.City
	if city == "" {
		return "", nil
	}
	e := (*Entry)(nil)
	for i := range p.g.Cities {
		if containsStr(domain.NameKeys(p.g.Cities[i].Name, p.g.Cities[i].Aliases...), domain.NormalizeName(city)) {
			e = &p.g.Cities[i]
		}
	}
	names := []string{city}
	if e != nil {
		names = append(names, e.Aliases...)
	}
	for _, n := range names {
		r, err := p.lookup(n, domain.KindPlace)
		if err != nil {
			return "", err
		}
		if r != nil {
			p.matched(domain.KindPlace, r.ID, r.Name, city, "name")
			return r.ID, nil
		}
	}
	countryHint := p.d.Meeting.Country
	base := Slug(city)
	var aliases []string
	if e != nil {
		countryHint, base, aliases = e.Country, e.ID, e.Aliases
	}
	cid, err := p.country(countryHint)
	if err != nil {
		return "", err
	}
	if cid == "" {
		p.warn("city %q: its country is unknown; the meeting is recorded without a place", city)
		return "", nil
	}
	id, err := p.uniqueID(base)
	if err != nil {
		return "", err
	}
	p.out.Places = append(p.out.Places, &domain.Place{ID: id, Name: city, Aliases: aliases, CountryID: cid,
		Sources: []domain.SourceRef{p.sourceRef}})
	p.created(domain.KindPlace, id, city, city)
	return id, nil
}

var genericInstRe = regexp.MustCompile(`(?i)^(?:the\s+)?(presidential\s+administration|foreign\s+ministry|ministry\s+of\s+foreign\s+affairs|mfa|embassy|foreign\s+policy\s+affairs\s+department\s+of\s+the\s+presidential\s+administration)$`)

// institution resolves an institution by its acronym, its name, and the
// names the gazetteer knows it by; it creates one when the store has none.
func (p *planner) institution(name, acronym, countryHint string) (string, error) {
	name = strings.TrimSpace(name)
	if name == "" && acronym == "" {
		return "", nil
	}
	if genericInstRe.MatchString(name) && countryHint != "" {
		// "Presidential Administration" of a speaker from Azerbaijan
		if c := p.g.entry(p.g.Countries, countryHint); c != nil {
			g := strings.ToLower(genericInstRe.FindStringSubmatch(name)[1])
			switch {
			case strings.Contains(g, "presidential"):
				name = "Presidential Administration of " + c.Name
			case strings.Contains(g, "foreign") || g == "mfa":
				name = "Ministry of Foreign Affairs of " + c.Name
			}
		}
	}
	keys := domain.NameKeys(name, acronym)
	for _, k := range keys {
		if id, ok := p.insts[k]; ok {
			return id, nil
		}
	}
	// the gazetteer's entry that the name or acronym is (whole)
	var e *Entry
	for i := range p.g.Institutions {
		ek := domain.NameKeys(p.g.Institutions[i].Name, append([]string{p.g.Institutions[i].ShortName}, p.g.Institutions[i].Aliases...)...)
		for _, k := range keys {
			if containsStr(ek, k) && !(k == "air" && acronym == "") {
				e = &p.g.Institutions[i]
			}
		}
		if e != nil {
			break
		}
	}
	names := []string{acronym, name}
	if e != nil {
		names = append(names, e.ShortName, e.Name)
		names = append(names, e.Aliases...)
	}
	remember := func(id string) {
		for _, k := range keys {
			p.insts[k] = id
		}
		if e != nil {
			for _, k := range domain.NameKeys(e.Name, e.ShortName) {
				p.insts[k] = id
			}
		}
	}
	for _, n := range names {
		if n == "" {
			continue
		}
		r, err := p.lookup(n, domain.KindInstitution)
		if err != nil {
			return "", err
		}
		if r != nil {
			p.matched(domain.KindInstitution, r.ID, r.Name, name, "name")
			remember(r.ID)
			return r.ID, nil
		}
	}
	// the same words in another order or with a country word in front:
	// "Russian Presidential Directorate for ..." is "Presidential Directorate for ..."
	if id, err := p.institutionByWords(name); err != nil || id != "" {
		if id != "" {
			remember(id)
		}
		return id, err
	}
	inst := &domain.Institution{Name: name, ShortName: acronym, Kind: guessInstitutionKind(name)}
	base := Slug(acronym)
	if base == "" {
		base = Slug(name)
	}
	if e != nil {
		inst.Name, inst.ShortName, inst.Kind = e.Name, e.ShortName, domain.InstitutionKind(e.Kind)
		base = e.ID
		if countryHint == "" {
			countryHint = e.Country
		}
		for _, a := range append([]string{name, acronym}, e.Aliases...) {
			if a != "" && !containsStr(domain.NameKeys(inst.Name, append([]string{inst.ShortName}, inst.Aliases...)...), domain.NormalizeName(a)) {
				inst.Aliases = append(inst.Aliases, a)
			}
		}
	}
	if inst.Name == "" {
		inst.Name = acronym
	}
	cid, err := p.country(countryHint)
	if err != nil {
		return "", err
	}
	inst.CountryID = cid
	id, err := p.uniqueID(base)
	if err != nil {
		return "", err
	}
	inst.ID = id
	inst.Sources = []domain.SourceRef{p.sourceRef}
	p.out.Institutions = append(p.out.Institutions, inst)
	p.created(domain.KindInstitution, id, inst.Name, name)
	remember(id)
	return id, nil
}

func guessInstitutionKind(name string) domain.InstitutionKind {
	l := strings.ToLower(name)
	switch {
	case strings.Contains(l, "ministry") || strings.Contains(l, "mfa"):
		return domain.InstitutionMinistry
	case strings.Contains(l, "administration") || strings.Contains(l, "directorate") || strings.Contains(l, "office of the president"):
		return domain.InstitutionAdministration
	case strings.Contains(l, "embassy"):
		return domain.InstitutionEmbassy
	case strings.Contains(l, "university") || strings.Contains(l, "academy"):
		return domain.InstitutionUniversity
	case strings.Contains(l, "parliament") || strings.Contains(l, "majlis") || strings.Contains(l, "duma"):
		return domain.InstitutionParliament
	case strings.Contains(l, "council") || strings.Contains(l, "center") || strings.Contains(l, "centre") ||
		strings.Contains(l, "institute") || strings.Contains(l, "club") || strings.Contains(l, "foundation"):
		return domain.InstitutionThinkTank
	case strings.Contains(l, "company") || strings.Contains(l, "bank") || strings.Contains(l, "corporation"):
		return domain.InstitutionCompany
	}
	return domain.InstitutionOther
}

// initiative resolves a tagged initiative.
func (p *planner) initiative(t Tag) (string, error) {
	if id, ok := p.inits[t.ID]; ok {
		return id, nil
	}
	e := p.g.entry(p.g.Initiatives, t.ID)
	names := []string{t.Name}
	if e != nil {
		names = append(names, e.ShortName)
		names = append(names, e.Aliases...)
	}
	for _, n := range names {
		if n == "" {
			continue
		}
		r, err := p.lookup(n, domain.KindInitiative)
		if err != nil {
			return "", err
		}
		if r != nil {
			p.inits[t.ID] = r.ID
			p.matched(domain.KindInitiative, r.ID, r.Name, t.Name, "name")
			return r.ID, nil
		}
	}
	got, err := p.s.Initiatives(p.ctx, []string{t.ID})
	if err != nil {
		return "", err
	}
	if len(got) == 1 && got[0] != nil {
		p.inits[t.ID] = t.ID
		return t.ID, nil
	}
	x := &domain.Initiative{Name: t.Name, Kind: domain.InitiativeOther}
	if e != nil {
		x.Name, x.ShortName, x.Aliases, x.Kind = e.Name, e.ShortName, e.Aliases, domain.InitiativeKind(e.Kind)
	}
	id, err := p.uniqueID(Slug(t.ID))
	if err != nil {
		return "", err
	}
	x.ID = id
	x.Sources = []domain.SourceRef{p.sourceRef}
	p.out.Initiatives = append(p.out.Initiatives, x)
	p.created(domain.KindInitiative, id, x.Name, t.Name)
	p.inits[t.ID] = id
	return id, nil
}

// theme resolves a theme of the taxonomy by ID, then by name.
func (p *planner) theme(t Tag) (string, error) {
	if id, ok := p.themes[t.ID]; ok {
		return id, nil
	}
	got, err := p.s.Themes(p.ctx, []string{t.ID})
	if err != nil {
		return "", err
	}
	if len(got) == 1 && got[0] != nil {
		p.themes[t.ID] = t.ID
		return t.ID, nil
	}
	r, err := p.lookup(t.Name, domain.KindTheme)
	if err != nil {
		return "", err
	}
	if r != nil {
		p.themes[t.ID] = r.ID
		return r.ID, nil
	}
	id, err := p.uniqueID(t.ID)
	if err != nil {
		return "", err
	}
	p.out.Themes = append(p.out.Themes, &domain.Theme{ID: id, Name: t.Name, Sources: []domain.SourceRef{p.sourceRef}})
	p.created(domain.KindTheme, id, t.Name, t.Name)
	p.themes[t.ID] = id
	return id, nil
}

// publication resolves a publication by its title, or creates it.
func (p *planner) publication(pub PublicationDraft) (string, error) {
	r, err := p.lookup(pub.Title, domain.KindPublication)
	if err != nil {
		return "", err
	}
	if r != nil {
		got, err := p.s.Publications(p.ctx, []string{r.ID})
		if err != nil {
			return "", err
		}
		if len(got) == 1 && got[0] != nil {
			x := *got[0]
			x.Sources = addSource(append([]domain.SourceRef(nil), x.Sources...), p.sourceRef)
			p.out.Publications = append(p.out.Publications, &x)
		}
		p.matched(domain.KindPublication, r.ID, r.Name, pub.Title, "name")
		return r.ID, nil
	}
	status := "published"
	if pub.Relation == domain.PublicationAnnounced {
		status = "planned"
	}
	x := &domain.Publication{Title: pub.Title, Kind: pub.Kind, Status: status, Sources: []domain.SourceRef{p.sourceRef}}
	for _, in := range pub.Institutions {
		full, acr := in, ""
		for _, o := range p.d.Organisers {
			if strings.EqualFold(o.Acronym, in) || strings.EqualFold(o.Name, in) {
				full, acr = o.Name, o.Acronym
			}
		}
		id, err := p.institution(full, acr, "")
		if err != nil {
			return "", err
		}
		x.InstitutionIDs = addID(x.InstitutionIDs, id)
	}
	base := Slug(pub.Title)
	if len(base) > 60 {
		base = strings.Trim(base[:60], "-")
		if i := strings.LastIndexByte(base, '-'); i > 20 {
			base = base[:i]
		}
	}
	id, err := p.uniqueID(base)
	if err != nil {
		return "", err
	}
	x.ID = id
	p.out.Publications = append(p.out.Publications, x)
	p.created(domain.KindPublication, id, x.Title, pub.Title)
	return id, nil
}

// institutionWords is the set of an institution's name's words without
// stop words and country words, as a key.
func (p *planner) institutionWords(name string) string {
	var ws []string
	for w := range wordBag(name) {
		if scoreStopWords[w] || p.g.countryOfWord(w) != "" || w == "s" {
			continue
		}
		ws = append(ws, w)
	}
	sort.Strings(ws)
	return strings.Join(ws, " ")
}

// institutionByWords finds a stored or planned institution whose name has
// the same words as name, country words aside.
func (p *planner) institutionByWords(name string) (string, error) {
	key := p.institutionWords(name)
	if len(strings.Fields(key)) < 2 {
		return "", nil
	}
	for _, x := range p.out.Institutions {
		if p.institutionWords(x.Name) == key {
			return x.ID, nil
		}
	}
	if p.allInsts == nil {
		first := domain.MaxPageSize
		xs, err := all(p.ctx, domain.PageRequest{First: &first}, func(pr domain.PageRequest) (*domain.InstitutionConnection, error) {
			return p.s.ListInstitutions(p.ctx, domain.InstitutionQuery{Page: pr})
		})
		if err != nil {
			return "", err
		}
		p.allInsts = append(xs, nil) // non-nil even when empty
	}
	for _, x := range p.allInsts {
		if x == nil {
			continue
		}
		for _, n := range append([]string{x.Name}, x.Aliases...) {
			if p.institutionWords(n) == key {
				p.matched(domain.KindInstitution, x.ID, x.Name, name, "variant")
				return x.ID, nil
			}
		}
	}
	return "", nil
}
