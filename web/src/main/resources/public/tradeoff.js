/*
 * What balance costs, in the "New plan" dialog: the trade-off curve of `sda build --tradeoff` for the
 * form's choices (GET /api/tradeoff: the best alignment found and the bound no plan can beat, at ±10 …
 * 40% and no limit). The server works it out in the background; this module asks every second, shows
 * the progress and draws the points as they come: a chart with labelled axes, and the same figures as a
 * table whose buttons build a plan at that limit in one step.
 */
import { api, path } from './api.js';
import { $, clear, el, svgEl } from './dom.js';
import { fmtPct, num, withDistrictNames } from './format.js';
import { buildAt, buildChoices } from './plan-tools.js';
import { state } from './state.js';

const POLL_MS = 1000;
let asking = 0; // the current question: a newer one (or closing the dialog) stops the older

const label = (d) => (d === null ? 'No limit' : '±' + Math.round(d * 100) + '%');
const named = (text) => withDistrictNames(text, state.districtNames);

function query() {
  const c = buildChoices();
  delete c.max_deviation; // what the curve sweeps
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(c)) if (v !== undefined && v !== '') q.set(k, String(v));
  return q.toString();
}

async function ask() {
  const mine = ++asking;
  const box = $('tradeoff');
  box.hidden = false;
  $('tradeoff-status').textContent = 'Working out the best plan at each limit: this takes a few seconds per plan…';
  $('tradeoff-progress').hidden = false;
  $('tradeoff-progress').value = 0;
  const url = path`/api/tradeoff` + '?' + query();
  for (;;) {
    let curve;
    try {
      curve = await api(url);
    } catch (err) {
      if (mine === asking) { $('tradeoff-status').textContent = err.message; $('tradeoff-progress').hidden = true; }
      return;
    }
    if (mine !== asking || !$('plan-dialog').open) return;
    draw(curve);
    if (curve.status !== 'running') return;
    await new Promise((r) => setTimeout(r, POLL_MS));
    if (mine !== asking || !$('plan-dialog').open) return;
  }
}

function draw(curve) {
  const points = curve.points || [];
  $('tradeoff-progress').max = curve.total;
  $('tradeoff-progress').value = curve.done;
  $('tradeoff-progress').hidden = curve.status !== 'running';
  $('tradeoff-status').textContent = curve.status === 'failed' ? 'The curve could not be worked out: ' + curve.error
    : curve.status === 'running' ? 'Worked out ' + curve.done + ' of ' + curve.total + ' plans (' + curve.counts + ')…'
      : 'For ' + curve.counts + ': pick a limit and build a plan at it.';
  drawChart(points, curve.total);
  drawTable(points);
}

function drawTable(points) {
  const table = $('tradeoff-table');
  const body = clear(table.querySelector('tbody'));
  table.hidden = points.length === 0;
  for (const p of points) {
    const pct = p.max_deviation === null ? null : Math.round(p.max_deviation * 100);
    const built = p.alignment !== null;
    body.appendChild(el('tr', { dataset: { deviation: p.max_deviation === null ? 'none' : String(p.max_deviation) } },
      el('th', { scope: 'row', text: label(p.max_deviation) }),
      el('td', { className: built ? 'num' : '', text: built ? fmtPct(p.alignment) : 'No plan: ' + named(p.infeasible) }),
      el('td', { className: 'num', text: built && p.alignment_upper_bound !== null ? fmtPct(p.alignment_upper_bound) : '–' }),
      el('td', null, built ? el('button', {
        type: 'button', text: 'Build at ' + label(p.max_deviation).toLowerCase(), onclick: () => buildAt(pct),
      }) : '')));
  }
}

// the chart: one column per limit (the last one for no limit), alignment and its bound as two lines
const W = 460; const H = 230; const M = { l: 66, r: 30, t: 12, b: 46 };

function drawChart(points, total) {
  const box = clear($('tradeoff-chart'));
  const built = points.filter((p) => p.alignment !== null);
  if (!built.length) return;
  const values = built.flatMap((p) => [p.alignment, p.alignment_upper_bound]).filter((v) => num(v) !== null);
  const lo = Math.floor(Math.min(...values) * 50) / 50; const hi = Math.ceil(Math.max(...values) * 50) / 50 || lo + 0.02;
  const x = (i) => M.l + (W - M.l - M.r) * (total > 1 ? i / (total - 1) : 0.5);
  const y = (v) => M.t + (H - M.t - M.b) * (1 - (v - lo) / (hi - lo || 1));
  const svg = svgEl('svg', { viewBox: '0 0 ' + W + ' ' + H, role: 'img', 'aria-labelledby': 'tradeoff-chart-title' });
  svg.appendChild(svgEl('title', { id: 'tradeoff-chart-title' }, 'PCN alignment of the best plan found, and the most any plan'
    + ' could reach, against the largest size difference allowed; the table below gives the same figures'));
  svg.appendChild(svgEl('line', { x1: M.l, y1: H - M.b, x2: W - M.r, y2: H - M.b, class: 'tradeoff-axis' }));
  svg.appendChild(svgEl('line', { x1: M.l, y1: M.t, x2: M.l, y2: H - M.b, class: 'tradeoff-axis' }));
  for (let v = lo; v <= hi + 1e-9; v += (hi - lo) / 4) {
    svg.appendChild(svgEl('text', { x: M.l - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'tradeoff-tick' }, fmtPct(v, 1)));
  }
  points.forEach((p, i) => svg.appendChild(svgEl('text', { x: x(i), y: H - M.b + 16, 'text-anchor': 'middle', class: 'tradeoff-tick' },
    label(p.max_deviation))));
  svg.appendChild(svgEl('text', { x: (M.l + W - M.r) / 2, y: H - 6, 'text-anchor': 'middle', class: 'tradeoff-axis-title' },
    'Largest size difference allowed (± % of the average area)'));
  svg.appendChild(svgEl('text', { x: 12, y: (M.t + H - M.b) / 2, 'text-anchor': 'middle', class: 'tradeoff-axis-title',
    transform: 'rotate(-90 12 ' + (M.t + H - M.b) / 2 + ')' }, 'PCN alignment'));
  const line = (key, cls) => {
    const pts = points.map((p, i) => (num(p[key]) === null ? null : x(i) + ',' + y(p[key]))).filter(Boolean);
    if (pts.length > 1) svg.appendChild(svgEl('polyline', { points: pts.join(' '), class: cls }));
    points.forEach((p, i) => num(p[key]) !== null && svg.appendChild(svgEl('circle', { cx: x(i), cy: y(p[key]), r: 3.5, class: cls + '-dot' })));
  };
  line('alignment_upper_bound', 'tradeoff-bound');
  line('alignment', 'tradeoff-line');
  svg.appendChild(svgEl('text', { x: W - M.r, y: M.t + 4, 'text-anchor': 'end', class: 'tradeoff-key' }, 'solid: best found · dashed: no plan can beat'));
  box.appendChild(svg);
}

$('plan-tradeoff').addEventListener('click', ask);
// a changed question makes the curve shown an answer to another one: hide it until asked again
$('plan-build-fields').addEventListener('change', (e) => {
  if (e.target.id === 'plan-deviation-mode' || e.target.id === 'plan-deviation') return;
  asking++;
  $('tradeoff').hidden = true;
});
$('plan-dialog').addEventListener('close', () => { asking++; $('tradeoff').hidden = true; });
