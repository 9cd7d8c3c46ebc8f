package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/expertgraph/expertgraph/internal/auth"
	"github.com/expertgraph/expertgraph/internal/domain"
	"github.com/expertgraph/expertgraph/internal/httpserver"
)

// The write API through the real executable schema, behind the auth
// middleware, on every store.

const testJWTSecret = "mutation-test-secret-0123456789abcdef"

// writeServer serves GraphQL over a seeded store of sc, with API keys
// reader-key, editor-key and admin-key and HS256 JWTs.
func writeServer(t *testing.T, sc storeCase) (http.Handler, domain.Store) {
	t.Helper()
	s := seeded(t, sc)
	env := map[string]string{
		auth.EnvAPIKeys: "rita:reader:" + auth.HashKey("reader-key") + ",ed:editor:" + auth.HashKey("editor-key") +
			",ada:admin:" + auth.HashKey("admin-key"),
		auth.EnvJWTSecret: testJWTSecret,
	}
	cfg, err := auth.FromEnv(func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	return auth.Middleware(cfg)(httpserver.GraphQL(httpserver.Config{Store: s, Logger: discardLogger()})), s
}

// answer is a decoded GraphQL response.
type answer struct {
	Status int
	Data   map[string]any
	Errors []struct {
		Message    string
		Path       []any
		Extensions map[string]any
	}
}

// code returns the first error's extensions.code, "" if none.
func (a answer) code() string {
	if len(a.Errors) == 0 {
		return ""
	}
	c, _ := a.Errors[0].Extensions["code"].(string)
	return c
}

func gql(t *testing.T, h http.Handler, token, query string, vars map[string]any) answer {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	a := answer{Status: rec.Code}
	if err := json.Unmarshal(rec.Body.Bytes(), &a); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, rec.Body)
	}
	return a
}

// ok fails the test if the answer has errors.
func (a answer) ok(t *testing.T, what string) answer {
	t.Helper()
	if len(a.Errors) > 0 {
		t.Fatalf("%s: %+v", what, a.Errors)
	}
	return a
}

func jwtFor(t *testing.T, sub, role string, exp time.Duration) string {
	t.Helper()
	s, err := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": sub, "role": role,
		"exp": time.Now().Add(exp).Unix()}).SignedString([]byte(testJWTSecret))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// dig walks a decoded JSON value: dig(v, "a", 0, "b").
func dig(v any, path ...any) any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, _ := v.(map[string]any)
			v = m[k]
		case int:
			l, _ := v.([]any)
			if k >= len(l) {
				return nil
			}
			v = l[k]
		}
	}
	return v
}

