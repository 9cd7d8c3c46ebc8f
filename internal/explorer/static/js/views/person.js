// A person: where they appeared, over the years, in which roles and with
// which title and institution at the time. Appearances come a page of
// meetings at a time (meetings filtered by the person), so that someone who
// spoke at a thousand meetings costs no more than someone who spoke at five.

import { add, h } from '../dom.js';
import { ROLES, graphHref, roleLabels } from '../kinds.js';
import { barChart, yearsBetween } from '../chart.js';
import { hashWith, pager, table } from '../ui.js';

const PAGE = 25;

export const QUERY = `query ExplorerPerson($id: ID!, $first: Int!, $after: String) {
  person(id: $id) {
    id
    name
    aliases
    country { id name }
    affiliations { title from to institution { id name shortName } }
  }
  meetings(filter: {person: $id}, sort: DATE_ASC, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      id
      title
      date
      place { name }
      council { id shortName name }
      speakers {
        roles
        title
        person { id }
        institution { id name shortName }
      }
    }
  }
}`;

export async function render(root, route, ctx) {
  const after = route.params.get('after');
  const { person: p, meetings: conn } = await ctx.query(QUERY, { id: route.arg, first: PAGE, after: after ?? undefined });
  // Each meeting lists all its speakers; keep this person's appearance.
  const rows = conn.nodes.flatMap((m) => m.speakers.filter((a) => a.person.id === p.id).map((a) => ({ ...a, meeting: m })));
  const perYear = new Map();
  for (const a of rows) {
    const y = Number(a.meeting.date.slice(0, 4));
    perYear.set(y, (perYear.get(y) || 0) + 1);
  }
  const years = yearsBetween([...perYear.keys()]);
  const whole = !after && !conn.pageInfo.hasNextPage;
  const route0 = `person/${encodeURIComponent(p.id)}`;
  const stack = ctx.cursors.track(route0, after);
  add(root,
    h('p', { class: 'crumbs' }, h('a', { href: '#/speakers' }, 'Who spoke where'), ' › person'),
    h('h1', { tabindex: -1 }, p.name),
    h('dl', { class: 'facts' },
      p.country ? [h('dt', {}, 'Country'), h('dd', {}, p.country.name)] : null,
      p.aliases.length ? [h('dt', {}, 'Also written'), h('dd', {}, p.aliases.join(' · '))] : null,
      p.affiliations.length ? [h('dt', {}, 'Posts'), h('dd', {}, p.affiliations.map((af, i) => [i ? '; ' : '',
        [af.title, af.institution.name].filter(Boolean).join(', '),
        af.from || af.to ? ` (${af.from ?? '…'}–${af.to ?? '…'})` : '']))] : null),
    h('p', {}, h('a', { href: graphHref(p.id), class: 'button' }, 'Graph around this person')),
    h('h2', { id: 'appearances' }, `Appearances (${conn.totalCount})`),
    whole && years.length > 1 ? barChart({
      title: `Appearances of ${p.name} per year`, categories: years, height: 170,
      series: [{ name: 'appearances', values: years.map((y) => perYear.get(y) || 0), colour: '#1f6fb2' }],
    }) : null,
    table({
      className: 'data appearances',
      csvName: `${p.id}-appearances`,
      columns: [
        { title: 'Date', text: (a) => a.meeting.date },
        { title: 'Meeting', text: (a) => a.meeting.title, cell: (a) => h('a', { href: `#/meeting/${encodeURIComponent(a.meeting.id)}` }, a.meeting.title) },
        { title: 'Council', text: (a) => a.meeting.council?.shortName ?? a.meeting.council?.name ?? '' },
        { title: 'Place', text: (a) => a.meeting.place?.name ?? '' },
        { title: 'Roles', text: (a) => roleLabels(a.roles), cell: (a) => a.roles.map((r) => h('span', { class: `role role-${r}` }, ROLES[r]?.label ?? r)) },
        { title: 'Title at the time', text: (a) => a.title ?? '' },
        { title: 'Institution', text: (a) => a.institution?.name ?? '', cell: (a) => (a.institution ? h('a', { href: graphHref(a.institution.id), title: a.institution.name }, a.institution.shortName || a.institution.name) : '') },
      ],
      rows,
    }),
    whole ? null : pager({ pageInfo: conn.pageInfo, totalCount: conn.totalCount, shown: rows.length, after, stack,
      hrefFor: (cursor) => hashWith(route0, new URLSearchParams(), { after: cursor }) }));
}
