package memstore

import (
	"fmt"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// The file is one JSON document, {"version":1,"graph":{...}}, with every
// collection ordered by ID and dates written as "2024-06-21", "2024-06" or
// "2024". Its structs are kept apart from the domain types so that renaming a
// Go field never changes the format.
const fileVersion = 1

type fileDoc struct {
	Version int        `json:"version"`
	Graph   *fileGraph `json:"graph"`
	// Redirects and Audit are kept by curation.go: merged IDs and the audit log.
	Redirects map[string]string `json:"redirects,omitempty"`
	Audit     []fileAudit       `json:"audit,omitempty"`
}

type fileGraph struct {
	Countries       []fileCountry        `json:"countries,omitempty"`
	Places          []filePlace          `json:"places,omitempty"`
	Institutions    []fileInstitution    `json:"institutions,omitempty"`
	People          []filePerson         `json:"people,omitempty"`
	Councils        []fileCouncil        `json:"councils,omitempty"`
	Initiatives     []fileInitiative     `json:"initiatives,omitempty"`
	Themes          []fileTheme          `json:"themes,omitempty"`
	Sources         []fileSource         `json:"sources,omitempty"`
	Publications    []filePublication    `json:"publications,omitempty"`
	Meetings        []fileMeeting        `json:"meetings,omitempty"`
	Appearances     []fileAppearance     `json:"appearances,omitempty"`
	Recommendations []fileRecommendation `json:"recommendations,omitempty"`
}

type fileSourceRef struct {
	Source  string `json:"source"`
	Excerpt string `json:"excerpt,omitempty"`
}

type fileCountry struct {
	ID      string          `json:"id"`
	Name    string          `json:"name"`
	Aliases []string        `json:"aliases,omitempty"`
	Sources []fileSourceRef `json:"sources,omitempty"`
}

type filePlace struct {
	ID      string          `json:"id"`
	Name    string          `json:"name"`
	Aliases []string        `json:"aliases,omitempty"`
	Country string          `json:"country"`
	Sources []fileSourceRef `json:"sources,omitempty"`
}

type fileInstitution struct {
	ID        string          `json:"id"`
	Name      string          `json:"name"`
	ShortName string          `json:"shortName,omitempty"`
	Aliases   []string        `json:"aliases,omitempty"`
	Kind      string          `json:"kind"`
	Country   string          `json:"country,omitempty"`
	Parent    string          `json:"parent,omitempty"`
	Sources   []fileSourceRef `json:"sources,omitempty"`
}

type filePerson struct {
	ID           string            `json:"id"`
	Name         string            `json:"name"`
	Aliases      []string          `json:"aliases,omitempty"`
	Country      string            `json:"country,omitempty"`
	Affiliations []fileAffiliation `json:"affiliations,omitempty"`
	Sources      []fileSourceRef   `json:"sources,omitempty"`
}

type fileAffiliation struct {
	Institution string `json:"institution"`
	Title       string `json:"title,omitempty"`
	From        string `json:"from,omitempty"`
	To          string `json:"to,omitempty"`
}

type fileCouncil struct {
	ID          string          `json:"id"`
	Name        string          `json:"name"`
	ShortName   string          `json:"shortName,omitempty"`
	Aliases     []string        `json:"aliases,omitempty"`
	Description string          `json:"description,omitempty"`
	Frequency   string          `json:"frequency,omitempty"`
	Founded     string          `json:"founded,omitempty"`
	Countries   []string        `json:"countries"`
	Organizers  []string        `json:"organizers,omitempty"`
	Sources     []fileSourceRef `json:"sources,omitempty"`
}

type fileInitiative struct {
	ID          string          `json:"id"`
	Name        string          `json:"name"`
	ShortName   string          `json:"shortName,omitempty"`
	Aliases     []string        `json:"aliases,omitempty"`
	Kind        string          `json:"kind"`
	Description string          `json:"description,omitempty"`
	Sources     []fileSourceRef `json:"sources,omitempty"`
}

type fileTheme struct {
	ID          string          `json:"id"`
	Name        string          `json:"name"`
	Description string          `json:"description,omitempty"`
	Aliases     []string        `json:"aliases,omitempty"`
	Sources     []fileSourceRef `json:"sources,omitempty"`
}

type fileSource struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Title     string `json:"title,omitempty"`
	Publisher string `json:"publisher"`
	Published string `json:"published,omitempty"`
	Language  string `json:"language,omitempty"`
}

