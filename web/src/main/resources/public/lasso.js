/*
 * Selecting many blocks at once on the map (analyst view): drawing round them (lasso: every block whose
 * middle falls inside the line drawn is selected) or painting over them (every block the pointer passes
 * over is added). Clicking stays the default, and the keyboard has the block list (Space, Shift+arrows):
 * no task needs dragging. While a tool is on, the map does not pan with the pointer (the arrow keys still do).
 */
import { blockFeature, blockAt, loadBlocks } from './blocks.js';
import { announce, showError } from './feedback.js';
import { featureAt, labelPoint } from './geometry.js';
import { L, map } from './map.js';
import { clearSelection, on, selectBlock, state } from './state.js';

const middles = new Map(); // block code -> {lat, lng} inside it
let drawing = null;        // {points, line, added, extend} while the pointer is down
let swallowClick = false;  // the click that ends a drawing selects nothing more

const tool = () => (state.mode === 'analyst' && !state.version ? document.querySelector('input[name=select-tool]:checked').value : 'click');

function middleOf(code) {
  if (!middles.has(code)) {
    const f = blockFeature(code);
    middles.set(code, f ? labelPoint(f.geometry) : null);
  }
  return middles.get(code);
}

function apply() {
  const t = tool();
  const on = t !== 'click';
  map.getContainer().classList.toggle('lasso', on);
  // the pointer draws instead of panning (or box-zooming with Shift); the arrow keys still pan
  if (on) { map.dragging.disable(); map.boxZoom.disable(); } else { map.dragging.enable(); map.boxZoom.enable(); }
  if (on) loadBlocks().catch(showError);
}

map.on('mousedown', (e) => {
  const t = tool();
  if (t === 'click') return;
  const oe = e.originalEvent || {};
  const extend = oe.shiftKey || oe.ctrlKey || oe.metaKey;
  if (!extend && t === 'lasso') clearSelection();
  drawing = { tool: t, points: [e.latlng], line: L.polyline([e.latlng], { pane: 'selection', color: '#000', weight: 2, dashArray: '4 4', interactive: false }).addTo(map), added: 0 };
  if (t === 'paint') paint(e.latlng);
});
map.on('mousemove', (e) => {
  if (!drawing) return;
  drawing.points.push(e.latlng);
  drawing.line.addLatLng(e.latlng);
  if (drawing.tool === 'paint') paint(e.latlng);
});
map.on('mouseup', () => finish());
map.getContainer().addEventListener('mouseleave', () => finish());

function paint(latlng) {
  const f = blockAt(latlng);
  if (f && !state.selectedBlocks.has(f.properties.block_code)) {
    selectBlock(f.properties.block_code, 'add');
    drawing.added++;
  }
}

function finish() {
  if (!drawing) return;
  const d = drawing;
  drawing = null;
  d.line.remove();
  swallowClick = true;
  window.setTimeout(() => { swallowClick = false; }, 0);
  if (d.tool === 'lasso' && d.points.length > 2) {
    const ring = d.points.map((p) => [p.lng, p.lat]);
    ring.push(ring[0]);
    const lasso = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } }] };
    for (const code of Object.keys((state.plan && state.plan.blocks) || {})) {
      const m = middleOf(code);
      if (m && featureAt(lasso, m) && !state.selectedBlocks.has(code)) {
        selectBlock(code, 'add');
        d.added++;
      }
    }
  }
  announce(d.added ? d.added + (d.added === 1 ? ' block added' : ' blocks added') + ' to the selection: ' + state.selectedBlocks.size + ' selected.'
    : 'No block was added to the selection.');
}

// the click that ends a drawing is not a click on a block
map.getContainer().addEventListener('click', (e) => {
  if (swallowClick) { e.stopImmediatePropagation(); e.preventDefault(); }
}, true);
window.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && drawing) { drawing.line.remove(); drawing = null; announce('Selection drawing cancelled.'); }
});

document.querySelectorAll('input[name=select-tool]').forEach((r) => r.addEventListener('change', () => {
  apply();
  const t = tool();
  announce(t === 'lasso' ? 'Lasso: press and draw round the parishes to select them; with Shift the selection grows.'
    : t === 'paint' ? 'Paint: press and move over the parishes to add them to the selection.' : 'Click a parish to select it.');
}));
on('plan-opening', () => middles.clear());
on(['mode-changed', 'plan-loaded'], apply);
