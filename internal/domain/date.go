package domain

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// Precision says how much of a Date is known: sources often give only a month or a year.
type Precision string

// The precisions of a Date.
const (
	PrecisionDay   Precision = "DAY"
	PrecisionMonth Precision = "MONTH"
	PrecisionYear  Precision = "YEAR"
)

// Date is a calendar date known to a precision. Its text form is ISO 8601
// reduced to what is known: "2024-06-21", "2024-06" or "2024".
type Date struct {
	Year  int
	Month int // 0 when unknown
	Day   int // 0 when unknown
}

// ParseDate parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" and checks that the date exists.
func ParseDate(s string) (Date, error) {
	parts := strings.Split(strings.TrimSpace(s), "-")
	if len(parts) == 0 || len(parts) > 3 || len(parts[0]) != 4 {
		return Date{}, fmt.Errorf("date %q is not YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || (i > 0 && len(p) != 2) {
			return Date{}, fmt.Errorf("date %q is not YYYY, YYYY-MM or YYYY-MM-DD", s)
		}
		n[i] = v
	}
	d := Date{Year: n[0], Month: n[1], Day: n[2]}
	if err := d.Validate(); err != nil {
		return Date{}, err
	}
	return d, nil
}

// MustDate is ParseDate for literals in tests and examples; it panics on a bad date.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// Validate reports whether d is a real date at its precision, between years 1900 and 2100.
func (d Date) Validate() error {
	if d.Year < 1900 || d.Year > 2100 {
		return fmt.Errorf("year %d is outside 1900-2100", d.Year)
	}
	if d.Month == 0 {
		if d.Day != 0 {
			return fmt.Errorf("a day without a month")
		}
		return nil
	}
	if d.Month < 1 || d.Month > 12 {
		return fmt.Errorf("month %d is not 1-12", d.Month)
	}
	if d.Day == 0 {
		return nil
	}
	t := time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
	if t.Day() != d.Day {
		return fmt.Errorf("%04d-%02d has no day %d", d.Year, d.Month, d.Day)
	}
	return nil
}

// IsZero reports whether d is unset.
func (d Date) IsZero() bool { return d.Year == 0 }

// Precision returns how much of d is known.
func (d Date) Precision() Precision {
	switch {
	case d.Day != 0:
		return PrecisionDay
	case d.Month != 0:
		return PrecisionMonth
	default:
		return PrecisionYear
	}
}

// String returns d in ISO 8601 reduced to its precision.
func (d Date) String() string { return string(d.appendTo(make([]byte, 0, 10))) }

// appendTo appends d's String to b.
func (d Date) appendTo(b []byte) []byte {
	b = appendPadded(b, d.Year, 4)
	switch d.Precision() {
	case PrecisionDay:
		b = appendPadded(append(b, '-'), d.Month, 2)
		return appendPadded(append(b, '-'), d.Day, 2)
	case PrecisionMonth:
		return appendPadded(append(b, '-'), d.Month, 2)
	}
	return b
}

// appendPadded appends n in decimal, padded with zeros to width, as %0*d.
func appendPadded(b []byte, n, width int) []byte {
	if n < 0 {
		return fmt.Appendf(b, "%0*d", width, n)
	}
	for p := 10; width > 1; p, width = p*10, width-1 {
		if n < p {
			b = append(b, '0')
		}
	}
	return strconv.AppendInt(b, int64(n), 10)
}

// SortKey returns a string that orders dates chronologically, unknown parts
// first: "2024-00-00" < "2024-06-00" < "2024-06-21".
func (d Date) SortKey() string {
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// Start returns the first day d may denote; End the last.
func (d Date) Start() time.Time {
	m, day := d.Month, d.Day
	if m == 0 {
		m = 1
	}
	if day == 0 {
		day = 1
	}
	return time.Date(d.Year, time.Month(m), day, 0, 0, 0, 0, time.UTC)
}

// End returns the last day d may denote.
func (d Date) End() time.Time {
	switch d.Precision() {
	case PrecisionYear:
		return time.Date(d.Year, 12, 31, 0, 0, 0, 0, time.UTC)
	case PrecisionMonth:
		return time.Date(d.Year, time.Month(d.Month)+1, 0, 0, 0, 0, 0, time.UTC)
	default:
		return d.Start()
	}
}

// DateRange is an inclusive range of dates; either end may be zero (open).
type DateRange struct {
	From Date
	To   Date
}

// Validate reports an inverted range.
func (r DateRange) Validate(field string) error {
	if !r.From.IsZero() && !r.To.IsZero() && r.From.Start().After(r.To.End()) {
		return Invalidf(field, "the range starts (%s) after it ends (%s); swap from and to", r.From, r.To)
	}
	return nil
}

// Contains reports whether d overlaps r: a meeting known only as "2024"
// is inside a range that covers any day of 2024.
func (r DateRange) Contains(d Date) bool {
	if !r.From.IsZero() && d.End().Before(r.From.Start()) {
		return false
	}
	if !r.To.IsZero() && d.Start().After(r.To.End()) {
		return false
	}
	return true
}

// Bounds returns the range's ends as sort keys for store queries: a date d is in
// range when d.EndKey() >= from and d.StartKey() <= to ("" = open end).
func (r DateRange) Bounds() (from, to string) {
	if !r.From.IsZero() {
		from = r.From.Start().Format("2006-01-02")
	}
	if !r.To.IsZero() {
		to = r.To.End().Format("2006-01-02")
	}
	return from, to
}

// StartKey returns d.Start() as YYYY-MM-DD; EndKey d.End().
func (d Date) StartKey() string { return d.Start().Format("2006-01-02") }

// EndKey returns d.End() as YYYY-MM-DD.
func (d Date) EndKey() string { return d.End().Format("2006-01-02") }

// MarshalGQL writes d as the GraphQL scalar PartialDate, null when d is zero.
func (d Date) MarshalGQL(w io.Writer) {
	if d.IsZero() {
		io.WriteString(w, "null")
		return
	}
	var b []byte
	if buf, ok := w.(*bytes.Buffer); ok { // an answer: written in place
		b = buf.AvailableBuffer()
	}
	b = append(d.appendTo(append(b, '"')), '"')
	w.Write(b)
}

// UnmarshalGQL reads the GraphQL scalar PartialDate.
func (d *Date) UnmarshalGQL(v any) error {
	if v == nil { // an explicit null: no date, as if absent
		*d = Date{}
		return nil
	}
	s, ok := v.(string)
	if !ok {
		return Invalidf("", "a date is a string: YYYY, YYYY-MM or YYYY-MM-DD")
	}
	p, err := ParseDate(s)
	if err != nil {
		return Invalidf("", "%v", err)
	}
	*d = p
	return nil
}
