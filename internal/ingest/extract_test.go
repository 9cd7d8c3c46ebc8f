package ingest

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// reports are the test reports of testdata/ (written for these tests, in
// the genre of real ones) with their expected drafts.
func reports(t testing.TB) map[string][2]string {
	t.Helper()
	exp, err := filepath.Glob("testdata/*.expected.json")
	if err != nil || len(exp) == 0 {
		t.Fatalf("no expected drafts in testdata: %v", err)
	}
	out := map[string][2]string{}
	for _, e := range exp {
		base := strings.TrimSuffix(e, ".expected.json")
		for _, ext := range []string{".txt", ".html"} {
			if _, err := os.Stat(base + ext); err == nil {
				out[filepath.Base(base)] = [2]string{base + ext, e}
			}
		}
	}
	return out
}

func readExpected(t *testing.T, path string) *Draft {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var d Draft
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return &d
}

// runeSlice returns the code points [start, end) of b.
func runeSlice(b []byte, e Evidence) string {
	r := []rune(string(b))
	if e.Start < 0 || e.End > len(r) || e.Start > e.End {
		return "<out of range>"
	}
	return string(r[e.Start:e.End])
}

func TestExtractReports(t *testing.T) {
	// Each kind must reach these scores on every test report.
	minimum := map[string][2]float64{ // precision, recall
		"council": {1, 1}, "ordinal": {1, 1}, "date": {1, 1}, "city": {1, 1}, "theme": {1, 1}, "format": {1, 1},
		"organisers": {1, 1}, "speakers": {1, 1}, "speaker-titles": {1, 1}, "speaker-roles": {1, 1},
		"initiatives": {1, 1}, "publications": {1, 1}, "recommendations": {1, 1}, "recommendation-kinds": {1, 1},
		"themes": {0.75, 0.75},
	}
	for name, files := range reports(t) {
		t.Run(name, func(t *testing.T) {
			in, err := os.ReadFile(files[0])
			if err != nil {
				t.Fatal(err)
			}
			got, err := Extract(in, Options{})
			if err != nil {
				t.Fatal(err)
			}
			r := Score(got, readExpected(t, files[1]))
			for _, k := range r.Kinds {
				min, ok := minimum[k.Kind]
				if !ok {
					t.Errorf("kind %q has no minimum in this test", k.Kind)
					continue
				}
				if k.Precision != nil && *k.Precision < min[0] || k.Recall != nil && *k.Recall < min[1] {
					t.Errorf("%s below its minimum:\n%s", k.Kind, Report{Kinds: []KindScore{k}})
				}
			}
			checkProvenance(t, in, got)
		})
	}
}

// checkProvenance checks that every name is in the input and that spans
// point at what they support.
func checkProvenance(t *testing.T, in []byte, d *Draft) {
	t.Helper()
	text := collapse(string(in))
	for _, s := range d.Speakers {
		if s.Name == "" {
			t.Errorf("a speaker without a name: %+v", s)
		}
		if !strings.Contains(text, s.Name) {
			t.Errorf("speaker %q is not in the input: names must never be invented", s.Name)
		}
		if got := collapse(runeSlice(in, s.Fields["name"])); got != s.Name {
			t.Errorf("speaker %q: the name's span reads %q", s.Name, got)
		}
		if s.Title != "" {
			if got := collapse(runeSlice(in, s.Fields["title"])); !strings.Contains(got, s.Title) && !strings.Contains(s.Title, got) {
				t.Errorf("speaker %q: the title's span reads %q, the title is %q", s.Name, got, s.Title)
			}
		}
		if s.Confidence <= 0 || s.Confidence > 1 {
			t.Errorf("speaker %q: confidence %v", s.Name, s.Confidence)
		}
	}
	for field, e := range d.Meeting.Evidence {
		if e.End <= e.Start || e.Confidence <= 0 || e.Confidence > 1 {
			t.Errorf("meeting.%s: evidence %+v", field, e)
		}
	}
	if ev, ok := d.Meeting.Evidence["theme"]; ok && collapse(runeSlice(in, ev)) != d.Meeting.Theme {
		t.Errorf("theme span reads %q, theme is %q", runeSlice(in, ev), d.Meeting.Theme)
	}
	for _, r := range d.Recommendations {
		if got := collapse(runeSlice(in, r.Evidence)); got != r.Text {
			t.Errorf("recommendation span reads %q, text is %q", got, r.Text)
		}
	}
	if d.Meeting.Date != "" {
		if _, err := domain.ParseDate(d.Meeting.Date); err != nil {
			t.Errorf("meeting date %q: %v", d.Meeting.Date, err)
		}
	}
}

