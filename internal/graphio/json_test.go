package graphio

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"

	"github.com/expertgraph/expertgraph/internal/dataset"
	"github.com/expertgraph/expertgraph/internal/domain"
	"github.com/expertgraph/expertgraph/seed"
)

func seedGraph(t testing.TB) *domain.Graph {
	t.Helper()
	g, err := dataset.Load(seed.FS)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// fullGraph sets every field of every domain type, so that a field the JSON
// format forgets fails the round trip (TestFullGraphSetsEveryField keeps it so).
func fullGraph() *domain.Graph {
	src := []domain.SourceRef{{SourceID: "report", Excerpt: "the words of the report"}}
	return &domain.Graph{
		Countries: []*domain.Country{
			{ID: "aland", Name: "Aland", Aliases: []string{"Åland"}, Sources: src},
			{ID: "borduria", Name: "Borduria", Aliases: []string{"Bordurie"}},
		},
		Places: []*domain.Place{{ID: "szohod", Name: "Szohôd", Aliases: []string{"Szohod"}, CountryID: "borduria",
			Sources: src}},
		Institutions: []*domain.Institution{
			{ID: "ministry", Name: "Ministry of Affairs", ShortName: "MoA", Aliases: []string{"The Ministry"},
				Kind: domain.InstitutionMinistry, CountryID: "aland", Sources: src},
			{ID: "centre", Name: "Research Centre", ShortName: "RC", Aliases: []string{"R&D Centre <RC>"},
				Kind: domain.InstitutionThinkTank, CountryID: "aland", ParentID: "ministry", Sources: src},
		},
		People: []*domain.Person{
			{ID: "anna", Name: "Anna Example", Aliases: []string{"A. Example"}, CountryID: "aland",
				Affiliations: []domain.Affiliation{{InstitutionID: "centre", Title: "Director",
					From: domain.MustDate("2019-03"), To: domain.MustDate("2024")}}, Sources: src},
			{ID: "boris", Name: "Boris Example", Sources: src},
		},
		Councils: []*domain.Council{{ID: "abc", Name: "Aland–Borduria Council", ShortName: "ABC",
			Aliases: []string{"A-B Council"}, Description: "A council.", Frequency: "yearly",
			Founded: domain.MustDate("2020-01-15"), CountryIDs: []string{"aland", "borduria"},
			OrganizerIDs: []string{"centre"}, Sources: src}},
		Initiatives: []*domain.Initiative{{ID: "corridor", Name: "North–South Corridor", ShortName: "NSC",
			Aliases: []string{"МТК Север–Юг"}, Kind: domain.InitiativeCorridor, Description: "A corridor.", Sources: src}},
		Themes: []*domain.Theme{{ID: "transport", Name: "Transport", Description: "Roads.", Aliases: []string{"Logistics"},
			Sources: src}},
		Sources: []*domain.Source{{ID: "report", URL: "https://example.org/report?a=1&b=2", Title: "Report",
			Publisher: "Example", Published: domain.MustDate("2024-06-21"), Language: "en"}},
		Publications: []*domain.Publication{{ID: "paper", Title: "A Joint Paper", Kind: "joint paper",
			InstitutionIDs: []string{"centre"}, Status: "planned", Sources: src}},
		Meetings: []*domain.Meeting{{ID: "abc-1", CouncilID: "abc", Ordinal: 1, Title: "1st meeting",
			Theme: "Transport", ThemeVariants: []string{"Logistics"}, Date: domain.MustDate("2024-06-20"),
			DateNote: "or the 21st", PlaceID: "szohod", Format: "two panels", OrganizerIDs: []string{"centre"},
			ThemeIDs: []string{"transport"}, InitiativeIDs: []string{"corridor"},
			Publications: []domain.PublicationLink{{PublicationID: "paper", Relation: domain.PublicationAnnounced}},
			Sources:      src}},
		Appearances: []*domain.Appearance{{MeetingID: "abc-1", PersonID: "anna",
			Roles: []domain.Role{domain.RoleOpeningSpeech, domain.RoleModerator}, Title: "Director",
			InstitutionID: "centre", CountryID: "aland", Session: "Panel 1", Order: 1, Sources: src}},
		Recommendations: []*domain.Recommendation{{ID: "abc-1-corridor", MeetingID: "abc-1",
			Kind: domain.RecommendationProposal, Text: "Build the corridor.", Order: 1, Paraphrase: true,
			AttributedTo: []string{"anna"}, InitiativeIDs: []string{"corridor"}, ThemeIDs: []string{"transport"},
			CountryIDs: []string{"borduria"}, Sources: src}},
		Redirects: []*domain.Redirect{{ID: "a-example", Target: "anna"}, {ID: "anna-example", Target: "anna"}},
	}
}

// TestFullGraphSetsEveryField fails when a domain type gains a field that
// fullGraph leaves unset, and so that the round trip would not check.
func TestFullGraphSetsEveryField(t *testing.T) {
	set := map[string]bool{}
	var walk func(path string, v reflect.Value)
	walk = func(path string, v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer:
			if !v.IsNil() {
				walk(path, v.Elem())
			}
		case reflect.Slice:
			for i := range v.Len() {
				walk(path, v.Index(i))
			}
		case reflect.Struct:
			if v.Type() == reflect.TypeFor[domain.Date]() {
				return
			}
			for i := range v.NumField() {
				f := path + "." + v.Type().Field(i).Name
				if !v.Field(i).IsZero() {
					set[f] = true
				} else if _, ok := set[f]; !ok {
					set[f] = false
				}
				walk(f, v.Field(i))
			}
		}
	}
	walk("Graph", reflect.ValueOf(fullGraph()))
	for f, ok := range set {
		if !ok {
			t.Errorf("fullGraph never sets %s", f)
		}
	}
	if err := fullGraph().Validate(nil); err != nil {
		t.Fatal(err)
	}
}

