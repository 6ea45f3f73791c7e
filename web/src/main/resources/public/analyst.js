/*
 * The analyst's edits of the open plan: the selection's summary, previewing and making a move
 * (POST /api/plans/{id}/moves; refused moves say why), undo and redo, locking blocks, "why is
 * this parish here?", and renaming an area. Every edit sends the plan's revision; a 409 means
 * someone else changed the plan, and the page reloads it.
 */
import { api, path } from './api.js';
import { blockArea, blockLocked, blockName, blockNeighbours, blockProps, loadBlocks } from './blocks.js';
import { $, clear, el } from './dom.js';
import { announce, showError } from './feedback.js';
import { fmtInt, fmtPct, fmtPts, fmtSigned, num } from './format.js';
import { reloadPlan } from './plans.js';
import { areaLabel, can, clearSelection, emit, on, pcnName, state } from './state.js';

let preview = null; // {key, result} of the last preview, while it still applies

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
  $('move-preview').disabled = n === 0 || !target.value;
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

$('move-target').addEventListener('change', () => {
  preview = null;
  $('preview-result').hidden = true;
  $('move-preview').disabled = !$('move-target').value || !state.selectedBlocks.size;
  $('move-commit').disabled = true;
});
$('move-clear').addEventListener('click', () => {
  clearSelection();
  announce('Selection cleared.');
});

function describeOutcome(r, verb) {
  const parts = [];
  for (const a of r.areas || []) {
    const rb = num(a.residents_before), ra = num(a.residents_after);
    const ab = num(a.alignment_before), aa = num(a.alignment_after);
    let s = areaLabel(a.area_id) + ':';
    if (rb !== null && ra !== null) s += ' residents ' + fmtInt(rb) + ' to ' + fmtInt(ra) + ' (' + fmtSigned(ra - rb) + ')';
    if (ab !== null && aa !== null) s += ', alignment ' + fmtPct(ab) + ' to ' + fmtPct(aa);
    parts.push(s);
  }
  if (num(r.alignment_before) !== null && num(r.alignment_after) !== null) {
    parts.push('plan alignment ' + fmtPct(r.alignment_before) + ' to ' + fmtPct(r.alignment_after));
  }
  return verb + ' ' + parts.join('; ') + '.';
}

/** "In one piece?" after the move, from pieces_after (or contiguous_after / contiguous). */
function piecesText(a) {
  const pieces = num(a.pieces_after);
  if (pieces !== null) return pieces <= 1 ? (pieces === 0 ? 'Empty' : 'Yes') : 'No: ' + pieces + ' pieces';
  const c = a.contiguous_after !== undefined ? a.contiguous_after : a.contiguous;
  return c === false ? 'No' : c === true ? 'Yes' : '–';
}

function plainReason(r) {
  let reason = r.reason || r.error || 'The move is not allowed.';
  const cut = r.cut_off || [];
  if (cut.length) {
    const names = cut.map((c) => (typeof c === 'string' ? blockName(c) : (c.block_name || c.block_code || JSON.stringify(c))));
    reason += ' These would be cut off from the rest of their area: ' + names.join(', ') + '.';
  }
  return reason;
}