func TestExtractRefusesBadInput(t *testing.T) {
	big := []byte(strings.Repeat("The experts met in Baku. ", 100))
	tests := []struct {
		name string
		in   []byte
		max  int
		want error
	}{
		{"empty", nil, 0, ErrEmpty},
		{"blank", []byte(" \n\t \n"), 0, ErrEmpty},
		{"NUL bytes", []byte("PK\x03\x04\x00\x00\x00binary\x00"), 0, ErrBinary},
		{"not UTF-8", []byte{0xff, 0xfe, 0xfd, 0x80, 0x81, 0x82, 'a'}, 0, ErrBinary},
		{"over the limit", big, 1000, ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Extract(tt.in, Options{MaxBytes: tt.max})
			if !errors.Is(err, tt.want) || d != nil {
				t.Fatalf("Extract = %v, %v; want %v", d, err, tt.want)
			}
			if domain.ErrorCode(err) != domain.EINVALID {
				t.Errorf("code %q, want %q", domain.ErrorCode(err), domain.EINVALID)
			}
		})
	}
	if _, err := Extract(big, Options{}); err != nil {
		t.Errorf("under the default limit: %v", err)
	}
}

func TestExtractNonEnglish(t *testing.T) {
	tests := []struct {
		name, text, lang string
		council          []string
		ordinal          int
		date             string
	}{
		{"Russian", "15 мая 2023 года в Ташкенте прошло третье заседание Казахстанско-Узбекского экспертного совета. Эксперты обсудили транспорт, водные ресурсы и торговлю между странами.",
			"ru", []string{"kazakhstan", "uzbekistan"}, 3, "2023-05-15"},
		{"Azerbaijani", "Bu gün Bakıda Azərbaycan-Qazaxıstan Ekspert Şurasının 2-ci iclası keçirilib. Ekspertlər nəqliyyat və ticarət məsələlərini müzakirə ediblər, həm də enerji sahəsində əməkdaşlığı qeyd ediblər.",
			"az", []string{"azerbaijan", "kazakhstan"}, 2, ""},
		{"German", "Am 3. März fand in Berlin das zweite Treffen des deutsch-kasachischen Expertenrats statt. Die Teilnehmer sprachen über die Energie und den Handel zwischen den beiden Ländern und über die Zukunft.",
			"de", nil, 0, ""},
		{"Turkish", "Azerbaycan ve Türkiye düşünce kuruluşlarının ikinci forumu bugün Ankara'da gerçekleşti. Forumda enerji, ulaştırma ve bölgesel güvenlik konuları ele alındı ve işbirliği için öneriler sunuldu.",
			"tr", nil, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Extract([]byte(tt.text), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if d.Language != tt.lang {
				t.Errorf("language %q, want %q", d.Language, tt.lang)
			}
			if len(d.Warnings) == 0 || len(d.Speakers) != 0 || len(d.Recommendations) != 0 || len(d.Organisers) != 0 {
				t.Errorf("want an empty draft with a warning, got %+v", d)
			}
			if strings.Join(d.Meeting.CouncilCountries, ",") != strings.Join(tt.council, ",") || d.Meeting.Ordinal != tt.ordinal || d.Meeting.Date != tt.date {
				t.Errorf("identity = %v %d %q; want %v %d %q", d.Meeting.CouncilCountries, d.Meeting.Ordinal, d.Meeting.Date, tt.council, tt.ordinal, tt.date)
			}
		})
	}
}

