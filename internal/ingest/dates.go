package ingest

import (
	"regexp"
	"sort"
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
	mdyRe  = mustPattern(`(?i)\b(` + monthPattern + `)\s+(\d{1,2})(?:st|nd|rd|th)?(?:\s*[-–—]\s*\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+(\d{4}))?\b`)
	dmyRe  = mustPattern(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?(?:\s*[-–—]\s*\d{1,2})?\s+(?:of\s+)?(` + monthPattern + `)(?:,?\s+(\d{4}))?\b`)
	isoRe  = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)
	dotRe  = regexp.MustCompile(`\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b`)
	myRe   = mustPattern(`(?i)\b(` + monthPattern + `)\s+(?:of\s+)?(\d{4})\b`)
	yearRe = mustPattern(`(?i)\b(?:in|during|of)\s+((?:19|20)\d{2})\b`)
)

func monthNum(s string) int { return months[strings.TrimSuffix(strings.ToLower(s), ".")] }

// findDates returns the dates in s (at byte offset base of the text), each
// read the most precise way it can be, not overlapping.
func findDates(s string, base int) []dateCand {
	var out []dateCand
	// The spans of out, which never overlap, by start; those of the
	// current pattern join them once its matches are read (they do not
	// overlap one another).
	var sorted, pass []span
	taken := func(a, b int) bool {
		a, b = base+a, base+b
		i := sort.Search(len(sorted), func(i int) bool { return sorted[i].end > a })
		return i < len(sorted) && sorted[i].start < b
	}
	add := func(c dateCand, a, b int) {
		if taken(a, b) {
			return
		}
		c.s = span{base + a, base + b}
		out = append(out, c)
		pass = append(pass, c.s)
	}
	endPass := func() {
		if len(pass) > 0 {
			sorted = append(sorted, pass...)
			sort.Slice(sorted, func(i, j int) bool { return sorted[i].start < sorted[j].start })
			pass = pass[:0]
		}
	}
	// isoRe and dotRe match at a number: try them only there
	numbers := numberStarts(s)
	for _, m := range isoTries.findAt(s, numbers, nil) {
		if d, err := domain.ParseDate(s[m[0]:m[1]]); err == nil {
			add(dateCand{d: d, kind: dateFull}, m[0], m[1])
		}
	}
	endPass()
	for _, m := range dotTries.findAt(s, numbers, nil) {
		day, _ := strconv.Atoi(s[m[2]:m[3]])
		mon, _ := strconv.Atoi(s[m[4]:m[5]])
		year, _ := strconv.Atoi(s[m[6]:m[7]])
		d := domain.Date{Year: year, Month: mon, Day: day}
		if d.Validate() == nil {
			add(dateCand{d: d, kind: dateFull}, m[0], m[1])
		}
	}
	endPass()
	f := fold(s)
	// mdyRe and myRe match at a month's name, dmyRe at a number: when fold
	// kept s's offsets, try them only there
	aligned := len(f) == len(s)
	var months []int
	if aligned {
		months = monthStarts(f)
	}
	find := func(re *pattern, t *tries, starts []int) [][]int {
		if aligned {
			// (no match without a month's name, nor without a start)
			if len(months) == 0 || len(starts) == 0 {
				return nil
			}
			return t.findAt(s, starts, nil)
		}
		if !re.mayString(f) {
			return nil
		}
		return re.FindAllStringSubmatchIndex(s, -1)
	}
	for _, re := range []*pattern{mdyRe, dmyRe} {
		t, starts := mdyTries, months
		if re == dmyRe {
			t, starts = dmyTries, numbers
		}
		for _, m := range find(re, t, starts) {
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
		endPass()
	}
	for _, m := range find(myRe, myTries, months) {
		mon := monthNum(s[m[2]:m[3]])
		year, _ := strconv.Atoi(s[m[4]:m[5]])
		d := domain.Date{Year: year, Month: mon}
		if mon > 0 && d.Validate() == nil {
			add(dateCand{d: d, kind: dateMonth}, m[0], m[1])
		}
	}
	endPass()
	for _, m := range yearRe.findAll(f, s) {
		year, _ := strconv.Atoi(s[m[2]:m[3]])
		d := domain.Date{Year: year}
		if d.Validate() == nil {
			add(dateCand{d: d, kind: dateYear}, m[2], m[3])
		}
	}
	return out
}

var (
	mdyTries, dmyTries, myTries = newTries(mdyRe.Regexp), newTries(dmyRe.Regexp), newTries(myRe.Regexp)
	isoTries, dotTries          = newTries(isoRe), newTries(dotRe)
)

// monthStarts returns where the months' names may start in f (folded):
// at their first three letters, in order.
func monthStarts(f string) []int {
	var out []int
	for i := 0; i+3 <= len(f); i++ {
		switch f[i : i+3] {
		case "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec":
			out = append(out, i)
		}
	}
	return out
}

// numberStarts returns where in s a number starts at a word boundary: an
// ASCII digit after a character that is not \w, or at the start.
func numberStarts(s string) []int {
	var out []int
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' && (i == 0 || !isWordByte(s[i-1])) {
			out = append(out, i)
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
