package graphio

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// csvWant is each file's header and number of rows, counted from g.
func csvWant(g *domain.Graph) map[string][]any {
	affiliations, citations := 0, 0
	for _, x := range g.People {
		affiliations += len(x.Affiliations)
		citations += len(x.Sources)
	}
	for _, x := range g.Countries {
		citations += len(x.Sources)
	}
	for _, x := range g.Places {
		citations += len(x.Sources)
	}
	for _, x := range g.Initiatives {
		citations += len(x.Sources)
	}
	for _, x := range g.Themes {
		citations += len(x.Sources)
	}
	for _, x := range g.Institutions {
		citations += len(x.Sources)
	}
	for _, x := range g.Councils {
		citations += len(x.Sources)
	}
	for _, x := range g.Publications {
		citations += len(x.Sources)
	}
	for _, x := range g.Meetings {
		citations += len(x.Sources)
	}
	for _, x := range g.Appearances {
		citations += len(x.Sources)
	}
	for _, x := range g.Recommendations {
		citations += len(x.Sources)
	}
	return map[string][]any{
		"countries.csv":    {"id,name,aliases,sources", len(g.Countries)},
		"places.csv":       {"id,name,aliases,country,sources", len(g.Places)},
		"institutions.csv": {"id,name,shortName,aliases,kind,country,parent,sources", len(g.Institutions)},
		"people.csv":       {"id,name,aliases,country,sources", len(g.People)},
		"affiliations.csv": {"person,institution,title,from,to", affiliations},
		"councils.csv":     {"id,name,shortName,aliases,description,frequency,founded,countries,organizers,sources", len(g.Councils)},
		"initiatives.csv":  {"id,name,shortName,aliases,kind,description,sources", len(g.Initiatives)},
		"themes.csv":       {"id,name,aliases,description,sources", len(g.Themes)},
		"sources.csv":      {"id,url,title,publisher,published,language", len(g.Sources)},
		"publications.csv": {"id,title,kind,status,institutions,sources", len(g.Publications)},
		"meetings.csv": {"id,council,ordinal,title,theme,themeVariants,date,dateNote,place,format,organizers,themes," +
			"initiatives,presented,announced,sources", len(g.Meetings)},
		"appearances.csv": {"meeting,person,roles,title,institution,country,session,order,sources", len(g.Appearances)},
		"recommendations.csv": {"id,meeting,order,kind,text,paraphrase,attributedTo,initiatives,themes,countries,sources",
			len(g.Recommendations)},
		"citations.csv": {"kind,subject,source,excerpt", citations},
		"redirects.csv": {"id,target", len(g.Redirects)},
	}
}

// csvGot reads each file's header and counts its rows.
func csvGot(t *testing.T, files map[string]io.Reader) map[string][]any {
	t.Helper()
	got := map[string][]any{}
	for name, r := range files {
		rows, err := csv.NewReader(r).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var b bytes.Buffer
		w := csv.NewWriter(&b)
		w.Write(rows[0])
		w.Flush()
		got[name] = []any{string(bytes.TrimSpace(b.Bytes())), len(rows) - 1}
	}
	return got
}

func TestWriteCSV(t *testing.T) {
	for _, g := range []*domain.Graph{seedGraph(t), fullGraph()} {
		dir := filepath.Join(t.TempDir(), "export")
		if err := WriteCSV(dir, g); err != nil {
			t.Fatal(err)
		}
		files := map[string]io.Reader{}
		for _, name := range CSVFiles() {
			b, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			files[name] = bytes.NewReader(b)
		}
		if diff := cmp.Diff(csvWant(g), csvGot(t, files)); diff != "" {
			t.Errorf("headers and row counts (-want +got):\n%s", diff)
		}
	}
}

func TestWriteCSVZip(t *testing.T) {
	g := seedGraph(t)
	var b bytes.Buffer
	if err := WriteCSVZip(&b, g); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]io.Reader{}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		files[f.Name] = bytes.NewReader(data)
	}
	if diff := cmp.Diff(CSVFiles(), names); diff != "" {
		t.Errorf("files in the zip (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(csvWant(g), csvGot(t, files)); diff != "" {
		t.Errorf("headers and row counts (-want +got):\n%s", diff)
	}
}

// TestCSVCells checks the cells of one row of every kind of list, date and
// number.
func TestCSVCells(t *testing.T) {
	dir := t.TempDir()
	if err := WriteCSV(dir, fullGraph()); err != nil {
		t.Fatal(err)
	}
	read := func(name string) [][]string {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		rows, err := csv.NewReader(f).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		return rows
	}
	for _, tc := range []struct {
		file string
		want [][]string
	}{
		{"meetings.csv", [][]string{{"abc-1", "abc", "1", "1st meeting", "Transport", "Logistics", "2024-06-20", "or the 21st",
			"szohod", "two panels", "centre", "transport", "corridor", "", "paper", "report"}}},
		{"appearances.csv", [][]string{{"abc-1", "anna", "OPENING_SPEECH; MODERATOR", "Director", "centre", "aland",
			"Panel 1", "1", "report"}}},
		{"affiliations.csv", [][]string{{"anna", "centre", "Director", "2019-03", "2024"}}},
		{"countries.csv", [][]string{{"aland", "Aland", "Åland", "report"}, {"borduria", "Borduria", "Bordurie", ""}}},
		{"places.csv", [][]string{{"szohod", "Szohôd", "Szohod", "borduria", "report"}}},
		{"initiatives.csv", [][]string{{"corridor", "North–South Corridor", "NSC", "МТК Север–Юг", "CORRIDOR", "A corridor.",
			"report"}}},
		{"themes.csv", [][]string{{"transport", "Transport", "Logistics", "Roads.", "report"}}},
		{"recommendations.csv", [][]string{{"abc-1-corridor", "abc-1", "1", "PROPOSAL", "Build the corridor.", "true",
			"anna", "corridor", "transport", "borduria", "report"}}},
		{"redirects.csv", [][]string{{"a-example", "anna"}, {"anna-example", "anna"}}},
	} {
		if diff := cmp.Diff(tc.want, read(tc.file)[1:]); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.file, diff)
		}
	}
}
