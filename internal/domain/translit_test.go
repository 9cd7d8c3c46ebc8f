package domain

import "testing"

// TestVariantKey checks the groups of names that search and ingest must
// take for one person, and names they must keep apart.
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
