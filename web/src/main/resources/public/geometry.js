/*
 * Plain geometry on GeoJSON in EPSG:4326 (no Leaflet): which feature is under a point, where a
 * label goes, which features touch. Points are {lat, lng}, which Leaflet accepts everywhere.
 */

function forEachRing(geom, fn) {
  if (!geom) return;
  if (geom.type === 'Polygon') geom.coordinates.forEach((r, i) => fn(r, i, geom.coordinates));
  else if (geom.type === 'MultiPolygon') geom.coordinates.forEach((p) => p.forEach((r, i) => fn(r, i, p)));
  else if (geom.type === 'GeometryCollection') geom.geometries.forEach((g) => forEachRing(g, fn));
}
function bboxOf(geom) {
  const b = [Infinity, Infinity, -Infinity, -Infinity];
  forEachRing(geom, (r) => r.forEach(([x, y]) => {
    if (x < b[0]) b[0] = x; if (y < b[1]) b[1] = y; if (x > b[2]) b[2] = x; if (y > b[3]) b[3] = y;
  }));
  return b;
}
function ringContains(ring, x, y) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
    if (((yi > y) !== (yj > y)) && (x < (xj - xi) * (y - yi) / (yj - yi) + xi)) inside = !inside;
  }
  return inside;
}
/** The polygons of a geometry, each as [outer ring, holes…]. */
export function polygonsOf(geom) {
  if (!geom) return [];
  if (geom.type === 'Polygon') return [geom.coordinates];
  if (geom.type === 'MultiPolygon') return geom.coordinates;
  if (geom.type === 'GeometryCollection') return geom.geometries.flatMap(polygonsOf);
  return [];
}
function geomContains(geom, x, y) {
  return polygonsOf(geom).some((poly) => poly.length && ringContains(poly[0], x, y)
    && !poly.slice(1).some((hole) => ringContains(hole, x, y)));
}
/** The feature of a collection under a point (bounding boxes cached on the feature). */
export function featureAt(fc, latlng) {
  if (!fc) return null;
  const x = latlng.lng, y = latlng.lat;
  for (const f of fc.features) {
    if (!f._bbox) f._bbox = bboxOf(f.geometry);
    const b = f._bbox;
    if (x < b[0] || x > b[2] || y < b[1] || y > b[3]) continue;
    if (geomContains(f.geometry, x, y)) return f;
  }
  return null;
}
/** The area of a ring in square degrees (for ordering, not for figures). */
export function ringArea(r) {
  let a = 0;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) a += (r[j][0] + r[i][0]) * (r[j][1] - r[i][1]);
  return Math.abs(a / 2);
}
/** A point inside the largest polygon, for a label: the middle of the widest horizontal chord. */
export function labelPoint(geom) {
  let best = null, bestArea = -1;
  for (const poly of polygonsOf(geom)) {
    const a = ringArea(poly[0] || []);
    if (a > bestArea) { bestArea = a; best = poly; }
  }
  if (!best) return null;
  const b = bboxOf({ type: 'Polygon', coordinates: best });
  let bestPt = null, bestW = -1;
  for (let k = 1; k <= 9; k++) {
    const y = b[1] + (b[3] - b[1]) * k / 10;
    const xs = [];
    for (const ring of best) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i], [xj, yj] = ring[j];
        if ((yi > y) !== (yj > y)) xs.push((xj - xi) * (y - yi) / (yj - yi) + xi);
      }
    }
    xs.sort((p, q) => p - q);
    for (let i = 0; i + 1 < xs.length; i += 2) {
      const w = (xs[i + 1] - xs[i]) * (1 - Math.abs(k - 5) / 12);
      if (w > bestW) { bestW = w; bestPt = [(xs[i] + xs[i + 1]) / 2, y]; }
    }
  }
  return bestPt ? { lat: bestPt[1], lng: bestPt[0] } : null;
}

/**
 * Which features touch which: vertices hashed into a grid of cell size eps; two features
 * are neighbours when they come within eps of each other in at least two cells (a shared
 * edge, not a single corner). Works on boundaries simplified separately.
 */
export function adjacency(features, keyOf, eps) {
  const cells = new Map();
  features.forEach((f, i) => {
    forEachRing(f.geometry, (ring) => ring.forEach(([x, y]) => {
      const k = Math.floor(x / eps) + ':' + Math.floor(y / eps);
      let s = cells.get(k);
      if (!s) { s = new Set(); cells.set(k, s); }
      s.add(i);
    }));
  });
  const contacts = new Map();
  for (const [k, s] of cells) {
    const [cx, cy] = k.split(':').map(Number);
    const near = new Set();
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        const t = cells.get((cx + dx) + ':' + (cy + dy));
        if (t) t.forEach((i) => near.add(i));
      }
    }
    for (const i of s) {
      for (const j of near) {
        if (i < j || (j < i && !s.has(j))) {
          const a = Math.min(i, j), b = Math.max(i, j);
          if (a === b) continue;
          const key = a + ':' + b;
          contacts.set(key, (contacts.get(key) || 0) + 1);
        }
      }
    }
  }
  const adj = new Map();
  features.forEach((f) => adj.set(keyOf(f), new Set()));
  for (const [key, n] of contacts) {
    if (n < 2) continue;
    const [a, b] = key.split(':').map(Number);
    const ka = keyOf(features[a]), kb = keyOf(features[b]);
    adj.get(ka).add(kb);
    adj.get(kb).add(ka);
  }
  return adj;
}

/** Degrees of longitude per screen pixel at a zoom level (256-pixel tiles). */
export const pixelDegrees = (z) => 360 / (256 * Math.pow(2, z));
