/*
 * The panel's areas: the plan's summary figures, the list of areas, and one area's details (its
 * figures, PCN mix, profile, building blocks and LSOAs). The block list is a listbox: arrow keys
 * move, Enter selects, Space adds or removes, Shift+arrow extends the selection.
 */
import { apiText, path } from './api.js';
import { zoomToArea } from './areas-layer.js';
import { blockLocked, blockName, blockProps, blocksOfArea } from './blocks.js';
import { areaColour, pcnColour } from './colours.js';
import { $, clear, el, svgEl, termHelp } from './dom.js';
import { fmtInt, fmtPct, kindLabel, num } from './format.js';
import { swatch } from './legend.js';
import { loadLayer, lsoaFeatures, lsoaName } from './overlays.js';
import { renderAreaProfile } from './profiles.js';
import { areaLabel, chooseArea, on, pcnName, selectBlock, state } from './state.js';

let lsoaByArea = null; // area_id -> [{code, share}], from the plan's LSOA lookup

function renderPlanSummary() {
  const p = state.plan;
  if (!p) return;
  const s = p.summary || {};
  $('plan-title').textContent = p.name || 'Plan';
  $('plan-summary-line').textContent = (s.areas || state.areaOrder.length) + ' areas · PCN alignment ' + fmtPct(s.alignment)
    + ' · revision ' + p.revision;
  const dl = clear($('plan-figures'));
  const add = (k, v, term) => { dl.appendChild(el('dt', null, k, term ? ' ' : null, term ? termHelp(term, k) : null)); dl.appendChild(el('dd', { text: v })); };
  add('PCN alignment', fmtPct(s.alignment) + ' of registered patients are with their area\'s main PCN', 'alignment');
  add('Best possible', boundSentence(s), 'bound');
  dl.lastChild.id = 'plan-bound';
  if (s.bound_note) dl.lastChild.appendChild(el('span', { id: 'plan-bound-note', text: s.bound_note }));
  if (s.worst_area) add('Least aligned area', areaLabel(s.worst_area) + ' (' + fmtPct(s.worst_area_alignment) + ')');
  add('Largest size difference', fmtPct(s.max_deviation) + ' from the average area\'s residents', 'deviation');
  add('Areas not in one piece', String(s.non_contiguous_areas !== undefined ? s.non_contiguous_areas : '–'), 'contiguity');
}

/** The certificate in words: "within 0.6 points of the best possible plan with these rules (no plan can align more than 64.4%)". */
function boundSentence(s) {
  if (num(s.alignment_upper_bound) === null) return 'Not known for this plan.';
  const most = 'no plan with these rules can align more than ' + fmtPct(s.alignment_upper_bound);
  if (s.optimal) return 'This is the best possible plan with these rules: ' + most + '.';
  if (num(s.optimality_gap) === null) return 'The bound of the rules it was built with (' + fmtPct(s.alignment_upper_bound) + ') no longer applies.';
  const points = Math.max(0.1, Math.ceil(s.optimality_gap * 1000 - 1e-6) / 10).toFixed(1);
  return 'Within ' + points + ' points of the best possible plan with these rules (' + most + ').';
}

function renderAreaList() {
  const ul = clear($('area-list'));
  for (const id of state.areaOrder) {
    const a = state.areas.get(id);
    ul.appendChild(el('li', null, el('button', {
      type: 'button', className: 'area-item', dataset: { area: id }, 'aria-current': id === state.selectedArea ? 'true' : null,
      onclick: () => chooseArea(id, { focus: true, zoom: true }),
    }, swatch(areaColour(id)), el('span', { text: areaLabel(id) }),
    el('span', { className: 'figure', text: fmtInt(a.resident_population) + ' residents · ' + fmtPct(a.pcn_alignment, 0) + ' aligned' }))));
  }
}
$('area-back').addEventListener('click', () => {
  const prev = state.selectedArea;
  chooseArea(null);
  const b = document.querySelector('#area-list button[data-area="' + CSS.escape(prev || '') + '"]');
  if (b) b.focus();
});

