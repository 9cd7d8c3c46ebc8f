// The graph around any node: its neighbours and theirs (depth 2), read from
// the node's own fields in one query, drawn as SVG and listed in a table.
// Click (or Tab to and press Enter on) any node to move the centre there.

import { add, h } from '../dom.js';
import { KINDS, graphHref, href, label } from '../kinds.js';
import { drawGraph, legend } from '../graphdraw.js';
import { message, table } from '../ui.js';

const N = 8; // page size of the connections followed
const MAX_RING1 = 28; // neighbours drawn; the table lists all
const MAX_PER_PARENT = 3; // second neighbours drawn per neighbour
const MAX_RING2 = 48;

// LABEL is what to ask of a node of each kind to name it.
const LABEL = {
  Council: ['name', 'shortName'],
  Meeting: ['title', 'date'],
  Person: ['name'],
  Institution: ['name', 'shortName'],
  Country: ['name'],
  Place: ['name'],
  Initiative: ['name', 'shortName'],
  Theme: ['name'],
  Recommendation: ['text'],
  Publication: ['title'],
  Source: ['title', 'url'],
};

const meetingsOf = (rel) => ({ rel, path: [`meetings(first: ${N}, sort: DATE_DESC)`, 'nodes'], kind: 'Meeting' });

// REL lists, for each kind, the fields that lead to its neighbours: fields
// whose size is bounded (a connection's page, a meeting's speakers), since a
// node's neighbours are asked for theirs too. Person.appearances is not
// paged, so a person's meetings come from the root list (ROOT).
export const REL = {
  Council: [
    { rel: 'held between', path: ['countries'], kind: 'Country' },
    { rel: 'organised by', path: ['organizers'], kind: 'Institution' },
    meetingsOf('meeting'),
  ],
  Meeting: [
    { rel: 'council', path: ['council'], kind: 'Council' },
    { rel: 'held in', path: ['place'], kind: 'Place' },
    { rel: 'organised by', path: ['organizers'], kind: 'Institution' },
    { rel: 'speaker', path: ['speakers', 'person'], kind: 'Person' },
    { rel: 'mentions', path: ['initiatives'], kind: 'Initiative' },
    { rel: 'theme', path: ['themes'], kind: 'Theme' },
  ],
  Person: [
    { rel: 'country', path: ['country'], kind: 'Country' },
    { rel: 'affiliated with', path: ['affiliations', 'institution'], kind: 'Institution' },
  ],
  Institution: [
    { rel: 'country', path: ['country'], kind: 'Country' },
    { rel: 'part of', path: ['parent'], kind: 'Institution' },
    { rel: 'person', path: [`people(first: ${N})`, 'nodes'], kind: 'Person' },
    meetingsOf('meeting'),
  ],
  Place: [
    { rel: 'country', path: ['country'], kind: 'Country' },
    meetingsOf('meeting here'),
  ],
  Initiative: [
    meetingsOf('mentioned at'),
    { rel: 'mentioned by', path: ['recommendations(first: 4, sort: DATE_DESC)', 'nodes'], kind: 'Recommendation' },
  ],
  Theme: [
    meetingsOf('dealt with at'),
    { rel: 'recommendation', path: ['recommendations(first: 4, sort: DATE_DESC)', 'nodes'], kind: 'Recommendation' },
  ],
  Recommendation: [
    { rel: 'of meeting', path: ['meeting'], kind: 'Meeting' },
    { rel: 'mentions', path: ['initiatives'], kind: 'Initiative' },
    { rel: 'theme', path: ['themes'], kind: 'Theme' },
    { rel: 'concerns', path: ['countries'], kind: 'Country' },
    { rel: 'attributed to', path: ['attributedTo'], kind: 'Person' },
  ],
  Publication: [{ rel: 'by', path: ['institutions'], kind: 'Institution' }],
  Source: [],
  Country: [],
};

// ROOT lists, for a centre of some kinds, root lists filtered by the centre's
// ID that lead to more neighbours: a country has no fields that do, and a
// person's meetings are paged only there.
const ROOT = {
  Country: [
    { rel: 'council', path: [`councils(filter: {country: $id}, first: ${N})`, 'nodes'], kind: 'Council' },
    { rel: 'meeting', path: [`meetings(filter: {country: $id}, first: ${N}, sort: DATE_DESC)`, 'nodes'], kind: 'Meeting' },
    { rel: 'institution', path: [`institutions(filter: {country: $id}, first: ${N})`, 'nodes'], kind: 'Institution' },
    { rel: 'person', path: [`people(filter: {country: $id}, first: ${N})`, 'nodes'], kind: 'Person' },
  ],
  Person: [
    { rel: 'appeared at', path: [`meetings(filter: {person: $id}, first: ${N}, sort: DATE_DESC)`, 'nodes'], kind: 'Meeting' },
  ],
};

