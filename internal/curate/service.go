package curate

import (
	"context"
	"fmt"
	"strings"

	"github.com/expertgraph/expertgraph/internal/auth"
	"github.com/expertgraph/expertgraph/internal/domain"
)

// The operations behind the mutations, one per mutation: each checks the
// caller's role, writes in one transaction, and returns what it wrote as the
// store now holds it.

// upsert runs build in a fresh batch as an editor and writes the result.
func (s *Service) upsert(ctx context.Context, action string, build func(b *batch) string) (string, *WriteResult, error) {
	if err := auth.Require(ctx, auth.RoleEditor); err != nil {
		return "", nil, err
	}
	b := s.begin(ctx)
	id := build(b)
	res, err := b.write(action)
	return id, res, err
}

// reread returns the node of id as the store holds it after a write.
func reread[T any](ctx context.Context, read func(context.Context, []string) ([]*T, error), id string, err error) (*T, error) {
	if err != nil {
		return nil, err
	}
	xs, err := read(ctx, []string{id})
	if err != nil {
		return nil, err
	}
	if xs[0] == nil {
		return nil, domain.Errorf(domain.ENOTFOUND, "%q was written but is gone: a concurrent delete?", id)
	}
	return xs[0], nil
}

// UpsertMeeting writes a meeting with its appearances, recommendations and sources.
func (s *Service) UpsertMeeting(ctx context.Context, in MeetingInput) (*domain.Meeting, error) {
	id, _, err := s.upsert(ctx, "upsertMeeting", func(b *batch) string { return b.meeting("input", &in) })
	return reread(ctx, s.store.Meetings, id, err)
}

// UpsertAppearance writes one appearance of a person at a meeting.
func (s *Service) UpsertAppearance(ctx context.Context, in AppearanceInput) (*domain.Appearance, error) {
	key, _, err := s.upsert(ctx, "upsertAppearance", func(b *batch) string { return b.appearance("input", "", &in, nil) })
	if err != nil {
		return nil, err
	}
	m, p, _ := strings.Cut(key, "/")
	apps, err := s.store.AppearancesByMeeting(ctx, []string{m})
	if err != nil {
		return nil, err
	}
	for _, a := range apps[0] {
		if a.PersonID == p {
			return a, nil
		}
	}
	return nil, domain.Errorf(domain.ENOTFOUND, "%q was written but is gone: a concurrent delete?", key)
}

// UpsertRecommendation writes one recommendation of a meeting.
func (s *Service) UpsertRecommendation(ctx context.Context, in RecommendationInput) (*domain.Recommendation, error) {
	id, _, err := s.upsert(ctx, "upsertRecommendation", func(b *batch) string {
		return b.recommendation("input", "", &in, nil, 1)
	})
	return reread(ctx, s.store.Recommendations, id, err)
}

// UpsertPerson writes a person.
func (s *Service) UpsertPerson(ctx context.Context, in PersonInput) (*domain.Person, error) {
	id, _, err := s.upsert(ctx, "upsertPerson", func(b *batch) string { return b.person("input", &in, true) })
	return reread(ctx, s.store.People, id, err)
}

// UpsertInstitution writes an institution.
func (s *Service) UpsertInstitution(ctx context.Context, in InstitutionInput) (*domain.Institution, error) {
	id, _, err := s.upsert(ctx, "upsertInstitution", func(b *batch) string { return b.institution("input", &in, true) })
	return reread(ctx, s.store.Institutions, id, err)
}

// UpsertInitiative writes an initiative.
func (s *Service) UpsertInitiative(ctx context.Context, in InitiativeInput) (*domain.Initiative, error) {
	id, _, err := s.upsert(ctx, "upsertInitiative", func(b *batch) string { return b.initiative("input", &in) })
	return reread(ctx, s.store.Initiatives, id, err)
}

