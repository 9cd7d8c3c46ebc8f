package storetest

import (
	"context"
	"testing"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// The fixture's people by normalised name: Yelena Kuzmina (elena-kuzmina) sorts last.
var peopleAsc = []string{"anar-aliyev", "aydin-aliyev", "dmitry-belov", "farida-mammadova", "pavel-orlov",
	"rashad-hajiyev", "timur-zhakenov", "elena-kuzmina"}

func testPeople(t *testing.T, s *suite) {
	st := s.loaded(t)
	fx := Fixture()
	t.Run("People", func(t *testing.T) { batchCases(t, "People", st.People, fx.People, personID) })

	for _, c := range []struct {
		name string
		f    domain.PersonFilter
		want []string
	}{
		{"no filter", domain.PersonFilter{}, peopleAsc},
		{"institution by affiliation and appearance", domain.PersonFilter{InstitutionID: "air-center"},
			[]string{"aydin-aliyev", "farida-mammadova", "rashad-hajiyev"}},
		{"institution by affiliation only", domain.PersonFilter{InstitutionID: "riac"}, []string{"pavel-orlov", "elena-kuzmina"}},
		{"institution by appearance only", domain.PersonFilter{InstitutionID: "embassy-russia-baku"}, []string{"dmitry-belov"}},
		{"institution nobody is at", domain.PersonFilter{InstitutionID: "mfa-russia"}, nil},
		// Rule: CountryID is the person's country. Dmitry Belov, without one,
		// represented Russia at raec-4 and is not found.
		{"country", domain.PersonFilter{CountryID: "russia"}, []string{"pavel-orlov", "elena-kuzmina"}},
		{"other country", domain.PersonFilter{CountryID: "azerbaijan"},
			[]string{"anar-aliyev", "aydin-aliyev", "farida-mammadova", "rashad-hajiyev"}},
		{"country of nobody", domain.PersonFilter{CountryID: "armenia"}, nil},
		{"council", domain.PersonFilter{CouncilID: "rked"}, []string{"pavel-orlov", "timur-zhakenov", "elena-kuzmina"}},
		{"other council", domain.PersonFilter{CouncilID: "raec"},
			[]string{"anar-aliyev", "aydin-aliyev", "dmitry-belov", "farida-mammadova", "pavel-orlov", "rashad-hajiyev", "elena-kuzmina"}},
		{"role", domain.PersonFilter{Role: domain.RoleModerator},
			[]string{"farida-mammadova", "pavel-orlov", "timur-zhakenov", "elena-kuzmina"}},
		{"other role", domain.PersonFilter{Role: domain.RolePanellist}, []string{"anar-aliyev", "aydin-aliyev", "elena-kuzmina"}},
		{"role held once", domain.PersonFilter{Role: domain.RoleParticipant}, []string{"dmitry-belov"}},
		{"part of names", domain.PersonFilter{Name: "aliyev"}, []string{"anar-aliyev", "aydin-aliyev"}},
		{"shared alias", domain.PersonFilter{Name: "A. Aliyev"}, []string{"anar-aliyev", "aydin-aliyev"}},
		{"transliteration", domain.PersonFilter{Name: "Gadzhiev"}, []string{"rashad-hajiyev"}},
		{"diacritics", domain.PersonFilter{Name: "HACIYEV"}, []string{"rashad-hajiyev"}},
		{"other spelling", domain.PersonFilter{Name: "Elena"}, []string{"elena-kuzmina"}},
		{"cyrillic", domain.PersonFilter{Name: "Орлов"}, []string{"pavel-orlov"}},
		{"country and role", domain.PersonFilter{CountryID: "azerbaijan", Role: domain.RolePanellist}, []string{"anar-aliyev", "aydin-aliyev"}},
		{"council and institution", domain.PersonFilter{CouncilID: "rked", InstitutionID: "mgimo"}, []string{"elena-kuzmina"}},
		// Rule: each field is a condition on the person on its own: Pavel Orlov
		// moderated at raec-3 and spoke at rked-1, so he is found here.
		{"council and role apart", domain.PersonFilter{CouncilID: "rked", Role: domain.RoleModerator},
			[]string{"pavel-orlov", "timur-zhakenov", "elena-kuzmina"}},
	} {
		t.Run("ListPeople/"+c.name, func(t *testing.T) {
			checkFilter(t, c.want, nil, func(sort string) (*page, error) {
				conn, err := st.ListPeople(t.Context(), domain.PersonQuery{Filter: c.f, Sort: domain.PersonSort(nameSort(sort)), Page: first(100)})
				return toPage(conn, err, personID)
			})
		})
	}
	t.Run("ListPeople/invalid", func(t *testing.T) {
		for name, q := range map[string]domain.PersonQuery{
			"unknown order": {Sort: "AGE"},
			"unknown role":  {Filter: domain.PersonFilter{Role: "SINGER"}},
		} {
			_, err := st.ListPeople(t.Context(), q)
			wantCode(t, name, err, domain.EINVALID)
		}
	})

	// AppearancesByPerson orders by the meeting's date, then meeting ID.
	apps := func(person string, meetings ...string) []*domain.Appearance {
		out := make([]*domain.Appearance, len(meetings))
		for i, m := range meetings {
			for _, a := range fx.Appearances {
				if a.MeetingID == m && a.PersonID == person {
					out[i] = a
				}
			}
		}
		return out
	}
	byPerson := map[string][]*domain.Appearance{
		"pavel-orlov":      apps("pavel-orlov", "raec-3", "raec-4", "rked-1", "rked-2", "raec-5"),
		"farida-mammadova": apps("farida-mammadova", "raec-3", "raec-4", "raec-5"),
		"rashad-hajiyev":   apps("rashad-hajiyev", "raec-3", "raec-4", "raec-5"),
		"elena-kuzmina":    apps("elena-kuzmina", "raec-3", "rked-1", "rked-2", "raec-5"),
		"anar-aliyev":      apps("anar-aliyev", "raec-4"),
		"aydin-aliyev":     apps("aydin-aliyev", "raec-4", "caspian-roundtable-2023"),
		"dmitry-belov":     apps("dmitry-belov", "raec-4", "caspian-roundtable-2023", "raec-5"),
		"timur-zhakenov":   apps("timur-zhakenov", "caspian-roundtable-2023", "rked-1", "rked-2"),
	}
	for _, ids := range [][]string{
		peopleAsc,
		{"timur-zhakenov", "no-such-person", "raec-5", "dmitry-belov", "timur-zhakenov"},
		{},
	} {
		t.Run("AppearancesByPerson", func(t *testing.T) {
			got, err := st.AppearancesByPerson(t.Context(), ids)
			must(t, "AppearancesByPerson", err)
			want := make([][]*domain.Appearance, len(ids))
			for i, id := range ids {
				want[i] = byPerson[id]
			}
			if len(got) != len(ids) {
				t.Errorf("AppearancesByPerson(%q) returned %d slices, want %d", ids, len(got), len(ids))
			}
			check(t, "AppearancesByPerson", got, want)
		})
	}
}

func personList() listCase {
	return listCase{
		name: "ListPeople",
		asc:  peopleAsc,
		desc: reversed(peopleAsc),
		list: func(ctx context.Context, s domain.Store, a listArgs) (*page, error) {
			q := domain.PersonQuery{Sort: domain.PersonSort(nameSort(a.sort)), Page: a.page}
			if a.alt {
				q.Filter.Role = domain.RoleSpeaker
			}
			c, err := s.ListPeople(ctx, q)
			return toPage(c, err, personID)
		},
	}
}
