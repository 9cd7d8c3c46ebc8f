// The explorer's entry point: hash routing (#/meeting/raec-5) to one view at
// a time, each view rendered from the answers of the public GraphQL API.

import { h, replace } from './dom.js';
import { request } from './gql.js';
import { Cursors, QueryPanel, errorMessage, message } from './ui.js';
import * as search from './views/search.js';
import * as meetings from './views/meetings.js';
import * as meeting from './views/meeting.js';
import * as recurrence from './views/recurrence.js';
import * as speakers from './views/speakers.js';
import * as person from './views/person.js';
import * as graph from './views/graph.js';

// VIEWS maps the first part of the hash to a view module, whose
// render(root, route, ctx) fills root.
const VIEWS = { search, meetings, meeting, recurrence, speakers, person, graph };

// NAV is the navigation entry lit for each view.
const NAV = { meeting: 'meetings', person: 'speakers' };

const main = document.getElementById('main');
const cursors = new Cursors();
let current = null;

// parse splits '#/meeting/raec-5?x=1' into the view, its argument and its
// parameters.
function parse(hash) {
  const raw = hash.replace(/^#\/?/, '');
  const q = raw.indexOf('?');
  const path = q < 0 ? raw : raw.slice(0, q);
  const [name, ...rest] = path.split('/');
  let arg = '';
  try {
    arg = decodeURIComponent(rest.join('/'));
  } catch {
    arg = rest.join('/');
  }
  return { name: name || 'search', arg, params: new URLSearchParams(q < 0 ? '' : raw.slice(q + 1)) };
}

async function show(first) {
  const route = parse(location.hash);
  const view = VIEWS[route.name];
  current?.controller.abort();
  const controller = new AbortController();
  current = { controller };
  for (const a of document.querySelectorAll('header nav a')) {
    if (a.dataset.view === (NAV[route.name] ?? route.name)) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  const panel = new QueryPanel();
  const ctx = {
    panel,
    cursors,
    signal: controller.signal,
    // query sends one request and records it in the view's query panel.
    query: (text, variables = {}) => {
      panel.add(text, variables);
      return request(text, variables, controller.signal);
    },
  };
  const root = h('div', { class: `view view-${route.name}` });
  main.setAttribute('aria-busy', 'true');
  document.body.classList.add('loading');
  try {
    if (!view) {
      root.append(h('h1', { tabindex: -1 }, 'No such view'), message('error', `There is no view “${route.name}”.`));
    } else {
      await view.render(root, route, ctx);
    }
  } catch (err) {
    if (controller.signal.aborted) return;
    root.append(errorMessage(err));
  }
  if (controller.signal.aborted) return;
  const heading = root.querySelector('h1');
  if (panel.requests.length > 0) {
    if (heading) heading.after(panel.el);
    else root.prepend(panel.el);
  }
  replace(main, root);
  main.setAttribute('aria-busy', 'false');
  document.body.classList.remove('loading');
  document.body.dataset.view = route.name;
  document.title = `${heading ? heading.textContent : 'expertgraph'} · expertgraph explorer`;
  const autofocus = root.querySelector('[data-autofocus]');
  if (autofocus) autofocus.focus();
  else if (!first && heading) heading.focus();
  // A marker tests and scripts can wait for: the view is complete.
  main.dataset.ready = location.hash || '#/';
}

window.addEventListener('hashchange', () => show(false));
document.getElementById('skip').addEventListener('click', () => main.focus());
show(true);
