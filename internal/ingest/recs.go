package ingest

import (
	"regexp"
	"strings"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// conclusionHeadRe is a paragraph that introduces a list of conclusions.
var conclusionHeadRe = regexp.MustCompile(`(?i)(?:insights|conclusions?|recommendations?|findings|outcomes?|results|proposals?|agreed|concluded|noted|stressed|following|resolution|declaration|summary|takeaways|points)\b[^:]{0,80}:\s*$|:\s*$`)

var (
	proposalRe   = hoistedRecs1Re
	agreementRe  = hoistedRecs2Re
	followUpRe   = hoistedRecs3Re
	collectiveRe = hoistedRecs4Re
)

// recommendations reads each bulleted conclusion, and each sentence in which
// the participants as a whole conclude, propose, agree or plan.
func (ex *extractor) recommendations() {
	t := ex.doc.text
	paras := ex.doc.paras
	// the last non-bullet paragraph before i, and (once read) whether it
	// heads a list of conclusions
	head, read, isHead := -1, false, false
	for i, p := range paras {
		if i > 0 && !paras[i-1].bullet {
			head, read = i-1, false
		}
		if p.meta {
			continue
		}
		ps := span{p.start, p.end}
		if p.bullet {
			txt := t[p.start:p.end]
			if len(strings.Fields(txt)) < 6 {
				continue
			}
			if ns := findNames(t, ps); len(ns) > 0 && ns[0].s.start == p.start {
				continue // a list of people
			}
			conf := 0.6
			if j := head; j >= 0 {
				if !read {
					read, isHead = true, conclusionHeadRe.MatchString(t[paras[j].start:paras[j].end])
				}
				if isHead {
					conf = 0.9
				}
			}
			ex.addRec(kindOf(txt, domain.RecommendationConclusion), trimPunctEnd(t, ps), conf)
			continue
		}
		for _, s := range sentences(t, ps) {
			st := t[s.start:s.end]
			if strings.HasSuffix(st, ":") {
				continue
			}
			// collectiveRe is anchored: test it first, and the others
			// only where their words are
			if !collectiveRe.MatchString(st) {
				continue
			}
			f := fold(st)
			var kind domain.RecommendationKind
			switch {
			case proposalRe.mayString(f) && proposalRe.MatchString(st):
				kind = domain.RecommendationProposal
			case agreementRe.mayString(f) && agreementRe.MatchString(st):
				kind = domain.RecommendationAgreement
			case followUpRe.mayString(f) && followUpRe.MatchString(st) && !strings.HasSuffix(st, ":"):
				kind = domain.RecommendationFollowUp
			case hoistedRecs5Re.mayString(f) && hoistedRecs5Re.MatchString(st):
				kind = domain.RecommendationConclusion
			default:
				continue
			}
			ex.addRec(kind, s, 0.7)
		}
	}
}

// kindOf classifies a bulleted conclusion by its words.
func kindOf(txt string, def domain.RecommendationKind) domain.RecommendationKind {
	f := fold(txt)
	switch {
	case followUpRe.mayString(f) && followUpRe.MatchString(txt):
		return domain.RecommendationFollowUp
	case strings.Contains(f, "agreed") && hoistedRecs6Re.MatchString(txt):
		return domain.RecommendationAgreement
	case proposalRe.mayString(f) && proposalRe.MatchString(txt):
		return domain.RecommendationProposal
	}
	return def
}

func trimPunctEnd(t string, s span) span { return trimSpan(t, s) }

func (ex *extractor) addRec(kind domain.RecommendationKind, s span, conf float64) {
	t := ex.doc.text
	toks := tokenize(t[s.start:s.end], s.start)
	r := RecommendationDraft{Kind: kind, Text: collapse(t[s.start:s.end]), Evidence: ex.ev(s, conf)}
	r.Initiatives = ex.tagList(ex.g.initM.find(toks), ex.g.Initiatives, 0.85)
	r.Countries = ex.tagList(ex.g.countryM.find(toks), ex.g.Countries, 0.8)
	r.Themes = []Tag{}
	seen := map[string]bool{}
	for _, h := range ex.g.themeHits(toks) {
		if !seen[h.id] {
			seen[h.id] = true
			r.Themes = append(r.Themes, Tag{ID: h.id, Name: ex.themeName(h.id), Evidence: ex.ev(h.s, 0.7)})
		}
	}
	ex.d.Recommendations = append(ex.d.Recommendations, r)
}

var hoistedRecs1Re = mustPattern(`(?i)\b(?:a\s+proposal\s+was\s+(?:made|put\s+forward|voiced)|it\s+was\s+(?:proposed|suggested|recommended)|(?:participants|experts|parties|sides|delegates|delegations|speakers)\s+(?:also\s+)?(?:proposed|recommended|called\s+for|suggested\s+(?:to|that\s+\w+\s+should))|recommend(?:ed|s)?\s+(?:that|to)\b|proposals?\s+(?:to|for)\b)`)
var hoistedRecs2Re = mustPattern(`(?i)\b(?:agreed|it\s+was\s+agreed|reached\s+(?:an\s+)?agreement|signed\s+(?:a|an)\s+(?:memorandum|agreement)|decided\s+to)\b`)
var hoistedRecs3Re = mustPattern(`(?i)\b(?:work\s?plan|next\s+(?:meeting|session|round|forum)|upcoming\s+(?:\w+\s+){0,2}(?:meeting|session|round|forum)|will\s+be\s+held\s+in|to\s+be\s+held\s+in|preparation\s+of\s+(?:a|an|the)\s+(?:joint\s+)?\w*|is\s+(?:scheduled|planned)\s+(?:for|to)|roadmap|action\s+plan)\b`)
var hoistedRecs4Re = regexp.MustCompile(`(?i)^(?:the\s+|all\s+(?:the\s+)?)?(?:participants|experts|parties|sides|delegates|delegations|discussions|speakers|council|meeting|forum|round\s?table|organi[sz]ers|members)\b|^(?:a\s+proposal|it\s+was)\b|^(?:during|at)\s+the\s+(?:meeting|session|discussion|forum)s?,\s+(?:the\s+)?(?:participants|experts|parties|sides)\b`)
var hoistedRecs5Re = mustPattern(`(?i)\b(?:concluded|highlighted\s+the\s+fact|came\s+to\s+the\s+conclusion|noted\s+that|stressed\s+that|emphasi[sz]ed\s+that|agreed\s+that)\b`)
var hoistedRecs6Re = regexp.MustCompile(`(?i)\bagreed\b`)
