package domain

import (
	"fmt"
	"net/url"
	"regexp"
	"sort"
	"strings"
)

// Graph is a set of nodes and links to write or that was read whole: the seed,
// an import file, an export.
type Graph struct {
	Countries       []*Country
	Places          []*Place
	Institutions    []*Institution
	People          []*Person
	Councils        []*Council
	Initiatives     []*Initiative
	Themes          []*Theme
	Sources         []*Source
	Publications    []*Publication
	Meetings        []*Meeting
	Appearances     []*Appearance
	Recommendations []*Recommendation
	Redirects       []*Redirect // merged IDs (redirect.go)
}

// Append adds every node, appearance, recommendation and redirect of x to
// g, after those g has (several import files or generated batches made one
// graph, for one Upsert).
func (g *Graph) Append(x *Graph) {
	g.Countries = append(g.Countries, x.Countries...)
	g.Places = append(g.Places, x.Places...)
	g.Institutions = append(g.Institutions, x.Institutions...)
	g.People = append(g.People, x.People...)
	g.Councils = append(g.Councils, x.Councils...)
	g.Initiatives = append(g.Initiatives, x.Initiatives...)
	g.Themes = append(g.Themes, x.Themes...)
	g.Sources = append(g.Sources, x.Sources...)
	g.Publications = append(g.Publications, x.Publications...)
	g.Meetings = append(g.Meetings, x.Meetings...)
	g.Appearances = append(g.Appearances, x.Appearances...)
	g.Recommendations = append(g.Recommendations, x.Recommendations...)
	g.Redirects = append(g.Redirects, x.Redirects...)
}

// ValidationError lists every problem found in a graph. errors.As finds its
// first problem as an *Error with code EINVALID.
type ValidationError struct {
	Problems []*Error
}

func (v *ValidationError) Error() string {
	var b strings.Builder
	for i, p := range v.Problems {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(p.Error())
	}
	return b.String()
}

// Unwrap returns the problems.
func (v *ValidationError) Unwrap() []error {
	out := make([]error, len(v.Problems))
	for i, p := range v.Problems {
		out[i] = p
	}
	return out
}

// Limits on what a graph may hold.
const (
	MaxIDLength   = 80
	MaxNameLength = 300
	MaxTextLength = 5000
)

var (
	idPattern       = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	languagePattern = regexp.MustCompile(`^[a-z]{2}$`)
)

// ValidID reports whether id is a stable readable ID: lower-case letters and
// digits in words joined by single dashes, at most MaxIDLength long.
func ValidID(id string) bool { return len(id) <= MaxIDLength && idPattern.MatchString(id) }

// AppearanceKey identifies an appearance: "raec-5/igor-maslov".
func AppearanceKey(meetingID, personID string) string { return meetingID + "/" + personID }

// Kinds returns the kind of every node ID in g.
func (g *Graph) Kinds() map[string]Kind {
	m := map[string]Kind{}
	add := func(k Kind, id string) {
		if _, dup := m[id]; !dup {
			m[id] = k
		}
	}
	for _, x := range g.Countries {
		add(KindCountry, x.ID)
	}
	for _, x := range g.Places {
		add(KindPlace, x.ID)
	}
	for _, x := range g.Institutions {
		add(KindInstitution, x.ID)
	}
	for _, x := range g.People {
		add(KindPerson, x.ID)
	}
	for _, x := range g.Councils {
		add(KindCouncil, x.ID)
	}
	for _, x := range g.Initiatives {
		add(KindInitiative, x.ID)
	}
	for _, x := range g.Themes {
		add(KindTheme, x.ID)
	}
	for _, x := range g.Sources {
		add(KindSource, x.ID)
	}
	for _, x := range g.Publications {
		add(KindPublication, x.ID)
	}
	for _, x := range g.Meetings {
		add(KindMeeting, x.ID)
	}
	for _, x := range g.Recommendations {
		add(KindRecommendation, x.ID)
	}
	return m
}

