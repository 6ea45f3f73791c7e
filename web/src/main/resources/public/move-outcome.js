/*
 * What a move, its preview, an undo or a restore did (or would do), in #preview-result: the verdict in plain
 * words with names, each touched area's residents, PCN alignment and whether it stays in one piece, and the
 * whole plan's alignment. A refused move's figures say what it would have done, so the table and the plan's
 * line always agree.
 */
import { $, clear, el } from './dom.js';
import { fmtInt, fmtPct, fmtPts, fmtSigned, num, sentence } from './format.js';
import { areaLabel, pcnName } from './state.js';

/** "In one piece?" after the move, from pieces_after (or contiguous_after / contiguous). */
function piecesText(a) {
  const pieces = num(a.pieces_after);
  if (pieces !== null) return pieces <= 1 ? (pieces === 0 ? 'Empty' : 'Yes') : 'No: ' + pieces + ' pieces';
  const c = a.contiguous_after !== undefined ? a.contiguous_after : a.contiguous;
  return c === false ? 'No' : c === true ? 'Yes' : '–';
}

/** The server's reason for a refusal, as a sentence (it names the blocks, areas and districts). */
export function plainReason(r) {
  return sentence(r.reason || r.error || 'The move is not allowed');
}

/** "SDA03 March: residents 40,100 to 41,250 (+1,150), alignment 61.0% to 62.4%; plan alignment 58.0% to 58.1%". */
export function describeOutcome(r, verb) {
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
  return (verb + ' ' + parts.join('; ')).trim() + '.';
}

/** Shows an outcome: how = 'preview' (a move not made yet), 'done' (made, undone, redone or restored: verdict given). */
export function showOutcome(r, how, verdictText) {
  $('preview-result').hidden = false;
  const verdict = $('preview-verdict');
  const refused = r.accepted === false;
  verdict.className = refused ? 'refused' : 'accepted';
  verdict.textContent = refused ? 'This move is not possible: ' + plainReason(r)
    : verdictText || (how === 'done' ? 'Done: the move is made.' : 'This move is possible. Check the figures, then choose “Make this move”.');
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
  const hasAreas = !!(r.areas && r.areas.length);
  $('preview-table').hidden = !hasAreas;
  const before = num(r.alignment_before), after = num(r.alignment_after);
  let line = '';
  if (hasAreas && before !== null && after !== null) {
    const change = fmtPct(before) + ' → ' + fmtPct(after) + ' (' + fmtPts(after - before) + ')';
    line = refused ? 'Had it been allowed, the whole plan\'s PCN alignment would go ' + change + '.' : 'Whole plan: PCN alignment ' + change + '.';
  }
  $('preview-plan').textContent = line;
}
