package storetest

import (
	"context"
	"testing"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// The fixture's publications by normalised title.
var publicationsAsc = []string{"kisi-caspian-outlook", "riac-brief-2022", "raec-joint-paper"}

func testPublications(t *testing.T, s *suite) {
	st := s.loaded(t)
	fx := Fixture()
	t.Run("Publications", func(t *testing.T) {
		batchCases(t, "Publications", st.Publications, fx.Publications, publicationID)
	})

	// A NameFilter on publications matches the title only.
	for _, c := range []struct {
		name string
		f    domain.NameFilter
		want []string
	}{
		{"no filter", domain.NameFilter{}, publicationsAsc},
		{"part of titles", domain.NameFilter{Name: "RUSSIA"}, []string{"riac-brief-2022", "raec-joint-paper"}},
		{"title with a dash", domain.NameFilter{Name: "Russia-Azerbaijan"}, []string{"raec-joint-paper"}},
		{"title", domain.NameFilter{Name: "caspian connectivity outlook"}, []string{"kisi-caspian-outlook"}},
		{"kind is not a title", domain.NameFilter{Name: "policy brief"}, nil},
	} {
		t.Run("ListPublications/"+c.name, func(t *testing.T) {
			checkFilter(t, c.want, nil, func(sort string) (*page, error) {
				conn, err := st.ListPublications(t.Context(), domain.PublicationQuery{Filter: c.f, Sort: nameSort(sort), Page: first(100)})
				return toPage(conn, err, publicationID)
			})
		})
	}
	t.Run("ListPublications/unknown order", func(t *testing.T) {
		_, err := st.ListPublications(t.Context(), domain.PublicationQuery{Sort: "TITLE"})
		wantCode(t, "ListPublications", err, domain.EINVALID)
	})

	// Meetings keep their links to publications, with the relation, in the order written.
	t.Run("links", func(t *testing.T) {
		got, err := st.Meetings(t.Context(), []string{"raec-4", "raec-5", "rked-1", "caspian-roundtable-2023"})
		must(t, "Meetings", err)
		var links [][]domain.PublicationLink
		for _, m := range got {
			if m == nil {
				t.Fatal("a fixture meeting is missing")
			}
			links = append(links, m.Publications)
		}
		check(t, "publication links", links, [][]domain.PublicationLink{
			{{PublicationID: "raec-joint-paper", Relation: domain.PublicationAnnounced}},
			{{PublicationID: "raec-joint-paper", Relation: domain.PublicationPresented}},
			{{PublicationID: "kisi-caspian-outlook", Relation: domain.PublicationAnnounced}},
			nil,
		})
	})
}

func publicationList() listCase {
	return listCase{
		name: "ListPublications",
		asc:  publicationsAsc,
		desc: reversed(publicationsAsc),
		list: func(ctx context.Context, s domain.Store, a listArgs) (*page, error) {
			q := domain.PublicationQuery{Sort: nameSort(a.sort), Page: a.page}
			if a.alt {
				q.Filter.Name = "russia"
			}
			c, err := s.ListPublications(ctx, q)
			return toPage(c, err, publicationID)
		},
	}
}
