package main

import (
	"fmt"
	"html"
	"math"
	"strings"

	"github.com/expertgraph/expertgraph/bench/workload"
)

var palette = []string{"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"}

// plotSVG draws two grouped bar charts, one above the other: throughput
// (requests per second) and p99 latency (ms, log scale) per question, one bar
// per system.
func plotSVG(title string, rs []*workload.Result) string {
	const (
		width   = 1000
		chartH  = 300
		left    = 70
		right   = 20
		top     = 60
		gap     = 90
		bottomL = 40
	)
	height := top + 2*chartH + gap + bottomL + 20*len(rs)
	qs := workload.Questions
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" font-size="12">`+"\n", width, height)
	fmt.Fprintf(&b, `<rect width="100%%" height="100%%" fill="white"/><text x="%d" y="24" font-size="16" font-weight="bold">%s</text>`+"\n", left, html.EscapeString(title))
	groupW := float64(width-left-right) / float64(len(qs))
	barW := (groupW - 12) / float64(max(1, len(rs)))

	chart := func(y0 int, label string, val func(*workload.OpStats) float64, logScale bool) {
		maxV := 0.0
		minV := math.Inf(1)
		for _, r := range rs {
			for _, q := range qs {
				if s := r.Ops[q]; s != nil && val(s) > 0 {
					maxV = math.Max(maxV, val(s))
					minV = math.Min(minV, val(s))
				}
			}
		}
		if maxV == 0 {
			maxV = 1
		}
		var lo, hi float64
		scale := func(v float64) float64 { return v / hi }
		if logScale {
			lo = math.Pow(10, math.Floor(math.Log10(math.Max(minV, 0.01))))
			hi = math.Pow(10, math.Ceil(math.Log10(maxV)))
			if hi <= lo {
				hi = lo * 10
			}
			scale = func(v float64) float64 {
				if v <= lo {
					return 0
				}
				return (math.Log10(v) - math.Log10(lo)) / (math.Log10(hi) - math.Log10(lo))
			}
			for t := lo; t <= hi*1.0001; t *= 10 {
				y := float64(y0+chartH) - scale(t)*chartH
				fmt.Fprintf(&b, `<line x1="%d" x2="%d" y1="%.1f" y2="%.1f" stroke="#ddd"/><text x="%d" y="%.1f" text-anchor="end">%g</text>`+"\n", left, width-right, y, y, left-6, y+4, t)
			}
		} else {
			step := niceStep(maxV / 5)
			hi = math.Ceil(maxV/step) * step
			for t := 0.0; t <= hi*1.0001; t += step {
				y := float64(y0+chartH) - scale(t)*chartH
				fmt.Fprintf(&b, `<line x1="%d" x2="%d" y1="%.1f" y2="%.1f" stroke="#ddd"/><text x="%d" y="%.1f" text-anchor="end">%g</text>`+"\n", left, width-right, y, y, left-6, y+4, t)
			}
		}
		fmt.Fprintf(&b, `<text x="%d" y="%d" font-weight="bold">%s</text>`+"\n", left, y0-10, html.EscapeString(label))
		for qi, q := range qs {
			x0 := float64(left) + float64(qi)*groupW + 6
			for ri, r := range rs {
				s := r.Ops[q]
				if s == nil {
					continue
				}
				v := val(s)
				h := scale(v) * chartH
				x := x0 + float64(ri)*barW
				fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"><title>%s %s: %.2f</title></rect>`+"\n",
					x, float64(y0+chartH)-h, barW-1, h, palette[ri%len(palette)], html.EscapeString(r.System), q, v)
			}
			fmt.Fprintf(&b, `<text x="%.1f" y="%d" text-anchor="middle">%s</text>`+"\n", x0+groupW/2-6, y0+chartH+16, q)
		}
		fmt.Fprintf(&b, `<line x1="%d" x2="%d" y1="%d" y2="%d" stroke="black"/>`+"\n", left, width-right, y0+chartH, y0+chartH)
	}
	chart(top, "Throughput (successful requests/s, higher is better)", func(s *workload.OpStats) float64 { return s.Throughput }, false)
	chart(top+chartH+gap, "p99 latency (ms, log scale, lower is better)", func(s *workload.OpStats) float64 { return s.P99Ms }, true)
	ly := top + 2*chartH + gap + 40
	for i, r := range rs {
		fmt.Fprintf(&b, `<rect x="%d" y="%d" width="12" height="12" fill="%s"/><text x="%d" y="%d">%s (%d clients, %.0f s)</text>`+"\n",
			left, ly+i*20-10, palette[i%len(palette)], left+18, ly+i*20, html.EscapeString(r.System), r.Clients, r.Seconds)
	}
	b.WriteString("</svg>\n")
	return b.String()
}

func niceStep(x float64) float64 {
	if x <= 0 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(x)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= x {
			return m * p
		}
	}
	return 10 * p
}
