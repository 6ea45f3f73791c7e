/*
 * Writing a comment (POST /api/plans/{id}/comments): about an area, a parish or building block,
 * or a point pinned on the map (a click, or Enter on the map for its centre; Escape cancels).
 */
import { api, path } from './api.js';
import { blockArea, blockAt, blockName, blockProps, blocksLoaded, blocksOfArea } from './blocks.js';
import { focusComment, loadComments } from './comments.js';
import { $, clear, el } from './dom.js';
import { announce, formError } from './feedback.js';
import { kindLabel } from './format.js';
import { L, map } from './map.js';
import { areaLabel, can, on, state } from './state.js';

let pin = null;         // the point chosen for a point comment
let pinName = null;     // the place or postcode it was found by, if it was
let pinLayer = null;
let isPinning = false;  // the next click on the map pins the point

const aboutChoice = () => (document.querySelector('input[name="comment-about"]:checked') || {}).value || 'area';

function renderComposer() {
  if (!state.plan || !can('comment')) return;
  const about = aboutChoice();
  $('comment-area-row').hidden = about === 'point';
  $('comment-block-row').hidden = about !== 'parish';
  $('comment-point-row').hidden = about !== 'point';
  const areaSel = $('comment-area');
  const want = state.selectedArea || areaSel.value;
  if (areaSel.dataset.plan !== state.planId + ':' + state.plan.revision) {
    clear(areaSel);
    state.areaOrder.forEach((id) => areaSel.appendChild(el('option', { value: id, text: areaLabel(id) })));
    areaSel.dataset.plan = state.planId + ':' + state.plan.revision;
  }
  if (want && state.areas.has(want)) areaSel.value = want;
  renderComposerBlocks();
}
function renderComposerBlocks() {
  const area = $('comment-area').value;
  const sel = $('comment-block');
  const codes = blocksOfArea(area);
  const key = area + ':' + codes.length + ':' + (blocksLoaded() ? 'named' : 'codes');
  if (sel.dataset.key !== key) {
    clear(sel);
    codes.forEach((code) => sel.appendChild(el('option', { value: code, text: blockName(code) + ' (' + kindLabel(blockProps(code).block_kind) + ')' })));
    sel.dataset.key = key;
  }
  const pick = [...state.selectedBlocks].find((c) => codes.includes(c)) || (codes.includes(state.activeBlock) ? state.activeBlock : null);
  if (pick) sel.value = pick;
}
document.querySelectorAll('input[name="comment-about"]').forEach((r) => r.addEventListener('change', () => {
  if (aboutChoice() !== 'point') cancelPin();
  renderComposer();
}));
$('comment-area').addEventListener('change', renderComposerBlocks);

