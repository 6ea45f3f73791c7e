/*
 * The plans themselves, for analysts: a new plan (built on the server by the same clusterer and checks
 * as `sda build`: POST /api/plans), a copy, a new name, deleting one (a plan with comments stays: the
 * server says so). One dialog serves the three forms; the build choices sit in one fieldset, so new
 * options of the clusterer are a field there and a key of buildChoices().
 */
import { api, path } from './api.js';
import { closeDialog, confirmDialog, openDialog } from './dialogs.js';
import { $ } from './dom.js';
import { announce, formError, showError } from './feedback.js';
import { fmtInt, num, withDistrictNames } from './format.js';
import { loadPlans, openPlan } from './plans.js';
import { can, on, state } from './state.js';

const FORMS = {
  create: { title: 'New plan', submit: 'Build the plan', help: 'The areas are drawn automatically, as `sda build` draws them; you can change them afterwards. Building takes a few seconds.' },
  copy: { title: 'Copy this plan', submit: 'Make the copy', help: 'The copy has the same areas, names and locks; its history starts afresh.' },
  rename: { title: 'Rename this plan', submit: 'Rename', help: 'Comments and versions stay with the plan.' },
};
let form = 'create';

const currentName = () => (state.plan && state.plan.name) || '';

function openForm(which) {
  form = which;
  const f = FORMS[which];
  $('plan-dialog-title').textContent = f.title;
  $('plan-dialog-help').textContent = f.help;
  $('plan-form-submit').textContent = f.submit;
  $('plan-build-fields').hidden = which !== 'create';
  formError('plan-form-error', '');
  $('plan-name').value = which === 'rename' ? currentName() : which === 'copy' ? 'Copy of ' + currentName() : '';
  if (which === 'create') {
    $('plan-areas').value = state.defaultAreas !== null ? String(state.defaultAreas) : '';
    $('plan-count-' + (state.defaultAreasOf === 'all' ? 'all' : 'parishes')).checked = true;
    $('plan-areas-help').textContent = (state.defaultCounts ? 'The region\'s default: ' + state.defaultCounts + '. ' : '')
      + (state.blockCount !== null ? 'At most ' + fmtInt(state.blockCount) + ' in all (one per building block).' : '');
    if (!$('plan-balance').value) $('plan-balance').value = '0';
    showCountFields();
  }
  openDialog($('plan-dialog'), $('plan-name'));
}

const countsParishes = () => $('plan-count-parishes').checked;
function showCountFields() {
  $('plan-unparished-row').hidden = !countsParishes();
  $('plan-deviation-row').hidden = $('plan-deviation-mode').value !== 'bound';
}
for (const id of ['plan-count-parishes', 'plan-count-all', 'plan-deviation-mode']) $(id).addEventListener('change', showCountFields);

/**
 * The build choices as POST /api/plans takes them (empty fields take the server's defaults), the same
 * choices as `sda build`: the count in either reading, the largest deviation (a percentage or none), limits.
 */
export function buildChoices() {
  const n = (id) => { const v = $(id).value.trim(); return v === '' ? undefined : Number(v); };
  const parishes = countsParishes();
  const mode = $('plan-deviation-mode').value;
  const pct = n('plan-deviation');
  return {
    areas: parishes ? undefined : n('plan-areas'),
    parish_areas: parishes ? n('plan-areas') : undefined,
    unparished_areas: parishes ? (n('plan-unparished') === undefined ? 'auto' : n('plan-unparished')) : undefined,
    seed: n('plan-seed'), district_nesting: $('plan-nesting').checked, balance_weight: n('plan-balance'),
    max_deviation: mode === 'none' ? 'none' : mode === 'bound' ? (pct === undefined ? '' : pct + '%') : undefined,
    min_population: n('plan-min'), max_population: n('plan-max'),
  };
}

/** Builds a plan at once with the form's choices and every area within ±{@code pct}% (null: no limit). */
export function buildAt(pct) {
  $('plan-deviation-mode').value = pct === null ? 'none' : 'bound';
  if (pct !== null) $('plan-deviation').value = String(pct);
  showCountFields();
  if (!$('plan-name').value.trim()) {
    $('plan-name').value = pct === null ? 'No size limit' : 'Every area within ±' + pct + '%';
  }
  $('plan-form').requestSubmit();
}

