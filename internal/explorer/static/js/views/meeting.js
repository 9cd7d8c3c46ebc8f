// A meeting: who spoke (in order, with roles, titles and institutions at the
// time), what it concluded and proposed with the initiatives and themes of
// each, its papers and the reports it is known from.

import { add, h } from '../dom.js';
import { RECOMMENDATION_KINDS, ROLES, graphHref, roleLabels } from '../kinds.js';
import { table } from '../ui.js';

export const QUERY = `query ExplorerMeeting($id: ID!) {
  meeting(id: $id) {
    id
    title
    date
    dateNote
    ordinal
    theme
    themeVariants
    format
    council { id name shortName }
    place { id name }
    country { id name }
    organizers { id name shortName }
    speakers {
      order
      roles
      title
      session
      person { id name }
      institution { id name shortName }
      country { name }
    }
    recommendations {
      id
      order
      kind
      text
      paraphrase
      attributedTo { id name }
      initiatives { id name shortName }
      themes { id name }
      countries { id name }
    }
    themes { id name }
    initiatives { id name shortName }
    publications { relation publication { id title kind status } }
    sources { excerpt source { id url title publisher published language } }
  }
}`;

const chips = (items, cls) =>
  items.length === 0 ? null : h('ul', { class: `chips ${cls}` },
    items.map((x) => h('li', {}, h('a', { href: graphHref(x.id), title: x.name }, x.shortName || x.name))));

export async function render(root, route, ctx) {
  const { meeting: m } = await ctx.query(QUERY, { id: route.arg });
  const facts = [
    ['Date', m.date + (m.dateNote ? ` (${m.dateNote})` : '')],
    ['Council', m.council ? h('a', { href: `#/meetings?council=${encodeURIComponent(m.council.id)}` }, m.council.name) : 'One-off event'],
    ['Edition', m.ordinal],
    ['Place', [m.place?.name, m.country?.name].filter(Boolean).join(', ')],
    ['Theme', m.theme],
    ['Also worded', m.themeVariants.join(' · ')],
    ['Format', m.format],
    ['Organised by', m.organizers.length ? m.organizers.map((o, i) => [i ? '; ' : '', h('a', { href: graphHref(o.id) }, o.name)]) : null],
  ].filter(([, v]) => v !== null && v !== undefined && v !== '');
  add(root, 
    h('p', { class: 'crumbs' }, h('a', { href: '#/meetings' }, 'Meetings'), ' › ', m.council?.shortName ?? m.council?.name ?? 'Event'),
    h('h1', { tabindex: -1 }, m.title),
    h('dl', { class: 'facts' }, facts.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
    h('p', {}, h('a', { href: graphHref(m.id), class: 'button' }, 'Graph around this meeting')),
    h('h2', { id: 'speakers' }, `Speakers (${m.speakers.length})`),
    speakersTable(m),
    ...recommendations(m),
    m.initiatives.length || m.themes.length
      ? h('section', {}, h('h2', {}, 'Initiatives and themes of the meeting itself'),
        chips(m.initiatives, 'initiatives'), chips(m.themes, 'themes'))
      : null,
    m.publications.length
      ? h('section', {}, h('h2', {}, 'Papers'), h('ul', {}, m.publications.map((p) => h('li', {},
        h('a', { href: graphHref(p.publication.id) }, p.publication.title),
        h('span', { class: 'muted' }, ` · ${p.relation.toLowerCase()}${p.publication.kind ? `, ${p.publication.kind}` : ''}${p.publication.status ? `, ${p.publication.status}` : ''}`)))))
      : null,
    h('h2', {}, 'Sources'),
    h('ol', { class: 'sources' }, m.sources.map((r) => h('li', {},
      h('a', { href: r.source.url, rel: 'noopener noreferrer', target: '_blank' }, r.source.title || r.source.url),
      h('span', { class: 'muted' }, ` · ${[r.source.publisher, r.source.published, r.source.language].filter(Boolean).join(', ')}`),
      r.excerpt ? h('blockquote', {}, r.excerpt) : null))));
}

function speakersTable(m) {
  return table({
    className: 'data speakers',
    csvName: `${m.id}-speakers`,
    columns: [
      { title: '#', text: (a) => a.order ?? '', numeric: true },
      { title: 'Person', text: (a) => a.person.name, cell: (a) => h('a', { href: `#/person/${encodeURIComponent(a.person.id)}` }, a.person.name) },
      {
        title: 'Roles', text: (a) => roleLabels(a.roles),
        cell: (a) => a.roles.map((r) => h('span', { class: `role role-${r}` }, ROLES[r]?.label ?? r)),
      },
      { title: 'Title at the time', text: (a) => a.title ?? '' },
      {
        title: 'Institution', text: (a) => a.institution?.name ?? '',
        cell: (a) => (a.institution ? h('a', { href: graphHref(a.institution.id), title: a.institution.name }, a.institution.name) : ''),
      },
      { title: 'Country', text: (a) => a.country?.name ?? '' },
      { title: 'Session', text: (a) => a.session ?? '' },
    ],
    rows: m.speakers,
  });
}

function recommendations(m) {
  const out = [];
  for (const [kind, heading] of Object.entries(RECOMMENDATION_KINDS)) {
    const recs = m.recommendations.filter((r) => r.kind === kind);
    if (recs.length === 0) continue;
    out.push(h('section', { class: 'recommendations', dataset: { kind } },
      h('h2', {}, `${heading} (${recs.length})`),
      h('ol', {}, recs.map((r) => h('li', { value: r.order, dataset: { id: r.id } },
        h('p', {}, r.text, r.paraphrase ? h('span', { class: 'badge', title: 'A paraphrase, not the words of the source' }, 'paraphrase') : null),
        r.attributedTo.length ? h('p', { class: 'muted' }, 'Attributed to ', r.attributedTo.map((p, i) => [i ? ', ' : '', h('a', { href: `#/person/${encodeURIComponent(p.id)}` }, p.name)])) : null,
        chips(r.initiatives, 'initiatives'),
        chips(r.themes, 'themes'),
        chips(r.countries, 'countries'))))));
  }
  if (out.length) {
    out.push(h('details', { class: 'as-table' }, h('summary', {}, 'All recommendations as one table (CSV)'), table({
      className: 'data compact',
      csvName: `${m.id}-recommendations`,
      columns: [
        { title: 'Order', text: (r) => r.order, numeric: true },
        { title: 'Kind', text: (r) => r.kind },
        { title: 'Text', text: (r) => r.text },
        { title: 'Initiatives', text: (r) => r.initiatives.map((x) => x.name).join('; ') },
        { title: 'Themes', text: (r) => r.themes.map((x) => x.name).join('; ') },
        { title: 'Countries', text: (r) => r.countries.map((x) => x.name).join('; ') },
      ],
      rows: m.recommendations,
    })));
  }
  return out;
}
