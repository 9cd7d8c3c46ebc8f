package storetest

import (
	"fmt"
	"testing"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// ShortestPaths walks the edges listed in domain/analytics.go in both
// directions; PathEdge.From and To follow the edge's own direction. One
// AFFILIATED_WITH edge joins a person and an institution whether it comes from
// an affiliation, appearances, or both. Sources, Institution.ParentID,
// Recommendation.AttributedTo and Appearance.CountryID make no edges.
//
// Rule: a path from a node to itself is the node alone, without edges; a known
// node without edges (a source, a theme nobody mentions) is connected to nothing;
// maxHops is checked before the IDs.
func testShortestPaths(t *testing.T, s *suite) {
	st := s.loaded(t)
	fx := Fixture()
	e := func(typ, from, to string) domain.PathEdge { return domain.PathEdge{Type: typ, From: from, To: to} }
	path := func(nodes []string, edges ...domain.PathEdge) *domain.Path {
		p := &domain.Path{Edges: edges}
		for _, id := range nodes {
			p.Nodes = append(p.Nodes, ref(fx, id))
		}
		return p
	}
	ids := func(s ...string) []string { return s }
	type paths = []*domain.Path

	for _, tc := range []struct {
		name     string
		from, to string
		maxHops  int
		want     paths
	}{
		// One hop over each edge type, walked either way.
		{"PART_OF", "raec-3", "raec", 1, paths{path(ids("raec-3", "raec"), e(domain.EdgePartOf, "raec-3", "raec"))}},
		{"HELD_IN", "baku", "raec-4", 1, paths{path(ids("baku", "raec-4"), e(domain.EdgeHeldIn, "raec-4", "baku"))}},
		{"ORGANIZED_BY a meeting", "rked-2", "riac", 1, paths{path(ids("rked-2", "riac"), e(domain.EdgeOrganizedBy, "rked-2", "riac"))}},
		{"ORGANIZED_BY a council", "kisi", "rked", 1, paths{path(ids("kisi", "rked"), e(domain.EdgeOrganizedBy, "rked", "kisi"))}},
		{"APPEARED_AT", "raec-4", "anar-aliyev", 1,
			paths{path(ids("raec-4", "anar-aliyev"), e(domain.EdgeAppearedAt, "anar-aliyev", "raec-4"))}},
		{"AFFILIATED_WITH an affiliation", "elena-kuzmina", "riac", 1,
			paths{path(ids("elena-kuzmina", "riac"), e(domain.EdgeAffiliatedWith, "elena-kuzmina", "riac"))}},
		{"AFFILIATED_WITH appearances", "embassy-russia-baku", "dmitry-belov", 1,
			paths{path(ids("embassy-russia-baku", "dmitry-belov"), e(domain.EdgeAffiliatedWith, "dmitry-belov", "embassy-russia-baku"))}},
		{"AFFILIATED_WITH both, one edge", "pavel-orlov", "riac", 1,
			paths{path(ids("pavel-orlov", "riac"), e(domain.EdgeAffiliatedWith, "pavel-orlov", "riac"))}},
		{"PRODUCED", "raec-5-r1", "raec-5", 1, paths{path(ids("raec-5-r1", "raec-5"), e(domain.EdgeProduced, "raec-5", "raec-5-r1"))}},
		{"MENTIONS by a meeting", "rked-2", "sco", 1, paths{path(ids("rked-2", "sco"), e(domain.EdgeMentions, "rked-2", "sco"))}},
		{"MENTIONS by a recommendation", "three-plus-three", "raec-4-r2", 1,
			paths{path(ids("three-plus-three", "raec-4-r2"), e(domain.EdgeMentions, "raec-4-r2", "three-plus-three"))}},
		{"ABOUT by a meeting", "energy", "caspian-roundtable-2023", 1,
			paths{path(ids("energy", "caspian-roundtable-2023"), e(domain.EdgeAbout, "caspian-roundtable-2023", "energy"))}},
		{"ABOUT by a recommendation", "rked-1-r2", "security", 1,
			paths{path(ids("rked-1-r2", "security"), e(domain.EdgeAbout, "rked-1-r2", "security"))}},
		{"CONCERNS", "armenia", "raec-4-r2", 1, paths{path(ids("armenia", "raec-4-r2"), e(domain.EdgeConcerns, "raec-4-r2", "armenia"))}},
		{"BETWEEN", "kazakhstan", "rked", 1, paths{path(ids("kazakhstan", "rked"), e(domain.EdgeBetween, "rked", "kazakhstan"))}},
		{"BASED_IN", "mfa-russia", "russia", 1, paths{path(ids("mfa-russia", "russia"), e(domain.EdgeBasedIn, "mfa-russia", "russia"))}},
		{"LOCATED_IN", "azerbaijan", "shusha", 1, paths{path(ids("azerbaijan", "shusha"), e(domain.EdgeLocatedIn, "shusha", "azerbaijan"))}},
		{"CITIZEN_OF", "timur-zhakenov", "kazakhstan", 1,
			paths{path(ids("timur-zhakenov", "kazakhstan"), e(domain.EdgeCitizenOf, "timur-zhakenov", "kazakhstan"))}},
		{"PRESENTED", "riac-brief-2022", "raec-3", 1,
			paths{path(ids("riac-brief-2022", "raec-3"), e(domain.EdgePresented, "raec-3", "riac-brief-2022"))}},
		{"ANNOUNCED", "rked-1", "kisi-caspian-outlook", 1,
			paths{path(ids("rked-1", "kisi-caspian-outlook"), e(domain.EdgeAnnounced, "rked-1", "kisi-caspian-outlook"))}},
		{"PUBLISHED_BY", "air-center", "raec-joint-paper", 1,
			paths{path(ids("air-center", "raec-joint-paper"), e(domain.EdgePublishedBy, "raec-joint-paper", "air-center"))}},

		// Links that are not edges.
		{"a parent institution", "embassy-russia-baku", "mfa-russia", 1, nil},
		{"an attribution", "raec-4-r2", "rashad-hajiyev", 1, nil},
		{"an appearance's country", "dmitry-belov", "russia", 1, nil},
		{"a source", "src-riac-2024", "raec-5", 1, nil},
		{"a source, far", "src-riac-2022", "pavel-orlov", domain.MaxMaxHops, nil},
		{"a theme nobody mentions", "culture", "pavel-orlov", domain.MaxMaxHops, nil},

		// Several shortest paths, ordered by their node IDs.
		{"two meetings in common", "pavel-orlov", "timur-zhakenov", domain.DefaultMaxHops, paths{
			path(ids("pavel-orlov", "rked-1", "timur-zhakenov"),
				e(domain.EdgeAppearedAt, "pavel-orlov", "rked-1"), e(domain.EdgeAppearedAt, "timur-zhakenov", "rked-1")),
			path(ids("pavel-orlov", "rked-2", "timur-zhakenov"),
				e(domain.EdgeAppearedAt, "pavel-orlov", "rked-2"), e(domain.EdgeAppearedAt, "timur-zhakenov", "rked-2")),
		}},
		{"through recommendations", "instc", "azerbaijan", 2, paths{
			path(ids("instc", "caspian-roundtable-2023-r1", "azerbaijan"),
				e(domain.EdgeMentions, "caspian-roundtable-2023-r1", "instc"), e(domain.EdgeConcerns, "caspian-roundtable-2023-r1", "azerbaijan")),
			path(ids("instc", "raec-3-r2", "azerbaijan"),
				e(domain.EdgeMentions, "raec-3-r2", "instc"), e(domain.EdgeConcerns, "raec-3-r2", "azerbaijan")),
			path(ids("instc", "raec-5-r1", "azerbaijan"),
				e(domain.EdgeMentions, "raec-5-r1", "instc"), e(domain.EdgeConcerns, "raec-5-r1", "azerbaijan")),
		}},
		{"councils", "raec", "rked", 2, paths{
			path(ids("raec", "riac", "rked"), e(domain.EdgeOrganizedBy, "raec", "riac"), e(domain.EdgeOrganizedBy, "rked", "riac")),
			path(ids("raec", "russia", "rked"), e(domain.EdgeBetween, "raec", "russia"), e(domain.EdgeBetween, "rked", "russia")),
		}},
		{"three hops", "anar-aliyev", "timur-zhakenov", 3, paths{
			path(ids("anar-aliyev", "ada-university", "caspian-roundtable-2023", "timur-zhakenov"),
				e(domain.EdgeAffiliatedWith, "anar-aliyev", "ada-university"),
				e(domain.EdgeOrganizedBy, "caspian-roundtable-2023", "ada-university"),
				e(domain.EdgeAppearedAt, "timur-zhakenov", "caspian-roundtable-2023")),
		}},
		{"three hops the other way", "timur-zhakenov", "anar-aliyev", domain.MaxMaxHops, paths{
			path(ids("timur-zhakenov", "caspian-roundtable-2023", "ada-university", "anar-aliyev"),
				e(domain.EdgeAppearedAt, "timur-zhakenov", "caspian-roundtable-2023"),
				e(domain.EdgeOrganizedBy, "caspian-roundtable-2023", "ada-university"),
				e(domain.EdgeAffiliatedWith, "anar-aliyev", "ada-university")),
		}},
		{"not within maxHops", "anar-aliyev", "timur-zhakenov", 2, nil},
		{"to itself", "pavel-orlov", "pavel-orlov", 1, paths{path(ids("pavel-orlov"))}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := st.ShortestPaths(t.Context(), tc.from, tc.to, tc.maxHops)
			must(t, "ShortestPaths", err)
			check(t, fmt.Sprintf("ShortestPaths(%s, %s, %d)", tc.from, tc.to, tc.maxHops), got, tc.want)
		})
	}
	t.Run("errors", func(t *testing.T) {
		for _, c := range []struct {
			from, to string
			maxHops  int
			code     string
		}{
			{"pavel-orlov", "riac", 0, domain.EINVALID},
			{"pavel-orlov", "riac", -1, domain.EINVALID},
			{"pavel-orlov", "riac", domain.MaxMaxHops + 1, domain.EINVALID},
			{"no-such-id", "riac", 0, domain.EINVALID},
			{"no-such-id", "riac", 2, domain.EINVALID},
			{"pavel-orlov", "no-such-id", 2, domain.EINVALID},
			{"", "riac", 2, domain.EINVALID},
		} {
			_, err := st.ShortestPaths(t.Context(), c.from, c.to, c.maxHops)
			wantCode(t, fmt.Sprintf("ShortestPaths(%q, %q, %d)", c.from, c.to, c.maxHops), err, c.code)
		}
	})
	t.Run("at most MaxPaths", func(t *testing.T) {
		st := s.empty(t)
		g := crowd()
		must(t, "Upsert(crowd())", st.Upsert(t.Context(), g))
		var want paths
		for i := 1; i <= domain.MaxPaths; i++ {
			m := fmt.Sprintf("m-%02d", i)
			want = append(want, &domain.Path{
				Nodes: []domain.NodeRef{ref(g, "p-01"), ref(g, m), ref(g, "p-02")},
				Edges: []domain.PathEdge{e(domain.EdgeAppearedAt, "p-01", m), e(domain.EdgeAppearedAt, "p-02", m)},
			})
		}
		got, err := st.ShortestPaths(t.Context(), "p-01", "p-02", 2)
		must(t, "ShortestPaths", err)
		check(t, "ShortestPaths(p-01, p-02, 2)", got, want)
	})
}
