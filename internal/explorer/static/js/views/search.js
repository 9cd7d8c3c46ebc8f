// Search across all kinds: exact names and aliases in any spelling (lookup)
// and names that contain the words (the name filters of the lists), grouped
// by kind. Without a query: meetings per year and per council.

import { add, h } from '../dom.js';
import { KINDS, ORDER, href, label } from '../kinds.js';
import { barChart } from '../chart.js';
import { csvButton, message, table } from '../ui.js';

const PAGE = 8;

// LISTS are the lists that take a name filter, searched by "contains".
const LISTS = [
  { field: 'councils', kind: 'Council', nodes: 'id name shortName' },
  { field: 'people', kind: 'Person', nodes: 'id name country { name }' },
  { field: 'institutions', kind: 'Institution', nodes: 'id name shortName country { name }' },
  { field: 'initiatives', kind: 'Initiative', nodes: 'id name shortName' },
  { field: 'themes', kind: 'Theme', nodes: 'id name' },
  { field: 'places', kind: 'Place', nodes: 'id name country { name }' },
  { field: 'countries', kind: 'Country', nodes: 'id name' },
];

const connection = (l, after) =>
  `  ${l.field}(filter: {name: $q}, first: $first${after ? ', after: $after' : ''}) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { ${l.nodes} }
  }`;

export const SEARCH = `query ExplorerSearch($q: String!, $first: Int!) {
  lookup(name: $q) {
    __typename
    ... on Council { id name shortName }
    ... on Meeting { id title date }
    ... on Person { id name }
    ... on Institution { id name shortName }
    ... on Country { id name }
    ... on Place { id name }
    ... on Initiative { id name shortName }
    ... on Theme { id name }
    ... on Recommendation { id text }
    ... on Publication { id title }
    ... on Source { id sourceTitle: title url }
  }
${LISTS.map((l) => connection(l, false)).join('\n')}
}`;

// more is the query for the next page of one list.
const more = (l) => `query ExplorerSearchMore($q: String!, $first: Int!, $after: String!) {
${connection(l, true)}
}`;

export const OVERVIEW = `query ExplorerOverview {
  perYear: counts(by: MEETINGS_PER_YEAR) { key label count }
  perCouncil: counts(by: MEETINGS_PER_COUNCIL) { key label count }
}`;

export async function render(root, route, ctx) {
  const q = (route.params.get('q') || '').trim();
  const field = h('input', {
    id: 'search-q', name: 'q', type: 'search', value: q, required: true, maxlength: 200,
    placeholder: 'Gadzhiev, North–South corridor, РАЭС, Shafiyev…', dataset: q ? {} : { autofocus: '' },
  });
  const form = h('form', { class: 'search', role: 'search' },
    h('label', { for: 'search-q' }, 'Name, alias or part of a name'),
    h('div', { class: 'row' }, field, h('button', { type: 'submit' }, 'Search')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = field.value.trim();
    if (v) location.hash = `#/search?q=${encodeURIComponent(v)}`;
  });
  add(root, h('h1', { tabindex: -1 }, q ? `Search: ${q}` : 'Search the graph'), form);
  if (!q) {
    await overview(root, ctx);
    return;
  }
  const data = await ctx.query(SEARCH, { q, first: PAGE });
  const groups = new Map(ORDER.map((k) => [k, { items: new Map(), list: null }]));
  for (const n of data.lookup) {
    // Source.title may be null, unlike the other titles, so it comes aliased.
    const node = n.__typename === 'Source' ? { ...n, title: n.sourceTitle || n.url } : n;
    groups.get(n.__typename).items.set(n.id, { ...node, kind: n.__typename, exact: true });
  }
  for (const l of LISTS) {
    const g = groups.get(l.kind);
    g.list = { ...data[l.field], def: l };
    for (const n of data[l.field].nodes) if (!g.items.has(n.id)) g.items.set(n.id, { ...n, kind: l.kind });
  }
  const found = [...groups.values()].some((g) => g.items.size > 0);
  if (!found) {
    add(root, message('note', `Nothing is called or contains “${q}”. Names ignore case, dashes and diacritics; try fewer letters.`));
    return;
  }
  const all = () => [...groups.values()].flatMap((g) => [...g.items.values()]);
  add(root, h('div', { class: 'toolbar' }, csvButton(`search-${q}`, [
    { title: 'kind', text: (n) => n.kind },
    { title: 'id', text: (n) => n.id },
    { title: 'name', text: (n) => label(n) },
    { title: 'exact match', text: (n) => (n.exact ? 'yes' : '') },
  ], all, 'Download results as CSV')));
  const results = h('div', { class: 'results' });
  for (const [kind, g] of groups) {
    if (g.items.size === 0) continue;
    results.append(section(kind, g, q, ctx));
  }
  add(root, results);
}

