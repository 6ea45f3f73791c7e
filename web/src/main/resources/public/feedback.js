/* Telling people what happened: the error box in the panel, the polite live region, form alerts. */
import { $ } from './dom.js';

/** Shows an error in the panel's error box (and in the console for whoever debugs). */
export function showError(err) {
  $('error-text').textContent = err && err.message ? err.message : String(err);
  $('error').hidden = false;
  if (window.console) console.warn('sda:', err);
}
$('error-close').addEventListener('click', () => { $('error').hidden = true; });

/** Announces a sentence in the polite live region (re-announces the same text too). */
export function announce(text) {
  const live = $('live');
  live.textContent = '';
  window.setTimeout(() => { live.textContent = text; }, 30);
}

/** Shows a message in a form's alert region (cleared first, so the same message is announced again). */
export function formError(id, text) {
  const p = $(id);
  p.textContent = '';
  if (text) window.setTimeout(() => { p.textContent = text; }, 30);
}