// Validate checks every node and link of g and returns a *ValidationError
// listing each problem with the path of the field at fault
// ("meetings[raec-5].date"), or nil. existing tells the kind of an ID the
// store already holds ("" if none); references may point into g or into the store.
func (g *Graph) Validate(existing func(id string) Kind) error {
	v := &validator{g: g, own: map[string]Kind{}, existing: existing}
	if v.existing == nil {
		v.existing = func(string) Kind { return "" }
	}
	v.run()
	v.redirects()
	if len(v.problems) == 0 {
		return nil
	}
	return &ValidationError{Problems: v.problems}
}

type validator struct {
	g        *Graph
	own      map[string]Kind
	existing func(string) Kind
	problems []*Error
}

func (v *validator) bad(field, format string, args ...any) {
	v.problems = append(v.problems, Invalidf(field, format, args...))
}

func (v *validator) id(coll string, k Kind, id string) string {
	at := fmt.Sprintf("%s[%s]", coll, id)
	switch {
	case id == "":
		v.bad(coll+"[]", "an entry has no id")
	case !ValidID(id):
		v.bad(at+".id", "%q is not a valid id: use lower-case letters, digits and single dashes, at most %d characters (e.g. raec-5, igor-maslov)", id, MaxIDLength)
	case v.own[id] != "":
		v.bad(at+".id", "id %q is used twice (also by %s)", id, article(v.own[id]))
	default:
		if ek := v.existing(id); ek != "" && ek != k {
			v.bad(at+".id", "id %q already names %s", id, article(ek))
		}
		v.own[id] = k
	}
	return at
}

func (v *validator) name(field, s string, required bool) {
	switch {
	case strings.TrimSpace(s) == "" && required:
		v.bad(field, "is required")
	case len(s) > MaxNameLength:
		v.bad(field, "is %d characters long; at most %d", len(s), MaxNameLength)
	case s != "" && NormalizeName(s) == "":
		v.bad(field, "%q has no letters or digits", s)
	}
}

func (v *validator) names(field string, ss []string) {
	for i, s := range ss {
		v.name(fmt.Sprintf("%s[%d]", field, i), s, true)
	}
}

func (v *validator) text(field, s string, required bool) {
	switch {
	case strings.TrimSpace(s) == "" && required:
		v.bad(field, "is required")
	case len(s) > MaxTextLength:
		v.bad(field, "is %d characters long; at most %d", len(s), MaxTextLength)
	}
}

// article returns the kind's lower-case name with "a" or "an".
func article(k Kind) string {
	n := strings.ToLower(string(k))
	if strings.ContainsRune("aeiou", rune(n[0])) {
		return "an " + n
	}
	return "a " + n
}

func (v *validator) kindOf(id string) Kind {
	if k := v.own[id]; k != "" {
		return k
	}
	return v.existing(id)
}

func (v *validator) ref(field, id string, want Kind, required bool) {
	if id == "" {
		if required {
			v.bad(field, "is required")
		}
		return
	}
	switch k := v.kindOf(id); k {
	case want:
	case "":
		v.bad(field, "unknown %s %q", strings.ToLower(string(want)), id)
	default:
		v.bad(field, "%q is %s, not %s", id, article(k), article(want))
	}
}

func (v *validator) refs(field string, ids []string, want Kind) {
	seen := map[string]bool{}
	for i, id := range ids {
		f := fmt.Sprintf("%s[%d]", field, i)
		if seen[id] {
			v.bad(f, "%q is listed twice", id)
		}
		seen[id] = true
		v.ref(f, id, want, true)
	}
}

func (v *validator) sources(field string, refs []SourceRef, required bool) {
	if required && len(refs) == 0 {
		v.bad(field, "at least one source is required: every fact names the report that states it")
	}
	seen := map[string]bool{}
	for i, r := range refs {
		f := fmt.Sprintf("%s[%d]", field, i)
		if seen[r.SourceID] {
			v.bad(f, "source %q is listed twice", r.SourceID)
		}
		seen[r.SourceID] = true
		v.ref(f+".source", r.SourceID, KindSource, true)
		v.text(f+".excerpt", r.Excerpt, false)
	}
}

