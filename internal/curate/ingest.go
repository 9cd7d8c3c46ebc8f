package curate

import (
	"context"
	"encoding/json"

	"github.com/expertgraph/expertgraph/internal/auth"
	"github.com/expertgraph/expertgraph/internal/domain"
	"github.com/expertgraph/expertgraph/internal/ingest"
)

// IngestInput is a meeting report to turn into a draft, and whether to write it.
type IngestInput struct {
	Text      string
	URL       string
	Publisher *string
	Title     *string
	Published *domain.Date
	Apply     *bool
}

// IngestResult is the draft extracted from a report and what applying it
// does (or, in a dry run, would do).
type IngestResult struct {
	Applied            bool
	Draft              string // the draft as JSON, as `expertgraph ingest` prints it
	MeetingID          string // the meeting the report is about: created, merged, or "" if none
	MeetingOutcome     string // "created" or "merged"
	Created            []string
	Matched            []string
	NewAppearances     int
	NewRecommendations int
	Warnings           []string
}

// IngestReport extracts a draft from a report with the gazetteer of what the
// store holds and plans it; with Apply (editor role) it writes it in one
// audited transaction, resolving people, institutions and initiatives against
// the graph and merging into a known meeting.
func (s *Service) IngestReport(ctx context.Context, in IngestInput) (*IngestResult, error) {
	apply := in.Apply != nil && *in.Apply
	if apply {
		if err := auth.Require(ctx, auth.RoleEditor); err != nil {
			return nil, err
		}
	}
	if in.URL == "" {
		return nil, domain.Invalidf("input.url", "the report's URL is required: every fact names its source")
	}
	src := ingest.SourceInfo{URL: in.URL, Publisher: deref(in.Publisher), Title: deref(in.Title)}
	if in.Published != nil {
		src.Published = *in.Published
	}
	gaz, err := ingest.FromStore(ctx, s.store, nil)
	if err != nil {
		return nil, err
	}
	d, err := ingest.Extract([]byte(in.Text), ingest.Options{Gazetteer: gaz, Published: src.Published})
	if err != nil {
		return nil, domain.Invalidf("input.text", "%v", err)
	}
	var res *ingest.Result
	if apply {
		ctx = domain.WithAudit(ctx, domain.AuditEntry{Actor: actor(ctx), Action: "ingestReport", Summary: "ingestReport: " + in.URL})
		res, err = ingest.Apply(ctx, s.store, d, src)
	} else {
		res, err = ingest.Plan(ctx, s.store, d, src)
	}
	if err != nil {
		return nil, err
	}
	draft, err := json.Marshal(d)
	if err != nil {
		return nil, err
	}
	out := &IngestResult{Applied: apply, Draft: string(draft), MeetingID: res.MeetingID, MeetingOutcome: res.Meeting,
		NewAppearances: res.NewAppearances, NewRecommendations: res.NewRecommendations,
		Warnings: append(append([]string{}, d.Warnings...), res.Warnings...), Created: []string{}, Matched: []string{}}
	for _, r := range res.Created {
		out.Created = append(out.Created, r.ID)
	}
	for _, r := range res.Matched {
		out.Matched = append(out.Matched, r.ID)
	}
	return out, nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
