package storetest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/expertgraph/expertgraph/internal/dataset"
	"github.com/expertgraph/expertgraph/internal/domain"
	"github.com/expertgraph/expertgraph/internal/synth"
	"github.com/expertgraph/expertgraph/seed"
)

// BenchData is a graph to benchmark a store on, written in batches, with
// what the benchmarks ask about it.
type BenchData struct {
	Name     string
	Meetings int                    // how many meetings the graph has, to recognise a store that holds it already
	LastID   string                 // the ID of a node of the last batch, likewise
	Batches  func() []*domain.Graph // written in order, they make the graph
	Args     BenchArgs
}

// BenchArgs are the texts and IDs the benchmarks ask about.
type BenchArgs struct {
	SearchName, SearchVariant, SearchText, SearchPrefix string
	Subjects                                            []string // initiatives and themes
	Council, Country, Institution                       string
	PathFrom, PathTo                                    string
}

// SeedBench is the built-in seed.
func SeedBench() BenchData {
	g, err := dataset.Load(seed.FS)
	return BenchData{
		Name: "seed", Meetings: len(g.Meetings), LastID: "shusha-forum-1",
		Batches: func() []*domain.Graph {
			if err != nil {
				panic(fmt.Sprintf("the built-in seed: %v", err))
			}
			return []*domain.Graph{g}
		},
		Args: BenchArgs{
			SearchName: "Hikmet Hajiyev", SearchVariant: "Gadjiev", SearchText: "transport corridor", SearchPrefix: "ca",
			Subjects: []string{"instc", "3plus3", "transport-and-logistics"},
			Council:  "raec", Country: "azerbaijan", Institution: "riac",
			PathFrom: "farid-shafiyev", PathTo: "caspian-five",
		},
	}
}

// SynthBench is the synthetic graph of n meetings (internal/synth), written
// in batches of at most 1,000 meetings.
func SynthBench(n int) BenchData {
	return BenchData{
		Name: fmt.Sprintf("synth-%d", n), Meetings: n, LastID: synth.MeetingID(n - 1),
		Batches: func() []*domain.Graph { return synth.Batches(synth.Generate(n), 1000) },
		Args: BenchArgs{
			SearchName: "Hikmet Hajiyev", SearchVariant: "Gadjiev", SearchText: "agreed to deepen logistics", SearchPrefix: "ka",
			Subjects: []string{synth.InitiativeID(0), synth.InitiativeID(150), synth.ThemeID(0), synth.ThemeID(15)},
			Council:  synth.CouncilID(0), Country: synth.CountryID(0), Institution: synth.InstitutionID(0),
			PathFrom: synth.PersonID(100), PathTo: synth.InitiativeID(200),
		},
	}
}

// Load writes d into st, batch after batch, unless st holds it already (the
// same number of meetings, and the last batch's node); it returns how long
// the writes took (0 if st held d).
func Load(ctx context.Context, st domain.Store, d BenchData) (time.Duration, error) {
	stats, err := st.Stats(ctx)
	if err != nil {
		return 0, err
	}
	if stats.Nodes[domain.KindMeeting] == d.Meetings {
		if refs, err := st.Resolve(ctx, []string{d.LastID}); err == nil && refs[0] != nil {
			return 0, nil
		}
	}
	if !stats.Empty() {
		return 0, fmt.Errorf("the store holds another graph (%d meetings); give an empty one", stats.Nodes[domain.KindMeeting])
	}
	start := time.Now()
	for i, g := range d.Batches() {
		if err := st.Upsert(ctx, g); err != nil {
			return 0, fmt.Errorf("batch %d of %s: %w", i, d.Name, err)
		}
	}
	return time.Since(start), nil
}

