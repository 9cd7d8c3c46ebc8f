package storetest

import (
	"fmt"
	"testing"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// testPages checks the pagination sentences of the contract on every list:
// first defaults to DefaultPageSize and must be 0..MaxPageSize, a cursor
// resumes its own query only, TotalCount ignores first and after, and paging
// is by keyset, so that writes between pages neither repeat nor skip items.
func testPages(t *testing.T, s *suite) {
	st := s.loaded(t)
	all := lists()
	for i, lc := range all {
		other := all[(i+1)%len(all)]
		t.Run(lc.name, func(t *testing.T) { testList(t, st, lc, other) })
	}
	t.Run("default page size", func(t *testing.T) { testDefaultPageSize(t, s) })
	t.Run("keyset", func(t *testing.T) { testKeyset(t, s) })
}

func testList(t *testing.T, st domain.Store, lc listCase, other listCase) {
	ctx := t.Context()
	n := len(lc.asc)
	list := func(a listArgs) (*page, error) { return lc.list(ctx, st, a) }

	for _, o := range []struct {
		sort string
		want []string
	}{{"ASC", lc.asc}, {"DESC", lc.desc}, {"", lc.asc}} {
		t.Run("walk "+o.sort, func(t *testing.T) {
			var got []string
			var after *string
			for pages := 0; ; pages++ {
				if pages > n {
					t.Fatalf("more than %d pages of 2 for %d items", pages, n)
				}
				p, err := list(listArgs{sort: o.sort, page: domain.PageRequest{First: ptr(2), After: after}})
				must(t, "list", err)
				wantIDs := o.want[len(got):min(len(got)+2, n)]
				checkPage(t, fmt.Sprintf("page %d", pages+1), p,
					page{IDs: wantIDs, Total: n, HasNext: len(got)+2 < n, HasPrev: after != nil})
				if len(p.IDs) > 0 && (p.start == nil || p.end == nil || *p.start != p.cursors[0] || *p.end != p.cursors[len(p.cursors)-1]) {
					t.Errorf("page %d: StartCursor and EndCursor are not the first and last edge cursors", pages+1)
				}
				got = append(got, p.IDs...)
				if !p.HasNext || len(p.IDs) == 0 {
					break
				}
				after = p.end
			}
			check(t, "all pages", got, o.want)
		})
	}
	t.Run("resume after any edge", func(t *testing.T) {
		p, err := list(listArgs{page: first(3)})
		must(t, "list", err)
		for i, c := range p.cursors {
			rest, err := list(listArgs{page: domain.PageRequest{First: ptr(100), After: ptr(c)}})
			must(t, "list", err)
			checkPage(t, fmt.Sprintf("after edge %d", i), rest, page{IDs: lc.asc[i+1:], Total: n, HasPrev: true})
		}
	})
	// Rule: no order is the ascending order, so their cursors serve each other.
	t.Run("default order is ascending", func(t *testing.T) {
		for _, c := range []struct{ from, to string }{{"", "ASC"}, {"ASC", ""}} {
			p, err := list(listArgs{sort: c.from, page: first(1)})
			must(t, "list", err)
			rest, err := list(listArgs{sort: c.to, page: domain.PageRequest{After: p.end}})
			must(t, fmt.Sprintf("list ordered %q after a cursor of %q", c.to, c.from), err)
			checkPage(t, "rest", rest, page{IDs: lc.asc[1:], Total: n, HasPrev: true})
		}
	})
	t.Run("default and maximum first", func(t *testing.T) {
		for _, pr := range []domain.PageRequest{{}, first(domain.MaxPageSize), {First: ptr(domain.MaxPageSize), After: ptr("")}} {
			p, err := list(listArgs{page: pr})
			must(t, "list", err)
			checkPage(t, "page", p, page{IDs: lc.asc, Total: n})
		}
	})
	t.Run("first 0", func(t *testing.T) {
		p, err := list(listArgs{page: first(0)})
		must(t, "list", err)
		checkPage(t, "page", p, page{IDs: nil, Total: n, HasNext: n > 0})
		if p.start != nil || p.end != nil {
			t.Errorf("an empty page has cursors %v, %v", p.start, p.end)
		}
	})
	t.Run("invalid", func(t *testing.T) {
		p, err := list(listArgs{page: first(1)})
		must(t, "list", err)
		cursor := p.end
		desc, err := list(listArgs{sort: "DESC", page: first(1)})
		must(t, "list", err)
		otherPage, err := other.list(ctx, st, listArgs{page: first(1)})
		must(t, "list "+other.name, err)
		forged := domain.Cursor{Scope: "meetings:000000000000", Key: "a", ID: "b"}.Encode()
		for _, c := range []struct {
			why string
			a   listArgs
		}{
			{"first over the maximum", listArgs{page: first(domain.MaxPageSize + 1)}},
			{"negative first", listArgs{page: first(-1)}},
			{"garbage cursor", listArgs{page: domain.PageRequest{After: ptr("not-a-cursor")}}},
			{"cursor of another query", listArgs{page: domain.PageRequest{After: ptr(forged)}}},
			{"cursor of the other order", listArgs{sort: "ASC", page: domain.PageRequest{After: desc.end}}},
			{"cursor of this order used for the other", listArgs{sort: "DESC", page: domain.PageRequest{After: cursor}}},
			{"cursor of another filter", listArgs{alt: true, page: domain.PageRequest{After: cursor}}},
			{"cursor of " + other.name, listArgs{page: domain.PageRequest{After: otherPage.end}}},
			{"unknown order", listArgs{sort: "SIDEWAYS"}},
		} {
			_, err := list(c.a)
			wantCode(t, c.why, err, domain.EINVALID)
		}
	})
}

// testDefaultPageSize pages through more items than DefaultPageSize.
func testDefaultPageSize(t *testing.T, s *suite) {
	st := s.empty(t)
	g := &domain.Graph{}
	var ids []string
	for i := 1; i <= 25; i++ {
		id := fmt.Sprintf("theme-%02d", i)
		g.Themes = append(g.Themes, &domain.Theme{ID: id, Name: fmt.Sprintf("Theme %02d", i)})
		ids = append(ids, id)
	}
	must(t, "Upsert", st.Upsert(t.Context(), g))
	list := func(pr domain.PageRequest) *page {
		conn, err := st.ListThemes(t.Context(), domain.ThemeQuery{Page: pr})
		p, err := toPage(conn, err, themeID)
		must(t, "ListThemes", err)
		return p
	}
	p := list(domain.PageRequest{})
	checkPage(t, "first page", p, page{IDs: ids[:domain.DefaultPageSize], Total: 25, HasNext: true})
	p = list(domain.PageRequest{After: p.end})
	checkPage(t, "second page", p, page{IDs: ids[domain.DefaultPageSize:], Total: 25, HasPrev: true})
	p = list(first(domain.MaxPageSize))
	checkPage(t, "maximum page", p, page{IDs: ids, Total: 25})
}

// testKeyset writes items before and after a cursor between two pages: the
// next page goes on after the last item seen, shows the later new item and
// never the earlier one.
func testKeyset(t *testing.T, s *suite) {
	ctx := t.Context()
	themes := func(st domain.Store, sort domain.SubjectSort, pr domain.PageRequest) *page {
		conn, err := st.ListThemes(ctx, domain.ThemeQuery{Sort: sort, Page: pr})
		p, err := toPage(conn, err, themeID)
		must(t, "ListThemes", err)
		return p
	}
	t.Run("ascending names", func(t *testing.T) {
		st := s.loaded(t)
		p := themes(st, "", first(2))
		checkPage(t, "page 1", p, page{IDs: []string{"culture", "energy"}, Total: 5, HasNext: true})
		must(t, "Upsert", st.Upsert(ctx, &domain.Graph{Themes: []*domain.Theme{
			{ID: "agriculture", Name: "Agriculture"}, {ID: "health", Name: "Public health"},
		}}))
		p = themes(st, "", domain.PageRequest{First: ptr(2), After: p.end})
		checkPage(t, "page 2", p, page{IDs: []string{"health", "security"}, Total: 7, HasNext: true, HasPrev: true})
		p = themes(st, "", domain.PageRequest{First: ptr(2), After: p.end})
		checkPage(t, "page 3", p, page{IDs: []string{"trade", "transport"}, Total: 7, HasPrev: true})
	})
	t.Run("descending names", func(t *testing.T) {
		st := s.loaded(t)
		p := themes(st, domain.SubjectNameDesc, first(2))
		checkPage(t, "page 1", p, page{IDs: []string{"transport", "trade"}, Total: 5, HasNext: true})
		must(t, "Upsert", st.Upsert(ctx, &domain.Graph{Themes: []*domain.Theme{
			{ID: "water", Name: "Water resources"}, {ID: "tourism", Name: "Tourism"},
		}}))
		p = themes(st, domain.SubjectNameDesc, domain.PageRequest{First: ptr(2), After: p.end})
		checkPage(t, "page 2", p, page{IDs: []string{"tourism", "security"}, Total: 7, HasNext: true, HasPrev: true})
	})
	t.Run("ascending dates", func(t *testing.T) {
		st := s.loaded(t)
		meetings := func(pr domain.PageRequest) *page {
			conn, err := st.ListMeetings(ctx, domain.MeetingQuery{Page: pr})
			p, err := toPage(conn, err, meetingID)
			must(t, "ListMeetings", err)
			return p
		}
		p := meetings(first(2))
		checkPage(t, "page 1", p, page{IDs: []string{"raec-3", "raec-4"}, Total: 6, HasNext: true})
		src := []domain.SourceRef{{SourceID: "src-caspian-2023"}}
		must(t, "Upsert", st.Upsert(ctx, &domain.Graph{Meetings: []*domain.Meeting{
			{ID: "forum-2021", Title: "Caspian Forum 2021", Date: domain.MustDate("2021-09-01"), Sources: src},
			{ID: "forum-2023", Title: "Caspian Forum 2023", Date: domain.MustDate("2023-08"), Sources: src},
		}}))
		p = meetings(domain.PageRequest{First: ptr(2), After: p.end})
		checkPage(t, "page 2", p, page{IDs: []string{"forum-2023", "caspian-roundtable-2023"}, Total: 8, HasNext: true, HasPrev: true})
	})
	// A count order resumes after the (count, ID) of the last item seen, as
	// the counts are when the next page is asked for.
	t.Run("descending counts", func(t *testing.T) {
		st := s.loaded(t)
		people := func(pr domain.PageRequest) *page {
			conn, err := st.ListPeople(ctx, domain.PersonQuery{Sort: domain.PersonAppearancesDesc, Page: pr})
			p, err := toPage(conn, err, personID)
			must(t, "ListPeople", err)
			return p
		}
		p := people(first(2))
		checkPage(t, "page 1", p, page{IDs: []string{"pavel-orlov", "elena-kuzmina"}, Total: 8, HasNext: true})
		src := []domain.SourceRef{{SourceID: "src-caspian-2023"}}
		must(t, "Upsert", st.Upsert(ctx, &domain.Graph{
			Meetings: []*domain.Meeting{{ID: "forum-2025", Title: "Caspian Forum 2025", Date: domain.MustDate("2025"), Sources: src}},
			Appearances: []*domain.Appearance{
				{MeetingID: "forum-2025", PersonID: "anar-aliyev", Roles: []domain.Role{domain.RoleSpeaker}, Sources: src},
				{MeetingID: "forum-2025", PersonID: "aydin-aliyev", Roles: []domain.Role{domain.RoleSpeaker}, Sources: src},
			},
		}))
		p = people(domain.PageRequest{First: ptr(3), After: p.end})
		checkPage(t, "page 2", p, page{IDs: []string{"aydin-aliyev", "dmitry-belov", "farida-mammadova"}, Total: 8,
			HasNext: true, HasPrev: true})
	})
}
