/* The region (GET /api/region): PCN and district names, the page title, the data attributions, the map's first view. */
import { api } from './api.js';
import { $, clear, el } from './dom.js';
import { num } from './format.js';
import { L, fitRegion } from './map.js';
import { emit, state } from './state.js';

export async function loadRegion() {
  const region = await api('/api/region');
  (region.pcns || []).forEach((p) => state.pcnNames.set(p.code, p.name));
  (region.districts || []).forEach((d) => state.districtNames.set(d.code, d.name));
  state.defaultAreas = num(region.default_areas);
  state.blockCount = num(region.blocks);
  const foot = clear($('attribution'));
  const atts = [...new Set(region.attributions || [])];
  const text = el('span', { id: 'attribution-text', text: 'Data: ' + atts.join(' · ') });
  const more = el('button', { type: 'button', id: 'attribution-toggle', className: 'link-button', 'aria-expanded': 'false', 'aria-controls': 'attribution-text' }, 'All sources');
  more.addEventListener('click', () => {
    const open = foot.classList.toggle('open');
    more.setAttribute('aria-expanded', open ? 'true' : 'false');
    more.textContent = open ? 'Fewer' : 'All sources';
  });
  foot.appendChild(text);
  foot.appendChild(more);
  if (region.name) $('app-title').textContent = 'Service delivery areas: ' + region.name;
  const bb = region.bounds;
  if (Array.isArray(bb) && bb.length === 4 && bb.every((x) => num(x) !== null)) {
    fitRegion(L.latLngBounds([bb[1], bb[0]], [bb[3], bb[2]]));
  }
  emit('region-loaded');
}