func (v *validator) date(field string, d Date, required bool) {
	if d.IsZero() {
		if required {
			v.bad(field, "is required")
		}
		return
	}
	if err := d.Validate(); err != nil {
		v.bad(field, "%v", err)
	}
}

func oneOf[T comparable](x T, all []T) bool {
	for _, a := range all {
		if a == x {
			return true
		}
	}
	return false
}

func (v *validator) run() {
	g := v.g
	// IDs first, so that references may point forward.
	for _, x := range g.Countries {
		v.id("countries", KindCountry, x.ID)
	}
	for _, x := range g.Places {
		v.id("places", KindPlace, x.ID)
	}
	for _, x := range g.Institutions {
		v.id("institutions", KindInstitution, x.ID)
	}
	for _, x := range g.People {
		v.id("people", KindPerson, x.ID)
	}
	for _, x := range g.Councils {
		v.id("councils", KindCouncil, x.ID)
	}
	for _, x := range g.Initiatives {
		v.id("initiatives", KindInitiative, x.ID)
	}
	for _, x := range g.Themes {
		v.id("themes", KindTheme, x.ID)
	}
	for _, x := range g.Sources {
		v.id("sources", KindSource, x.ID)
	}
	for _, x := range g.Publications {
		v.id("publications", KindPublication, x.ID)
	}
	for _, x := range g.Meetings {
		v.id("meetings", KindMeeting, x.ID)
	}
	for _, x := range g.Recommendations {
		v.id("recommendations", KindRecommendation, x.ID)
	}

	for _, x := range g.Countries {
		at := fmt.Sprintf("countries[%s]", x.ID)
		v.name(at+".name", x.Name, true)
		v.names(at+".aliases", x.Aliases)
		v.sources(at+".sources", x.Sources, false)
	}
	for _, x := range g.Places {
		at := fmt.Sprintf("places[%s]", x.ID)
		v.name(at+".name", x.Name, true)
		v.names(at+".aliases", x.Aliases)
		v.ref(at+".country", x.CountryID, KindCountry, true)
		v.sources(at+".sources", x.Sources, false)
	}
	for _, x := range g.Institutions {
		at := fmt.Sprintf("institutions[%s]", x.ID)
		v.name(at+".name", x.Name, true)
		v.name(at+".shortName", x.ShortName, false)
		v.names(at+".aliases", x.Aliases)
		if !oneOf(x.Kind, InstitutionKinds) {
			v.bad(at+".kind", "%q is not one of %v", x.Kind, InstitutionKinds)
		}
		v.ref(at+".country", x.CountryID, KindCountry, false)
		v.ref(at+".parent", x.ParentID, KindInstitution, false)
		if x.ParentID != "" && x.ParentID == x.ID {
			v.bad(at+".parent", "an institution cannot be its own parent")
		}
		v.sources(at+".sources", x.Sources, false)
	}
	for _, x := range g.People {
		at := fmt.Sprintf("people[%s]", x.ID)
		v.name(at+".name", x.Name, true)
		v.names(at+".aliases", x.Aliases)
		v.ref(at+".country", x.CountryID, KindCountry, false)
		for i, a := range x.Affiliations {
			f := fmt.Sprintf("%s.affiliations[%d]", at, i)
			v.ref(f+".institution", a.InstitutionID, KindInstitution, true)
			v.name(f+".title", a.Title, false)
			v.date(f+".from", a.From, false)
			v.date(f+".to", a.To, false)
			if err := (DateRange{From: a.From, To: a.To}).Validate(f); err != nil {
				v.problems = append(v.problems, err.(*Error))
			}
		}
		v.sources(at+".sources", x.Sources, false)
	}
	for _, x := range g.Councils {
		at := fmt.Sprintf("councils[%s]", x.ID)
		v.name(at+".name", x.Name, true)
		v.name(at+".shortName", x.ShortName, false)
		v.names(at+".aliases", x.Aliases)
		v.text(at+".description", x.Description, false)
		v.text(at+".frequency", x.Frequency, false)
		v.date(at+".founded", x.Founded, false)
		if len(x.CountryIDs) < 2 {
			v.bad(at+".countries", "a council is held between two or more countries; %d given", len(x.CountryIDs))
		}
		v.refs(at+".countries", x.CountryIDs, KindCountry)
		v.refs(at+".organizers", x.OrganizerIDs, KindInstitution)
		v.sources(at+".sources", x.Sources, false)
	}
	for _, x := range g.Initiatives {
		at := fmt.Sprintf("initiatives[%s]", x.ID)
		v.name(at+".name", x.Name, true)
		v.name(at+".shortName", x.ShortName, false)
		v.names(at+".aliases", x.Aliases)
		if !oneOf(x.Kind, InitiativeKinds) {
			v.bad(at+".kind", "%q is not one of %v", x.Kind, InitiativeKinds)
		}
		v.text(at+".description", x.Description, false)
		v.sources(at+".sources", x.Sources, false)
	}
	for _, x := range g.Themes {
		at := fmt.Sprintf("themes[%s]", x.ID)
		v.name(at+".name", x.Name, true)
		v.names(at+".aliases", x.Aliases)
		v.text(at+".description", x.Description, false)
		v.sources(at+".sources", x.Sources, false)
	}
	for _, x := range g.Sources {
		at := fmt.Sprintf("sources[%s]", x.ID)
		u, err := url.Parse(x.URL)
		if x.URL == "" {
			v.bad(at+".url", "is required")
		} else if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			v.bad(at+".url", "%q is not an http(s) URL", x.URL)
		}
		v.name(at+".title", x.Title, false)
		v.name(at+".publisher", x.Publisher, true)
		v.date(at+".published", x.Published, false)
		if x.Language != "" && !languagePattern.MatchString(x.Language) {
			v.bad(at+".language", "%q is not a two-letter ISO 639-1 code", x.Language)
		}
	}
	for _, x := range g.Publications {
		at := fmt.Sprintf("publications[%s]", x.ID)
		v.name(at+".title", x.Title, true)
		v.name(at+".kind", x.Kind, false)
		v.name(at+".status", x.Status, false)
		v.refs(at+".institutions", x.InstitutionIDs, KindInstitution)
		v.sources(at+".sources", x.Sources, true)
	}
	for _, x := range g.Meetings {
		at := fmt.Sprintf("meetings[%s]", x.ID)
		v.ref(at+".council", x.CouncilID, KindCouncil, false)
		if x.Ordinal < 0 {
			v.bad(at+".ordinal", "must not be negative")
		}
		v.name(at+".title", x.Title, true)
		v.text(at+".theme", x.Theme, false)
		for i, s := range x.ThemeVariants {
			v.text(fmt.Sprintf("%s.themeVariants[%d]", at, i), s, true)
		}
		v.date(at+".date", x.Date, true)
		v.text(at+".dateNote", x.DateNote, false)
		v.ref(at+".place", x.PlaceID, KindPlace, false)
		v.text(at+".format", x.Format, false)
		v.refs(at+".organizers", x.OrganizerIDs, KindInstitution)
		v.refs(at+".themes", x.ThemeIDs, KindTheme)
		v.refs(at+".initiatives", x.InitiativeIDs, KindInitiative)
		seen := map[string]bool{}
		for i, p := range x.Publications {
			f := fmt.Sprintf("%s.publications[%d]", at, i)
			v.ref(f+".publication", p.PublicationID, KindPublication, true)
			if p.Relation != PublicationPresented && p.Relation != PublicationAnnounced {
				v.bad(f+".relation", "%q is not PRESENTED or ANNOUNCED", p.Relation)
			}
			if seen[p.PublicationID] {
				v.bad(f+".publication", "%q is listed twice", p.PublicationID)
			}
			seen[p.PublicationID] = true
		}
		v.sources(at+".sources", x.Sources, true)
	}
	seen := map[string]bool{}
	for _, x := range g.Appearances {
		key := AppearanceKey(x.MeetingID, x.PersonID)
		at := fmt.Sprintf("appearances[%s]", key)
		if seen[key] {
			v.bad(at, "the person appears twice at the meeting; give one appearance with several roles")
		}
		seen[key] = true
		v.ref(at+".meeting", x.MeetingID, KindMeeting, true)
		v.ref(at+".person", x.PersonID, KindPerson, true)
		if len(x.Roles) == 0 {
			v.bad(at+".roles", "at least one role is required (one of %v)", Roles)
		}
		for i, r := range x.Roles {
			if !oneOf(r, Roles) {
				v.bad(fmt.Sprintf("%s.roles[%d]", at, i), "%q is not one of %v", r, Roles)
			}
		}
		v.name(at+".title", x.Title, false)
		v.ref(at+".institution", x.InstitutionID, KindInstitution, false)
		v.ref(at+".country", x.CountryID, KindCountry, false)
		v.name(at+".session", x.Session, false)
		if x.Order < 0 {
			v.bad(at+".order", "must not be negative")
		}
		v.sources(at+".sources", x.Sources, true)
	}
	for _, x := range g.Recommendations {
		at := fmt.Sprintf("recommendations[%s]", x.ID)
		v.ref(at+".meeting", x.MeetingID, KindMeeting, true)
		if !oneOf(x.Kind, RecommendationKinds) {
			v.bad(at+".kind", "%q is not one of %v", x.Kind, RecommendationKinds)
		}
		v.text(at+".text", x.Text, true)
		if x.Order < 0 {
			v.bad(at+".order", "must not be negative")
		}
		v.refs(at+".attributedTo", x.AttributedTo, KindPerson)
		v.refs(at+".initiatives", x.InitiativeIDs, KindInitiative)
		v.refs(at+".themes", x.ThemeIDs, KindTheme)
		v.refs(at+".countries", x.CountryIDs, KindCountry)
		v.sources(at+".sources", x.Sources, true)
	}
}

