/*
 * The chosen area's profile in the panel: key figures and charts beside its district and the
 * region (drawn by profile-charts.js, shared with the printable profile.html), fetched once per
 * plan revision and area (GET /api/plans/{id}/areas/{area}/profile).
 */
import { api, path } from './api.js';
import { $, clear } from './dom.js';
import { fmtInt, num } from './format.js';
import { charts, keyFigures } from './profile-charts.js';
import { state } from './state.js';

const profiles = new Map(); // "plan:revision:area" -> the area's profile

/** Why the profile's residents differ from the area's: the LSOAs' census count against the area's parishes and blocks. */
function residentsNote(p, area) {
  const lsoaResidents = num(((p.area.values || {}).residents || {}).value);
  const own = area ? num(area.resident_population) : null;
  if (lsoaResidents === null || own === null || Math.round(lsoaResidents) === Math.round(own)) return '';
  const diff = lsoaResidents - own;
  return ' Its residents here (' + fmtInt(lsoaResidents) + ') are those of these LSOAs; the area\'s own parishes and blocks hold '
    + fmtInt(own) + ' (its figure above), ' + fmtInt(Math.abs(diff)) + (diff > 0 ? ' fewer' : ' more')
    + ': LSOAs and parishes do not nest, so an LSOA counted here may lie partly in a neighbouring area.';
}

export async function renderAreaProfile(id) {
  const box = $('area-profile');
  const key = state.planId + ':' + (state.plan ? state.plan.revision : '') + ':' + id;
  $('profile-print-link').href = path`profile.html?plan=${state.planId}&area=${id}`;
  if (box.dataset.key === key) return;
  box.dataset.key = key;
  delete box.dataset.area;
  const figs = clear($('profile-key-figures'));
  const chartBox = clear($('profile-charts'));
  let p = profiles.get(key);
  if (!p) {
    $('profile-status').textContent = 'Loading the profile…';
    try {
      p = await api(path`/api/plans/${state.planId}/areas/${id}/profile`);
    } catch (e) {
      if (box.dataset.key === key) $('profile-status').textContent = 'The profile could not be loaded: ' + e.message;
      return;
    }
    profiles.set(key, p);
  }
  if (box.dataset.key !== key) return; // another area was chosen meanwhile
  if (!p.indicators || !p.indicators.length) {
    $('profile-status').textContent = 'The region was imported without indicators, so there is no profile.';
    return;
  }
  $('profile-status').textContent = 'Figures for the ' + p.area.lsoas + ' LSOAs that fit best in this area, next to '
    + (p.districts.length ? p.districts.map((d) => d.name).join(', ') : 'its district') + ' and ' + p.region.name + '. Each figure gives its date and source.'
    + residentsNote(p, state.areas.get(id));
  figs.appendChild(keyFigures(p));
  chartBox.appendChild(charts(p));
  box.dataset.area = id;
}
