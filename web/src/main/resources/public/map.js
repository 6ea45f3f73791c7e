/*
 * The Leaflet map (Leaflet is the classic script /vendor/leaflet/leaflet.js from the jar; this is
 * the one module that reads the global, the others import L from here), its panes in drawing
 * order, and what every layer needs: the zoom for detail, fitting and centring with room for the
 * phone's bottom sheet and for the legend, which layers the layer switcher shows, and buttons that move
 * the map (panning without dragging: WCAG 2.5.7).
 */
import { $ } from './dom.js';

export const L = window.L;

export const map = L.map('map', {
  zoomControl: true,
  attributionControl: false,
  keyboard: true,
  zoomSnap: 0.5,
  minZoom: 5,
  maxZoom: 17,
  boxZoom: true,
}).setView([52.4, -0.1], 9);
const PANES = { basemap: 300, areas: 400, lsoas: 405, share: 406, blocks: 410, outlines: 420, selection: 430, compare: 440, comments: 450 };
for (const [name, z] of Object.entries(PANES)) {
  map.createPane(name).style.zIndex = String(z);
  map.getPane(name).style.pointerEvents = 'none';
}
map.getContainer().setAttribute('role', 'region');
map.getContainer().setAttribute('aria-roledescription', 'map');
L.control.scale({ imperial: false }).addTo(map);

/** Four buttons that move the map by a third of its size: every drag has a single-pointer alternative. */
const PAN = [['n', 'North', '↑', 0, -1], ['w', 'West', '←', -1, 0], ['e', 'East', '→', 1, 0], ['s', 'South', '↓', 0, 1]];
const PanControl = L.Control.extend({
  options: { position: 'topleft' },
  onAdd() {
    const box = L.DomUtil.create('div', 'leaflet-bar map-pan');
    box.id = 'map-pan';
    box.setAttribute('role', 'group');
    box.setAttribute('aria-label', 'Move the map');
    for (const [key, word, arrow, dx, dy] of PAN) {
      const b = L.DomUtil.create('button', 'map-pan-' + key, box);
      b.type = 'button';
      b.dataset.pan = key;
      b.textContent = arrow;
      b.setAttribute('aria-label', 'Move the map ' + word.toLowerCase());
      b.title = 'Move the map ' + word.toLowerCase();
      L.DomEvent.on(b, 'click', (e) => {
        L.DomEvent.stop(e);
        const size = map.getSize();
        map.panBy([dx * Math.round(size.x / 3), dy * Math.round(size.y / 3)]);
      });
    }
    L.DomEvent.disableClickPropagation(box);
    return box;
  },
});
new PanControl().addTo(map);
map.on('zoomend', () => { map.getContainer().dataset.zoom = String(map.getZoom()); });

/** The zoom level to ask the server for (shapes are simplified per zoom). */
export const detailZoom = () => Math.max(6, Math.min(14, Math.round(map.getZoom())));

/** Whether the layer switcher has this layer switched on. */
export const layerShown = (name) => { const c = $('layer-' + name); return !!(c && c.checked); };

/** The phone layout: the panel is a bottom sheet over the lower part of the map. */
export const phoneLayout = window.matchMedia('(max-width: 700px)');

/**
 * Padding for fitBounds: on a phone, the bottom sheet hides the lower part of the map; on a desktop the
 * legend its lower left corner, so the map keeps clear of it on the side where that costs less room.
 */
export function mapPadding(px) {
  if (phoneLayout.matches) return { paddingTopLeft: [px, px], paddingBottomRight: [px, $('panel').offsetHeight + px] };
  const legend = $('legend');
  const size = map.getSize();
  if (!legend || legend.hidden || !legend.offsetWidth || !$('map-wrap').contains(legend)) return { padding: [px, px] };
  const w = legend.offsetWidth + 12, h = legend.offsetHeight + 28;
  return h / size.y < w / size.x
    ? { paddingTopLeft: [px, px], paddingBottomRight: [px, h + px] }
    : { paddingTopLeft: [w + px, px], paddingBottomRight: [px, px] };
}

let fitted = false;
/** Fits the map to the region once, leaving room for the bottom sheet on a phone. */
export function fitRegion(b) {
  if (!b || !b.isValid()) return;
  fitted = true;
  map.fitBounds(b, Object.assign({ animate: false }, mapPadding(10)));
}
export const regionFitted = () => fitted;

/** Fits the map to one GeoJSON feature, clear of the legend and the bottom sheet. */
export function fitFeature(f, options) {
  map.fitBounds(L.geoJSON(f).getBounds(), Object.assign(mapPadding(20), options));
}

let found = null;
/** Centres the map on a point and marks it, in the part of the map the bottom sheet leaves visible. */
export function showPoint(latlng, zoom) {
  map.setView(latlng, zoom, { animate: false });
  if (phoneLayout.matches) map.panBy([0, Math.round($('panel').offsetHeight / 2)], { animate: false });
  if (found) found.remove();
  found = L.circleMarker(latlng, { pane: 'selection', radius: 8, color: '#000', weight: 3, fillColor: '#ffd400', fillOpacity: 1, interactive: false }).addTo(map);
}