function renderAreaDetails() {
  const id = state.selectedArea;
  const showDetails = !!id && state.mode !== 'health' && state.mode !== 'admin';
  $('area-details').hidden = !showDetails;
  $('area-list-section').hidden = !!id || state.mode === 'health' || state.mode === 'admin';
  document.querySelectorAll('#area-list button').forEach((b) => b.setAttribute('aria-current', b.dataset.area === id ? 'true' : 'false'));
  if (!id) return;
  const a = state.areas.get(id);
  $('area-title').textContent = areaLabel(id);
  $('area-population').textContent = fmtInt(a.resident_population)
    + (num(a.registered_population) !== null ? ' (' + fmtInt(a.registered_population) + ' registered patients)' : '');
  const dev = num(a.deviation);
  const devEl = $('area-deviation');
  devEl.textContent = dev === null ? '–' : (Math.abs(dev) < 0.0005 ? 'the average size'
    : fmtPct(Math.abs(dev)) + (dev > 0 ? ' above' : ' below') + ' the average');
  devEl.className = dev !== null && Math.abs(dev) > 0.25 ? 'bad' : '';
  $('area-main-pcn').textContent = a.main_pcn_code ? pcnName(a.main_pcn_code) : '–';
  $('area-alignment').textContent = fmtPct(a.pcn_alignment) + ' of registered patients are with the main PCN';
  $('area-compactness').textContent = num(a.compactness) === null ? '–' : Number(a.compactness).toFixed(2) + ' (1 is a circle)';
  const cont = $('area-contiguity');
  cont.textContent = a.contiguous === false ? 'No: the area is in more than one piece' : 'Yes';
  cont.className = a.contiguous === false ? 'bad' : '';
  $('area-districts').textContent = (a.district_codes || []).map((c) => state.districtNames.get(c) || c).join(', ') || '–';
  renderPcnMix(a);
  renderAreaProfile(id);
  renderBlockList();
  renderAreaLsoas();
}

function renderPcnMix(a) {
  const box = clear($('area-pcn-mix'));
  const mix = Object.entries(a.pcn_mix || {}).map(([k, v]) => [k, Number(v)]).sort((p, q) => q[1] - p[1]);
  if (!mix.length) { box.appendChild(el('p', { className: 'hint', text: 'No registrations known.' })); return; }
  const top = mix.slice(0, 6);
  const rest = mix.slice(6).reduce((s, [, v]) => s + v, 0);
  const total = mix.reduce((s, [, v]) => s + v, 0);
  const other = Math.max(rest, total < 0.999 ? 1 - total : 0);
  if (other > 0.0005) top.push(['other', other]);
  const W = 360, rowH = 20, labelW = 170, barW = 140;
  const svg = svgEl('svg', { viewBox: '0 0 ' + W + ' ' + (top.length * rowH + 4), role: 'img' });
  const desc = top.map(([k, v]) => (k === 'other' ? 'other PCNs' : pcnName(k)) + ' ' + fmtPct(v, 0)).join(', ');
  svg.setAttribute('aria-label', 'PCN mix of ' + a.area_id + ': ' + desc);
  svg.appendChild(svgEl('title', null, 'PCN mix: ' + desc));
  top.forEach(([k, v], i) => {
    const y = i * rowH + 2;
    const name = k === 'other' ? 'Other PCNs' : pcnName(k);
    svg.appendChild(svgEl('text', { x: 0, y: y + 14 }, name.length > 26 ? name.slice(0, 25) + '…' : name));
    svg.appendChild(svgEl('rect', { x: labelW, y: y + 3, width: Math.max(1, v * barW), height: 13, fill: k === 'other' ? '#bbb' : pcnColour(k), stroke: '#333', 'stroke-width': 0.5 }));
    svg.appendChild(svgEl('text', { x: labelW + Math.max(1, v * barW) + 4, y: y + 14 }, v < 0.005 ? 'under 1%' : fmtPct(v, 0)));
  });
  box.appendChild(svg);
}