// UpsertCouncil writes a council.
func (s *Service) UpsertCouncil(ctx context.Context, in CouncilInput) (*domain.Council, error) {
	id, _, err := s.upsert(ctx, "upsertCouncil", func(b *batch) string { return b.council("input", &in) })
	return reread(ctx, s.store.Councils, id, err)
}

// UpsertSource writes a source; one without an ID is found by URL or gets
// an ID made from it.
func (s *Service) UpsertSource(ctx context.Context, in SourceInput) (*domain.Source, error) {
	id, _, err := s.upsert(ctx, "upsertSource", func(b *batch) string { return b.source("input", &in) })
	return reread(ctx, s.store.Sources, id, err)
}

// UpsertCountry writes a country.
func (s *Service) UpsertCountry(ctx context.Context, in CountryInput) (*domain.Country, error) {
	id, _, err := s.upsert(ctx, "upsertCountry", func(b *batch) string { return b.country("input", &in) })
	return reread(ctx, s.store.Countries, id, err)
}

// UpsertPlace writes a place.
func (s *Service) UpsertPlace(ctx context.Context, in PlaceInput) (*domain.Place, error) {
	id, _, err := s.upsert(ctx, "upsertPlace", func(b *batch) string { return b.place("input", &in) })
	return reread(ctx, s.store.Places, id, err)
}

// UpsertTheme writes a theme of the taxonomy.
func (s *Service) UpsertTheme(ctx context.Context, in ThemeInput) (*domain.Theme, error) {
	id, _, err := s.upsert(ctx, "upsertTheme", func(b *batch) string { return b.theme("input", &in) })
	return reread(ctx, s.store.Themes, id, err)
}

// UpsertPublication writes a publication.
func (s *Service) UpsertPublication(ctx context.Context, in PublicationInput) (*domain.Publication, error) {
	id, _, err := s.upsert(ctx, "upsertPublication", func(b *batch) string { return b.publication("input", &in) })
	return reread(ctx, s.store.Publications, id, err)
}

// MaxGraphInput bounds the items of one upsertGraph; larger imports go
// through `expertgraph import`.
const MaxGraphInput = 1000

// UpsertGraph writes a small batch of nodes and links in one transaction.
// Nodes are written before the references to them are resolved, so an item
// may refer to another of the same batch by ID or name. Every item but a
// source needs sources as in its own mutation.
func (s *Service) UpsertGraph(ctx context.Context, in GraphInput) (*WriteResult, error) {
	n := len(in.Countries) + len(in.Places) + len(in.Institutions) + len(in.People) + len(in.Councils) +
		len(in.Initiatives) + len(in.Themes) + len(in.Sources) + len(in.Publications) + len(in.Meetings) +
		len(in.Appearances) + len(in.Recommendations)
	if n > MaxGraphInput {
		return nil, domain.Invalidf("input", "%d items; at most %d per call: use `expertgraph import` for more", n, MaxGraphInput)
	}
	_, res, err := s.upsert(ctx, "upsertGraph", func(b *batch) string {
		at := func(coll string, i int) string { return fmt.Sprintf("input.%s[%d]", coll, i) }
		// Announce the IDs given first, so that references may point forward.
		pre := func(kind domain.Kind, coll string, i int, id, name *string) {
			if v := strings.TrimSpace(val(id)); v != "" {
				b.note(kind, v, at(coll, i), val(name))
			}
		}
		for i, x := range in.Countries {
			pre(domain.KindCountry, "countries", i, x.ID, x.Name)
		}
		for i, x := range in.Places {
			pre(domain.KindPlace, "places", i, x.ID, x.Name)
		}
		for i, x := range in.Institutions {
			pre(domain.KindInstitution, "institutions", i, x.ID, x.Name)
		}
		for i, x := range in.People {
			pre(domain.KindPerson, "people", i, x.ID, x.Name)
		}
		for i, x := range in.Councils {
			pre(domain.KindCouncil, "councils", i, x.ID, x.Name)
		}
		for i, x := range in.Initiatives {
			pre(domain.KindInitiative, "initiatives", i, x.ID, x.Name)
		}
		for i, x := range in.Themes {
			pre(domain.KindTheme, "themes", i, x.ID, x.Name)
		}
		for i, x := range in.Sources {
			pre(domain.KindSource, "sources", i, x.ID, x.Title)
		}
		for i, x := range in.Publications {
			pre(domain.KindPublication, "publications", i, x.ID, x.Title)
		}
		for i, x := range in.Meetings {
			pre(domain.KindMeeting, "meetings", i, &x.ID, x.Title)
		}
		// Sources first: every other item may cite one of them by URL.
		for i, x := range in.Sources {
			b.source(at("sources", i), x)
		}
		for i, x := range in.Countries {
			b.country(at("countries", i), x)
		}
		for i, x := range in.Places {
			b.place(at("places", i), x)
		}
		for i, x := range in.Institutions {
			b.institution(at("institutions", i), x, true)
		}
		for i, x := range in.People {
			b.person(at("people", i), x, true)
		}
		for i, x := range in.Councils {
			b.council(at("councils", i), x)
		}
		for i, x := range in.Initiatives {
			b.initiative(at("initiatives", i), x)
		}
		for i, x := range in.Themes {
			b.theme(at("themes", i), x)
		}
		for i, x := range in.Publications {
			b.publication(at("publications", i), x)
		}
		for i, x := range in.Meetings {
			b.meeting(at("meetings", i), x)
		}
		for i, x := range in.Appearances {
			b.appearance(at("appearances", i), "", x, nil)
		}
		for i, x := range in.Recommendations {
			b.recommendation(at("recommendations", i), "", x, nil, i+1)
		}
		return ""
	})
	return res, err
}