func TestWriteAccess(t *testing.T) {
	h, _ := writeServer(t, testStores(t)[0])
	const (
		read   = `{ council(id: "raec") { id } }`
		upsert = `mutation { upsertCountry(input: {id: "georgia", name: "Georgia", sources: [{source: "riac-raec-5"}]}) { id } }`
		del    = `mutation { deleteNodes(ids: ["georgia"]) { deleted } }`
		merge  = `mutation { mergeNodes(kind: PERSON, keep: "no-such-a", merge: ["no-such-b"]) { id } }`
		audit  = `{ auditLog(first: 1) { totalCount } }`
	)
	// What each caller gets: "" (allowed; a merge of unknown IDs then says
	// NOT_FOUND) or the refusal's code.
	for _, c := range []struct {
		name                            string
		token                           string
		read, upsert, del, merge, audit string
	}{
		{"no token", "", "", "UNAUTHENTICATED", "UNAUTHENTICATED", "UNAUTHENTICATED", "UNAUTHENTICATED"},
		{"bad token", "not-a-key", "UNAUTHENTICATED", "UNAUTHENTICATED", "UNAUTHENTICATED", "UNAUTHENTICATED", "UNAUTHENTICATED"},
		{"expired JWT", jwtFor(t, "ed", "editor", -time.Hour), "UNAUTHENTICATED", "UNAUTHENTICATED", "UNAUTHENTICATED", "UNAUTHENTICATED", "UNAUTHENTICATED"},
		{"reader", "reader-key", "", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN"},
		{"editor", "editor-key", "", "", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN"},
		{"editor JWT", jwtFor(t, "ed", "editor", time.Hour), "", "", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN"},
		{"admin", "admin-key", "", "", "", "NOT_FOUND", ""},
		{"admin JWT", jwtFor(t, "ada", "admin", time.Hour), "", "", "", "NOT_FOUND", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			for _, q := range []struct{ what, query, want string }{
				{"read", read, c.read}, {"upsert", upsert, c.upsert}, {"delete", del, c.del},
				{"merge", merge, c.merge}, {"audit", audit, c.audit},
			} {
				a := gql(t, h, c.token, q.query, nil)
				if got := a.code(); got != q.want {
					t.Errorf("%s: code %q, want %q (%+v)", q.what, got, q.want, a.Errors)
				}
				if q.want == "UNAUTHENTICATED" && c.token != "" && a.Status != http.StatusUnauthorized {
					t.Errorf("%s: status %d for a bad token, want 401", q.what, a.Status)
				}
			}
		})
	}
}

const upsertMeeting = `mutation($input: MeetingInput!) {
  upsertMeeting(input: $input) {
    id title date datePrecision council { id }
    sources { source { id url publisher } excerpt }
    speakers { person { id name } roles title institution { id } sources { source { id } } }
    recommendations { id kind text initiatives { id } sources { source { id } } }
  }
}`

// raec6 is a made-up 6th RAEC meeting, reported by two sources (one new),
// naming people and initiatives by name as a report does.
func raec6() map[string]any {
	return map[string]any{
		"id": "raec-6", "council": map[string]any{"name": "RAEC"}, "ordinal": 6,
		"title": "Sixth Meeting of the Russia–Azerbaijan Expert Council", "date": "2025-06",
		"sources": []any{
			map[string]any{"source": "riac-raec-5"},
			map[string]any{"url": "https://example.org/news/raec-6", "publisher": "Example News", "published": "2025-06-20",
				"language": "en", "excerpt": "The sixth meeting took place in June 2025."},
		},
		"appearances": []any{
			map[string]any{"person": map[string]any{"name": "Gadzhiev"}, "roles": []any{"OPENING_SPEECH"}},
			map[string]any{"person": map[string]any{"name": "Nadezhda Testova"}, "roles": []any{"SPEAKER"},
				"title": "Researcher", "institution": map[string]any{"name": "RIAC"}},
		},
		"recommendations": []any{
			map[string]any{"kind": "PROPOSAL", "text": "Speed up work on the western route.",
				"initiatives": []any{map[string]any{"name": "North–South corridor"}}},
		},
	}
}

func TestUpsertMeeting(t *testing.T) {
	for _, sc := range testStores(t) {
		t.Run(sc.name, func(t *testing.T) {
			h, s := writeServer(t, sc)
			before, err := s.Stats(t.Context())
			if err != nil {
				t.Fatal(err)
			}
			a := gql(t, h, "editor-key", upsertMeeting, map[string]any{"input": raec6()}).ok(t, "upsertMeeting")
			m := dig(a.Data, "upsertMeeting")
			for _, c := range []struct {
				path []any
				want any
			}{
				{[]any{"council", "id"}, "raec"},
				{[]any{"date"}, "2025-06"},
				{[]any{"datePrecision"}, "MONTH"},
				{[]any{"sources", 1, "source", "id"}, "example-raec-6"},
				{[]any{"speakers", 0, "person", "id"}, "hikmet-hajiyev"},   // "Gadzhiev" is an alias
				{[]any{"speakers", 1, "person", "id"}, "nadezhda-testova"}, // new: made from the name
				{[]any{"speakers", 1, "institution", "id"}, "riac"},
				{[]any{"speakers", 0, "sources", 1, "source", "id"}, "example-raec-6"}, // the meeting's sources
				{[]any{"recommendations", 0, "id"}, "raec-6-r1"},
				{[]any{"recommendations", 0, "initiatives", 0, "id"}, "instc"}, // "North–South corridor"
			} {
				if got := dig(m, c.path...); got != c.want {
					t.Errorf("%v = %v, want %v", c.path, got, c.want)
				}
			}
			after, _ := s.Stats(t.Context())
			if d := after.Nodes[domain.KindPerson] - before.Nodes[domain.KindPerson]; d != 1 {
				t.Errorf("%d people created, want 1 (Gadzhiev is Hikmet Hajiyev)", d)
			}
			if d := after.Nodes[domain.KindSource] - before.Nodes[domain.KindSource]; d != 1 {
				t.Errorf("%d sources created, want 1", d)
			}
			// Idempotent: the same call again changes nothing.
			gql(t, h, "editor-key", upsertMeeting, map[string]any{"input": raec6()}).ok(t, "upsertMeeting again")
			again, _ := s.Stats(t.Context())
			if !mapsEqual(after.Nodes, again.Nodes) || after.Appearances != again.Appearances {
				t.Errorf("writing the same meeting twice changed the counts: %+v, then %+v", after, again)
			}
			// The audit log says who did it.
			log := gql(t, h, "admin-key", `{ auditLog(filter: {id: "raec-6"}) { totalCount nodes { actor action created updated } } }`, nil).ok(t, "auditLog")
			if n := dig(log.Data, "auditLog", "totalCount"); n != float64(2) {
				t.Errorf("auditLog for raec-6: %v entries, want 2", n)
			}
			if got := dig(log.Data, "auditLog", "nodes", 1, "actor"); got != "ed" {
				t.Errorf("actor %v, want ed", got)
			}
			created, _ := dig(log.Data, "auditLog", "nodes", 1, "created").([]any)
			if !slices.Contains(created, any("raec-6")) || !slices.Contains(created, any("nadezhda-testova")) {
				t.Errorf("the first write created %v; want raec-6 and nadezhda-testova among them", created)
			}
		})
	}
}

func mapsEqual[K comparable, V comparable](a, b map[K]V) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func TestUpsertRefusals(t *testing.T) {
	for _, sc := range testStores(t) {
		t.Run(sc.name, func(t *testing.T) {
			h, s := writeServer(t, sc)
			before, err := s.Export(t.Context())
			if err != nil {
				t.Fatal(err)
			}
			noSources := raec6()
			delete(noSources, "sources")
			badRole := raec6()
			badRole["appearances"].([]any)[1].(map[string]any)["roles"] = []any{}
			badDate := raec6()
			badDate["date"] = "2025-13"
			for _, c := range []struct {
				name, code, field string
				input             map[string]any
			}{
				{"no sources", "BAD_USER_INPUT", "input.sources", noSources},
				{"no roles", "BAD_USER_INPUT", "input.appearances[1].roles", badRole},
			} {
				a := gql(t, h, "editor-key", upsertMeeting, map[string]any{"input": c.input})
				if a.code() != c.code {
					t.Fatalf("%s: code %q, want %q: %+v", c.name, a.code(), c.code, a.Errors)
				}
				problems, _ := a.Errors[0].Extensions["problems"].([]any)
				if dig(problems, 0, "field") != c.field || !strings.Contains(a.Errors[0].Message, c.field) {
					t.Errorf("%s: problems %v, message %q; want the field %s", c.name, problems, a.Errors[0].Message, c.field)
				}
			}
			if a := gql(t, h, "editor-key", upsertMeeting, map[string]any{"input": badDate}); a.code() == "" {
				t.Errorf("a month 13 was accepted")
			}
			// An ambiguous name: a second person also called Hikmet Gadzhiev.
			gql(t, h, "editor-key", `mutation { upsertPerson(input: {id: "hikmet-gadzhiev-jr", name: "Hikmet Gadzhiev",
				sources: [{source: "riac-raec-5"}]}) { id } }`, nil).ok(t, "upsertPerson")
			amb := raec6()
			amb["appearances"].([]any)[0].(map[string]any)["person"] = map[string]any{"name": "Hikmet Gadzhiev"}
			a := gql(t, h, "editor-key", upsertMeeting, map[string]any{"input": amb})
			if a.code() != "CONFLICT" {
				t.Fatalf("ambiguous name: code %q, want CONFLICT: %+v", a.code(), a.Errors)
			}
			var ids []string
			for _, c := range a.Errors[0].Extensions["candidates"].([]any) {
				ids = append(ids, c.(map[string]any)["id"].(string))
			}
			if !slices.Equal(ids, []string{"hikmet-gadzhiev-jr", "hikmet-hajiyev"}) {
				t.Errorf("candidates %v, want hikmet-gadzhiev-jr and hikmet-hajiyev", ids)
			}
			// Nothing of the refused meetings was written.
			gql(t, h, "admin-key", `mutation { deleteNodes(ids: ["hikmet-gadzhiev-jr"]) { deleted } }`, nil).ok(t, "deleteNodes")
			after, _ := s.Export(t.Context())
			if len(after.Meetings) != len(before.Meetings) || len(after.People) != len(before.People) ||
				len(after.Sources) != len(before.Sources) || len(after.Appearances) != len(before.Appearances) {
				t.Errorf("refused writes left something behind: %d/%d meetings, %d/%d people, %d/%d sources",
					len(after.Meetings), len(before.Meetings), len(after.People), len(before.People), len(after.Sources), len(before.Sources))
			}
		})
	}
}

// TestUpsertSources checks that every kind of node is written with its
// sources as institutions are: a write without one is refused, naming the
// field, even when it only adds to a stored node or comes inside upsertGraph;
// a sourced write is accepted and its sources (with excerpts) can be asked
// for; a later write adds its sources to those the node has.
func TestUpsertSources(t *testing.T) {
	const refusal = "at least one source is required"
	for _, sc := range testStores(t) {
		t.Run(sc.name, func(t *testing.T) {
			h, _ := writeServer(t, sc)
			for _, c := range []struct {
				kind     string // the mutation is upsert<Kind>, the query <kind>(id:)
				id       string // a new node
				fields   string // its other input fields
				existing string // a stored node, written again without a source
				graph    string // its upsertGraph collection
			}{
				{"Institution", "caspian-institute", `name: "Caspian Institute", kind: THINK_TANK`, "riac", "institutions"},
				{"Country", "georgia", `name: "Georgia"`, "azerbaijan", "countries"},
				{"Place", "tbilisi", `name: "Tbilisi", country: {id: "azerbaijan"}`, "baku", "places"},
				{"Initiative", "black-sea-link", `name: "Black Sea Link", kind: CORRIDOR`, "instc", "initiatives"},
				{"Theme", "shipping", `name: "Shipping", description: "Ports and sea lanes."`, "energy", "themes"},
			} {
				t.Run(c.kind, func(t *testing.T) {
					mutation := "upsert" + c.kind
					query := strings.ToLower(c.kind[:1]) + c.kind[1:]
					for _, r := range []struct{ name, query, field string }{
						{"new, no sources", fmt.Sprintf(`mutation { %s(input: {id: %q, %s}) { id } }`, mutation, c.id, c.fields),
							"input.sources"},
						{"new, empty sources", fmt.Sprintf(`mutation { %s(input: {id: %q, %s, sources: []}) { id } }`, mutation, c.id, c.fields),
							"input.sources"},
						{"stored, aliases only", fmt.Sprintf(`mutation { %s(input: {id: %q, aliases: ["Another Name"]}) { id } }`, mutation, c.existing),
							"input.sources"},
						{"in a graph", fmt.Sprintf(`mutation { upsertGraph(input: {%s: [{id: %q, %s}]}) { created } }`, c.graph, c.id, c.fields),
							"input." + c.graph + "[0].sources"},
					} {
						a := gql(t, h, "editor-key", r.query, nil)
						if a.code() != "BAD_USER_INPUT" {
							t.Fatalf("%s: code %q, want BAD_USER_INPUT: %+v", r.name, a.code(), a.Errors)
						}
						problems, _ := a.Errors[0].Extensions["problems"].([]any)
						if dig(problems, 0, "field") != r.field || !strings.Contains(a.Errors[0].Message, r.field+": "+refusal) {
							t.Errorf("%s: problems %v, message %q; want %s: %s", r.name, problems, a.Errors[0].Message, r.field, refusal)
						}
					}
					if a := gql(t, h, "", fmt.Sprintf(`{ %s(id: %q) { id } }`, query, c.id), nil); dig(a.Data, query) != nil {
						t.Fatalf("a refused write left %s %s behind", query, c.id)
					}

					a := gql(t, h, "editor-key", fmt.Sprintf(`mutation { %s(input: {id: %q, %s,
						sources: [{source: "riac-raec-5", excerpt: "named in the report"}]}) { id sources { source { id } excerpt } } }`,
						mutation, c.id, c.fields), nil).ok(t, mutation)
					want := []any{map[string]any{"source": map[string]any{"id": "riac-raec-5"}, "excerpt": "named in the report"}}
					if got := dig(a.Data, mutation, "sources"); !reflect.DeepEqual(got, want) {
						t.Errorf("%s returned sources %v, want %v", mutation, got, want)
					}
					// A second write adds a new source (made from its URL) to the one the node has.
					gql(t, h, "editor-key", fmt.Sprintf(`mutation { %s(input: {id: %q,
						sources: [{url: "https://example.org/news/%s", publisher: "Example News"}]}) { id } }`,
						mutation, c.id, c.id), nil).ok(t, mutation+" again")
					read := gql(t, h, "", fmt.Sprintf(`{ %s(id: %q) { sources { source { id url publisher } excerpt } } }`, query, c.id), nil).ok(t, query)
					want = []any{
						map[string]any{"source": map[string]any{"id": "riac-raec-5", "url": "https://russiancouncil.ru/en/news/fifth-meeting-of-russia-azerbaijan-expert-council/?sphrase_id=153452429",
							"publisher": "Russian International Affairs Council (RIAC)"}, "excerpt": "named in the report"},
						map[string]any{"source": map[string]any{"id": "example-" + c.id, "url": "https://example.org/news/" + c.id,
							"publisher": "Example News"}, "excerpt": nil},
					}
					if got := dig(read.Data, query, "sources"); !reflect.DeepEqual(got, want) {
						t.Errorf("%s(id: %q) sources = %v, want %v", query, c.id, got, want)
					}
				})
			}
			// In a batch, an item may cite by URL a source the same batch writes.
			a := gql(t, h, "editor-key", `mutation { upsertGraph(input: {
				sources: [{url: "https://example.net/armenia-roundtable", publisher: "Example Net"}],
				countries: [{id: "armenia-2", name: "Armenia Two", sources: [{url: "https://example.net/armenia-roundtable"}]}],
				places: [{id: "gyumri", name: "Gyumri", country: {id: "armenia-2"}, sources: [{url: "https://example.net/armenia-roundtable"}]}]
			}) { created } }`, nil).ok(t, "upsertGraph")
			if got := dig(a.Data, "upsertGraph", "created"); !reflect.DeepEqual(got, []any{"armenia-2", "example-armenia-roundtable", "gyumri"}) {
				t.Errorf("upsertGraph created %v", got)
			}
			p := gql(t, h, "", `{ place(id: "gyumri") { sources { source { id publisher } } } }`, nil).ok(t, "place")
			if got := dig(p.Data, "place", "sources", 0, "source", "id"); got != "example-armenia-roundtable" {
				t.Errorf("gyumri cites %v, want example-armenia-roundtable", dig(p.Data, "place", "sources"))
			}
		})
	}
}

func TestDeleteAndMerge(t *testing.T) {
	for _, sc := range testStores(t) {
		t.Run(sc.name, func(t *testing.T) {
			h, _ := writeServer(t, sc)
			a := gql(t, h, "admin-key", `mutation { deleteNodes(ids: ["raec"]) { deleted } }`, nil)
			if a.code() != "CONFLICT" || a.Errors[0].Extensions["referrers"] == nil {
				t.Fatalf("deleting a council with meetings: %+v, want CONFLICT with referrers", a.Errors)
			}
			// A duplicate, then the merge: the old ID still answers.
			gql(t, h, "editor-key", `mutation { upsertPerson(input: {id: "h-hajiev", name: "H. Hajiev",
				sources: [{source: "riac-raec-5", excerpt: "H. Hajiev"}]}) { id } }`, nil).ok(t, "upsertPerson")
			gql(t, h, "editor-key", `mutation { upsertAppearance(input: {meeting: "raec-1", person: {id: "h-hajiev"}, roles: [MODERATOR],
				sources: [{source: "riac-raec-5"}]}) { person { id } } }`, nil).ok(t, "upsertAppearance")
			m := gql(t, h, "admin-key", `mutation { mergeNodes(kind: PERSON, keep: "hikmet-hajiyev", merge: ["h-hajiev"]) {
				id ... on Person { aliases } } }`, nil).ok(t, "mergeNodes")
			aliases, _ := dig(m.Data, "mergeNodes", "aliases").([]any)
			if !slices.Contains(aliases, any("H. Hajiev")) {
				t.Errorf("aliases after the merge %v lack H. Hajiev", aliases)
			}
			p := gql(t, h, "", `{ person(id: "h-hajiev") { id appearances { meeting { id } roles } } }`, nil).ok(t, "person")
			if dig(p.Data, "person", "id") != "hikmet-hajiyev" {
				t.Errorf("person(h-hajiev) = %v, want hikmet-hajiyev", dig(p.Data, "person"))
			}
			roles := dig(p.Data, "person", "appearances", 0, "roles")
			if !slices.Contains(roles.([]any), any("MODERATOR")) {
				t.Errorf("the merged appearance at raec-1 lost its role: %v", roles)
			}
		})
	}
}
