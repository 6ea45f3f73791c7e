/*
 * The printable area profile (profile.html?plan=ID&area=AREA): outline from GET /api/plans/{id}/areas,
 * key figures and charts from GET /api/plans/{id}/areas/{area}/profile (drawn by profile-charts.js),
 * sources and attributions (GET /api/region). Data is written with textContent only.
 */
import { api, path } from './api.js';
import { $, el, svgEl } from './dom.js';
import { CHARTS, KEY_FIGURES, charts, keyFigures, sourceText } from './profile-charts.js';

const polygons = (g) => !g ? [] : g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];

/** The area's outline (and its neighbours, lighter) as SVG, in a plain equirectangular projection scaled at its latitude. */
function outline(fc, areaId) {
  const f = fc.features.find((x) => x.properties.area_id === areaId);
  if (!f) return null;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  polygons(f.geometry).forEach((p) => p.forEach((r) => r.forEach(([x, y]) => {
    minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
  })));
  const k = Math.cos((minY + maxY) / 2 * Math.PI / 180);
  const w = Math.max(1e-6, (maxX - minX) * k), h = Math.max(1e-6, maxY - minY);
  const pad = 0.06 * Math.max(w, h);
  const vb = [minX * k - pad, -maxY - pad, w + 2 * pad, h + 2 * pad];
  const svg = svgEl('svg', { id: 'profile-outline', viewBox: vb.map((v) => v.toFixed(6)).join(' '), role: 'img', 'data-area': areaId,
    'aria-label': 'Outline of ' + areaId, preserveAspectRatio: 'xMidYMid meet' });
  const d = (geom) => polygons(geom).map((p) => p.map((r) => 'M' + r.map(([x, y]) => (x * k).toFixed(6) + ',' + (-y).toFixed(6)).join('L') + 'Z').join('')).join('');
  const stroke = Math.max(w, h) / 250;
  for (const o of fc.features) {
    if (o === f) continue;
    svg.appendChild(svgEl('path', { d: d(o.geometry), fill: '#f1f3f5', stroke: '#9aa3ab', 'stroke-width': stroke, 'fill-rule': 'evenodd' }));
  }
  svg.appendChild(svgEl('path', { d: d(f.geometry), fill: '#cfe0f3', stroke: '#0b3d75', 'stroke-width': stroke * 2.5, 'fill-rule': 'evenodd', class: 'area-outline' }));
  return svg;
}

/** The page's own wording for a failed request: its sign-in hint, or the server's message as it is. */
function reason(e) {
  if (e.status === 401) return 'this planner is open to signed-in users only: sign in on the map page, then open the profile again.';
  if (e.status > 0) return (e.data && e.data.error) || ('HTTP ' + e.status);
  return e.message;
}

async function start() {
  const q = new URLSearchParams(location.search);
  const plan = q.get('plan'), area = q.get('area');
  try {
    if (!plan || !area) throw new Error('Give the plan and the area: profile.html?plan=ID&area=AREA');
    $('back-link').href = path`/#plan=${plan}`;
    const base = path`/api/plans/${plan}`;
    const get = (url) => api(url, { quiet: true }).catch((e) => { throw new Error(reason(e)); });
    const [info, p, fc, region] = await Promise.all([get(base), get(base + path`/areas/${area}/profile`),
      get(base + '/areas?zoom=12'), get('/api/region')]);
    const name = p.area.name && p.area.name !== p.area.id ? p.area.id + ' ' + p.area.name : p.area.id;
    document.title = 'Area profile: ' + name + ' – Service delivery area planner';
    $('profile-title').textContent = name;
    $('profile-subtitle').textContent = 'Plan “' + info.name + '” (revision ' + info.revision + '), ' + region.name
      + (p.districts.length ? ' · district: ' + p.districts.map((x) => x.name).join(', ') : '')
      + ' · ' + p.area.lsoas + ' LSOAs · printed ' + new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
    const svg = outline(fc, area);
    if (svg) $('profile-outline-box').appendChild(svg);
    $('profile-figures').appendChild(keyFigures(p));
    $('profile-charts').appendChild(charts(p));
    const used = new Set(KEY_FIGURES.map((f) => f.id).concat(CHARTS.map((c) => c.id)));
    for (const i of p.indicators.filter((x) => used.has(x.id))) {
      $('profile-sources').appendChild(el('li', null, el('strong', { text: i.label }), ': ' + sourceText(i)));
    }
    const attributions = new Set(region.attributions || []);
    attributions.add('Contains public sector information licensed under the Open Government Licence v3.0.');
    $('profile-attribution').textContent = [...attributions].join(' · ');
    document.body.dataset.state = 'ready';
  } catch (e) {
    $('profile-error').textContent = 'The profile could not be shown: ' + e.message;
    $('profile-error').hidden = false;
    document.body.dataset.state = 'error';
  }
}
$('print-button').addEventListener('click', () => window.print());
start();
