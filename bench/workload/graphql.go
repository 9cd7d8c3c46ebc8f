package workload

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"
)

// expertgraphOps are the eight questions against expertgraph's schema.
var expertgraphOps = map[string]string{
	"q1-speakers": `query Q1($id: ID!) { meeting(id: $id) { id title date place { name }
  speakers { order roles title session person { id name } institution { id name } } } }`,
	"q2-person-history": `query Q2($id: ID!) { person(id: $id) { id name
  appearances { meeting { id title date council { id } } roles title institution { id name } } } }`,
	"q3-recurrence": `query Q3($id: ID!) { recurrence(ids: [$id]) { meetingCount recommendationCount
  firstMention { date meeting { id } } lastMention { date meeting { id } }
  perYear { year meetings recommendations } councils { council { id } meetings recommendations } } }`,
	"q4-recommendations": `query Q4($id: ID!) { recommendations(filter: {initiative: $id}, first: 20) {
  totalCount nodes { id kind text meeting { id date } } } }`,
	"q5-institutions-council": `query Q5($id: ID!) { pairs(kind: INSTITUTION_COUNCIL, council: $id, limit: 20) {
  a { id name } b { id name } weight } }`,
	"q6-shortest-path": `query Q6($from: ID!, $to: ID!) { shortestPaths(from: $from, to: $to, maxHops: 4) {
  nodes { id kind name } edges { type from to } } }`,
	"q7-lookup": `query Q7($name: String!) { lookup(name: $name) { id __typename } }`,
	"q8-dashboard": `query Q8($id: ID!) {
  perYear: counts(by: MEETINGS_PER_YEAR, council: $id) { key label count }
  perTheme: counts(by: RECOMMENDATIONS_PER_THEME, council: $id) { key label count }
  perCountry: counts(by: SPEAKERS_PER_COUNTRY, council: $id) { key label count } }`,
}

// peerOps are the same questions against the peer's schema (bench/peer),
// which @neo4j/graphql generates from its type definitions: filters are
// where: {...} and lists are relationship fields; what it cannot express
// (analytics, paths) are @cypher fields, as its documentation advises.
var peerOps = map[string]string{
	"q1-speakers": `query Q1($id: ID!) { meetings(where: {id: {eq: $id}}) { id title date place { name }
  speakersConnection(sort: [{edge: {order: ASC}}]) { edges { properties { order roles title session institutionId } node { id name } } } } }`,
	"q2-person-history": `query Q2($id: ID!) { people(where: {id: {eq: $id}}) { id name
  appearancesConnection { edges { properties { roles title institutionId } node { id title date council { id } } } } } }`,
	"q3-recurrence": `query Q3($id: ID!) { initiatives(where: {id: {eq: $id}}) { id recurrence { meetingCount recommendationCount
  firstMention { date meeting } lastMention { date meeting }
  perYear { year meetings recommendations } councils { council meetings recommendations } } } }`,
	"q4-recommendations": `query Q4($id: ID!) {
  recommendations(where: {initiatives: {some: {id: {eq: $id}}}}, limit: 20, sort: [{id: ASC}]) { id kind text meeting { id date } }
  recommendationsConnection(where: {initiatives: {some: {id: {eq: $id}}}}) { aggregate { count { nodes } } } }`,
	"q5-institutions-council": `query Q5($id: ID!) { institutionsToCouncil(council: $id, limit: 20) { institution { id name } council { id name } weight } }`,
	"q6-shortest-path":        `query Q6($from: ID!, $to: ID!) { shortestPaths(from: $from, to: $to) { nodes { id name } edges { type from to } } }`,
	"q7-lookup": `query Q7($key: String!) { names(where: {key: {eq: $key}}) { bearers {
  __typename ... on Person { id } ... on Initiative { id } ... on Institution { id } ... on Council { id }
  ... on Country { id } ... on Place { id } ... on Meeting { id } ... on Theme { id } } } }`,
	"q8-dashboard": `query Q8($id: ID!) { dashboard(council: $id) {
  perYear { key label count } perTheme { key label count } perCountry { key label count } } }`,
}

// GraphQL is a GraphQL server under test.
type GraphQL struct {
	url    string
	ops    map[string]string
	peer   bool
	client *http.Client
}

// NewGraphQL returns a target for expertgraph's API (peer false) or the
// peer's (peer true) at url.
func NewGraphQL(url string, peer bool, clients int) *GraphQL {
	ops := expertgraphOps
	if peer {
		ops = peerOps
	}
	tr := &http.Transport{
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
		MaxIdleConns:        clients * 2,
		MaxIdleConnsPerHost: clients * 2,
		IdleConnTimeout:     90 * time.Second,
	}
	return &GraphQL{url: url, ops: ops, peer: peer, client: &http.Client{Transport: tr, Timeout: 30 * time.Second}}
}

func (g *GraphQL) vars(q string, p Params) map[string]any {
	switch q {
	case "q6-shortest-path":
		return map[string]any{"from": p.From, "to": p.To}
	case "q7-lookup":
		if g.peer {
			return map[string]any{"key": p.Key}
		}
		return map[string]any{"name": p.Name}
	}
	return map[string]any{"id": p.ID}
}

type gqlResponse struct {
	Data   json.RawMessage `json:"data"`
	Errors []struct {
		Message    string `json:"message"`
		Extensions struct {
			Code string `json:"code"`
		} `json:"extensions"`
	} `json:"errors"`
}

// Send sends one operation and reads its whole answer; its Check checks
// the answer: HTTP 200, no errors, data.
func (g *GraphQL) Send(ctx context.Context, q string, p Params) Check {
	body, _ := json.Marshal(map[string]any{"query": g.ops[q], "variables": g.vars(q, p)})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, g.url, bytes.NewReader(body))
	if err != nil {
		return result("CLIENT", err)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := g.client.Do(req)
	if err != nil {
		return result("TRANSPORT", err)
	}
	defer resp.Body.Close()
	data, err := readBody(resp)
	if err != nil {
		return result("TRANSPORT", err)
	}
	return func() (string, error) { return checkAnswer(resp.StatusCode, data) }
}

// checkAnswer checks a GraphQL answer: HTTP 200, no errors, data.
func checkAnswer(status int, data []byte) (string, error) {
	var r gqlResponse
	if err := json.Unmarshal(data, &r); err != nil {
		return fmt.Sprintf("HTTP_%d", status), fmt.Errorf("HTTP %d: %.200s", status, data)
	}
	if len(r.Errors) > 0 {
		code := r.Errors[0].Extensions.Code
		if code == "" {
			code = "UNKNOWN"
		}
		return code, fmt.Errorf("%s: %s", code, r.Errors[0].Message)
	}
	if status != http.StatusOK {
		return fmt.Sprintf("HTTP_%d", status), fmt.Errorf("HTTP %d", status)
	}
	if len(r.Data) == 0 || string(r.Data) == "null" {
		return "NO_DATA", fmt.Errorf("no data")
	}
	return "", nil
}

// readBody reads resp's body, into a buffer of its length when the server
// gave it.
func readBody(resp *http.Response) ([]byte, error) {
	if n := resp.ContentLength; n > 0 && n <= 1<<26 {
		b := make([]byte, n)
		_, err := io.ReadFull(resp.Body, b)
		return b, err
	}
	return io.ReadAll(resp.Body)
}

// Close closes idle connections.
func (g *GraphQL) Close() error {
	g.client.CloseIdleConnections()
	return nil
}
