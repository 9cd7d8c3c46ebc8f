package dataset_test

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/expertgraph/expertgraph/internal/dataset"
	"github.com/expertgraph/expertgraph/internal/domain"
)

// edit changes one file of the valid fixture: old is replaced by new; an
// empty old sets the whole file to new.
type edit struct{ file, old, new string }

// fixture returns testdata/valid as a MapFS, with edits applied.
func fixture(t *testing.T, edits ...edit) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	root := os.DirFS("testdata/valid")
	err := fs.WalkDir(root, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(root, path)
		fsys[path] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range edits {
		if e.old == "" {
			fsys[e.file] = &fstest.MapFile{Data: []byte(e.new)}
			continue
		}
		f, ok := fsys[e.file]
		if !ok || !strings.Contains(string(f.Data), e.old) {
			t.Fatalf("fixture: %s has no %q", e.file, e.old)
		}
		fsys[e.file] = &fstest.MapFile{Data: []byte(strings.Replace(string(f.Data), e.old, e.new, 1))}
	}
	return fsys
}

func TestLoadValid(t *testing.T) {
	g, err := dataset.Load(os.DirFS("testdata/valid"))
	if err != nil {
		t.Fatal(err)
	}
	src := func(ids ...string) []domain.SourceRef {
		var out []domain.SourceRef
		for _, id := range ids {
			out = append(out, domain.SourceRef{SourceID: id})
		}
		return out
	}
	want := &domain.Graph{
		Countries: []*domain.Country{
			{ID: "russia", Name: "Russia", Aliases: []string{"Russian Federation"}, Sources: src("riac-news")},
			{ID: "azerbaijan", Name: "Azerbaijan"},
		},
		Places: []*domain.Place{{ID: "baku", Name: "Baku", Aliases: []string{"Bakı"}, CountryID: "azerbaijan",
			Sources: []domain.SourceRef{{SourceID: "trend-news", Excerpt: "Baku hosts meeting"}}}},
		Institutions: []*domain.Institution{
			{ID: "riac", Name: "Russian International Affairs Council", ShortName: "RIAC", Kind: domain.InstitutionThinkTank,
				CountryID: "russia", Sources: src("riac-news")},
			{ID: "air-center", Name: "Center of Analysis of International Relations", ShortName: "AIR Center",
				Aliases: []string{"ЦАМО"}, Kind: domain.InstitutionThinkTank, CountryID: "azerbaijan"},
		},
		People: []*domain.Person{
			{ID: "igor-maslov", Name: "Igor Maslov", CountryID: "russia", Sources: src("riac-news")},
			{ID: "hikmet-hajiyev", Name: "Hikmet Hajiyev", Aliases: []string{"Hajiev", "Гаджиев"}, CountryID: "azerbaijan",
				Affiliations: []domain.Affiliation{{InstitutionID: "air-center", Title: "Guest",
					From: domain.MustDate("2021"), To: domain.MustDate("2024-06")}},
				Sources: []domain.SourceRef{{SourceID: "riac-news", Excerpt: "Hikmet Hajiyev, Advisor to the President"}}},
		},
		Councils: []*domain.Council{{ID: "raec", Name: "Russia–Azerbaijan Expert Council", ShortName: "RAEC",
			Aliases: []string{"РАЭС"}, Description: "Set up in 2021.", Frequency: "annual, or twice a year",
			Founded: domain.MustDate("2021"), CountryIDs: []string{"russia", "azerbaijan"},
			OrganizerIDs: []string{"riac", "air-center"}, Sources: src("riac-news")}},
		Initiatives: []*domain.Initiative{{ID: "instc", Name: "International North–South Transport Corridor",
			ShortName: "INSTC", Aliases: []string{"North-South ITC"}, Kind: domain.InitiativeCorridor, Description: "A corridor.",
			Sources: src("riac-news")}},
		Themes: []*domain.Theme{{ID: "transport-and-logistics", Name: "Transport and logistics",
			Aliases: []string{"transport"}, Description: "Corridors and routes.", Sources: src("riac-news", "trend-news")}},
		Sources: []*domain.Source{
			{ID: "riac-news", URL: "https://russiancouncil.ru/en/news/example/", Title: "Fifth meeting", Publisher: "RIAC",
				Published: domain.MustDate("2024-06-21"), Language: "en"},
			{ID: "trend-news", URL: "https://en.trend.az/example.html", Publisher: "Trend", Language: "en"},
		},
		Publications: []*domain.Publication{{ID: "policy-brief", Title: "Russia–Azerbaijan Strategic Cooperation at Present",
			Kind: "policy brief", InstitutionIDs: []string{"riac"}, Status: "published", Sources: src("riac-news")}},
		Meetings: []*domain.Meeting{{ID: "raec-5", CouncilID: "raec", Ordinal: 5,
			Title: "5th meeting of the Russia–Azerbaijan Expert Council", Theme: "Cooperation in Regional Projects",
			ThemeVariants: []string{"Cooperation within regional projects"}, Date: domain.MustDate("2024-06-21"),
			DateNote: "all sources agree", PlaceID: "baku", Format: "two sessions and a panel discussion",
			OrganizerIDs: []string{"riac", "air-center"}, ThemeIDs: []string{"transport-and-logistics"},
			InitiativeIDs: []string{"instc"},
			Publications:  []domain.PublicationLink{{PublicationID: "policy-brief", Relation: domain.PublicationPresented}},
			Sources:       []domain.SourceRef{{SourceID: "riac-news"}, {SourceID: "trend-news", Excerpt: "Baku hosts meeting"}}}},
		Appearances: []*domain.Appearance{
			{MeetingID: "raec-5", PersonID: "igor-maslov", Roles: []domain.Role{domain.RoleOpeningSpeech},
				Title: "Chief of the Presidential Directorate", CountryID: "russia", Order: 1, Sources: src("riac-news")},
			{MeetingID: "raec-5", PersonID: "hikmet-hajiyev", Roles: []domain.Role{domain.RoleOpeningSpeech, domain.RoleModerator},
				Title: "Advisor to the President", InstitutionID: "air-center", CountryID: "azerbaijan", Session: "opening",
				Order: 2, Sources: src("riac-news", "trend-news")},
		},
		Recommendations: []*domain.Recommendation{
			{ID: "raec-5-instc", MeetingID: "raec-5", Kind: domain.RecommendationConclusion,
				Text: "The role of the INSTC is of particular relevance.", Order: 1, InitiativeIDs: []string{"instc"},
				ThemeIDs: []string{"transport-and-logistics"}, CountryIDs: []string{"russia", "azerbaijan"}, Sources: src("riac-news")},
			{ID: "raec-5-keep-informed", MeetingID: "raec-5", Kind: domain.RecommendationAgreement,
				Text: "Keep each other informed.", Order: 7, Paraphrase: true,
				AttributedTo: []string{"igor-maslov", "hikmet-hajiyev"}, Sources: src("trend-news")},
		},
	}
	if !reflect.DeepEqual(g, want) {
		t.Errorf("Load(testdata/valid):\ngot  %s\nwant %s", dump(g), dump(want))
	}
}

