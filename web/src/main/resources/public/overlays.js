/*
 * The reference layers of the layer switcher (LSOAs by main PCN, districts, PCN footprints and
 * catchments: GET /api/layers/{name}, each loaded once when first needed) and the switcher
 * itself. The areas and blocks layers are their own modules' and follow 'layer-toggled'.
 */
import { api, path } from './api.js';
import { pcnColour } from './colours.js';
import { showError } from './feedback.js';
import { addLegendSection, legendBlock, legendItem, lineSample, refreshLegend, swatch } from './legend.js';
import { L, detailZoom, layerShown, map } from './map.js';
import { emit, on, pcnName } from './state.js';

const STYLE = {
  lsoas: (f) => {
    const p = f.properties;
    return {
      pane: 'lsoas', interactive: false,
      color: p.contested ? '#111' : '#ffffff', weight: p.contested ? 2 : 0.5, dashArray: p.contested ? '4 3' : null,
      fill: true, fillColor: pcnColour(p.dominant_pcn_code), fillOpacity: 0.75,
    };
  },
  districts: () => ({ pane: 'outlines', interactive: false, color: '#1b1f24', weight: 2.5, fill: false, opacity: 0.85 }),
  'pcn-footprints': (f) => ({ pane: 'outlines', interactive: false, color: pcnColour(f.properties.pcn_code), weight: 3, fill: false }),
  'pcn-catchments': () => ({ pane: 'outlines', interactive: false, color: '#6a1b9a', weight: 2, dashArray: '6 4', fill: false }),
};
const layers = {};    // name -> Leaflet layer
const loading = {};   // name -> Promise of its FeatureCollection
let lsoasFc = null;
const lsoaNames = new Map();

/** A reference layer's features, loaded once (a failed load is tried again on the next call). */
export function loadLayer(name) {
  if (!loading[name]) {
    loading[name] = api(path`/api/layers/${name}?zoom=${Math.max(10, detailZoom())}`).then((fc) => {
      if (name === 'lsoas') {
        lsoasFc = fc;
        for (const f of fc.features) lsoaNames.set(f.properties.lsoa_code, f.properties.lsoa_name);
      }
      return fc;
    }).catch((e) => { delete loading[name]; throw e; });
  }
  return loading[name];
}
/** The LSOAs (null until loaded) and their names. */
export const lsoaFeatures = () => lsoasFc;
export const lsoaName = (code) => lsoaNames.get(code);

async function syncLayer(name) {
  if (!layerShown(name)) {
    if (layers[name]) layers[name].remove();
    refreshLegend();
    return;
  }
  try {
    const fc = await loadLayer(name);
    if (!layers[name]) layers[name] = L.geoJSON(fc, { style: STYLE[name], interactive: false });
    if (layerShown(name)) layers[name].addTo(map);
  } catch (e) {
    showError(e);
  }
  refreshLegend();
}
document.querySelectorAll('#layer-switcher input[type=checkbox]').forEach((c) => {
  c.addEventListener('change', () => {
    const name = c.dataset.layer;
    if (STYLE[name]) syncLayer(name);
    emit('layer-toggled', { name });
    refreshLegend();
  });
});
// reference layers that start switched on (the district outlines)
on('region-loaded', () => Object.keys(STYLE).filter(layerShown).forEach(syncLayer));

addLegendSection('lsoas', () => {
  if (!layerShown('lsoas')) return null;
  const codes = new Set();
  (lsoasFc ? lsoasFc.features : []).forEach((f) => codes.add(f.properties.dominant_pcn_code));
  const items = [...codes].filter(Boolean).sort((a, b) => pcnName(a).localeCompare(pcnName(b)))
    .map((c) => legendItem(swatch(pcnColour(c)), pcnName(c)));
  items.push(legendItem(swatch('#ffffff', 'hatched'), 'dashed outline: contested (no clear main PCN)'));
  return legendBlock('LSOAs by main PCN (where most residents are registered)', items);
});
addLegendSection('districts', () => (layerShown('districts') ? legendBlock('Districts', [legendItem(lineSample('#111'), 'district council boundary')]) : null));
addLegendSection('pcn-footprints', () => (layerShown('pcn-footprints')
  ? legendBlock('PCN footprints', [legendItem(lineSample('#777'), 'edge of the LSOAs where a PCN is the main one (colour per PCN)')]) : null));
addLegendSection('pcn-catchments', () => (layerShown('pcn-catchments')
  ? legendBlock('PCN catchments', [legendItem(lineSample('#6a1b9a', true), 'published practice catchment of a PCN')]) : null));

