package storetest

import (
	"context"
	"testing"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// The fixture's sources by normalised title; src-trend-2023 has none and sorts first.
var sourcesAsc = []string{"src-trend-2023", "src-air-2023", "src-kisi-2023", "src-caspian-2023", "src-riac-2024",
	"src-rked-2", "src-riac-2022"}

func testSources(t *testing.T, s *suite) {
	st := s.loaded(t)
	fx := Fixture()
	t.Run("Sources", func(t *testing.T) { batchCases(t, "Sources", st.Sources, fx.Sources, sourceID) })

	// A NameFilter on sources matches the title only.
	for _, c := range []struct {
		name string
		f    domain.NameFilter
		want []string
	}{
		{"no filter", domain.NameFilter{}, sourcesAsc},
		{"part of titles", domain.NameFilter{Name: "RAEC"}, []string{"src-air-2023", "src-riac-2022"}},
		{"dashes", domain.NameFilter{Name: "Russia—Kazakhstan"}, []string{"src-kisi-2023", "src-rked-2"}},
		{"one title", domain.NameFilter{Name: "baku"}, []string{"src-riac-2024"}},
		{"publisher is not a title", domain.NameFilter{Name: "Trend"}, nil},
	} {
		t.Run("ListSources/"+c.name, func(t *testing.T) {
			checkFilter(t, c.want, nil, func(sort string) (*page, error) {
				conn, err := st.ListSources(t.Context(), domain.SourceQuery{Filter: c.f, Sort: nameSort(sort), Page: first(100)})
				return toPage(conn, err, sourceID)
			})
		})
	}
	t.Run("ListSources/unknown order", func(t *testing.T) {
		_, err := st.ListSources(t.Context(), domain.SourceQuery{Sort: "PUBLISHED"})
		wantCode(t, "ListSources", err, domain.EINVALID)
	})
}

func sourceList() listCase {
	return listCase{
		name: "ListSources",
		asc:  sourcesAsc,
		desc: reversed(sourcesAsc),
		list: func(ctx context.Context, s domain.Store, a listArgs) (*page, error) {
			q := domain.SourceQuery{Sort: nameSort(a.sort), Page: a.page}
			if a.alt {
				q.Filter.Name = "raec"
			}
			c, err := s.ListSources(ctx, q)
			return toPage(c, err, sourceID)
		},
	}
}
