/*
 * Colouring the areas by an indicator of the region's catalogue (GET /api/indicators, then
 * GET /api/plans/{id}/indicators/{indicator}): quantile classes, the chooser in the panel and
 * the indicator's legend. While one is chosen, state.areaFill holds each area's colour.
 */
import { api, path } from './api.js';
import { restyleAreas } from './areas-layer.js';
import { CHORO_COLOURS, NO_DATA } from './colours.js';
import { $, clear, el } from './dom.js';
import { announce, showError } from './feedback.js';
import { fmtInt, fmtPct } from './format.js';
import { addLegendSection, legendItem, refreshLegend, swatch } from './legend.js';
import { layerShown } from './map.js';
import { areaLabel, on, state } from './state.js';

let choro = null; // {indicator, part, parts, values: Map(area_id -> value), classes: [{lo, hi, count, colour}], region}

function choroFormat(ind, v) {
  if (v === null || v === undefined) return '–';
  if (!ind) return String(v);
  if (ind.kind === 'proportion' || ind.kind === 'distribution' || ind.kind === 'category_shares' || ind.kind === 'age_bands') return fmtPct(v);
  return fmtInt(v);
}
function classColour(v) {
  if (v === null || v === undefined) return NO_DATA;
  const k = choro.classes.find((c) => v >= c.lo && v <= c.hi);
  return k ? k.colour : NO_DATA;
}
/** Up to 5 quantile classes of the areas' values: each class holds about the same number of areas. */
function quantileClasses(values) {
  const v = values.filter((x) => x !== null && x !== undefined).sort((a, b) => a - b);
  if (!v.length) return [];
  const n = Math.min(5, v.length);
  const classes = [];
  let start = 0;
  for (let i = 0; i < n; i++) {
    let end = Math.round((i + 1) * v.length / n); // exclusive
    if (end <= start) continue;
    while (end < v.length && v[end] === v[end - 1]) end++; // equal values stay in one class
    classes.push({ lo: v[start], hi: v[end - 1], count: end - start });
    start = end;
    if (start >= v.length) break;
  }
  const colours = classes.length === 1 ? [CHORO_COLOURS[2]] : classes.map((c, i) => CHORO_COLOURS[Math.round(i * (CHORO_COLOURS.length - 1) / (classes.length - 1))]);
  classes.forEach((c, i) => { c.colour = colours[i]; });
  return classes;
}

/** Fills the chooser with the region's indicators (hidden when there are none). */
export async function loadIndicators() {
  const indicators = await api('/api/indicators');
  const sel = $('indicator-select');
  for (const i of indicators) sel.appendChild(el('option', { value: i.id, text: i.label }));
  $('choropleth-box').hidden = !indicators.length;
}

async function showIndicator(id, part) {
  if (!id) {
    choro = null;
    state.areaFill = null;
    $('indicator-part').hidden = true;
    $('indicator-part-label').hidden = true;
  } else {
    const r = await api(path`/api/plans/${state.planId}/indicators/${id}` + (part ? path`?part=${part}` : ''));
    const values = new Map(r.areas.map((a) => [a.area_id, a.value === null ? null : Number(a.value)]));
    choro = { indicator: r.indicator, part: r.part, parts: r.parts, values, region: r.region, classes: quantileClasses([...values.values()]) };
    state.areaFill = new Map([...values].map(([area, v]) => [area, classColour(v)]));
    const ps = clear($('indicator-part'));
    r.parts.forEach((k) => ps.appendChild(el('option', { value: k, text: k, selected: k === r.part })));
    ps.hidden = !r.parts.length;
    $('indicator-part-label').hidden = !r.parts.length;
    announce('Areas coloured by ' + r.indicator.label + (r.part ? ': ' + r.part : ''));
  }
  renderValues();
  restyleAreas();
  refreshLegend();
}
/** The map's colours as a list: every area with its value, the highest first (the map's list alternative). */
function renderValues() {
  $('choropleth-values').hidden = !choro;
  const tb = clear($('choropleth-table').querySelector('tbody'));
  if (!choro) return;
  [...choro.values].sort((p, q) => (q[1] === null ? -Infinity : q[1]) - (p[1] === null ? -Infinity : p[1]) || (p[0] < q[0] ? -1 : 1))
    .forEach(([area, v]) => tb.appendChild(el('tr', { dataset: { area } },
      el('th', { scope: 'row' }, swatch(classColour(v)), ' ', areaLabel(area)),
      el('td', { className: 'num', text: choroFormat(choro.indicator, v) }))));
}

$('indicator-select').addEventListener('change', () => showIndicator($('indicator-select').value, null).catch(showError));
$('indicator-part').addEventListener('change', () => showIndicator($('indicator-select').value, $('indicator-part').value).catch(showError));

// after an edit the areas change: the colouring follows
on('plan-loaded', () => { if (choro) showIndicator(choro.indicator.id, choro.part).catch(showError); });

addLegendSection('indicator', () => {
  if (!layerShown('areas') || !choro) return null;
  const c = choro;
  const fmt = (v) => choroFormat(c.indicator, v);
  const n = [...c.values.values()].filter((v) => v !== null).length;
  const title = c.indicator.label + (c.part ? ': share of “' + c.part + '”' : '');
  const items = c.classes.map((k) => legendItem(swatch(k.colour), fmt(k.lo) + ' to ' + fmt(k.hi) + ' (' + k.count + (k.count === 1 ? ' area)' : ' areas)')));
  if (n < c.values.size) items.push(legendItem(swatch(NO_DATA), 'no data'));
  return el('div', { className: 'legend-block', id: 'choropleth-legend', dataset: { indicator: c.indicator.id, classes: String(c.classes.length) } },
    el('p', { className: 'legend-title', text: title }),
    el('p', { className: 'legend-note', text: 'Source: ' + [c.indicator.source, c.indicator.vintage].filter(Boolean).join(', ') + '.' }),
    el('p', { className: 'legend-note', text: c.classes.length + (c.classes.length === 1 ? ' class' : ' quantile classes') + ' of the ' + n + ' areas (about equal numbers of areas in each; bounds are the lowest and highest area in the class). Region: ' + fmt(c.region) + '.' }),
    el('ul', null, items));
});

