/* The region (GET /api/region): PCN and district names, the page title, the data attributions, the map's first view. */
import { basemapCredit } from './basemap.js';
import { api } from './api.js';
import { $, clear, el } from './dom.js';
import { num } from './format.js';
import { L, fitRegion, layerShown } from './map.js';
import { emit, on, state } from './state.js';

let sources = [];

/** The footer: the data's sources (and the background map's credit), the accessibility statement. */
function renderFooter() {
  const foot = clear($('attribution'));
  const credit = basemapCredit();
  const atts = [...new Set(sources)];
  const text = el('span', { id: 'attribution-text', text: (credit && layerShown('basemap') ? 'Background map: ' + credit + ' · ' : '') + 'Data: ' + atts.join(' · ') });
  const more = el('button', { type: 'button', id: 'attribution-toggle', className: 'link-button', 'aria-expanded': 'false', 'aria-controls': 'attribution-text' }, 'All sources');
  more.addEventListener('click', () => {
    const open = foot.classList.toggle('open');
    more.setAttribute('aria-expanded', open ? 'true' : 'false');
    more.textContent = open ? 'Fewer' : 'All sources';
  });
  foot.appendChild(text);
  foot.appendChild(more);
  foot.appendChild(el('a', { id: 'accessibility-link', href: 'accessibility.html' }, 'Accessibility'));
}

export async function loadRegion() {
  const region = await api('/api/region');
  (region.pcns || []).forEach((p) => state.pcnNames.set(p.code, p.name));
  (region.districts || []).forEach((d) => state.districtNames.set(d.code, d.name));
  state.defaultAreas = num(region.default_areas);
  state.defaultAreasOf = region.default_areas_of || null;
  state.defaultCounts = region.default_counts || null;
  state.blockCount = num(region.blocks);
  sources = region.attributions || [];
  renderFooter();
  if (region.name) {
    $('app-title').textContent = 'Service delivery areas: ' + region.name;
    $('app-title').title = $('app-title').textContent; // the whole title where a narrow screen cuts it
  }
  const bb = region.bounds;
  if (Array.isArray(bb) && bb.length === 4 && bb.every((x) => num(x) !== null)) {
    fitRegion(L.latLngBounds([bb[1], bb[0]], [bb[3], bb[2]]));
  }
  emit('region-loaded');
}
on('basemap-loaded', renderFooter);
