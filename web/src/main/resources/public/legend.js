/*
 * The map's legend. Each module that draws something on the map adds its section under one of
 * the SLOTS (their order on screen); refreshLegend() asks every section anew what to show.
 */
import { $, clear, el } from './dom.js';

const SLOTS = ['pcn-share', 'indicator', 'releases', 'areas', 'places', 'blocks', 'lsoas', 'districts', 'pcn-footprints', 'pcn-catchments'];
const sections = new Map(); // slot -> () => a legend block (element) or null

/** Registers what a slot shows: build() returns an element from legendBlock(), or null for nothing. */
export function addLegendSection(slot, build) {
  if (!SLOTS.includes(slot)) throw new Error('unknown legend slot ' + slot);
  sections.set(slot, build);
}

// the legend folds away (on a desktop it sits over the map's lower left corner)
$('legend-toggle').addEventListener('click', () => {
  const open = $('legend-toggle').getAttribute('aria-expanded') !== 'true';
  $('legend-toggle').setAttribute('aria-expanded', open ? 'true' : 'false');
  $('legend-body').hidden = !open;
  $('legend').classList.toggle('folded', !open);
});

export function refreshLegend() {
  const box = clear($('legend-body'));
  for (const slot of SLOTS) {
    const block = sections.has(slot) ? sections.get(slot)() : null;
    if (block) box.appendChild(block);
  }
  $('legend').hidden = !box.firstChild;
}

/** A titled list of legend items; id and dataset are optional. */
export function legendBlock(title, items, attrs) {
  return el('div', Object.assign({ className: 'legend-block' }, attrs), el('p', { className: 'legend-title', text: title }), el('ul', null, items));
}
export const legendItem = (sample, text) => el('li', null, sample, el('span', { text }));
export const swatch = (colour, extra) => el('span', { className: 'swatch' + (extra ? ' ' + extra : ''), style: { background: colour }, 'aria-hidden': 'true' });
export const lineSample = (colour, dashed) => el('span', { className: 'line-sample' + (dashed ? ' dashed' : ''), style: { borderTopColor: colour }, 'aria-hidden': 'true' });
