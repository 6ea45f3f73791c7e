/*
 * The health-partner view: where a chosen PCN's patients live (its share of each LSOA's patients
 * on the map, GET /api/plans/{id}/pcns/{code}), the areas it serves, and how well every PCN fits
 * the areas (coterminosity, GET /api/plans/{id}/pcn-alignment).
 */
import { api, path } from './api.js';
import { SHARE_CLASSES, areaColour, shareColour } from './colours.js';
import { $, clear, el } from './dom.js';
import { announce, showError } from './feedback.js';
import { fmtInt, fmtPct, num } from './format.js';
import { featureAt } from './geometry.js';
import { addLegendSection, legendBlock, legendItem, refreshLegend, swatch } from './legend.js';
import { L, map, mapPadding } from './map.js';
import { loadLayer, lsoaFeatures, lsoaName } from './overlays.js';
import { areaLabel, on, pcnName, state } from './state.js';

let pcn = null;             // the chosen PCN's view
let pcnShare = new Map();   // lsoa_code -> {share, …} of the chosen PCN
let shareLayer = null;

async function loadAlignment() {
  const rows = await api(path`/api/plans/${state.planId}/pcn-alignment`);
  const tb = clear($('coterminosity-table').querySelector('tbody'));
  rows.slice().sort((p, q) => (num(q.coterminosity) || 0) - (num(p.coterminosity) || 0)).forEach((r) => {
    const c = num(r.coterminosity);
    tb.appendChild(el('tr', { dataset: { pcn: r.pcn_code } },
      el('th', { scope: 'row' }, el('button', {
        type: 'button', className: 'link-button', 'aria-label': 'Show ' + (r.pcn_name || r.pcn_code) + ' on the map',
        onclick: () => { $('pcn-select').value = r.pcn_code; choosePcn(r.pcn_code).catch(showError); },
      }, r.pcn_name || pcnName(r.pcn_code))),
      el('td', { className: 'num', text: fmtInt(r.patients) }),
      el('td', { text: r.best_area ? areaLabel(r.best_area) : '–' }),
      el('td', { className: 'num', text: fmtPct(c, 0) }),
      el('td', { className: 'num spanned', text: r.areas_spanned !== undefined ? String(r.areas_spanned) : '–' })));
  });
}

async function choosePcn(code) {
  if (!code) {
    pcn = null;
    drawPcnShare();
    $('pcn-view').hidden = true;
    refreshLegend();
    return;
  }
  const [view] = await Promise.all([api(path`/api/plans/${state.planId}/pcns/${code}`), loadLayer('lsoas')]);
  pcn = view;
  pcnShare = new Map((view.lsoas || []).map((l) => [l.lsoa_code, l]));
  drawPcnShare();
  const total = (view.areas || []).reduce((s, a) => s + (num(a.patients) || 0), 0);
  // the coterminosity table's "Areas" counts areas with at least 5% of the PCN's patients (PlanMetrics.SPAN_SHARE)
  const areas = view.areas || [];
  const main = areas.filter((a) => (num(a.share) || 0) >= 0.05).length;
  const n = areas.length;
  $('pcn-summary').textContent = (view.pcn_name || pcnName(code)) + ': ' + fmtInt(total) + ' patients, living in '
    + (view.lsoas || []).length + ' LSOAs in ' + n + (n === 1 ? ' service delivery area' : ' service delivery areas')
    + (n > main ? '. ' + main + (main === 1 ? ' of them holds' : ' of them hold') + ' at least 5% of its patients (the “Areas” column below); the other '
      + (n - main) + (n - main === 1 ? ' has' : ' have') + ' a few patients each.' : '.');
  const tb = clear($('pcn-areas-table').querySelector('tbody'));
  (view.areas || []).slice().sort((p, q) => (num(q.share) || 0) - (num(p.share) || 0)).forEach((a) => {
    tb.appendChild(el('tr', { dataset: { area: a.area_id } },
      el('th', { scope: 'row' }, swatch(areaColour(a.area_id)), ' ', areaLabel(a.area_id)),
      el('td', { className: 'num', text: fmtInt(a.patients) }),
      el('td', { className: 'num' }, el('span', { className: 'bar', style: { width: Math.round((num(a.share) || 0) * 60) + 'px' }, 'aria-hidden': 'true' }), fmtPct(a.share))));
  });
  renderLsoaList(view);
  $('pcn-view').hidden = false;
  refreshLegend();
  const b = shareLayer && shareLayer.getLayers().length ? shareLayer.getBounds() : null;
  if (b && b.isValid()) map.fitBounds(b, Object.assign({ maxZoom: 12 }, mapPadding(20)));
  announce($('pcn-summary').textContent);
}

