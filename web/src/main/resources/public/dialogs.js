/*
 * Modal dialogs (<dialog> in index.html): open one with the focus in it; when it closes the focus
 * goes back where it was. A dialog opened with stayOpen cannot be dismissed while stayOpen() is
 * true (the sign-in form when the planner is not open to the public).
 */
import { $ } from './dom.js';

const open = new WeakMap(); // dialog -> {opener, returnFocus, onClose, stayOpen, stayFocus}

/**
 * Opens a dialog and focuses focusEl; options: returnTo (where the focus goes after closing),
 * stayOpen (a function: while it is true the dialog cannot be dismissed) and stayFocus.
 */
export function openDialog(d, focusEl, options) {
  const opts = options || {};
  open.set(d, { opener: opts.returnTo || document.activeElement, returnFocus: null, onClose: null,
    stayOpen: opts.stayOpen || null, stayFocus: opts.stayFocus || null });
  if (!d.open) d.showModal();
  if (focusEl) focusEl.focus();
}

/** Closes a dialog; the focus goes to returnTo, or back to where it was before the dialog opened. */
export function closeDialog(d, returnTo) {
  const s = open.get(d);
  if (s) s.returnFocus = returnTo || null;
  if (d.open) d.close();
}

document.querySelectorAll('dialog').forEach((d) => {
  d.addEventListener('cancel', (e) => { const s = open.get(d); if (s && s.stayOpen) e.preventDefault(); });
  d.addEventListener('close', () => {
    const s = open.get(d) || {};
    if (s.stayOpen && s.stayOpen()) {
      // a browser may close it on Escape anyway: it comes back
      d.showModal();
      if (s.stayFocus) s.stayFocus.focus();
      return;
    }
    const t = s.returnFocus || s.opener;
    s.returnFocus = null;
    if (t && document.contains(t) && t.getClientRects().length) t.focus();
    if (s.onClose) { const f = s.onClose; s.onClose = null; f(); }
  });
});

/** A yes/no question in a dialog; resolves true when confirmed. */
export function confirmDialog(text, okLabel) {
  const d = $('confirm-dialog');
  $('confirm-text').textContent = text;
  $('confirm-ok').textContent = okLabel || 'OK';
  return new Promise((resolve) => {
    let answer = false;
    $('confirm-form').onsubmit = (e) => { e.preventDefault(); answer = true; closeDialog(d); };
    openDialog(d, $('confirm-cancel'));
    open.get(d).onClose = () => resolve(answer);
  });
}
$('confirm-cancel').addEventListener('click', () => closeDialog($('confirm-dialog')));
