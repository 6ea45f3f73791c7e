/*
 * The service delivery areas on the map: their dissolved shapes (GET /api/plans/{id}/areas, finer
 * as the map zooms in), fill colours (one per area, or the indicator's while one is chosen),
 * outlines by mode and selection, and labels that make way for the labels of larger areas.
 */
import { api, path } from './api.js';
import { blocksLoaded } from './blocks.js';
import { AREA_PALETTE, NO_DATA, areaColour, colourAreas } from './colours.js';
import { el } from './dom.js';
import { showError } from './feedback.js';
import { featureAt, labelPoint, pixelDegrees, polygonsOf, ringArea } from './geometry.js';
import { addLegendSection, legendBlock, legendItem, lineSample, refreshLegend, swatch } from './legend.js';
import { L, detailZoom, layerShown, map, mapPadding } from './map.js';
import { on, state } from './state.js';

let areasFc = null;
let areasZoom = null;  // the zoom the shapes were simplified for
let areasLayer = null;
let labels = null;
let painted = false;

const areaIdOf = (p) => p.area_id || p.id || p.areaId;

function areaStyle(f) {
  const id = areaIdOf(f.properties);
  const outlineOnly = state.mode !== 'explore' && state.mode !== 'admin';
  const sel = id === state.selectedArea;
  const fill = state.areaFill;
  return {
    pane: 'areas', interactive: false,
    color: sel ? '#000' : '#30363d', weight: sel ? 3.5 : (outlineOnly ? 2.2 : 1.2), opacity: 0.95,
    fill: !outlineOnly || state.mode === 'analyst' && !blocksLoaded(),
    fillColor: fill ? (fill.get(id) || NO_DATA) : areaColour(id), fillOpacity: fill ? 0.85 : (sel ? 0.85 : 0.7),
  };
}

/** The open plan's area shapes (or the saved version's it shows), simplified for a zoom level. */
export const fetchAreaShapes = (zoom) => api(state.version
  ? path`/api/plans/${state.planId}/versions/${state.version.version}/areas?zoom=${zoom}`
  : path`/api/plans/${state.planId}/areas?zoom=${zoom}`);

/** Draws the area shapes (fetched for zoom) with their labels. */
export function drawAreas(fc, zoom) {
  areasFc = fc;
  areasZoom = zoom;
  colourAreas(fc.features, (f) => areaIdOf(f.properties), Math.max(0.0006, 3 * pixelDegrees(areasZoom || 9)));
  if (areasLayer) areasLayer.remove();
  if (labels) labels.remove();
  areasLayer = L.geoJSON(fc, { style: areaStyle, interactive: false });
  labels = L.layerGroup();
  const bySize = fc.features.map((f) => ({ f, size: polygonsOf(f.geometry).reduce((s, p) => s + ringArea(p[0] || []), 0) }))
    .sort((p, q) => q.size - p.size);
  for (const { f } of bySize) {
    const pt = labelPoint(f.geometry);
    if (!pt) continue;
    const p = f.properties;
    const span = el('span', { text: (areaIdOf(p) || '') + (p.area_name ? ' ' + p.area_name : '') });
    labels.addLayer(L.tooltip({ permanent: true, direction: 'center', className: 'area-label', interactive: false, opacity: 1 })
      .setLatLng(pt).setContent(span));
  }
  syncAreaLayers();
  declutterLabels();
  map.getContainer().dataset.areasDrawn = 'true';
  if (!painted) {
    painted = true;
    try { performance.mark('sda-areas-drawn'); } catch (e) { /* old browsers */ }
  }
}

/** Hides labels that would overlap a label of a larger area (they come back when zooming in). */
function declutterLabels() {
  if (!labels || !map.hasLayer(labels)) return;
  const shown = [];
  labels.eachLayer((t) => {
    const e = t.getElement();
    if (!e) return;
    e.style.visibility = '';
    const r = e.getBoundingClientRect();
    const clash = shown.some((q) => r.left < q.right + 2 && r.right > q.left - 2 && r.top < q.bottom + 1 && r.bottom > q.top - 1);
    if (clash) e.style.visibility = 'hidden';
    else shown.push(r);
  });
}
map.on('zoomend moveend', () => window.requestAnimationFrame(declutterLabels));

function syncAreaLayers() {
  const shown = layerShown('areas');
  if (areasLayer) { if (shown) areasLayer.addTo(map); else areasLayer.remove(); }
  if (labels) { if (shown) labels.addTo(map); else labels.remove(); }
  restyleAreas();
}
export function restyleAreas() {
  if (areasLayer) areasLayer.setStyle(areaStyle);
}

/** The area under a point, as drawn. */
export function areaAt(latlng) {
  const a = featureAt(areasFc, latlng);
  return a ? areaIdOf(a.properties) : null;
}
export const areasBounds = () => (areasLayer ? areasLayer.getBounds() : null);

export function zoomToArea(id) {
  if (!areasLayer) return;
  areasLayer.eachLayer((l) => {
    if (areaIdOf(l.feature.properties) === id) map.fitBounds(l.getBounds(), Object.assign({ maxZoom: 12 }, mapPadding(20)));
  });
}

// finer shapes when zooming in
let zoomTimer = null;
map.on('zoomend', () => {
  window.clearTimeout(zoomTimer);
  zoomTimer = window.setTimeout(() => {
    if (state.planId && areasZoom !== null && detailZoom() > areasZoom) refreshAreas().catch(showError);
  }, 400);
});
async function refreshAreas() {
  if (!state.planId) return;
  const z = detailZoom();
  const fc = await fetchAreaShapes(z);
  drawAreas(fc, z);
  refreshLegend();
}

on(['area-chosen', 'blocks-loaded', 'mode-changed'], restyleAreas);
on('layer-toggled', ({ name }) => { if (name === 'areas') syncAreaLayers(); });

addLegendSection('areas', () => {
  if (!layerShown('areas') || state.areaFill) return null; // an indicator has its own legend
  const items = [legendItem(swatch(AREA_PALETTE[0]), 'each colour is one service delivery area (neighbours differ)')];
  if (state.mode === 'analyst') {
    items.push(legendItem(swatch('#ffd400'), 'selected building blocks'));
    items.push(legendItem(lineSample('#4a5159', true), 'locked building block'));
  }
  if (state.comparison) items.push(legendItem(swatch('#ff6d00', 'hatched'), 'blocks that changed area in the comparison'));
  return legendBlock('Areas', items);
});
