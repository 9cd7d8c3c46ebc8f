package dataset

import "github.com/expertgraph/expertgraph/internal/domain"

// recommendationEntry is one item of a meeting file's recommendations.
type recommendationEntry struct {
	at
	ID           string      `yaml:"id"`
	Kind         string      `yaml:"kind"`
	Text         string      `yaml:"text"`
	Order        int         `yaml:"order"` // 0: the position in the list, from 1
	Paraphrase   bool        `yaml:"paraphrase"`
	AttributedTo []string    `yaml:"attributedTo"`
	Initiatives  []string    `yaml:"initiatives"`
	Themes       []string    `yaml:"themes"`
	Countries    []string    `yaml:"countries"`
	Sources      []sourceRef `yaml:"sources"`
}

func (e *recommendationEntry) domain(meetingID string, position int) *domain.Recommendation {
	order := e.Order
	if order == 0 {
		order = position
	}
	return &domain.Recommendation{ID: e.ID, MeetingID: meetingID, Kind: domain.RecommendationKind(e.Kind),
		Text: e.Text, Order: order, Paraphrase: e.Paraphrase, AttributedTo: list(e.AttributedTo),
		InitiativeIDs: list(e.Initiatives), ThemeIDs: list(e.Themes), CountryIDs: list(e.Countries),
		Sources: sourceRefs(e.Sources)}
}
