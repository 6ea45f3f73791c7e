/*
 * Every colour the map uses: one per service delivery area (neighbours differ), one per PCN,
 * the classes of a PCN's share of patients and of an indicator's values.
 */
import { adjacency } from './geometry.js';
import { on, state } from './state.js';

/** Qualitative palette (ColorBrewer Set3 and Pastel tones), light enough for dark labels. */
export const AREA_PALETTE = ['#8dd3c7', '#ffffb3', '#bebada', '#fb8072', '#80b1d3', '#fdb462', '#b3de69',
  '#fccde5', '#bc80bd', '#ccebc5', '#ffed6f', '#e5c494'];
export const SHARE_CLASSES = [
  { min: 0.8, colour: '#08306b', label: '80% or more' },
  { min: 0.6, colour: '#2171b5', label: '60–80%' },
  { min: 0.4, colour: '#6baed6', label: '40–60%' },
  { min: 0.2, colour: '#bdd7e7', label: '20–40%' },
  { min: 0.0, colour: '#eff3ff', label: 'under 20%' },
];
/** Sequential classes of an indicator (the choropleth), and areas without a value. */
export const CHORO_COLOURS = ['#edf8fb', '#b3cde3', '#8c96c6', '#8856a7', '#810f7c'];
export const NO_DATA = '#d9d9d9';

const pcnColours = new Map();
on('region-loaded', () => pcnColours.clear());
/** A PCN's colour: hues spread by the golden angle over the region's PCNs in code order. */
export function pcnColour(code) {
  if (!code) return '#cccccc';
  if (!pcnColours.has(code)) {
    const codes = [...state.pcnNames.keys()].sort();
    let i = codes.indexOf(code);
    if (i < 0) i = codes.length + pcnColours.size;
    const hue = Math.round((i * 137.508) % 360);
    const light = [62, 48, 74][i % 3];
    pcnColours.set(code, 'hsl(' + hue + ',58%,' + light + '%)');
  }
  return pcnColours.get(code);
}
export const shareColour = (s) => (SHARE_CLASSES.find((c) => s >= c.min) || SHARE_CLASSES[SHARE_CLASSES.length - 1]).colour;

let areaColours = new Map();
let areaNeighbours = new Map();
const planColours = new Map(); // plan id -> its last colouring: a plan keeps its colours when people switch back to it
export const areaColour = (areaId) => areaColours.get(areaId) || '#dddddd';
/** The areas' colours and which areas touch (for the tests and the console: neighbours differ). */
export const areaColouring = () => ({ colours: areaColours, neighbours: areaNeighbours });

/** A colour an area asks for by its id alone, so the same area id starts from the same colour in every plan. */
function preferred(id) {
  let h = 0;
  for (const ch of String(id)) h = (h * 31 + ch.codePointAt(0)) >>> 0;
  return AREA_PALETTE[h % AREA_PALETTE.length];
}

/**
 * Greedy colouring of the area adjacency graph: neighbours differ. Each area keeps the colour it had in
 * this plan before (edits, finer shapes), else takes the colour its id asks for, else the least used
 * free one; the order is fixed (most neighbours first, then by id), so the same plan always gets the
 * same colours, whatever was open before.
 */
export function colourAreas(features, idOf, eps) {
  const ids = features.map(idOf);
  const adj = adjacency(features, idOf, eps);
  areaNeighbours = adj;
  const old = planColours.get(String(state.planId)) || new Map();
  const next = new Map();
  const usage = new Array(AREA_PALETTE.length).fill(0);
  const order = ids.slice().sort((a, b) => (adj.get(b).size - adj.get(a).size) || (a < b ? -1 : 1));
  const clashes = (id, c) => [...adj.get(id)].some((n) => next.get(n) === c);
  for (const wish of [(id) => old.get(id), preferred]) {
    for (const id of order) {
      const c = wish(id);
      if (next.has(id) || !c || clashes(id, c)) continue;
      next.set(id, c);
      usage[AREA_PALETTE.indexOf(c)]++;
    }
  }
  for (const id of order) {
    if (next.has(id)) continue;
    const taken = new Set([...adj.get(id)].map((n) => next.get(n)).filter(Boolean));
    // second-order neighbours too, so that colours spread further apart where possible
    const near = new Set();
    adj.get(id).forEach((n) => adj.get(n).forEach((m) => { if (next.get(m)) near.add(next.get(m)); }));
    let pick = null, score = Infinity;
    AREA_PALETTE.forEach((c, i) => {
      if (taken.has(c)) return;
      const sc = (near.has(c) ? 1000 : 0) + usage[i];
      if (sc < score) { score = sc; pick = c; }
    });
    if (!pick) pick = AREA_PALETTE[ids.indexOf(id) % AREA_PALETTE.length];
    next.set(id, pick);
    usage[AREA_PALETTE.indexOf(pick)]++;
  }
  areaColours = next;
  planColours.set(String(state.planId), next);
}
