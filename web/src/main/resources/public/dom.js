/*
 * Building the page's elements. Strings and numbers become text nodes, never HTML: everything
 * that comes from the API is written with textContent or attributes (no innerHTML anywhere).
 */

/** The element with this id. */
export const $ = (id) => document.getElementById(id);

/** Creates an element; attrs text/className/dataset/style/onEVENT are special, the rest are attributes. */
export function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'text') e.textContent = String(v);
      else if (k === 'className') e.className = v;
      else if (k === 'dataset') Object.assign(e.dataset, v);
      else if (k === 'style') Object.assign(e.style, v);
      else if (k.startsWith('on') && typeof v === 'function') e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? '' : String(v));
    }
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    e.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

/** Creates an SVG element with attributes and, when given, its text. */
export function svgEl(tag, attrs, text) {
  const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = String(text);
  return e;
}

/** A "?" button that opens the glossary at a term (glossary.js answers it): what the label next to it means. */
export const termHelp = (term, what) => el('button', { type: 'button', className: 'term-help', dataset: { term }, 'aria-label': 'What is ' + what + '?' }, '?');

/** Removes every child of a node and returns the node. */
export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}
