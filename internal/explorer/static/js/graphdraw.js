// An SVG drawing of the neighbourhood of one node, as a two-sided tree: the
// node in the middle, its neighbours in a column on each side (grouped by
// how they relate to it), and their own neighbours further out, level with
// the neighbour that leads to them. Labels are horizontal and never overlap.
// Every node is a link (Tab to reach it, Enter to follow it), so the graph
// can be walked by keyboard.

import { h, s, truncate } from './dom.js';
import { KINDS } from './kinds.js';

const W = 1240;
const CX = W / 2;
const ROW = 21; // height of one row of labels
const GROUP = 16; // height of a relation's heading
const D1 = 140; // from the centre to the neighbours' column
const D2 = 400; // from the centre to the second neighbours' column
const TOP = 12;

// rows is how many rows a neighbour needs: one per second neighbour drawn.
const rows = (n, kids) => Math.max(1, (kids.get(n.id) || []).length);

// split cuts the neighbours in two runs of about equal height, keeping the
// order (and so the groups of one relation together as far as possible).
function split(ring1, kids) {
  const total = ring1.reduce((t, n) => t + rows(n, kids), 0);
  let acc = 0;
  let cut = ring1.length;
  for (let i = 0; i < ring1.length; i++) {
    if (acc >= total / 2) {
      cut = i;
      break;
    }
    acc += rows(ring1[i], kids);
  }
  return [ring1.slice(0, cut), ring1.slice(cut)];
}

// layout places one side (dir 1: right, -1: left) and returns its height.
function layout(side, dir, kids, pos, headings) {
  let y = TOP;
  let rel = null;
  for (const n of side) {
    if (n.relation !== rel) {
      rel = n.relation;
      headings.push({ x: CX + dir * D1, y: y + 11, dir, text: rel });
      y += GROUP;
    }
    const r = rows(n, kids);
    pos.set(n.id, { x: CX + dir * D1, y: y + (r * ROW) / 2, dir });
    (kids.get(n.id) || []).forEach((k, j) => pos.set(k.id, { x: CX + dir * D2, y: y + j * ROW + ROW / 2, dir }));
    y += r * ROW;
  }
  return y;
}

function label(p, text, cls) {
  return s('text', { x: p.x + p.dir * 10, y: p.y + 4, 'text-anchor': p.dir > 0 ? 'start' : 'end', class: cls }, text);
}

function node(n, p, depth, href) {
  return s('a', { href, class: `node d${depth}`, dataset: { id: n.id, kind: n.kind } },
    s('title', {}, `${KINDS[n.kind]?.label ?? n.kind}: ${n.label}${n.relation ? ` (${n.relation})` : ''}`),
    s('circle', { cx: p.x, cy: p.y, r: depth === 1 ? 7 : 5, fill: KINDS[n.kind]?.colour ?? '#555' }),
    label(p, truncate(n.label, depth === 1 ? 28 : 30), 'node-label'));
}

// curve is an S-shaped edge from a to b.
function curve(a, b, cls) {
  const mx = (a.x + b.x) / 2;
  return s('path', { d: `M${a.x},${a.y} C${mx},${a.y} ${mx},${b.y} ${b.x},${b.y}`, class: cls });
}

// drawGraph returns the SVG. ring1: [{id, kind, label, relation}], ring2:
// [{id, kind, label, parent}]; hrefFor(node) is where a node's link goes.
export function drawGraph({ title, centre, ring1, ring2, hrefFor }) {
  const kids = new Map();
  for (const n of ring2) {
    if (!kids.has(n.parent)) kids.set(n.parent, []);
    kids.get(n.parent).push(n);
  }
  const [right, left] = split(ring1, kids);
  const pos = new Map();
  const headings = [];
  const height = Math.max(layout(right, 1, kids, pos, headings), layout(left, -1, kids, pos, headings), 120) + TOP;
  const c = { x: CX, y: height / 2 };
  const svg = s('svg', { class: 'graph', viewBox: `0 0 ${W} ${height}`, role: 'group', 'aria-label': title }, s('title', {}, title));
  const edges = s('g', { class: 'edges' });
  for (const n of ring1) edges.append(curve(c, pos.get(n.id), 'edge e1'));
  for (const n of ring2) {
    const a = pos.get(n.parent);
    // From the end of the parent's label column to the child.
    const from = { x: a.x + a.dir * (D2 - D1 - 46), y: a.y };
    edges.append(curve(from, pos.get(n.id), 'edge e2'));
  }
  svg.append(edges);
  for (const hd of headings) {
    svg.append(s('text', { x: hd.x + hd.dir * 10, y: hd.y, 'text-anchor': hd.dir > 0 ? 'start' : 'end', class: 'relation' }, hd.text));
  }
  const nodes = s('g', { class: 'nodes' });
  for (const n of ring2) nodes.append(node(n, pos.get(n.id), 2, hrefFor(n)));
  for (const n of ring1) nodes.append(node(n, pos.get(n.id), 1, hrefFor(n)));
  nodes.append(s('g', { class: 'node centre', dataset: { id: centre.id, kind: centre.kind } },
    s('circle', { cx: c.x, cy: c.y, r: 14, fill: KINDS[centre.kind]?.colour ?? '#555' }),
    s('text', { x: c.x, y: c.y + 30, 'text-anchor': 'middle', class: 'centre-label' }, truncate(centre.label, 24))));
  svg.append(nodes);
  return svg;
}

// legend lists the kinds drawn, with their colours.
export function legend(kinds) {
  return h('ul', { class: 'graph-legend', 'aria-label': 'Colours of the kinds of node' }, kinds.map((k) => h('li', {},
    s('svg', { width: 12, height: 12, 'aria-hidden': 'true' }, s('circle', { cx: 6, cy: 6, r: 5, fill: KINDS[k]?.colour ?? '#555' })),
    ` ${KINDS[k]?.plural ?? k}`)));
}
