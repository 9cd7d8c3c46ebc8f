package domain

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"slices"
	"time"
)

// AuditEntry records one change to the store: who made it, when, through
// what, and which IDs it touched. A store writes it in the same transaction as
// the change, so the log never misses a change nor records one that did not
// happen.
type AuditEntry struct {
	ID      string    // assigned by the store: unique, and orders entries of the same instant
	At      time.Time // when the store made the change, UTC
	Actor   string    // who: the principal's name ("alice", "importer")
	Action  string    // what: the mutation or command ("upsertMeeting", "mergePeople", "import")
	Summary string    // a readable account of the change, from the caller
	Created []string  // IDs (and appearance keys "meeting/person") the change created, and merged IDs an Upsert redirected
	Updated []string  // IDs it rewrote, including nodes whose links it moved and redirects an Upsert wrote again
	Deleted []string  // IDs it removed, merged IDs included
}

// Touches reports whether the entry created, updated or deleted id.
func (e *AuditEntry) Touches(id string) bool {
	return slices.Contains(e.Created, id) || slices.Contains(e.Updated, id) || slices.Contains(e.Deleted, id)
}

// AuditKey is the sort key of an entry: its time, in a fixed-width text that
// orders like the time.
func AuditKey(at time.Time) string { return at.UTC().Format(auditTimeLayout) }

const auditTimeLayout = "2006-01-02T15:04:05.000000000Z"

// NewAuditID returns a fresh, unique ID for an entry made at at.
func NewAuditID(at time.Time) string {
	var b [6]byte
	rand.Read(b[:])
	return at.UTC().Format("20060102t150405") + "-" + hex.EncodeToString(b[:])
}

// AuditFilter selects audit entries; zero fields match everything, set fields all must match.
type AuditFilter struct {
	Actor string    // made by this actor
	ID    string    // created, updated or deleted this ID
	From  time.Time // at or after
	To    time.Time // at or before
}

// Validate reports an inverted time range.
func (f AuditFilter) Validate() error {
	if !f.From.IsZero() && !f.To.IsZero() && f.From.After(f.To) {
		return Invalidf("filter.from", "the range starts (%s) after it ends (%s); swap from and to",
			f.From.Format(time.RFC3339), f.To.Format(time.RFC3339))
	}
	return nil
}

// Match reports whether e passes the filter.
func (f AuditFilter) Match(e *AuditEntry) bool {
	return (f.Actor == "" || e.Actor == f.Actor) && (f.ID == "" || e.Touches(f.ID)) &&
		(f.From.IsZero() || !e.At.Before(f.From)) && (f.To.IsZero() || !e.At.After(f.To))
}

// AuditQuery is a page of the audit log, newest first (entries of the same
// instant by ID).
type AuditQuery struct {
	Filter AuditFilter
	Page   PageRequest
}

// Audit log pages (AuditEntryConnection and AuditEntryEdge in the GraphQL schema).
type (
	AuditConnection      = Connection[*AuditEntry]
	AuditEdge            = Edge[*AuditEntry]
	AuditEntryConnection = Connection[*AuditEntry]
	AuditEntryEdge       = Edge[*AuditEntry]
)

// AuditScope is the cursor scope of an audit query.
func AuditScope(f AuditFilter) string { return Scope("audit", "AT_DESC", f) }

type auditKey struct{}

// WithAudit returns ctx asking the store to record e (its Actor, Action and
// Summary; the store fills in the rest) with every write made under ctx.
func WithAudit(ctx context.Context, e AuditEntry) context.Context {
	return context.WithValue(ctx, auditKey{}, e)
}

// AuditFrom returns the entry WithAudit put in ctx.
func AuditFrom(ctx context.Context) (AuditEntry, bool) {
	e, ok := ctx.Value(auditKey{}).(AuditEntry)
	return e, ok
}

// Audited completes the entry of ctx for a change made at at, or returns nil
// when ctx asks for no audit.
func Audited(ctx context.Context, at time.Time, created, updated, deleted []string) *AuditEntry {
	e, ok := AuditFrom(ctx)
	if !ok {
		return nil
	}
	e.At = at.UTC()
	e.ID = NewAuditID(e.At)
	e.Created, e.Updated, e.Deleted = sortedSet(created), sortedSet(updated), sortedSet(deleted)
	return &e
}

// sortedSet returns the distinct non-empty strings of xs, sorted.
func sortedSet(xs []string) []string {
	out := make([]string, 0, len(xs))
	for _, x := range xs {
		if x != "" {
			out = append(out, x)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
