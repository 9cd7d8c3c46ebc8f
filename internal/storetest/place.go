package storetest

import (
	"context"
	"testing"

	"github.com/expertgraph/expertgraph/internal/domain"
)

var (
	countriesAsc = []string{"armenia", "azerbaijan", "iran", "kazakhstan", "russia"}
	placesAsc    = []string{"astana", "baku", "moscow", "shusha"}
)

func testCountries(t *testing.T, s *suite) {
	st := s.loaded(t)
	fx := Fixture()
	t.Run("Countries", func(t *testing.T) { batchCases(t, "Countries", st.Countries, fx.Countries, countryID) })

	for _, c := range []struct {
		name string
		f    domain.NameFilter
		want []string
	}{
		{"no filter", domain.NameFilter{}, countriesAsc},
		{"alias with diacritics", domain.NameFilter{Name: "AZƏRBAYCAN"}, []string{"azerbaijan"}},
		{"alias without diacritics", domain.NameFilter{Name: "Azerbaycan"}, []string{"azerbaijan"}},
		{"part of an alias", domain.NameFilter{Name: "federation"}, []string{"russia"}},
		{"part of aliases", domain.NameFilter{Name: "Republic"}, []string{"azerbaijan", "iran"}},
		{"no match", domain.NameFilter{Name: "Atlantis"}, nil},
	} {
		t.Run("ListCountries/"+c.name, func(t *testing.T) {
			checkFilter(t, c.want, nil, func(sort string) (*page, error) {
				conn, err := st.ListCountries(t.Context(), domain.CountryQuery{Filter: c.f, Sort: nameSort(sort), Page: first(100)})
				return toPage(conn, err, countryID)
			})
		})
	}
	t.Run("ListCountries/unknown order", func(t *testing.T) {
		_, err := st.ListCountries(t.Context(), domain.CountryQuery{Sort: "name_asc"})
		wantCode(t, "ListCountries", err, domain.EINVALID)
	})
}

func testPlaces(t *testing.T, s *suite) {
	st := s.loaded(t)
	fx := Fixture()
	t.Run("Places", func(t *testing.T) { batchCases(t, "Places", st.Places, fx.Places, placeID) })

	for _, c := range []struct {
		name string
		f    domain.PlaceFilter
		want []string
	}{
		{"no filter", domain.PlaceFilter{}, placesAsc},
		{"country", domain.PlaceFilter{CountryID: "azerbaijan"}, []string{"baku", "shusha"}},
		{"country without places", domain.PlaceFilter{CountryID: "iran"}, nil},
		{"alias with diacritics", domain.PlaceFilter{Name: "ŞUŞA"}, []string{"shusha"}},
		{"alias with a hyphen", domain.PlaceFilter{Name: "nur sultan"}, []string{"astana"}},
		{"country and alias", domain.PlaceFilter{CountryID: "azerbaijan", Name: "Baki"}, []string{"baku"}},
		{"country and name apart", domain.PlaceFilter{CountryID: "russia", Name: "Baku"}, nil},
	} {
		t.Run("ListPlaces/"+c.name, func(t *testing.T) {
			checkFilter(t, c.want, nil, func(sort string) (*page, error) {
				conn, err := st.ListPlaces(t.Context(), domain.PlaceQuery{Filter: c.f, Sort: nameSort(sort), Page: first(100)})
				return toPage(conn, err, placeID)
			})
		})
	}
	t.Run("ListPlaces/unknown order", func(t *testing.T) {
		_, err := st.ListPlaces(t.Context(), domain.PlaceQuery{Sort: "SOUTH_TO_NORTH"})
		wantCode(t, "ListPlaces", err, domain.EINVALID)
	})
}

func countryList() listCase {
	return listCase{
		name: "ListCountries",
		asc:  countriesAsc,
		desc: reversed(countriesAsc),
		list: func(ctx context.Context, s domain.Store, a listArgs) (*page, error) {
			q := domain.CountryQuery{Sort: nameSort(a.sort), Page: a.page}
			if a.alt {
				q.Filter.Name = "a"
			}
			c, err := s.ListCountries(ctx, q)
			return toPage(c, err, countryID)
		},
	}
}

func placeList() listCase {
	return listCase{
		name: "ListPlaces",
		asc:  placesAsc,
		desc: reversed(placesAsc),
		list: func(ctx context.Context, s domain.Store, a listArgs) (*page, error) {
			q := domain.PlaceQuery{Sort: nameSort(a.sort), Page: a.page}
			if a.alt {
				q.Filter.CountryID = "azerbaijan"
			}
			c, err := s.ListPlaces(ctx, q)
			return toPage(c, err, placeID)
		},
	}
}
