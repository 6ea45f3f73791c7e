/*
 * Comparing any two plans or versions (GET /api/plans/{id}/compare?a=&b=&with=), also with different
 * numbers of areas: the server matches areas by the residents they share. Shown: the two plans' figures
 * side by side, the blocks that changed area (with their residents; outlined in orange on the map), and
 * the matched areas side by side.
 */
import { api, path } from './api.js';
import { blockFeature } from './blocks.js';
import { $, clear, el } from './dom.js';
import { announce, showError } from './feedback.js';
import { fmtInt, fmtPct } from './format.js';
import { refreshLegend } from './legend.js';
import { L, fitFeature, map } from './map.js';
import { on, state } from './state.js';

let compareLayer = null;
const versionsOf = new Map(); // plan id -> its saved versions

const areaText = (id, name) => (!id ? 'no matching area' : name && name !== id ? id + ' ' + name : id);
const sideText = (s) => '“' + s.plan_name + '” ' + (s.version === 'current' ? 'as it is now' : 'as saved in version ' + s.version);

function fillPlans() {
  for (const id of ['compare-a-plan', 'compare-b-plan']) {
    const sel = $(id);
    const prev = sel.value;
    clear(sel);
    state.plans.filter((p) => !p.error).forEach((p) => sel.appendChild(el('option', { value: String(p.id), text: p.name + (p.areas ? ' (' + p.areas + ' areas)' : '') })));
    sel.value = [...sel.options].some((o) => o.value === prev) ? prev : String(state.planId);
  }
}

async function fillVersions(side) {
  const planId = $('compare-' + side + '-plan').value;
  if (!planId) return;
  if (!versionsOf.has(planId)) versionsOf.set(planId, await api(path`/api/plans/${planId}/versions`));
  const vs = versionsOf.get(planId);
  const sel = $('compare-' + side);
  const prev = sel.value;
  clear(sel);
  for (const v of vs) sel.appendChild(el('option', { value: String(v.version), text: 'version ' + v.version + (v.label ? ': ' + v.label : '') }));
  sel.appendChild(el('option', { value: 'current', text: 'as it is now' }));
  if ([...sel.options].some((o) => o.value === prev)) sel.value = prev;
  else sel.value = side === 'b' || !vs.length || planId !== String(state.planId) ? 'current' : String(vs[vs.length - 1].version);
}

async function refreshPickers(forgetOpenPlan) {
  if (forgetOpenPlan) versionsOf.delete(String(state.planId));
  fillPlans();
  await Promise.all([fillVersions('a'), fillVersions('b')]);
}

function figureRows(a, b) {
  const sa = a.summary || {}, sb = b.summary || {};
  return [
    ['Areas', String(sa.areas), String(sb.areas)],
    ['PCN alignment', fmtPct(sa.alignment), fmtPct(sb.alignment)],
    ['Least aligned area', sa.worst_area + ' (' + fmtPct(sa.worst_area_alignment) + ')', sb.worst_area + ' (' + fmtPct(sb.worst_area_alignment) + ')'],
    ['Largest difference from the average size', fmtPct(sa.max_deviation), fmtPct(sb.max_deviation)],
    ['Residents of the average area', fmtInt(sa.mean_residents), fmtInt(sb.mean_residents)],
    ['Areas not in one piece', String(sa.non_contiguous_areas), String(sb.non_contiguous_areas)],
    ['Residents outside their LSOA\'s best-fit area', fmtInt(sa.lsoa_mismatch_residents), fmtInt(sb.lsoa_mismatch_residents)],
  ];
}

async function runCompare() {
  const ap = $('compare-a-plan').value, bp = $('compare-b-plan').value;
  const a = $('compare-a').value, b = $('compare-b').value;
  const r = await api(path`/api/plans/${ap}/compare?a=${a}&b=${b}&with=${bp}`);
  state.comparison = r;
  const changed = r.changed_blocks || [];
  $('compare-summary').textContent = (changed.length
    ? changed.length + (changed.length === 1 ? ' block' : ' blocks') + ' with ' + fmtInt(r.residents_moved) + ' residents changed area from '
      + sideText(r.a) + ' to ' + sideText(r.b) + '. They are outlined in orange on the map.'
    : 'No block changed area from ' + sideText(r.a) + ' to ' + sideText(r.b) + '.')
    + (ap !== bp ? ' Areas are matched by the residents they share.' : '');
  $('compare-figures-a').textContent = sideText(r.a);
  $('compare-figures-b').textContent = sideText(r.b);
  const fb = clear($('compare-figures').querySelector('tbody'));
  for (const [k, x, y] of figureRows(r.a, r.b)) {
    fb.appendChild(el('tr', { className: x !== y ? 'changed' : null }, el('th', { scope: 'row', text: k }), el('td', { text: x }), el('td', { text: y })));
  }
  const cb = clear($('compare-changed').querySelector('tbody'));
  for (const c of changed) {
    cb.appendChild(el('tr', { dataset: { block: c.block_code } },
      el('td', null, el('button', { type: 'button', className: 'link-button', onclick: () => { const f = blockFeature(c.block_code); if (f) fitFeature(f, { maxZoom: 13 }); } },
        c.block_name || c.block_code)),
      el('td', { className: 'num', text: fmtInt(c.residents) }),
      el('td', { text: areaText(c.from_area, c.from_area_name) }), el('td', { text: areaText(c.to_area, c.to_area_name) })));
  }
  $('compare-changed').hidden = !changed.length;
  const byId = (side) => new Map(((side || {}).areas || []).map((x) => [x.area_id, x]));
  const ra = byId(r.a), rb = byId(r.b);
  const touched = new Set(changed.flatMap((c) => [c.from_area]));
  const tb = clear($('compare-table').querySelector('tbody'));
  for (const m of r.matches || []) {
    const x = ra.get(m.a_area) || {}, y = rb.get(m.b_area) || {};
    const differs = !m.a_area || !m.b_area || touched.has(m.a_area) || changed.some((c) => c.to_area === m.b_area);
    tb.appendChild(el('tr', { className: differs ? 'changed' : null, dataset: { area: m.a_area || m.b_area } },
      el('th', { scope: 'row', text: areaText(m.a_area, m.a_area_name) }), el('td', { text: areaText(m.b_area, m.b_area_name) }),
      el('td', { className: 'num', text: fmtInt(x.resident_population) }), el('td', { className: 'num', text: fmtInt(y.resident_population) }),
      el('td', { className: 'num', text: fmtPct(x.pcn_alignment) }), el('td', { className: 'num', text: fmtPct(y.pcn_alignment) })));
  }
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

function clearCompare() {
  state.comparison = null;
  drawCompare();
  $('compare-result').hidden = true;
  $('compare-clear').hidden = true;
  refreshLegend();
}

$('compare-run').addEventListener('click', () => runCompare().catch(showError));
$('compare-clear').addEventListener('click', clearCompare);
for (const side of ['a', 'b']) $('compare-' + side + '-plan').addEventListener('change', () => fillVersions(side).catch(showError));

on('plans-listed', () => { versionsOf.clear(); if (state.mode === 'analyst') refreshPickers(false).catch(showError); });
on('versions-changed', () => refreshPickers(true).catch(showError));
on('plan-loaded', ({ fresh }) => { if (fresh && state.mode === 'analyst') refreshPickers(false).catch(showError); });
on('blocks-loaded', drawCompare);
on('mode-changed', ({ mode }) => {
  if (mode === 'analyst') refreshPickers(false).catch(showError);
  else if (state.comparison) clearCompare();
});
