package ingest

import (
	"fmt"
	"math"
	"strings"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// KindScore counts the facts of one kind that a draft got right (TP), got
// but should not have (FP) and missed (FN). Precision and Recall are NaN
// when there was nothing to measure; in JSON they are then null.
type KindScore struct {
	Kind      string   `json:"kind"`
	TP        int      `json:"tp"`
	FP        int      `json:"fp"`
	FN        int      `json:"fn"`
	Precision *float64 `json:"precision"`
	Recall    *float64 `json:"recall"`
	Missing   []string `json:"missing,omitempty"`
	Extra     []string `json:"extra,omitempty"`
}

// Report is a draft's score against an expected draft, per kind of fact.
type Report struct {
	Kinds []KindScore `json:"kinds"`
}

// Kind returns the score of one kind, or a zero score.
func (r Report) Kind(kind string) KindScore {
	for _, k := range r.Kinds {
		if k.Kind == kind {
			return k
		}
	}
	return KindScore{Kind: kind}
}

// String renders the report as a table.
func (r Report) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-24s %4s %4s %4s %9s %7s\n", "kind", "tp", "fp", "fn", "precision", "recall")
	f := func(p *float64) string {
		if p == nil {
			return "-"
		}
		return fmt.Sprintf("%.2f", *p)
	}
	for _, k := range r.Kinds {
		fmt.Fprintf(&b, "%-24s %4d %4d %4d %9s %7s\n", k.Kind, k.TP, k.FP, k.FN, f(k.Precision), f(k.Recall))
		for _, m := range k.Missing {
			fmt.Fprintf(&b, "    missing: %s\n", m)
		}
		for _, m := range k.Extra {
			fmt.Fprintf(&b, "    extra:   %s\n", m)
		}
	}
	return b.String()
}

func (k *KindScore) finish() {
	if k.TP+k.FP > 0 {
		v := float64(k.TP) / float64(k.TP+k.FP)
		k.Precision = &v
	}
	if k.TP+k.FN > 0 {
		v := float64(k.TP) / float64(k.TP+k.FN)
		k.Recall = &v
	}
}

// Score compares got with want, kind by kind:
//
//   - council (same normalised name, acronym, or countries), ordinal, date
//     (same ISO text), city, theme and format (word overlap ≥ 0.8): one fact each;
//   - organisers: by normalised name or acronym;
//   - speakers: by normalised name; speaker-titles: the speaker and a title
//     whose words overlap the expected one's (F1 ≥ 0.6), for the expected
//     speakers that have a title; speaker-roles: the same set of roles;
//   - initiatives, themes: by ID or normalised name;
//   - publications: by title (word overlap ≥ 0.6);
//   - recommendations: by text (Jaccard ≥ 0.5), one to one;
//     recommendation-kinds: matched ones of the same kind.
//
// A fact the expected draft leaves empty is not counted either way for the
// one-fact kinds.
func Score(got, want *Draft) Report {
	var r Report
	add := func(k KindScore) { k.finish(); r.Kinds = append(r.Kinds, k) }
	gm, wm := got.Meeting, want.Meeting

	add(scalar("council", gm.Council, wm.Council, func(a, b string) bool {
		return domain.NormalizeName(a) == domain.NormalizeName(b) ||
			(gm.CouncilAcronym != "" && domain.NormalizeName(gm.CouncilAcronym) == domain.NormalizeName(wm.CouncilAcronym)) ||
			(len(gm.CouncilCountries) >= 2 && strings.Join(gm.CouncilCountries, "+") == strings.Join(wm.CouncilCountries, "+") && headOf(a) == headOf(b))
	}))
	add(scalar("ordinal", itoaOrEmpty(gm.Ordinal), itoaOrEmpty(wm.Ordinal), func(a, b string) bool { return a == b }))
	add(scalar("date", gm.Date, wm.Date, func(a, b string) bool { return a == b }))
	add(scalar("city", gm.City, wm.City, func(a, b string) bool { return domain.NormalizeName(a) == domain.NormalizeName(b) }))
	add(scalar("theme", gm.Theme, wm.Theme, func(a, b string) bool { return wordF1(a, b) >= 0.8 }))
	add(scalar("format", gm.Format, wm.Format, func(a, b string) bool { return wordF1(a, b) >= 0.8 }))

	add(sets("organisers", names(got.Organisers, instKeys), names(want.Organisers, instKeys)))
	add(sets("speakers", speakerKeys(got.Speakers), speakerKeys(want.Speakers)))
	add(speakerTitles(got.Speakers, want.Speakers))
	add(speakerRoles(got.Speakers, want.Speakers))
	add(sets("initiatives", tagKeys(got.Initiatives), tagKeys(want.Initiatives)))
	add(sets("themes", tagKeys(got.Themes), tagKeys(want.Themes)))
	add(fuzzy("publications", pubTitles(got.Publications), pubTitles(want.Publications), func(a, b string) bool { return wordF1(a, b) >= 0.6 }))
	recs, kinds := recScores(got.Recommendations, want.Recommendations)
	add(recs)
	add(kinds)
	return r
}

