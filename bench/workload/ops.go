// Package workload is the benchmark's workload: the eight questions of the
// domain (DOMAIN.md) as fixed operations, with parameters drawn at random
// (seeded) from a generated graph's sample, for three kinds of system:
// expertgraph's GraphQL API, the peer server's API (@neo4j/graphql, its own
// generated shape) and hand-written Cypher through the Go driver (the floor).
// Run runs them with N concurrent clients for T seconds and measures.
package workload

import (
	"context"
	"math/rand/v2"

	"github.com/expertgraph/expertgraph/bench/gen"
	"github.com/expertgraph/expertgraph/internal/domain"
)

// Questions are the operation names, one per question of DOMAIN.md.
var Questions = []string{"q1-speakers", "q2-person-history", "q3-recurrence", "q4-recommendations",
	"q5-institutions-council", "q6-shortest-path", "q7-lookup", "q8-dashboard"}

// Describe says what each question asks.
var Describe = map[string]string{
	"q1-speakers":             "who spoke at a meeting: roles, titles, institutions at the time",
	"q2-person-history":       "where a person spoke, over the years, for which institutions",
	"q3-recurrence":           "how an initiative recurs: meetings, recommendations, first/last, per year, per council",
	"q4-recommendations":      "recommendations that mention an initiative (first 20 and the total)",
	"q5-institutions-council": "institutions that sent speakers to a council (top 20)",
	"q6-shortest-path":        "shortest paths between a person and an initiative (≤4 hops)",
	"q7-lookup":               "find anything by a name or alias, in any spelling",
	"q8-dashboard":            "a council's dashboard: meetings per year, recommendations per theme, speakers per country",
}

// Params are the parameters of one request.
type Params struct {
	ID, From, To string
	Name         string // as written (expertgraph normalises it)
	Key          string // domain.NormalizeName(Name), for systems that cannot normalise
}

// Draw returns the parameters of question q from the sample.
func Draw(r *rand.Rand, s *gen.Sample, q string) Params {
	one := func(xs []string) string { return xs[r.IntN(len(xs))] }
	switch q {
	case "q1-speakers":
		return Params{ID: one(s.Meetings)}
	case "q2-person-history":
		return Params{ID: one(s.People)}
	case "q3-recurrence", "q4-recommendations":
		return Params{ID: one(s.Initiatives)}
	case "q5-institutions-council", "q8-dashboard":
		return Params{ID: one(s.Councils)}
	case "q6-shortest-path":
		p := s.Paths[r.IntN(len(s.Paths))]
		return Params{From: p[0], To: p[1]}
	case "q7-lookup":
		n := one(s.Names)
		return Params{Name: n, Key: domain.NormalizeName(n)}
	}
	panic("workload: unknown question " + q)
}

// Target is a system under test. Send runs one request and receives its
// whole answer; the Check it returns checks that answer. The load generator
// stops a request's clock when Send returns and only then calls Check: as
// with HTTP load generators (wrk, hey, k6), a request's latency ends at its
// answer's last byte, and how the client decodes the answer is the client's
// work, not the system's. (The Go driver decodes a Cypher answer's records
// as it receives them, so the floor's latency includes that.)
type Target interface {
	Send(ctx context.Context, q string, p Params) Check
	Close() error
}

// Check checks an answer Send received and reports its error code ("" for
// success).
type Check func() (code string, err error)

// Do sends one request to t and checks its answer.
func Do(ctx context.Context, t Target, q string, p Params) (code string, err error) {
	return t.Send(ctx, q, p)()
}

// result is a Check whose outcome is already known: a request that failed
// before its answer was read, or a Cypher answer, checked as it was read.
func result(code string, err error) Check { return func() (string, error) { return code, err } }
