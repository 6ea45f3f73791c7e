/*
 * Area profile charts and key figures, shared by the map page (profiles.js) and the printable
 * profile (profile.js). Plain SVG, no libraries. Input: the answer of
 * GET /api/plans/{id}/areas/{areaId}/profile ({area, districts, region, indicators}).
 * Everything from the API is written with textContent or attributes, never innerHTML.
 *
 * Stable hooks: table.profile-figures (rows tr[data-indicator], cells td.area|td.district|td.region),
 * figure.profile-chart[data-indicator] (one per chart), p.profile-source.
 */
import { el, svgEl } from './dom.js';
import { fmtInt, fmtPct, num } from './format.js';

const COLOURS = { area: '#0b5cad', district: '#e08a00', district2: '#b35c00', district3: '#7a3e00', region: '#8c959f' };

/** The key figures: indicator id and how it is shown. */
export const KEY_FIGURES = [
  { id: 'residents', label: 'Residents' },
  { id: 'registered_patients', label: 'GP registered patients living here' },
  { id: 'aged_65_plus', label: 'Aged 65 and over' },
  { id: 'social_rented', label: 'Households renting socially' },
  { id: 'overcrowded', label: 'Households overcrowded' },
  { id: 'disabled', label: 'Disabled (Equality Act)' },
  { id: 'imd_rank', label: 'IMD 2019 rank (population-weighted; 1 = most deprived)' },
  { id: 'crime_total', label: 'Crimes recorded in January 2021' },
];
export const CHARTS = [
  { id: 'age_bands', title: 'Age structure', max: 99 },
  { id: 'imd_decile', title: 'Residents by deprivation (IMD 2019 decile)', max: 99 },
  { id: 'tenure', title: 'Household tenure', max: 8 },
  { id: 'ethnicity', title: 'Ethnic group', max: 8 },
];

function catalogue(resp) {
  const m = new Map();
  (resp.indicators || []).forEach((i) => m.set(i.id, i));
  return m;
}

/** "vintage · source · licence" of an indicator. */
export function sourceText(ind) {
  if (!ind) return '';
  return [ind.vintage, ind.source, ind.licence].filter(Boolean).join(' · ');
}

/** An indicator's value as text (count, proportion or weighted mean). */
function valueText(ind, v) {
  if (!ind || !v || num(v.value) === null) return '–';
  if (ind.kind === 'proportion') return fmtPct(v.value);
  return fmtInt(v.value);
}

const areaLabel = (resp) => resp.area.name && resp.area.name !== resp.area.id ? resp.area.id + ' ' + resp.area.name : resp.area.id;

/** The districts to compare with (at most 3), then the region: [{key, label, profile, colour}]. */
function comparators(resp) {
  const ds = (resp.districts || []).slice(0, 3);
  const out = ds.map((d, i) => ({ key: 'district', label: d.name + ' (district)', head: d.name, profile: d, colour: [COLOURS.district, COLOURS.district2, COLOURS.district3][i] }));
  out.push({ key: 'region', label: (resp.region ? resp.region.name : 'the region') + ' (region)', head: 'Region', profile: resp.region, colour: COLOURS.region });
  return out;
}

/** The key figures as a table: figure, this area, its district(s), the region; each with its date and source. */
export function keyFigures(resp) {
  const cat = catalogue(resp);
  const comps = comparators(resp);
  const head = el('tr', null, el('th', { scope: 'col', text: 'Figure' }), el('th', { scope: 'col', className: 'num', text: resp.area.id, title: areaLabel(resp) + ' (this area)' }),
    comps.map((c) => el('th', { scope: 'col', className: 'num', text: c.head, title: c.label })));
  const rows = [];
  for (const f of KEY_FIGURES) {
    const ind = cat.get(f.id);
    if (!ind) continue;
    const val = (p) => valueText(ind, p && p.values ? p.values[f.id] : null);
    rows.push(el('tr', { 'data-indicator': f.id },
      el('th', { scope: 'row' }, el('span', { text: f.label }), el('span', { className: 'profile-source', text: sourceText(ind) })),
      el('td', { className: 'area', text: val(resp.area) }),
      comps.map((c) => el('td', { className: c.key, text: val(c.profile) }))));
  }
  return el('table', { className: 'profile-figures data' },
    el('caption', { text: 'Key figures: ' + areaLabel(resp) + ' next to ' + comps.map((c) => c.label).join(' and ') }),
    el('thead', null, head), el('tbody', null, rows));
}

const DECILE = /^\d+$/;
function partLabel(id, key) {
  if (id === 'imd_decile' && DECILE.test(key)) {
    return 'Decile ' + key + (key === '1' ? ' (most deprived)' : key === '10' ? ' (least deprived)' : '');
  }
  return key;
}

