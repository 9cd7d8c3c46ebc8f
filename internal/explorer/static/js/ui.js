// Pieces every view uses: the "copy the GraphQL query" panel, tables with a
// CSV download, pagers, filters and messages.

import { h } from './dom.js';
import { curl, ENDPOINT } from './gql.js';
import { download, toCSV } from './csv.js';

// QueryPanel shows the exact requests a view sent, with controls to copy them.
export class QueryPanel {
  constructor() {
    this.list = h('div', { class: 'gql-requests' });
    this.el = h(
      'details',
      { class: 'gql-panel' },
      h('summary', {}, 'GraphQL query of this view'),
      h('p', { class: 'hint' }, 'This view asks the public API, ', h('code', {}, ENDPOINT),
        ', exactly this; paste it into GraphiQL (', h('a', { href: '../' }, 'open'), ') or send it with curl.'),
      this.list,
    );
    this.requests = [];
  }

  // add records one request as it is sent; the view shows the panel when it
  // is complete, with the requests that failed too.
  add(query, variables) {
    const n = this.requests.length + 1;
    this.requests.push({ query, variables });
    const vars = JSON.stringify(variables, null, 2);
    const status = h('span', { class: 'copy-status', role: 'status' });
    this.list.append(
      h('section', { class: 'gql-request', dataset: { n } },
        h('div', { class: 'gql-text' },
          h('div', {}, h('h3', {}, 'Query'), h('pre', { class: 'gql-query', tabindex: 0, 'aria-label': 'GraphQL query' }, query)),
          h('div', {}, h('h3', {}, 'Variables'), h('pre', { class: 'gql-variables', tabindex: 0, 'aria-label': 'Variables' }, vars))),
        h('div', { class: 'buttons' },
          copyButton('Copy query', query, status),
          copyButton('Copy variables', vars, status),
          copyButton('Copy as curl', curl(query, variables), status),
          status)));
  }
}

function copyButton(text, value, status) {
  return h('button', {
    type: 'button',
    on: {
      click: async () => {
        status.textContent = (await copy(value)) ? 'Copied.' : 'Select the text above and press Ctrl+C.';
      },
    },
  }, text);
}

// copy puts text on the clipboard; the clipboard API needs a secure context
// (https or localhost), so elsewhere it reports failure.
async function copy(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

// table renders rows as an HTML table with a CSV download of the same
// columns. columns: {title, text(row), cell(row)?: Node, numeric?: bool}.
export function table({ caption, columns, rows, csvName, className }) {
  const t = h('table', { class: className || 'data' },
    caption ? h('caption', {}, caption) : null,
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col', class: c.numeric ? 'num' : null }, c.title)))),
    h('tbody', {}, rows.map((row) => h('tr', {},
      columns.map((c, i) => h(i === 0 ? 'th' : 'td', { scope: i === 0 ? 'row' : null, class: c.numeric ? 'num' : null },
        c.cell ? c.cell(row) : c.text(row)))))));
  return h('div', { class: 'table-wrap' },
    csvName ? csvButton(csvName, columns, rows) : null,
    h('div', { class: 'scroll' }, t));
}

// csvButton downloads rows (an array, or a function returning one at the time
// of the click) as CSV.
export function csvButton(name, columns, rows, text = 'Download CSV') {
  return h('button', {
    type: 'button',
    class: 'csv',
    dataset: { csv: name },
    on: { click: () => download(`${slug(name)}.csv`, toCSV(columns, typeof rows === 'function' ? rows() : rows)) },
  }, text);
}

// pager links to the first, previous and next pages of a connection. The API
// pages forward only (first/after), so Previous comes from the cursors this
// list has shown (see Cursors).
export function pager({ pageInfo, totalCount, shown, after, hrefFor, stack }) {
  const i = stack.indexOf(after ?? '');
  const prev = i > 0 ? stack[i - 1] : '';
  return h('nav', { class: 'pager', 'aria-label': 'Pages' },
    h('span', { class: 'count' }, `${shown} shown of ${totalCount}`),
    after ? h('a', { href: hrefFor(null) }, '« First') : null,
    prev ? h('a', { href: hrefFor(prev), rel: 'prev' }, '‹ Previous') : null,
    pageInfo.hasNextPage ? h('a', { href: hrefFor(pageInfo.endCursor), rel: 'next', class: 'next' }, 'Next ›') : null);
}

// Cursors remembers, per list (its route and filters), the cursors of the
// pages shown in order.
export class Cursors {
  constructor() {
    this.byKey = new Map();
  }

  // track records that the page after `after` is shown and returns the list's
  // cursors, '' standing for the first page.
  track(key, after) {
    const cur = after ?? '';
    const stack = this.byKey.get(key) ?? [];
    if (stack.includes(cur)) return stack;
    const next = cur === '' ? [''] : stack.length > 0 ? [...stack, cur] : [cur];
    this.byKey.set(key, next);
    return next;
  }
}

// message shows an error or a note in place of a view's content.
export function message(kind, ...content) {
  return h('div', { class: `message ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, ...content);
}

// errorMessage explains a failed request.
export function errorMessage(err) {
  if (err.code === 'NOT_FOUND') return message('error', 'Not found: ', err.message);
  return message('error', 'The request failed', err.code ? ` (${err.code})` : '', ': ', err.message);
}

// select is a labelled <select>; options: [{value, text}].
export function select({ label, name, value, options }) {
  const id = `f-${name}`;
  return h('span', { class: 'field' },
    h('label', { for: id }, label),
    h('select', { id, name }, options.map((o) => h('option', { value: o.value, selected: o.value === (value ?? '') }, o.text))));
}

// input is a labelled <input>.
export function input({ label, name, value, placeholder, pattern, title, type = 'text', size }) {
  const id = `f-${name}`;
  return h('span', { class: 'field' },
    h('label', { for: id }, label),
    h('input', { id, name, type, value: value ?? '', placeholder, pattern, title, size }));
}

// filterForm submits its fields as hash parameters of route.
export function filterForm(route, fields, onSubmit) {
  const form = h('form', { class: 'filters', role: 'search' }, fields, h('button', { type: 'submit' }, 'Apply'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!form.reportValidity()) return;
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (String(v).trim() !== '') params.set(k, String(v).trim());
    onSubmit ? onSubmit(params) : (location.hash = `#/${route}${params.size ? '?' + params : ''}`);
  });
  return form;
}

// PARTIAL_DATE is the pattern of a PartialDate: 2024, 2024-06 or 2024-06-21.
export const PARTIAL_DATE = '\\d{4}(-\\d{2}(-\\d{2})?)?';

// dates returns a DateRange from the from/to parameters, or undefined. An
// end not given is left out rather than sent as null (see compact).
export function dates(params) {
  return compact({ from: params.get('from'), to: params.get('to') });
}

// compact returns obj without its empty fields, or undefined if none is left.
// Filters are sent this way: the server reads an explicit null in an input
// object's ID field as the ID "null" (reported as a bug), and a field left
// out means "not given" everywhere.
export function compact(obj) {
  const out = {};
  for (const [k, v] of Object.entries(obj)) if (v !== null && v !== undefined && v !== '') out[k] = v;
  return Object.keys(out).length ? out : undefined;
}

// hashWith returns a hash for route with params changed (null removes).
export function hashWith(route, params, changes) {
  const p = new URLSearchParams(params);
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === undefined || v === '') p.delete(k);
    else p.set(k, v);
  }
  return `#/${route}${p.size ? '?' + p : ''}`;
}


// slug makes a file name of any text.
function slug(text) {
  return String(text).normalize('NFKD').replace(/[^\w-]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase() || 'table';
}