/** The map's shares as a table: the LSOAs where the PCN's patients live, the largest share first. */
function renderLsoaList(view) {
  const tb = clear($('pcn-lsoa-table').querySelector('tbody'));
  (view.lsoas || []).slice().sort((p, q) => (num(q.share) || 0) - (num(p.share) || 0) || String(p.lsoa_code).localeCompare(q.lsoa_code))
    .forEach((l) => tb.appendChild(el('tr', { dataset: { lsoa: l.lsoa_code } },
      el('th', { scope: 'row', text: (lsoaName(l.lsoa_code) || l.lsoa_code) + ' (' + l.lsoa_code + ')' }),
      el('td', { className: 'num', text: fmtPct(l.share) }))));
}

function removeShare() {
  if (shareLayer) { shareLayer.remove(); shareLayer = null; }
}
function drawPcnShare() {
  removeShare();
  const lsoas = lsoaFeatures();
  if (!pcn || !lsoas || state.mode !== 'health') return;
  const feats = lsoas.features.filter((f) => pcnShare.has(f.properties.lsoa_code));
  shareLayer = L.geoJSON({ type: 'FeatureCollection', features: feats }, {
    style: (f) => ({
      pane: 'share', interactive: false, color: '#ffffff', weight: 0.4,
      fill: true, fillColor: shareColour(num(pcnShare.get(f.properties.lsoa_code).share) || 0), fillOpacity: 0.85,
    }),
    interactive: false,
  }).addTo(map);
}
$('pcn-select').addEventListener('change', () => choosePcn($('pcn-select').value).catch(showError));

/** What the hover box says of the chosen PCN at a point: null when no PCN is shown. */
export function pcnHoverText(latlng) {
  const lsoas = lsoaFeatures();
  if (state.mode !== 'health' || !pcn || !lsoas) return null;
  const l = featureAt(lsoas, latlng);
  if (!l) return '';
  const s = pcnShare.get(l.properties.lsoa_code);
  return l.properties.lsoa_name + ': ' + (s ? fmtPct(s.share) + ' of the LSOA\'s patients' : 'no patients') + ' with ' + pcnName(pcn.pcn_code);
}

on('region-loaded', () => {
  const sel = $('pcn-select');
  [...state.pcnNames.entries()].sort((a, b) => a[1].localeCompare(b[1]))
    .forEach(([code, name]) => sel.appendChild(el('option', { value: code, text: name || code })));
});
on('plan-opening', () => { pcn = null; });
on('plan-loaded', ({ fresh }) => { if (fresh && state.mode === 'health') loadAlignment().catch(showError); });
on('mode-changed', ({ mode }) => {
  if (mode === 'health') {
    loadAlignment().catch(showError);
    if (pcn) drawPcnShare();
  } else {
    removeShare();
  }
});

addLegendSection('pcn-share', () => (state.mode === 'health' && pcn
  ? legendBlock('Share of ' + pcnName(pcn.pcn_code) + '\'s patients in each LSOA (small area of ~1,500 people)',
    SHARE_CLASSES.map((c) => legendItem(swatch(c.colour), c.label)).concat([legendItem(swatch('#ffffff'), 'no patients of this PCN')]),
    { id: 'pcn-share-legend' })
  : null));
