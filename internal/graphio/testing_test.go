package graphio

import (
	"fmt"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// bigGraph returns a valid graph of n meetings, each with three appearances
// and two recommendations.
func bigGraph(n int) *domain.Graph {
	g := fullGraph()
	src := []domain.SourceRef{{SourceID: "report"}}
	for i := range 50 {
		g.People = append(g.People, &domain.Person{ID: fmt.Sprintf("p-%d", i), Name: fmt.Sprintf("Person %d", i)})
	}
	for i := range n {
		m := &domain.Meeting{ID: fmt.Sprintf("abc-m%d", i), CouncilID: "abc", Ordinal: i + 2, Title: fmt.Sprintf("Meeting %d", i),
			Date: domain.Date{Year: 1950 + i%100, Month: i%12 + 1}, PlaceID: "szohod", Sources: src}
		g.Meetings = append(g.Meetings, m)
		for j := range 3 {
			g.Appearances = append(g.Appearances, &domain.Appearance{MeetingID: m.ID, PersonID: fmt.Sprintf("p-%d", (i+j*7)%50),
				Roles: []domain.Role{domain.RoleSpeaker}, InstitutionID: "centre", Order: j + 1, Sources: src})
		}
		for j := range 2 {
			g.Recommendations = append(g.Recommendations, &domain.Recommendation{ID: fmt.Sprintf("%s-r%d", m.ID, j),
				MeetingID: m.ID, Kind: domain.RecommendationConclusion, Text: "A conclusion.", Order: j + 1,
				ThemeIDs: []string{"transport"}, Sources: src})
		}
	}
	return g
}
