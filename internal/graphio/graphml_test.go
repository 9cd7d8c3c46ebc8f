package graphio

import (
	"bytes"
	"encoding/xml"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// parsedGraphML is what a GraphML reader sees of a document.
type parsedGraphML struct {
	XMLName xml.Name `xml:"http://graphml.graphdrawing.org/xmlns graphml"`
	Keys    []struct {
		ID   string `xml:"id,attr"`
		For  string `xml:"for,attr"`
		Name string `xml:"attr.name,attr"`
		Type string `xml:"attr.type,attr"`
	} `xml:"key"`
	Graph struct {
		EdgeDefault string `xml:"edgedefault,attr"`
		Nodes       []struct {
			ID   string    `xml:"id,attr"`
			Data []xmlData `xml:"data"`
		} `xml:"node"`
		Edges []struct {
			ID     string    `xml:"id,attr"`
			Source string    `xml:"source,attr"`
			Target string    `xml:"target,attr"`
			Data   []xmlData `xml:"data"`
		} `xml:"edge"`
	} `xml:"graph"`
}

func TestWriteGraphML(t *testing.T) {
	g := seedGraph(t)
	var b bytes.Buffer
	if err := WriteGraphML(&b, g); err != nil {
		t.Fatal(err)
	}
	var doc parsedGraphML
	if err := xml.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatalf("not XML: %v", err)
	}

	keyFor := map[string]string{}
	for _, k := range doc.Keys {
		keyFor[k.ID] = k.For
	}
	kinds := map[string]int{}
	nodeIDs := map[string]bool{}
	for _, n := range doc.Graph.Nodes {
		if nodeIDs[n.ID] {
			t.Errorf("node %s twice", n.ID)
		}
		nodeIDs[n.ID] = true
		data := map[string]string{}
		for _, d := range n.Data {
			if keyFor[d.Key] != "node" {
				t.Errorf("node %s: data key %q is not a declared node key", n.ID, d.Key)
			}
			data[d.Key] = d.Value
		}
		if data["name"] == "" || data["label"] != data["name"] {
			t.Errorf("node %s: name %q, label %q", n.ID, data["name"], data["label"])
		}
		kinds[data["kind"]]++
	}
	wantKinds := map[string]int{}
	for _, k := range g.Kinds() {
		wantKinds[string(k)]++
	}
	if diff := cmp.Diff(wantKinds, kinds); diff != "" {
		t.Errorf("nodes per kind (-want +got):\n%s", diff)
	}

	types := map[string]int{}
	var appearedAt map[string]string
	for _, e := range doc.Graph.Edges {
		if !nodeIDs[e.Source] || !nodeIDs[e.Target] {
			t.Errorf("edge %s: %s -> %s is not between nodes", e.ID, e.Source, e.Target)
		}
		data := map[string]string{}
		for _, d := range e.Data {
			if keyFor[d.Key] != "edge" {
				t.Errorf("edge %s: data key %q is not a declared edge key", e.ID, d.Key)
			}
			data[d.Key] = d.Value
		}
		types[data["type"]]++
		if data["type"] == domain.EdgeAppearedAt && e.Source == "farid-shafiyev" && e.Target == "raec-5" {
			appearedAt = data
		}
	}
	// Each edge type counted from the graph in the plainest way.
	want := map[string]int{}
	sources := func(refs []domain.SourceRef) { want[EdgeReportedBy] += len(refs) }
	want[domain.EdgeLocatedIn] = len(g.Places)
	for _, x := range g.Countries {
		sources(x.Sources)
	}
	for _, x := range g.Places {
		sources(x.Sources)
	}
	for _, x := range g.Initiatives {
		sources(x.Sources)
	}
	for _, x := range g.Themes {
		sources(x.Sources)
	}
	for _, x := range g.Institutions {
		if x.CountryID != "" {
			want[domain.EdgeBasedIn]++
		}
		if x.ParentID != "" {
			want[domain.EdgePartOf]++
		}
		sources(x.Sources)
	}
	affiliated := map[[2]string]bool{}
	for _, x := range g.People {
		if x.CountryID != "" {
			want[domain.EdgeCitizenOf]++
		}
		for _, a := range x.Affiliations {
			want[domain.EdgeAffiliatedWith]++
			affiliated[[2]string{x.ID, a.InstitutionID}] = true
		}
		sources(x.Sources)
	}
	for _, x := range g.Councils {
		want[domain.EdgeBetween] += len(x.CountryIDs)
		want[domain.EdgeOrganizedBy] += len(x.OrganizerIDs)
		sources(x.Sources)
	}
	for _, x := range g.Publications {
		want[domain.EdgePublishedBy] += len(x.InstitutionIDs)
		sources(x.Sources)
	}
	for _, x := range g.Meetings {
		if x.CouncilID != "" {
			want[domain.EdgePartOf]++
		}
		if x.PlaceID != "" {
			want[domain.EdgeHeldIn]++
		}
		want[domain.EdgeOrganizedBy] += len(x.OrganizerIDs)
		want[domain.EdgeAbout] += len(x.ThemeIDs)
		want[domain.EdgeMentions] += len(x.InitiativeIDs)
		for _, p := range x.Publications {
			want[string(p.Relation)]++ // PRESENTED, ANNOUNCED
		}
		sources(x.Sources)
	}
	want[domain.EdgeAppearedAt] = len(g.Appearances)
	for _, x := range g.Appearances {
		if k := [2]string{x.PersonID, x.InstitutionID}; x.InstitutionID != "" && !affiliated[k] {
			affiliated[k] = true
			want[domain.EdgeAffiliatedWith]++
		}
	}
	want[domain.EdgeProduced] = len(g.Recommendations)
	for _, x := range g.Recommendations {
		want[domain.EdgeMentions] += len(x.InitiativeIDs)
		want[domain.EdgeAbout] += len(x.ThemeIDs)
		want[domain.EdgeConcerns] += len(x.CountryIDs)
		want[EdgeAttributedTo] += len(x.AttributedTo)
		sources(x.Sources)
	}
	for typ, n := range want {
		if n == 0 {
			delete(want, typ)
		}
	}
	if diff := cmp.Diff(want, types); diff != "" {
		t.Errorf("edges per type (-want +got):\n%s", diff)
	}
	t.Logf("seed: %d nodes, %d edges", len(doc.Graph.Nodes), len(doc.Graph.Edges))

	// seed/meetings/raec-5.yaml
	wantApp := map[string]string{"type": "APPEARED_AT", "edgelabel": "APPEARED_AT", "role": "OPENING_SPEECH; MODERATOR",
		"title": "Chairman", "institution": "air-center", "country": "azerbaijan", "order": "6",
		"sources": "riac-raec-5; azertac-raec-5; trend-raec-5; azernews-raec-5"}
	if diff := cmp.Diff(wantApp, appearedAt); diff != "" {
		t.Errorf("Farid Shafiyev at raec-5 (-want +got):\n%s", diff)
	}
}

func TestWriteGraphMLLeavesOutDanglingEdges(t *testing.T) {
	g := fullGraph()
	g.Countries = nil // places, people, councils, ... point to countries no longer there
	var b bytes.Buffer
	if err := WriteGraphML(&b, g); err != nil {
		t.Fatal(err)
	}
	var doc parsedGraphML
	if err := xml.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	for _, e := range doc.Graph.Edges {
		if e.Target == "aland" || e.Target == "borduria" {
			t.Errorf("edge %s -> %s to a node not in the graph", e.Source, e.Target)
		}
	}
}
