/*
 * The Accounts screen for admins: add accounts (a generated password is shown once), change
 * roles, disable and enable, reset passwords (GET/POST/PATCH /api/accounts), and the security
 * audit log (GET /api/audit-log). Every change sends the account's revision.
 */
import { api, path } from './api.js';
import { confirmDialog } from './dialogs.js';
import { $, clear, el } from './dom.js';
import { announce, formError, showError } from './feedback.js';
import { roleLabel, when } from './format.js';
import { on, state, who } from './state.js';

const ROLES = ['member', 'health-partner', 'analyst', 'admin'];
let accounts = [];

async function loadAdmin() {
  await Promise.all([loadAccounts(), loadAudit()]);
}
async function loadAccounts() {
  const rows = await api('/api/accounts');
  accounts = Array.isArray(rows) ? rows : [];
  renderAccounts();
}
function renderAccounts() {
  const ul = clear($('account-list'));
  const me = who.user ? who.user.username : null;
  for (const a of accounts) {
    const u = a.username;
    const sid = 'role-' + u.replace(/[^a-z0-9_-]/g, '_');
    const roleSel = el('select', { id: sid }, ROLES.map((r) => el('option', { value: r, text: roleLabel(r), selected: r === a.role })));
    const roleBtn = el('button', { type: 'button', dataset: { action: 'role' }, disabled: true, 'aria-label': 'Change role of ' + u }, 'Change role');
    roleSel.addEventListener('change', () => { roleBtn.disabled = roleSel.value === a.role; });
    roleBtn.addEventListener('click', () => changeAccount(a, { role: roleSel.value }, 'The role of ' + u + ' is now ' + roleLabel(roleSel.value) + '.').catch(showError));
    ul.appendChild(el('li', { dataset: { username: u, role: a.role, disabled: a.disabled ? 'true' : 'false' } },
      el('p', { className: 'account-head' }, el('strong', { text: a.display_name || u }), ' ', el('span', { className: 'hint', text: u + (u === me ? ' (you)' : '') }),
        ' · ', a.disabled ? el('span', { className: 'disabled-tag', text: 'disabled' }) : el('span', { text: 'active' })),
      el('div', { className: 'button-row' }, el('label', { for: sid, text: 'Role' }), roleSel, roleBtn),
      el('div', { className: 'button-row' },
        el('button', {
          type: 'button', dataset: { action: a.disabled ? 'enable' : 'disable' }, 'aria-label': (a.disabled ? 'Enable ' : 'Disable ') + u,
          onclick: () => toggleDisabled(a).catch(showError),
        }, a.disabled ? 'Enable' : 'Disable'),
        el('button', { type: 'button', dataset: { action: 'reset' }, 'aria-label': 'Reset password of ' + u, onclick: () => resetPassword(a).catch(showError) }, 'Reset password'))));
  }
  if (!accounts.length) ul.appendChild(el('li', { text: 'No accounts.' }));
}
const accountRow = (username) => '#account-list li[data-username="' + CSS.escape(username) + '"]';
async function changeAccount(a, change, done) {
  try {
    await api(path`/api/accounts/${a.username}`, { method: 'PATCH', body: Object.assign({ revision: a.revision }, change) });
  } catch (e) {
    if (e.status !== 409 || !e.data || e.data.revision === undefined) throw e;
    // changed since the list was loaded (by another admin, or by them: a password change counts)
    await loadAdmin();
    const sel = document.querySelector(accountRow(a.username) + ' select');
    if (sel && change.role) { sel.value = change.role; sel.dispatchEvent(new Event('change')); }
    showError(new Error('The account ' + a.username + ' was changed a moment ago, by another admin or by its owner. '
      + 'The list is up to date now: check it and try again.'));
    return;
  }
  await loadAdmin();
  announce(done);
  const li = document.querySelector(accountRow(a.username) + ' button');
  if (li) li.focus();
}
async function toggleDisabled(a) {
  if (!a.disabled) {
    const ok = await confirmDialog('Disable ' + a.username + '? They are signed out at once and cannot sign in until the account is enabled again.', 'Disable');
    if (!ok) return;
  }
  await changeAccount(a, { disabled: !a.disabled }, (a.disabled ? 'Enabled ' : 'Disabled ') + a.username + '.');
}
function showPassword(text, password) {
  $('password-result-text').textContent = text;
  $('generated-password').textContent = password;
  $('password-result').hidden = false;
  $('password-result').focus();
  announce(text + ' The password is shown once, below.');
}
$('password-result-close').addEventListener('click', () => {
  $('password-result').hidden = true;
  $('generated-password').textContent = '';
  $('new-username').focus();
});
async function resetPassword(a) {
  const ok = await confirmDialog('Reset the password of ' + a.username + '? Their sessions end, and a new password is shown once for you to pass on.', 'Reset password');
  if (!ok) return;
  const r = await api(path`/api/accounts/${a.username}/password`, { method: 'POST', body: {} });
  await loadAdmin();
  if (r && r.generated_password) showPassword('New password for ' + a.username + ':', r.generated_password);
}
$('account-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const username = $('new-username').value.trim().toLowerCase();
  if (!username) { formError('account-form-error', 'Enter a user name.'); $('new-username').focus(); return; }
  const req = { username, role: $('new-role').value };
  if ($('new-display-name').value.trim()) req.display_name = $('new-display-name').value.trim();
  if ($('new-password').value) req.password = $('new-password').value;
  formError('account-form-error', '');
  $('account-add').disabled = true;
  try {
    const r = await api('/api/accounts', { method: 'POST', body: req });
    ['new-username', 'new-display-name', 'new-password'].forEach((id) => { $(id).value = ''; });
    await loadAdmin();
    if (r && r.generated_password) showPassword('Account ' + r.username + ' (' + roleLabel(r.role) + ') is added. Its password:', r.generated_password);
    else announce('Account ' + username + ' is added with the password you chose.');
  } catch (err) {
    formError('account-form-error', err.message);
  } finally {
    $('account-add').disabled = false;
  }
});

async function loadAudit() {
  const action = $('audit-action').value;
  const rows = await api('/api/audit-log?limit=200' + (action ? path`&action=${action}` : ''));
  const ol = clear($('audit-log'));
  for (const r of Array.isArray(rows) ? rows : []) {
    ol.appendChild(el('li', { dataset: { action: r.action } },
      el('time', { datetime: r.at, text: when(r.at) }), ' · ', el('span', { text: r.actor || '?' }), ' · ',
      el('span', { className: 'audit-action', text: r.action }), r.target ? ' · ' + r.target : '',
      r.detail ? ' — ' + r.detail : '', r.remote ? ' (' + r.remote + ')' : ''));
  }
  if (!ol.firstChild) ol.appendChild(el('li', { text: 'Nothing logged.' }));
}
$('audit-action').addEventListener('change', () => loadAudit().catch(showError));
$('audit-refresh').addEventListener('click', () => loadAudit().then(() => announce('Audit log refreshed.')).catch(showError));

on('mode-changed', ({ mode }) => { if (mode === 'admin') loadAdmin().catch(showError); });
on('user-changed', () => { if (state.started && state.mode === 'admin') loadAdmin().catch(showError); });
