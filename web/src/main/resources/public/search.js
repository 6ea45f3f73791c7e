/*
 * The search box (GET /api/search?q=): towns, villages and parishes, LSOAs and postcodes as a combobox
 * with a listbox of results (arrow keys, Enter, Escape), each saying what it is, its district and the
 * area it is in. A result shows its place on the map and its area in the panel (in analyst mode a
 * parish is selected).
 */
import { api, path } from './api.js';
import { focusBlockOption, renderBlockList } from './areas.js';
import { blockArea, blocksLoaded, loadBlocks } from './blocks.js';
import { $, clear, el } from './dom.js';
import { announce, showError } from './feedback.js';
import { num } from './format.js';
import { L, map, showPoint } from './map.js';
import { areaLabel, chooseArea, selectBlock, state } from './state.js';

const KIND = { parish: 'parish', place: 'place', lsoa: 'LSOA', postcode: 'postcode' };
const PLACE = { city: 'city', town: 'town', village: 'village' };

/** What a hit is and where, in words: "town in Fenland · area SDA16 Whittlesey". */
function hitWhere(r) {
  const what = r.place ? PLACE[r.place] + (r.kind === 'parish' ? ' (parish)' : '') : (KIND[r.kind] || r.kind || '');
  const area = r.block_code && state.plan && state.plan.blocks && state.plan.blocks[r.block_code] ? blockArea(r.block_code) : null;
  return what + (r.district ? ' in ' + r.district : '') + (area ? ' · area ' + areaLabel(area) : '');
}
const input = $('search-input');
let results = [];
let active = -1;
let timer = null;
let seq = 0;

function closeSearch() {
  $('search-results').hidden = true;
  input.setAttribute('aria-expanded', 'false');
  input.removeAttribute('aria-activedescendant');
  active = -1;
}
function setActive(i) {
  active = i;
  [...$('search-results').children].forEach((li, j) => li.setAttribute('aria-selected', j === i ? 'true' : 'false'));
  if (i >= 0) {
    input.setAttribute('aria-activedescendant', 'search-result-' + i);
    const li = $('search-result-' + i);
    if (li) li.scrollIntoView({ block: 'nearest' });
  } else input.removeAttribute('aria-activedescendant');
}
async function runSearch(q) {
  const mine = ++seq;
  if (q.trim().length < 2) { closeSearch(); return; }
  const rows = await api(path`/api/search?q=${q.trim()}`);
  if (mine !== seq) return;
  results = rows || [];
  const ul = clear($('search-results'));
  results.forEach((r, i) => {
    ul.appendChild(el('li', {
      role: 'option', id: 'search-result-' + i, dataset: { index: i, code: r.code, block: r.block_code || '' }, 'aria-selected': 'false',
      onmousedown: (e) => { e.preventDefault(); pickResult(i); },
    }, el('span', { className: 'hit-name', text: r.name || r.code }), el('span', { className: 'kind', text: hitWhere(r) })));
  });
  if (!results.length) ul.appendChild(el('li', { role: 'option', 'aria-disabled': 'true', text: 'Nothing found for “' + q + '”.' }));
  ul.hidden = false;
  input.setAttribute('aria-expanded', 'true');
  $('search-status').textContent = results.length + (results.length === 1 ? ' result' : ' results') + '. Use the arrow keys and Enter.';
  setActive(-1);
}
input.addEventListener('input', () => {
  window.clearTimeout(timer);
  const q = input.value;
  timer = window.setTimeout(() => runSearch(q).catch(showError), 180);
});
input.addEventListener('keydown', (e) => {
  const n = results.length;
  if (e.key === 'ArrowDown') {
    e.preventDefault();
    if ($('search-results').hidden && input.value.trim().length >= 2) { runSearch(input.value).catch(showError); return; }
    if (n) setActive((active + 1) % n);
  } else if (e.key === 'ArrowUp') {
    e.preventDefault();
    if (n) setActive((active - 1 + n) % n);
  } else if (e.key === 'Enter') {
    e.preventDefault();
    if (!$('search-results').hidden && n) pickResult(active >= 0 ? active : 0);
    else runSearch(input.value).catch(showError);
  } else if (e.key === 'Escape') {
    closeSearch();
  }
});
input.addEventListener('blur', () => window.setTimeout(closeSearch, 150));

async function pickResult(i) {
  const r = results[i];
  if (!r) return;
  closeSearch();
  input.value = r.name || r.code;
  const lat = num(r.lat), lon = num(r.lon);
  if (lat !== null && lon !== null) showPoint(L.latLng(lat, lon), Math.max(map.getZoom(), r.kind === 'postcode' ? 14 : 12));
  const code = r.block_code;
  if (code && state.plan && state.plan.blocks && state.plan.blocks[code]) {
    if (state.mode === 'analyst') {
      await loadBlocks();
      selectBlock(code, 'only');
      focusBlockOption(code);
    } else {
      chooseArea(blockArea(code));
      state.activeBlock = code;
      renderBlockList();
      $('area-title').focus();
    }
    announce((r.name || r.code) + ' is in ' + areaLabel(blockArea(code)) + '.');
  } else {
    announce('Showing ' + (r.name || r.code) + ' on the map.');
  }
  if (!blocksLoaded()) loadBlocks().catch(() => { /* names only */ });
}
