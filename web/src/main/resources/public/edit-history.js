/*
 * Undo and redo with names, the plan's edit history, and noticing other people's changes. The buttons say
 * what they take back or make again and whose change it was ("Undo: Alice Analyst moved Downham to SDA12
 * March", from GET /api/plans/{id}/edit-state); undoing someone else's change asks first; every undo and
 * redo carries the revision the page shows, so a change made meanwhile is never undone unseen. While the
 * analyst view is open the page looks for changes every few seconds (and when the window gets the focus),
 * redraws the plan and says who changed what.
 */
import { api, path } from './api.js';
import { confirmDialog } from './dialogs.js';
import { $, clear, el } from './dom.js';
import { announce, showError } from './feedback.js';
import { when } from './format.js';
import { describeOutcome, showOutcome } from './move-outcome.js';
import { reloadPlan } from './plans.js';
import { can, on, state, who } from './state.js';

const POLL_MS = 5000;
let edits = null;  // the last GET edit-state
let timer = null;

const mine = (entry) => !!(entry && who.user && entry.user === who.user.username);
const active = () => state.mode === 'analyst' && can('edit_plans') && !!state.planId && !state.version;

function renderButtons() {
  for (const which of ['undo', 'redo']) {
    const b = $(which);
    const entry = edits && edits[which];
    const verb = which === 'undo' ? 'Undo' : 'Redo';
    b.disabled = !entry;
    b.textContent = entry ? verb + ': ' + entry.text : verb + (which === 'undo' ? ' (nothing to undo)' : ' (nothing to redo)');
    b.title = entry ? verb + ' the change ' + entry.user_name + ' made on ' + when(entry.at) + ': ' + entry.text : b.textContent;
  }
}

/** Reads what undo and redo would do; when the plan changed meanwhile, redraws it and says who changed what. */
export async function checkForChanges() {
  if (!active()) return;
  const seen = state.plan ? state.plan.revision : null;
  const planId = state.planId;
  const s = await api(path`/api/plans/${planId}/edit-state`, { quiet: true });
  if (planId !== state.planId) return;
  edits = s;
  renderButtons();
  if (seen !== null && s.revision !== seen) {
    await reloadPlan();
    if (s.latest && !mine(s.latest)) {
      notice(s.latest.user_name + ' changed this plan at ' + when(s.latest.at).slice(11) + ': ' + s.latest.text.replace(s.latest.user_name + ' ', '')
        + '. The map and the figures show it now.');
    }
  }
  if ($('history-box').open) await loadHistory();
}

function notice(text) {
  const p = $('plan-notice');
  p.textContent = text;
  p.hidden = false;
  announce(text);
}

async function undoRedo(which) {
  const entry = edits && edits[which];
  if (!entry) return;
  if (!mine(entry)) {
    const ok = await confirmDialog('This ' + (which === 'undo' ? 'undoes' : 'redoes') + ' a change ' + entry.user_name + ' made, not yours: “'
      + entry.text + '” (' + when(entry.at) + '). ' + (which === 'undo' ? 'Undo' : 'Redo') + ' it?',
    (which === 'undo' ? 'Undo ' : 'Redo ') + entry.user_name + '\'s change');
    if (!ok) return;
  }
  let r;
  try {
    r = await api(path`/api/plans/${state.planId}/${which}`, { method: 'POST', body: { revision: state.plan.revision } });
  } catch (e) {
    if (e.status === 409) {
      // someone changed the plan after the page last looked: show it, undo nothing
      await checkForChanges();
      showError(new Error('The plan changed a moment ago, so nothing was ' + (which === 'undo' ? 'undone' : 'redone')
        + '. The buttons now say what they would ' + which + '; check, then try again.'));
      return;
    }
    throw e;
  }
  await reloadPlan();
  const text = (which === 'undo' ? 'Undone: ' : 'Redone: ') + r.edit.text + '.';
  if (r.areas && r.areas.length) showOutcome(Object.assign({}, r, { accepted: true }), 'done', text);
  else $('preview-result').hidden = true;
  announce(describeOutcome(r, text));
}
$('undo').addEventListener('click', () => undoRedo('undo').catch(showError));
$('redo').addEventListener('click', () => undoRedo('redo').catch(showError));

async function loadHistory() {
  const entries = await api(path`/api/plans/${state.planId}/audit`);
  const ol = clear($('edit-history'));
  for (const e of entries) {
    ol.appendChild(el('li', { dataset: { seq: e.seq, kind: e.kind } }, el('span', { className: 'when', text: when(e.at) }), ' ',
      e.text + (e.undone ? ' (undone)' : '')));
  }
  if (!entries.length) ol.appendChild(el('li', { text: 'No changes yet.' }));
}
$('history-box').addEventListener('toggle', () => { if ($('history-box').open) loadHistory().catch(showError); });

function schedule() {
  window.clearInterval(timer);
  timer = null;
  if (active()) timer = window.setInterval(() => { if (!document.hidden) checkForChanges().catch(() => { /* tried again soon */ }); }, POLL_MS);
}
window.addEventListener('focus', () => checkForChanges().catch(() => { /* tried again soon */ }));

on('plan-opening', () => { edits = null; $('plan-notice').hidden = true; renderButtons(); });
on('plan-loaded', () => { schedule(); checkForChanges().catch(showError); });
on(['mode-changed', 'session-changed'], () => { schedule(); if (active()) checkForChanges().catch(showError); });
