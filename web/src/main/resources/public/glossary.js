/*
 * Plain words for the planner's terms: the glossary dialog (the Help button in the header, and every
 * "?" button beside a term, which opens it at that term). Buttons, so touch and the keyboard reach it
 * alike; nothing is explained in a hover tooltip only.
 */
import { closeDialog, openDialog } from './dialogs.js';
import { $, el } from './dom.js';

/** Term id -> [term, explanation]; the order is the glossary's. */
const TERMS = [
  ['area', 'Service delivery area (SDA)', 'A group of neighbouring parishes (and, where there are no parishes, LSOAs) that councils and the NHS plan and deliver services in. Bigger than a parish, smaller than a district.'],
  ['block', 'Building block', 'What areas are made of: a parish, or where there is no parish council (all of Cambridge, the centre of Peterborough) an LSOA or the part of one outside every parish. An area is a set of whole blocks.'],
  ['lsoa', 'LSOA', 'Lower-layer Super Output Area: a small area of about 1,500 residents that the Office for National Statistics publishes figures for. Codes look like E01018024; names like "Cambridge 001A".'],
  ['pcn', 'PCN', 'Primary Care Network: a group of GP practices working together, usually serving 30,000 to 50,000 patients.'],
  ['main-pcn', 'Main PCN', 'The PCN that most of an area\'s registered patients are with.'],
  ['alignment', 'PCN alignment', 'The share of registered patients who are with their area\'s main PCN. 100% would mean every patient of the area is with one PCN. For the whole plan, the same share over all areas together.'],
  ['coterminosity', 'Coterminosity', 'How well a PCN fits the areas: the share of the PCN\'s patients who live in the one area where most of them live. 100% means the whole PCN lies in one area.'],
  ['deviation', 'Size compared with the average (deviation)', 'How far an area\'s residents are above or below the average area\'s. "Largest size difference" is the area furthest from the average, as a percentage of it.'],
  ['compactness', 'Compactness', 'How round an area is: 1 is a circle; near 0 is a long, thin shape.'],
  ['bound', 'Best possible (the bound)', 'The most PCN alignment any plan could reach under the same rules: the same number of areas in each district, the same limits on their size, every area in one piece and within its district. The planner proves it with a mathematical solver, so it is a guarantee, not an estimate: "within 0.6 points of the best possible plan" means no plan with these rules aligns more than 0.6 percentage points better. The bound belongs to the rules, not to one plan, so it still holds after you move parishes by hand; a plan imported from a file has none.'],
  ['tradeoff', 'What balance costs (trade-off)', 'Areas of more equal size usually fit the PCNs less well. For each limit on how far an area may be from the average size, the curve shows the best PCN alignment the planner found and the bound no plan can beat, so you can see what each step of balance costs before you build a plan at it.'],
  ['contiguity', 'In one piece', 'An area is in one piece when you can walk from any of its parishes to any other without leaving it.'],
  ['contested', 'Contested LSOA', 'An LSOA where no PCN has a clear majority of its residents\' registrations.'],
];

const box = $('glossary-list');
for (const [id, term, text] of TERMS) {
  box.appendChild(el('dt', { id: 'glossary-' + id, tabindex: '-1', text: term }));
  box.appendChild(el('dd', { text }));
}

/** Opens the glossary; at a term (its id in TERMS), that term is scrolled to and focused. */
function openGlossary(id, opener) {
  const d = $('glossary-dialog');
  const target = id ? $('glossary-' + id) : null;
  openDialog(d, target || $('glossary-close'), { returnTo: opener });
  if (target) target.scrollIntoView({ block: 'nearest' });
}
$('glossary-open').addEventListener('click', (e) => openGlossary(null, e.currentTarget));
$('glossary-close').addEventListener('click', () => closeDialog($('glossary-dialog')));
// every "?" beside a term, also those drawn later (area lists, tables): one listener for the page
document.addEventListener('click', (e) => {
  const b = e.target.closest && e.target.closest('button.term-help[data-term]');
  if (b) openGlossary(b.dataset.term, b);
});