func TestJSONRoundTrip(t *testing.T) {
	for _, tc := range []struct {
		name string
		g    *domain.Graph
	}{
		{"seed", seedGraph(t)},
		{"every field", fullGraph()},
		{"empty", &domain.Graph{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := WriteJSON(&b, tc.g); err != nil {
				t.Fatal(err)
			}
			got, err := ReadJSON(bytes.NewReader(b.Bytes()), "export.json")
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.g, got); diff != "" {
				t.Errorf("ReadJSON(WriteJSON(g)) differs from g (-want +got):\n%s", diff)
			}
			var again bytes.Buffer
			if err := WriteJSON(&again, got); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(b.Bytes(), again.Bytes()) {
				t.Errorf("writing the graph read back gives other bytes:\n%s", cmp.Diff(b.String(), again.String()))
			}
		})
	}
}

// TestWriteJSONIsMarshalIndent checks the streaming writer against the
// standard library writing the whole document at once.
func TestWriteJSONIsMarshalIndent(t *testing.T) {
	for _, g := range []*domain.Graph{seedGraph(t), fullGraph(), {}} {
		var got bytes.Buffer
		if err := WriteJSON(&got, g); err != nil {
			t.Fatal(err)
		}
		doc := document{Format: Format, Version: Version, Graph: &graph{
			Countries: nonNil(each(g.Countries, toCountry)), Places: nonNil(each(g.Places, toPlace)),
			Institutions: nonNil(each(g.Institutions, toInstitution)), People: nonNil(each(g.People, toPerson)),
			Councils: nonNil(each(g.Councils, toCouncil)), Initiatives: nonNil(each(g.Initiatives, toInitiative)),
			Themes: nonNil(each(g.Themes, toTheme)), Sources: nonNil(each(g.Sources, toSource)),
			Publications: nonNil(each(g.Publications, toPublication)), Meetings: nonNil(each(g.Meetings, toMeeting)),
			Appearances:     nonNil(each(g.Appearances, toAppearance)),
			Recommendations: nonNil(each(g.Recommendations, toRecommendation)),
			Redirects:       each(g.Redirects, toRedirect),
		}}
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(doc); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want.String(), got.String()); diff != "" {
			t.Errorf("WriteJSON differs from json.MarshalIndent (-want +got):\n%s", diff)
		}
	}
}

// doc returns a document holding the given collections, written by hand.
func doc(collections string) string {
	return `{"format": "expertgraph", "version": 1, "graph": {` + collections + `}}`
}

const meetingFields = "id, council, ordinal, title, theme, themeVariants, date, dateNote, place, format, organizers, themes, initiatives, publications, sources"

const validBase = `"countries": [{"id": "aland", "name": "Aland"}, {"id": "borduria", "name": "Borduria"}],
"sources": [{"id": "report", "url": "https://example.org/r", "publisher": "Example"}],
"people": [{"id": "anna", "name": "Anna"}]`