export const KIND_QUERY = `query ExplorerNodeKind($id: ID!) {
  node(id: $id) { __typename id }
}`;

// A selection is a list of field names and {name, sel} sub-selections.
function nest(path, leaf) {
  return path.reduceRight((inner, name) => [{ name, sel: inner }], leaf)[0];
}

function print(sel, indent) {
  return sel.map((f) => (typeof f === 'string' ? indent + f : `${indent}${f.name} {\n${print(f.sel, indent + '  ')}\n${indent}}`)).join('\n');
}

// leaf is the selection of a neighbour: its name, and its own neighbours
// (through a fragment) if it is one step from the centre.
function leaf(kind, near) {
  return ['id', ...LABEL[kind], ...(near && REL[kind].length ? [`...Near${kind}`] : [])];
}

function fragment(kind) {
  return `fragment Near${kind} on ${kind} {\n${print(REL[kind].map((r) => nest(r.path, leaf(r.kind, false))), '  ')}\n}`;
}

// graphQuery is the query of the neighbourhood of a node of kind, to depth 2.
export function graphQuery(kind) {
  const fields = REL[kind].map((r) => nest(r.path, leaf(r.kind, true)));
  const roots = (ROOT[kind] || []).map((r) => nest(r.path, leaf(r.kind, true)));
  const used = [...new Set([...REL[kind], ...(ROOT[kind] || [])].map((r) => r.kind))].filter((k) => REL[k].length).sort();
  const body = print([{ name: 'node(id: $id)', sel: ['id', { name: `... on ${kind}`, sel: [...LABEL[kind], ...fields] }] }, ...roots], '  ');
  return [`query ExplorerGraph${kind}($id: ID!) {\n${body}\n}`, ...used.map(fragment)].join('\n\n');
}

// collect follows path (field names, arguments ignored) through objects and
// lists to the nodes at its end.
function collect(value, path) {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap((v) => collect(v, path));
  if (path.length === 0) return [value];
  return collect(value[path[0].split('(')[0]], path.slice(1));
}

// neighbourhood turns the answer into the centre's neighbours (each with
// the relations that lead there and its data) and their neighbours.
export function neighbourhood(kind, centreId, data) {
  const ring1 = new Map();
  const from = [...REL[kind].map((r) => [data.node, r]), ...(ROOT[kind] || []).map((r) => [data, r])];
  for (const [value, r] of from) {
    for (const n of collect(value, r.path)) {
      if (n.id === centreId) continue;
      if (!ring1.has(n.id)) ring1.set(n.id, { id: n.id, kind: r.kind, label: label(n), rels: [], data: n });
      const e = ring1.get(n.id);
      if (!e.rels.includes(r.rel)) e.rels.push(r.rel);
    }
  }
  const ring2 = new Map();
  for (const n of ring1.values()) {
    for (const r of REL[n.kind]) {
      for (const m of collect(n.data, r.path)) {
        if (m.id === centreId || ring1.has(m.id)) continue;
        if (!ring2.has(m.id)) ring2.set(m.id, { id: m.id, kind: r.kind, label: label(m), rels: [], via: [] });
        const e = ring2.get(m.id);
        if (!e.via.includes(n.id)) e.via.push(n.id);
        if (!e.rels.includes(r.rel)) e.rels.push(r.rel);
      }
    }
  }
  return { ring1: [...ring1.values()], ring2: [...ring2.values()] };
}

// drawn picks the nodes to draw: the first MAX_RING1 neighbours, and for
// each a few of the second neighbours that hang from it.
function drawn(ring1, ring2) {
  const d1 = ring1.slice(0, MAX_RING1);
  const shown = new Set(d1.map((n) => n.id));
  const perParent = new Map();
  const d2 = [];
  for (const n of ring2) {
    const parent = n.via.find((id) => shown.has(id));
    if (!parent || d2.length >= MAX_RING2) continue;
    const k = perParent.get(parent) || 0;
    if (k >= MAX_PER_PARENT) continue;
    perParent.set(parent, k + 1);
    d2.push({ ...n, parent, relation: n.rels.join(', ') });
  }
  return { d1: d1.map((n) => ({ ...n, relation: n.rels.join(', ') })), d2 };
}

