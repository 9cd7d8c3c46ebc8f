package storetest

import (
	"context"
	"testing"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// The fixture's institutions by normalised name ("mgimo university" before "ministry ...").
var institutionsAsc = []string{"ada-university", "air-center", "embassy-russia-baku", "kisi", "mgimo", "mfa-russia",
	"pa-azerbaijan", "riac"}

func testInstitutions(t *testing.T, s *suite) {
	st := s.loaded(t)
	fx := Fixture()
	t.Run("Institutions", func(t *testing.T) {
		batchCases(t, "Institutions", st.Institutions, fx.Institutions, institutionID)
	})

	for _, c := range []struct {
		name string
		f    domain.InstitutionFilter
		want []string
	}{
		{"no filter", domain.InstitutionFilter{}, institutionsAsc},
		{"country", domain.InstitutionFilter{CountryID: "azerbaijan"}, []string{"ada-university", "air-center", "pa-azerbaijan"}},
		{"other country", domain.InstitutionFilter{CountryID: "russia"}, []string{"embassy-russia-baku", "mgimo", "mfa-russia", "riac"}},
		{"country without institutions", domain.InstitutionFilter{CountryID: "armenia"}, nil},
		{"kind", domain.InstitutionFilter{Kind: domain.InstitutionThinkTank}, []string{"air-center", "kisi", "riac"}},
		{"other kind", domain.InstitutionFilter{Kind: domain.InstitutionUniversity}, []string{"ada-university", "mgimo"}},
		{"kind without institutions", domain.InstitutionFilter{Kind: domain.InstitutionCompany}, nil},
		{"short name", domain.InstitutionFilter{Name: "AIR Center"}, []string{"air-center"}},
		{"name and alias", domain.InstitutionFilter{Name: "International Relations"}, []string{"air-center", "mgimo"}},
		{"alias", domain.InstitutionFilter{Name: "kisi"}, []string{"kisi"}},
		{"part of names", domain.InstitutionFilter{Name: "Russian Federation"}, []string{"embassy-russia-baku", "mfa-russia"}},
		{"country and kind", domain.InstitutionFilter{CountryID: "russia", Kind: domain.InstitutionThinkTank}, []string{"riac"}},
	} {
		t.Run("ListInstitutions/"+c.name, func(t *testing.T) {
			checkFilter(t, c.want, nil, func(sort string) (*page, error) {
				conn, err := st.ListInstitutions(t.Context(), domain.InstitutionQuery{Filter: c.f, Sort: domain.InstitutionSort(nameSort(sort)), Page: first(100)})
				return toPage(conn, err, institutionID)
			})
		})
	}
	t.Run("ListInstitutions/invalid", func(t *testing.T) {
		for name, q := range map[string]domain.InstitutionQuery{
			"unknown order": {Sort: "SIZE_DESC"},
			"unknown kind":  {Filter: domain.InstitutionFilter{Kind: "BANK"}},
		} {
			_, err := st.ListInstitutions(t.Context(), q)
			wantCode(t, name, err, domain.EINVALID)
		}
	})
}

func institutionList() listCase {
	return listCase{
		name: "ListInstitutions",
		asc:  institutionsAsc,
		desc: reversed(institutionsAsc),
		list: func(ctx context.Context, s domain.Store, a listArgs) (*page, error) {
			q := domain.InstitutionQuery{Sort: domain.InstitutionSort(nameSort(a.sort)), Page: a.page}
			if a.alt {
				q.Filter.Kind = domain.InstitutionThinkTank
			}
			c, err := s.ListInstitutions(ctx, q)
			return toPage(c, err, institutionID)
		},
	}
}
