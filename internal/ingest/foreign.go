package ingest

import (
	"regexp"
	"strings"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// Stems of country adjectives in Russian and country names in Azerbaijani.
var foreignCountryStems = []struct{ stem, id string }{
	{"российск", "russia"}, {"русск", "russia"}, {"росси", "russia"}, {"азербайджанск", "azerbaijan"}, {"азербайджан", "azerbaijan"},
	{"иранск", "iran"}, {"турецк", "turkiye"}, {"армянск", "armenia"}, {"казахстанск", "kazakhstan"}, {"узбекск", "uzbekistan"},
	{"грузинск", "georgia"}, {"китайск", "china"},
	{"rusiya", "russia"}, {"azərbaycan", "azerbaijan"}, {"türkiyə", "turkiye"}, {"iran", "iran"}, {"ermənistan", "armenia"},
	{"qazaxıstan", "kazakhstan"}, {"özbəkistan", "uzbekistan"}, {"gürcüstan", "georgia"}, {"türkiye", "turkiye"}, {"azerbaycan", "azerbaijan"},
}

var (
	ruCouncilRe = regexp.MustCompile(`(?i)([\p{Cyrillic}]+)-([\p{Cyrillic}]+)\s+(?:(экспертн\p{Cyrillic}*)\s+)?(совет\p{Cyrillic}*|форум\p{Cyrillic}*|диалог\p{Cyrillic}*)`)
	azCouncilRe = regexp.MustCompile(`(?i)([\p{L}]+)-([\p{L}]+)\s+(?:(ekspert)\s+)?(şura\p{L}*|forum\p{L}*|dialoq\p{L}*)`)
	ruOrdRe     = regexp.MustCompile(`(?i)(перв|втор|трет|четв[её]рт|пят|шест|седьм|восьм|девят|десят)(?:ое|ого|ом|ая|ой|ую|ый|ий|ье|ьего|ьем|ья|ей)\s+(?:\p{Cyrillic}+\s+){0,2}(?:заседани|встреч|сесси|раунд|форум|конференци)`)
	azOrdRe     = regexp.MustCompile(`(?i)(?:(\d{1,2})-(?:ci|cı|cu|cü|nci|ncı|ncu|ncü)|(birinci|ikinci|üçüncü|dördüncü|beşinci|altıncı|yeddinci|səkkizinci|doqquzuncu|onuncu))\s+(?:iclas|görüş|sessiya|forum|toplant)`)
	ruDateRe    = regexp.MustCompile(`(?i)(\d{1,2})\s+(января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)\s+(\d{4})`)
	azDateRe    = regexp.MustCompile(`(?i)(\d{1,2})\s+(yanvar|fevral|mart|aprel|may|iyun|iyul|avqust|sentyabr|oktyabr|noyabr|dekabr)\p{L}*\s+(\d{4})`)
	ruAcrRe     = regexp.MustCompile(`\((?:далее\s+)?([А-ЯЁ]{2,8})\)`)
)

var ruOrdinals = map[string]int{"перв": 1, "втор": 2, "трет": 3, "четвёрт": 4, "четверт": 4, "пят": 5, "шест": 6, "седьм": 7, "восьм": 8, "девят": 9, "десят": 10}
var azOrdinals = map[string]int{"birinci": 1, "ikinci": 2, "üçüncü": 3, "dördüncü": 4, "beşinci": 5, "altıncı": 6, "yeddinci": 7, "səkkizinci": 8, "doqquzuncu": 9, "onuncu": 10}
var ruMonths = map[string]int{"января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7, "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12}
var azMonths = map[string]int{"yanvar": 1, "fevral": 2, "mart": 3, "aprel": 4, "may": 5, "iyun": 6, "iyul": 7, "avqust": 8, "sentyabr": 9, "oktyabr": 10, "noyabr": 11, "dekabr": 12}

func foreignCountry(w string) string {
	l := strings.ToLower(w)
	for _, s := range foreignCountryStems {
		if strings.HasPrefix(l, s.stem) {
			return s.id
		}
	}
	return ""
}

// foreign reads only the meeting's identity from a report in Russian or
// Azerbaijani (council, ordinal, date, city), so that Apply can record it as
// one more source of a meeting already known; it reads no people and no
// conclusions, which would be guesses.
func (ex *extractor) foreign(lang string) {
	name := map[string]string{"ru": "Russian", "az": "Azerbaijani", "tr": "Turkish", "de": "German", "fr": "French"}[lang]
	if name == "" {
		name = "not English"
	}
	ex.warn("the report is in %s, not English: speakers, titles and conclusions were not extracted", name)
	if lang != "ru" && lang != "az" {
		return
	}
	t := ex.doc.text
	md := &ex.d.Meeting
	councilRe, ordRe, dateRe := ruCouncilRe, ruOrdRe, ruDateRe
	if lang == "az" {
		councilRe, ordRe, dateRe = azCouncilRe, azOrdRe, azDateRe
	}
	for _, p := range ex.doc.paras {
		pt := t[p.start:p.end]
		if md.Council == "" {
			if m := councilRe.FindStringSubmatchIndex(pt); m != nil {
				a, b := foreignCountry(pt[m[2]:m[3]]), foreignCountry(pt[m[4]:m[5]])
				if a != "" && b != "" && a != b {
					md.Council = pt[m[0]:m[1]]
					md.CouncilCountries = uniqueSorted([]string{a, b})
					md.Evidence["council"] = ex.ev(span{p.start + m[0], p.start + m[1]}, 0.7)
					if am := ruAcrRe.FindStringSubmatch(pt[m[1]:]); am != nil && strings.Index(pt[m[1]:], am[0]) < 40 {
						md.CouncilAcronym = am[1]
					}
				}
			}
		}
		if md.Ordinal == 0 {
			if m := ordRe.FindStringSubmatchIndex(pt); m != nil {
				n := 0
				var os span
				if lang == "ru" {
					n = ruOrdinals[strings.ToLower(pt[m[2]:m[3]])]
					os = span{p.start + m[2], p.start + m[3]}
				} else if m[2] >= 0 {
					n = atoi(pt[m[2]:m[3]])
					os = span{p.start + m[2], p.start + m[3]}
				} else {
					n = azOrdinals[strings.ToLower(pt[m[4]:m[5]])]
					os = span{p.start + m[4], p.start + m[5]}
				}
				if n > 0 {
					md.Ordinal = n
					md.Evidence["ordinal"] = ex.ev(os, 0.7)
				}
			}
		}
		if md.Date == "" {
			if m := dateRe.FindStringSubmatchIndex(pt); m != nil {
				mon := ruMonths[strings.ToLower(pt[m[4]:m[5]])]
				if lang == "az" {
					mon = azMonths[strings.ToLower(pt[m[4]:m[5]])]
				}
				d := domain.Date{Year: atoi(pt[m[6]:m[7]]), Month: mon, Day: atoi(pt[m[2]:m[3]])}
				if d.Validate() == nil {
					md.Date, md.DatePrecision = d.String(), d.Precision()
					md.Evidence["date"] = ex.ev(span{p.start + m[0], p.start + m[1]}, 0.7)
				}
			}
		}
		if md.City == "" {
			for _, h := range ex.g.cityM.find(tokenize(pt, p.start)) {
				if e := ex.g.entry(ex.g.Cities, h.id); e != nil {
					md.City, md.Country = e.Name, ex.countryName(e.Country)
					md.Evidence["city"] = ex.ev(h.s, 0.5)
				}
				break
			}
		}
	}
	// Russian case endings: "Баку" is found, "Москве" is not; try stems.
	if md.City == "" {
		for _, c := range []struct{ stem, id string }{{"москв", "moscow"}, {"баку", "baku"}, {"bakı", "baku"}, {"тегеран", "tehran"}, {"шуш", "shusha"}, {"şuş", "shusha"}} {
			if i := strings.Index(strings.ToLower(t), c.stem); i >= 0 {
				if e := ex.g.entry(ex.g.Cities, c.id); e != nil {
					md.City, md.Country = e.Name, ex.countryName(e.Country)
					md.Evidence["city"] = ex.ev(span{i, i + len(c.stem)}, 0.4)
				}
				break
			}
		}
	}
}