export async function render(root, route, ctx) {
  if (!route.arg) {
    await landing(root, ctx);
    return;
  }
  const id = route.arg;
  const { node } = await ctx.query(KIND_QUERY, { id });
  const kind = node.__typename;
  const data = await ctx.query(graphQuery(kind), { id });
  const centreData = data.node;
  const centre = { id, kind, label: label(centreData) };
  const { ring1, ring2 } = neighbourhood(kind, id, data);
  const { d1, d2 } = drawn(ring1, ring2);
  const names = new Map(ring1.map((n) => [n.id, n.label]));
  const page = kind === 'Meeting' || kind === 'Person' ? href(kind, id) : null;
  add(root, 
    h('p', { class: 'crumbs' }, h('a', { href: '#/graph' }, 'Graph'), ` › ${KINDS[kind].label}`),
    h('h1', { tabindex: -1 }, centre.label.length > 120 ? centre.label.slice(0, 119) + '…' : centre.label),
    h('p', { class: 'lead' },
      `${KINDS[kind].label} · ${ring1.length} neighbours, ${ring2.length} at two steps`,
      ring1.length > d1.length || ring2.length > d2.length ? ` (drawn: ${d1.length} and ${d2.length}; the table lists all)` : '',
      '. Choose a node to move the centre there. ',
      page ? h('a', { href: page }, `Open the ${KINDS[kind].label.toLowerCase()} page`) : null,
      kind === 'Source' && centreData.url ? h('a', { href: centreData.url, rel: 'noopener noreferrer', target: '_blank' }, 'Open the report') : null));
  if (ring1.length === 0) {
    add(root, message('note', 'Nothing links to this node in the graph.'));
    return;
  }
  add(root, 
    h('div', { class: 'graph-wrap' },
      legend([...new Set([centre, ...d1, ...d2].map((n) => n.kind))]),
      drawGraph({ title: `Neighbourhood of ${centre.label}`, centre, ring1: d1, ring2: d2, hrefFor: (n) => graphHref(n.id) })),
    h('h2', {}, 'Neighbours'),
    table({
      className: 'data compact neighbours',
      csvName: `graph-${id}`,
      columns: [
        { title: 'Name', text: (n) => n.label, cell: (n) => h('a', { href: graphHref(n.id) }, n.label.length > 140 ? n.label.slice(0, 139) + '…' : n.label) },
        { title: 'Kind', text: (n) => KINDS[n.kind].label },
        { title: 'Steps', text: (n) => n.depth, numeric: true },
        { title: 'Relation', text: (n) => n.rels.join(', ') },
        { title: 'Via', text: (n) => (n.via || []).map((v) => names.get(v) ?? v).join('; ') },
        { title: 'Page', text: (n) => n.id, cell: (n) => (n.kind === 'Meeting' || n.kind === 'Person' ? h('a', { href: href(n.kind, n.id) }, 'page') : '') },
      ],
      rows: [...ring1.map((n) => ({ ...n, depth: 1 })), ...ring2.map((n) => ({ ...n, depth: 2 }))],
    }));
}

export const LANDING = `query ExplorerGraphStart {
  councils(first: 20) { nodes { id name shortName } }
  initiatives(first: 20) { nodes { id name shortName } }
}`;

async function landing(root, ctx) {
  const data = await ctx.query(LANDING);
  const field = h('input', { id: 'graph-id', name: 'id', required: true, placeholder: 'raec-5, instc, farid-shafiyev', dataset: { autofocus: '' } });
  const form = h('form', { class: 'search' }, h('label', { for: 'graph-id' }, 'Centre the graph on an ID'),
    h('div', { class: 'row' }, field, h('button', { type: 'submit' }, 'Show')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (field.value.trim()) location.hash = graphHref(field.value.trim());
  });
  const links = (nodes) => h('ul', { class: 'chips' }, nodes.map((n) => h('li', {}, h('a', { href: graphHref(n.id), title: n.name }, n.shortName || n.name))));
  add(root, h('h1', { tabindex: -1 }, 'Graph'),
    h('p', { class: 'lead' }, 'The neighbourhood of any node, two steps deep. Start from a council or an initiative, or from ',
      h('a', { href: '#/search' }, 'a search'), '.'),
    form,
    h('h2', {}, 'Councils'), links(data.councils.nodes),
    h('h2', {}, 'Initiatives'), links(data.initiatives.nodes));
}
