/*
 * Service delivery area planner: the map page. Native ES modules, no build step, no CDN; Leaflet
 * is the classic script /vendor/leaflet/leaflet.js before this one. docs/architecture.md ("The
 * page") says which module holds what; the REST contract is docs/api.md.
 *
 * This module starts the page: it reads the session, loads the region, the plans and the open
 * plan, then the building blocks after the first paint. The feature modules imported below wire
 * themselves to the page's elements and to the events of state.js. The stable element ids and <body>
 * data attributes that the tests and docs rely on are listed in index.html.
 */
import { blockFeature, loadBlocks } from './blocks.js';
import { loadIndicators } from './choropleth.js';
import { areaColouring } from './colours.js';
import { $ } from './dom.js';
import { showError } from './feedback.js';
import { labelPoint } from './geometry.js';
import { refreshLegend } from './legend.js';
import { fitFeature, map } from './map.js';
import { restoreMode } from './modes.js';
import { applyPhoneLayout } from './phone-sheet.js';
import { loadPlans, openPlan } from './plans.js';
import { loadRegion } from './region.js';
import { applyPermissions, openSignin, readSession } from './session.js';
import { can, on, state } from './state.js';
// the panel's tools and the map's pointer: they wire themselves to the page and to the events
import './areas.js';
import './analyst.js';
import './versions.js';
import './compare.js';
import './releases.js';
import './edit-history.js';
import './lasso.js';
import './plan-tools.js';
import './tradeoff.js';
import './plan-import.js';
import './health.js';
import './comments.js';
import './comment-form.js';
import './admin.js';
import './search.js';
import './map-pointer.js';
import './places.js';
import './glossary.js';

const body = document.body;

async function start() {
  applyPhoneLayout();
  refreshLegend();
  await readSession();
  if (!can('view_plans')) {
    // no public read-only access: the sign-in form instead of the map's data
    body.dataset.state = 'signin';
    $('plan-summary-line').textContent = 'This planner is open to signed-in users only. Sign in to see the plans.';
    openSignin('This planner is open to signed-in users only. Sign in to see the plans.', { required: true });
    return;
  }
  await loadData();
}

let loading = false;
async function loadData() {
  if (loading) return;
  loading = true;
  try {
    loadIndicators().catch(() => { $('choropleth-box').hidden = true; });
    const [, id] = await Promise.all([loadRegion(), loadPlans()]);
    if (id !== null && id !== undefined) await openPlan(id, new URLSearchParams(location.hash.slice(1)).get('version'));
    state.started = true;
    body.dataset.state = 'ready';
    applyPermissions();
    restoreMode();
    // blocks give the map its picking and the lists their names; load them after the first paint
    window.setTimeout(() => loadBlocks().catch(showError), 0);
  } catch (e) {
    body.dataset.state = 'error';
    showError(e);
  } finally {
    loading = false;
  }
}
// signed in on a planner that is not open to the public: now the data can load
on('user-changed', () => { if (!state.started && can('view_plans')) loadData(); });

// The one global: a hook for the browser tests and the console (the shared state, the colouring, the map).
window.sda = Object.freeze({
  map,
  state: Object.create(state, {
    areaAdj: { get: () => areaColouring().neighbours },
    areaColour: { get: () => areaColouring().colours },
  }),
  /** Fits the map to a block and returns a pixel inside it, measured from the map's top-left corner. */
  blockPoint(code) {
    const f = blockFeature(code);
    if (!f) return null;
    fitFeature(f, { animate: false, padding: [60, 60], maxZoom: 13 });
    const c = map.latLngToContainerPoint(labelPoint(f.geometry));
    return { x: Math.round(c.x), y: Math.round(c.y) };
  },
});

start();
