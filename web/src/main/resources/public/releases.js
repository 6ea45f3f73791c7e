/*
 * Data releases (GET /api/releases, GET /api/releases/compare, POST /api/plans/{id}/refit): which release
 * of the registrations and practice map the figures use, and two releases compared for analysts and
 * health partners: the LSOAs whose dominant PCN, contested flag or share changed (a table, and a layer
 * on the map), the PCNs and practices that changed, and the open plan's areas that gained or lost
 * alignment. Analysts can re-fit the plan to the newer release: one edit, which undo takes back.
 */
import { api, path } from './api.js';
import { $, clear, el } from './dom.js';
import { announce, showError } from './feedback.js';
import { fmtInt, fmtPct, fmtPts } from './format.js';
import { addLegendSection, legendBlock, legendItem, refreshLegend, swatch } from './legend.js';
import { L, fitFeature, map } from './map.js';
import { loadLayer } from './overlays.js';
import { openPlan } from './plans.js';
import { can, on, state } from './state.js';

const CHANGED_COLOUR = '#7b1fa2';
const WHAT = { dominant: 'main PCN changed', contested: 'contested flag changed', share: 'share moved' };
const KIND = {
  pcn_new: 'new PCN', pcn_gone: 'PCN gone', pcn_renamed: 'PCN renamed',
  practice_moved: 'practice moved PCN', practice_new: 'new practice', practice_gone: 'practice gone',
};
let releases = null;
let result = null;
let layer = null;

const pcnText = (code, name) => (code ? (name ? name + ' (' + code + ')' : code) : 'none');
const shown = () => (state.mode === 'analyst' || state.mode === 'health') && !!releases && releases.releases.length > 0;

async function loadReleases() {
  releases = await api('/api/releases');
  const current = releases.releases.find((r) => r.current);
  $('release-current').textContent = current
    ? 'Figures use the data release “' + current.label + '”' + (current.practice_map ? ' (practice map ' + current.practice_map + ')' : '')
      + (releases.releases.length > 1 ? ', one of ' + releases.releases.length + ' in the store.' : '.')
    : 'No data release is marked current.';
  for (const id of ['release-from', 'release-to']) {
    const sel = clear($(id));
    releases.releases.forEach((r) => sel.appendChild(el('option', {
      value: r.label, text: r.label + (r.practice_map ? ' — practice map ' + r.practice_map : '') + (r.current ? ' (current)' : ''),
    })));
  }
  const n = releases.releases.length;
  if (n) {
    $('release-from').value = releases.releases[Math.max(0, n - 2)].label;
    $('release-to').value = releases.releases[n - 1].label;
  }
  $('release-pickers').hidden = n < 2;
  $('release-only-one').hidden = n >= 2;
  syncSection();
}

function syncSection() {
  $('releases-section').hidden = !shown();
  const canRefit = can('edit_plans') && state.mode === 'analyst' && !state.version && !!result && String(result.plan_id) === String(state.planId)
    && result.areas.some((a) => a.affected);
  $('release-refit').hidden = !canRefit;
}

async function runCompare() {
  const from = $('release-from').value, to = $('release-to').value;
  if (from === to) {
    $('release-summary').textContent = 'Choose two different releases.';
    $('release-result').hidden = false;
    return;
  }
  result = await api(state.planId ? path`/api/releases/compare?from=${from}&to=${to}&plan=${state.planId}`
    : path`/api/releases/compare?from=${from}&to=${to}`);
  const s = result.summary;
  const planPart = s.areas === null || s.areas === undefined ? ''
    : ' In the open plan, alignment goes from ' + fmtPct(s.alignment_before) + ' to ' + fmtPct(s.alignment_after) + ': '
      + s.areas_affected + ' of ' + s.areas + ' areas are affected, ' + s.areas_gained + ' gained alignment and ' + s.areas_lost + ' lost it.';
  $('release-summary').textContent = 'From “' + result.from + '” to “' + result.to + '”: ' + s.lsoas_changed + ' of ' + s.lsoas_compared
    + ' LSOAs changed (' + s.dominant_changed + ' changed main PCN, shaded purple on the map). PCNs: ' + s.pcns_new + ' new, '
    + s.pcns_gone + ' gone, ' + s.pcns_renamed + ' renamed; ' + s.practices_moved + ' practices moved PCN (' + fmtInt(s.patients_at_moved_practices)
    + ' patients), ' + s.practices_new + ' new, ' + s.practices_gone + ' gone.' + planPart;
  fillLsoas();
  fillPcns();
  fillAreas();
  $('release-result').hidden = false;
  $('release-refit-outcome').textContent = '';
  await drawLayer();
  syncSection();
  refreshLegend();
  announce($('release-summary').textContent);
}

function fillLsoas() {
  const tb = clear($('release-lsoas').querySelector('tbody'));
  for (const c of result.lsoas) {
    tb.appendChild(el('tr', { dataset: { lsoa: c.code } },
      el('td', null, el('button', { type: 'button', className: 'link-button', onclick: () => zoomTo(c.code) }, c.name || c.code)),
      el('td', { text: c.changed.map((w) => WHAT[w] || w).join(', ') }),
      el('td', { text: pcnText(c.pcn_before, c.pcn_name_before) + ', ' + fmtPct(c.share_before) }),
      el('td', { text: pcnText(c.pcn_after, c.pcn_name_after) + ', ' + fmtPct(c.share_after) })));
  }
  $('release-lsoas').hidden = !result.lsoas.length;
}

