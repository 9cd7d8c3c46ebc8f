package storetest

import (
	"context"
	"testing"

	"github.com/expertgraph/expertgraph/internal/domain"
)

func testCouncils(t *testing.T, s *suite) {
	st := s.loaded(t)
	fx := Fixture()
	t.Run("Councils", func(t *testing.T) { batchCases(t, "Councils", st.Councils, fx.Councils, councilID) })

	for _, c := range []struct {
		name string
		f    domain.CouncilFilter
		want []string
	}{
		{"no filter", domain.CouncilFilter{}, []string{"raec", "rked"}},
		{"country in both", domain.CouncilFilter{CountryID: "russia"}, []string{"raec", "rked"}},
		{"country in one", domain.CouncilFilter{CountryID: "kazakhstan"}, []string{"rked"}},
		{"country in none", domain.CouncilFilter{CountryID: "armenia"}, nil},
		{"unknown country", domain.CouncilFilter{CountryID: "atlantis"}, nil},
		{"short name", domain.CouncilFilter{Name: "RAEC"}, []string{"raec"}},
		{"alias with another dash", domain.CouncilFilter{Name: "russian–azerbaijani"}, []string{"raec"}},
		{"name with a hyphen for an em dash", domain.CouncilFilter{Name: "Russia-Kazakhstan"}, []string{"rked"}},
		{"part of every name", domain.CouncilFilter{Name: "EXPERT"}, []string{"raec", "rked"}},
		// Rule: a name filter that normalises to "" matches everything.
		{"name of punctuation only", domain.CouncilFilter{Name: " – "}, []string{"raec", "rked"}},
		{"name and country", domain.CouncilFilter{Name: "expert", CountryID: "azerbaijan"}, []string{"raec"}},
		{"name and country apart", domain.CouncilFilter{Name: "RKED", CountryID: "azerbaijan"}, nil},
	} {
		t.Run("ListCouncils/"+c.name, func(t *testing.T) {
			checkFilter(t, c.want, nil, func(sort string) (*page, error) {
				conn, err := st.ListCouncils(t.Context(), domain.CouncilQuery{Filter: c.f, Sort: nameSort(sort), Page: first(100)})
				return toPage(conn, err, councilID)
			})
		})
	}
	t.Run("ListCouncils/unknown order", func(t *testing.T) {
		_, err := st.ListCouncils(t.Context(), domain.CouncilQuery{Sort: "NEWEST"})
		wantCode(t, "ListCouncils", err, domain.EINVALID)
	})
}

func councilList() listCase {
	return listCase{
		name: "ListCouncils",
		asc:  []string{"raec", "rked"},
		desc: []string{"rked", "raec"},
		list: func(ctx context.Context, s domain.Store, a listArgs) (*page, error) {
			q := domain.CouncilQuery{Sort: nameSort(a.sort), Page: a.page}
			if a.alt {
				q.Filter.CountryID = "russia"
			}
			c, err := s.ListCouncils(ctx, q)
			return toPage(c, err, councilID)
		},
	}
}
