package graphio

import (
	"encoding/json"
	"errors"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// The JSON document's structs, kept apart from the domain types so that
// renaming a Go field never changes the format. Field names are those of the
// YAML seed and of the paths domain.Graph.Validate reports, so a problem found
// while decoding and one found by validation name a field alike. Optional
// fields are left out when empty; required ones are always written.

// Format and Version identify a JSON document of this package.
const (
	Format  = "expertgraph"
	Version = 1
)

type document struct {
	Format  string `json:"format"`
	Version int    `json:"version"`
	Graph   *graph `json:"graph"`
}

// graph lists the collections in the order WriteJSON writes them, which is
// the order of domain.Graph's fields.
type graph struct {
	Countries       []country        `json:"countries"`
	Places          []place          `json:"places"`
	Institutions    []institution    `json:"institutions"`
	People          []person         `json:"people"`
	Councils        []council        `json:"councils"`
	Initiatives     []initiative     `json:"initiatives"`
	Themes          []theme          `json:"themes"`
	Sources         []source         `json:"sources"`
	Publications    []publication    `json:"publications"`
	Meetings        []meeting        `json:"meetings"`
	Appearances     []appearance     `json:"appearances"`
	Recommendations []recommendation `json:"recommendations"`
	Redirects       []redirect       `json:"redirects,omitempty"` // written only when there are some
}

// date is a domain.Date on the wire: "2024-06-21", "2024-06" or "2024".
type date domain.Date

func (d date) IsZero() bool { return domain.Date(d).IsZero() }

func (d date) MarshalJSON() ([]byte, error) { return json.Marshal(domain.Date(d).String()) }

func (d *date) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		return nil // as for other types: no date
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return errors.New(`must be a date in a string: "2024-06-21", "2024-06" or "2024"`)
	}
	v, err := domain.ParseDate(s)
	if err != nil {
		return err
	}
	*d = date(v)
	return nil
}

type sourceRef struct {
	Source  string `json:"source"`
	Excerpt string `json:"excerpt,omitempty"`
}

type country struct {
	ID      string      `json:"id"`
	Name    string      `json:"name"`
	Aliases []string    `json:"aliases,omitempty"`
	Sources []sourceRef `json:"sources,omitempty"`
}

type place struct {
	ID      string      `json:"id"`
	Name    string      `json:"name"`
	Aliases []string    `json:"aliases,omitempty"`
	Country string      `json:"country"`
	Sources []sourceRef `json:"sources,omitempty"`
}

type institution struct {
	ID        string      `json:"id"`
	Name      string      `json:"name"`
	ShortName string      `json:"shortName,omitempty"`
	Aliases   []string    `json:"aliases,omitempty"`
	Kind      string      `json:"kind"`
	Country   string      `json:"country,omitempty"`
	Parent    string      `json:"parent,omitempty"`
	Sources   []sourceRef `json:"sources,omitempty"`
}

type person struct {
	ID           string        `json:"id"`
	Name         string        `json:"name"`
	Aliases      []string      `json:"aliases,omitempty"`
	Country      string        `json:"country,omitempty"`
	Affiliations []affiliation `json:"affiliations,omitempty"`
	Sources      []sourceRef   `json:"sources,omitempty"`
}

type affiliation struct {
	Institution string `json:"institution"`
	Title       string `json:"title,omitempty"`
	From        date   `json:"from,omitzero"`
	To          date   `json:"to,omitzero"`
}

type council struct {
	ID          string      `json:"id"`
	Name        string      `json:"name"`
	ShortName   string      `json:"shortName,omitempty"`
	Aliases     []string    `json:"aliases,omitempty"`
	Description string      `json:"description,omitempty"`
	Frequency   string      `json:"frequency,omitempty"`
	Founded     date        `json:"founded,omitzero"`
	Countries   []string    `json:"countries"`
	Organizers  []string    `json:"organizers,omitempty"`
	Sources     []sourceRef `json:"sources,omitempty"`
}

type initiative struct {
	ID          string      `json:"id"`
	Name        string      `json:"name"`
	ShortName   string      `json:"shortName,omitempty"`
	Aliases     []string    `json:"aliases,omitempty"`
	Kind        string      `json:"kind"`
	Description string      `json:"description,omitempty"`
	Sources     []sourceRef `json:"sources,omitempty"`
}