func itoaOrEmpty(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprint(n)
}

func scalar(kind, got, want string, same func(a, b string) bool) KindScore {
	k := KindScore{Kind: kind}
	switch {
	case want == "" && got == "":
	case want == "":
		// not measured
	case got == "":
		k.FN = 1
		k.Missing = []string{want}
	case same(got, want):
		k.TP = 1
	default:
		k.FP, k.FN = 1, 1
		k.Missing, k.Extra = []string{want}, []string{got}
	}
	return k
}

// keyed is an item with the keys it may be matched by and a label.
type keyed struct {
	label string
	keys  []string
}

func names[T any](xs []T, f func(T) keyed) []keyed {
	var out []keyed
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func instKeys(i InstitutionDraft) keyed {
	return keyed{label: i.Name, keys: domain.NameKeys(i.Name, i.Acronym)}
}

func speakerKeys(ss []SpeakerDraft) []keyed {
	var out []keyed
	for _, s := range ss {
		out = append(out, keyed{label: s.Name, keys: []string{domain.NormalizeName(s.Name)}})
	}
	return out
}

func tagKeys(ts []Tag) []keyed {
	var out []keyed
	for _, t := range ts {
		out = append(out, keyed{label: t.ID, keys: append([]string{t.ID}, domain.NameKeys(t.Name)...)})
	}
	return out
}

func pubTitles(ps []PublicationDraft) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Title)
	}
	return out
}

// sets matches items one to one by any shared key.
func sets(kind string, got, want []keyed) KindScore {
	k := KindScore{Kind: kind}
	used := make([]bool, len(got))
	for _, w := range want {
		found := false
		for i, g := range got {
			if used[i] {
				continue
			}
			for _, a := range g.keys {
				if containsStr(w.keys, a) {
					found = true
				}
			}
			if found {
				used[i] = true
				break
			}
		}
		if found {
			k.TP++
		} else {
			k.FN++
			k.Missing = append(k.Missing, w.label)
		}
	}
	for i, g := range got {
		if !used[i] {
			k.FP++
			k.Extra = append(k.Extra, g.label)
		}
	}
	return k
}

// fuzzy matches strings one to one with same.
func fuzzy(kind string, got, want []string, same func(a, b string) bool) KindScore {
	k := KindScore{Kind: kind}
	used := make([]bool, len(got))
	for _, w := range want {
		found := false
		for i, g := range got {
			if !used[i] && same(g, w) {
				used[i], found = true, true
				break
			}
		}
		if found {
			k.TP++
		} else {
			k.FN++
			k.Missing = append(k.Missing, truncate(w, 80))
		}
	}
	for i, g := range got {
		if !used[i] {
			k.FP++
			k.Extra = append(k.Extra, truncate(g, 80))
		}
	}
	return k
}

