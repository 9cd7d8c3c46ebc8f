package storetest

import (
	"strings"
	"testing"

	"github.com/expertgraph/expertgraph/internal/domain"
)

func testResolve(t *testing.T, s *suite) {
	st := s.loaded(t)
	fx := Fixture()
	refs := func(ids ...string) []*domain.NodeRef {
		out := make([]*domain.NodeRef, len(ids))
		kinds := fx.Kinds()
		for i, id := range ids {
			if kinds[id] != "" {
				r := ref(fx, id)
				out[i] = &r
			}
		}
		return out
	}
	var all []string
	for id := range fx.Kinds() {
		all = append(all, id)
	}
	for name, ids := range map[string][]string{
		"every node": all,
		"mixed": {"raec-5", "no-such-id", "pavel-orlov", "raec-5-r1", "src-trend-2023", "src-riac-2024", "trade", "raec-5", "",
			"raec", "baku", "russia", "instc", "air-center", "raec-joint-paper"},
		"none": {},
	} {
		t.Run(name, func(t *testing.T) {
			got, err := st.Resolve(t.Context(), ids)
			must(t, "Resolve", err)
			if len(got) != len(ids) {
				t.Errorf("Resolve returned %d refs for %d IDs", len(got), len(ids))
			}
			check(t, "Resolve", got, refs(ids...))
		})
	}
}

func testLookup(t *testing.T, s *suite) {
	st := s.loaded(t)
	fx := Fixture()
	refs := func(ids ...string) []*domain.NodeRef {
		out := []*domain.NodeRef{}
		for _, id := range ids {
			r := ref(fx, id)
			out = append(out, &r)
		}
		return out
	}
	kinds := func(k ...domain.Kind) []domain.Kind { return k }
	for _, c := range []struct {
		name  string
		kinds []domain.Kind
		want  []*domain.NodeRef
	}{
		{"INSTC", nil, refs("instc")},
		{"instc", nil, refs("instc")},
		{"north-south corridor", nil, refs("instc")},
		{"NORTH—SOUTH CORRIDOR", nil, refs("instc")},
		{"North – South  Corridor", nil, refs("instc")},
		{"International North-South Transport Corridor", nil, refs("instc")},
		{"Sever-Yug", nil, refs("instc")},
		{"north south", nil, nil}, // a whole name, not a part of one
		{"Rashad Gadzhiev", nil, refs("rashad-hajiyev")},
		{"RƏŞAD HACIYEV", nil, refs("rashad-hajiyev")},
		{"Resad Haciyev", nil, refs("rashad-hajiyev")},
		{"Gadzhiev", nil, nil},
		{"Aydin Aliyev", nil, refs("aydin-aliyev")},
		{"A. Aliyev", nil, refs("anar-aliyev", "aydin-aliyev")},
		{"a aliyev", kinds(domain.KindPerson), refs("anar-aliyev", "aydin-aliyev")},
		{"Astana", nil, refs("astana", "astana-process")}, // by kind as in AllKinds: places before initiatives
		{"astana", kinds(domain.KindInitiative), refs("astana-process")},
		{"ASTANA", kinds(domain.KindPlace, domain.KindCouncil), refs("astana")},
		{"Astana", kinds(domain.KindPerson), nil},
		{"Şuşa", nil, refs("shusha")},
		{"susa", nil, refs("shusha")},
		{"Azərbaycan", nil, refs("azerbaijan")},
		{"Russia", nil, refs("russia")},
		{"AIR Center", nil, refs("air-center")},
		{"Russian Council", nil, refs("riac")},
		{"3+3", nil, refs("three-plus-three")},
		{"RAEC", nil, refs("raec")},
		{"Russia-Kazakhstan Expert Dialogue", nil, refs("rked")},
		{"trade", nil, refs("trade")},
		{"Fifth Meeting of the Russia-Azerbaijan Expert Council", nil, refs("raec-5")},
		{"Caspian Connectivity Outlook", nil, refs("kisi-caspian-outlook")},
		// The source of the same title is never found; the meeting is.
		{"Caspian connectivity roundtable", nil, refs("caspian-roundtable-2023")},
		{"Trend", nil, nil},
		{"Prepare a joint paper for the next meeting.", nil, nil},
		{"Third RAEC meeting held in Moscow", kinds(domain.KindSource, domain.KindRecommendation), nil},
		{"Atlantis", nil, nil},
		// Rule: 200 characters are counted in runes.
		{strings.Repeat("é", 200), nil, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := st.Lookup(t.Context(), c.name, c.kinds)
			must(t, "Lookup", err)
			check(t, "Lookup", got, c.want)
		})
	}
	t.Run("invalid", func(t *testing.T) {
		for _, c := range []struct {
			why   string
			name  string
			kinds []domain.Kind
		}{
			{"empty", "", nil},
			// Rule: a name that normalises to "" is as empty as "".
			{"blank", "   ", nil},
			{"dashes only", " – — - ", nil},
			{"over 200 characters", strings.Repeat("é", 201), nil},
			// Rule: an unknown kind is EINVALID, like every unknown enum value.
			{"unknown kind", "Astana", []domain.Kind{domain.KindPlace, "PLANET"}},
		} {
			_, err := st.Lookup(t.Context(), c.name, c.kinds)
			wantCode(t, c.why, err, domain.EINVALID)
		}
	})
}