func TestExtractPageFurniture(t *testing.T) {
	para := "On May 5, 2023, Almaty hosted the second meeting of the Kazakhstan–Kyrgyzstan Expert Council. Opening remarks were made by Askar Nurlanov, Director of the Almaty Policy Institute, and Bakyt Osmonov, Rector of the Bishkek Academy."
	in := strings.Join([]string{
		"Rate this article", "(votes: 7, rating: 3.9)", " (7 votes)", "Share this article", "",
		para, "", para, "",
		"The participants noted:", "",
		"  ◦ Water and energy cooperation between Kazakhstan and Kyrgyzstan should be deepened.",
		"  * Trade in national currencies is growing and needs new payment tools.",
		"  – The experts agreed to hold the next meeting in Bishkek in 2024.",
		"  3) Cultural ties between the universities of both countries are growing.", "",
		"Poll conducted", "", "  1. Which of these matters most?", "    Water  ", "     12 (40%)", "    Trade  ", "     18 (60%)",
		"For business", "For researchers", "For students",
	}, "\n")
	d, err := Extract([]byte(in), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Speakers) != 2 {
		t.Errorf("speakers %+v; want Askar Nurlanov and Bakyt Osmonov once each", d.Speakers)
	}
	if len(d.Recommendations) != 4 {
		var txt []string
		for _, r := range d.Recommendations {
			txt = append(txt, r.Text)
		}
		t.Errorf("recommendations %q; want the four bullets, in any glyph, and no poll option", txt)
	} else if d.Recommendations[2].Kind != domain.RecommendationFollowUp {
		t.Errorf("the next meeting is a follow-up, got %s", d.Recommendations[2].Kind)
	}
	if d.Meeting.Ordinal != 2 || d.Meeting.Date != "2023-05-05" || d.Meeting.City != "Almaty" {
		t.Errorf("meeting %+v", d.Meeting)
	}
	checkProvenance(t, []byte(in), d)
}

func TestExtractHTMLSpans(t *testing.T) {
	in := []byte(`<html><body><nav>Home | For business</nav><div class="social-share">Share</div>` +
		`<p>On 12 April 2024, Tehran hosted the third round of the Russian&ndash;Iranian Dialogue, organised by the Valdai Discussion Club and the Institute for Political and International Studies (IPIS).</p>` +
		`<p>The dialogue was opened by Mohammad Hassan Sheikholeslami, Director of IPIS, and Andrey Sushentsov, Programme Director of the Valdai Club.</p></body></html>`)
	d, err := Extract(in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Meeting.Date != "2024-04-12" || d.Meeting.City != "Tehran" || d.Meeting.Ordinal != 3 || len(d.Organisers) != 2 {
		t.Errorf("meeting %+v organisers %+v", d.Meeting, d.Organisers)
	}
	var names []string
	for _, s := range d.Speakers {
		names = append(names, s.Name)
		if got := runeSlice(in, s.Fields["name"]); got != s.Name {
			t.Errorf("span of %q in the HTML reads %q", s.Name, got)
		}
	}
	if strings.Join(names, ";") != "Mohammad Hassan Sheikholeslami;Andrey Sushentsov" {
		t.Errorf("speakers %q", names)
	}
	if got := runeSlice(in, d.Meeting.Evidence["council"]); got != "Russian&ndash;Iranian Dialogue" {
		t.Errorf("council span %q", got)
	}
}

func TestOrdinalsAndDates(t *testing.T) {
	tests := []struct {
		sentence string
		ordinal  int
		date     string
	}{
		{"On June 21, 2024, Baku hosted the fifth meeting of the Russia–Azerbaijan Expert Council.", 5, "2024-06-21"},
		{"The 5th meeting of the Russia-Azerbaijan Expert Council was held in Baku on 21 June 2024.", 5, "2024-06-21"},
		{"The 12th session of the Kazakhstan–China Expert Forum took place in Astana in September 2023.", 12, "2023-09"},
		{"The inaugural Uzbekistan–Tajikistan Expert Dialogue was held in Dushanbe in 2022.", 1, "2022"},
		{"The third meeting of the Iran–Armenia Expert Council was held in Yerevan on 03.11.2021. The next meeting of the Iran–Armenia Expert Council will be the fourth.", 3, "2021-11-03"},
	}
	for _, tt := range tests {
		d, err := Extract([]byte(tt.sentence), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if d.Meeting.Ordinal != tt.ordinal || d.Meeting.Date != tt.date {
			t.Errorf("%q: ordinal %d date %q; want %d %q", tt.sentence, d.Meeting.Ordinal, d.Meeting.Date, tt.ordinal, tt.date)
		}
	}
}

func TestThemeRulesMatchSeed(t *testing.T) {
	b, err := os.ReadFile("../../seed/themes.yaml")
	if err != nil {
		t.Skip("no seed/themes.yaml")
	}
	for _, r := range builtinThemes() {
		if !strings.Contains(string(b), "- id: "+r.ID+"\n") {
			t.Errorf("built-in theme rule %q names no theme of seed/themes.yaml", r.ID)
		}
	}
}
