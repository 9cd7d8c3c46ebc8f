// Who spoke where: people by meetings, a page of meetings at a time, each
// cell naming the roles the person had there; the table behind it gives the
// title and institution each held at the time.

import { add, h } from '../dom.js';
import { ROLES, roleLabels } from '../kinds.js';
import { compact, dates, filterForm, hashWith, input, message, pager, PARTIAL_DATE, select, table } from '../ui.js';

const PAGE = 8;

export const QUERY = `query ExplorerSpeakers($filter: MeetingFilter, $sort: MeetingSort, $first: Int!, $after: String) {
  councils(first: 100) { nodes { id name shortName } }
  meetings(filter: $filter, sort: $sort, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      id
      title
      date
      ordinal
      council { id shortName name }
      place { name }
      speakers {
        order
        roles
        title
        person { id name }
        institution { id name shortName }
      }
    }
  }
}`;

// column is a short heading for a meeting: "RAEC 5 · 2024-06-21".
function column(m) {
  const c = m.council?.shortName ?? m.council?.name ?? '';
  return [c && m.ordinal ? `${c} ${m.ordinal}` : c || m.title, m.date];
}

export async function render(root, route, ctx) {
  const p = route.params;
  const after = p.get('after');
  const sort = p.get('sort') === 'DATE_DESC' ? 'DATE_DESC' : 'DATE_ASC';
  const range = dates(p);
  const filter = compact({ council: p.get('council'), dates: range });
  const data = await ctx.query(QUERY, { filter, sort, first: PAGE, after: after ?? undefined });
  const conn = data.meetings;
  add(root, 
    h('h1', { tabindex: -1 }, 'Who spoke where'),
    h('p', { class: 'lead' }, `People by meetings, ${PAGE} meetings a page. Choose a person for all their appearances.`),
    filterForm('speakers', [
      select({
        label: 'Council', name: 'council', value: p.get('council'),
        options: [{ value: '', text: 'All councils and one-off events' },
          ...data.councils.nodes.map((c) => ({ value: c.id, text: c.shortName ? `${c.shortName} — ${c.name}` : c.name }))],
      }),
      input({ label: 'From', name: 'from', value: p.get('from'), placeholder: '2021', pattern: PARTIAL_DATE, size: 10 }),
      input({ label: 'To', name: 'to', value: p.get('to'), placeholder: '2024', pattern: PARTIAL_DATE, size: 10 }),
      select({ label: 'Order', name: 'sort', value: sort, options: [{ value: 'DATE_ASC', text: 'Oldest first' }, { value: 'DATE_DESC', text: 'Newest first' }] }),
    ]));
  if (conn.nodes.length === 0) {
    add(root, message('note', 'No meeting matches these filters.'));
    return;
  }
  const people = new Map();
  for (const m of conn.nodes) {
    for (const a of m.speakers) {
      if (!people.has(a.person.id)) people.set(a.person.id, { person: a.person, at: new Map() });
      people.get(a.person.id).at.set(m.id, a);
    }
  }
  const rows = [...people.values()].sort((x, y) => y.at.size - x.at.size || x.person.name.localeCompare(y.person.name));
  const stack = ctx.cursors.track(hashWith('speakers', p, { after: null }), after);
  add(root, 
    h('p', { class: 'legend' }, 'Roles: ', Object.values(ROLES).map((r) => h('span', { class: 'legend-item' }, h('abbr', { class: 'role-code' }, r.code), ` ${r.label}`))),
    h('div', { class: 'scroll' }, matrix(conn.nodes, rows)),
    pager({ pageInfo: conn.pageInfo, totalCount: conn.totalCount, shown: conn.nodes.length, after, stack,
      hrefFor: (cursor) => hashWith('speakers', p, { after: cursor }) }),
    h('h2', {}, 'The table behind it'),
    table({
      className: 'data compact',
      csvName: 'who-spoke-where',
      columns: [
        { title: 'Meeting', text: (r) => r.m.title, cell: (r) => h('a', { href: `#/meeting/${encodeURIComponent(r.m.id)}` }, column(r.m).join(' · ')) },
        { title: 'Date', text: (r) => r.m.date },
        { title: '#', text: (r) => r.a.order ?? '', numeric: true },
        { title: 'Person', text: (r) => r.a.person.name, cell: (r) => h('a', { href: `#/person/${encodeURIComponent(r.a.person.id)}` }, r.a.person.name) },
        { title: 'Roles', text: (r) => roleLabels(r.a.roles) },
        { title: 'Title at the time', text: (r) => r.a.title ?? '' },
        { title: 'Institution', text: (r) => r.a.institution?.name ?? '' },
      ],
      rows: conn.nodes.flatMap((m) => m.speakers.map((a) => ({ m, a }))),
    }));
}

function matrix(meetings, rows) {
  return h('table', { class: 'matrix' },
    h('caption', {}, `${rows.length} people at ${meetings.length} meetings`),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Person'),
      meetings.map((m) => h('th', { scope: 'col' }, h('a', { href: `#/meeting/${encodeURIComponent(m.id)}`, title: m.title },
        column(m)[0], h('br'), h('span', { class: 'muted' }, column(m)[1])))),
      h('th', { scope: 'col', class: 'num', title: 'Meetings on this page where the person appeared' }, 'Count'))),
    h('tbody', {}, rows.map((r) => h('tr', { dataset: { person: r.person.id } },
      h('th', { scope: 'row' }, h('a', { href: `#/person/${encodeURIComponent(r.person.id)}` }, r.person.name)),
      meetings.map((m) => {
        const a = r.at.get(m.id);
        if (!a) return h('td', { class: 'empty' });
        const detail = [roleLabels(a.roles), a.title, a.institution?.shortName || a.institution?.name].filter(Boolean).join(' · ');
        return h('td', { class: 'hit', title: detail },
          h('span', { class: 'codes' }, a.roles.map((x) => ROLES[x]?.code ?? '?').join(' ')),
          h('span', { class: 'sr-only' }, detail),
          a.institution?.shortName ? h('span', { class: 'inst', 'aria-hidden': 'true' }, a.institution.shortName) : null);
      }),
      h('td', { class: 'num' }, String(r.at.size))))));
}