/** The parts shown: in order (numeric keys sorted as numbers), the largest `max` and the rest as "all others". */
function parts(id, series, max) {
  let keys = [];
  series.forEach((s) => Object.keys(s.shares || {}).forEach((k) => { if (!keys.includes(k)) keys.push(k); }));
  if (keys.every((k) => DECILE.test(k))) keys.sort((a, b) => Number(a) - Number(b));
  if (keys.length > max) {
    const big = keys.map((k) => [k, Math.max(...series.map((s) => Number((s.shares || {})[k] || 0)))])
      .sort((a, b) => b[1] - a[1]).slice(0, max - 1).map((p) => p[0]);
    const kept = keys.filter((k) => big.includes(k));
    return { keys: kept, other: true };
  }
  return { keys, other: false };
}

/** A label as lines of at most about n characters, broken between words (a longer word keeps a line of its own). */
function wrap(text, n) {
  const lines = [];
  let line = '';
  for (const word of String(text).split(/\s+/)) {
    if (line && (line + ' ' + word).length > n) { lines.push(line); line = word; } else line = line ? line + ' ' + word : word;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

/** One chart: grouped horizontal bars of shares, the area next to its district(s) and the region. */
function chart(resp, spec, cat) {
  const ind = cat.get(spec.id);
  const av = resp.area.values ? resp.area.values[spec.id] : null;
  if (!ind || !av || !av.shares || !Object.keys(av.shares).length) return null;
  const comps = comparators(resp);
  const series = [{ label: areaLabel(resp) + ' (this area)', colour: COLOURS.area, shares: av.shares }]
    .concat(comps.map((c) => ({ label: c.label, colour: c.colour, shares: (c.profile && c.profile.values && c.profile.values[spec.id] || {}).shares || {} })));
  const { keys, other } = parts(spec.id, series, spec.max);
  const rows = keys.map((k) => ({ label: partLabel(spec.id, k), values: series.map((s) => Number(s.shares[k] || 0)) }));
  if (other) {
    rows.push({ label: 'All other groups', values: series.map((s) => Math.max(0, 1 - keys.reduce((t, k) => t + Number(s.shares[k] || 0), 0))) });
  }
  const maxShare = Math.max(0.0001, ...rows.flatMap((r) => r.values));
  const barH = 5, gap = 6, labelW = 165, barW = 165, W = 380, lineH = 10;
  // labels wrap onto as many lines as they need (never cut): each row is as tall as its label or its bars
  rows.forEach((r) => { r.lines = wrap(r.label, 30); r.h = Math.max(series.length * barH + gap, r.lines.length * lineH + 3); });
  const H = rows.reduce((s, r) => s + r.h, 0) + 4;
  const svg = svgEl('svg', { viewBox: '0 0 ' + W + ' ' + H, role: 'img', class: 'profile-svg', width: '100%' });
  const summary = rows.map((r) => r.label + ' ' + fmtPct(r.values[0]) + ' (' + series.slice(1).map((s, i) => s.label + ' ' + fmtPct(r.values[i + 1])).join(', ') + ')').join('; ');
  svg.setAttribute('aria-label', spec.title + ', share of the total: ' + summary);
  svg.appendChild(svgEl('title', null, spec.title + ': ' + summary));
  let y = 2;
  rows.forEach((r) => {
    const top = y + (r.h - r.lines.length * lineH) / 2 + lineH / 2;
    const t = svgEl('text', { x: labelW - 6, y: top, 'text-anchor': 'end', 'dominant-baseline': 'middle', class: 'chart-label' });
    r.lines.forEach((line, k) => t.appendChild(svgEl('tspan', { x: labelW - 6, y: (top + k * lineH).toFixed(1) }, line)));
    svg.appendChild(t);
    const bars = y + (r.h - series.length * barH) / 2;
    r.values.forEach((v, s) => {
      const w = Math.max(0.5, v / maxShare * barW);
      const rect = svgEl('rect', { x: labelW, y: (bars + s * barH).toFixed(1), width: w.toFixed(1), height: barH - 0.6, fill: series[s].colour });
      rect.appendChild(svgEl('title', null, series[s].label + ': ' + fmtPct(v)));
      svg.appendChild(rect);
    });
    svg.appendChild(svgEl('text', { x: labelW + Math.max(0.5, r.values[0] / maxShare * barW) + 3, y: (bars + barH - 0.5).toFixed(1), class: 'chart-value', 'dominant-baseline': 'middle' }, fmtPct(r.values[0], 0)));
    y += r.h;
  });
  const key = el('ul', { className: 'chart-key' }, series.map((s) => el('li', null,
    el('span', { className: 'swatch', style: { background: s.colour }, 'aria-hidden': 'true' }), el('span', { text: s.label }))));
  return el('figure', { className: 'profile-chart', 'data-indicator': spec.id },
    el('figcaption', null, el('strong', { text: spec.title }), ' ', el('span', { className: 'hint', text: '(share of ' + (spec.id === 'tenure' ? 'households' : 'residents') + '; label: this area)' })),
    key, svg, el('p', { className: 'profile-source', text: sourceText(ind) }));
}

/** All charts that have data, in a div. */
export function charts(resp) {
  const cat = catalogue(resp);
  return el('div', { className: 'profile-charts' }, CHARTS.map((c) => chart(resp, c, cat)).filter(Boolean));
}