type theme struct {
	ID          string      `json:"id"`
	Name        string      `json:"name"`
	Aliases     []string    `json:"aliases,omitempty"`
	Description string      `json:"description,omitempty"`
	Sources     []sourceRef `json:"sources,omitempty"`
}

type source struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Title     string `json:"title,omitempty"`
	Publisher string `json:"publisher"`
	Published date   `json:"published,omitzero"`
	Language  string `json:"language,omitempty"`
}

type publication struct {
	ID           string      `json:"id"`
	Title        string      `json:"title"`
	Kind         string      `json:"kind,omitempty"`
	Status       string      `json:"status,omitempty"`
	Institutions []string    `json:"institutions,omitempty"`
	Sources      []sourceRef `json:"sources"`
}

type meeting struct {
	ID            string            `json:"id"`
	Council       string            `json:"council,omitempty"`
	Ordinal       int               `json:"ordinal,omitempty"`
	Title         string            `json:"title"`
	Theme         string            `json:"theme,omitempty"`
	ThemeVariants []string          `json:"themeVariants,omitempty"`
	Date          date              `json:"date"`
	DateNote      string            `json:"dateNote,omitempty"`
	Place         string            `json:"place,omitempty"`
	Format        string            `json:"format,omitempty"`
	Organizers    []string          `json:"organizers,omitempty"`
	Themes        []string          `json:"themes,omitempty"`
	Initiatives   []string          `json:"initiatives,omitempty"`
	Publications  []publicationLink `json:"publications,omitempty"`
	Sources       []sourceRef       `json:"sources"`
}

type publicationLink struct {
	Publication string `json:"publication"`
	Relation    string `json:"relation"`
}

type appearance struct {
	Meeting     string      `json:"meeting"`
	Person      string      `json:"person"`
	Roles       []string    `json:"roles"`
	Title       string      `json:"title,omitempty"`
	Institution string      `json:"institution,omitempty"`
	Country     string      `json:"country,omitempty"`
	Session     string      `json:"session,omitempty"`
	Order       int         `json:"order,omitempty"`
	Sources     []sourceRef `json:"sources"`
}

type recommendation struct {
	ID           string      `json:"id"`
	Meeting      string      `json:"meeting"`
	Kind         string      `json:"kind"`
	Text         string      `json:"text"`
	Order        int         `json:"order,omitempty"`
	Paraphrase   bool        `json:"paraphrase,omitempty"`
	AttributedTo []string    `json:"attributedTo,omitempty"`
	Initiatives  []string    `json:"initiatives,omitempty"`
	Themes       []string    `json:"themes,omitempty"`
	Countries    []string    `json:"countries,omitempty"`
	Sources      []sourceRef `json:"sources"`
}

// redirect is a merged ID and the ID of the node it was merged into.
type redirect struct {
	ID     string `json:"id"`
	Target string `json:"target"`
}

// From the domain to the wire.

func toRefs(rs []domain.SourceRef) []sourceRef {
	return each(rs, func(r domain.SourceRef) sourceRef { return sourceRef{Source: r.SourceID, Excerpt: r.Excerpt} })
}

func toCountry(x *domain.Country) country {
	return country{ID: x.ID, Name: x.Name, Aliases: x.Aliases, Sources: toRefs(x.Sources)}
}

func toPlace(x *domain.Place) place {
	return place{ID: x.ID, Name: x.Name, Aliases: x.Aliases, Country: x.CountryID, Sources: toRefs(x.Sources)}
}

func toInstitution(x *domain.Institution) institution {
	return institution{ID: x.ID, Name: x.Name, ShortName: x.ShortName, Aliases: x.Aliases, Kind: string(x.Kind),
		Country: x.CountryID, Parent: x.ParentID, Sources: toRefs(x.Sources)}
}

func toPerson(x *domain.Person) person {
	return person{ID: x.ID, Name: x.Name, Aliases: x.Aliases, Country: x.CountryID, Sources: toRefs(x.Sources),
		Affiliations: each(x.Affiliations, func(a domain.Affiliation) affiliation {
			return affiliation{Institution: a.InstitutionID, Title: a.Title, From: date(a.From), To: date(a.To)}
		})}
}

