/*
 * The analyst's edits of the open plan: the selection's summary, the live preview of a move as soon as a
 * target area is chosen (POST /api/plans/{id}/moves with preview; refused moves say why, with names),
 * making it, locking blocks, "why is this parish here?", and renaming an area. Every edit sends the plan's
 * revision; a 409 means someone else changed the plan, and the page reloads it and says who (edit-history.js).
 */
import { api, path } from './api.js';
import { blockArea, blockLocked, blockName, blockNeighbours, blockProps, loadBlocks } from './blocks.js';
import { $, clear, el } from './dom.js';
import { announce, showError } from './feedback.js';
import { checkForChanges } from './edit-history.js';
import { fmtInt, fmtPct, fmtPts, num } from './format.js';
import { describeOutcome, plainReason, showOutcome } from './move-outcome.js';
import { reloadPlan } from './plans.js';
import { areaLabel, can, clearSelection, emit, on, pcnName, state } from './state.js';

let preview = null; // {key, result} of the last preview, while it still applies
let previewTimer = null;

/** The areas next to the selection (not its own), by code. */
function neighbourAreas() {
  const own = new Set([...state.selectedBlocks].map(blockArea));
  const near = new Map();
  for (const c of state.selectedBlocks) {
    for (const n of blockNeighbours(c)) {
      if (state.selectedBlocks.has(n)) continue;
      const a = blockArea(n);
      if (a && !own.has(a)) near.set(a, (near.get(a) || 0) + 1);
    }
  }
  return [...near.keys()].sort();
}

const moveKey = () => [...state.selectedBlocks].sort().join(',') + '>' + $('move-target').value + '@' + (state.plan ? state.plan.revision : '');

function renderSelection() {
  const codes = [...state.selectedBlocks];
  const n = codes.length;
  const pop = codes.reduce((s, c) => s + (num(blockProps(c).resident_population) || 0), 0);
  $('selection-summary').textContent = n === 0
    ? 'Nothing selected. Select parishes on the map (Shift or Ctrl for several) or in the list above.'
    : 'Selected: ' + codes.map(blockName).join(', ') + ' (' + fmtInt(pop) + ' residents, now in ' + [...new Set(codes.map(blockArea))].map(areaLabel).join(', ') + ').';
  const target = $('move-target');
  const prev = target.value;
  clear(target);
  const near = n ? neighbourAreas() : [];
  const own = new Set(codes.map(blockArea));
  if (n) {
    // nothing is previewed until an area is chosen
    target.appendChild(el('option', { value: '', text: 'Choose an area…' }));
    const g1 = el('optgroup', { label: 'Neighbouring areas' });
    near.forEach((a) => g1.appendChild(el('option', { value: a, text: areaLabel(a) })));
    if (near.length) target.appendChild(g1);
    const others = state.areaOrder.filter((a) => !own.has(a) && !near.includes(a));
    const g2 = el('optgroup', { label: near.length ? 'Other areas (not touching)' : 'Areas' });
    others.forEach((a) => g2.appendChild(el('option', { value: a, text: areaLabel(a) })));
    if (others.length) target.appendChild(g2);
    if ([...target.options].some((o) => o.value === prev)) target.value = prev;
  } else {
    target.appendChild(el('option', { value: '', text: 'Select a parish first' }));
  }
  target.disabled = n === 0;
  $('move-commit').disabled = !(preview && preview.key === moveKey() && preview.result.accepted !== false);
  $('move-clear').disabled = n === 0;
  const allLocked = n > 0 && codes.every(blockLocked);
  const lock = $('lock-toggle');
  lock.disabled = n === 0;
  lock.textContent = allLocked ? 'Unlock selected' : 'Lock selected';
  lock.setAttribute('aria-pressed', allLocked ? 'true' : 'false');
  $('why-button').disabled = n === 0;
  $('why-button').textContent = n === 1 ? 'Why is ' + blockName(codes[0]) + ' here?' : 'Why is this parish here?';
  if (!preview) $('preview-result').hidden = true;
}

/** Previews the move of the selection to the chosen area, shortly after the last change (no extra click). */
function schedulePreview() {
  window.clearTimeout(previewTimer);
  if (!$('move-target').value || !state.selectedBlocks.size) return;
  previewTimer = window.setTimeout(() => previewMove().catch(showError), 150);
}
$('move-target').addEventListener('change', () => {
  preview = null;
  $('preview-result').hidden = true;
  $('move-commit').disabled = true;
  schedulePreview();
});
$('move-clear').addEventListener('click', () => {
  clearSelection();
  announce('Selection cleared.');
});

