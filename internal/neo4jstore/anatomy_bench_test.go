package neo4jstore

import (
	"context"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/expertgraph/expertgraph/bench/workload"
	"github.com/expertgraph/expertgraph/internal/domain"
)

// BenchmarkReadAnatomy takes apart what expertgraph reads from Neo4j for
// the benchmark's first two questions (bench/workload), next to the one
// hand-written statement of the floor: an empty transaction, the floor's
// statement, the reads GraphQL makes level by level (two transactions),
// with the nodes the next level asks for read whole or lean (domain.Lean),
// all of it in one transaction, and what GraphQL now reads: the root's
// With read with its appearances, one statement (inline.go). It reads the graph already in the
// database of NEO4J_URI (it writes nothing; skipped when it is empty), on
// the busiest meeting and person, so point it at bench/run's Neo4j:
//
//	NEO4J_URI=bolt://127.0.0.1:7690 go test ./internal/neo4jstore -run '^$' -bench ReadAnatomy -benchtime 400x
func BenchmarkReadAnatomy(b *testing.B) {
	s := sharedStore(b)
	ctx := b.Context()
	busiest := func(cypher string) string {
		r, err := neo4j.ExecuteQuery(ctx, s.driver, cypher, nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.db))
		if err != nil {
			b.Fatal(err)
		}
		if len(r.Records) == 0 {
			b.Skip("the database is empty: load a graph first (bench/run --keep, or egbench load)")
		}
		return r.Records[0].Values[0].(string)
	}
	meeting := busiest("MATCH (m:Meeting)<-[a:APPEARED_AT]-() WITH m, count(a) AS n ORDER BY n DESC, m.id LIMIT 1 RETURN m.id")
	person := busiest("MATCH (p:Person)-[a:APPEARED_AT]->() WITH p, count(a) AS n ORDER BY n DESC, p.id LIMIT 1 RETURN p.id")
	statement := func(cypher string, params map[string]any) func(ctx context.Context) error {
		return func(ctx context.Context) error {
			_, err := read(ctx, s, func(tx neo4j.ManagedTransaction) ([]*neo4j.Record, error) {
				res, err := tx.Run(ctx, cypher, params)
				if err != nil {
					return nil, err
				}
				return res.Collect(ctx)
			})
			return err
		}
	}
	// oneTx runs f's reads in one transaction (read joins it: inTx).
	oneTx := func(f func(ctx context.Context) error) func(ctx context.Context) error {
		return func(ctx context.Context) error {
			_, err := read(ctx, s, func(tx neo4j.ManagedTransaction) (struct{}, error) {
				return struct{}{}, f(inTx(ctx, tx))
			})
			return err
		}
	}
	k := func(ks ...domain.Kind) []domain.Kind { return ks }
	q1 := func(lean bool) func(ctx context.Context) error {
		w1, w2 := domain.With{Kinds: k(domain.KindPlace)}, domain.With{Kinds: k(domain.KindPerson, domain.KindInstitution)}
		if lean {
			w1.Lean, w2.Lean = w1.Kinds, w2.Kinds
		}
		return func(ctx context.Context) error {
			if _, _, err := s.MeetingsWith(ctx, []string{meeting}, w1); err != nil {
				return err
			}
			_, _, err := s.AppearancesByMeetingWith(ctx, []string{meeting}, w2)
			return err
		}
	}
	q2 := func(lean bool) func(ctx context.Context) error {
		w := domain.With{Kinds: k(domain.KindCouncil, domain.KindMeeting, domain.KindInstitution)}
		if lean {
			w.Lean = w.Kinds
		}
		return func(ctx context.Context) error {
			if _, err := s.People(ctx, []string{person}); err != nil {
				return err
			}
			_, _, err := s.AppearancesByPersonWith(ctx, []string{person}, w)
			return err
		}
	}
	cases := []struct {
		name string
		run  func(ctx context.Context) error
	}{
		{"empty transaction", statement("RETURN 1", nil)},
		{"q1/floor: one statement", statement(workload.CypherOps["q1-speakers"], map[string]any{"id": meeting})},
		{"q1/levels: meeting, then appearances", func(ctx context.Context) error {
			if _, err := s.Meetings(ctx, []string{meeting}); err != nil {
				return err
			}
			_, err := s.AppearancesByMeeting(ctx, []string{meeting})
			return err
		}},
		{"q1/levels with next level whole", q1(false)},
		{"q1/levels with next level lean", q1(true)},
		{"q1/levels with next level lean, one transaction", oneTx(q1(true))},
		{"q1/one statement: the meeting with its appearances, lean", func(ctx context.Context) error {
			_, _, err := s.MeetingsWith(ctx, []string{meeting}, domain.With{Kinds: k(domain.KindPerson, domain.KindInstitution, domain.KindPlace),
				Lean: k(domain.KindPerson, domain.KindInstitution, domain.KindPlace), Appearances: true})
			return err
		}},
		{"q1/one statement, projected (what GraphQL reads)", func(ctx context.Context) error {
			_, _, err := s.MeetingsWith(ctx, []string{meeting}, domain.With{Kinds: k(domain.KindPerson, domain.KindInstitution, domain.KindPlace),
				Appearances: true, Fields: map[domain.Kind][]string{domain.KindMeeting: {"Date", "PlaceID", "Title"},
					domain.KindPerson: {"Name"}, domain.KindInstitution: {"Name"}, domain.KindPlace: {"Name"}},
				AppearanceFields: []string{"Order", "Roles", "Session", "Title"}})
			return err
		}},
		{"q2/floor: one statement", statement(workload.CypherOps["q2-person-history"], map[string]any{"id": person})},
		{"q2/levels: person, then appearances", func(ctx context.Context) error {
			if _, err := s.People(ctx, []string{person}); err != nil {
				return err
			}
			_, err := s.AppearancesByPerson(ctx, []string{person})
			return err
		}},
		{"q2/levels with next levels whole", q2(false)},
		{"q2/levels with next levels lean", q2(true)},
		{"q2/levels with next levels lean, one transaction", oneTx(q2(true))},
		{"q2/one statement: the person with their appearances, lean", func(ctx context.Context) error {
			w := k(domain.KindCouncil, domain.KindMeeting, domain.KindInstitution)
			_, _, err := s.PeopleWith(ctx, []string{person}, domain.With{Kinds: w, Lean: w, Appearances: true})
			return err
		}},
		{"q2/one statement, projected (what GraphQL reads)", func(ctx context.Context) error {
			_, _, err := s.PeopleWith(ctx, []string{person}, domain.With{Kinds: k(domain.KindCouncil, domain.KindMeeting, domain.KindInstitution),
				Appearances: true, Fields: map[domain.Kind][]string{domain.KindMeeting: {"CouncilID", "Date", "Title"},
					domain.KindPerson: {"Name"}, domain.KindInstitution: {"Name"}, domain.KindCouncil: {}},
				AppearanceFields: []string{"Roles", "Title"}})
			return err
		}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if err := c.run(ctx); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
