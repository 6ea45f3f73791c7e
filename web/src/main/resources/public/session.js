/*
 * Who is signed in (GET /api/session) and the account dialogs: sign in, sign out, change my
 * password. Emits 'session-changed' whenever the permissions are applied, and 'user-changed'
 * when someone signs in or out; answers the API's 'session-ended' and 'session-stale'.
 */
import { api, setCsrfToken } from './api.js';
import { closeDialog, openDialog } from './dialogs.js';
import { $ } from './dom.js';
import { announce, formError, showError } from './feedback.js';
import { roleLabel } from './format.js';
import { emit, on, who } from './state.js';

const SIGNIN_WHY = 'Sign in with the user name and password your administrator gave you.';

/** Takes in an answer of /api/session; true when the session now belongs to someone else. */
function applySession(s) {
  const before = who.user ? who.user.username + ':' + who.user.role : '';
  who.signedIn = !!(s && s.signed_in);
  who.publicRead = !(s && s.public_read === false);
  who.permissions = new Set((s && s.permissions) || []);
  who.user = (s && s.user) || null;
  setCsrfToken(s && s.csrf_token);
  const u = who.user;
  document.body.dataset.user = u ? u.username : '';
  document.body.dataset.role = u ? u.role : '';
  $('signin-open').hidden = who.signedIn;
  $('account-menu').hidden = !who.signedIn;
  if (!who.signedIn) $('account-menu').open = false;
  $('account-name').textContent = u ? (u.display_name || u.username) : '';
  $('account-role').textContent = u ? roleLabel(u.role) : '';
  $('account-username').textContent = u ? u.username + ' (' + roleLabel(u.role) + ')' : '';
  $('account-summary').setAttribute('aria-label', u ? 'Signed in as ' + (u.display_name || u.username) + ', ' + roleLabel(u.role) + ': account menu' : 'Account menu');
  const changed = before !== (u ? u.username + ':' + u.role : '');
  emit('session-changed', { userChanged: changed });
  return changed;
}

/** Reads the session when the page starts (when the server cannot say, the data requests will). */
export async function readSession() {
  try {
    applySession(await api('/api/session', { quiet: true }));
  } catch (e) {
    applySession({ signed_in: false, public_read: true, permissions: ['view_plans'] });
  }
}
/** Shows or hides every tool by the permissions again (after the data has loaded). */
export const applyPermissions = () => emit('session-changed', { userChanged: false });

async function refreshSession() {
  if (applySession(await api('/api/session', { quiet: true }))) emit('user-changed');
}
on('session-stale', () => refreshSession().catch(() => { /* shown by the caller */ }));
on('session-ended', () => {
  const wasSignedIn = who.signedIn;
  refreshSession().catch(() => { /* the error is shown by the caller */ }).then(() => {
    if (!$('signin-dialog').open) openSignin(wasSignedIn ? 'Your session has ended. Sign in again to go on.' : 'This needs an account: sign in first.');
  });
});

/** Opens the sign-in dialog saying why; with required, it stays until someone signs in. */
export function openSignin(reason, opts) {
  const required = !!(opts && opts.required);
  $('signin-cancel').hidden = required;
  $('signin-why').textContent = reason || SIGNIN_WHY;
  $('signin-error').textContent = '';
  $('signin-password').value = '';
  openDialog($('signin-dialog'), $('signin-username').value ? $('signin-password') : $('signin-username'),
    required ? { stayOpen: () => !who.signedIn, stayFocus: $('signin-username') } : null);
}
$('signin-open').addEventListener('click', () => openSignin());
$('signin-cancel').addEventListener('click', () => closeDialog($('signin-dialog')));
$('signin-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const username = $('signin-username').value.trim();
  const password = $('signin-password').value;
  if (!username) { formError('signin-error', 'Enter your user name.'); $('signin-username').focus(); return; }
  if (!password) { formError('signin-error', 'Enter your password.'); $('signin-password').focus(); return; }
  $('signin-submit').disabled = true;
  try {
    const s = await api('/api/session', { method: 'POST', body: { username, password }, signingIn: true });
    $('signin-password').value = '';
    applySession(s);
    const u = who.user || { username };
    closeDialog($('signin-dialog'), $('account-summary'));
    announce('Signed in as ' + (u.display_name || u.username) + ' (' + roleLabel(u.role) + ').');
    emit('user-changed');
  } catch (err) {
    formError('signin-error', err.status === 401 ? 'Wrong user name or password, or the account is disabled.' : err.message);
    $('signin-password').focus();
    $('signin-password').select();
  } finally {
    $('signin-submit').disabled = false;
  }
});

$('signout').addEventListener('click', async () => {
  try {
    await api('/api/session', { method: 'DELETE' });
  } catch (e) {
    if (e.status !== 401) { showError(e); return; }
  }
  $('account-menu').open = false;
  if (!who.publicRead) { location.reload(); return; }
  applySession(await api('/api/session'));
  emit('user-changed');
  $('signin-open').focus();
  announce('Signed out.');
});
$('account-menu').addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && $('account-menu').open) { $('account-menu').open = false; $('account-summary').focus(); }
});

$('password-open').addEventListener('click', () => {
  $('account-menu').open = false;
  ['password-current', 'password-new', 'password-confirm'].forEach((id) => { $(id).value = ''; });
  $('password-error').textContent = '';
  openDialog($('password-dialog'), $('password-current'), { returnTo: $('account-summary') });
});
$('password-cancel').addEventListener('click', () => closeDialog($('password-dialog')));
$('password-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const current = $('password-current').value, next = $('password-new').value;
  if (!current) { formError('password-error', 'Enter your current password.'); $('password-current').focus(); return; }
  if (next.length < 10) { formError('password-error', 'The new password needs at least 10 characters.'); $('password-new').focus(); return; }
  if (next !== $('password-confirm').value) { formError('password-error', 'The two new passwords differ: type the same one twice.'); $('password-confirm').focus(); return; }
  $('password-submit').disabled = true;
  try {
    await api('/api/session/password', { method: 'POST', body: { current, new: next } });
    closeDialog($('password-dialog'));
    announce('Your password is changed. Your other sessions are signed out.');
  } catch (err) {
    formError('password-error', err.message);
  } finally {
    $('password-submit').disabled = false;
  }
});
