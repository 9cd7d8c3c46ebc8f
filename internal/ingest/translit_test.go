package ingest

import "testing"

func TestVariantKey(t *testing.T) {
	same := [][]string{
		{"Hikmet Hajiyev", "Hikmet Hajiev", "Hikmet Gadzhiev", "Hikmət Hacıyev"},
		{"Elshad Iskandarov", "Elshad Isgandarov", "Elshad Iskenderov", "Elşad İsgəndərov"},
		{"Mikhail Evdokimov", "Mikhail Yevdokimov"},
		{"Farid Shafiyev", "Farid Shafiev", "Fərid Şəfiyev"},
		{"Ivan Timofeev", "Ivan Timofeyev"},
		{"Andrey Bystritskiy", "Andrei Bystritskii"},
		{"Jeyhun Bayramov", "Ceyhun Bayramov", "Dzheykhun Bayramov"},
		{"Sergey Lavrov", "Sergei Lavrov", "Сергей Лавров"},
	}
	for _, group := range same {
		for _, n := range group[1:] {
			if VariantKey(n) != VariantKey(group[0]) {
				t.Errorf("VariantKey(%q) = %q, VariantKey(%q) = %q; want equal", n, VariantKey(n), group[0], VariantKey(group[0]))
			}
		}
	}
	different := [][2]string{
		{"Ivan Ivanov", "Ivan Ivanova"},
		{"Akmal Saidov", "Bakhtiyor Saidov"},
		{"Igor Maslov", "Igor Maslennikov"},
	}
	for _, p := range different {
		if VariantKey(p[0]) == VariantKey(p[1]) {
			t.Errorf("VariantKey(%q) = VariantKey(%q) = %q; want different", p[0], p[1], VariantKey(p[0]))
		}
	}
}

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
