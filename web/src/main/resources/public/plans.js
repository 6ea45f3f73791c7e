/*
 * Which plan is open: the plan picker, opening a plan (or one of its saved versions, read-only) and
 * reloading it after an edit (GET /api/plans/{id}, or /versions/{v}, with its area shapes), and the
 * links to the open plan's files and committee report. Emits 'plans-listed', 'plan-opening' and
 * 'plan-loaded'. Making, copying, renaming, deleting and importing plans is plan-tools.js's.
 */
import { api, path } from './api.js';
import { areasBounds, drawAreas, fetchAreaShapes } from './areas-layer.js';
import { $, clear, el } from './dom.js';
import { showError } from './feedback.js';
import { refreshLegend } from './legend.js';
import { detailZoom, fitRegion, regionFitted } from './map.js';
import { can, emit, on, state } from './state.js';

let plansLoaded = false;

/** Lists the plans in the picker; resolves the id to open (preferId, the #plan= of the address, or the first). */
export async function loadPlans(preferId) {
  const plans = await api('/api/plans');
  state.plans = plans;
  const sel = clear($('plan-select'));
  for (const p of plans) {
    // the name only, so the picker shows it whole; the plan's alignment is in the panel's summary
    sel.appendChild(el('option', { value: p.id, text: p.name }));
  }
  plansLoaded = true;
  $('plan-create').hidden = plans.length > 0 || !can('edit_plans');
  sel.hidden = plans.length === 0;
  emit('plans-listed');
  if (!plans.length) {
    $('plan-summary-line').textContent = can('edit_plans')
      ? 'There is no plan yet. Build a first plan: the areas are drawn automatically and you can change them afterwards.'
      : 'There is no plan yet: an analyst builds the first one.';
    return null;
  }
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('plan');
  const want = [preferId, fromHash].find((id) => id !== null && id !== undefined && plans.some((p) => String(p.id) === String(id)));
  const id = want !== undefined ? want : plans[0].id;
  sel.value = String(id);
  return id;
}

async function loadPlan() {
  const z = detailZoom();
  const v = state.version;
  const [answer, fc] = await Promise.all([api(v ? path`/api/plans/${state.planId}/versions/${v.version}` : path`/api/plans/${state.planId}`),
    fetchAreaShapes(z)]);
  // a saved version reads like the plan, with the version's assignment and figures
  const plan = v ? Object.assign({ id: answer.plan_id, name: answer.plan_name }, answer) : answer;
  if (v) state.version = answer.version;
  state.plan = plan;
  state.areas = new Map();
  state.areaOrder = [];
  for (const a of plan.areas || []) {
    state.areas.set(a.area_id, a);
    state.areaOrder.push(a.area_id);
  }
  document.body.dataset.revision = String(plan.revision);
  document.body.dataset.viewing = v ? String(v.version) : '';
  drawAreas(fc, z);
}

/** Opens a plan; with version (a number), that saved version of it, read-only. */
export async function openPlan(id, version) {
  state.planId = id;
  state.version = version ? { version: Number(version) } : null;
  state.selectedBlocks.clear();
  state.selectedArea = null;
  state.comparison = null;
  emit('plan-opening', { id });
  await loadPlan();
  if (!regionFitted()) fitRegion(areasBounds());
  emit('plan-loaded', { fresh: true });
  refreshLegend();
  updateDownloads();
  const h = new URLSearchParams(location.hash.slice(1));
  h.set('plan', id);
  if (state.version) h.set('version', state.version.version); else h.delete('version');
  history.replaceState(null, '', '#' + h.toString());
}

/** Reloads the plan after an edit; the map redraws the dissolved areas. */
export async function reloadPlan() {
  await loadPlan();
  emit('plan-loaded', { fresh: false });
  refreshLegend();
}

function updateDownloads() {
  const base = path`/api/plans/${state.planId}`;
  const name = (state.plan && state.plan.name ? state.plan.name : 'plan').replace(/[^A-Za-z0-9_-]+/g, '_');
  const link = (id, href, file) => { const a = $(id); a.href = href; a.setAttribute('download', name + '_' + file); };
  link('download-geojson', base + '/download?format=geojson', 'areas.geojson');
  link('download-gpkg', base + '/download?format=gpkg', 'areas.gpkg');
  link('download-blocks-csv', base + '/download?format=blocks-csv', 'parish_to_area.csv');
  link('download-lsoas-csv', base + '/download?format=lsoas-csv', 'lsoa_to_area.csv');
  link('download-shp', base + '/download?format=shp', 'shapefiles.zip');
  link('profiles-download-csv', base + '/profiles?format=csv', 'profiles.csv');
  link('profiles-download-json', base + '/profiles?format=json', 'profiles.json');
  link('pcn-matrix-csv', base + '/pcn-alignment?format=csv', 'pcn_by_area.csv');
  for (const id of ['report-link', 'download-report']) $(id).href = path`/report.html?plan=${state.planId}`;
}

$('plan-select').addEventListener('change', () => openPlan($('plan-select').value).catch(showError));
on('session-changed', () => { $('plan-create').hidden = !(can('edit_plans') && plansLoaded && !state.plans.length); });
