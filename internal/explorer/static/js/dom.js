// Building DOM nodes without innerHTML: text is always text, never markup.

const SVG_NS = 'http://www.w3.org/2000/svg';

// h creates an HTML element. props: class, text, on: {event: handler},
// dataset: {...}; any other key is set as an attribute (false/null skipped).
// Children may be nodes, strings, numbers, arrays, or null/false (skipped).
export function h(tag, props = {}, ...children) {
  return build(document.createElement(tag), props, children);
}

// s creates an SVG element, like h.
export function s(tag, props = {}, ...children) {
  return build(document.createElementNS(SVG_NS, tag), props, children);
}

function build(el, props, children) {
  for (const [key, value] of Object.entries(props || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'on') {
      for (const [event, handler] of Object.entries(value)) el.addEventListener(event, handler);
    } else if (key === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (key === 'text') {
      el.textContent = value;
    } else {
      el.setAttribute(key === 'className' ? 'class' : key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : String(child));
  }
}

// add appends children to el, as h does: arrays flattened, null skipped.
export function add(el, ...children) {
  append(el, children);
  return el;
}

// replace empties el and fills it with children.
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

// truncate shortens text to at most n characters, with an ellipsis.
export function truncate(text, n) {
  const t = String(text ?? '');
  return t.length <= n ? t : t.slice(0, n - 1).trimEnd() + '…';
}
