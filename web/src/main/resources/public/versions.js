/*
 * The open plan's saved versions (GET/POST /api/plans/{id}/versions): who saved each and when, saving
 * one, giving one a new label, opening one read-only (the map and the panel show it, with a banner), and
 * restoring one (POST …/versions/{v}/restore: a new revision of the plan, which Undo takes back).
 */
import { api, path } from './api.js';
import { confirmDialog } from './dialogs.js';
import { $, clear, el } from './dom.js';
import { announce, showError } from './feedback.js';
import { when } from './format.js';
import { openPlan } from './plans.js';
import { can, emit, on, state } from './state.js';

let versions = [];

const title = (v) => 'Version ' + v.version + (v.label ? ' “' + v.label + '”' : '');
const saved = (v) => 'saved ' + when(v.created_at) + (v.created_by ? ' by ' + v.created_by : '');

async function loadVersions() {
  versions = await api(path`/api/plans/${state.planId}/versions`);
  const ul = clear($('version-list'));
  const edit = can('edit_plans');
  for (const v of versions) {
    const li = el('li', { dataset: { version: v.version } }, el('span', { className: 'version-text', text: title(v) + ', ' + saved(v) }));
    const row = el('span', { className: 'version-actions' },
      el('button', { type: 'button', className: 'link-button', dataset: { action: 'open' }, onclick: () => openVersion(v.version),
        'aria-label': 'Open version ' + v.version + ' (read-only)' }, 'Open'),
      edit ? el('button', { type: 'button', className: 'link-button', dataset: { action: 'restore' }, onclick: () => restore(v),
        'aria-label': 'Restore version ' + v.version }, 'Restore') : null,
      edit ? el('button', { type: 'button', className: 'link-button', dataset: { action: 'label' }, onclick: () => relabelForm(li, v),
        'aria-label': 'Rename version ' + v.version }, 'Rename') : null);
    li.appendChild(row);
    ul.appendChild(li);
  }
  if (!versions.length) ul.appendChild(el('li', { text: 'No saved versions yet.' }));
  emit('versions-changed');
}

/** An inline form in the version's row for its new label. */
function relabelForm(li, v) {
  const input = el('input', { type: 'text', maxlength: '120', value: v.label || '', 'aria-label': 'New label for version ' + v.version });
  const form = el('form', { className: 'inline-form' }, input, el('button', { type: 'submit' }, 'Save label'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const label = input.value.trim();
    if (!label) return;
    try {
      await api(path`/api/plans/${state.planId}/versions/${v.version}`, { method: 'PATCH', body: { label } });
      await loadVersions();
      announce('Version ' + v.version + ' is now labelled “' + label + '”.');
    } catch (err) { showError(err); }
  });
  li.appendChild(form);
  input.focus();
}

function openVersion(version) {
  openPlan(state.planId, version).then(() => { $('version-banner-text').focus(); announce($('version-banner-text').textContent); })
    .catch(showError);
}

async function restore(v) {
  const ok = await confirmDialog('Restore ' + title(v) + ' (' + saved(v) + ')? The plan becomes as it was then, as a new change that Undo'
    + ' takes back; the version itself stays.', 'Restore');
  if (!ok) return;
  try {
    // the revision the plan is at: a saved version's answer carries it too
    const r = await api(path`/api/plans/${state.planId}/versions/${v.version}/restore`, { method: 'POST', body: { revision: state.plan.revision } });
    await openPlan(state.planId);
    const n = (r.blocks || []).length;
    announce('Restored ' + title(v) + ': ' + n + (n === 1 ? ' block changed area' : ' blocks changed area') + '. Undo takes it back.');
  } catch (err) {
    if (err.status === 409 && /already/.test(err.message)) { announce(err.message); showError(err); return; }
    showError(err);
  }
}

function renderBanner() {
  const v = state.version;
  $('version-banner').hidden = !v;
  if (!v) return;
  $('version-banner-text').tabIndex = -1;
  $('version-banner-text').textContent = 'You are looking at ' + title(v) + ', ' + saved(v) + '. It is read-only: the plan itself'
    + ' is unchanged. The figures and the map are the version\'s, with the areas\' current names.';
  $('version-restore').hidden = !can('edit_plans');
}

$('version-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const label = $('version-label').value.trim() || ('Saved ' + new Date().toLocaleString('en-GB'));
  try {
    const v = await api(path`/api/plans/${state.planId}/versions`, { method: 'POST', body: { label } });
    $('version-label').value = '';
    await loadVersions();
    announce('Saved version ' + (v && v.version !== undefined ? v.version : '') + ': ' + label + '.');
  } catch (err) { showError(err); }
});
$('version-back').addEventListener('click', () => openPlan(state.planId).then(() => announce('Back to the plan as it is now.')).catch(showError));
$('version-restore').addEventListener('click', () => { if (state.version) restore(state.version); });

on('plan-opening', () => { versions = []; });
on('plan-loaded', ({ fresh }) => {
  renderBanner();
  if (fresh && (state.mode === 'analyst' || state.version)) loadVersions().catch(showError);
});
on('session-changed', () => { if (state.started) renderBanner(); });
on('mode-changed', ({ mode }) => { if (mode === 'analyst') loadVersions().catch(showError); });
