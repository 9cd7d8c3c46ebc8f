package main

// The garbage collector's setting for serve (-gc-percent).
//
// The embedded store keeps the whole graph on the Go heap (about 460 MiB
// live at SF1), and every GraphQL request allocates 48–483 KB, mostly in
// gqlgen's executor. With Go's default GOGC=100 a collection starts every
// time the heap has grown by the live heap again, so at SF1 one client
// started one every 2–3 s, and each marked for 0.3–0.7 s (median) with a
// worker on one of the machine's two cores: the server was marking 15–27 %
// of the time, and the p99 of several milliseconds came mostly from the
// requests beside a collection (docs/benchmarks.md, "Embedded store p99 at
// SF1 (profiling)"). The time spent
// marking is proportional to how often a collection starts, that is to the
// allocation rate divided by GOGC: letting the heap grow by more between
// collections is the one setting that makes them rarer, at the price of
// memory.

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
)

const (
	// autoGCMax is the most -gc-percent 0 sets: the heap may grow by up
	// to four times the live heap between collections.
	autoGCMax = 400
	// autoGCHeadroom caps the growth -gc-percent 0 allows, in bytes: a
	// large store gets GOGC=100 (Go's default) rather than several times
	// its size in garbage.
	autoGCHeadroom = 2 << 30
)

// autoGCPercent is the GOGC for a live heap of live bytes: the heap may
// grow by autoGCMax percent of it, but by no more than autoGCHeadroom
// bytes, and never by less than the live heap itself (GOGC=100).
func autoGCPercent(live uint64) int {
	if live == 0 {
		return autoGCMax
	}
	p := autoGCHeadroom * 100 / live
	return int(max(100, min(autoGCMax, p)))
}

// parseGCPercent reads -gc-percent: "auto" (or "") or a percentage of 1 or
// more ("off" is not offered: a server that never collects runs out of
// memory). 0 stands for auto.
func parseGCPercent(s string) (int, error) {
	if s == "" || s == "auto" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return 0, fmt.Errorf("-gc-percent %q: want auto or a percentage of 1 or more", s)
	}
	return n, nil
}

// setGCPercent applies -gc-percent (0: auto) and returns what it set (0
// for nothing) and a function that restores the runtime's setting. Auto
// sets autoGCPercent of the live heap, measured after one collection, on
// either store, unless GOGC is set in the environment (the operator's
// choice). On Neo4j the server holds no graph: its live heap is a few MiB,
// so with Go's default a collection started every few hundred requests
// and marking took ~10 % of the server's CPU under one client (Q1 at SF1);
// auto lets it grow by 4× that instead, tens of MiB.
func setGCPercent(percent int, getenv func(string) string) (int, func()) {
	if percent == 0 {
		if getenv("GOGC") != "" {
			return 0, func() {}
		}
		runtime.GC()
		percent = autoGCPercent(liveHeap())
	}
	old := debug.SetGCPercent(percent)
	return percent, func() { debug.SetGCPercent(old) }
}

// liveHeap is the heap the last collection found live, in bytes.
func liveHeap() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}