// pinning a point
/** Whether the next click on the map pins the comment's point. */
export const pinning = () => isPinning;
function startPin() {
  isPinning = true;
  $('comment-pin').setAttribute('aria-pressed', 'true');
  map.getContainer().classList.add('pinning');
  $('comment-pin-status').textContent = 'Click the map where your comment is about (or press Enter on the map to pin its centre). Escape cancels.';
  announce($('comment-pin-status').textContent);
}
function cancelPin() {
  if (!isPinning) return;
  isPinning = false;
  $('comment-pin').setAttribute('aria-pressed', 'false');
  map.getContainer().classList.remove('pinning');
  $('comment-pin-status').textContent = pin ? pinText(pin, pinName) : 'No point chosen yet.';
}
function clearPin() {
  pin = null;
  pinName = null;
  if (pinLayer) { pinLayer.remove(); pinLayer = null; }
  $('comment-pin-status').textContent = 'No point chosen yet.';
}
function pinText(latlng, name) {
  const f = blockAt(latlng);
  const where = f ? ' in ' + f.properties.block_name + ' (' + areaLabel(blockArea(f.properties.block_code)) + ')' : '';
  return 'Point chosen: ' + (name ? name + ', ' : '') + latlng.lat.toFixed(4) + ', ' + latlng.lng.toFixed(4) + where + '.';
}
/** Pins the comment's point here (name: the place or postcode it was found by). */
export function pinAt(latlng, name) {
  pin = latlng;
  pinName = name || null;
  if (pinLayer) pinLayer.remove();
  pinLayer = L.circleMarker(latlng, { pane: 'comments', radius: 9, color: '#000', weight: 3, dashArray: '3 3', fillColor: '#ff6d00', fillOpacity: 0.9, interactive: false }).addTo(map);
  cancelPin();
  $('comment-pin-status').textContent = pinText(latlng, pinName);
  announce($('comment-pin-status').textContent);
  if (!name) $('comment-pin').focus();
}
/** The list alternative to clicking the map: the first place or postcode the search finds is pinned. */
async function pinPlace() {
  const q = $('comment-place').value.trim();
  if (q.length < 2) { formError('comment-form-error', 'Type a postcode or the name of a place first.'); $('comment-place').focus(); return; }
  const hits = await api(path`/api/search?q=${q}`);
  const hit = (hits || []).find((h) => h.kind !== 'lsoa') || (hits || [])[0];
  if (!hit) { formError('comment-form-error', 'Nothing found for “' + q + '”: try a postcode, or a town or village name.'); $('comment-place').focus(); return; }
  formError('comment-form-error', '');
  const at = L.latLng(hit.lat, hit.lon);
  map.setView(at, Math.max(map.getZoom(), 13), { animate: false });
  pinAt(at, hit.name);
}
$('comment-place-find').addEventListener('click', () => pinPlace().catch((e) => formError('comment-form-error', e.message)));
$('comment-place').addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); pinPlace().catch((x) => formError('comment-form-error', x.message)); } });

$('comment-pin').addEventListener('click', () => {
  if (isPinning) { cancelPin(); return; }
  startPin();
});
map.getContainer().addEventListener('keydown', (e) => {
  if (isPinning && e.key === 'Enter' && e.target === map.getContainer()) { e.preventDefault(); pinAt(map.getCenter()); }
});
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && isPinning && !document.querySelector('dialog[open]')) { cancelPin(); $('comment-pin').focus(); }
});

$('comment-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const text = $('comment-text').value;
  const about = aboutChoice();
  if (!text.trim()) { formError('comment-form-error', 'Write your comment first.'); $('comment-text').focus(); return; }
  const req = { text };
  if (about === 'area') {
    if (!$('comment-area').value) { formError('comment-form-error', 'Choose the area first.'); $('comment-area').focus(); return; }
    req.area = $('comment-area').value;
  } else if (about === 'parish') {
    if (!$('comment-block').value) { formError('comment-form-error', 'Choose the parish or block first.'); $('comment-block').focus(); return; }
    req.block = $('comment-block').value;
  } else {
    if (!pin) { formError('comment-form-error', 'Pin a point on the map first.'); $('comment-pin').focus(); return; }
    req.lon = Number(pin.lng.toFixed(6));
    req.lat = Number(pin.lat.toFixed(6));
  }
  formError('comment-form-error', '');
  $('comment-post').disabled = true;
  try {
    const c = await api(path`/api/plans/${state.planId}/comments`, { method: 'POST', body: req });
    $('comment-text').value = '';
    if (about === 'point') clearPin();
    await loadComments(true);
    if (c && focusComment(c.id)) announce('Your comment is posted.');
    else announce('Your comment is posted. It is about ' + (c && c.area_id ? areaLabel(c.area_id) : 'another area') + ': show the whole plan to see it.');
  } catch (err) {
    formError('comment-form-error', err.message);
  } finally {
    $('comment-post').disabled = false;
  }
});

on(['plan-loaded', 'area-chosen', 'selection-changed', 'blocks-loaded', 'user-changed'], renderComposer);
on('mode-changed', () => { cancelPin(); renderComposer(); });
on('session-changed', () => {
  $('comment-form').hidden = !can('comment');
  if (!can('read_comments')) { cancelPin(); clearPin(); }
  if (state.started) renderComposer();
});
