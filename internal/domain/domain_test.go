package domain

import (
	"errors"
	"reflect"
	"slices"
	"testing"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in      string
		want    Date
		wantErr bool
	}{
		{"2024-06-21", Date{2024, 6, 21}, false},
		{"2024-06", Date{2024, 6, 0}, false},
		{"2024", Date{2024, 0, 0}, false},
		{" 2024 ", Date{2024, 0, 0}, false},
		{"2024-6", Date{}, true},
		{"24-06-21", Date{}, true},
		{"2024-13", Date{}, true},
		{"2023-02-29", Date{}, true},
		{"2024-02-29", Date{2024, 2, 29}, false},
		{"1850", Date{}, true},
		{"2024-06-21-01", Date{}, true},
		{"", Date{}, true},
		{"June 2024", Date{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseDate(tt.in)
			if (err != nil) != tt.wantErr || got != tt.want {
				t.Errorf("ParseDate(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.wantErr)
			}
		})
	}
}

func TestDateRange(t *testing.T) {
	d := MustDate
	tests := []struct {
		name string
		r    DateRange
		date Date
		want bool
	}{
		{"open", DateRange{}, d("2024-06-21"), true},
		{"year overlaps day range", DateRange{From: d("2024-06-01"), To: d("2024-06-30")}, d("2024"), true},
		{"month before", DateRange{From: d("2024-07")}, d("2024-06"), false},
		{"inclusive end", DateRange{To: d("2024-06")}, d("2024-06-30"), true},
		{"after end", DateRange{To: d("2024-06")}, d("2024-07-01"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.r.Contains(tt.date); got != tt.want {
				t.Errorf("%v contains %v = %v, want %v", tt.r, tt.date, got, tt.want)
			}
		})
	}
	if err := (DateRange{From: d("2024"), To: d("2023")}).Validate("dates"); ErrorCode(err) != EINVALID {
		t.Errorf("an inverted range validates: %v", err)
	}
	if err := (DateRange{From: d("2024-06"), To: d("2024")}).Validate("dates"); err != nil {
		t.Errorf("a month inside its year is refused: %v", err)
	}
}

func TestNormalizeName(t *testing.T) {
	same := [][]string{
		{"International North–South Transport Corridor", "international north-south transport corridor", "INTERNATIONAL NORTH—SOUTH TRANSPORT CORRIDOR"},
		{"Şuşa", "Susa", "susa"},
		{"AIR Center", "air-center", "Air  Center"},
		{"Türkiye", "Turkiye"},
		{"Xi'an", "Xian"},
	}
	for _, group := range same {
		for _, s := range group[1:] {
			if NormalizeName(s) != NormalizeName(group[0]) {
				t.Errorf("NormalizeName(%q) = %q, NormalizeName(%q) = %q; want equal", s, NormalizeName(s), group[0], NormalizeName(group[0]))
			}
		}
	}
	for _, s := range []string{"", " – ", "!!!"} {
		if got := NormalizeName(s); got != "" {
			t.Errorf("NormalizeName(%q) = %q, want empty", s, got)
		}
	}
}

func TestPageRequestResolve(t *testing.T) {
	scope := Scope("meetings", MeetingDateAsc, MeetingFilter{})
	other := Scope("meetings", MeetingDateDesc, MeetingFilter{})
	n := func(i int) *int { return &i }
	s := func(v string) *string { return &v }
	good := Cursor{Scope: scope, Key: "2024-06-21", ID: "raec-5"}.Encode()
	tests := []struct {
		name      string
		req       PageRequest
		wantFirst int
		wantCode  string
	}{
		{"defaults", PageRequest{}, DefaultPageSize, ""},
		{"max", PageRequest{First: n(100)}, 100, ""},
		{"zero", PageRequest{First: n(0)}, 0, ""},
		{"over max", PageRequest{First: n(1000)}, 0, EINVALID},
		{"negative", PageRequest{First: n(-1)}, 0, EINVALID},
		{"garbage cursor", PageRequest{After: s("xyz")}, 0, EINVALID},
		{"cursor of this query", PageRequest{After: &good}, DefaultPageSize, ""},
		{"cursor of another order", PageRequest{After: s(Cursor{Scope: other, Key: "k", ID: "x"}.Encode())}, 0, EINVALID},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			first, _, err := tt.req.Resolve(scope)
			if ErrorCode(err) != tt.wantCode || first != tt.wantFirst {
				t.Errorf("Resolve = %d, %v; want %d, code %q", first, err, tt.wantFirst, tt.wantCode)
			}
		})
	}
}

