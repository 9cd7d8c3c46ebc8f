// Package synth generates large, deterministic graphs of expert meetings for
// benchmarks: the same size always gives the same graph, byte for byte, so
// that numbers measured on two machines or two stores compare.
//
// A graph of n meetings has n/60 councils (at least 3) between 40 countries,
// meetings in 200 cities, 800 institutions, 6,000 people (with
// transliterated aliases such as Hajiyev / Hajiev / Gadzhiev), 300
// initiatives, 30 themes, one source per meeting and n/20 publications;
// every meeting has 4 to 12 appearances and 2 to 8 recommendations, whose
// texts name initiatives and themes. Who appears where is skewed, as in real
// councils: a few people and institutions appear very often, most rarely.
//
// Generate returns the whole graph; Batches splits it into graphs to write
// one after another (a store may not take 10,000 meetings in one
// transaction).
package synth

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// Sizes of the reference nodes, whatever the number of meetings.
const (
	Countries    = 40
	Places       = 200
	Institutions = 800
	People       = 6000
	Initiatives  = 300
	Themes       = 30
)

// IDs of the generated nodes, for benchmarks that need one of each kind.
func CountryID(i int) string     { return fmt.Sprintf("country-%02d", i) }
func PlaceID(i int) string       { return fmt.Sprintf("city-%03d", i) }
func InstitutionID(i int) string { return fmt.Sprintf("institution-%03d", i) }
func PersonID(i int) string      { return fmt.Sprintf("person-%04d", i) }
func CouncilID(i int) string     { return fmt.Sprintf("council-%03d", i) }
func InitiativeID(i int) string  { return fmt.Sprintf("initiative-%03d", i) }
func ThemeID(i int) string       { return fmt.Sprintf("theme-%02d", i) }
func MeetingID(i int) string     { return fmt.Sprintf("meeting-%05d", i) }

// Councils returns the number of councils of a graph of n meetings.
func Councils(meetings int) int { return max(3, meetings/60) }

// Generate returns the graph of n meetings.
func Generate(meetings int) *domain.Graph {
	g := &gen{r: rand.New(rand.NewPCG(uint64(meetings), 20240621)), g: &domain.Graph{}, n: meetings}
	g.countries()
	g.places()
	g.institutions()
	g.people()
	g.councils()
	g.initiatives()
	g.themes()
	g.meetings()
	return g.g
}

type gen struct {
	r *rand.Rand
	g *domain.Graph
	n int
}

// skewed returns an index in [0, n) where small indexes are much more likely
// (a Zipf-like law), so that some people and institutions appear often.
func (g *gen) skewed(n int) int {
	return int(math.Floor(float64(n) * math.Pow(g.r.Float64(), 2.2)))
}

func (g *gen) pick(words []string) string { return words[g.r.IntN(len(words))] }

