/* Numbers, dates and words as people read them (en-GB). */

/** A number, or null for null, undefined, '' and anything that is not a number. */
export const num = (x) => (x === null || x === undefined || x === '' || isNaN(Number(x))) ? null : Number(x);
export const fmtInt = (x) => num(x) === null ? '–' : Math.round(Number(x)).toLocaleString('en-GB');
export const fmtPct = (x, d = 1) => num(x) === null ? '–' : (Number(x) * 100).toFixed(d) + '%';
/** A change in people: +1,234, −56 or ±0. */
export const fmtSigned = (x) => (x > 0 ? '+' : x < 0 ? '−' : '±') + Math.abs(Math.round(x)).toLocaleString('en-GB');
/** A change in a share, in percentage points (d decimals, 1 unless said). */
export const fmtPts = (x, d = 1) => (x > 0 ? '+' : x < 0 ? '−' : '±') + Math.abs(x * 100).toFixed(d) + ' points';
/** An ISO time as "2026-11-22 14:05". */
export const when = (t) => (t ? String(t).replace('T', ' ').replace(/(\.\d+)?Z?$/, '').slice(0, 16) : '');

/** A server message as a sentence: capital first letter, full stop at the end. */
export function sentence(text) {
  const t = String(text || '').trim();
  if (!t) return t;
  const s = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?)]$/.test(s) ? s : s + '.';
}

const ROLE_LABEL = { admin: 'admin', analyst: 'analyst', 'health-partner': 'health partner', member: 'member' };
/** An account's role in plain words. */
export const roleLabel = (r) => ROLE_LABEL[r] || r || '';

const KIND_LABEL = { parish: 'parish', unparished: 'area without a parish council', lsoa: 'LSOA', 'lsoa-part': 'part of an LSOA' };
/** What kind of building block this is, in plain words. */
export const kindLabel = (k) => KIND_LABEL[k] || k || 'block';

/** The engine's messages name districts by code ("district E07000008"): the name goes with it, as people know it. */
export const withDistrictNames = (text, names) => String(text || '').replace(/district (E\d{8})/g,
  (m, code) => (names.has(code) ? 'district ' + names.get(code) + ' (' + code + ')' : m));