type filePublication struct {
	ID           string          `json:"id"`
	Title        string          `json:"title"`
	Kind         string          `json:"kind,omitempty"`
	Institutions []string        `json:"institutions,omitempty"`
	Status       string          `json:"status,omitempty"`
	Sources      []fileSourceRef `json:"sources,omitempty"`
}

type fileMeeting struct {
	ID            string                `json:"id"`
	Council       string                `json:"council,omitempty"`
	Ordinal       int                   `json:"ordinal,omitempty"`
	Title         string                `json:"title"`
	Theme         string                `json:"theme,omitempty"`
	ThemeVariants []string              `json:"themeVariants,omitempty"`
	Date          string                `json:"date"`
	DateNote      string                `json:"dateNote,omitempty"`
	Place         string                `json:"place,omitempty"`
	Format        string                `json:"format,omitempty"`
	Organizers    []string              `json:"organizers,omitempty"`
	Themes        []string              `json:"themes,omitempty"`
	Initiatives   []string              `json:"initiatives,omitempty"`
	Publications  []filePublicationLink `json:"publications,omitempty"`
	Sources       []fileSourceRef       `json:"sources,omitempty"`
}

type filePublicationLink struct {
	Publication string `json:"publication"`
	Relation    string `json:"relation"`
}

type fileAppearance struct {
	Meeting     string          `json:"meeting"`
	Person      string          `json:"person"`
	Roles       []string        `json:"roles"`
	Title       string          `json:"title,omitempty"`
	Institution string          `json:"institution,omitempty"`
	Country     string          `json:"country,omitempty"`
	Session     string          `json:"session,omitempty"`
	Order       int             `json:"order,omitempty"`
	Sources     []fileSourceRef `json:"sources,omitempty"`
}

type fileRecommendation struct {
	ID           string          `json:"id"`
	Meeting      string          `json:"meeting"`
	Kind         string          `json:"kind"`
	Text         string          `json:"text"`
	Order        int             `json:"order,omitempty"`
	Paraphrase   bool            `json:"paraphrase,omitempty"`
	AttributedTo []string        `json:"attributedTo,omitempty"`
	Initiatives  []string        `json:"initiatives,omitempty"`
	Themes       []string        `json:"themes,omitempty"`
	Countries    []string        `json:"countries,omitempty"`
	Sources      []fileSourceRef `json:"sources,omitempty"`
}

