package domain

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// TestDateWritesAsFormatted: String and MarshalGQL, which append digits
// in place, write what fmt's %04d and %02d write, for years, months and days
// of every width, negative ones included, into a buffer or any writer.
func TestDateWritesAsFormatted(t *testing.T) {
	for _, y := range []int{-12, 0, 1, 9, 10, 99, 100, 999, 1000, 2024, 9999, 10000} {
		for _, m := range []int{0, 1, 9, 10, 12, 123} {
			for _, day := range []int{0, 1, 10, 31, 100} {
				d := Date{Year: y, Month: m, Day: day}
				want := fmt.Sprintf("%04d", y)
				switch d.Precision() {
				case PrecisionDay:
					want = fmt.Sprintf("%04d-%02d-%02d", y, m, day)
				case PrecisionMonth:
					want = fmt.Sprintf("%04d-%02d", y, m)
				}
				if got := d.String(); got != want {
					t.Errorf("%#v.String() = %q, want %q", d, got, want)
				}
				if d.IsZero() {
					continue
				}
				var buf bytes.Buffer
				buf.WriteString("[")
				d.MarshalGQL(&buf)
				var sb strings.Builder
				d.MarshalGQL(&sb)
				if q := strconv.Quote(want); buf.String() != "["+q || sb.String() != q {
					t.Errorf("%#v.MarshalGQL wrote %q and %q, want %q", d, buf.String(), sb.String(), q)
				}
			}
		}
	}
	var sb strings.Builder
	Date{}.MarshalGQL(&sb)
	if sb.String() != "null" {
		t.Errorf("the zero date wrote %q", sb.String())
	}
}
