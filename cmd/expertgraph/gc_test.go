package main

import (
	"runtime/debug"
	"testing"
)

func TestAutoGCPercent(t *testing.T) {
	const mib = 1 << 20
	tests := []struct {
		live uint64
		want int
	}{
		{0, 400},                  // nothing measured: the most
		{20 * mib, 400},           // the seed
		{460 * mib, 400},          // SF1: 4 × 460 MiB < 2 GiB
		{512 * mib, 400},          // exactly 2 GiB of growth
		{1024 * mib, 200},         // capped at 2 GiB of growth
		{2048 * mib, 100},         // growth = the live heap = Go's default
		{4608 * mib, 100},         // SF10: never below Go's default
		{(2 << 30) / 3, 300},      // 682.67 MiB: 2 GiB is 300%
		{(2<<30)/3 + 1, 299},      // rounded down
		{16 << 30, 100},           // far beyond
		{autoGCHeadroom / 4, 400}, // the boundary
	}
	for _, tt := range tests {
		if got := autoGCPercent(tt.live); got != tt.want {
			t.Errorf("autoGCPercent(%d MiB) = %d, want %d", tt.live/mib, got, tt.want)
		}
	}
}

func TestParseGCPercent(t *testing.T) {
	tests := []struct {
		in      string
		want    int
		wantErr bool
	}{
		{"", 0, false},
		{"auto", 0, false},
		{"100", 100, false},
		{"400", 400, false},
		{"1", 1, false},
		{"0", 0, true},
		{"-1", 0, true},
		{"off", 0, true},
		{"200%", 0, true},
	}
	for _, tt := range tests {
		got, err := parseGCPercent(tt.in)
		if got != tt.want || (err != nil) != tt.wantErr {
			t.Errorf("parseGCPercent(%q) = %d, %v; want %d, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

// TestSetGCPercent checks what -gc-percent sets, per store and GOGC, and
// that the runtime's setting comes back afterwards.
func TestSetGCPercent(t *testing.T) {
	tests := []struct {
		name    string
		percent int
		gogc    string
		want    int // 0: nothing set; -1: autoGCPercent of the live heap
	}{
		{"auto", 0, "", -1},
		{"auto, GOGC set", 0, "150", 0},
		{"explicit", 250, "", 250},
		{"explicit over GOGC", 250, "150", 250},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := debug.SetGCPercent(137)
			defer debug.SetGCPercent(before)
			got, restore := setGCPercent(tt.percent, func(k string) string {
				if k == "GOGC" {
					return tt.gogc
				}
				return ""
			})
			want := tt.want
			if want == -1 {
				want = autoGCPercent(liveHeap())
			}
			if got != want {
				t.Errorf("set %d, want %d", got, want)
			}
			now := debug.SetGCPercent(137)
			if wantNow := map[bool]int{true: 137, false: want}[want == 0]; now != wantNow {
				t.Errorf("the runtime's GOGC is %d, want %d", now, wantNow)
			}
			debug.SetGCPercent(now)
			restore()
			if after := debug.SetGCPercent(137); after != 137 {
				t.Errorf("after restore GOGC is %d, want 137", after)
			}
		})
	}
}