func speakerTitles(got, want []SpeakerDraft) KindScore {
	k := KindScore{Kind: "speaker-titles"}
	byName := map[string]SpeakerDraft{}
	for _, g := range got {
		byName[domain.NormalizeName(g.Name)] = g
	}
	wanted := map[string]bool{}
	for _, w := range want {
		if w.Title == "" {
			continue
		}
		wanted[domain.NormalizeName(w.Name)] = true
		g, ok := byName[domain.NormalizeName(w.Name)]
		switch {
		case ok && wordF1(g.Title, w.Title) >= 0.6:
			k.TP++
		case ok && g.Title != "":
			k.FP++
			k.FN++
			k.Missing = append(k.Missing, w.Name+": "+w.Title)
			k.Extra = append(k.Extra, g.Name+": "+g.Title)
		default:
			k.FN++
			k.Missing = append(k.Missing, w.Name+": "+w.Title)
		}
	}
	for _, g := range got {
		if g.Title != "" && !wanted[domain.NormalizeName(g.Name)] {
			// a title for a speaker not expected, or expected without one
			found := false
			for _, w := range want {
				if domain.NormalizeName(w.Name) == domain.NormalizeName(g.Name) {
					found = true
				}
			}
			if !found {
				k.FP++
				k.Extra = append(k.Extra, g.Name+": "+g.Title)
			}
		}
	}
	return k
}

func speakerRoles(got, want []SpeakerDraft) KindScore {
	k := KindScore{Kind: "speaker-roles"}
	byName := map[string]SpeakerDraft{}
	for _, g := range got {
		byName[domain.NormalizeName(g.Name)] = g
	}
	for _, w := range want {
		if len(w.Roles) == 0 {
			continue
		}
		g, ok := byName[domain.NormalizeName(w.Name)]
		if !ok {
			continue // counted under speakers
		}
		if sameRoles(g.Roles, w.Roles) {
			k.TP++
		} else {
			k.FP++
			k.FN++
			k.Missing = append(k.Missing, fmt.Sprintf("%s: %v", w.Name, w.Roles))
			k.Extra = append(k.Extra, fmt.Sprintf("%s: %v", g.Name, g.Roles))
		}
	}
	return k
}

func sameRoles(a, b []domain.Role) bool {
	if len(a) != len(b) {
		return false
	}
	for _, r := range a {
		if !containsRole(b, r) {
			return false
		}
	}
	return true
}

func recScores(got, want []RecommendationDraft) (KindScore, KindScore) {
	k := KindScore{Kind: "recommendations"}
	kk := KindScore{Kind: "recommendation-kinds"}
	used := make([]bool, len(got))
	for _, w := range want {
		best, bestSim := -1, 0.5
		for i, g := range got {
			if used[i] {
				continue
			}
			if s := textSimilarity(g.Text, w.Text); s >= bestSim {
				best, bestSim = i, s
			}
		}
		if best < 0 {
			k.FN++
			k.Missing = append(k.Missing, truncate(w.Text, 80))
			continue
		}
		used[best] = true
		k.TP++
		if got[best].Kind == w.Kind {
			kk.TP++
		} else {
			kk.FP++
			kk.FN++
			kk.Missing = append(kk.Missing, fmt.Sprintf("%s: %s", w.Kind, truncate(w.Text, 60)))
			kk.Extra = append(kk.Extra, fmt.Sprintf("%s: %s", got[best].Kind, truncate(got[best].Text, 60)))
		}
	}
	for i, g := range got {
		if !used[i] {
			k.FP++
			k.Extra = append(k.Extra, truncate(g.Text, 80))
		}
	}
	return k, kk
}

var scoreStopWords = wordSet("the of and a an to in for at on")

// wordF1 is the F1 of the normalised words of a and b, without stop words.
func wordF1(a, b string) float64 {
	wa, wb := wordBag(a), wordBag(b)
	for w := range scoreStopWords {
		delete(wa, w)
		delete(wb, w)
	}
	if len(wa) == 0 || len(wb) == 0 {
		if len(wa) == len(wb) {
			return 1
		}
		return 0
	}
	inter := 0
	for w := range wa {
		if wb[w] {
			inter++
		}
	}
	if inter == 0 {
		return 0
	}
	p, r := float64(inter)/float64(len(wa)), float64(inter)/float64(len(wb))
	return 2 * p * r / (p + r)
}

// Mean returns the mean of the defined values of p (precision or recall)
// over the kinds given, NaN when none is defined.
func (r Report) Mean(recall bool, kinds ...string) float64 {
	sum, n := 0.0, 0
	for _, k := range r.Kinds {
		if len(kinds) > 0 && !containsStr(kinds, k.Kind) {
			continue
		}
		v := k.Precision
		if recall {
			v = k.Recall
		}
		if v != nil {
			sum += *v
			n++
		}
	}
	if n == 0 {
		return math.NaN()
	}
	return sum / float64(n)
}