/** A plain check before the server's own (which says the same in its words). */
function formProblem(name, choices) {
  if (!name) return 'Give the plan a name.';
  if (form !== 'create') return null;
  for (const [k, v] of Object.entries(choices)) {
    if (v !== undefined && typeof v === 'number' && (!isFinite(v) || v < 0)) return 'The ' + k.replace(/_/g, ' ') + ' must be a number, 0 or more.';
  }
  const count = choices.areas !== undefined ? choices.areas : choices.parish_areas;
  if (count !== undefined && (!Number.isInteger(count) || count < 1)) return 'The number of areas must be a whole number, 1 or more.';
  if (typeof choices.unparished_areas === 'number' && !Number.isInteger(choices.unparished_areas)) return 'The areas for the parts without parishes must be a whole number.';
  if (choices.max_deviation === '' || (/%$/.test(choices.max_deviation || '') && !(parseFloat(choices.max_deviation) < 100))) return 'Give the largest size difference as a percentage below 100, or choose another option.';
  if (choices.seed !== undefined && !Number.isInteger(choices.seed)) return 'The seed must be a whole number.';
  if (choices.min_population && choices.max_population && choices.max_population < choices.min_population) return 'The largest area cannot be smaller than the smallest.';
  return null;
}

$('plan-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const name = $('plan-name').value.trim();
  const choices = buildChoices();
  const problem = formProblem(name, choices);
  if (problem) { formError('plan-form-error', problem); return; }
  const submit = $('plan-form-submit');
  submit.disabled = true;
  formError('plan-form-error', form === 'create' ? 'Building the plan: this takes a few seconds…' : '');
  try {
    let id = state.planId;
    if (form === 'create') {
      const body = Object.assign({ name }, choices);
      Object.keys(body).forEach((k) => body[k] === undefined && delete body[k]);
      id = (await api('/api/plans', { method: 'POST', body })).id;
    } else if (form === 'copy') {
      id = (await api(path`/api/plans/${state.planId}/copy`, { method: 'POST', body: { name } })).id;
    } else {
      await api(path`/api/plans/${state.planId}`, { method: 'PATCH', body: { name } });
    }
    closeDialog($('plan-dialog'));
    await loadPlans(id);
    await openPlan(id);
    announce(form === 'create' ? 'The plan “' + name + '” is built and open.' : form === 'copy'
      ? 'The copy “' + name + '” is made and open.' : 'The plan is now called “' + name + '”.');
  } catch (err) {
    formError('plan-form-error', withDistrictNames(err.message, state.districtNames));
  } finally {
    submit.disabled = false;
  }
});
$('plan-form-cancel').addEventListener('click', () => closeDialog($('plan-dialog')));

$('plan-create').addEventListener('click', () => openForm('create'));
$('plan-new').addEventListener('click', () => openForm('create'));
$('plan-copy').addEventListener('click', () => openForm('copy'));
$('plan-rename').addEventListener('click', () => openForm('rename'));
$('plan-delete').addEventListener('click', async () => {
  const name = currentName();
  const ok = await confirmDialog('Delete the plan “' + name + '”, with its versions and history? This cannot be undone.'
    + ' (A plan with comments cannot be deleted: copy or rename it instead.)', 'Delete the plan');
  if (!ok) return;
  try {
    await api(path`/api/plans/${state.planId}`, { method: 'DELETE' });
    const id = await loadPlans();
    if (id !== null) await openPlan(id);
    announce('The plan “' + name + '” is deleted.');
  } catch (err) {
    showError(err);
  }
});

function renderTools() {
  const show = state.mode === 'analyst' && can('edit_plans');
  $('plan-tools').hidden = !show;
  const none = !state.planId || num(state.planId) === null;
  for (const id of ['plan-copy', 'plan-rename', 'plan-delete']) $(id).disabled = none || !!state.version;
}
on(['mode-changed', 'session-changed', 'plan-loaded', 'plans-listed'], renderTools);
