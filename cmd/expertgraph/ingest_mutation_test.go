package main

import (
	"context"
	"os"
	"testing"
)

// TestIngestReportMutation drives ingestReport through the executable schema
// on every store: a dry run writes nothing and needs no token; applying needs
// the editor role, creates the meeting once, and a second report of the same
// meeting merges into it as one more source.
func TestIngestReportMutation(t *testing.T) {
	report, err := os.ReadFile("../../internal/ingest/testdata/kz-uz-forum-2023.txt")
	if err != nil {
		t.Fatal(err)
	}
	news, err := os.ReadFile("../../internal/ingest/testdata/kz-uz-forum-2023-news.txt")
	if err != nil {
		t.Fatal(err)
	}
	const m = `mutation($in: IngestInput!) { ingestReport(input: $in) {
		applied meeting { id sources { source { url } } speakers { person { name } } } meetingOutcome created matched newAppearances warnings } }`
	in := func(text []byte, url string, apply bool) map[string]any {
		return map[string]any{"in": map[string]any{"text": string(text), "url": url, "apply": apply}}
	}
	for _, sc := range testStores(t) {
		t.Run(sc.name, func(t *testing.T) {
			h, s := writeServer(t, sc)
			before, err := s.Stats(context.Background())
			if err != nil {
				t.Fatal(err)
			}

			dry := gql(t, h, "", m, in(report, "https://example.org/kz-uz-3", false)).ok(t, "dry run")
			r := dry.Data["ingestReport"].(map[string]any)
			if r["applied"] != false || r["meeting"] != nil || len(r["created"].([]any)) == 0 {
				t.Errorf("dry run: %v", r)
			}
			if after, _ := s.Stats(context.Background()); after.Nodes[`MEETING`] != before.Nodes[`MEETING`] {
				t.Errorf("a dry run wrote a meeting")
			}

			if a := gql(t, h, "", m, in(report, "https://example.org/kz-uz-3", true)); a.code() != "UNAUTHENTICATED" {
				t.Errorf("apply without a token: %s, want UNAUTHENTICATED", a.code())
			}
			if a := gql(t, h, "reader-key", m, in(report, "https://example.org/kz-uz-3", true)); a.code() != "FORBIDDEN" {
				t.Errorf("apply as a reader: %s, want FORBIDDEN", a.code())
			}
			if a := gql(t, h, "editor-key", m, in(report, "", true)); a.code() != "BAD_USER_INPUT" {
				t.Errorf("apply without a URL: %s, want BAD_USER_INPUT", a.code())
			}

			first := gql(t, h, "editor-key", m, in(report, "https://example.org/kz-uz-3", true)).ok(t, "apply")
			r = first.Data["ingestReport"].(map[string]any)
			meeting, _ := r["meeting"].(map[string]any)
			if r["applied"] != true || r["meetingOutcome"] != "created" || meeting == nil || len(meeting["speakers"].([]any)) == 0 {
				t.Fatalf("first apply: %v", r)
			}
			second := gql(t, h, "editor-key", m, in(news, "https://example.org/kz-uz-3-news", true)).ok(t, "apply news")
			r2 := second.Data["ingestReport"].(map[string]any)
			meeting2, _ := r2["meeting"].(map[string]any)
			if r2["meetingOutcome"] != "merged" || meeting2 == nil || meeting2["id"] != meeting["id"] || len(meeting2["sources"].([]any)) != 2 {
				t.Errorf("second report of the same meeting: %v", r2)
			}
			audit := gql(t, h, "admin-key", `{auditLog(filter:{id: "`+meeting["id"].(string)+`"}) { nodes { action actor } }}`, nil).ok(t, "audit")
			if n := len(audit.Data["auditLog"].(map[string]any)["nodes"].([]any)); n != 2 {
				t.Errorf("audit log has %d ingestReport entries for the meeting, want 2: %v", n, audit.Data)
			}
		})
	}
}