function fillPcns() {
  const tb = clear($('release-pcns').querySelector('tbody'));
  for (const c of result.pcns) {
    const what = c.practice_code ? (c.practice_name || c.practice_code) + ' (' + c.practice_code + ')' : pcnText(c.pcn_code, c.name_after || c.name_before);
    const change = c.change === 'pcn_renamed' ? c.name_before + ' → ' + c.name_after
      : c.practice_code ? (c.from_pcn || 'none') + ' → ' + (c.to_pcn || 'none') : '';
    tb.appendChild(el('tr', { dataset: { change: c.change } }, el('td', { text: KIND[c.change] || c.change }), el('td', { text: what }),
      el('td', { text: change }), el('td', { className: 'num', text: fmtInt(c.patients) })));
  }
  $('release-pcns').hidden = !result.pcns.length;
}

function fillAreas() {
  const tb = clear($('release-areas').querySelector('tbody'));
  const rows = result.areas.filter((a) => a.affected)
    .sort((x, y) => (x.alignment_after - x.alignment_before) - (y.alignment_after - y.alignment_before));
  for (const a of rows) {
    const d = a.alignment_after - a.alignment_before;
    tb.appendChild(el('tr', { className: d < -0.0005 ? 'lost' : d > 0.0005 ? 'gained' : null, dataset: { area: a.area_id } },
      el('th', { scope: 'row', text: a.area_id + (a.area_name && a.area_name !== a.area_id ? ' ' + a.area_name : '') }),
      el('td', { className: 'num', text: fmtPct(a.alignment_before) }), el('td', { className: 'num', text: fmtPct(a.alignment_after) }),
      el('td', { className: 'num', text: fmtPts(d) }), el('td', { className: 'num', text: fmtInt(a.residents_changed) })));
  }
  $('release-areas').hidden = !rows.length;
}

async function drawLayer() {
  if (layer) { layer.remove(); layer = null; }
  if (!result || !shown()) return;
  const codes = new Set(result.lsoas.map((c) => c.code));
  const dominant = new Set(result.lsoas.filter((c) => c.changed.includes('dominant')).map((c) => c.code));
  const fc = await loadLayer('lsoas');
  const feats = fc.features.filter((f) => codes.has(f.properties.lsoa_code));
  layer = L.geoJSON({ type: 'FeatureCollection', features: feats }, {
    style: (f) => ({
      pane: 'compare', interactive: false, color: CHANGED_COLOUR, weight: 2,
      fill: true, fillColor: CHANGED_COLOUR, fillOpacity: dominant.has(f.properties.lsoa_code) ? 0.45 : 0.12,
    }),
    interactive: false,
  }).addTo(map);
}

async function zoomTo(code) {
  const fc = await loadLayer('lsoas');
  const f = fc.features.find((x) => x.properties.lsoa_code === code);
  if (f) fitFeature(f, { maxZoom: 13 });
}

async function refit() {
  const r = await api(path`/api/plans/${state.planId}/refit`, {
    method: 'POST', body: { from: result.from, to: result.to, revision: state.plan ? state.plan.revision : null },
  });
  const text = r.accepted
    ? 'Re-fitted ' + r.areas.length + ' areas under “' + r.to + '”: ' + r.blocks_moved + ' blocks moved, alignment '
      + fmtPct(r.alignment_before, 2) + ' → ' + fmtPct(r.alignment_after, 2) + '. Saved as versions ' + r.version_before + ' (before) and '
      + r.version_after + ' (the re-fit); compare them below, or undo.'
    : 'No better areas were found under “' + r.to + '”: the plan is unchanged.'
      + (r.warnings.length ? ' ' + r.warnings.join(' ') : '');
  $('release-refit-outcome').textContent = text;
  announce(text);
  if (r.accepted) {
    // opened afresh: the versions list, the history and the comparison pickers follow the new revision
    await openPlan(state.planId);
    $('release-from').value = r.from;
    $('release-to').value = r.to;
    await runCompare();
    $('release-refit-outcome').textContent = text;
  }
}

addLegendSection('releases', () => {
  if (!layer || !result) return null;
  return legendBlock('Changed since “' + result.from + '”', [
    legendItem(swatch(CHANGED_COLOUR), 'LSOA whose main PCN changed'),
    legendItem(swatch('#dcc3e4'), 'LSOA whose contested flag or share changed'),
  ], { id: 'legend-releases' });
});

$('release-compare').addEventListener('click', () => runCompare().catch(showError));
$('release-refit').addEventListener('click', () => refit().catch(showError));
on('region-loaded', () => loadReleases().catch(showError));
on(['mode-changed', 'session-changed'], () => { syncSection(); drawLayer().catch(showError); refreshLegend(); });
on('plan-opening', () => {
  result = null;
  $('release-result').hidden = true;
  drawLayer().catch(showError);
  syncSection();
});
