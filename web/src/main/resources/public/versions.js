/*
 * The analyst's saved versions of the open plan (GET/POST /api/plans/{id}/versions) and the
 * comparison of two of them (GET /api/plans/{id}/compare): the blocks that changed area are
 * listed, outlined on the map, and the figures set side by side.
 */
import { api, path } from './api.js';
import { blockFeature } from './blocks.js';
import { $, clear, el } from './dom.js';
import { announce, showError } from './feedback.js';
import { fmtInt, fmtPct } from './format.js';
import { refreshLegend } from './legend.js';
import { L, fitFeature, map } from './map.js';
import { areaLabel, on, state } from './state.js';

let versions = [];
let compareLayer = null;

async function loadVersions() {
  versions = await api(path`/api/plans/${state.planId}/versions`);
  const ul = clear($('version-list'));
  for (const v of versions) {
    ul.appendChild(el('li', { dataset: { version: v.version }, text: 'Version ' + v.version + (v.label ? ': ' + v.label : '')
      + (v.created_at ? ' — ' + String(v.created_at).replace('T', ' ').slice(0, 16) : '') + (v.created_by ? ' by ' + v.created_by : '') }));
  }
  if (!versions.length) ul.appendChild(el('li', { text: 'No saved versions yet.' }));
  for (const id of ['compare-a', 'compare-b']) {
    const sel = $(id);
    const prev = sel.value;
    clear(sel);
    for (const v of versions) sel.appendChild(el('option', { value: String(v.version), text: 'Version ' + v.version + (v.label ? ': ' + v.label : '') }));
    sel.appendChild(el('option', { value: 'current', text: 'The plan as it is now' }));
    if ([...sel.options].some((o) => o.value === prev)) sel.value = prev;
    else sel.value = id === 'compare-b' || !versions.length ? 'current' : String(versions[versions.length - 1].version);
  }
}
$('version-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const label = $('version-label').value.trim() || ('Saved ' + new Date().toLocaleString('en-GB'));
  try {
    const v = await api(path`/api/plans/${state.planId}/versions`, { method: 'POST', body: { label } });
    $('version-label').value = '';
    await loadVersions();
    if (v && v.version !== undefined) $('compare-a').value = String(v.version);
    announce('Saved version ' + (v && v.version !== undefined ? v.version : '') + ': ' + label + '.');
  } catch (err) { showError(err); }
});

async function runCompare() {
  const a = $('compare-a').value, b = $('compare-b').value;
  const r = await api(path`/api/plans/${state.planId}/compare?a=${a}&b=${b}`);
  state.comparison = r;
  const changed = r.changed_blocks || [];
  const label = (v) => (v === 'current' ? 'the plan now' : 'version ' + v);
  $('compare-summary').textContent = changed.length
    ? changed.length + (changed.length === 1 ? ' block moved' : ' blocks moved') + ' between ' + label(a) + ' and ' + label(b) + '. They are outlined in orange on the map.'
    : 'No block changed area between ' + label(a) + ' and ' + label(b) + '.';
  const ul = clear($('compare-changed'));
  for (const c of changed) {
    ul.appendChild(el('li', { dataset: { block: c.block_code } }, el('button', {
      type: 'button', className: 'link-button',
      onclick: () => { const f = blockFeature(c.block_code); if (f) fitFeature(f, { maxZoom: 13 }); },
    }, (c.block_name || c.block_code) + ': ' + areaLabel(c.from_area) + ' → ' + areaLabel(c.to_area))));
  }
  const tb = clear($('compare-table').querySelector('tbody'));
  const ra = new Map(((r.a || {}).areas || []).map((x) => [x.area_id, x]));
  const rb = new Map(((r.b || {}).areas || []).map((x) => [x.area_id, x]));
  const ids = [...new Set([...ra.keys(), ...rb.keys()])].sort();
  const touched = new Set(changed.flatMap((c) => [c.from_area, c.to_area]));
  for (const id of ids) {
    const x = ra.get(id) || {}, y = rb.get(id) || {};
    tb.appendChild(el('tr', { className: touched.has(id) ? 'changed' : null, dataset: { area: id } },
      el('th', { scope: 'row', text: areaLabel(id) }),
      el('td', { className: 'num', text: fmtInt(x.resident_population) }),
      el('td', { className: 'num', text: fmtInt(y.resident_population) }),
      el('td', { className: 'num', text: fmtPct(x.pcn_alignment) }),
      el('td', { className: 'num', text: fmtPct(y.pcn_alignment) })));
  }
  const sa = (r.a || {}).summary || {}, sb = (r.b || {}).summary || {};
  tb.appendChild(el('tr', null, el('th', { scope: 'row', text: 'Whole plan' }), el('td', { className: 'num', text: '' }), el('td', { className: 'num', text: '' }),
    el('td', { className: 'num', text: fmtPct(sa.alignment) }), el('td', { className: 'num', text: fmtPct(sb.alignment) })));
  $('compare-result').hidden = false;
  $('compare-clear').hidden = false;
  drawCompare();
  refreshLegend();
  announce($('compare-summary').textContent);
}
function drawCompare() {
  if (compareLayer) { compareLayer.remove(); compareLayer = null; }
  if (!state.comparison) return;
  const feats = (state.comparison.changed_blocks || []).map((c) => blockFeature(c.block_code)).filter(Boolean);
  if (!feats.length) return;
  compareLayer = L.geoJSON({ type: 'FeatureCollection', features: feats }, {
    style: { pane: 'compare', interactive: false, color: '#ff6d00', weight: 4, fill: true, fillColor: '#ff6d00', fillOpacity: 0.35, dashArray: '8 4' },
    interactive: false,
  }).addTo(map);
}
$('compare-run').addEventListener('click', () => runCompare().catch(showError));
$('compare-clear').addEventListener('click', () => {
  state.comparison = null;
  drawCompare();
  $('compare-result').hidden = true;
  $('compare-clear').hidden = true;
  refreshLegend();
});

on('plan-opening', () => { versions = []; });
on('plan-loaded', ({ fresh }) => { if (fresh && state.mode === 'analyst') loadVersions().catch(showError); });
on('blocks-loaded', drawCompare);
on('mode-changed', ({ mode }) => {
  if (mode === 'analyst') {
    loadVersions().catch(showError);
  } else if (state.comparison) {
    state.comparison = null;
    drawCompare();
    $('compare-result').hidden = true;
  }
});

