package main

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/expertgraph/expertgraph/internal/httpserver"
)

// errorCodes returns the extensions.code of each error of a GraphQL answer.
func errorCodes(t *testing.T, body []byte) ([]string, string) {
	t.Helper()
	var r struct {
		Errors []struct {
			Message    string         `json:"message"`
			Extensions map[string]any `json:"extensions"`
		} `json:"errors"`
	}
	if err := json.Unmarshal(body, &r); err != nil {
		t.Fatalf("answer is not JSON: %v\n%s", err, body)
	}
	var codes, msgs []string
	for _, e := range r.Errors {
		c, _ := e.Extensions["code"].(string)
		codes = append(codes, c)
		msgs = append(msgs, e.Message)
	}
	return codes, strings.Join(msgs, " | ")
}

// TestBadInput checks that each kind of bad request gets a clear error with
// the right code and HTTP status, on every store, and that nothing internal leaks.
func TestBadInput(t *testing.T) {
	deep := `{meeting(id:"raec-5"){speakers{person{appearances{meeting{speakers{person{appearances{meeting{speakers{person{appearances{meeting{id}}}}}}}}}}}}}}`
	var aliases strings.Builder
	aliases.WriteString("{")
	for i := 0; i < 5000; i++ {
		aliases.WriteString(" a" + itoa(i) + `: meetings(first: 100) { nodes { id } }`)
	}
	aliases.WriteString("}")
	var fields strings.Builder
	fields.WriteString(`{meeting(id:"raec-5"){`)
	for i := 0; i < 600; i++ {
		fields.WriteString(" t" + itoa(i) + ": title")
	}
	fields.WriteString("}}")

	tests := []struct {
		name       string
		query      string
		wantStatus int
		wantCode   string
		wantMsg    string
	}{
		{"malformed query", `{meeting(id:"raec-5"){title}`, http.StatusBadRequest, "GRAPHQL_PARSE_FAILED", "Expected"},
		{"unknown field", `{meeting(id:"raec-5"){colour}}`, http.StatusBadRequest, "GRAPHQL_VALIDATION_FAILED", "colour"},
		{"too deep", deep, http.StatusBadRequest, "QUERY_TOO_DEEP", "levels deep"},
		{"too complex: 5000 aliases of a list", aliases.String(), http.StatusBadRequest, "TOO_MANY_FIELDS", "more than"},
		{"too complex: big pages nested", `{meetings(first:100){nodes{council{meetings(first:100){nodes{speakers{person{appearances{meeting{title}}}}}}}}}}`, http.StatusBadRequest, "COMPLEXITY_LIMIT_EXCEEDED", "complexity"},
		{"too many fields", fields.String(), http.StatusBadRequest, "TOO_MANY_FIELDS", "more than 500 fields"},
		{"unknown id", `{meeting(id:"raec-99"){title}}`, http.StatusOK, "NOT_FOUND", `no meeting with id "raec-99"`},
		{"unknown node", `{node(id:"nobody"){id}}`, http.StatusOK, "NOT_FOUND", `"nobody"`},
		{"invalid cursor", `{meetings(after:"not-a-cursor"){totalCount}}`, http.StatusOK, "BAD_USER_INPUT", "not a cursor"},
		{"cursor of another query", `{people(after:"` + otherCursor + `"){totalCount}}`, http.StatusOK, "BAD_USER_INPUT", "another query"},
		{"first: 1000", `{meetings(first:1000){totalCount}}`, http.StatusOK, "BAD_USER_INPUT", "at most 100"},
		{"negative first", `{meetings(first:-1){totalCount}}`, http.StatusOK, "BAD_USER_INPUT", "negative"},
		{"bad date", `{meetings(filter:{dates:{from:"2024-13"}}){totalCount}}`, http.StatusOK, "BAD_USER_INPUT", "month 13"},
		{"inverted range", `{meetings(filter:{dates:{from:"2024",to:"2021"}}){totalCount}}`, http.StatusOK, "BAD_USER_INPUT", "swap"},
		{"bad enum", `{meetings(sort:SIDEWAYS){totalCount}}`, http.StatusBadRequest, "GRAPHQL_VALIDATION_FAILED", "SIDEWAYS"},
		{"empty lookup", `{lookup(name:""){id}}`, http.StatusOK, "BAD_USER_INPUT", "name"},
		{"hop limit", `{shortestPaths(from:"raec-5",to:"instc",maxHops:11){edges{type}}}`, http.StatusOK, "BAD_USER_INPUT", "maxHops"},
	}
	for _, sc := range testStores(t) {
		t.Run(sc.name, func(t *testing.T) {
			h := httpserver.New(httpserver.Config{Store: seeded(t, sc), Logger: discardLogger(), InOrder: sc.inOrder})
			for _, tt := range tests {
				t.Run(tt.name, func(t *testing.T) {
					q := strings.ReplaceAll(tt.query, otherCursor, meetingsCursor(t, h))
					r := post(t, h, q, nil)
					codes, msg := errorCodes(t, r.Body)
					if r.Status != tt.wantStatus {
						t.Errorf("status %d, want %d (%s)", r.Status, tt.wantStatus, msg)
					}
					if !strings.HasPrefix(r.ContentType, "application/graphql-response+json") {
						t.Errorf("Content-Type %q, want application/graphql-response+json", r.ContentType)
					}
					if len(codes) == 0 {
						t.Fatalf("no error; answer: %s", r.Body)
					}
					if tt.wantCode != "" && codes[0] != tt.wantCode {
						t.Errorf("code %q, want %q (%s)", codes[0], tt.wantCode, msg)
					}
					if !strings.Contains(msg, tt.wantMsg) {
						t.Errorf("message %q does not say %q", msg, tt.wantMsg)
					}
					for _, leak := range []string{"goroutine", ".go:", "neo4j", "Neo4j", "bolt"} {
						if strings.Contains(msg, leak) {
							t.Errorf("message leaks internals (%q): %s", leak, msg)
						}
					}
				})
			}
		})
	}
}

