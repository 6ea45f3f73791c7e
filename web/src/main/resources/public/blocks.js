/*
 * The building blocks (parishes; LSOAs or their parts where there is no parish): their shapes,
 * names and neighbours from GET /api/layers/blocks, loaded once, and the blocks layer on the
 * map with the analyst's selection. Emits 'blocks-loaded'.
 */
import { api, path } from './api.js';
import { areaColour } from './colours.js';
import { adjacency, featureAt, pixelDegrees } from './geometry.js';
import { addLegendSection, legendBlock, legendItem, lineSample } from './legend.js';
import { L, detailZoom, layerShown, map } from './map.js';
import { emit, on, state } from './state.js';

/** From this zoom the parish outlines show in every mode. */
const OUTLINE_ZOOM = 10;
let blocksFc = null;
const props = new Map();     // code -> properties from the blocks layer
const features = new Map();  // code -> feature
let neighbours = null;       // code -> Set(code)
let layer = null;
let selectionLayer = null;

export const blocksLoaded = () => !!blocksFc;
export const blockProps = (code) => props.get(code) || {};
export const blockFeature = (code) => features.get(code);
export const blockName = (code) => (props.get(code) || {}).block_name || code;
/** The blocks that touch this one (empty until the blocks are loaded). */
export const blockNeighbours = (code) => (neighbours && neighbours.get(code)) || [];
/** The block under a point, once the blocks are loaded. */
export const blockAt = (latlng) => (blocksFc ? featureAt(blocksFc, latlng) : null);

/** The area a block is in: the open plan's, or the blocks layer's. */
export function blockArea(code) {
  const b = state.plan && state.plan.blocks && state.plan.blocks[code];
  return b ? b.area_id : (props.get(code) || {}).area_id;
}
export function blockLocked(code) {
  const b = state.plan && state.plan.blocks && state.plan.blocks[code];
  return !!(b && b.locked);
}
/** The blocks of an area, by name. */
export function blocksOfArea(id) {
  const blocks = state.plan && state.plan.blocks;
  if (!blocks) return [];
  return Object.keys(blocks).filter((c) => blocks[c].area_id === id)
    .sort((p, q) => blockName(p).localeCompare(blockName(q)));
}

function blockStyle(f) {
  const code = f.properties.block_code;
  const analyst = state.mode === 'analyst';
  // parish outlines from the zoom where they fit (in analyst mode always: they are what one selects)
  const show = analyst || (layerShown('blocks') && map.getZoom() >= OUTLINE_ZOOM);
  const sel = state.selectedBlocks.has(code);
  return {
    pane: 'blocks', interactive: false,
    color: sel ? '#000' : '#4a5159', weight: sel ? 3 : (analyst ? 0.7 : 0.8),
    opacity: show ? 0.9 : 0,
    dashArray: blockLocked(code) ? '5 4' : null,
    fill: analyst, fillColor: areaColour(blockArea(code)), fillOpacity: analyst ? 0.7 : 0,
  };
}

let loading = null;
/** Loads the blocks once (a failed load is tried again on the next call). */
export function loadBlocks() {
  if (!loading) loading = fetchBlocks().catch((e) => { loading = null; throw e; });
  return loading;
}
async function fetchBlocks() {
  const z = Math.max(11, detailZoom());
  const fc = await api(path`/api/layers/blocks?zoom=${z}`);
  blocksFc = fc;
  for (const f of fc.features) {
    props.set(f.properties.block_code, f.properties);
    features.set(f.properties.block_code, f);
  }
  neighbours = adjacency(fc.features, (f) => f.properties.block_code, Math.max(0.0004, 3 * pixelDegrees(z)));
  layer = L.geoJSON(fc, { style: blockStyle, interactive: false }).addTo(map);
  map.getContainer().dataset.blocksLoaded = 'true';
  emit('blocks-loaded');
  restyleBlocks();
  return fc;
}

/** Redraws the blocks (mode, selection, locks, area colours) and the selection on top. */
function restyleBlocks() {
  if (layer) layer.setStyle(blockStyle);
  if (selectionLayer) selectionLayer.remove();
  const feats = [...state.selectedBlocks].map((c) => features.get(c)).filter(Boolean);
  if (!feats.length) return;
  selectionLayer = L.geoJSON({ type: 'FeatureCollection', features: feats }, {
    style: { pane: 'selection', interactive: false, color: '#000', weight: 3.5, fill: true, fillColor: '#ffd400', fillOpacity: 0.8 },
    interactive: false,
  }).addTo(map);
}

on(['plan-loaded', 'selection-changed', 'mode-changed'], restyleBlocks);
let shownAt = null;
map.on('zoomend', () => {
  const now = map.getZoom() >= OUTLINE_ZOOM;
  if (now !== shownAt) { shownAt = now; if (layer) layer.setStyle(blockStyle); }
});
on('layer-toggled', ({ name }) => { if (name === 'blocks') restyleBlocks(); });

addLegendSection('blocks', () => (layerShown('blocks') || state.mode === 'analyst'
  ? legendBlock('Parishes', [legendItem(lineSample('#4a5159'), 'parish outline (an LSOA where there is no parish), from zoom ' + OUTLINE_ZOOM)]) : null));
