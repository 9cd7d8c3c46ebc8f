// Initiative recurrence: how many meetings (and recommendations) mention each
// initiative, year by year, as a heat map with the table behind it, within
// a council and a period if chosen. A page of initiatives at a time.

import { add, h } from '../dom.js';
import { graphHref } from '../kinds.js';
import { heatmap, yearsBetween } from '../chart.js';
import { compact, dates, filterForm, hashWith, input, message, pager, PARTIAL_DATE, select, table } from '../ui.js';

const PAGE = 25;

export const QUERY = `query ExplorerRecurrence($filter: InitiativeFilter, $council: ID, $dates: DateRange, $first: Int!, $after: String) {
  councils(first: 100) { nodes { id name shortName } }
  initiatives(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      id
      name
      shortName
      recurrence(council: $council, dates: $dates) {
        meetingCount
        recommendationCount
        perYear { year meetings recommendations }
      }
    }
  }
}`;

export async function render(root, route, ctx) {
  const p = route.params;
  const after = p.get('after');
  const measure = p.get('measure') === 'recommendations' ? 'recommendations' : 'meetings';
  const range = dates(p);
  const council = p.get('council') || null;
  const data = await ctx.query(QUERY, { filter: compact({ council }), council: council ?? undefined, dates: range, first: PAGE, after: after ?? undefined });
  const conn = data.initiatives;
  add(root, 
    h('h1', { tabindex: -1 }, 'Initiative recurrence'),
    h('p', { class: 'lead' }, 'Meetings that mention each initiative, themselves or in a recommendation, per year. ',
      'Initiatives in alphabetical pages of ', String(PAGE), '; the chart shows those mentioned in the period, most mentioned first.'),
    filterForm('recurrence', [
      select({
        label: 'Council', name: 'council', value: council,
        options: [{ value: '', text: 'All councils' },
          ...data.councils.nodes.map((c) => ({ value: c.id, text: c.shortName ? `${c.shortName} — ${c.name}` : c.name }))],
      }),
      input({ label: 'From', name: 'from', value: p.get('from'), placeholder: '2023', pattern: PARTIAL_DATE, size: 10 }),
      input({ label: 'To', name: 'to', value: p.get('to'), placeholder: '2024-06', pattern: PARTIAL_DATE, size: 10 }),
      select({ label: 'Count', name: 'measure', value: measure, options: [{ value: 'meetings', text: 'Meetings' }, { value: 'recommendations', text: 'Recommendations' }] }),
    ]));
  const stack = ctx.cursors.track(hashWith('recurrence', p, { after: null }), after);
  const nav = pager({ pageInfo: conn.pageInfo, totalCount: conn.totalCount, shown: conn.nodes.length, after, stack,
    hrefFor: (cursor) => hashWith('recurrence', p, { after: cursor }) });
  const mentioned = conn.nodes
    .filter((i) => i.recurrence.meetingCount > 0)
    .sort((a, b) => b.recurrence.meetingCount - a.recurrence.meetingCount
      || b.recurrence.recommendationCount - a.recurrence.recommendationCount || a.name.localeCompare(b.name));
  const years = yearsBetween(conn.nodes.flatMap((i) => i.recurrence.perYear.map((y) => y.year)));
  if (mentioned.length === 0) {
    add(root, message('note', 'No initiative on this page is mentioned in this council and period.'), nav);
    return;
  }
  add(root, 
    h('figure', { class: 'chart-figure' },
      h('div', { class: 'scroll' }, heatmap({
        title: `${measure === 'meetings' ? 'Meetings' : 'Recommendations'} mentioning each initiative, per year`,
        columns: years,
        rows: mentioned.map((i) => ({
          label: i.shortName && i.name.length > 40 ? `${i.shortName} — ${i.name}` : i.name,
          title: i.shortName ? `${i.name} (${i.shortName})` : i.name,
          id: i.id,
          href: graphHref(i.id),
          values: new Map(i.recurrence.perYear.map((y) => [y.year, y[measure]])),
        })),
      })),
      h('figcaption', {}, `${measure === 'meetings' ? 'Meetings' : 'Recommendations'} per year that mention each initiative`,
        council ? ` at ${council}` : '', range ? `, ${range.from || '…'} to ${range.to || '…'}` : '', '.')),
    nav,
    h('h2', {}, 'The table behind the chart'),
    table({
      className: 'data compact recurrence',
      csvName: 'initiative-recurrence',
      columns: [
        { title: 'Initiative', text: (i) => i.name, cell: (i) => h('a', { href: graphHref(i.id) }, i.name) },
        { title: 'Short name', text: (i) => i.shortName ?? '' },
        { title: 'Meetings', text: (i) => i.recurrence.meetingCount, numeric: true },
        { title: 'Recommendations', text: (i) => i.recurrence.recommendationCount, numeric: true },
        ...years.map((y) => ({
          title: String(y),
          numeric: true,
          text: (i) => {
            const c = i.recurrence.perYear.find((x) => x.year === y);
            return c ? `${c.meetings}/${c.recommendations}` : '';
          },
        })),
      ],
      rows: conn.nodes,
    }),
    h('p', { class: 'muted' }, 'Year columns: meetings/recommendations that mention the initiative that year.'));
}