/** The chosen area's building blocks, with the selection and the active option (for the keyboard). */
export function renderBlockList() {
  const ul = clear($('area-blocks'));
  const codes = blocksOfArea(state.selectedArea);
  if (!codes.includes(state.activeBlock)) state.activeBlock = codes.find((c) => state.selectedBlocks.has(c)) || codes[0] || null;
  for (const code of codes) {
    const p = blockProps(code);
    ul.appendChild(el('li', {
      role: 'option', id: 'block-opt-' + code, dataset: { block: code },
      'aria-selected': state.selectedBlocks.has(code) ? 'true' : 'false',
      tabindex: code === state.activeBlock ? '0' : '-1',
    }, el('span', { className: 'name', text: blockName(code) }),
    el('span', { className: 'kind', text: kindLabel(p.block_kind) }),
    el('span', { className: 'figure', text: p.resident_population !== undefined ? fmtInt(p.resident_population) + ' residents' : '' }),
    blockLocked(code) ? el('span', { className: 'lock', text: 'locked' }) : null));
  }
  if (!codes.length) ul.appendChild(el('li', { role: 'option', 'aria-disabled': 'true', text: 'No blocks.' }));
}
/** Moves the keyboard focus to a block of the list. */
export function focusBlockOption(code) {
  state.activeBlock = code;
  document.querySelectorAll('#area-blocks [role=option]').forEach((li) => li.setAttribute('tabindex', li.dataset.block === code ? '0' : '-1'));
  const li = $('block-opt-' + code);
  if (li) { li.focus(); li.scrollIntoView({ block: 'nearest' }); }
}
$('area-blocks').addEventListener('click', (e) => {
  const li = e.target.closest('[role=option][data-block]');
  if (!li) return;
  const many = e.shiftKey || e.ctrlKey || e.metaKey;
  selectBlock(li.dataset.block, many ? 'toggle' : 'only');
  focusBlockOption(li.dataset.block);
});
$('area-blocks').addEventListener('keydown', (e) => {
  const li = e.target.closest('[role=option][data-block]');
  if (!li) return;
  const opts = [...document.querySelectorAll('#area-blocks [role=option][data-block]')];
  const i = opts.indexOf(li);
  let next = null;
  switch (e.key) {
    case 'ArrowDown': next = opts[Math.min(opts.length - 1, i + 1)]; break;
    case 'ArrowUp': next = opts[Math.max(0, i - 1)]; break;
    case 'Home': next = opts[0]; break;
    case 'End': next = opts[opts.length - 1]; break;
    case 'Enter': selectBlock(li.dataset.block, 'only'); focusBlockOption(li.dataset.block); e.preventDefault(); return;
    case ' ': case 'Spacebar': selectBlock(li.dataset.block, 'toggle'); focusBlockOption(li.dataset.block); e.preventDefault(); return;
    default: return;
  }
  e.preventDefault();
  if (next) {
    if (e.shiftKey) selectBlock(next.dataset.block, 'add');
    focusBlockOption(next.dataset.block);
  }
});

function renderAreaLsoas() {
  const ul = clear($('area-lsoas'));
  if (!lsoaByArea) { ul.appendChild(el('li', { text: 'Loading…' })); return; }
  const rows = (lsoaByArea.get(state.selectedArea) || []).slice().sort((p, q) => p.code.localeCompare(q.code));
  if (!lsoaFeatures() && rows.length) loadLayer('lsoas').then(() => { if (state.selectedArea) renderAreaLsoas(); }).catch(() => { /* names are optional */ });
  for (const r of rows) {
    const name = lsoaName(r.code);
    ul.appendChild(el('li', { text: (name ? name + ' (' + r.code + ')' : r.code) + (r.share !== null && r.share < 0.995 ? ': ' + fmtPct(r.share, 0) + ' of its residents in this area' : '') }));
  }
  if (!rows.length) ul.appendChild(el('li', { text: 'None' }));
}
/** Which LSOAs fit best in which area: the plan's LSOA lookup (the CSV download). */
async function loadLsoaLookup() {
  const text = await apiText(path`/api/plans/${state.planId}/download?format=lsoas-csv`);
  const lines = String(text || '').split(/\r?\n/).filter(Boolean);
  const head = (lines.shift() || '').split(',');
  const ci = head.indexOf('lsoa_code'), ai = head.indexOf('area_id');
  const si = head.findIndex((h) => h.startsWith('population_share'));
  const by = new Map();
  for (const line of lines) {
    const f = line.split(',');
    const a = f[ai];
    if (!by.has(a)) by.set(a, []);
    by.get(a).push({ code: f[ci], share: si >= 0 ? num(f[si]) : null });
  }
  lsoaByArea = by;
  if (state.selectedArea) renderAreaLsoas();
}

on('plan-loaded', ({ fresh }) => {
  if (!fresh) lsoaByArea = null;
  renderPlanSummary();
  renderAreaList();
  renderAreaDetails();
  loadLsoaLookup().catch(() => { /* optional */ });
});
on('area-chosen', ({ id, zoom, focus }) => {
  renderAreaDetails();
  if (zoom) zoomToArea(id);
  if (focus) $('area-title').focus();
});
on('selection-changed', () => {
  document.querySelectorAll('#area-blocks [role=option][data-block]').forEach((li) => li.setAttribute('aria-selected', state.selectedBlocks.has(li.dataset.block) ? 'true' : 'false'));
});
on('blocks-loaded', () => { if (state.selectedArea) renderAreaDetails(); });
on('mode-changed', renderAreaDetails);
on('session-changed', () => { if (state.started) renderAreaDetails(); });
