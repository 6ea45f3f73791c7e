/*
 * What the page shows, shared by every module, and the events that say it changed.
 *
 * Modules keep their own state to themselves; only what several of them read lives here. A module
 * that changes it emits one of EVENTS; the others listen with on(). Listeners run at once, in
 * the order the modules were loaded, and each one redraws only its own part from this state,
 * so no listener depends on another having run first.
 */

export const state = {
  pcnNames: new Map(),       // PCN code -> name (GET /api/region)
  districtNames: new Map(),  // district code -> name
  defaultAreas: null,        // the region's number of areas (null: none given)
  defaultAreasOf: null,      // its reading: 'all' (areas in all) or 'parishes' (areas of parishes + unparished areas)
  defaultCounts: null,       // the default in words
  blockCount: null,          // building blocks in the region
  planId: null,              // the open plan
  plan: null,                // GET /api/plans/{id} (or a saved version's): areas, blocks, revision, summary
  version: null,             // the saved version shown read-only (GET /api/plans/{id}/versions/{v}), or null
  plans: [],                 // GET /api/plans: every plan, for the pickers
  areas: new Map(),          // area_id -> area figures
  areaOrder: [],             // area ids in the plan's order
  selectedArea: null,        // the area whose details the panel shows
  selectedBlocks: new Set(), // building blocks the analyst has selected
  activeBlock: null,         // the block that has the focus in the block list
  mode: 'explore',           // explore | analyst | health | admin
  areaFill: null,            // Map(area_id -> colour) while the areas are coloured by an indicator
  comparison: null,          // the comparison of two versions drawn on the map, if any
  started: false,            // the region and plans are loaded (after the session allowed it)
};

/** Who is signed in (GET /api/session): the permissions decide which tools the page shows. */
export const who = { signedIn: false, publicRead: true, permissions: new Set(), user: null };
export const can = (permission) => who.permissions.has(permission);

const EVENTS = Object.freeze([
  'region-loaded',     // the region's names are in state
  'plans-listed',      // state.plans was read again (a plan was made, copied, renamed, imported or deleted)
  'plan-opening',      // another plan is about to load: drop what belongs to the old one
  'plan-loaded',       // state.plan is new ({fresh: true}) or reloaded after an edit ({fresh: false})
  'area-chosen',       // state.selectedArea changed ({id, zoom, focus})
  'selection-changed', // state.selectedBlocks changed
  'blocks-loaded',     // the building blocks' shapes and names have arrived
  'layer-toggled',     // a layer was switched on or off in the layer switcher ({name})
  'basemap-loaded',    // the background map is known (or switched): the footer names its credit
  'mode-changed',      // state.mode changed ({mode})
  'area-renamed',      // an analyst renamed an area ({id})
  'versions-changed',  // the open plan's saved versions were read again (one was saved or labelled)
  'session-changed',   // who and permissions were (re)applied ({userChanged})
  'user-changed',      // someone signed in or out, or the session now belongs to someone else
  'session-ended',     // the server answered 401: the session is over
  'session-stale',     // the CSRF token no longer matches: the session must be read again
]);

const bus = new EventTarget();
const check = (name) => { if (!EVENTS.includes(name)) throw new Error('unknown page event ' + name); };

/** Calls fn(detail) every time the event (or one of the events, given a list) is emitted. */
export function on(names, fn) {
  for (const name of [].concat(names)) {
    check(name);
    bus.addEventListener(name, (e) => fn(e.detail || {}));
  }
}
export function emit(name, detail) {
  check(name);
  bus.dispatchEvent(new CustomEvent(name, { detail }));
}

export const pcnName = (code) => (code && state.pcnNames.get(code)) || code || 'none';
/** "A12 Fenland North": the area's id, and its name when it has one. */
export const areaLabel = (id) => {
  const a = state.areas.get(id);
  return a && a.area_name && a.area_name !== id ? id + ' ' + a.area_name : id;
};

/** Shows an area in the panel (null: the list of all areas); with zoom the map goes there, with focus its title. */
export function chooseArea(id, opts) {
  if (id !== null && !state.areas.has(id)) return;
  state.selectedArea = id;
  emit('area-chosen', Object.assign({ id }, opts));
}

/** Selects a building block: how = only | toggle | add. The panel follows it to its area. */
export function selectBlock(code, how) {
  const b = state.plan && state.plan.blocks && state.plan.blocks[code];
  if (!b) return;
  const sel = state.selectedBlocks;
  if (how === 'only') { sel.clear(); sel.add(code); }
  else if (how === 'toggle') { if (sel.has(code)) sel.delete(code); else sel.add(code); }
  else sel.add(code);
  if (b.area_id !== state.selectedArea) {
    state.activeBlock = code;
    chooseArea(b.area_id);
  }
  emit('selection-changed');
}

export function clearSelection() {
  state.selectedBlocks.clear();
  emit('selection-changed');
}
