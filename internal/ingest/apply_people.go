package ingest

import (
	"fmt"
	"strings"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// loadPeople reads every person of the store once, for matching spelling
// variants and initials, which Lookup does not do.
func (p *planner) loadPeople() error {
	if p.loaded {
		return nil
	}
	first := domain.MaxPageSize
	ps, err := all(p.ctx, domain.PageRequest{First: &first}, func(pr domain.PageRequest) (*domain.PersonConnection, error) {
		return p.s.ListPeople(p.ctx, domain.PersonQuery{Page: pr})
	})
	if err != nil {
		return err
	}
	p.allPeople, p.loaded = ps, true
	return nil
}

// findPerson finds a stored person by name or alias, then by a
// transliteration variant of it, then (for "H. Hajiyev") by surname and
// initial when exactly one person fits.
func (p *planner) findPerson(name string) (id, how string, err error) {
	r, err := p.lookup(name, domain.KindPerson)
	if err != nil || r != nil {
		if r != nil {
			return r.ID, "name", nil
		}
		return "", "", err
	}
	if err := p.loadPeople(); err != nil {
		return "", "", err
	}
	vk := domain.VariantKey(name)
	for _, x := range p.allPeople {
		for _, n := range append([]string{x.Name}, x.Aliases...) {
			if domain.VariantKey(n) == vk {
				return x.ID, "variant", nil
			}
		}
	}
	if hasInitialsOnly(name) {
		var hits []string
		for _, x := range p.allPeople {
			for _, n := range append([]string{x.Name}, x.Aliases...) {
				if domain.VariantKey(surname(n)) == domain.VariantKey(surname(name)) && initials(n) != "" && initials(name) != "" && initials(n)[0] == initials(name)[0] {
					hits = addID(hits, x.ID)
				}
			}
		}
		if len(hits) == 1 {
			return hits[0], "initials", nil
		}
	}
	return "", "", nil
}

// person resolves a speaker to a stored person (adding the draft's spelling
// as an alias, and the institution as an affiliation when new) or a new one.
func (p *planner) person(sp SpeakerDraft, instID, countryID string) (string, error) {
	key := domain.NormalizeName(sp.Name)
	if id, ok := p.people[key]; ok {
		return id, nil
	}
	id, how, err := p.findPerson(sp.Name)
	if err != nil {
		return "", err
	}
	if id != "" {
		got, err := p.s.People(p.ctx, []string{id})
		if err != nil {
			return "", err
		}
		if len(got) == 1 && got[0] != nil {
			x := *got[0]
			changed := false
			if !containsStr(domain.NameKeys(x.Name, x.Aliases...), key) && !hasInitialsOnly(sp.Name) {
				x.Aliases = append(append([]string(nil), x.Aliases...), sp.Name)
				changed = true
			}
			if instID != "" {
				has := false
				for _, a := range x.Affiliations {
					if a.InstitutionID == instID {
						has = true
					}
				}
				if !has {
					x.Affiliations = append(append([]domain.Affiliation(nil), x.Affiliations...), domain.Affiliation{InstitutionID: instID, Title: sp.Title})
					changed = true
				}
			}
			if x.CountryID == "" && countryID != "" {
				x.CountryID = countryID
				changed = true
			}
			srcs := addSource(append([]domain.SourceRef(nil), x.Sources...), p.sourceRef)
			if len(srcs) != len(x.Sources) {
				x.Sources = srcs
				changed = true
			}
			if changed && !p.written[x.ID] {
				p.out.People = append(p.out.People, &x)
				p.written[x.ID] = true
			}
			p.matched(domain.KindPerson, x.ID, x.Name, sp.Name, how)
		}
		p.people[key] = id
		return id, nil
	}
	if hasInitialsOnly(sp.Name) {
		p.warn("speaker %q: only initials are given and no known person fits; recorded as written", sp.Name)
	}
	nid, err := p.uniqueID(Slug(sp.Name))
	if err != nil {
		return "", err
	}
	x := &domain.Person{ID: nid, Name: sp.Name, CountryID: countryID, Sources: []domain.SourceRef{p.sourceRef}}
	if instID != "" {
		x.Affiliations = []domain.Affiliation{{InstitutionID: instID, Title: sp.Title}}
	}
	p.out.People = append(p.out.People, x)
	p.written[nid] = true
	p.created(domain.KindPerson, nid, x.Name, sp.Name)
	p.people[key] = nid
	return nid, nil
}

// appearances adds each speaker's appearance at the meeting, merging with
// one already known (roles, title and institution kept, the report added).
func (p *planner) appearances(m *domain.Meeting, merged bool) error {
	known := map[string]*domain.Appearance{}
	maxOrder := 0
	if merged {
		aps, err := p.s.AppearancesByMeeting(p.ctx, []string{m.ID})
		if err != nil {
			return err
		}
		if len(aps) == 1 {
			for _, a := range aps[0] {
				known[a.PersonID] = a
				if a.Order > maxOrder {
					maxOrder = a.Order
				}
			}
		}
	}
	done := map[string]bool{}
	for _, sp := range p.d.Speakers {
		if strings.TrimSpace(sp.Name) == "" {
			continue
		}
		cid, err := p.country(sp.Country)
		if err != nil {
			return err
		}
		instID := ""
		if sp.Institution != "" || sp.InstitutionAcronym != "" {
			if instID, err = p.institution(sp.Institution, sp.InstitutionAcronym, sp.Country); err != nil {
				return err
			}
		}
		pid, err := p.person(sp, instID, cid)
		if err != nil {
			return err
		}
		if done[pid] {
			continue
		}
		done[pid] = true
		roles := sp.Roles
		if len(roles) == 0 {
			roles = []domain.Role{domain.RoleSpeaker}
		}
		if a, ok := known[pid]; ok {
			x := *a
			changed := false
			for _, r := range roles {
				if !containsRole(x.Roles, r) && r != domain.RoleParticipant && !(r == domain.RoleSpeaker && len(x.Roles) > 0) {
					x.Roles = append(append([]domain.Role(nil), x.Roles...), r)
					changed = true
				}
			}
			if x.Title == "" && sp.Title != "" {
				x.Title, changed = sp.Title, true
			}
			if x.InstitutionID == "" && instID != "" {
				x.InstitutionID, changed = instID, true
			}
			if x.CountryID == "" && cid != "" {
				x.CountryID, changed = cid, true
			}
			srcs := addSource(append([]domain.SourceRef(nil), x.Sources...), p.sourceRef)
			if len(srcs) != len(x.Sources) {
				x.Sources, changed = srcs, true
			}
			if changed {
				p.out.Appearances = append(p.out.Appearances, &x)
			}
			continue
		}
		order := sp.Order
		if merged {
			order = 0 // the report's order says nothing of the whole meeting's
		}
		p.out.Appearances = append(p.out.Appearances, &domain.Appearance{MeetingID: m.ID, PersonID: pid, Roles: roles,
			Title: sp.Title, InstitutionID: instID, CountryID: cid, Order: order, Sources: []domain.SourceRef{p.sourceRef}})
		p.res.NewAppearances++
	}
	return nil
}

func containsRole(rs []domain.Role, r domain.Role) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

// recommendations adds the draft's recommendations; one whose text is
// already known at the meeting gets the report as another source instead.
func (p *planner) recommendations(m *domain.Meeting, merged bool) error {
	var known []*domain.Recommendation
	if merged {
		rs, err := p.s.RecommendationsByMeeting(p.ctx, []string{m.ID})
		if err != nil {
			return err
		}
		if len(rs) == 1 {
			known = rs[0]
		}
	}
	next := 1
	for _, r := range known {
		if r.Order >= next {
			next = r.Order + 1
		}
	}
	for _, dr := range p.d.Recommendations {
		if strings.TrimSpace(dr.Text) == "" {
			continue
		}
		var same *domain.Recommendation
		for _, r := range known {
			if textSimilarity(r.Text, dr.Text) >= 0.6 {
				same = r
				break
			}
		}
		if same != nil {
			x := *same
			srcs := addSource(append([]domain.SourceRef(nil), x.Sources...), p.sourceRef)
			if len(srcs) != len(x.Sources) {
				x.Sources = srcs
				p.out.Recommendations = append(p.out.Recommendations, &x)
			}
			p.matched(domain.KindRecommendation, x.ID, truncate(x.Text, 60), truncate(dr.Text, 60), "text")
			continue
		}
		x := &domain.Recommendation{MeetingID: m.ID, Kind: dr.Kind, Text: truncate(dr.Text, domain.MaxTextLength), Order: next,
			Sources: []domain.SourceRef{p.sourceRef}}
		for _, t := range dr.Initiatives {
			id, err := p.initiative(t)
			if err != nil {
				return err
			}
			x.InitiativeIDs = addID(x.InitiativeIDs, id)
			m.InitiativeIDs = addID(m.InitiativeIDs, id)
		}
		for _, t := range dr.Themes {
			id, err := p.theme(t)
			if err != nil {
				return err
			}
			x.ThemeIDs = addID(x.ThemeIDs, id)
		}
		for _, t := range dr.Countries {
			id, err := p.country(t.ID)
			if err != nil {
				return err
			}
			x.CountryIDs = addID(x.CountryIDs, id)
		}
		id, err := p.uniqueID(fmt.Sprintf("%s-r%d", m.ID, next))
		if err != nil {
			return err
		}
		x.ID = id
		next++
		p.out.Recommendations = append(p.out.Recommendations, x)
		known = append(known, x)
		p.res.NewRecommendations++
	}
	return nil
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && (s[cut]&0xC0) == 0x80 {
		cut--
	}
	return s[:cut]
}

// textSimilarity is the Jaccard similarity of the normalised words of a and b.
func textSimilarity(a, b string) float64 {
	wa, wb := wordBag(a), wordBag(b)
	if len(wa) == 0 || len(wb) == 0 {
		return 0
	}
	inter := 0
	for w := range wa {
		if wb[w] {
			inter++
		}
	}
	return float64(inter) / float64(len(wa)+len(wb)-inter)
}

func wordBag(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(domain.NormalizeName(s)) {
		m[w] = true
	}
	return m
}
