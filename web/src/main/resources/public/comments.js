/*
 * Comments on the open plan, for signed-in users (GET /api/plans/{id}/comments): the chosen
 * area's or the whole plan's, filtered, in threads with replies; editing and withdrawing one's
 * own, hiding and restoring with a reason for moderators; point comments as markers on the map.
 * Writing a new comment is comment-form.js.
 */
import { api, path } from './api.js';
import { blockArea, blockFeature } from './blocks.js';
import { $, clear, el } from './dom.js';
import { closeDialog, confirmDialog, openDialog } from './dialogs.js';
import { announce, formError, showError } from './feedback.js';
import { num, roleLabel, sentence, when } from './format.js';
import { L, fitFeature, map, mapPadding, showPoint } from './map.js';
import { openSignin } from './session.js';
import { areaLabel, can, chooseArea, on, state, who } from './state.js';

let list = [];        // the comments shown
let loadedFor = null; // what they were loaded for (plan, filters, reader)
let seq = 0;          // the latest request: older answers are dropped
let editing = null;   // id of the comment being edited
let replying = null;  // id of the thread being answered
let scopePref = 'area';
let markers = null;

const scopeArea = () => ($('comment-scope').value === 'area' && state.selectedArea ? state.selectedArea : null);
function commentQuery(format) {
  const q = new URLSearchParams();
  const area = scopeArea();
  if (area) q.set('area', area);
  if ($('comment-filter-status').value) q.set('status', $('comment-filter-status').value);
  if ($('comment-filter-about').value) q.set('about', $('comment-filter-about').value);
  const author = $('comment-filter-mine').checked && who.user ? who.user.username : $('comment-filter-author').value.trim().toLowerCase();
  if (author) q.set('author', author);
  if (format) q.set('format', format);
  return q.toString();
}
const filtered = () => !!($('comment-filter-status').value || $('comment-filter-about').value
  || $('comment-filter-author').value.trim() || $('comment-filter-mine').checked);

/** Loads the comments of the plan (or the chosen area) when what is asked for changed, or always with force. */
export async function loadComments(force) {
  if (!can('read_comments') || !state.planId || state.mode === 'admin') return;
  const key = state.planId + '?' + commentQuery() + '|' + (who.user ? who.user.username : '');
  if (!force && key === loadedFor) return;
  loadedFor = key;
  const mine = ++seq;
  const csv = $('comments-csv');
  csv.href = path`/api/plans/${state.planId}/comments` + '?' + commentQuery('csv');
  csv.setAttribute('download', 'plan-' + state.planId + '-comments.csv');
  const rows = await api(path`/api/plans/${state.planId}/comments` + '?' + commentQuery());
  if (mine !== seq) return;
  list = Array.isArray(rows) ? rows : [];
  renderComments();
  drawCommentMarkers();
}
function syncComments(force) {
  if (state.plan) renderCommentScope();
  loadComments(force).catch(showError);
}

function commentContext(c) {
  const then = c.area_name_then, now = c.area_name_now;
  const area = c.area_id ? c.area_id + (then && then !== c.area_id ? ' “' + then + '”' : '')
    + (now && now !== then ? ' (now “' + now + '”)' : '') : 'no area';
  const at = 'at plan revision ' + c.plan_revision + (c.plan_version ? ', after saved version ' + c.plan_version : '');
  const place = c.block_name || c.block_code || 'the region';
  if (c.about === 'parish') {
    return 'Pinned to ' + place + ', then in area ' + area
      + (c.block_area_now && c.block_area_now !== c.area_id ? ' (now in ' + c.block_area_now + ')' : '') + '; written ' + at + '.';
  }
  if (c.about === 'point') {
    const lat = num(c.lat), lon = num(c.lon);
    return 'Pinned to a point in ' + place + (lat !== null && lon !== null ? ' (' + lat.toFixed(4) + ', ' + lon.toFixed(4) + ')' : '')
      + ', then in area ' + area + '; written ' + at + '.';
  }
  return 'Written about area ' + area + ' ' + at + '.';
}
function statusLine(c) {
  if (c.status === 'hidden') {
    return 'Hidden by ' + (c.moderated_by || 'a moderator') + (c.moderated_at ? ' on ' + when(c.moderated_at) : '') + '. Reason: '
      + sentence(c.moderation_reason || 'none given') + (c.text !== null && c.text !== undefined ? (c.own ? ' Only you and moderators still see its text.' : ' You see its text as a moderator.') : '');
  }
  if (c.status === 'withdrawn') {
    return c.own ? 'You withdrew this comment: only you and moderators still see its text.'
      : 'Withdrawn by its author' + (c.text !== null && c.text !== undefined ? ': you see its text as a moderator.' : '.');
  }
  if (c.moderated_at) return 'Restored by ' + (c.moderated_by || 'a moderator') + ' on ' + when(c.moderated_at) + '. Reason: ' + sentence(c.moderation_reason || 'none given');
  return null;
}
const actionButton = (action, label, aria, fn) => el('button', { type: 'button', className: 'link-button', dataset: { action }, 'aria-label': aria, onclick: fn }, label);