var (
	syllables = []string{"ka", "ra", "do", "mi", "sel", "tan", "bur", "vel", "an", "os", "len", "gar", "zar", "ul", "ne", "shi",
		"per", "lo", "dan", "is", "mar", "kol", "ta", "vin", "ber", "al", "ron", "te", "sha", "gor"}
	firstNames = []string{"Hikmet", "Elshad", "Mikhail", "Farid", "Ivan", "Andrey", "Igor", "Yelena", "Anar", "Rashad", "Timur",
		"Dmitry", "Aydin", "Leyla", "Sergey", "Olga", "Nigar", "Vusal", "Pavel", "Natalia", "Murad", "Aliya", "Kamran", "Irina",
		"Ruslan", "Sevinj", "Oleg", "Gulnara", "Emil", "Tatiana"}
	// surnames come with the spellings sources give them: name, then aliases.
	surnames = [][]string{
		{"Hajiyev", "Hajiev", "Gadzhiev", "Гаджиев"}, {"Iskandarov", "Isgandarov", "Iskenderov"}, {"Evdokimov", "Yevdokimov"},
		{"Shafiyev", "Shafiev"}, {"Timofeev", "Timofeyev"}, {"Mammadov", "Mamedov"}, {"Aliyev", "Aliev"}, {"Guliyev", "Kuliev"},
		{"Hasanov", "Gasanov"}, {"Huseynov", "Guseinov"}, {"Kortunov"}, {"Bystritsky", "Bystritskiy"}, {"Orlov"},
		{"Zhakenov", "Jakenov"}, {"Kuzmina", "Kuz'mina"}, {"Belov"}, {"Maslov"}, {"Safarov", "Safarli"}, {"Abbasov"},
		{"Novikov"}, {"Ismayilov", "Ismailov"}, {"Karimov"}, {"Volkov"}, {"Sultanov"}, {"Yusifov", "Yusufov"},
	}
	institutionKinds = []domain.InstitutionKind{domain.InstitutionThinkTank, domain.InstitutionThinkTank, domain.InstitutionMinistry,
		domain.InstitutionUniversity, domain.InstitutionAdministration, domain.InstitutionEmbassy, domain.InstitutionParliament,
		domain.InstitutionOther}
	institutionWords = []string{"Center", "Institute", "Council", "Academy", "Foundation", "University", "Club", "Agency"}
	topics           = []string{"Strategic Studies", "International Relations", "Regional Security", "Economic Research",
		"Foreign Policy", "Caspian Studies", "Eurasian Integration", "Energy Policy", "Transport Research", "Public Diplomacy"}
	themeNames = []string{"Transport and logistics", "Energy", "Trade and investment", "Regional security", "Culture and humanitarian ties",
		"Education and science", "Environment", "Media and information", "Migration", "Digital economy", "Health", "Tourism",
		"Agriculture", "Water resources", "Finance", "Industry", "Space", "Sport", "Law", "Religion", "Youth", "Diaspora",
		"Post-conflict settlement", "Interregional ties", "Strategic partnership", "Arms control", "Terrorism", "Food security",
		"Climate", "Connectivity"}
	initiativeKinds = []domain.InitiativeKind{domain.InitiativeCorridor, domain.InitiativePlatform, domain.InitiativeOrganisation,
		domain.InitiativeAgreement, domain.InitiativeProcess, domain.InitiativeEvent}
	initiativeWords = []string{"Corridor", "Platform", "Partnership", "Forum", "Route", "Initiative", "Format", "Dialogue", "Compact", "Agenda"}
	verbs           = []string{"expand", "deepen", "coordinate", "support", "develop", "institutionalise", "review", "strengthen", "study", "promote"}
	nouns           = []string{"cooperation", "investment", "logistics", "capacity", "dialogue", "exchanges", "projects", "consultations",
		"supplies", "research", "contacts", "markets", "infrastructure", "relations", "standards"}
)

// word returns a made-up word of two or three syllables, capitalised.
func (g *gen) word() string {
	n := 2 + g.r.IntN(2)
	var b strings.Builder
	for range n {
		b.WriteString(g.pick(syllables))
	}
	w := b.String()
	return strings.ToUpper(w[:1]) + w[1:]
}

func (g *gen) countries() {
	for i := range Countries {
		name := g.word() + "ia"
		g.g.Countries = append(g.g.Countries, &domain.Country{ID: CountryID(i), Name: name, Aliases: []string{"Republic of " + name}})
	}
}

func (g *gen) places() {
	for i := range Places {
		name := g.word()
		g.g.Places = append(g.g.Places, &domain.Place{ID: PlaceID(i), Name: name, CountryID: CountryID(g.skewed(Countries))})
	}
}

func (g *gen) institutions() {
	for i := range Institutions {
		topic := g.pick(topics)
		name := fmt.Sprintf("%s %s of %s", g.word(), g.pick(institutionWords), topic)
		short := ""
		if g.r.IntN(2) == 0 {
			short = strings.ToUpper(g.word()[:3]) + fmt.Sprint(i%10)
		}
		g.g.Institutions = append(g.g.Institutions, &domain.Institution{ID: InstitutionID(i), Name: name, ShortName: short,
			Kind: institutionKinds[g.r.IntN(len(institutionKinds))], CountryID: CountryID(g.skewed(Countries))})
	}
}

func (g *gen) people() {
	for i := range People {
		first := g.pick(firstNames)
		spellings := surnames[g.r.IntN(len(surnames))]
		p := &domain.Person{ID: PersonID(i), Name: first + " " + spellings[0], CountryID: CountryID(g.skewed(Countries))}
		for _, s := range spellings[1:] {
			p.Aliases = append(p.Aliases, first+" "+s)
		}
		// A number keeps names apart, as a patronymic or a second name would.
		p.Name += fmt.Sprintf(" %s", g.word())
		p.Affiliations = []domain.Affiliation{{InstitutionID: InstitutionID(g.skewed(Institutions)), Title: "Expert"}}
		if g.r.IntN(3) == 0 {
			p.Affiliations = append(p.Affiliations, domain.Affiliation{InstitutionID: InstitutionID(g.skewed(Institutions)), Title: "Fellow"})
			if p.Affiliations[1].InstitutionID == p.Affiliations[0].InstitutionID {
				p.Affiliations = p.Affiliations[:1]
			}
		}
		g.g.People = append(g.g.People, p)
	}
}

