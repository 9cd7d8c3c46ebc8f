package ingest

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/expertgraph/expertgraph/internal/domain"
)

var months = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
	"september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

const monthPattern = `(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?`

// dateKind says how much a date in the text gives.
type dateKind int

const (
	dateFull     dateKind = iota // day, month and year
	dateMonthDay                 // "June 21": no year
	dateMonth                    // "June 2024"
	dateYear                     // "in 2024"
)

type dateCand struct {
	d    domain.Date
	kind dateKind
	s    span
	day  int // for dateMonthDay: the day; d holds the month only with year 0
	mon  int
}

var (
	mdyRe  = regexp.MustCompile(`(?i)\b(` + monthPattern + `)\s+(\d{1,2})(?:st|nd|rd|th)?(?:\s*[-–—]\s*\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+(\d{4}))?\b`)
	dmyRe  = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?(?:\s*[-–—]\s*\d{1,2})?\s+(?:of\s+)?(` + monthPattern + `)(?:,?\s+(\d{4}))?\b`)
	isoRe  = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)
	dotRe  = regexp.MustCompile(`\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b`)
	myRe   = regexp.MustCompile(`(?i)\b(` + monthPattern + `)\s+(?:of\s+)?(\d{4})\b`)
	yearRe = regexp.MustCompile(`(?i)\b(?:in|during|of)\s+((?:19|20)\d{2})\b`)
)

func monthNum(s string) int { return months[strings.TrimSuffix(strings.ToLower(s), ".")] }

// findDates returns the dates in s (at byte offset base of the text), each
// read the most precise way it can be, not overlapping.
func findDates(s string, base int) []dateCand {
	var out []dateCand
	taken := func(a, b int) bool {
		for _, c := range out {
			if overlaps(c.s, span{base + a, base + b}) {
				return true
			}
		}
		return false
	}
	add := func(c dateCand, a, b int) {
		if taken(a, b) {
			return
		}
		c.s = span{base + a, base + b}
		out = append(out, c)
	}
	for _, m := range isoRe.FindAllStringSubmatchIndex(s, -1) {
		if d, err := domain.ParseDate(s[m[0]:m[1]]); err == nil {
			add(dateCand{d: d, kind: dateFull}, m[0], m[1])
		}
	}
	for _, m := range dotRe.FindAllStringSubmatchIndex(s, -1) {
		day, _ := strconv.Atoi(s[m[2]:m[3]])
		mon, _ := strconv.Atoi(s[m[4]:m[5]])
		year, _ := strconv.Atoi(s[m[6]:m[7]])
		d := domain.Date{Year: year, Month: mon, Day: day}
		if d.Validate() == nil {
			add(dateCand{d: d, kind: dateFull}, m[0], m[1])
		}
	}
	for _, re := range []*regexp.Regexp{mdyRe, dmyRe} {
		for _, m := range re.FindAllStringSubmatchIndex(s, -1) {
			var mon, day int
			if re == mdyRe {
				mon = monthNum(s[m[2]:m[3]])
				day, _ = strconv.Atoi(s[m[4]:m[5]])
			} else {
				day, _ = strconv.Atoi(s[m[2]:m[3]])
				mon = monthNum(s[m[4]:m[5]])
			}
			if mon == 0 || day < 1 || day > 31 {
				continue
			}
			if m[6] >= 0 {
				year, _ := strconv.Atoi(s[m[6]:m[7]])
				d := domain.Date{Year: year, Month: mon, Day: day}
				if d.Validate() == nil {
					add(dateCand{d: d, kind: dateFull}, m[0], m[1])
				}
				continue
			}
			// "May 5" is easily something else: require a capital month
			if !capitalised(s[m[0]:]) && re == mdyRe {
				continue
			}
			add(dateCand{kind: dateMonthDay, day: day, mon: mon}, m[0], m[1])
		}
	}
	for _, m := range myRe.FindAllStringSubmatchIndex(s, -1) {
		mon := monthNum(s[m[2]:m[3]])
		year, _ := strconv.Atoi(s[m[4]:m[5]])
		d := domain.Date{Year: year, Month: mon}
		if mon > 0 && d.Validate() == nil {
			add(dateCand{d: d, kind: dateMonth}, m[0], m[1])
		}
	}
	for _, m := range yearRe.FindAllStringSubmatchIndex(s, -1) {
		year, _ := strconv.Atoi(s[m[2]:m[3]])
		d := domain.Date{Year: year}
		if d.Validate() == nil {
			add(dateCand{d: d, kind: dateYear}, m[2], m[3])
		}
	}
	return out
}

// withYear completes a month-day date with a year, if that makes a real date.
func withYear(c dateCand, year int) (domain.Date, bool) {
	d := domain.Date{Year: year, Month: c.mon, Day: c.day}
	return d, year != 0 && d.Validate() == nil
}

var weekdayRe = regexp.MustCompile(`\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b`)

var weekdays = map[string]time.Weekday{"Sunday": time.Sunday, "Monday": time.Monday, "Tuesday": time.Tuesday,
	"Wednesday": time.Wednesday, "Thursday": time.Thursday, "Friday": time.Friday, "Saturday": time.Saturday}

// lastWeekday returns the latest day on or before pub that is wd.
func lastWeekday(pub domain.Date, wd time.Weekday) domain.Date {
	t := pub.Start()
	for t.Weekday() != wd {
		t = t.AddDate(0, 0, -1)
	}
	return domain.Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
}

// datelineRe is a news dateline: "BAKU, Azerbaijan, June 21." or "Baku,
// June 22, AZERTAC" or "SHUSHA, Azerbaijan, November 24".
var datelineRe = regexp.MustCompile(`^([A-Z][A-Za-z\-]+(?:\s[A-Z][A-Za-z\-]+)?),\s+(?:[A-Z][A-Za-z]+,\s+)?(?:(` + monthPattern + `)\s+(\d{1,2})|(\d{1,2})\s+(` + monthPattern + `))\b`)