// dump renders a graph for a failure message.
func dump(g *domain.Graph) string {
	b, _ := json.MarshalIndent(g, "", "  ")
	return string(b)
}

func TestLoadErrors(t *testing.T) {
	const kinds = "[CONCLUSION PROPOSAL AGREEMENT FOLLOW_UP]"
	tests := []struct {
		name  string
		edits []edit
		want  []string
	}{
		{
			name:  "unknown field",
			edits: []edit{{"people.yaml", "  name: Hikmet Hajiyev\n", "  nmae: Hikmet Hajiyev\n"}},
			want: []string{
				// Problems are ordered by line: the entry's missing name comes first.
				"people.yaml:6: entry 2 (hikmet-hajiyev): name: is required",
				"people.yaml:7: entry 2 (hikmet-hajiyev): nmae: unknown field (the fields here are id, name, aliases, country, affiliations, sources)",
			},
		},
		{
			name:  "unknown field in a list item",
			edits: []edit{{"meetings/raec-5.yaml", "    session: opening\n", "    sesion: opening\n"}},
			want: []string{
				"meetings/raec-5.yaml:36: appearances[hikmet-hajiyev].sesion: unknown field (the fields here are person, roles, title, institution, country, session, order, sources)",
			},
		},
		{
			name:  "bad date",
			edits: []edit{{"meetings/raec-5.yaml", "date: 2024-06-21", "date: 2024-13-01"}},
			want:  []string{"meetings/raec-5.yaml:7: date: month 13 is not 1-12"},
		},
		{
			name:  "date in another form",
			edits: []edit{{"people.yaml", "      to: 2024-06\n", "      to: June 2024\n"}},
			want:  []string{`people.yaml:14: entry 2 (hikmet-hajiyev): affiliations[0].to: date "June 2024" is not YYYY, YYYY-MM or YYYY-MM-DD`},
		},
		{
			name: "bad enum",
			edits: []edit{
				{"meetings/raec-5.yaml", "    kind: CONCLUSION\n", "    kind: conclusion\n"},
				{"meetings/raec-5.yaml", "    roles: [OPENING_SPEECH, MODERATOR]", "    roles: [OPENING_SPEECH, CHAIR]"},
				{"institutions.yaml", "  kind: THINK_TANK\n  country: azerbaijan", "  kind: THINKTANK\n  country: azerbaijan"},
			},
			want: []string{
				`institutions.yaml:12: entry 2 (air-center): kind: "THINKTANK" is not one of [THINK_TANK MINISTRY ADMINISTRATION EMBASSY UNIVERSITY PARLIAMENT COMPANY OTHER]`,
				`meetings/raec-5.yaml:31: appearances[hikmet-hajiyev].roles[1]: "CHAIR" is not one of [OPENING_SPEECH SPEAKER MODERATOR PANELLIST PARTICIPANT]`,
				`meetings/raec-5.yaml:41: recommendations[raec-5-instc].kind: "conclusion" is not one of ` + kinds,
			},
		},
		{
			name: "unknown reference",
			edits: []edit{
				{"meetings/raec-5.yaml", "    institution: air-center\n", "    institution: riak\n"},
				{"places.yaml", "country: azerbaijan", "country: azerbaidjan"},
			},
			want: []string{
				`meetings/raec-5.yaml:34: appearances[hikmet-hajiyev].institution: unknown institution "riak"`,
				`places.yaml:4: entry 1 (baku): country: unknown country "azerbaidjan"`,
			},
		},
		{
			name:  "reference to the wrong kind",
			edits: []edit{{"meetings/raec-5.yaml", "council: raec", "council: riac"}},
			want:  []string{`meetings/raec-5.yaml:2: council: "riac" is an institution, not a council`},
		},
		{
			name: "duplicate id",
			edits: []edit{
				{"people.yaml", "- id: igor-maslov", "- id: riac"},
				{"meetings/raec-5.yaml", "  - id: raec-5-keep-informed", "  - id: raec-5-instc"},
			},
			want: []string{
				// Igor Maslov is gone, so the references to him fail too.
				`meetings/raec-5.yaml:23: appearances[igor-maslov].person: unknown person "igor-maslov"`,
				`meetings/raec-5.yaml:50: recommendations[raec-5-instc].id: "raec-5-instc" is already used by the recommendation at meetings/raec-5.yaml:40; IDs are unique across all files and kinds`,
				`people.yaml:1: entry 1 (riac): id: "riac" is already used by the institution at institutions.yaml:1; IDs are unique across all files and kinds`,
			},
		},
		{
			name: "missing and unknown source",
			edits: []edit{
				{"meetings/raec-5.yaml", "    sources: [trend-news]\n", ""},
				{"meetings/raec-5.yaml", "    sources: [riac-news, trend-news]", "    sources: [riac-news, trend]"},
				{"publications.yaml", "  sources: [riac-news]", "  sources:\n    - source: riac-brief\n      excerpt: a brief"},
			},
			want: []string{
				`meetings/raec-5.yaml:37: appearances[hikmet-hajiyev].sources[1]: unknown source "trend"`,
				// A missing field is reported on its entry's first line.
				`meetings/raec-5.yaml:50: recommendations[raec-5-keep-informed].sources: at least one source is required: every fact names the report that states it`,
				`publications.yaml:7: entry 1 (policy-brief): sources[0].source: unknown source "riac-brief"`,
			},
		},
		{
			name: "unknown source of a place and a theme",
			edits: []edit{
				{"places.yaml", "    - source: trend-news", "    - source: trend"},
				{"themes.yaml", "  sources: [riac-news, trend-news]", "  sources: [riac-news, riac-news]"},
			},
			want: []string{
				`places.yaml:6: entry 1 (baku): sources[0].source: unknown source "trend"`,
				`themes.yaml:5: entry 1 (transport-and-logistics): sources[1]: source "riac-news" is listed twice`,
			},
		},
		{
			name: "missing and malformed ids",
			edits: []edit{
				{"countries.yaml", "  name: Azerbaijan\n", "  name: Azerbaijan\n\n- name: Georgia\n"},
				{"themes.yaml", "- id: transport-and-logistics", "- id: Transport_and_Logistics"},
			},
			want: []string{
				"countries.yaml:9: entry 3: id: is required",
				// An entry with a bad ID is left out, so references to it fail too.
				`meetings/raec-5.yaml:12: themes[0]: unknown theme "transport-and-logistics"`,
				`meetings/raec-5.yaml:46: recommendations[raec-5-instc].themes[0]: unknown theme "transport-and-logistics"`,
				`themes.yaml:1: entry 1 (Transport_and_Logistics): id: "Transport_and_Logistics" is not a valid id: use lower-case words (letters and digits) joined by single dashes, at most 80 characters, e.g. raec-5, igor-maslov`,
			},
		},
		{
			name: "wrong shapes",
			edits: []edit{
				{"meetings/raec-5.yaml", "ordinal: 5", "ordinal: fifth"},
				{"meetings/raec-5.yaml", "initiatives: [instc]", "initiatives: instc"},
				{"meetings/raec-5.yaml", "    paraphrase: true", "    paraphrase: yes"},
				{"countries.yaml", "  aliases: [Russian Federation]", "  aliases: [Russian Federation]\n  name: Russland"},
			},
			want: []string{
				"countries.yaml:4: entry 1 (russia): name: is given twice (also on line 2)",
				`meetings/raec-5.yaml:3: ordinal: "fifth" is not a whole number`,
				`meetings/raec-5.yaml:13: initiatives: must be a list (one "- item" per line, or [a, b]), not a single value`,
				`meetings/raec-5.yaml:54: recommendations[raec-5-keep-informed].paraphrase: "yes" is not true or false`,
			},
		},
		{
			name:  "meeting file named after another id",
			edits: []edit{{"meetings/raec-5.yaml", "id: raec-5\n", "id: raec-6\n"}},
			want: []string{
				`meetings/raec-5.yaml:1: id: "raec-6" does not match the file name: a meeting's file is meetings/<id>.yaml (meetings/raec-6.yaml here)`,
			},
		},
		{
			name:  "syntax error and unknown file",
			edits: []edit{{"themes.yaml", "", "- id: x\n  name: [unclosed\n"}, {"person.yaml", "", "[]"}},
			want: []string{
				// themes.yaml is unreadable, so the themes it defines are unknown.
				`meetings/raec-5.yaml:12: themes[0]: unknown theme "transport-and-logistics"`,
				`meetings/raec-5.yaml:46: recommendations[raec-5-instc].themes[0]: unknown theme "transport-and-logistics"`,
				"person.yaml: unknown file: the data files are countries.yaml, councils.yaml, initiatives.yaml, institutions.yaml, people.yaml, places.yaml, publications.yaml, sources.yaml, themes.yaml and meetings/<meeting-id>.yaml",
				"themes.yaml:1: not valid YAML: did not find expected ',' or ']'",
			},
		},
		{
			name:  "a list file that is not a list",
			edits: []edit{{"initiatives.yaml", "", "instc:\n  name: INSTC\n"}},
			want: []string{
				`initiatives.yaml:1: must be a list of entries (one "- id: ..." per entry), not a mapping`,
				`meetings/raec-5.yaml:13: initiatives[0]: unknown initiative "instc"`,
				`meetings/raec-5.yaml:45: recommendations[raec-5-instc].initiatives[0]: unknown initiative "instc"`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := dataset.Load(fixture(t, tt.edits...))
			if g != nil || err == nil {
				t.Fatalf("Load = %v, %v; want an error", g, err)
			}
			if code := domain.ErrorCode(err); code != domain.EINVALID {
				t.Errorf("ErrorCode = %q, want %q", code, domain.EINVALID)
			}
			var ve *domain.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("error %T is not a *domain.ValidationError: %v", err, err)
			}
			var got []string
			for _, p := range ve.Problems {
				got = append(got, p.Error())
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("problems:\ngot  %s\nwant %s", strings.Join(got, "\n     "), strings.Join(tt.want, "\n     "))
			}
		})
	}
}

func TestLoadEmpty(t *testing.T) {
	g, err := dataset.Load(fstest.MapFS{})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(g, &domain.Graph{}) {
		t.Errorf("Load(empty) = %s, want an empty graph", dump(g))
	}
}