function commentArticle(c, isReply) {
  const author = c.author || 'someone';
  const art = el('article', {
    className: 'comment', id: 'comment-' + c.id, tabindex: '-1', 'aria-labelledby': 'comment-meta-' + c.id,
    dataset: { comment: String(c.id), status: c.status, about: c.about || '', own: c.own ? 'true' : 'false' },
  });
  art.appendChild(el('p', { className: 'comment-meta', id: 'comment-meta-' + c.id },
    el('span', { className: 'comment-author', text: author }), ' (' + roleLabel(c.author_role) + (c.own ? ', you' : '') + ')',
    isReply ? ' replied' : '', ' · ', el('time', { datetime: c.created_at, text: when(c.created_at) }),
    c.edited_at && c.status === 'visible' ? ' · edited ' + when(c.edited_at) : ''));
  art.appendChild(el('p', { className: 'comment-context', text: isReply ? 'Written at plan revision ' + c.plan_revision + '.' : commentContext(c) }));
  if (editing === c.id && c.own && c.status === 'visible') {
    art.appendChild(editForm(c));
  } else if (c.text !== null && c.text !== undefined) {
    art.appendChild(el('p', { className: 'comment-text', text: c.text }));
  } else {
    art.appendChild(el('p', { className: 'comment-text gone', text: c.status === 'withdrawn' ? 'Withdrawn by its author.' : 'Hidden by a moderator.' }));
  }
  const status = statusLine(c);
  if (status) art.appendChild(el('p', { className: 'comment-moderation', text: status }));
  const actions = el('div', { className: 'comment-actions' });
  const visible = c.status === 'visible';
  if (!isReply && visible && can('comment')) {
    actions.appendChild(actionButton('reply', 'Reply', 'Reply to ' + author, () => { replying = c.id; editing = null; renderComments(); focusLater('reply-text-' + c.id); }));
  }
  if (c.own && visible && can('comment')) {
    actions.appendChild(actionButton('edit', 'Edit', 'Edit your comment of ' + when(c.created_at), () => { editing = c.id; replying = null; renderComments(); focusLater('comment-edit-' + c.id); }));
    actions.appendChild(actionButton('withdraw', 'Withdraw', 'Withdraw your comment of ' + when(c.created_at), () => withdrawComment(c).catch(showError)));
  }
  if (can('moderate') && visible) actions.appendChild(actionButton('hide', 'Hide', 'Hide the comment by ' + author, () => moderateComment(c, 'hide')));
  if (can('moderate') && c.status === 'hidden') actions.appendChild(actionButton('restore', 'Restore', 'Restore the comment by ' + author, () => moderateComment(c, 'restore')));
  if (!isReply && (c.area_id || c.block_code || c.lat !== null)) {
    actions.appendChild(actionButton('show', 'Show on the map', 'Show on the map what the comment by ' + author + ' is about', () => showCommentPlace(c)));
  }
  if (actions.firstChild) art.appendChild(actions);
  return art;
}
function focusLater(id) {
  window.setTimeout(() => { const e = $(id); if (e) e.focus(); }, 0);
}
/** Scrolls to a comment and focuses it; false when it is not in the list. */
export function focusComment(id) {
  const a = $('comment-' + id);
  if (a) { a.scrollIntoView({ block: 'nearest' }); a.focus(); }
  return !!a;
}
function renderComments() {
  const ol = clear($('comment-list'));
  const ids = new Set(list.map((c) => c.id));
  const roots = [];
  const replies = new Map();
  for (const c of list) {
    if (c.parent === null || c.parent === undefined || !ids.has(c.thread_id)) roots.push(c);
    else {
      if (!replies.has(c.thread_id)) replies.set(c.thread_id, []);
      replies.get(c.thread_id).push(c);
    }
  }
  roots.sort((p, q) => q.id - p.id); // newest thread first; replies in the order they were written
  for (const r of roots) {
    const li = el('li', { className: 'comment-thread', dataset: { thread: String(r.thread_id) } }, commentArticle(r, r.parent !== null && r.parent !== undefined));
    const reps = replies.get(r.id) || [];
    if (reps.length) {
      li.appendChild(el('ol', { className: 'comment-replies', 'aria-label': 'Replies to ' + (r.author || 'the comment') },
        reps.map((x) => el('li', null, commentArticle(x, true)))));
    }
    if (replying === r.id) li.appendChild(replyForm(r));
    ol.appendChild(li);
  }
  if (!roots.length) ol.appendChild(el('li', { className: 'hint comment-empty', text: filtered() ? 'No comments match these filters.' : 'No comments yet.' }));
  $('comment-count').textContent = '(' + list.length + ')';
}