const moves = () => path`/api/plans/${state.planId}/moves`;
async function previewMove() {
  const to = $('move-target').value;
  if (!to || !state.selectedBlocks.size) return;
  const key = moveKey();
  const req = { blocks: [...state.selectedBlocks], to, preview: true, revision: state.plan.revision };
  let r;
  try {
    r = await api(moves(), { method: 'POST', body: req });
  } catch (e) {
    if (e.status === 422) r = Object.assign({ accepted: false }, e.data || {});
    else if (e.status === 409) { await staleRevision(); return; }
    else { showError(e); return; }
  }
  if (key !== moveKey()) return; // the selection or the target changed meanwhile: a newer preview follows
  preview = { key, result: r };
  renderSelection();
  showOutcome(r, 'preview');
  announce(r.accepted === false ? 'Move refused: ' + plainReason(r) : describeOutcome(r, 'Preview:'));
}
async function commitMove() {
  if (!preview || preview.key !== moveKey()) return;
  const to = $('move-target').value;
  const moved = [...state.selectedBlocks];
  const req = { blocks: moved, to, preview: false, revision: state.plan.revision };
  let r;
  try {
    r = await api(moves(), { method: 'POST', body: req });
  } catch (e) {
    if (e.status === 422) { preview = null; showOutcome(Object.assign({ accepted: false }, e.data || {}), 'preview'); announce('Move refused: ' + plainReason(e.data || {})); return; }
    if (e.status === 409) { await staleRevision(); return; }
    showError(e);
    return;
  }
  if (r && r.accepted === false) { preview = null; showOutcome(r, 'preview'); announce('Move refused: ' + plainReason(r)); return; }
  preview = null;
  await reloadPlan();
  const names = moved.map(blockName).join(', ');
  showOutcome(r || {}, 'done', 'Done: ' + names + ' moved to ' + areaLabel(to) + '.');
  $('preview-verdict').focus();
  announce(describeOutcome(r || {}, 'Moved ' + names + ' to ' + areaLabel(to) + '.'));
}
/** Someone else changed the plan since it was loaded: show their changes and say so. */
async function staleRevision() {
  preview = null;
  await checkForChanges();
  await reloadPlan();
  renderSelection();
  showError(new Error('Someone else changed this plan a moment ago (see the note above). The map now shows their changes; check your selection: the preview follows.'));
  schedulePreview();
}
$('move-commit').addEventListener('click', () => commitMove().catch(showError));

$('lock-toggle').addEventListener('click', async () => {
  const codes = [...state.selectedBlocks];
  if (!codes.length) return;
  const locked = !codes.every(blockLocked);
  try {
    await api(path`/api/plans/${state.planId}/locks`, { method: 'POST', body: { blocks: codes, locked, revision: state.plan.revision } });
    await reloadPlan();
    announce((locked ? 'Locked ' : 'Unlocked ') + codes.map(blockName).join(', ') + '.');
  } catch (e) { showError(e); }
});

function describeValue(v) {
  if (v === null || v === undefined) return '';
  if (typeof v !== 'object') return String(v);
  if (Array.isArray(v)) return v.map(describeValue).join(', ');
  return Object.entries(v).map(([k, x]) => k.replace(/_/g, ' ') + ': ' + (typeof x === 'number' && x <= 1 && x >= 0 && /share|alignment|lean/.test(k) ? fmtPct(x) : describeValue(x))).join('; ');
}
$('why-button').addEventListener('click', async () => {
  const code = [...state.selectedBlocks][0];
  if (!code) return;
  try {
    const r = await api(path`/api/plans/${state.planId}/blocks/${code}/why`);
    $('why-box').hidden = false;
    $('why-text').textContent = r.text || 'No explanation available.';
    const ul = clear($('why-details'));
    const lean = Array.isArray(r.leanings) ? r.leanings : [];
    if (lean.length) {
      ul.appendChild(el('li', null, el('strong', { text: 'Where its residents are registered: ' }),
        lean.map((l) => (l.pcn_name || pcnName(l.pcn_code) || describeValue(l)) + (num(l.share) !== null ? ' ' + fmtPct(l.share, 0) : '')).join(', ')));
    }
    for (const o of Array.isArray(r.alternatives) ? r.alternatives : []) {
      const change = num(o.alignment_change);
      const name = o.area_id ? areaLabel(o.area_id) : describeValue(o);
      ul.appendChild(el('li', null, el('strong', { text: 'Could join ' + name + ': ' }),
        (change !== null ? 'plan alignment ' + fmtPts(change, 2) : '')
        + (o.main_pcn ? ' (its main PCN is ' + pcnName(o.main_pcn) + ')' : '')
        + (o.allowed === false ? '; not allowed: it would cut ' + areaLabel(r.area_id) + ' in two or leave it empty' : '')));
    }
    announce(r.text || '');
  } catch (e) { showError(e); }
});

/** The rename form of the chosen area, for analysts in analyst mode (it keeps what is typed while the area stays). */
function renderRenameForm() {
  const id = state.selectedArea;
  if (!id) return;
  const form = $('area-rename-form');
  const renaming = state.mode === 'analyst' && can('edit_plans');
  if (form.dataset.area !== id || form.hidden !== !renaming) $('area-rename').value = state.areas.get(id).area_name || '';
  form.dataset.area = id;
  form.hidden = !renaming;
}
$('area-rename-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const id = state.selectedArea;
  const name = $('area-rename').value.trim();
  if (!id || !name) return;
  try {
    await api(path`/api/plans/${state.planId}/areas/${id}`, { method: 'PATCH', body: { name, revision: state.plan.revision } });
  } catch (err) {
    if (err.status === 409) { await staleRevision(); return; }
    showError(err);
    return;
  }
  await reloadPlan();
  emit('area-renamed', { id });
  announce('Area ' + id + ' is now called ' + name + '.');
});

on('plan-opening', () => { preview = null; });
on('plan-loaded', () => { renderRenameForm(); renderSelection(); });
on('selection-changed', () => { preview = null; renderSelection(); schedulePreview(); });
on('area-chosen', renderRenameForm);
on('session-changed', () => { if (state.started) renderRenameForm(); });
on('mode-changed', ({ mode }) => {
  if (mode !== 'analyst') preview = null;
  if (mode === 'analyst') loadBlocks().catch(showError);
  renderRenameForm();
  renderSelection();
});
