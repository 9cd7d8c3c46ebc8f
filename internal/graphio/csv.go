package graphio

import (
	"archive/zip"
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// table is one CSV file: its name, header and rows.
type table struct {
	file   string
	header []string
	rows   func(g *domain.Graph, row func(cells ...string))
}

// tables are the CSV files of an export, in the order they are written. A
// list is joined with "; " into one cell; a date is written as it is known
// ("2024-06-21", "2024-06", "2024"); an unknown number (order, ordinal) is an
// empty cell. Source IDs are listed in each fact's "sources" cell, and
// citations.csv has a row per source of every fact with the source's words;
// redirects.csv a row per merged ID with the ID it was merged into.
var tables = []table{
	{"countries.csv", []string{"id", "name", "aliases", "sources"}, func(g *domain.Graph, row func(...string)) {
		for _, x := range g.Countries {
			row(x.ID, x.Name, joinList(x.Aliases), refsCell(x.Sources))
		}
	}},
	{"places.csv", []string{"id", "name", "aliases", "country", "sources"}, func(g *domain.Graph, row func(...string)) {
		for _, x := range g.Places {
			row(x.ID, x.Name, joinList(x.Aliases), x.CountryID, refsCell(x.Sources))
		}
	}},
	{"institutions.csv", []string{"id", "name", "shortName", "aliases", "kind", "country", "parent", "sources"},
		func(g *domain.Graph, row func(...string)) {
			for _, x := range g.Institutions {
				row(x.ID, x.Name, x.ShortName, joinList(x.Aliases), string(x.Kind), x.CountryID, x.ParentID, refsCell(x.Sources))
			}
		}},
	{"people.csv", []string{"id", "name", "aliases", "country", "sources"}, func(g *domain.Graph, row func(...string)) {
		for _, x := range g.People {
			row(x.ID, x.Name, joinList(x.Aliases), x.CountryID, refsCell(x.Sources))
		}
	}},
	{"affiliations.csv", []string{"person", "institution", "title", "from", "to"}, func(g *domain.Graph, row func(...string)) {
		for _, x := range g.People {
			for _, a := range x.Affiliations {
				row(x.ID, a.InstitutionID, a.Title, dateText(a.From), dateText(a.To))
			}
		}
	}},
	{"councils.csv", []string{"id", "name", "shortName", "aliases", "description", "frequency", "founded", "countries",
		"organizers", "sources"}, func(g *domain.Graph, row func(...string)) {
		for _, x := range g.Councils {
			row(x.ID, x.Name, x.ShortName, joinList(x.Aliases), x.Description, x.Frequency, dateText(x.Founded),
				joinList(x.CountryIDs), joinList(x.OrganizerIDs), refsCell(x.Sources))
		}
	}},
	{"initiatives.csv", []string{"id", "name", "shortName", "aliases", "kind", "description", "sources"},
		func(g *domain.Graph, row func(...string)) {
			for _, x := range g.Initiatives {
				row(x.ID, x.Name, x.ShortName, joinList(x.Aliases), string(x.Kind), x.Description, refsCell(x.Sources))
			}
		}},
	{"themes.csv", []string{"id", "name", "aliases", "description", "sources"}, func(g *domain.Graph, row func(...string)) {
		for _, x := range g.Themes {
			row(x.ID, x.Name, joinList(x.Aliases), x.Description, refsCell(x.Sources))
		}
	}},
	{"sources.csv", []string{"id", "url", "title", "publisher", "published", "language"}, func(g *domain.Graph, row func(...string)) {
		for _, x := range g.Sources {
			row(x.ID, x.URL, x.Title, x.Publisher, dateText(x.Published), x.Language)
		}
	}},
	{"publications.csv", []string{"id", "title", "kind", "status", "institutions", "sources"}, func(g *domain.Graph, row func(...string)) {
		for _, x := range g.Publications {
			row(x.ID, x.Title, x.Kind, x.Status, joinList(x.InstitutionIDs), refsCell(x.Sources))
		}
	}},
	{"meetings.csv", []string{"id", "council", "ordinal", "title", "theme", "themeVariants", "date", "dateNote", "place",
		"format", "organizers", "themes", "initiatives", "presented", "announced", "sources"}, func(g *domain.Graph, row func(...string)) {
		for _, x := range g.Meetings {
			var presented, announced []string
			for _, p := range x.Publications {
				if p.Relation == domain.PublicationAnnounced {
					announced = append(announced, p.PublicationID)
				} else {
					presented = append(presented, p.PublicationID)
				}
			}
			row(x.ID, x.CouncilID, number(x.Ordinal), x.Title, x.Theme, joinList(x.ThemeVariants), dateText(x.Date),
				x.DateNote, x.PlaceID, x.Format, joinList(x.OrganizerIDs), joinList(x.ThemeIDs), joinList(x.InitiativeIDs),
				joinList(presented), joinList(announced), refsCell(x.Sources))
		}
	}},
	{"appearances.csv", []string{"meeting", "person", "roles", "title", "institution", "country", "session", "order", "sources"},
		func(g *domain.Graph, row func(...string)) {
			for _, x := range g.Appearances {
				row(x.MeetingID, x.PersonID, joinList(enum[domain.Role, string](x.Roles)), x.Title, x.InstitutionID,
					x.CountryID, x.Session, number(x.Order), refsCell(x.Sources))
			}
		}},
	{"recommendations.csv", []string{"id", "meeting", "order", "kind", "text", "paraphrase", "attributedTo", "initiatives",
		"themes", "countries", "sources"}, func(g *domain.Graph, row func(...string)) {
		for _, x := range g.Recommendations {
			row(x.ID, x.MeetingID, number(x.Order), string(x.Kind), x.Text, strconv.FormatBool(x.Paraphrase),
				joinList(x.AttributedTo), joinList(x.InitiativeIDs), joinList(x.ThemeIDs), joinList(x.CountryIDs),
				refsCell(x.Sources))
		}
	}},
	{"citations.csv", []string{"kind", "subject", "source", "excerpt"}, func(g *domain.Graph, row func(...string)) {
		cite := func(k string, subject string, refs []domain.SourceRef) {
			for _, r := range refs {
				row(k, subject, r.SourceID, r.Excerpt)
			}
		}
		for _, x := range g.Countries {
			cite(string(domain.KindCountry), x.ID, x.Sources)
		}
		for _, x := range g.Places {
			cite(string(domain.KindPlace), x.ID, x.Sources)
		}
		for _, x := range g.Institutions {
			cite(string(domain.KindInstitution), x.ID, x.Sources)
		}
		for _, x := range g.People {
			cite(string(domain.KindPerson), x.ID, x.Sources)
		}
		for _, x := range g.Councils {
			cite(string(domain.KindCouncil), x.ID, x.Sources)
		}
		for _, x := range g.Initiatives {
			cite(string(domain.KindInitiative), x.ID, x.Sources)
		}
		for _, x := range g.Themes {
			cite(string(domain.KindTheme), x.ID, x.Sources)
		}
		for _, x := range g.Publications {
			cite(string(domain.KindPublication), x.ID, x.Sources)
		}
		for _, x := range g.Meetings {
			cite(string(domain.KindMeeting), x.ID, x.Sources)
		}
		for _, x := range g.Appearances {
			cite("APPEARANCE", domain.AppearanceKey(x.MeetingID, x.PersonID), x.Sources)
		}
		for _, x := range g.Recommendations {
			cite(string(domain.KindRecommendation), x.ID, x.Sources)
		}
	}},
	{"redirects.csv", []string{"id", "target"}, func(g *domain.Graph, row func(...string)) {
		for _, x := range g.Redirects {
			row(x.ID, x.Target)
		}
	}},
}

// CSVFiles returns the names of the files WriteCSV writes, in order.
func CSVFiles() []string {
	names := make([]string, len(tables))
	for i, t := range tables {
		names[i] = t.file
	}
	return names
}

// WriteCSV writes g into the directory dir, creating it if need be, as one
// CSV file per collection (CSVFiles), each with a header row: countries.csv,
// people.csv, meetings.csv, appearances.csv, recommendations.csv, ... Files of
// the same names are replaced; other files are left alone. The files are
// UTF-8 without a byte-order mark, fields separated by commas and quoted
// where needed (RFC 4180).
func WriteCSV(dir string, g *domain.Graph) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, t := range tables {
		f, err := os.Create(filepath.Join(dir, t.file))
		if err != nil {
			return err
		}
		bw := bufio.NewWriter(f)
		err = writeTable(bw, t, g)
		if err == nil {
			err = bw.Flush()
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("graphio: writing %s: %w", f.Name(), err)
		}
	}
	return nil
}

// WriteCSVZip writes the files of WriteCSV into a zip archive written to w.
func WriteCSVZip(w io.Writer, g *domain.Graph) error {
	zw := zip.NewWriter(w)
	for _, t := range tables {
		f, err := zw.Create(t.file)
		if err != nil {
			return err
		}
		if err := writeTable(f, t, g); err != nil {
			return fmt.Errorf("graphio: writing %s: %w", t.file, err)
		}
	}
	return zw.Close()
}

func writeTable(w io.Writer, t table, g *domain.Graph) error {
	cw := csv.NewWriter(w)
	cw.Write(t.header)
	t.rows(g, func(cells ...string) { cw.Write(cells) }) // errors stick in cw
	cw.Flush()
	return cw.Error()
}

// refsCell lists the IDs of a fact's sources.
func refsCell(refs []domain.SourceRef) string { return joinList(sourceIDs(refs)) }

// number writes an order or ordinal, "" when unknown (0).
func number(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}