func TestErrorCodesAndMessages(t *testing.T) {
	cause := errors.New("dial tcp 127.0.0.1:7687: connection refused")
	v := &ValidationError{Problems: []*Error{Invalidf("a", "one"), Invalidf("b", "two")}}
	tests := []struct {
		err      error
		wantCode string
		wantMsg  string
	}{
		{nil, "", ""},
		{cause, EINTERNAL, "internal error"},
		{Unavailable(cause), EUNAVAILABLE, "the database is unavailable; try again shortly"},
		{Errorf(ENOTFOUND, "no meeting %q", "x"), ENOTFOUND, `no meeting "x"`},
		{v, EINVALID, "a: one; b: two"},
	}
	for _, tt := range tests {
		if got := ErrorCode(tt.err); got != tt.wantCode {
			t.Errorf("ErrorCode(%v) = %q, want %q", tt.err, got, tt.wantCode)
		}
		if tt.err != nil {
			if got := ErrorMessage(tt.err); got != tt.wantMsg {
				t.Errorf("ErrorMessage(%v) = %q, want %q", tt.err, got, tt.wantMsg)
			}
		}
	}
	if !errors.Is(Unavailable(cause), cause) {
		t.Error("Unavailable loses its cause")
	}
}

// TestLean checks that a lean node lacks its relations, keeps its other
// fields, and that the node it was made from is left whole.
func TestLean(t *testing.T) {
	src := []SourceRef{{SourceID: "s"}}
	m := &Meeting{ID: "m", CouncilID: "c", PlaceID: "p", Title: "T", OrganizerIDs: []string{"i"}, ThemeIDs: []string{"t"},
		InitiativeIDs: []string{"x"}, Publications: []PublicationLink{{PublicationID: "pub"}}, Sources: src}
	p := &Person{ID: "p", Name: "N", Aliases: []string{"A"}, CountryID: "c", Affiliations: []Affiliation{{InstitutionID: "i"}}, Sources: src}
	i := &Institution{ID: "i", Name: "N", ParentID: "q", CountryID: "c", Sources: src}
	c := &Council{ID: "c", Name: "N", CountryIDs: []string{"a", "b"}, OrganizerIDs: []string{"i"}, Sources: src}
	pl := &Place{ID: "p", Name: "N", CountryID: "c", Sources: src}
	cases := []struct {
		name              string
		lean, want, whole any // the lean copy, what it should be, the node after
		wholeBefore       any
	}{
		{"a meeting keeps its council and place", *Lean(m), Meeting{ID: "m", CouncilID: "c", PlaceID: "p", Title: "T"}, *m, Meeting{ID: "m", CouncilID: "c", PlaceID: "p", Title: "T", OrganizerIDs: []string{"i"}, ThemeIDs: []string{"t"},
			InitiativeIDs: []string{"x"}, Publications: []PublicationLink{{PublicationID: "pub"}}, Sources: src}},
		{"a person keeps name and aliases", *Lean(p), Person{ID: "p", Name: "N", Aliases: []string{"A"}}, *p,
			Person{ID: "p", Name: "N", Aliases: []string{"A"}, CountryID: "c", Affiliations: []Affiliation{{InstitutionID: "i"}}, Sources: src}},
		{"an institution keeps its parent", *Lean(i), Institution{ID: "i", Name: "N", ParentID: "q"}, *i,
			Institution{ID: "i", Name: "N", ParentID: "q", CountryID: "c", Sources: src}},
		{"a council", *Lean(c), Council{ID: "c", Name: "N"}, *c,
			Council{ID: "c", Name: "N", CountryIDs: []string{"a", "b"}, OrganizerIDs: []string{"i"}, Sources: src}},
		{"a place", *Lean(pl), Place{ID: "p", Name: "N"}, *pl, Place{ID: "p", Name: "N", CountryID: "c", Sources: src}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if !reflect.DeepEqual(tc.lean, tc.want) {
				t.Errorf("lean %+v, want %+v", tc.lean, tc.want)
			}
			if !reflect.DeepEqual(tc.whole, tc.wholeBefore) {
				t.Errorf("the whole node changed: %+v", tc.whole)
			}
		})
	}
	if Lean[Meeting](nil) != nil {
		t.Error("Lean(nil) is not nil")
	}
	g := LeanGraph(&Graph{People: []*Person{p}, Institutions: []*Institution{i}}, []Kind{KindPerson})
	if g.People[0].Affiliations != nil || g.Institutions[0] != i || p.Affiliations == nil {
		t.Errorf("LeanGraph made the wrong kinds lean, or changed the nodes given: %+v", g)
	}
}