function textForm(opts) {
  const ta = el('textarea', { id: opts.id, rows: '3', maxlength: '4000' });
  ta.value = opts.value || '';
  const err = el('p', { className: 'form-error', role: 'alert', id: opts.id + '-error' });
  const form = el('form', { className: 'inline-form', novalidate: true },
    el('label', { for: opts.id, text: opts.label }), ta, err,
    el('div', { className: 'button-row' },
      el('button', { type: 'submit', className: 'primary', text: opts.submit }),
      el('button', { type: 'button', text: 'Cancel', onclick: opts.cancel })));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!ta.value.trim()) { formError(err.id, 'Write something first.'); ta.focus(); return; }
    try {
      await opts.send(ta.value);
    } catch (x) {
      formError(err.id, x.message);
      if (x.status === 409) loadComments(true).catch(showError);
    }
  });
  return form;
}
function editForm(c) {
  return textForm({
    id: 'comment-edit-' + c.id, label: 'Edit your comment', value: c.text, submit: 'Save changes',
    cancel: () => { editing = null; renderComments(); focusComment(c.id); },
    send: async (text) => {
      await api(path`/api/comments/${c.id}`, { method: 'PATCH', body: { text, revision: c.revision } });
      editing = null;
      await loadComments(true);
      focusComment(c.id);
      announce('Your comment is changed.');
    },
  });
}
function replyForm(root) {
  return textForm({
    id: 'reply-text-' + root.id, label: 'Your reply to ' + (root.author || 'this comment'), submit: 'Post reply',
    cancel: () => { replying = null; renderComments(); focusComment(root.id); },
    send: async (text) => {
      const r = await api(path`/api/plans/${state.planId}/comments`, { method: 'POST', body: { text, parent: root.id } });
      replying = null;
      await loadComments(true);
      if (!(r && focusComment(r.id))) focusComment(root.id);
      announce('Your reply is posted.');
    },
  });
}
async function withdrawComment(c) {
  const ok = await confirmDialog('Withdraw your comment? It stays in the record, marked as withdrawn; only you and moderators can still read it.', 'Withdraw');
  if (!ok) { focusComment(c.id); return; }
  try {
    await api(path`/api/comments/${c.id}/withdraw`, { method: 'POST', body: { revision: c.revision } });
    announce('Your comment is withdrawn.');
  } catch (e) {
    showError(e);
  }
  await loadComments(true);
  focusComment(c.id);
}
function moderateComment(c, action) {
  const d = $('moderate-dialog');
  const hide = action === 'hide';
  $('moderate-title').textContent = hide ? 'Hide this comment' : 'Restore this comment';
  $('moderate-submit').textContent = hide ? 'Hide' : 'Restore';
  $('moderate-quote').textContent = (c.author || '') + ': ' + (c.text === null || c.text === undefined ? '(no text)' : c.text);
  $('moderate-reason').value = '';
  $('moderate-error').textContent = '';
  $('moderate-form').onsubmit = async (e) => {
    e.preventDefault();
    const reason = $('moderate-reason').value.trim();
    if (!reason) { formError('moderate-error', 'Give a reason: it is shown with the comment and kept in the audit log.'); $('moderate-reason').focus(); return; }
    $('moderate-submit').disabled = true;
    try {
      await api(path`/api/comments/${c.id}/${action}`, { method: 'POST', body: { reason, revision: c.revision } });
      closeDialog(d);
      await loadComments(true);
      focusComment(c.id);
      announce(hide ? 'The comment is hidden.' : 'The comment is restored.');
    } catch (x) {
      formError('moderate-error', x.message);
      if (x.status === 409) loadComments(true).catch(showError);
    } finally {
      $('moderate-submit').disabled = false;
    }
  };
  openDialog(d, $('moderate-reason'));
}
$('moderate-cancel').addEventListener('click', () => closeDialog($('moderate-dialog')));

