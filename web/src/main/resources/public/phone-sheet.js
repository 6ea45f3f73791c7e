/*
 * The phone layout: the panel is a bottom sheet (half height → full height → collapsed), and
 * the legend moves into the layers box so that the map stays visible.
 */
import { $ } from './dom.js';
import { map, phoneLayout } from './map.js';

function setSheet(sheet) {
  const p = $('panel');
  p.classList.toggle('expanded', sheet === 'expanded');
  p.classList.toggle('collapsed', sheet === 'collapsed');
  const t = $('panel-toggle');
  t.setAttribute('aria-expanded', sheet === 'collapsed' ? 'false' : 'true');
  t.textContent = { half: 'Show more details', expanded: 'Hide details', collapsed: 'Show details' }[sheet];
  window.setTimeout(() => map.invalidateSize(), 50);
}

/** Lays the page out for the screen it is on (again when the screen changes). */
export function applyPhoneLayout() {
  const legend = $('legend');
  if (phoneLayout.matches) {
    $('layers-box').open = false;
    $('layers-box').appendChild(legend);
  } else {
    $('map-wrap').appendChild(legend);
  }
  setSheet('half');
  window.setTimeout(() => map.invalidateSize(), 50);
}
if (phoneLayout.addEventListener) phoneLayout.addEventListener('change', applyPhoneLayout);

$('panel-toggle').addEventListener('click', () => {
  const p = $('panel');
  setSheet(p.classList.contains('collapsed') ? 'half' : p.classList.contains('expanded') ? 'collapsed' : 'expanded');
});