// each maps xs through f; nil stays nil.
func each[T, U any](xs []T, f func(T) U) []U {
	if xs == nil {
		return nil
	}
	out := make([]U, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

// enum converts between string kinds in both directions.
func enum[T, U ~string](xs []T) []U { return each(xs, func(x T) U { return U(x) }) }

func dateText(d domain.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

func toFileRefs(refs []domain.SourceRef) []fileSourceRef {
	return each(refs, func(r domain.SourceRef) fileSourceRef { return fileSourceRef{Source: r.SourceID, Excerpt: r.Excerpt} })
}

func fromFileRefs(refs []fileSourceRef) []domain.SourceRef {
	return each(refs, func(r fileSourceRef) domain.SourceRef {
		return domain.SourceRef{SourceID: r.Source, Excerpt: r.Excerpt}
	})
}

// toFile returns the file form of g.
func toFile(g *domain.Graph) *fileGraph {
	return &fileGraph{
		Countries: each(g.Countries, func(x *domain.Country) fileCountry {
			return fileCountry{ID: x.ID, Name: x.Name, Aliases: x.Aliases, Sources: toFileRefs(x.Sources)}
		}),
		Places: each(g.Places, func(x *domain.Place) filePlace {
			return filePlace{ID: x.ID, Name: x.Name, Aliases: x.Aliases, Country: x.CountryID, Sources: toFileRefs(x.Sources)}
		}),
		Institutions: each(g.Institutions, func(x *domain.Institution) fileInstitution {
			return fileInstitution{ID: x.ID, Name: x.Name, ShortName: x.ShortName, Aliases: x.Aliases, Kind: string(x.Kind),
				Country: x.CountryID, Parent: x.ParentID, Sources: toFileRefs(x.Sources)}
		}),
		People: each(g.People, func(x *domain.Person) filePerson {
			return filePerson{ID: x.ID, Name: x.Name, Aliases: x.Aliases, Country: x.CountryID, Sources: toFileRefs(x.Sources),
				Affiliations: each(x.Affiliations, func(a domain.Affiliation) fileAffiliation {
					return fileAffiliation{Institution: a.InstitutionID, Title: a.Title, From: dateText(a.From), To: dateText(a.To)}
				})}
		}),
		Councils: each(g.Councils, func(x *domain.Council) fileCouncil {
			return fileCouncil{ID: x.ID, Name: x.Name, ShortName: x.ShortName, Aliases: x.Aliases, Description: x.Description,
				Frequency: x.Frequency, Founded: dateText(x.Founded), Countries: x.CountryIDs, Organizers: x.OrganizerIDs,
				Sources: toFileRefs(x.Sources)}
		}),
		Initiatives: each(g.Initiatives, func(x *domain.Initiative) fileInitiative {
			return fileInitiative{ID: x.ID, Name: x.Name, ShortName: x.ShortName, Aliases: x.Aliases, Kind: string(x.Kind),
				Description: x.Description, Sources: toFileRefs(x.Sources)}
		}),
		Themes: each(g.Themes, func(x *domain.Theme) fileTheme {
			return fileTheme{ID: x.ID, Name: x.Name, Description: x.Description, Aliases: x.Aliases, Sources: toFileRefs(x.Sources)}
		}),
		Sources: each(g.Sources, func(x *domain.Source) fileSource {
			return fileSource{ID: x.ID, URL: x.URL, Title: x.Title, Publisher: x.Publisher, Published: dateText(x.Published),
				Language: x.Language}
		}),
		Publications: each(g.Publications, func(x *domain.Publication) filePublication {
			return filePublication{ID: x.ID, Title: x.Title, Kind: x.Kind, Institutions: x.InstitutionIDs, Status: x.Status,
				Sources: toFileRefs(x.Sources)}
		}),
		Meetings: each(g.Meetings, func(x *domain.Meeting) fileMeeting {
			return fileMeeting{ID: x.ID, Council: x.CouncilID, Ordinal: x.Ordinal, Title: x.Title, Theme: x.Theme,
				ThemeVariants: x.ThemeVariants, Date: dateText(x.Date), DateNote: x.DateNote, Place: x.PlaceID, Format: x.Format,
				Organizers: x.OrganizerIDs, Themes: x.ThemeIDs, Initiatives: x.InitiativeIDs, Sources: toFileRefs(x.Sources),
				Publications: each(x.Publications, func(p domain.PublicationLink) filePublicationLink {
					return filePublicationLink{Publication: p.PublicationID, Relation: string(p.Relation)}
				})}
		}),
		Appearances: each(g.Appearances, func(x *domain.Appearance) fileAppearance {
			return fileAppearance{Meeting: x.MeetingID, Person: x.PersonID, Roles: enum[domain.Role, string](x.Roles),
				Title: x.Title, Institution: x.InstitutionID, Country: x.CountryID, Session: x.Session, Order: x.Order,
				Sources: toFileRefs(x.Sources)}
		}),
		Recommendations: each(g.Recommendations, func(x *domain.Recommendation) fileRecommendation {
			return fileRecommendation{ID: x.ID, Meeting: x.MeetingID, Kind: string(x.Kind), Text: x.Text, Order: x.Order,
				Paraphrase: x.Paraphrase, AttributedTo: x.AttributedTo, Initiatives: x.InitiativeIDs, Themes: x.ThemeIDs,
				Countries: x.CountryIDs, Sources: toFileRefs(x.Sources)}
		}),
	}
}

// fromFile returns the graph of a file; a date that does not parse is an
// error naming its field.
func fromFile(fg *fileGraph) (*domain.Graph, error) {
	var bad error
	date := func(field, s string) domain.Date {
		if s == "" {
			return domain.Date{}
		}
		d, err := domain.ParseDate(s)
		if err != nil && bad == nil {
			bad = fmt.Errorf("%s: %w", field, err)
		}
		return d
	}
	g := &domain.Graph{
		Countries: each(fg.Countries, func(x fileCountry) *domain.Country {
			return &domain.Country{ID: x.ID, Name: x.Name, Aliases: x.Aliases, Sources: fromFileRefs(x.Sources)}
		}),
		Places: each(fg.Places, func(x filePlace) *domain.Place {
			return &domain.Place{ID: x.ID, Name: x.Name, Aliases: x.Aliases, CountryID: x.Country, Sources: fromFileRefs(x.Sources)}
		}),
		Institutions: each(fg.Institutions, func(x fileInstitution) *domain.Institution {
			return &domain.Institution{ID: x.ID, Name: x.Name, ShortName: x.ShortName, Aliases: x.Aliases,
				Kind: domain.InstitutionKind(x.Kind), CountryID: x.Country, ParentID: x.Parent, Sources: fromFileRefs(x.Sources)}
		}),
		People: each(fg.People, func(x filePerson) *domain.Person {
			return &domain.Person{ID: x.ID, Name: x.Name, Aliases: x.Aliases, CountryID: x.Country, Sources: fromFileRefs(x.Sources),
				Affiliations: each(x.Affiliations, func(a fileAffiliation) domain.Affiliation {
					at := fmt.Sprintf("people[%s].affiliations[%s]", x.ID, a.Institution)
					return domain.Affiliation{InstitutionID: a.Institution, Title: a.Title,
						From: date(at+".from", a.From), To: date(at+".to", a.To)}
				})}
		}),
		Councils: each(fg.Councils, func(x fileCouncil) *domain.Council {
			return &domain.Council{ID: x.ID, Name: x.Name, ShortName: x.ShortName, Aliases: x.Aliases, Description: x.Description,
				Frequency: x.Frequency, Founded: date("councils["+x.ID+"].founded", x.Founded), CountryIDs: x.Countries,
				OrganizerIDs: x.Organizers, Sources: fromFileRefs(x.Sources)}
		}),
		Initiatives: each(fg.Initiatives, func(x fileInitiative) *domain.Initiative {
			return &domain.Initiative{ID: x.ID, Name: x.Name, ShortName: x.ShortName, Aliases: x.Aliases,
				Kind: domain.InitiativeKind(x.Kind), Description: x.Description, Sources: fromFileRefs(x.Sources)}
		}),
		Themes: each(fg.Themes, func(x fileTheme) *domain.Theme {
			return &domain.Theme{ID: x.ID, Name: x.Name, Description: x.Description, Aliases: x.Aliases, Sources: fromFileRefs(x.Sources)}
		}),
		Sources: each(fg.Sources, func(x fileSource) *domain.Source {
			return &domain.Source{ID: x.ID, URL: x.URL, Title: x.Title, Publisher: x.Publisher,
				Published: date("sources["+x.ID+"].published", x.Published), Language: x.Language}
		}),
		Publications: each(fg.Publications, func(x filePublication) *domain.Publication {
			return &domain.Publication{ID: x.ID, Title: x.Title, Kind: x.Kind, InstitutionIDs: x.Institutions, Status: x.Status,
				Sources: fromFileRefs(x.Sources)}
		}),
		Meetings: each(fg.Meetings, func(x fileMeeting) *domain.Meeting {
			return &domain.Meeting{ID: x.ID, CouncilID: x.Council, Ordinal: x.Ordinal, Title: x.Title, Theme: x.Theme,
				ThemeVariants: x.ThemeVariants, Date: date("meetings["+x.ID+"].date", x.Date), DateNote: x.DateNote,
				PlaceID: x.Place, Format: x.Format, OrganizerIDs: x.Organizers, ThemeIDs: x.Themes, InitiativeIDs: x.Initiatives,
				Sources: fromFileRefs(x.Sources),
				Publications: each(x.Publications, func(p filePublicationLink) domain.PublicationLink {
					return domain.PublicationLink{PublicationID: p.Publication, Relation: domain.PublicationRelation(p.Relation)}
				})}
		}),
		Appearances: each(fg.Appearances, func(x fileAppearance) *domain.Appearance {
			return &domain.Appearance{MeetingID: x.Meeting, PersonID: x.Person, Roles: enum[string, domain.Role](x.Roles),
				Title: x.Title, InstitutionID: x.Institution, CountryID: x.Country, Session: x.Session, Order: x.Order,
				Sources: fromFileRefs(x.Sources)}
		}),
		Recommendations: each(fg.Recommendations, func(x fileRecommendation) *domain.Recommendation {
			return &domain.Recommendation{ID: x.ID, MeetingID: x.Meeting, Kind: domain.RecommendationKind(x.Kind), Text: x.Text,
				Order: x.Order, Paraphrase: x.Paraphrase, AttributedTo: x.AttributedTo, InitiativeIDs: x.Initiatives,
				ThemeIDs: x.Themes, CountryIDs: x.Countries, Sources: fromFileRefs(x.Sources)}
		}),
	}
	return g, bad
}