function showCommentPlace(c) {
  const lat = num(c.lat), lon = num(c.lon);
  if (lat !== null && lon !== null) {
    showPoint(L.latLng(lat, lon), Math.max(map.getZoom(), 13));
    announce('Showing the point of the comment on the map.');
    return;
  }
  const area = c.block_code ? blockArea(c.block_code) : c.area_id;
  if (area && state.areas.has(area)) chooseArea(area, { zoom: !c.block_code });
  if (c.block_code) {
    const f = blockFeature(c.block_code);
    if (f) fitFeature(f, Object.assign({ maxZoom: 13 }, mapPadding(20)));
  }
  announce('Showing ' + (c.block_name || areaLabel(area)) + ' on the map.');
}

/**
 * Point comments as markers; a click on one brings its comment into view. Only visible comments: a
 * withdrawn or hidden one stays in the list for who may read it, but no longer marks its place.
 */
function drawCommentMarkers() {
  if (markers) { markers.remove(); markers = null; }
  if (!can('read_comments') || state.mode === 'admin') return;
  const group = L.layerGroup();
  for (const c of list) {
    const lat = num(c.lat), lon = num(c.lon);
    if (c.about !== 'point' || c.status !== 'visible' || lat === null || lon === null) continue;
    const m = L.circleMarker([lat, lon], {
      pane: 'comments', radius: 7, color: '#3d1466', weight: 2, bubblingMouseEvents: false, className: 'comment-marker',
      fillColor: '#b07cd8', fillOpacity: 0.95,
    });
    const excerpt = c.text ? (c.text.length > 60 ? c.text.slice(0, 59) + '…' : c.text) : '(' + c.status + ')';
    m.bindTooltip(el('span', { text: (c.author || '') + ': ' + excerpt }), { direction: 'top' });
    m.on('click', () => { if (!focusComment(c.id)) announce('That comment is not in the list: change the filters.'); });
    group.addLayer(m);
  }
  markers = group.addTo(map);
  map.getContainer().dataset.commentMarkers = String(group.getLayers().length);
}

/** Which comments are shown: the chosen area's (when there is one and it is asked for) or the plan's. */
function renderCommentScope() {
  const scope = $('comment-scope');
  const areaOpt = scope.querySelector('option[value="area"]');
  areaOpt.disabled = !state.selectedArea;
  areaOpt.textContent = state.selectedArea ? 'area ' + areaLabel(state.selectedArea) : 'the chosen area (choose one first)';
  if (!state.selectedArea && scope.value === 'area') scope.value = 'plan';
  else if (state.selectedArea && scopePref === 'area') scope.value = 'area';
  $('comments-title').textContent = scopeArea() ? 'Comments on ' + areaLabel(state.selectedArea) : 'Comments on this plan';
  $('area-comments-link').hidden = !can('read_comments');
}
$('comment-scope').addEventListener('change', () => { scopePref = $('comment-scope').value; syncComments(); });
['comment-filter-status', 'comment-filter-about', 'comment-filter-mine'].forEach((id) => $(id).addEventListener('change', () => syncComments()));
let authorTimer = null;
$('comment-filter-author').addEventListener('input', () => { window.clearTimeout(authorTimer); authorTimer = window.setTimeout(() => syncComments(), 400); });
$('area-comments-link').addEventListener('click', () => {
  scopePref = 'area';
  $('comment-scope').value = 'area';
  syncComments();
  $('comments-title').scrollIntoView({ block: 'start' });
  $('comments-title').focus();
});
$('comments-signin-button').addEventListener('click', () => openSignin('Sign in to read and write comments.'));

on('plan-opening', () => { loadedFor = null; list = []; editing = null; replying = null; });
on(['plan-loaded', 'area-chosen', 'selection-changed', 'user-changed'], () => syncComments());
on('blocks-loaded', () => { if (state.selectedArea) syncComments(); });
on('mode-changed', () => { syncComments(); drawCommentMarkers(); });
on('area-renamed', () => { loadedFor = null; syncComments(true); });
on('session-changed', ({ userChanged }) => {
  if (userChanged) { loadedFor = null; editing = null; replying = null; }
  $('comments-signin').hidden = who.signedIn;
  $('comments-body').hidden = !can('read_comments');
  if (!can('read_comments')) {
    list = [];
    loadedFor = null;
    drawCommentMarkers();
  }
  if (state.started) syncComments();
});
