/*
 * The mode tabs (Explore, Analyst, Health partner, Accounts) and which tools each mode shows.
 * Analyst needs edit_plans and Accounts manage_accounts: their tabs are hidden otherwise, and
 * the page falls back to Explore. Emits 'mode-changed'; the mode is kept in the address (#mode=).
 */
import { $ } from './dom.js';
import { announce } from './feedback.js';
import { refreshLegend } from './legend.js';
import { map } from './map.js';
import { can, emit, on, state } from './state.js';

const MODES = ['explore', 'analyst', 'health', 'admin'];
const SAID = {
  explore: 'Explore view.', analyst: 'Analyst view: select parishes to move them.',
  health: 'Health-partner view: choose a PCN.', admin: 'Accounts: add accounts, change roles, read the audit log.',
};
const allowed = (m) => (m === 'analyst' ? can('edit_plans') : m === 'admin' ? can('manage_accounts') : true);

function setMode(wanted, opts) {
  const mode = allowed(wanted) ? wanted : 'explore';
  state.mode = mode;
  document.body.dataset.mode = mode;
  for (const m of MODES) {
    const t = $('mode-' + m);
    t.setAttribute('aria-selected', m === mode ? 'true' : 'false');
    t.tabIndex = m === mode ? 0 : -1;
  }
  $('panel-body').setAttribute('aria-labelledby', 'mode-' + mode);
  $('analyst-tools').hidden = mode !== 'analyst';
  $('versions-section').hidden = mode !== 'analyst';
  $('health-tools').hidden = mode !== 'health';
  $('admin-tools').hidden = mode !== 'admin';
  $('plan-summary').hidden = mode === 'admin';
  $('comments').hidden = mode === 'admin';
  map.getContainer().classList.toggle('picking', mode === 'analyst');
  // a new mode starts at the top of its panel, not where the last one was scrolled to
  $('panel').scrollTop = 0;
  $('panel-body').scrollTop = 0;
  if (mode !== 'analyst') state.selectedBlocks.clear(); // selecting blocks is for moving them
  emit('mode-changed', { mode });
  refreshLegend();
  const h = new URLSearchParams(location.hash.slice(1));
  if (mode === 'explore') h.delete('mode'); else h.set('mode', mode);
  history.replaceState(null, '', '#' + h.toString());
  if (opts && opts.announce) announce(SAID[mode]);
}

/** Opens the mode the address names (#mode=analyst), if any. */
export function restoreMode() {
  const mode = new URLSearchParams(location.hash.slice(1)).get('mode');
  if (MODES.includes(mode) && mode !== 'explore') setMode(mode);
}

MODES.forEach((m) => {
  const t = $('mode-' + m);
  t.addEventListener('click', () => setMode(m, { announce: true }));
  t.addEventListener('keydown', (e) => {
    // only the tabs this user has: hidden ones are skipped
    const shown = MODES.filter((x) => !$('mode-' + x).hidden);
    const i = shown.indexOf(m);
    let j = null;
    if (e.key === 'ArrowRight') j = (i + 1) % shown.length;
    else if (e.key === 'ArrowLeft') j = (i + shown.length - 1) % shown.length;
    else if (e.key === 'Home') j = 0;
    else if (e.key === 'End') j = shown.length - 1;
    if (j === null) return;
    e.preventDefault();
    setMode(shown[j], { announce: true });
    $('mode-' + shown[j]).focus();
  });
});

on('session-changed', () => {
  $('mode-analyst').hidden = !can('edit_plans');
  $('mode-admin').hidden = !can('manage_accounts');
  if (!allowed(state.mode)) setMode('explore');
});
