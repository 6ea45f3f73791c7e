/*
 * What the pointer does on the map: the hover box names the block or area under it (and the
 * LSOA with its main PCN, or the chosen PCN's share); a click chooses the area, selects a block
 * in analyst mode (Shift or Ctrl for several), or pins a comment's point.
 */
import { areaAt } from './areas-layer.js';
import { blockArea, blockAt } from './blocks.js';
import { pinAt, pinning } from './comment-form.js';
import { $ } from './dom.js';
import { fmtPct, kindLabel } from './format.js';
import { featureAt } from './geometry.js';
import { pcnHoverText } from './health.js';
import { layerShown, map } from './map.js';
import { lsoaFeatures } from './overlays.js';
import { areaLabel, chooseArea, pcnName, selectBlock, state } from './state.js';

function hoverText(latlng) {
  const parts = [];
  const f = blockAt(latlng);
  if (f) {
    const p = f.properties;
    parts.push(p.block_name + ' (' + kindLabel(p.block_kind) + ') · ' + areaLabel(blockArea(p.block_code)));
  } else {
    const a = areaAt(latlng);
    if (a) parts.push(areaLabel(a));
  }
  const share = pcnHoverText(latlng);
  if (share !== null) {
    if (share) parts.push(share);
  } else if (layerShown('lsoas') && lsoaFeatures()) {
    const l = featureAt(lsoaFeatures(), latlng);
    if (l) {
      const p = l.properties;
      parts.push(p.lsoa_name + ': main PCN ' + pcnName(p.dominant_pcn_code) + ' (' + fmtPct(p.dominant_share, 0) + ')' + (p.contested ? ', contested' : ''));
    }
  }
  return parts.join(' — ');
}
let hoverPending = null;
map.on('mousemove', (e) => {
  hoverPending = e.latlng;
  window.requestAnimationFrame(() => {
    if (!hoverPending) return;
    const t = hoverText(hoverPending);
    hoverPending = null;
    const box = $('hover-info');
    box.textContent = t;
    box.hidden = !t;
  });
});
map.on('mouseout', () => { $('hover-info').hidden = true; });

map.on('click', (e) => {
  if (pinning()) { pinAt(e.latlng); return; }
  const oe = e.originalEvent || {};
  const many = oe.shiftKey || oe.ctrlKey || oe.metaKey;
  const blk = blockAt(e.latlng);
  if (state.mode === 'analyst' && blk) {
    selectBlock(blk.properties.block_code, many ? 'toggle' : 'only');
    return;
  }
  const areaId = blk ? blockArea(blk.properties.block_code) : areaAt(e.latlng);
  if (areaId) chooseArea(areaId);
});