// TestGraphAppend checks that Append carries every collection of Graph: it
// fails when a collection is added to Graph and not to Append.
func TestGraphAppend(t *testing.T) {
	var x Graph
	v := reflect.ValueOf(&x).Elem()
	for i := 0; i < v.NumField(); i++ {
		f := v.Field(i)
		if f.Kind() != reflect.Slice {
			t.Fatalf("Graph.%s is not a slice", v.Type().Field(i).Name)
		}
		f.Set(reflect.Append(f, reflect.New(f.Type().Elem().Elem())))
	}
	g := Graph{}
	g.Append(&x)
	g.Append(&x)
	w := reflect.ValueOf(g)
	for i := 0; i < w.NumField(); i++ {
		if n := w.Field(i).Len(); n != 2 {
			t.Errorf("Graph.%s: %d after two appends of one, want 2", w.Type().Field(i).Name, n)
		}
	}
}

func TestProject(t *testing.T) {
	src := []SourceRef{{SourceID: "s"}}
	m := &Meeting{ID: "m", CouncilID: "c", PlaceID: "p", Title: "T", Date: Date{Year: 2024}, OrganizerIDs: []string{"i"}, Sources: src}
	p := &Person{ID: "p", Name: "N", Aliases: []string{"A"}, CountryID: "c", Affiliations: []Affiliation{{InstitutionID: "i"}}, Sources: src}
	cases := []struct {
		name      string
		got, want any
	}{
		{"a meeting's title: its council and place kept", *Project(m, []string{"Title"}), Meeting{ID: "m", CouncilID: "c", PlaceID: "p", Title: "T"}},
		{"a meeting, nothing named", *Project(m, nil), Meeting{ID: "m", CouncilID: "c", PlaceID: "p"}},
		{"a person's name and affiliations", *Project(p, []string{"Name", "Affiliations"}),
			Person{ID: "p", Name: "N", Affiliations: []Affiliation{{InstitutionID: "i"}}}},
		{"the node given is left whole", *p, Person{ID: "p", Name: "N", Aliases: []string{"A"}, CountryID: "c",
			Affiliations: []Affiliation{{InstitutionID: "i"}}, Sources: src}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if !reflect.DeepEqual(tc.got, tc.want) {
				t.Errorf("got %+v, want %+v", tc.got, tc.want)
			}
		})
	}
	if Project[Meeting](nil, nil) != nil {
		t.Error("Project(nil) is not nil")
	}
	if fs := ProjectableFields(KindMeeting); slices.Contains(fs, "ID") || slices.Contains(fs, "CouncilID") || !slices.Contains(fs, "Title") {
		t.Errorf("ProjectableFields(Meeting) = %v", fs)
	}
	if _, err := NewInclude(With{Fields: map[Kind][]string{KindPerson: {"Title"}}}); ErrorCode(err) != EINVALID {
		t.Errorf("a field a person lacks: %v, want EINVALID", err)
	}
}

// TestKnownNumbers checks that an unknown (0) speaking order or edition
// number reads as nil, which GraphQL shows as null, and a known one as
// itself.
func TestKnownNumbers(t *testing.T) {
	for _, n := range []int{0, 1, 7} {
		got := map[string]*int{
			"KnownOrder":   (&Appearance{Order: n}).KnownOrder(),
			"KnownOrdinal": (&Meeting{Ordinal: n}).KnownOrdinal(),
		}
		for name, p := range got {
			switch {
			case n == 0 && p != nil:
				t.Errorf("%s of 0 = %d, want nil", name, *p)
			case n != 0 && (p == nil || *p != n):
				t.Errorf("%s of %d = %v, want %d", name, n, p, n)
			}
		}
	}
}