func TestReadJSONProblems(t *testing.T) {
	for _, tc := range []struct {
		name  string
		input string
		want  []string
	}{
		{"not an object", `[1, 2]`, []string{
			`m.json: must be one JSON object {"format": "expertgraph", "version": 1, "graph": {...}}, not a list`}},
		{"empty", ``, []string{`m.json: the document ends too early, at line 1, column 1: the file is cut short`}},
		{"cut short", "{\"format\": \"expertgraph\",\n \"version\": 1, \"graph\": {\"countries\": [", []string{
			`m.json: the document ends too early, at line 2, column 40: the file is cut short`}},
		{"syntax error", "{\"format\": \"expertgraph\",\n  \"version\": 1,\n  \"graph\": {\"countries\": [{\"id\": \"aland\",, }]}}", []string{
			`m.json: not valid JSON at line 3, column 42: invalid character ',' looking for beginning of object key string`}},
		{"another format", `{"format": "gephi", "graph": {}}`, []string{
			`m.json:format: the string "gephi" is not "expertgraph": this is not an expertgraph export`}},
		{"another version", `{"format": "expertgraph", "version": 2, "graph": {"whatever": 1}}`, []string{
			`m.json:version: 2: this program reads version 1`}},
		{"missing header", `{"graph": {}, "extra": true}`, []string{
			`m.json:extra: unknown field (the fields here are format, version, graph)`,
			`m.json:format: is required`,
			`m.json:version: is required`}},
		{"text after", doc(``) + ` {}`, []string{`m.json: there is more after the end of the document, at line 1, column 54`}},
		{"unknown collection", doc(`"meeting": [], "countries": null`), []string{
			`m.json:graph.meeting: unknown collection (the collections are countries, places, institutions, people, councils, initiatives, themes, sources, publications, meetings, appearances, recommendations, redirects)`}},
		{"collection not a list", doc(`"countries": {"id": "aland"}`), []string{
			`m.json:graph.countries: must be a list [...] of entries, not an object`}},
		{"every problem of every entry", doc(validBase + `,
			"meetings": [
				{"id": "m-1", "title": "One", "date": "2024-13", "sources": ["report"]},
				{"id": "m-2", "title": 2, "nmae": "x", "date": "2024-06", "date": "2024-07", "sources": [{"source": "report", "quote": "q"}]},
				{"id": "m-4", "Title": "Four", "date": "2024", "sources": [{"Source": "report"}]},
				"m-3",
				{"title": "no id", "date": "2024", "sources": [{"source": "report"}], "ordinal": 1.5}
			],
			"appearances": [{"meeting": "m-1", "person": "anna", "roles": ["SPEAK"], "order": "1", "sources": [{"source": "nowhere"}]}]`),
			[]string{
				`m.json:meetings[m-1].date: month 13 is not 1-12`,
				`m.json:meetings[m-1].sources[0]: must be an object {...}, not the string "report"`,
				`m.json:meetings[m-2].title: must be a string, not 2`,
				`m.json:meetings[m-2].nmae: unknown field (the fields here are ` + meetingFields + `)`,
				`m.json:meetings[m-2].date: is given twice`,
				`m.json:meetings[m-2].sources[0].quote: unknown field (the fields here are source, excerpt)`,
				`m.json:meetings[m-4].Title: unknown field (the fields here are ` + meetingFields + `)`,
				`m.json:meetings[m-4].sources[0].Source: unknown field (the fields here are source, excerpt)`,
				`m.json:meetings[#3]: must be an object {"id": ...}, not the string "m-3"`,
				`m.json:meetings[#4].ordinal: must be a whole number, not 1.5`,
				`m.json:appearances[m-1/anna].order: must be a whole number, not the string "1"`,
				// Validation, after decoding: what decoding reported is not
				// reported again (m-1's date is not also missing, m-2's title
				// not also required).
				`m.json:meetings[]: an entry has no id`,
				`m.json:meetings[m-4].title: is required`,
				`m.json:meetings[m-4].sources[0].source: is required`,
				`m.json:appearances[m-1/anna].roles[0]: "SPEAK" is not one of [OPENING_SPEECH SPEAKER MODERATOR PANELLIST PARTICIPANT]`,
				`m.json:appearances[m-1/anna].sources[0].source: unknown source "nowhere"`,
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g, err := ReadJSON(strings.NewReader(tc.input), "m.json")
			if g != nil {
				t.Errorf("got a graph despite the problems")
			}
			var ve *domain.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("err = %v, want a *domain.ValidationError", err)
			}
			var got []string
			for _, p := range ve.Problems {
				if p.Code != domain.EINVALID {
					t.Errorf("code %q, want EINVALID: %v", p.Code, p)
				}
				got = append(got, p.Error())
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
			if domain.ErrorCode(err) != domain.EINVALID {
				t.Errorf("ErrorCode = %q", domain.ErrorCode(err))
			}
		})
	}
}

