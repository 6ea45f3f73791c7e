/*
 * Importing a plan from a file (POST /api/plans/import): a block → area or LSOA → area CSV, or the areas as
 * GeoJSON or a GeoPackage. The file is checked first and its report shown (blocks without an area or with two,
 * codes the region does not have, repeated rows); a file that does not place every block is refused, and
 * nothing is guessed. On import the new plan opens.
 */
import { api } from './api.js';
import { closeDialog, openDialog } from './dialogs.js';
import { $, clear, el } from './dom.js';
import { announce, formError } from './feedback.js';
import { loadPlans, openPlan } from './plans.js';

let checked = null; // {key, report} of the file last checked

/** The chosen file as base64 (the API takes JSON, so the bytes travel as text). */
function readFile(file) {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(new Error('The file “' + file.name + '” cannot be read.'));
    r.readAsDataURL(file);
  });
}

const fileKey = (f) => (f ? f.name + ':' + f.size + ':' + f.lastModified : '');

function showReport(r) {
  $('import-report').hidden = false;
  const v = $('import-verdict');
  v.className = r.ok ? 'ok' : 'refused';
  const what = r.format === 'geojson' || r.format === 'gpkg' ? r.items + ' areas drawn' : r.items + ' rows';
  v.textContent = r.ok
    ? 'This file gives every parish and building block an area: ' + what + ', ' + r.areas + ' areas. Choose “Import”.'
    : 'This file cannot be imported as it is' + (r.format ? ' (' + what + ')' : '') + ':';
  const errs = clear($('import-errors'));
  (r.errors || []).forEach((t) => errs.appendChild(el('li', { className: 'error', text: t })));
  const warns = clear($('import-warnings'));
  (r.warnings || []).forEach((t) => warns.appendChild(el('li', { text: 'Note: ' + t })));
  $('import-submit').disabled = !r.ok;
}

async function request(check) {
  const file = $('import-file').files[0];
  if (!file) throw new Error('Choose a file first.');
  const content = await readFile(file);
  const body = { file_name: file.name, content, check };
  if (!check) body.name = $('import-name').value.trim();
  return { file, answer: await api('/api/plans/import', { method: 'POST', body }) };
}

$('import-check').addEventListener('click', async () => {
  formError('import-error', '');
  try {
    const { file, answer } = await request(true);
    checked = { key: fileKey(file), report: answer };
    showReport(answer);
    announce(answer.ok ? 'The file can be imported.' : 'The file cannot be imported: ' + (answer.errors || [])[0]);
  } catch (e) { formError('import-error', e.message); }
});

$('import-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  formError('import-error', '');
  const file = $('import-file').files[0];
  if (!checked || checked.key !== fileKey(file) || !checked.report.ok) { formError('import-error', 'Check the file first.'); return; }
  if (!$('import-name').value.trim()) { formError('import-error', 'Give the new plan a name.'); return; }
  $('import-submit').disabled = true;
  try {
    const { answer } = await request(false);
    closeDialog($('import-dialog'));
    await loadPlans(answer.id);
    await openPlan(answer.id);
    announce('Imported “' + answer.name + '”: ' + (answer.areas || []).length + ' areas. It is open now.');
  } catch (err) {
    if (err.status === 422 && err.data) showReport(err.data);
    formError('import-error', err.message);
  } finally {
    $('import-submit').disabled = !(checked && checked.report.ok);
  }
});

$('import-file').addEventListener('change', () => {
  checked = null;
  $('import-report').hidden = true;
  $('import-submit').disabled = true;
  const f = $('import-file').files[0];
  if (f && !$('import-name').value.trim()) $('import-name').value = f.name.replace(/\.[A-Za-z]+$/, '');
});
$('import-cancel').addEventListener('click', () => closeDialog($('import-dialog')));
$('plan-import').addEventListener('click', () => {
  checked = null;
  $('import-form').reset();
  $('import-report').hidden = true;
  $('import-submit').disabled = true;
  formError('import-error', '');
  openDialog($('import-dialog'), $('import-file'));
});