// Bench runs one benchmark per analytic field (and per list order by a
// count) on st, which holds the graph that args are about. Each asks what a
// dashboard would: a page of 20, the default pair limit, and so on.
func Bench(b *testing.B, st domain.Store, args BenchArgs) {
	ctx := context.Background()
	run := func(name string, f func() error) {
		b.Run(name, func(b *testing.B) {
			if err := f(); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if err := f(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	page := domain.PageRequest{First: ptr(20)}
	search := func(text string) func() error {
		return func() error {
			_, err := st.Search(ctx, domain.SearchQuery{Text: text, Page: page})
			return err
		}
	}
	run("Search/name", search(args.SearchName))
	run("Search/variant", search(args.SearchVariant))
	run("Search/text", search(args.SearchText))
	run("Search/prefix", search(args.SearchPrefix))

	run("Recurrence/all", func() error {
		_, err := st.Recurrence(ctx, args.Subjects, domain.RecurrenceFilter{})
		return err
	})
	run("Recurrence/council", func() error {
		_, err := st.Recurrence(ctx, args.Subjects, domain.RecurrenceFilter{CouncilID: args.Council})
		return err
	})
	pairs := func(q domain.PairQuery) func() error {
		return func() error { _, err := st.Pairs(ctx, q); return err }
	}
	run("Pairs/people", pairs(domain.PairQuery{Kind: domain.PairPersonPerson}))
	run("Pairs/people-of-a-council", pairs(domain.PairQuery{Kind: domain.PairPersonPerson, CouncilID: args.Council}))
	run("Pairs/initiative-theme-at-meetings", pairs(domain.PairQuery{Kind: domain.PairInitiativeTheme, Scope: domain.ScopeMeeting}))
	run("Pairs/institution-council", pairs(domain.PairQuery{Kind: domain.PairInstitutionCouncil}))
	count := func(q domain.CountQuery) func() error {
		return func() error { _, err := st.Count(ctx, q); return err }
	}
	run("Count/meetings-per-year", count(domain.CountQuery{By: domain.MeetingsPerYear}))
	run("Count/recommendations-per-theme", count(domain.CountQuery{By: domain.RecommendationsPerTheme}))
	run("Count/speakers-per-institution", count(domain.CountQuery{By: domain.SpeakersPerInstitution}))
	run("Count/speakers-per-country-in-a-country", count(domain.CountQuery{By: domain.SpeakersPerCountry, CountryID: args.Country}))
	run("Count/combined-filter", count(domain.CountQuery{By: domain.MeetingsPerYear, Filter: domain.MeetingFilter{
		Or: []domain.MeetingFilter{{CouncilID: args.Council}, {SpeakerInstitutionID: args.Institution}}}}))
	run("ShortestPaths", func() error {
		_, err := st.ShortestPaths(ctx, args.PathFrom, args.PathTo, domain.DefaultMaxHops)
		return err
	})
	run("List/people-by-appearances", func() error {
		_, err := st.ListPeople(ctx, domain.PersonQuery{Sort: domain.PersonAppearancesDesc, Page: page})
		return err
	})
	run("List/institutions-by-speakers", func() error {
		_, err := st.ListInstitutions(ctx, domain.InstitutionQuery{Sort: domain.InstitutionSpeakersDesc, Page: page})
		return err
	})
	run("List/initiatives-by-meetings", func() error {
		_, err := st.ListInitiatives(ctx, domain.InitiativeQuery{Sort: domain.SubjectMeetingsDesc, Page: page})
		return err
	})
	run("List/recurring-themes-by-recommendations", func() error {
		_, err := st.ListThemes(ctx, domain.ThemeQuery{Filter: domain.ThemeFilter{Recurring: ptr(true)},
			Sort: domain.SubjectRecommendationsDesc, Page: page})
		return err
	})
	run("List/meetings-by-speakers", func() error {
		_, err := st.ListMeetings(ctx, domain.MeetingQuery{Sort: domain.MeetingSpeakersDesc, Page: page})
		return err
	})
	run("List/meetings-combined-filter", func() error {
		_, err := st.ListMeetings(ctx, domain.MeetingQuery{Page: page, Filter: domain.MeetingFilter{
			Or: []domain.MeetingFilter{{CouncilID: args.Council}, {CountryID: args.Country}}, Not: &domain.MeetingFilter{
				SpeakerInstitutionID: args.Institution}}})
		return err
	})
	run("List/people-attended-all-of-a-council", func() error {
		_, err := st.ListPeople(ctx, domain.PersonQuery{Filter: domain.PersonFilter{AttendedAllOf: args.Council}, Page: page})
		return err
	})
}