// Delete deletes nodes (and appearances by key "meeting/person") as
// Store.Delete says; it needs an admin.
func (s *Service) Delete(ctx context.Context, ids []string) (*WriteResult, error) {
	if err := auth.Require(ctx, auth.RoleAdmin); err != nil {
		return nil, err
	}
	ctx = domain.WithAudit(ctx, domain.AuditEntry{Actor: actor(ctx), Action: "deleteNodes",
		Summary: "deleteNodes: " + strings.Join(ids, ", ")})
	if err := s.store.Delete(ctx, ids); err != nil {
		return nil, err
	}
	return &WriteResult{Created: []string{}, Updated: []string{}, Deleted: ids}, nil
}

// Merge merges duplicates into keep as Store.Merge says and returns the kept
// node; it needs an admin.
func (s *Service) Merge(ctx context.Context, kind domain.Kind, keep string, merge []string) (domain.Node, error) {
	if err := auth.Require(ctx, auth.RoleAdmin); err != nil {
		return nil, err
	}
	ctx = domain.WithAudit(ctx, domain.AuditEntry{Actor: actor(ctx), Action: "mergeNodes",
		Summary: fmt.Sprintf("mergeNodes: %s into %s (%s)", strings.Join(merge, ", "), keep, lower(kind))})
	if err := s.store.Merge(ctx, kind, keep, merge); err != nil {
		return nil, err
	}
	switch kind {
	case domain.KindPerson:
		return reread(ctx, s.store.People, keep, nil)
	case domain.KindInstitution:
		return reread(ctx, s.store.Institutions, keep, nil)
	default:
		return reread(ctx, s.store.Initiatives, keep, nil)
	}
}

// AuditLog returns a page of the audit log, newest first; it needs an admin.
func (s *Service) AuditLog(ctx context.Context, f *domain.AuditFilter, first *int, after *string) (*domain.AuditConnection, error) {
	if err := auth.Require(ctx, auth.RoleAdmin); err != nil {
		return nil, err
	}
	return s.store.ListAudit(ctx, domain.AuditQuery{Filter: val(f), Page: domain.PageRequest{First: first, After: after}})
}
