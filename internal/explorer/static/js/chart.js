// SVG charts drawn from data: a heat map (rows by columns, e.g. initiatives
// by year) and a grouped bar chart. Both scale to their container through
// their viewBox and name what they show for screen readers.

import { s, truncate } from './dom.js';

// yearsBetween returns every year from the smallest to the largest of years
// (so gaps show as gaps), or the sorted years themselves if the span is long.
export function yearsBetween(years) {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (last - first > 60) return sorted;
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

// shade mixes white and colour by t in [0, 1].
function shade(colour, t) {
  const c = parseInt(colour.slice(1), 16);
  const mix = (v) => Math.round(255 + (v - 255) * t);
  return `rgb(${mix(c >> 16)}, ${mix((c >> 8) & 255)}, ${mix(c & 255)})`;
}

// heatmap draws rows × columns of counts; rows: [{label, title?, href, id?, values: Map}],
// columns: [year]. Empty cells are left blank.
export function heatmap({ title, rows, columns, colour = '#0b6e8a' }) {
  const labelW = 330;
  const cellW = Math.max(26, Math.min(48, Math.floor(860 / Math.max(1, columns.length))));
  const cellH = 26;
  const top = 34;
  const width = labelW + columns.length * cellW + 8;
  const height = top + rows.length * cellH + 8;
  const max = Math.max(1, ...rows.flatMap((r) => [...r.values.values()]));
  const svg = s('svg', {
    class: 'chart heatmap', viewBox: `0 0 ${width} ${height}`, width, height,
    role: 'group', 'aria-label': title,
  }, s('title', {}, title));
  columns.forEach((col, j) => {
    svg.append(s('text', { x: labelW + j * cellW + cellW / 2, y: top - 10, class: 'axis', 'text-anchor': 'middle' },
      columns.length > 20 && j % 2 === 1 ? '' : String(col)));
  });
  rows.forEach((row, i) => {
    const y = top + i * cellH;
    const name = s('text', { x: labelW - 8, y: y + cellH / 2 + 4, 'text-anchor': 'end', class: 'row-label' },
      truncate(row.label, 46));
    svg.append(row.href
      ? s('a', { href: row.href, class: 'row-link', dataset: row.id ? { id: row.id } : {} }, s('title', {}, row.title ?? row.label), name)
      : name);
    columns.forEach((col, j) => {
      const v = row.values.get(col) || 0;
      const x = labelW + j * cellW;
      const t = v / max;
      svg.append(s('rect', {
        x: x + 1, y: y + 1, width: cellW - 2, height: cellH - 2, rx: 3,
        fill: v ? shade(colour, 0.15 + 0.85 * t) : '#f3f4f6', class: 'cell',
      }, s('title', {}, `${row.label}, ${col}: ${v}`)));
      if (v) {
        svg.append(s('text', {
          x: x + cellW / 2, y: y + cellH / 2 + 4, 'text-anchor': 'middle',
          class: t > 0.5 ? 'cell-value on-dark' : 'cell-value',
        }, String(v)));
      }
    });
  });
  return svg;
}

// niceStep is a step for about four gridlines up to max: 1, 2 or 5 times a
// power of ten, and at least 1.
export function niceStep(max) {
  const raw = Math.max(1, max / 4);
  const p = 10 ** Math.floor(Math.log10(raw));
  const f = raw / p;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
}

// barChart draws grouped bars: categories along x (e.g. years), one bar per
// series in each; series: [{name, values: [number], colour}].
export function barChart({ title, categories, series, height = 220 }) {
  const left = 40;
  const bottom = 26;
  const top = series.length > 1 ? 34 : 18;
  const groupW = Math.max(28, Math.min(80, Math.floor(880 / Math.max(1, categories.length))));
  const width = left + categories.length * groupW + 12;
  const step = niceStep(Math.max(1, ...series.flatMap((se) => se.values)));
  const max = Math.ceil(Math.max(1, ...series.flatMap((se) => se.values)) / step) * step;
  const plotH = height - top - bottom;
  const y = (v) => top + plotH - (v / max) * plotH;
  const svg = s('svg', {
    class: 'chart bars', viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': title,
  }, s('title', {}, title));
  for (let v = 0; v <= max; v += step) {
    svg.append(s('line', { x1: left, x2: width - 8, y1: y(v), y2: y(v), class: 'grid' }),
      s('text', { x: left - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'axis' }, String(v)));
  }
  const barW = Math.max(6, Math.floor((groupW - 10) / series.length));
  categories.forEach((cat, i) => {
    const gx = left + i * groupW + 5;
    series.forEach((se, k) => {
      const v = se.values[i] || 0;
      const x = gx + k * barW;
      svg.append(s('rect', { x, y: y(v), width: barW - 2, height: top + plotH - y(v), fill: se.colour, class: 'bar' },
        s('title', {}, `${se.name}, ${cat}: ${v}`)));
      if (v) svg.append(s('text', { x: x + (barW - 2) / 2, y: y(v) - 4, 'text-anchor': 'middle', class: 'bar-value' }, String(v)));
    });
    svg.append(s('text', { x: gx + (groupW - 10) / 2, y: height - 8, 'text-anchor': 'middle', class: 'axis' },
      categories.length > 24 && i % 2 === 1 ? '' : String(cat)));
  });
  let lx = left;
  for (const se of series.length > 1 ? series : []) {
    svg.append(s('rect', { x: lx, y: 6, width: 12, height: 12, fill: se.colour }),
      s('text', { x: lx + 16, y: 16, class: 'legend' }, se.name));
    lx += 24 + se.name.length * 7;
  }
  return svg;
}
