// All meetings, a page at a time, filtered by council and period.

import { add, h } from '../dom.js';
import { PARTIAL_DATE, compact, dates, filterForm, hashWith, input, pager, select, table, message } from '../ui.js';

const PAGE = 25;

export const QUERY = `query ExplorerMeetings($filter: MeetingFilter, $sort: MeetingSort, $first: Int!, $after: String) {
  councils(first: 100) { nodes { id name shortName } }
  meetings(filter: $filter, sort: $sort, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      id
      title
      date
      council { id shortName name }
      place { name }
      country { name }
    }
  }
}`;

export async function render(root, route, ctx) {
  const p = route.params;
  const after = p.get('after');
  const sort = p.get('sort') === 'DATE_ASC' ? 'DATE_ASC' : 'DATE_DESC';
  const range = dates(p);
  const filter = compact({ council: p.get('council'), dates: range });
  const data = await ctx.query(QUERY, { filter, sort, first: PAGE, after: after ?? undefined });
  const conn = data.meetings;
  add(root, 
    h('h1', { tabindex: -1 }, 'Meetings'),
    filterForm('meetings', [
      select({
        label: 'Council', name: 'council', value: p.get('council'),
        options: [{ value: '', text: 'All councils and one-off events' },
          ...data.councils.nodes.map((c) => ({ value: c.id, text: c.shortName ? `${c.shortName} — ${c.name}` : c.name }))],
      }),
      input({ label: 'From', name: 'from', value: p.get('from'), placeholder: '2023', pattern: PARTIAL_DATE, title: 'A year, 2023; a month, 2023-06; or a day', size: 10 }),
      input({ label: 'To', name: 'to', value: p.get('to'), placeholder: '2024-06', pattern: PARTIAL_DATE, title: 'A year, a month or a day', size: 10 }),
      select({ label: 'Order', name: 'sort', value: sort, options: [{ value: 'DATE_DESC', text: 'Newest first' }, { value: 'DATE_ASC', text: 'Oldest first' }] }),
    ]));
  if (conn.nodes.length === 0) {
    add(root, message('note', 'No meeting matches these filters.'));
    return;
  }
  const key = hashWith('meetings', p, { after: null });
  const stack = ctx.cursors.track(key, after);
  add(root, 
    table({
      caption: `Meetings${filter?.council ? ` of ${filter.council}` : ''}${range ? ` from ${range.from || '…'} to ${range.to || '…'}` : ''}`,
      csvName: 'meetings',
      columns: [
        { title: 'Date', text: (m) => m.date },
        { title: 'Meeting', text: (m) => m.title, cell: (m) => h('a', { href: `#/meeting/${encodeURIComponent(m.id)}` }, m.title) },
        { title: 'Council', text: (m) => m.council?.shortName ?? m.council?.name ?? '' },
        { title: 'Place', text: (m) => [m.place?.name, m.country?.name].filter(Boolean).join(', ') },
        { title: 'ID', text: (m) => m.id },
      ],
      rows: conn.nodes,
    }),
    pager({ pageInfo: conn.pageInfo, totalCount: conn.totalCount, shown: conn.nodes.length, after, stack,
      hrefFor: (cursor) => hashWith('meetings', p, { after: cursor }) }));
}
