package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
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
		upsert = `mutation { upsertCountry(input: {id: "georgia", name: "Georgia"}) { id } }`
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