function showPreview(r, committed) {
  $('preview-result').hidden = false;
  const verdict = $('preview-verdict');
  const refused = r.accepted === false;
  verdict.className = refused ? 'refused' : 'accepted';
  verdict.textContent = refused ? 'This move is not possible: ' + plainReason(r)
    : committed ? 'Done: the move is made.' : 'This move is possible. Check the figures, then choose “Make this move”.';
  const tb = clear($('preview-table').querySelector('tbody'));
  for (const a of r.areas || []) {
    const rb = num(a.residents_before), ra = num(a.residents_after);
    const ab = num(a.alignment_before), aa = num(a.alignment_after);
    tb.appendChild(el('tr', { dataset: { area: a.area_id } },
      el('th', { scope: 'row', text: areaLabel(a.area_id) }),
      el('td', { text: rb !== null && ra !== null ? fmtInt(rb) + ' → ' + fmtInt(ra) + ' (' + fmtSigned(ra - rb) + ')' : '–' }),
      el('td', { text: ab !== null && aa !== null ? fmtPct(ab) + ' → ' + fmtPct(aa) + ' (' + fmtPts(aa - ab) + ')' : '–' }),
      el('td', { text: piecesText(a) })));
    if (a.main_pcn_before && a.main_pcn_after && a.main_pcn_before !== a.main_pcn_after) {
      tb.appendChild(el('tr', { className: 'note' }, el('td', { colspan: '4', text: areaLabel(a.area_id) + ': main PCN changes from '
        + pcnName(a.main_pcn_before) + ' to ' + pcnName(a.main_pcn_after) + '.' })));
    }
  }
  $('preview-table').hidden = !(r.areas && r.areas.length);
  $('preview-plan').textContent = num(r.alignment_before) !== null && num(r.alignment_after) !== null
    ? 'Whole plan: PCN alignment ' + fmtPct(r.alignment_before) + ' → ' + fmtPct(r.alignment_after) + ' (' + fmtPts(r.alignment_after - r.alignment_before) + ').'
    : '';
}

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
  preview = { key, result: r };
  renderSelection();
  showPreview(r, false);
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
    if (e.status === 422) { preview = null; showPreview(Object.assign({ accepted: false }, e.data || {}), false); announce('Move refused: ' + plainReason(e.data || {})); return; }
    if (e.status === 409) { await staleRevision(); return; }
    showError(e);
    return;
  }
  if (r && r.accepted === false) { preview = null; showPreview(r, false); announce('Move refused: ' + plainReason(r)); return; }
  preview = null;
  await reloadPlan();
  showPreview(r || {}, true);
  $('preview-verdict').focus();
  const names = moved.map(blockName).join(', ');
  announce(describeOutcome(r || {}, 'Moved ' + names + ' to ' + areaLabel(to) + '.'));
}
/** Someone else changed the plan since it was loaded: show their changes and say so. */
async function staleRevision() {
  await reloadPlan();
  preview = null;
  renderSelection();
  showError(new Error('Someone else changed this plan a moment ago. The map now shows their changes; check your selection and preview again.'));
}
$('move-preview').addEventListener('click', () => previewMove().catch(showError));
$('move-commit').addEventListener('click', () => commitMove().catch(showError));

async function undoRedo(which) {
  let r;
  try {
    r = await api(path`/api/plans/${state.planId}/${which}`, { method: 'POST', body: {} });
  } catch (e) {
    if (e.status === 409) { announce(which === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.'); $('preview-result').hidden = true; showError(new Error(which === 'undo' ? 'There is nothing to undo.' : 'There is nothing to redo.')); return; }
    throw e;
  }
  preview = null;
  await reloadPlan();
  if (r && r.areas && r.areas.length) showPreview(Object.assign({}, r, { accepted: true }), true);
  else $('preview-result').hidden = true;
  $('preview-verdict').textContent = which === 'undo' ? 'Undone: the last change is reversed.' : 'Redone: the change is made again.';
  announce(describeOutcome(r || {}, which === 'undo' ? 'Undone.' : 'Redone.'));
}
$('undo').addEventListener('click', () => undoRedo('undo').catch(showError));
$('redo').addEventListener('click', () => undoRedo('redo').catch(showError));

$('lock-toggle').addEventListener('click', async () => {
  const codes = [...state.selectedBlocks];
  if (!codes.length) return;
  const locked = !codes.every(blockLocked);
  try {
    await api(path`/api/plans/${state.planId}/locks`, { method: 'POST', body: { blocks: codes, locked } });
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
        (change !== null ? 'plan alignment ' + fmtPts(change) : '')
        + (o.main_pcn ? ' (its main PCN is ' + pcnName(o.main_pcn) + ')' : '')
        + (o.allowed === false ? '; not allowed (it would break an area, a lock or a district boundary)' : '')));
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
on('selection-changed', () => { preview = null; renderSelection(); });
on('area-chosen', renderRenameForm);
on('session-changed', () => { if (state.started) renderRenameForm(); });
on('mode-changed', ({ mode }) => {
  if (mode !== 'analyst') preview = null;
  if (mode === 'analyst') loadBlocks().catch(showError);
  renderRenameForm();
  renderSelection();
});