function item(n) {
  const extra = n.shortName || n.date || n.country?.name || null;
  return h('li', { dataset: { id: n.id } },
    h('a', { href: href(n.kind, n.id) }, n.kind === 'Recommendation' ? label(n).slice(0, 140) : label(n)),
    extra ? h('span', { class: 'muted' }, ` · ${extra}`) : null,
    n.exact ? h('span', { class: 'badge', title: 'The name or an alias matches exactly' }, 'exact') : null);
}

function section(kind, g, q, ctx) {
  const total = g.list ? Math.max(g.list.totalCount, g.items.size) : g.items.size;
  const list = h('ul', { class: 'hits' }, [...g.items.values()].map(item));
  const count = h('span', { class: 'muted' }, ` (${total})`);
  const sec = h('section', { class: 'group', dataset: { kind } }, h('h2', {}, KINDS[kind].plural, count), list);
  if (g.list?.pageInfo.hasNextPage) {
    let after = g.list.pageInfo.endCursor;
    const button = h('button', { type: 'button', class: 'more' }, `More ${KINDS[kind].plural.toLowerCase()}`);
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        const data = await ctx.query(more(g.list.def), { q, first: PAGE, after });
        const page = data[g.list.def.field];
        let firstNew = null;
        for (const n of page.nodes) {
          if (g.items.has(n.id)) continue;
          const it = { ...n, kind };
          g.items.set(n.id, it);
          const li = item(it);
          firstNew ??= li.querySelector('a');
          list.append(li);
        }
        after = page.pageInfo.endCursor;
        if (page.pageInfo.hasNextPage) button.disabled = false;
        else button.remove();
        firstNew?.focus();
      } catch (err) {
        button.after(message('error', err.message));
      }
    });
    sec.append(button);
  }
  return sec;
}

async function overview(root, ctx) {
  const data = await ctx.query(OVERVIEW);
  add(root, 
    h('p', { class: 'lead' }, 'Find people, councils, meetings, institutions, initiatives and themes by any name or alias, in any spelling. ',
      'Or browse: ', h('a', { href: '#/meetings' }, 'all meetings'), ', ',
      h('a', { href: '#/recurrence' }, 'which initiatives recur'), ', ',
      h('a', { href: '#/speakers' }, 'who spoke where'), ', ',
      h('a', { href: '#/graph/raec' }, 'the graph around a council'), '.'),
    h('h2', {}, 'Meetings per year'),
    barChart({
      title: 'Meetings per year',
      categories: data.perYear.map((c) => c.key),
      series: [{ name: 'meetings', values: data.perYear.map((c) => c.count), colour: '#c0392b' }],
    }),
    h('h2', {}, 'Meetings per council'),
    table({
      csvName: 'meetings-per-council',
      columns: [
        { title: 'Council', text: (c) => c.label, cell: (c) => h('a', { href: `#/meetings?council=${encodeURIComponent(c.key)}` }, c.label) },
        { title: 'Meetings', text: (c) => c.count, numeric: true },
      ],
      rows: data.perCouncil,
    }));
}