func TestReadJSONWithAStore(t *testing.T) {
	// The store holds the countries, the source and a person; the document
	// refers to them, and reuses one ID for another kind.
	store := map[string]domain.Kind{"aland": domain.KindCountry, "borduria": domain.KindCountry,
		"report": domain.KindSource, "anna": domain.KindPerson, "abc": domain.KindInstitution}
	var asked []string
	resolve := func(ids []string) ([]domain.Kind, error) {
		asked = append(asked, ids...)
		out := make([]domain.Kind, len(ids))
		for i, id := range ids {
			out[i] = store[id]
		}
		return out, nil
	}
	input := doc(`"councils": [{"id": "abc", "name": "ABC", "countries": ["aland", "borduria"]}],
		"meetings": [{"id": "abc-1", "title": "One", "date": "2024", "sources": ["report"]}],
		"appearances": [{"meeting": "abc-1", "person": "anna", "roles": ["SPEAKER"], "sources": ["report"]}]`)
	input = strings.ReplaceAll(input, `"sources": ["report"]`, `"sources": [{"source": "report"}]`)

	_, err := ReadJSONWith(strings.NewReader(input), "m.json", ReadOptions{Resolve: resolve})
	want := `m.json:councils[abc].id: id "abc" already names an institution`
	if err == nil || err.Error() != want {
		t.Errorf("err = %v, want %s", err, want)
	}
	if want := []string{"abc", "abc-1", "aland", "anna", "borduria", "report"}; !cmp.Equal(asked, want) {
		t.Errorf("resolved %v, want the document's IDs and its references %v", asked, want)
	}

	delete(store, "abc")
	var decoded *domain.Graph
	g, err := ReadJSONWith(strings.NewReader(input), "m.json", ReadOptions{Resolve: resolve,
		Decoded: func(g *domain.Graph) { decoded = g }})
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Meetings) != 1 || len(g.Appearances) != 1 || decoded != g {
		t.Errorf("read %d meetings, %d appearances; Decoded called with %p, not %p", len(g.Meetings), len(g.Appearances), decoded, g)
	}
	if _, err := ReadJSON(strings.NewReader(input), "m.json"); err == nil {
		t.Error("ReadJSON accepted references to nothing")
	}

	boom := errors.New("the store is down")
	fail := ReadOptions{Resolve: func([]string) ([]domain.Kind, error) { return nil, boom }}
	if _, err := ReadJSONWith(strings.NewReader(input), "m.json", fail); !errors.Is(err, boom) {
		t.Errorf("a resolve error gives %v", err)
	}
}

func TestReadJSONReaderError(t *testing.T) {
	var b bytes.Buffer
	if err := WriteJSON(&b, fullGraph()); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("disk on fire")
	r := io.MultiReader(bytes.NewReader(b.Bytes()[:200]), iotest.ErrReader(boom))
	_, err := ReadJSON(r, "m.json")
	if !errors.Is(err, boom) || domain.ErrorCode(err) == domain.EINVALID {
		t.Errorf("err = %v, want the reader's error, not EINVALID", err)
	}
}

func TestValidateNamesTheFile(t *testing.T) {
	g := fullGraph()
	g.Meetings[0].PlaceID = "atlantis"
	err := Validate(g, "dir/", nil)
	if want := `dir/:meetings[abc-1].place: unknown place "atlantis"`; err == nil || err.Error() != want {
		t.Errorf("err = %v, want %s", err, want)
	}
	if err := Validate(fullGraph(), "x", nil); err != nil {
		t.Error(err)
	}
}

// BenchmarkReadJSON reads a large generated graph.
func BenchmarkReadJSON(b *testing.B) {
	var buf bytes.Buffer
	if err := WriteJSON(&buf, bigGraph(5000)); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	for b.Loop() {
		if _, err := ReadJSON(bytes.NewReader(buf.Bytes()), "big.json"); err != nil {
			b.Fatal(err)
		}
	}
}

// TestOddKeys checks the test that sends an entry down the slow path: every
// entry WriteJSON writes passes it, and a repeated key or one in another case
// does not.
func TestOddKeys(t *testing.T) {
	for _, g := range []*domain.Graph{fullGraph(), seedGraph(t)} {
		var b bytes.Buffer
		if err := WriteJSON(&b, g); err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Graph map[string][]json.RawMessage `json:"graph"`
		}
		if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		for coll, entries := range doc.Graph {
			for _, e := range entries {
				if oddKeys(e) {
					t.Errorf("%s: %s has odd keys", coll, e)
				}
			}
		}
	}
	for _, raw := range []string{
		`{"id": "a", "id": "b"}`,
		`{"id": "a", "Name": "A"}`,
		`{"id": "a", "sources": [{"source": "s", "source": "t"}]}`,
		`{"id": "a", "sources": [{"Source": "s"}]}`,
	} {
		if !oddKeys([]byte(raw)) {
			t.Errorf("oddKeys(%s) = false", raw)
		}
	}
	// Keys are told from values: a value that looks like a key is a value.
	if oddKeys([]byte(`{"id": "Name", "aliases": ["id", "id"], "name": "x \\\" y"}`)) {
		t.Error("values taken for keys")
	}
}