func toCouncil(x *domain.Council) council {
	return council{ID: x.ID, Name: x.Name, ShortName: x.ShortName, Aliases: x.Aliases, Description: x.Description,
		Frequency: x.Frequency, Founded: date(x.Founded), Countries: nonNil(x.CountryIDs), Organizers: x.OrganizerIDs,
		Sources: toRefs(x.Sources)}
}

func toInitiative(x *domain.Initiative) initiative {
	return initiative{ID: x.ID, Name: x.Name, ShortName: x.ShortName, Aliases: x.Aliases, Kind: string(x.Kind),
		Description: x.Description, Sources: toRefs(x.Sources)}
}

func toTheme(x *domain.Theme) theme {
	return theme{ID: x.ID, Name: x.Name, Aliases: x.Aliases, Description: x.Description, Sources: toRefs(x.Sources)}
}

func toSource(x *domain.Source) source {
	return source{ID: x.ID, URL: x.URL, Title: x.Title, Publisher: x.Publisher, Published: date(x.Published),
		Language: x.Language}
}

func toPublication(x *domain.Publication) publication {
	return publication{ID: x.ID, Title: x.Title, Kind: x.Kind, Status: x.Status, Institutions: x.InstitutionIDs,
		Sources: nonNil(toRefs(x.Sources))}
}

func toMeeting(x *domain.Meeting) meeting {
	return meeting{ID: x.ID, Council: x.CouncilID, Ordinal: x.Ordinal, Title: x.Title, Theme: x.Theme,
		ThemeVariants: x.ThemeVariants, Date: date(x.Date), DateNote: x.DateNote, Place: x.PlaceID, Format: x.Format,
		Organizers: x.OrganizerIDs, Themes: x.ThemeIDs, Initiatives: x.InitiativeIDs, Sources: nonNil(toRefs(x.Sources)),
		Publications: each(x.Publications, func(p domain.PublicationLink) publicationLink {
			return publicationLink{Publication: p.PublicationID, Relation: string(p.Relation)}
		})}
}

func toAppearance(x *domain.Appearance) appearance {
	return appearance{Meeting: x.MeetingID, Person: x.PersonID, Roles: nonNil(enum[domain.Role, string](x.Roles)),
		Title: x.Title, Institution: x.InstitutionID, Country: x.CountryID, Session: x.Session, Order: x.Order,
		Sources: nonNil(toRefs(x.Sources))}
}

func toRecommendation(x *domain.Recommendation) recommendation {
	return recommendation{ID: x.ID, Meeting: x.MeetingID, Kind: string(x.Kind), Text: x.Text, Order: x.Order,
		Paraphrase: x.Paraphrase, AttributedTo: x.AttributedTo, Initiatives: x.InitiativeIDs, Themes: x.ThemeIDs,
		Countries: x.CountryIDs, Sources: nonNil(toRefs(x.Sources))}
}

func toRedirect(x *domain.Redirect) redirect { return redirect{ID: x.ID, Target: x.Target} }

// From the wire to the domain. Empty lists become nil, as the YAML loader
// makes them, so that "aliases": [] and no aliases at all read the same.

func fromRefs(rs []sourceRef) []domain.SourceRef {
	return each(list(rs), func(r sourceRef) domain.SourceRef { return domain.SourceRef{SourceID: r.Source, Excerpt: r.Excerpt} })
}

func (x *country) domain() *domain.Country {
	return &domain.Country{ID: x.ID, Name: x.Name, Aliases: list(x.Aliases), Sources: fromRefs(x.Sources)}
}

func (x *place) domain() *domain.Place {
	return &domain.Place{ID: x.ID, Name: x.Name, Aliases: list(x.Aliases), CountryID: x.Country, Sources: fromRefs(x.Sources)}
}

func (x *institution) domain() *domain.Institution {
	return &domain.Institution{ID: x.ID, Name: x.Name, ShortName: x.ShortName, Aliases: list(x.Aliases),
		Kind: domain.InstitutionKind(x.Kind), CountryID: x.Country, ParentID: x.Parent, Sources: fromRefs(x.Sources)}
}