func (g *gen) councils() {
	for i := range Councils(g.n) {
		a, b := g.skewed(Countries), g.r.IntN(Countries)
		if a == b {
			b = (b + 1) % Countries
		}
		name := fmt.Sprintf("%s–%s Expert Council", g.g.Countries[a].Name, g.g.Countries[b].Name)
		org1, org2 := g.skewed(Institutions), g.r.IntN(Institutions)
		orgs := []string{InstitutionID(org1)}
		if org2 != org1 {
			orgs = append(orgs, InstitutionID(org2))
		}
		g.g.Councils = append(g.g.Councils, &domain.Council{ID: CouncilID(i), Name: name,
			ShortName:  strings.ToUpper(g.g.Countries[a].Name[:1]+g.g.Countries[b].Name[:1]) + fmt.Sprintf("EC%d", i),
			CountryIDs: []string{CountryID(a), CountryID(b)}, OrganizerIDs: orgs, Frequency: "annual"})
	}
}

func (g *gen) initiatives() {
	for i := range Initiatives {
		name := fmt.Sprintf("%s %s %s", g.word(), g.word(), g.pick(initiativeWords))
		words := strings.Fields(name)
		short := ""
		for _, w := range words {
			short += w[:1]
		}
		g.g.Initiatives = append(g.g.Initiatives, &domain.Initiative{ID: InitiativeID(i), Name: name, ShortName: short + fmt.Sprint(i),
			Aliases: []string{strings.Join(words[:2], "–") + " " + words[2]}, Kind: initiativeKinds[g.r.IntN(len(initiativeKinds))]})
	}
}

func (g *gen) themes() {
	for i := range Themes {
		g.g.Themes = append(g.g.Themes, &domain.Theme{ID: ThemeID(i), Name: themeNames[i]})
	}
}

func (g *gen) meetings() {
	councils := Councils(g.n)
	ordinals := make([]int, councils)
	for i := range g.n {
		m := &domain.Meeting{ID: MeetingID(i), Date: domain.Date{Year: 2000 + i*26/g.n, Month: 1 + g.r.IntN(12), Day: 1 + g.r.IntN(28)},
			PlaceID: PlaceID(g.skewed(Places))}
		if g.r.IntN(20) > 0 {
			c := g.skewed(councils)
			ordinals[c]++
			m.CouncilID, m.Ordinal = CouncilID(c), ordinals[c]
			m.Title = fmt.Sprintf("Meeting %d of the %s", ordinals[c], g.g.Councils[c].Name)
			m.OrganizerIDs = g.g.Councils[c].OrganizerIDs
		} else {
			m.Title = fmt.Sprintf("%s round table on %s", g.word(), strings.ToLower(g.pick(themeNames)))
			m.OrganizerIDs = []string{InstitutionID(g.skewed(Institutions))}
		}
		if g.r.IntN(3) == 0 {
			m.Date.Day = 0 // known to the month only
		}
		m.ThemeIDs = g.distinct(1+g.r.IntN(3), Themes, ThemeID)
		m.InitiativeIDs = g.distinct(g.r.IntN(3), Initiatives, InitiativeID)
		src := &domain.Source{ID: fmt.Sprintf("source-%05d", i), URL: fmt.Sprintf("https://example.org/news/%05d", i),
			Title: "Report: " + m.Title, Publisher: "Example News", Language: "en"}
		g.g.Sources = append(g.g.Sources, src)
		m.Sources = []domain.SourceRef{{SourceID: src.ID}}
		if i%20 == 0 {
			pub := &domain.Publication{ID: fmt.Sprintf("publication-%04d", i/20), Title: fmt.Sprintf("%s %s: an outlook", g.word(), g.pick(topics)),
				Kind: "report", InstitutionIDs: []string{m.OrganizerIDs[0]}, Status: "published", Sources: m.Sources}
			g.g.Publications = append(g.g.Publications, pub)
			m.Publications = []domain.PublicationLink{{PublicationID: pub.ID, Relation: domain.PublicationPresented}}
		}
		g.g.Meetings = append(g.g.Meetings, m)

		seen := map[int]bool{}
		speakers := 4 + g.r.IntN(9)
		for order := 1; order <= speakers; order++ {
			p := g.skewed(People)
			if seen[p] {
				continue
			}
			seen[p] = true
			person := g.g.People[p]
			roles := []domain.Role{domain.RoleSpeaker}
			switch {
			case order <= 2:
				roles = []domain.Role{domain.RoleOpeningSpeech}
			case g.r.IntN(6) == 0:
				roles = []domain.Role{domain.RoleModerator, domain.RoleSpeaker}
			case g.r.IntN(5) == 0:
				roles = []domain.Role{domain.RolePanellist}
			}
			aff := person.Affiliations[g.r.IntN(len(person.Affiliations))]
			g.g.Appearances = append(g.g.Appearances, &domain.Appearance{MeetingID: m.ID, PersonID: person.ID, Roles: roles,
				Title: aff.Title, InstitutionID: aff.InstitutionID, Order: order, Sources: m.Sources})
		}
		recs := 2 + g.r.IntN(7)
		for k := 1; k <= recs; k++ {
			inits := g.distinct(g.r.IntN(3), Initiatives, InitiativeID)
			themes := g.distinct(1+g.r.IntN(2), Themes, ThemeID)
			text := fmt.Sprintf("The parties agreed to %s %s in %s", g.pick(verbs), g.pick(nouns), strings.ToLower(themeNames[themeIndex(themes[0])]))
			for _, id := range inits {
				text += fmt.Sprintf(" within the %s", g.g.Initiatives[initiativeIndex(id)].Name)
			}
			text += fmt.Sprintf(", and to %s %s with %s.", g.pick(verbs), g.pick(nouns), g.g.Countries[g.r.IntN(Countries)].Name)
			g.g.Recommendations = append(g.g.Recommendations, &domain.Recommendation{ID: fmt.Sprintf("%s-r%d", m.ID, k), MeetingID: m.ID,
				Kind: domain.RecommendationKinds[g.r.IntN(len(domain.RecommendationKinds))], Order: k, Text: text,
				InitiativeIDs: inits, ThemeIDs: themes, CountryIDs: g.distinct(g.r.IntN(3), Countries, CountryID), Sources: m.Sources})
		}
	}
}