// otherCursor stands in a query for a cursor of the meetings list, offered
// to another list.
const otherCursor = "OTHER_CURSOR"

// meetingsCursor returns a real cursor of the meetings list.
func meetingsCursor(t *testing.T, h http.Handler) string {
	t.Helper()
	var r struct {
		Data struct {
			Meetings struct {
				PageInfo struct{ EndCursor string }
			}
		}
	}
	if err := json.Unmarshal(post(t, h, `{meetings(first:1){pageInfo{endCursor}}}`, nil).Body, &r); err != nil || r.Data.Meetings.PageInfo.EndCursor == "" {
		t.Fatalf("no cursor: %v", err)
	}
	return r.Data.Meetings.PageInfo.EndCursor
}

func TestBodyTooLarge(t *testing.T) {
	sc := testStores(t)[0]
	h := httpserver.New(httpserver.Config{Store: seeded(t, sc), Logger: discardLogger(), InOrder: sc.inOrder})
	r := post(t, h, "{ __typename }"+strings.Repeat(" ", 2<<20), nil)
	codes, msg := errorCodes(t, r.Body)
	if r.Status != http.StatusRequestEntityTooLarge || len(codes) != 1 || codes[0] != "BODY_TOO_LARGE" {
		t.Fatalf("status %d codes %v (%s), want 413 BODY_TOO_LARGE", r.Status, codes, msg)
	}
}

// TestExplicitNullIsAbsent checks that a filter field given as null filters
// nothing, like an absent one (and is not read as the ID "null").
func TestExplicitNullIsAbsent(t *testing.T) {
	for _, sc := range testStores(t) {
		t.Run(sc.name, func(t *testing.T) {
			h := httpserver.New(httpserver.Config{Store: seeded(t, sc), Logger: discardLogger(), InOrder: sc.inOrder})
			absent := canonical(t, post(t, h, `{meetings{totalCount}}`, nil).Body)
			null := canonical(t, post(t, h, `{meetings(filter:{council:null, dates:{from:null}}){totalCount}}`, nil).Body)
			vars := canonical(t, post(t, h, `query($c: ID){meetings(filter:{council:$c}){totalCount}}`, map[string]any{"c": nil}).Body)
			if null != absent || vars != absent {
				t.Errorf("null filters differ from absent ones:\nabsent %s\nnull %s\nvariable %s", absent, null, vars)
			}
		})
	}
}