func (x *person) domain() *domain.Person {
	return &domain.Person{ID: x.ID, Name: x.Name, Aliases: list(x.Aliases), CountryID: x.Country,
		Sources: fromRefs(x.Sources),
		Affiliations: each(list(x.Affiliations), func(a affiliation) domain.Affiliation {
			return domain.Affiliation{InstitutionID: a.Institution, Title: a.Title, From: domain.Date(a.From), To: domain.Date(a.To)}
		})}
}

func (x *council) domain() *domain.Council {
	return &domain.Council{ID: x.ID, Name: x.Name, ShortName: x.ShortName, Aliases: list(x.Aliases),
		Description: x.Description, Frequency: x.Frequency, Founded: domain.Date(x.Founded),
		CountryIDs: list(x.Countries), OrganizerIDs: list(x.Organizers), Sources: fromRefs(x.Sources)}
}

func (x *initiative) domain() *domain.Initiative {
	return &domain.Initiative{ID: x.ID, Name: x.Name, ShortName: x.ShortName, Aliases: list(x.Aliases),
		Kind: domain.InitiativeKind(x.Kind), Description: x.Description, Sources: fromRefs(x.Sources)}
}

func (x *theme) domain() *domain.Theme {
	return &domain.Theme{ID: x.ID, Name: x.Name, Aliases: list(x.Aliases), Description: x.Description,
		Sources: fromRefs(x.Sources)}
}

func (x *source) domain() *domain.Source {
	return &domain.Source{ID: x.ID, URL: x.URL, Title: x.Title, Publisher: x.Publisher,
		Published: domain.Date(x.Published), Language: x.Language}
}

func (x *publication) domain() *domain.Publication {
	return &domain.Publication{ID: x.ID, Title: x.Title, Kind: x.Kind, Status: x.Status,
		InstitutionIDs: list(x.Institutions), Sources: fromRefs(x.Sources)}
}

func (x *meeting) domain() *domain.Meeting {
	return &domain.Meeting{ID: x.ID, CouncilID: x.Council, Ordinal: x.Ordinal, Title: x.Title, Theme: x.Theme,
		ThemeVariants: list(x.ThemeVariants), Date: domain.Date(x.Date), DateNote: x.DateNote, PlaceID: x.Place,
		Format: x.Format, OrganizerIDs: list(x.Organizers), ThemeIDs: list(x.Themes),
		InitiativeIDs: list(x.Initiatives), Sources: fromRefs(x.Sources),
		Publications: each(list(x.Publications), func(p publicationLink) domain.PublicationLink {
			return domain.PublicationLink{PublicationID: p.Publication, Relation: domain.PublicationRelation(p.Relation)}
		})}
}

func (x *appearance) domain() *domain.Appearance {
	return &domain.Appearance{MeetingID: x.Meeting, PersonID: x.Person, Roles: enum[string, domain.Role](list(x.Roles)),
		Title: x.Title, InstitutionID: x.Institution, CountryID: x.Country, Session: x.Session, Order: x.Order,
		Sources: fromRefs(x.Sources)}
}

func (x *recommendation) domain() *domain.Recommendation {
	return &domain.Recommendation{ID: x.ID, MeetingID: x.Meeting, Kind: domain.RecommendationKind(x.Kind),
		Text: x.Text, Order: x.Order, Paraphrase: x.Paraphrase, AttributedTo: list(x.AttributedTo),
		InitiativeIDs: list(x.Initiatives), ThemeIDs: list(x.Themes), CountryIDs: list(x.Countries),
		Sources: fromRefs(x.Sources)}
}

func (x *redirect) domain() *domain.Redirect { return &domain.Redirect{ID: x.ID, Target: x.Target} }

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

// enum converts between string types.
func enum[T, U ~string](xs []T) []U { return each(xs, func(x T) U { return U(x) }) }

// nonNil returns s, or an empty slice for nil: a required list is written
// as [] rather than null even when a graph that would not validate lacks it.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// list returns s, or nil when it is empty.
func list[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return s
}