// distinct returns k distinct IDs among n, skewed towards the first.
func (g *gen) distinct(k, n int, id func(int) string) []string {
	seen := map[int]bool{}
	var out []string
	for len(out) < k {
		i := g.skewed(n)
		if !seen[i] {
			seen[i] = true
			out = append(out, id(i))
		}
	}
	return out
}

func themeIndex(id string) int {
	var i int
	fmt.Sscanf(id, "theme-%d", &i)
	return i
}

func initiativeIndex(id string) int {
	var i int
	fmt.Sscanf(id, "initiative-%d", &i)
	return i
}

// Batches splits g into graphs to write one after another: the first holds
// every node that is not a meeting's (countries, places, institutions,
// people, councils, initiatives, themes), each of the others at most
// meetingsPerBatch meetings with their sources, publications, appearances
// and recommendations. Written in order, they make g.
func Batches(g *domain.Graph, meetingsPerBatch int) []*domain.Graph {
	out := []*domain.Graph{{Countries: g.Countries, Places: g.Places, Institutions: g.Institutions, People: g.People,
		Councils: g.Councils, Initiatives: g.Initiatives, Themes: g.Themes}}
	byMeeting := func(id string) int {
		var i int
		fmt.Sscanf(id, "meeting-%d", &i)
		return i / meetingsPerBatch
	}
	batches := (len(g.Meetings) + meetingsPerBatch - 1) / meetingsPerBatch
	for range batches {
		out = append(out, &domain.Graph{})
	}
	for _, m := range g.Meetings {
		b := out[1+byMeeting(m.ID)]
		b.Meetings = append(b.Meetings, m)
	}
	for _, s := range g.Sources {
		var i int
		fmt.Sscanf(s.ID, "source-%d", &i)
		b := out[1+i/meetingsPerBatch]
		b.Sources = append(b.Sources, s)
	}
	for _, p := range g.Publications {
		var i int
		fmt.Sscanf(p.ID, "publication-%d", &i)
		b := out[1+i*20/meetingsPerBatch]
		b.Publications = append(b.Publications, p)
	}
	for _, a := range g.Appearances {
		b := out[1+byMeeting(a.MeetingID)]
		b.Appearances = append(b.Appearances, a)
	}
	for _, r := range g.Recommendations {
		b := out[1+byMeeting(r.MeetingID)]
		b.Recommendations = append(b.Recommendations, r)
	}
	return out
}
