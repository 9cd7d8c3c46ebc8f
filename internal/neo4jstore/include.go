package neo4jstore

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// The With readers run the reader without With and the reads of the nodes
// its answer refers to in one managed read transaction: the reader's own
// read finds the transaction in its context (inTx) and runs in it. A GraphQL
// level and the nodes the next level asks for then cost one transaction, not
// one per level. The driver retries the whole transaction, so each attempt
// starts from a fresh domain.Include.

type txKey struct{}

// inTx returns ctx carrying tx, in which read runs its work.
func inTx(ctx context.Context, tx neo4j.ManagedTransaction) context.Context {
	return context.WithValue(ctx, txKey{}, tx)
}

// withRead runs answer and then the reads of what it noted in in, all in
// one read transaction.
func withRead[T any](ctx context.Context, s *Store, with []domain.Kind,
	answer func(ctx context.Context, in *domain.Include) (T, error)) (T, *domain.Graph, error) {
	var zero T
	if _, err := domain.NewInclude(with); err != nil {
		return zero, nil, err
	}
	type result struct {
		v T
		g *domain.Graph
	}
	r, err := read(ctx, s, func(tx neo4j.ManagedTransaction) (result, error) {
		in, _ := domain.NewInclude(with)
		txCtx := inTx(ctx, tx)
		v, err := answer(txCtx, in)
		if err != nil {
			return result{}, err
		}
		g, err := included(txCtx, tx, in)
		return result{v, g}, err
	})
	if err != nil {
		return zero, nil, err
	}
	return r.v, r.g, nil
}

// included reads what in names, level by level, one statement per kind. A
// reference is followed to the node stored under that very ID (no
// redirects), as domain.Include says.
func included(ctx context.Context, tx neo4j.ManagedTransaction, in *domain.Include) (*domain.Graph, error) {
	for next := in.Next(); next != nil; next = in.Next() {
		var x domain.Graph
		var err error
		if x.Councils, err = nodesOf(ctx, tx, councilsByID, next[domain.KindCouncil], councilOf); err != nil {
			return nil, err
		}
		if x.Meetings, err = nodesOf(ctx, tx, meetingsByID, next[domain.KindMeeting], meetingOf); err != nil {
			return nil, err
		}
		if x.People, err = nodesOf(ctx, tx, peopleByID, next[domain.KindPerson], personOf); err != nil {
			return nil, err
		}
		if x.Institutions, err = nodesOf(ctx, tx, institutionsByID, next[domain.KindInstitution], institutionOf); err != nil {
			return nil, err
		}
		if x.Places, err = nodesOf(ctx, tx, placesByID, next[domain.KindPlace], placeOf); err != nil {
			return nil, err
		}
		in.Add(&x)
	}
	return in.Graph(), nil
}

// nodesOf reads the nodes of ids with query (which UNWINDs $ids); none and
// no statement for no IDs.
func nodesOf[T any](ctx context.Context, tx neo4j.ManagedTransaction, query string, ids []string,
	mapper func(*fields, *neo4j.Record) *T) ([]*T, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	return run(ctx, tx, query, map[string]any{"ids": ids}, func(rec *neo4j.Record) (*T, error) {
		var f fields
		x := mapper(&f, rec)
		return x, f.err
	})
}

// MeetingsWith returns Meetings and the nodes of the kinds in with they refer to.
func (s *Store) MeetingsWith(ctx context.Context, ids []string, with []domain.Kind) ([]*domain.Meeting, *domain.Graph, error) {
	return withRead(ctx, s, with, func(ctx context.Context, in *domain.Include) ([]*domain.Meeting, error) {
		ms, err := s.Meetings(ctx, ids)
		in.Meetings(ms...)
		return ms, err
	})
}

// AppearancesByMeetingWith returns AppearancesByMeeting and the nodes of the kinds in with they refer to.
func (s *Store) AppearancesByMeetingWith(ctx context.Context, meetingIDs []string, with []domain.Kind) ([][]*domain.Appearance, *domain.Graph, error) {
	return withRead(ctx, s, with, func(ctx context.Context, in *domain.Include) ([][]*domain.Appearance, error) {
		as, err := s.AppearancesByMeeting(ctx, meetingIDs)
		for _, xs := range as {
			in.Appearances(xs...)
		}
		return as, err
	})
}

// AppearancesByPersonWith returns AppearancesByPerson and the nodes of the kinds in with they refer to.
func (s *Store) AppearancesByPersonWith(ctx context.Context, personIDs []string, with []domain.Kind) ([][]*domain.Appearance, *domain.Graph, error) {
	return withRead(ctx, s, with, func(ctx context.Context, in *domain.Include) ([][]*domain.Appearance, error) {
		as, err := s.AppearancesByPerson(ctx, personIDs)
		for _, xs := range as {
			in.Appearances(xs...)
		}
		return as, err
	})
}

// ListRecommendationsWith returns ListRecommendations and the nodes of the kinds in with its page refers to.
func (s *Store) ListRecommendationsWith(ctx context.Context, q domain.RecommendationQuery, with []domain.Kind) (*domain.RecommendationConnection, *domain.Graph, error) {
	return withRead(ctx, s, with, func(ctx context.Context, in *domain.Include) (*domain.RecommendationConnection, error) {
		c, err := s.ListRecommendations(ctx, q)
		if err != nil {
			return nil, err
		}
		in.Recommendations(c.Nodes()...)
		return c, nil
	})
}

// RecurrenceWith returns Recurrence and the nodes of the kinds in with it refers to.
func (s *Store) RecurrenceWith(ctx context.Context, ids []string, f domain.RecurrenceFilter, with []domain.Kind) ([]*domain.Recurrence, *domain.Graph, error) {
	return withRead(ctx, s, with, func(ctx context.Context, in *domain.Include) ([]*domain.Recurrence, error) {
		rs, err := s.Recurrence(ctx, ids, f)
		in.Recurrences(rs...)
		return rs, err
	})
}
