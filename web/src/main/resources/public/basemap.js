/*
 * The optional background map (GET /api/site: what `sda serve --basemap` set): raster tiles under the
 * areas, from the one origin the server's Content-Security-Policy allows or from the server itself,
 * with their credit in the footer and a switch in the layer box. Without one nothing is fetched.
 */
import { api } from './api.js';
import { $ } from './dom.js';
import { showError } from './feedback.js';
import { L, layerShown, map } from './map.js';
import { emit, on } from './state.js';

let tiles = null;

/** The basemap's credit, or null when there is none (region.js puts it in the footer). */
let credit = null;
export const basemapCredit = () => credit;

async function loadBasemap() {
  const site = await api('/api/site');
  const b = site && site.basemap;
  if (!b) return;
  credit = b.attribution;
  tiles = L.tileLayer(b.url, {
    pane: 'basemap', minNativeZoom: b.min_zoom, maxNativeZoom: b.max_zoom, minZoom: 0, maxZoom: 22,
    attribution: '', crossOrigin: false, className: 'basemap-tiles',
  });
  $('layer-basemap-row').hidden = false;
  document.body.dataset.basemap = 'true';
  sync();
  emit('basemap-loaded');
}
function sync() {
  if (!tiles) return;
  if (layerShown('basemap')) tiles.addTo(map); else tiles.remove();
  document.body.classList.toggle('with-basemap', layerShown('basemap'));
}
on('layer-toggled', ({ name }) => { if (name === 'basemap') { sync(); emit('basemap-loaded'); } });
on('region-loaded', () => loadBasemap().catch(showError));
