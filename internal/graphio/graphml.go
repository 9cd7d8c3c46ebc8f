package graphio

import (
	"bufio"
	"encoding/xml"
	"io"
	"strconv"
	"strings"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// Edge types of GraphML exports beyond the domain's path edges
// (domain.EdgePartOf, ...), which leave out sources and attributions.
const (
	EdgeReportedBy   = "REPORTED_BY"   // a fact (node) -> the source that states it
	EdgeAttributedTo = "ATTRIBUTED_TO" // recommendation -> a person credited with it
)

// The GraphML keys: the attributes of nodes and of edges. Each is declared
// once with a <key> element; Gephi and yEd show them as columns, and Gephi
// takes the one named "label" as the label.
var (
	nodeKeys = []graphmlKey{
		{"kind", "kind", "string"},         // domain.Kind: COUNCIL, MEETING, ...
		{"name", "name", "string"},         // a node's name; a meeting's or publication's title; a recommendation's text
		{"label", "label", "string"},       // = name, for Gephi
		{"category", "category", "string"}, // an institution's, initiative's, recommendation's or publication's kind
		{"date", "date", "string"},         // a meeting's date, a council's founding, a source's publication
		{"year", "year", "int"},            // the year of date
		{"url", "url", "string"},           // a source's URL
		{"merged", "merged", "string"},     // the IDs merged into the node (domain.Redirect), joined with "; "
	}
	edgeKeys = []graphmlKey{
		{"type", "type", "string"}, // PART_OF, APPEARED_AT, ...
		{"edgelabel", "label", "string"},
		{"role", "role", "string"},               // APPEARED_AT: the person's roles, joined with "; "
		{"title", "title", "string"},             // APPEARED_AT, AFFILIATED_WITH: the person's title
		{"institution", "institution", "string"}, // APPEARED_AT: the ID of the institution the person spoke for
		{"country", "country", "string"},         // APPEARED_AT: the ID of the country the person represented
		{"session", "session", "string"},         // APPEARED_AT
		{"order", "order", "int"},                // APPEARED_AT: order of speaking, from 1
		{"from", "from", "string"},               // AFFILIATED_WITH: dates of a post
		{"to", "to", "string"},
		{"excerpt", "excerpt", "string"}, // REPORTED_BY: the source's words
		{"sources", "sources", "string"}, // APPEARED_AT: source IDs, joined with "; "
	}
)

type graphmlKey struct{ id, name, typ string }

type xmlKey struct {
	XMLName xml.Name `xml:"key"`
	ID      string   `xml:"id,attr"`
	For     string   `xml:"for,attr"`
	Name    string   `xml:"attr.name,attr"`
	Type    string   `xml:"attr.type,attr"`
}

type xmlData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

type xmlNode struct {
	XMLName xml.Name  `xml:"node"`
	ID      string    `xml:"id,attr"`
	Data    []xmlData `xml:"data"`
}

type xmlEdge struct {
	XMLName xml.Name  `xml:"edge"`
	ID      string    `xml:"id,attr"`
	Source  string    `xml:"source,attr"`
	Target  string    `xml:"target,attr"`
	Data    []xmlData `xml:"data"`
}

// WriteGraphML writes g to w as a GraphML document for Gephi, yEd and other
// graph tools: one directed graph with a node per node of g (its ID, kind,
// name) and an edge per link, typed as the domain's path edges are
// (domain.EdgePartOf, ...) plus EdgeReportedBy and EdgeAttributedTo. An
// appearance is an APPEARED_AT edge from the person to the meeting, with the
// role, title, institution, country, session, order and sources as
// attributes; an affiliation is an AFFILIATED_WITH edge with the title and
// dates. Edges to IDs that are not nodes of g are left out.
func WriteGraphML(w io.Writer, g *domain.Graph) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	if _, err := bw.WriteString(xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(bw)
	enc.Indent("", "  ")
	root := xml.StartElement{Name: xml.Name{Local: "graphml"}, Attr: []xml.Attr{
		{Name: xml.Name{Local: "xmlns"}, Value: "http://graphml.graphdrawing.org/xmlns"},
		{Name: xml.Name{Local: "xmlns:xsi"}, Value: "http://www.w3.org/2001/XMLSchema-instance"},
		{Name: xml.Name{Local: "xsi:schemaLocation"},
			Value: "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"},
	}}
	if err := enc.EncodeToken(root); err != nil {
		return err
	}
	for _, k := range nodeKeys {
		if err := enc.Encode(xmlKey{ID: k.id, For: "node", Name: k.name, Type: k.typ}); err != nil {
			return err
		}
	}
	for _, k := range edgeKeys {
		if err := enc.Encode(xmlKey{ID: k.id, For: "edge", Name: k.name, Type: k.typ}); err != nil {
			return err
		}
	}
	gr := xml.StartElement{Name: xml.Name{Local: "graph"}, Attr: []xml.Attr{
		{Name: xml.Name{Local: "id"}, Value: "expertgraph"},
		{Name: xml.Name{Local: "edgedefault"}, Value: "directed"},
	}}
	if err := enc.EncodeToken(gr); err != nil {
		return err
	}
	var err error
	nodes(g, func(n xmlNode) bool {
		err = enc.Encode(n)
		return err == nil
	})
	if err != nil {
		return err
	}
	ids := g.Kinds()
	count := 0
	edges(g, func(e edge) bool {
		if ids[e.from] == "" || ids[e.to] == "" {
			return true
		}
		count++
		x := xmlEdge{ID: "e" + strconv.Itoa(count), Source: e.from, Target: e.to,
			Data: []xmlData{{"type", e.typ}, {"edgelabel", e.typ}}}
		for _, a := range e.attrs {
			if a.Value != "" {
				x.Data = append(x.Data, a)
			}
		}
		err = enc.Encode(x)
		return err == nil
	})
	if err != nil {
		return err
	}
	if err := enc.EncodeToken(gr.End()); err != nil {
		return err
	}
	if err := enc.EncodeToken(root.End()); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	if _, err := bw.WriteString("\n"); err != nil {
		return err
	}
	return bw.Flush()
}

// nodes yields the GraphML node of every node of g, in the order of
// domain.Graph's fields, until yield returns false.
func nodes(g *domain.Graph, yield func(xmlNode) bool) {
	merged := mergedInto(g)
	node := func(id string, k domain.Kind, name, category string, d domain.Date, url string) bool {
		n := xmlNode{ID: id, Data: []xmlData{{"kind", string(k)}, {"name", name}, {"label", name}}}
		if category != "" {
			n.Data = append(n.Data, xmlData{"category", category})
		}
		if !d.IsZero() {
			n.Data = append(n.Data, xmlData{"date", d.String()}, xmlData{"year", strconv.Itoa(d.Year)})
		}
		if url != "" {
			n.Data = append(n.Data, xmlData{"url", url})
		}
		if ids := merged[id]; len(ids) > 0 {
			n.Data = append(n.Data, xmlData{"merged", joinList(ids)})
		}
		return yield(n)
	}
	var none domain.Date
	for _, x := range g.Countries {
		if !node(x.ID, domain.KindCountry, x.Name, "", none, "") {
			return
		}
	}
	for _, x := range g.Places {
		if !node(x.ID, domain.KindPlace, x.Name, "", none, "") {
			return
		}
	}
	for _, x := range g.Institutions {
		if !node(x.ID, domain.KindInstitution, x.Name, string(x.Kind), none, "") {
			return
		}
	}
	for _, x := range g.People {
		if !node(x.ID, domain.KindPerson, x.Name, "", none, "") {
			return
		}
	}
	for _, x := range g.Councils {
		if !node(x.ID, domain.KindCouncil, x.Name, "", x.Founded, "") {
			return
		}
	}
	for _, x := range g.Initiatives {
		if !node(x.ID, domain.KindInitiative, x.Name, string(x.Kind), none, "") {
			return
		}
	}
	for _, x := range g.Themes {
		if !node(x.ID, domain.KindTheme, x.Name, "", none, "") {
			return
		}
	}
	for _, x := range g.Sources {
		name := x.Title
		if name == "" {
			name = x.URL
		}
		if !node(x.ID, domain.KindSource, name, "", x.Published, x.URL) {
			return
		}
	}
	for _, x := range g.Publications {
		if !node(x.ID, domain.KindPublication, x.Title, x.Kind, none, "") {
			return
		}
	}
	for _, x := range g.Meetings {
		if !node(x.ID, domain.KindMeeting, x.Title, "", x.Date, "") {
			return
		}
	}
	for _, x := range g.Recommendations {
		if !node(x.ID, domain.KindRecommendation, x.Text, string(x.Kind), none, "") {
			return
		}
	}
}

// edge is one link of a graph, from -[typ]-> to, with attributes.
type edge struct {
	typ, from, to string
	attrs         []xmlData
}

// edges yields every link of g as an edge, in the order of domain.Graph's
// fields and of each node's fields, until yield returns false.
func edges(g *domain.Graph, yield func(edge) bool) {
	stop := false
	add := func(typ, from, to string, attrs ...xmlData) {
		if !stop && from != "" && to != "" {
			stop = !yield(edge{typ: typ, from: from, to: to, attrs: attrs})
		}
	}
	reported := func(from string, refs []domain.SourceRef) {
		for _, r := range refs {
			add(EdgeReportedBy, from, r.SourceID, xmlData{"excerpt", r.Excerpt})
		}
	}
	many := func(typ, from string, ids []string) {
		for _, id := range ids {
			add(typ, from, id)
		}
	}
	affiliated := map[[2]string]bool{}
	for _, x := range g.Countries {
		reported(x.ID, x.Sources)
	}
	for _, x := range g.Places {
		add(domain.EdgeLocatedIn, x.ID, x.CountryID)
		reported(x.ID, x.Sources)
	}
	for _, x := range g.Institutions {
		add(domain.EdgeBasedIn, x.ID, x.CountryID)
		add(domain.EdgePartOf, x.ID, x.ParentID)
		reported(x.ID, x.Sources)
	}
	for _, x := range g.People {
		add(domain.EdgeCitizenOf, x.ID, x.CountryID)
		for _, a := range x.Affiliations {
			affiliated[[2]string{x.ID, a.InstitutionID}] = true
			add(domain.EdgeAffiliatedWith, x.ID, a.InstitutionID,
				xmlData{"title", a.Title}, xmlData{"from", dateText(a.From)}, xmlData{"to", dateText(a.To)})
		}
		reported(x.ID, x.Sources)
	}
	for _, x := range g.Councils {
		many(domain.EdgeBetween, x.ID, x.CountryIDs)
		many(domain.EdgeOrganizedBy, x.ID, x.OrganizerIDs)
		reported(x.ID, x.Sources)
	}
	for _, x := range g.Initiatives {
		reported(x.ID, x.Sources)
	}
	for _, x := range g.Themes {
		reported(x.ID, x.Sources)
	}
	for _, x := range g.Publications {
		many(domain.EdgePublishedBy, x.ID, x.InstitutionIDs)
		reported(x.ID, x.Sources)
	}
	for _, x := range g.Meetings {
		add(domain.EdgePartOf, x.ID, x.CouncilID)
		add(domain.EdgeHeldIn, x.ID, x.PlaceID)
		many(domain.EdgeOrganizedBy, x.ID, x.OrganizerIDs)
		many(domain.EdgeAbout, x.ID, x.ThemeIDs)
		many(domain.EdgeMentions, x.ID, x.InitiativeIDs)
		for _, p := range x.Publications {
			typ := domain.EdgePresented
			if p.Relation == domain.PublicationAnnounced {
				typ = domain.EdgeAnnounced
			}
			add(typ, x.ID, p.PublicationID)
		}
		reported(x.ID, x.Sources)
	}
	for _, x := range g.Appearances {
		order := ""
		if x.Order > 0 {
			order = strconv.Itoa(x.Order)
		}
		add(domain.EdgeAppearedAt, x.PersonID, x.MeetingID,
			xmlData{"role", joinList(enum[domain.Role, string](x.Roles))}, xmlData{"title", x.Title},
			xmlData{"institution", x.InstitutionID}, xmlData{"country", x.CountryID}, xmlData{"session", x.Session},
			xmlData{"order", order}, xmlData{"sources", joinList(sourceIDs(x.Sources))})
		// The institution a person spoke for is an affiliation too, as paths
		// have it; one edge per person and institution.
		if k := [2]string{x.PersonID, x.InstitutionID}; x.InstitutionID != "" && !affiliated[k] {
			affiliated[k] = true
			add(domain.EdgeAffiliatedWith, x.PersonID, x.InstitutionID)
		}
	}
	for _, x := range g.Recommendations {
		add(domain.EdgeProduced, x.MeetingID, x.ID)
		many(domain.EdgeMentions, x.ID, x.InitiativeIDs)
		many(domain.EdgeAbout, x.ID, x.ThemeIDs)
		many(domain.EdgeConcerns, x.ID, x.CountryIDs)
		many(EdgeAttributedTo, x.ID, x.AttributedTo)
		reported(x.ID, x.Sources)
	}
}

// joinList joins a list field's values for one cell or attribute.
func joinList(xs []string) string { return strings.Join(xs, "; ") }

func sourceIDs(refs []domain.SourceRef) []string {
	return each(refs, func(r domain.SourceRef) string { return r.SourceID })
}

func dateText(d domain.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

// mergedInto returns the IDs redirected to each node of g, in the order of
// g.Redirects (a store's Export orders them by ID).
func mergedInto(g *domain.Graph) map[string][]string {
	m := map[string][]string{}
	for _, r := range g.Redirects {
		m[r.Target] = append(m[r.Target], r.ID)
	}
	return m
}
