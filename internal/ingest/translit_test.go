package ingest

import "testing"

func TestSlugAndSourceID(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Igor Maslov", "igor-maslov"},
		{"3+3 consultative regional platform", "3-plus-3-consultative-regional-platform"},
		{"Russia–Azerbaijan Expert Council", "russia-azerbaijan-expert-council"},
		{"Şuşa", "susa"},
		{"Российско-Азербайджанский", "rossiisko-azerbaidzhanskii"},
		{"!!!", ""},
	}
	for _, tt := range tests {
		if got := Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	urls := []struct{ in, want string }{
		{"https://en.trend.az/azerbaijan/politics/3914731.html", "trend-3914731"},
		{"https://russiancouncil.ru/en/news/fifth-meeting-of-russia-azerbaijan-expert-council/?sphrase_id=1", "russiancouncil-fifth-meeting-of-russia-azerbaijan-expert-council"},
		{"https://example.org/", "example"},
	}
	for _, tt := range urls {
		if got := sourceID(tt.in); got != tt.want {
			t.Errorf("sourceID(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