// References returns every ID that g refers to but does not define, sorted:
// what a store must look up before validating g against what it holds.
func (g *Graph) References() []string {
	own := g.Kinds()
	out := map[string]bool{}
	add := func(ids ...string) {
		for _, id := range ids {
			if id != "" && own[id] == "" {
				out[id] = true
			}
		}
	}
	srcs := func(refs []SourceRef) {
		for _, r := range refs {
			add(r.SourceID)
		}
	}
	for _, x := range g.Countries {
		srcs(x.Sources)
	}
	for _, x := range g.Places {
		add(x.CountryID)
		srcs(x.Sources)
	}
	for _, x := range g.Initiatives {
		srcs(x.Sources)
	}
	for _, x := range g.Themes {
		srcs(x.Sources)
	}
	for _, x := range g.Institutions {
		add(x.CountryID, x.ParentID)
		srcs(x.Sources)
	}
	for _, x := range g.People {
		add(x.CountryID)
		for _, a := range x.Affiliations {
			add(a.InstitutionID)
		}
		srcs(x.Sources)
	}
	for _, x := range g.Councils {
		add(x.CountryIDs...)
		add(x.OrganizerIDs...)
		srcs(x.Sources)
	}
	for _, x := range g.Publications {
		add(x.InstitutionIDs...)
		srcs(x.Sources)
	}
	for _, x := range g.Meetings {
		add(x.CouncilID, x.PlaceID)
		add(x.OrganizerIDs...)
		add(x.ThemeIDs...)
		add(x.InitiativeIDs...)
		for _, p := range x.Publications {
			add(p.PublicationID)
		}
		srcs(x.Sources)
	}
	for _, x := range g.Appearances {
		add(x.MeetingID, x.PersonID, x.InstitutionID, x.CountryID)
		srcs(x.Sources)
	}
	for _, x := range g.Recommendations {
		add(x.MeetingID)
		add(x.AttributedTo...)
		add(x.InitiativeIDs...)
		add(x.ThemeIDs...)
		add(x.CountryIDs...)
		srcs(x.Sources)
	}
	for _, x := range g.Redirects {
		add(x.Target)
	}
	ids := make([]string, 0, len(out))
	for id := range out {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}
