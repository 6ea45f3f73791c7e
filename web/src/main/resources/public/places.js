/*
 * Context on the map: the names of towns and villages (GET /api/layers/places, each shown from the zoom
 * where it fits, larger places first, none over another) and of the districts (at the zooms where a
 * district fits on the screen), so that people can find their village without a background map. The
 * parish outlines are the blocks layer's (blocks.js); the district outlines the districts layer's.
 */
import { api } from './api.js';
import { el } from './dom.js';
import { showError } from './feedback.js';
import { labelPoint } from './geometry.js';
import { addLegendSection, legendBlock, legendItem } from './legend.js';
import { L, layerShown, map } from './map.js';
import { loadLayer } from './overlays.js';
import { on, state } from './state.js';

/** District names show up to this zoom; beyond it the towns and villages say where one is. */
const DISTRICT_MAX_ZOOM = 10;
let placeLabels = null;    // layer group of the place labels
let districtLabels = null; // layer group of the district labels

function label(latlng, text, className, data) {
  return L.tooltip({ permanent: true, direction: 'center', className, interactive: false, opacity: 1, pane: 'placeLabels' })
    .setLatLng(latlng).setContent(el('span', { text, dataset: data }));
}

async function loadPlaces() {
  const fc = await api('/api/layers/places');
  placeLabels = L.layerGroup();
  for (const f of fc.features) {
    const p = f.properties;
    const [lon, lat] = f.geometry.coordinates;
    const t = label(L.latLng(lat, lon), p.name, 'place-label place-' + p.place, { place: p.place, name: p.name });
    t.minZoom = p.min_zoom;
    placeLabels.addLayer(t);
  }
  sync();
}

async function loadDistrictLabels() {
  const fc = await loadLayer('districts');
  districtLabels = L.layerGroup();
  for (const f of fc.features) {
    const pt = labelPoint(f.geometry);
    if (pt) districtLabels.addLayer(label(pt, state.districtNames.get(f.properties.code) || f.properties.name, 'district-label', { district: f.properties.code }));
  }
  sync();
}

/**
 * Shows the labels that fit at this zoom: districts while they are small on the screen, each place from
 * its own zoom; a label that would overlap one already shown (a district's, or a larger place's) waits
 * for a closer zoom.
 */
function sync() {
  const z = map.getZoom();
  const showDistricts = layerShown('districts') && z <= DISTRICT_MAX_ZOOM;
  if (districtLabels) { if (showDistricts) districtLabels.addTo(map); else districtLabels.remove(); }
  if (placeLabels) { if (layerShown('places')) placeLabels.addTo(map); else placeLabels.remove(); }
  // the areas' own labels come first: names of places and districts keep out of their way
  const shown = [...document.querySelectorAll('.area-label')].filter((e) => e.style.visibility !== 'hidden')
    .map((e) => e.getBoundingClientRect());
  const place = (t, visible) => {
    const e = t.getElement();
    if (!e) return;
    e.style.visibility = 'hidden';
    if (!visible) return;
    const r = e.getBoundingClientRect();
    if (shown.some((q) => r.left < q.right + 4 && r.right > q.left - 4 && r.top < q.bottom + 2 && r.bottom > q.top - 2)) return;
    e.style.visibility = '';
    shown.push(r);
  };
  if (districtLabels && showDistricts) districtLabels.eachLayer((t) => place(t, true));
  if (placeLabels && layerShown('places')) placeLabels.eachLayer((t) => place(t, z >= t.minZoom));
}
map.createPane('placeLabels').style.zIndex = '660';
map.getPane('placeLabels').style.pointerEvents = 'none';
map.on('zoomend moveend', () => window.requestAnimationFrame(sync));
on('layer-toggled', ({ name }) => { if (name === 'places' || name === 'districts') sync(); });
on('region-loaded', () => {
  loadPlaces().catch(showError);
  loadDistrictLabels().catch(showError);
});

addLegendSection('places', () => (layerShown('places')
  ? legendBlock('Places', [legendItem(el('span', { className: 'legend-place', text: 'Ely', 'aria-hidden': 'true' }), 'town or village (more appear as you zoom in)')])
  : null));
