/*
 * Service delivery area planner: the map page.
 * Plain script (no build step, no CDN). Leaflet comes from the server at /vendor/leaflet/.
 * The REST contract is docs/api.md. Everything that comes from the API is written with
 * textContent or attributes: never innerHTML with data.
 *
 * Stable element ids (browser tests, docs and user scripts rely on them; keep them):
 *   header      #plan-select, #plan-create, #mode-explore, #mode-analyst, #mode-health (role=tab),
 *               #search-input (combobox), #search-results (listbox; options li[data-index], id search-result-N)
 *   map         #map (data-areas-drawn="true" once the areas layer is drawn, data-zoom), #hover-info,
 *               #layers-box, #layer-areas, #layer-blocks, #layer-lsoas, #layer-districts,
 *               #layer-pcn-footprints, #layer-pcn-catchments, #legend, #legend-body, #pcn-share-legend
 *   panel       #panel, #panel-toggle (phone bottom sheet), #error, #error-text, #plan-summary-line, #plan-figures,
 *               #area-list (button.area-item[data-area]), #area-details, #area-title, #area-back,
 *               #area-population, #area-deviation, #area-main-pcn, #area-alignment, #area-compactness,
 *               #area-contiguity, #area-districts, #area-pcn-mix (svg), #area-blocks (listbox; li[role=option]
 *               [data-block], id block-opt-CODE), #area-lsoas
 *   analyst     #analyst-tools, #selection-summary, #move-target, #move-preview, #move-commit, #move-clear,
 *               #preview-result, #preview-verdict (class accepted|refused), #preview-table, #preview-plan,
 *               #undo, #redo, #lock-toggle, #why-button, #why-box, #why-text, #why-details,
 *               #versions-section, #version-label, #version-save, #version-list, #compare-a, #compare-b,
 *               #compare-run, #compare-clear, #compare-result, #compare-summary, #compare-changed (li[data-block]),
 *               #compare-table, #download-geojson, #download-gpkg, #download-blocks-csv, #download-lsoas-csv
 *   health      #health-tools, #pcn-select, #pcn-view, #pcn-summary, #pcn-areas-table, #coterminosity-table
 *               (rows tr[data-pcn]), #pcn-matrix-csv
 *   profiles    #choropleth-box, #indicator-select (choropleth of the areas by an indicator; "" = area colours),
 *               #indicator-part (the part of a distribution/shares indicator), #choropleth-legend (in #legend-body,
 *               data-indicator, data-classes), #profiles-download-csv, #profiles-download-json,
 *               #area-profile, #profile-status, #profile-key-figures (table.profile-figures, see profile-charts.js),
 *               #profile-charts (figure.profile-chart[data-indicator]), #profile-print-link (profile.html?plan=ID&area=AREA)
 *               #area-profile has data-area = the area whose profile is shown once it is drawn
 *   session     #signin-open, #account-menu (#account-summary, #account-name, #account-role, #password-open, #signout),
 *               dialogs #signin-dialog (#signin-username, #signin-password, #signin-error, #signin-submit, #signin-cancel),
 *               #password-dialog (#password-current, #password-new, #password-confirm, #password-error),
 *               #moderate-dialog (#moderate-quote, #moderate-reason, #moderate-error, #moderate-submit),
 *               #confirm-dialog (#confirm-text, #confirm-ok, #confirm-cancel)
 *   comments    #comments (#comments-title, #comments-signin, #comments-body), #comment-scope (area|plan), #comment-filters,
 *               #comment-filter-status, #comment-filter-about, #comment-filter-author, #comment-filter-mine, #comments-csv,
 *               #comment-form (radios #comment-about-area|parish|point, #comment-area, #comment-block, #comment-pin,
 *               #comment-pin-status, #comment-text, #comment-form-error, #comment-post), #comment-list (li.comment-thread
 *               [data-thread] > article.comment#comment-ID[data-comment][data-status][data-about][data-own] with .comment-meta,
 *               .comment-context, .comment-text (.gone when the text is withheld), .comment-moderation, buttons [data-action=
 *               reply|edit|withdraw|hide|restore|show]; replies in ol.comment-replies; inline forms #comment-edit-ID, #reply-text-ID),
 *               #area-comments-link; point comments are markers in the map's comments pane (#map data-comment-markers)
 *   admin       #mode-admin, #admin-tools, #account-form (#new-username, #new-display-name, #new-role, #new-password,
 *               #account-form-error, #account-add), #password-result (#generated-password, #password-result-close),
 *               #account-list (li[data-username][data-role][data-disabled], select #role-USERNAME, buttons [data-action=
 *               role|disable|enable|reset]), #audit-action, #audit-refresh, #audit-log (li[data-action])
 *   analyst     also #area-rename-form, #area-rename
 *   other       #live (polite live region announcing metric changes), #attribution (#attribution-text, #attribution-toggle)
 * What is shown follows GET /api/session's permissions: #mode-analyst and every editing tool need edit_plans, #mode-admin
 * needs manage_accounts, comments need read_comments / comment / moderate (hidden, never just disabled).
 * State on <body> for tests: data-state = loading|signin|ready|error, data-busy = API requests in flight,
 *   data-mode = explore|analyst|health|admin, data-revision = revision of the loaded plan,
 *   data-user / data-role = who is signed in ("" when nobody).
 * Performance marks: "sda-areas-drawn" (first time the areas layer is on the map).
 */
(function () {
  'use strict';

  // ---------------------------------------------------------------- small helpers
  const $ = (id) => document.getElementById(id);
  const body = document.body;

  /** Creates an element; strings and numbers become text nodes (never HTML). */
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    if (attrs) {
      for (const [k, v] of Object.entries(attrs)) {
        if (v === null || v === undefined || v === false) continue;
        if (k === 'text') e.textContent = String(v);
        else if (k === 'className') e.className = v;
        else if (k === 'dataset') Object.assign(e.dataset, v);
        else if (k === 'style') Object.assign(e.style, v);
        else if (k.startsWith('on') && typeof v === 'function') e.addEventListener(k.slice(2), v);
        else e.setAttribute(k, v === true ? '' : String(v));
      }
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      e.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }
  const svgEl = (tag, attrs) => {
    const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
    return e;
  };
  const clear = (node) => { while (node.firstChild) node.removeChild(node.firstChild); return node; };
  const num = (x) => (x === null || x === undefined || x === '' || isNaN(Number(x))) ? null : Number(x);
  const fmtInt = (x) => num(x) === null ? '–' : Math.round(Number(x)).toLocaleString('en-GB');
  const fmtPct = (x, d = 1) => num(x) === null ? '–' : (Number(x) * 100).toFixed(d) + '%';
  const fmtSigned = (x) => (x > 0 ? '+' : x < 0 ? '−' : '±') + Math.abs(Math.round(x)).toLocaleString('en-GB');
  const fmtPts = (x) => (x > 0 ? '+' : x < 0 ? '−' : '±') + Math.abs(x * 100).toFixed(1) + ' points';
  const enc = encodeURIComponent;

  // ---------------------------------------------------------------- API access
  let inflight = 0;
  function busy(delta) {
    inflight += delta;
    body.dataset.busy = String(inflight);
  }

  class ApiError extends Error {
    constructor(message, status, data) {
      super(message);
      this.status = status;
      this.data = data;
    }
  }

  /** Who is signed in (GET /api/session): permissions drive which tools the page shows. */
  const SESSION = { loaded: false, signedIn: false, publicRead: true, permissions: new Set(), user: null, csrf: null };
  const can = (permission) => SESSION.permissions.has(permission);
  const ROLE_LABEL = { admin: 'admin', analyst: 'analyst', 'health-partner': 'health partner', member: 'member' };
  const roleLabel = (r) => ROLE_LABEL[r] || r || '';

  /** A server message as a sentence: capital first letter, full stop at the end. */
  function sentence(text) {
    const t = String(text || '').trim();
    if (!t) return t;
    const s = t.charAt(0).toUpperCase() + t.slice(1);
    return /[.!?)]$/.test(s) ? s : s + '.';
  }

  /**
   * Every API request goes through here: JSON in and out, the session's CSRF token on every write,
   * and errors turned into plain sentences (401 asks to sign in, 403 says the role does not allow it,
   * 409 says someone changed it meanwhile, 429 says how long to wait).
   */
  async function api(path, options) {
    const opts = options || {};
    const init = { method: opts.method || 'GET', headers: { Accept: 'application/json' }, credentials: 'same-origin' };
    if (opts.body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(opts.body);
    }
    if (init.method !== 'GET' && SESSION.csrf) init.headers['X-CSRF-Token'] = SESSION.csrf;
    busy(1);
    try {
      let res;
      try {
        res = await fetch(path, init);
      } catch (e) {
        throw new ApiError('The map server cannot be reached. Check that it is still running, then try again.', 0, null);
      }
      const text = await res.text();
      let data = null;
      if (text) {
        try { data = JSON.parse(text); } catch (e) { data = opts.raw ? text : { error: text.slice(0, 300) }; }
      }
      if (!res.ok) {
        const said = (data && (data.error || data.reason || data.message)) || '';
        let msg = said ? sentence(said) : 'The server answered ' + res.status + '.';
        if (res.status === 401 && !opts.signingIn) {
          msg = 'You need to sign in for this' + (SESSION.signedIn ? ': your session has ended.' : '.');
          if (!opts.quiet) sessionEnded();
        } else if (res.status === 403) {
          if (/csrf/i.test(said)) {
            msg = 'Your session changed (perhaps you signed in or out in another tab). The page is up to date now: try again.';
            refreshSession().catch(() => { /* shown by the caller */ });
          } else if (!/^Your role/.test(msg)) {
            msg = 'Not allowed: ' + msg;
          }
        } else if (res.status === 409 && data && data.revision !== undefined && !/in the meantime/.test(msg)) {
          msg = msg + ' Someone changed it a moment ago: the page now shows the latest state; try again.';
        } else if (res.status === 429) {
          const wait = Number(res.headers.get('Retry-After'));
          msg = msg + (wait > 0 ? ' (Wait ' + wait + (wait === 1 ? ' second' : ' seconds') + '.)' : '');
        }
        throw new ApiError(msg, res.status, data);
      }
      return opts.raw ? text : data;
    } finally {
      busy(-1);
    }
  }
  const apiText = (path) => api(path, { raw: true });

  function showError(err) {
    const box = $('error');
    $('error-text').textContent = err && err.message ? err.message : String(err);
    box.hidden = false;
    if (window.console) console.warn('sda:', err);
  }
  $('error-close').addEventListener('click', () => { $('error').hidden = true; });

  /** Announces a sentence in the polite live region (re-announces the same text too). */
  function announce(text) {
    const live = $('live');
    live.textContent = '';
    window.setTimeout(() => { live.textContent = text; }, 30);
  }

  // ---------------------------------------------------------------- state
  const S = {
    region: null,
    pcnNames: new Map(),
    districtNames: new Map(),
    plans: [],
    planId: null,
    plan: null,
    areas: new Map(),          // area_id -> area figures (from GET /plans/{id})
    areaOrder: [],
    areaColour: new Map(),
    areasFc: null,
    areasZoom: null,
    blocksFc: null,
    blockProps: new Map(),     // code -> properties from the blocks layer
    blockFeature: new Map(),   // code -> feature
    blockAdj: null,            // code -> Set(code)
    lsoaByArea: null,          // area_id -> [{code, share}]
    lsoaNames: new Map(),
    lsoasFc: null,
    selectedArea: null,
    selected: new Set(),       // selected block codes (analyst)
    activeBlock: null,         // block focused in the listbox
    mode: 'explore',
    preview: null,             // {key, result}
    versions: [],
    compare: null,
    pcn: null,                 // the chosen PCN's view (health)
    alignment: null,           // pcn-alignment rows
    layers: {},                // name -> Leaflet layer
    layerFc: {},               // name -> FeatureCollection
    firstPaint: false,
    indicators: [],            // the indicator catalogue (GET /api/indicators)
    choro: null,               // {indicator, part, parts, values: Map(area_id -> value), classes: [{lo, hi, colour}], region}
    profiles: new Map(),       // "plan:revision:area" -> area profile answer
    started: false,            // the region and plans are loaded (after the session allowed it)
    plansLoaded: false,
  };
  /** Comments: the loaded list, what it was loaded for, and the inline forms and pin in progress. */
  const C = { list: [], key: null, seq: 0, editing: null, replying: null, pin: null, pinning: false, scopePref: 'area' };
  /** Admin screen. */
  const A = { accounts: [] };

  // ---------------------------------------------------------------- colours
  /** Qualitative palette (ColorBrewer Set3 and Pastel tones), light enough for dark labels. */
  const AREA_PALETTE = ['#8dd3c7', '#ffffb3', '#bebada', '#fb8072', '#80b1d3', '#fdb462', '#b3de69',
    '#fccde5', '#bc80bd', '#ccebc5', '#ffed6f', '#e5c494'];
  const SHARE_CLASSES = [
    { min: 0.8, colour: '#08306b', label: '80% or more' },
    { min: 0.6, colour: '#2171b5', label: '60–80%' },
    { min: 0.4, colour: '#6baed6', label: '40–60%' },
    { min: 0.2, colour: '#bdd7e7', label: '20–40%' },
    { min: 0.0, colour: '#eff3ff', label: 'under 20%' },
  ];
  const pcnColourCache = new Map();
  function pcnColour(code) {
    if (!code) return '#cccccc';
    if (!pcnColourCache.has(code)) {
      const codes = [...S.pcnNames.keys()].sort();
      let i = codes.indexOf(code);
      if (i < 0) i = codes.length + pcnColourCache.size;
      const hue = Math.round((i * 137.508) % 360);
      const light = [62, 48, 74][i % 3];
      pcnColourCache.set(code, 'hsl(' + hue + ',58%,' + light + '%)');
    }
    return pcnColourCache.get(code);
  }
  const pcnName = (code) => (code && S.pcnNames.get(code)) || code || 'none';
  const shareColour = (s) => (SHARE_CLASSES.find((c) => s >= c.min) || SHARE_CLASSES[SHARE_CLASSES.length - 1]).colour;

  // ---------------------------------------------------------------- geometry helpers
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
  function polygonsOf(geom) {
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
  function featureAt(fc, latlng) {
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
  function ringArea(r) {
    let a = 0;
    for (let i = 0, j = r.length - 1; i < r.length; j = i++) a += (r[j][0] + r[i][0]) * (r[j][1] - r[i][1]);
    return Math.abs(a / 2);
  }
  /** A point inside the largest polygon, for a label: the middle of the widest horizontal chord. */
  function labelPoint(geom) {
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
    return bestPt ? L.latLng(bestPt[1], bestPt[0]) : null;
  }

  /**
   * Which features touch which: vertices hashed into a grid of cell size eps; two features
   * are neighbours when they come within eps of each other in at least two cells (a shared
   * edge, not a single corner). Works on boundaries simplified separately.
   */
  function adjacency(features, keyOf, eps) {
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
  const pixelDegrees = (z) => 360 / (256 * Math.pow(2, z));

  // ---------------------------------------------------------------- the map
  const map = L.map('map', {
    zoomControl: true,
    attributionControl: false,
    keyboard: true,
    zoomSnap: 0.5,
    minZoom: 5,
    maxZoom: 17,
    boxZoom: true,
  }).setView([52.4, -0.1], 9);
  const panes = { areas: 400, lsoas: 405, share: 406, blocks: 410, outlines: 420, selection: 430, compare: 440, comments: 450 };
  for (const [name, z] of Object.entries(panes)) {
    map.createPane(name).style.zIndex = String(z);
    map.getPane(name).style.pointerEvents = 'none';
  }
  map.getContainer().setAttribute('role', 'region');
  map.getContainer().setAttribute('aria-roledescription', 'map');
  L.control.scale({ imperial: false }).addTo(map);

  const detailZoom = () => Math.max(6, Math.min(14, Math.round(map.getZoom())));
  const layerOn = (name) => { const c = $('layer-' + name); return !!(c && c.checked); };

  function areaColourOf(areaId) { return S.areaColour.get(areaId) || '#dddddd'; }
  function blockArea(code) {
    const b = S.plan && S.plan.blocks && S.plan.blocks[code];
    return b ? b.area_id : (S.blockProps.get(code) || {}).area_id;
  }
  function blockLocked(code) {
    const b = S.plan && S.plan.blocks && S.plan.blocks[code];
    return !!(b && b.locked);
  }
  const areaIdOf = (p) => p.area_id || p.id || p.areaId;
  const areaLabel = (id) => {
    const a = S.areas.get(id);
    return a && a.area_name && a.area_name !== id ? id + ' ' + a.area_name : id;
  };

  /** Greedy colouring of the area adjacency graph: neighbours differ, colours stay put where they can. */
  function colourAreas(fc) {
    const ids = fc.features.map((f) => areaIdOf(f.properties));
    const adj = adjacency(fc.features, (f) => areaIdOf(f.properties), Math.max(0.0006, 3 * pixelDegrees(S.areasZoom || 9)));
    S.areaAdj = adj;
    const old = S.areaColour;
    const next = new Map();
    const usage = new Array(AREA_PALETTE.length).fill(0);
    const order = ids.slice().sort((a, b) => (adj.get(b).size - adj.get(a).size) || (a < b ? -1 : 1));
    // keep previous colours that still do not clash
    for (const id of order) {
      const c = old.get(id);
      if (c && ![...adj.get(id)].some((n) => next.get(n) === c)) {
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
        const s = (near.has(c) ? 1000 : 0) + usage[i];
        if (s < score) { score = s; pick = c; }
      });
      if (!pick) pick = AREA_PALETTE[ids.indexOf(id) % AREA_PALETTE.length];
      next.set(id, pick);
      usage[AREA_PALETTE.indexOf(pick)]++;
    }
    S.areaColour = next;
  }

  function areaStyle(f) {
    const id = areaIdOf(f.properties);
    const outlineOnly = S.mode !== 'explore' && S.mode !== 'admin';
    const sel = id === S.selectedArea;
    return {
      pane: 'areas', interactive: false,
      color: sel ? '#000' : '#30363d', weight: sel ? 3.5 : (outlineOnly ? 2.2 : 1.2), opacity: 0.95,
      fill: !outlineOnly || S.mode === 'analyst' && !S.blocksFc,
      fillColor: S.choro ? choroColour(id) : areaColourOf(id), fillOpacity: S.choro ? 0.85 : (sel ? 0.85 : 0.7),
    };
  }

  function drawAreas(fc) {
    S.areasFc = fc;
    colourAreas(fc);
    if (S.layers.areas) S.layers.areas.remove();
    if (S.layers.labels) S.layers.labels.remove();
    S.layers.areas = L.geoJSON(fc, { style: areaStyle, interactive: false });
    const labels = L.layerGroup();
    const bySize = fc.features.map((f) => ({ f, size: polygonsOf(f.geometry).reduce((s, p) => s + ringArea(p[0] || []), 0) }))
      .sort((p, q) => q.size - p.size);
    for (const { f } of bySize) {
      const pt = labelPoint(f.geometry);
      if (!pt) continue;
      const p = f.properties;
      const span = el('span', { text: (areaIdOf(p) || '') + (p.area_name ? ' ' + p.area_name : '') });
      labels.addLayer(L.tooltip({ permanent: true, direction: 'center', className: 'area-label', interactive: false, opacity: 1 })
        .setLatLng(pt).setContent(span));
    }
    S.layers.labels = labels;
    syncAreaLayers();
    declutterLabels();
    map.getContainer().dataset.areasDrawn = 'true';
    if (!S.firstPaint) {
      S.firstPaint = true;
      try { performance.mark('sda-areas-drawn'); } catch (e) { /* old browsers */ }
    }
  }
  /** Hides labels that would overlap a label of a larger area (they come back when zooming in). */
  function declutterLabels() {
    if (!S.layers.labels || !map.hasLayer(S.layers.labels)) return;
    const shown = [];
    S.layers.labels.eachLayer((t) => {
      const e = t.getElement();
      if (!e) return;
      e.style.visibility = '';
      const r = e.getBoundingClientRect();
      const clash = shown.some((q) => r.left < q.right + 2 && r.right > q.left - 2 && r.top < q.bottom + 1 && r.bottom > q.top - 1);
      if (clash) e.style.visibility = 'hidden';
      else shown.push(r);
    });
  }
  map.on('zoomend moveend', () => window.requestAnimationFrame(declutterLabels));

  function syncAreaLayers() {
    const on = layerOn('areas');
    if (S.layers.areas) { if (on) S.layers.areas.addTo(map); else S.layers.areas.remove(); }
    if (S.layers.labels) { if (on) S.layers.labels.addTo(map); else S.layers.labels.remove(); }
    restyleAreas();
  }
  function restyleAreas() {
    if (S.layers.areas) S.layers.areas.setStyle(areaStyle);
  }

  async function refreshAreas() {
    if (!S.planId) return;
    const z = detailZoom();
    const fc = await api('/api/plans/' + enc(S.planId) + '/areas?zoom=' + z);
    S.areasZoom = z;
    drawAreas(fc);
    updateLegend();
  }

  // ---------------------------------------------------------------- blocks layer (also picks blocks)
  function blockStyle(f) {
    const code = f.properties.block_code;
    const analyst = S.mode === 'analyst';
    const show = analyst || layerOn('blocks');
    const sel = S.selected.has(code);
    return {
      pane: 'blocks', interactive: false,
      color: sel ? '#000' : '#4a5159', weight: sel ? 3 : (analyst ? 0.7 : 0.8),
      opacity: show ? 0.9 : 0,
      dashArray: blockLocked(code) ? '5 4' : null,
      fill: analyst, fillColor: areaColourOf(blockArea(code)), fillOpacity: analyst ? 0.7 : 0,
    };
  }
  let blocksPromise = null;
  function loadBlocks() {
    if (!blocksPromise) blocksPromise = fetchBlocks().catch((e) => { blocksPromise = null; throw e; });
    return blocksPromise;
  }
  async function fetchBlocks() {
    const z = Math.max(11, detailZoom());
    const fc = await api('/api/layers/blocks?zoom=' + z);
    S.blocksFc = fc;
    for (const f of fc.features) {
      S.blockProps.set(f.properties.block_code, f.properties);
      S.blockFeature.set(f.properties.block_code, f);
    }
    S.blockAdj = adjacency(fc.features, (f) => f.properties.block_code, Math.max(0.0004, 3 * pixelDegrees(z)));
    S.layers.blocks = L.geoJSON(fc, { style: blockStyle, interactive: false }).addTo(map);
    map.getContainer().dataset.blocksLoaded = 'true';
    restyleAreas();
    if (S.selectedArea) renderAreaDetails();
    return fc;
  }
  function restyleBlocks() {
    if (S.layers.blocks) S.layers.blocks.setStyle(blockStyle);
    drawSelection();
  }
  function drawSelection() {
    if (S.layers.selection) S.layers.selection.remove();
    const feats = [...S.selected].map((c) => S.blockFeature.get(c)).filter(Boolean);
    if (!feats.length) return;
    S.layers.selection = L.geoJSON({ type: 'FeatureCollection', features: feats }, {
      style: { pane: 'selection', interactive: false, color: '#000', weight: 3.5, fill: true, fillColor: '#ffd400', fillOpacity: 0.8 },
      interactive: false,
    }).addTo(map);
  }

  // ---------------------------------------------------------------- other layers
  const LAYER_STYLE = {
    lsoas: (f) => {
      const p = f.properties;
      return {
        pane: 'lsoas', interactive: false,
        color: p.contested ? '#111' : '#ffffff', weight: p.contested ? 2 : 0.5, dashArray: p.contested ? '4 3' : null,
        fill: true, fillColor: pcnColour(p.dominant_pcn_code), fillOpacity: 0.75,
      };
    },
    blocks: null,
    districts: () => ({ pane: 'outlines', interactive: false, color: '#111', weight: 3.5, fill: false, opacity: 0.9 }),
    'pcn-footprints': (f) => ({ pane: 'outlines', interactive: false, color: pcnColour(f.properties.pcn_code), weight: 3, fill: false }),
    'pcn-catchments': () => ({ pane: 'outlines', interactive: false, color: '#6a1b9a', weight: 2, dashArray: '6 4', fill: false }),
  };
  const layerPromises = {};
  function layerFc(name) {
    if (!layerPromises[name]) {
      layerPromises[name] = api('/api/layers/' + enc(name) + '?zoom=' + Math.max(10, detailZoom())).then((fc) => {
        S.layerFc[name] = fc;
        if (name === 'lsoas') {
          S.lsoasFc = fc;
          for (const f of fc.features) S.lsoaNames.set(f.properties.lsoa_code, f.properties.lsoa_name);
        }
        return fc;
      }).catch((e) => { delete layerPromises[name]; throw e; });
    }
    return layerPromises[name];
  }
  async function syncLayer(name) {
    if (name === 'areas') { syncAreaLayers(); updateLegend(); return; }
    if (name === 'blocks') { restyleBlocks(); updateLegend(); return; }
    const on = layerOn(name);
    if (!on) {
      if (S.layers[name]) S.layers[name].remove();
      updateLegend();
      return;
    }
    try {
      const fc = await layerFc(name);
      if (!S.layers[name]) S.layers[name] = L.geoJSON(fc, { style: LAYER_STYLE[name], interactive: false });
      if (layerOn(name)) S.layers[name].addTo(map);
    } catch (e) {
      showError(e);
    }
    updateLegend();
  }
  document.querySelectorAll('#layer-switcher input[type=checkbox]').forEach((c) => {
    c.addEventListener('change', () => syncLayer(c.dataset.layer));
  });

  // ---------------------------------------------------------------- legend
  function legendItem(swatch, text) {
    return el('li', null, swatch, el('span', { text }));
  }
  const swatch = (colour, extra) => el('span', { className: 'swatch' + (extra ? ' ' + extra : ''), style: { background: colour }, 'aria-hidden': 'true' });
  const lineSample = (colour, dashed) => el('span', { className: 'line-sample' + (dashed ? ' dashed' : ''), style: { borderTopColor: colour }, 'aria-hidden': 'true' });
  function updateLegend() {
    const box = clear($('legend-body'));
    const section = (title, items, id) => box.appendChild(el('div', { className: 'legend-block', id },
      el('p', { className: 'legend-title', text: title }), el('ul', null, items)));
    if (S.mode === 'health' && S.pcn) {
      section('Share of ' + pcnName(S.pcn.pcn_code) + '\'s patients in each LSOA (small area of ~1,500 people)',
        SHARE_CLASSES.map((c) => legendItem(swatch(c.colour), c.label)).concat([legendItem(swatch('#ffffff'), 'no patients of this PCN')]),
        'pcn-share-legend');
    }
    if (layerOn('areas') && S.choro) {
      const c = S.choro;
      const fmt = (v) => choroFormat(c.indicator, v);
      const n = [...c.values.values()].filter((v) => v !== null).length;
      const title = c.indicator.label + (c.part ? ': share of “' + c.part + '”' : '');
      const items = c.classes.map((k) => legendItem(swatch(k.colour), fmt(k.lo) + ' to ' + fmt(k.hi) + ' (' + k.count + (k.count === 1 ? ' area)' : ' areas)')));
      if (n < c.values.size) items.push(legendItem(swatch(NO_DATA), 'no data'));
      const block = el('div', { className: 'legend-block', id: 'choropleth-legend', dataset: { indicator: c.indicator.id, classes: String(c.classes.length) } },
        el('p', { className: 'legend-title', text: title }),
        el('p', { className: 'legend-note', text: 'Source: ' + [c.indicator.source, c.indicator.vintage].filter(Boolean).join(', ') + '.' }),
        el('p', { className: 'legend-note', text: c.classes.length + (c.classes.length === 1 ? ' class' : ' quantile classes') + ' of the ' + n + ' areas (about equal numbers of areas in each; bounds are the lowest and highest area in the class). Region: ' + fmt(c.region) + '.' }),
        el('ul', null, items));
      box.appendChild(block);
    } else if (layerOn('areas')) {
      const items = [legendItem(swatch(AREA_PALETTE[0]), 'each colour is one service delivery area (neighbours differ)')];
      if (S.mode === 'analyst') {
        items.push(legendItem(swatch('#ffd400'), 'selected building blocks'));
        items.push(legendItem(lineSample('#4a5159', true), 'locked building block'));
      }
      if (S.compare) items.push(legendItem(swatch('#ff6d00', 'hatched'), 'blocks that changed area in the comparison'));
      section('Areas', items);
    }
    if (layerOn('blocks') || S.mode === 'analyst') {
      section('Building blocks', [legendItem(lineSample('#4a5159'), 'parish, or LSOA where there is no parish')]);
    }
    if (layerOn('lsoas')) {
      const codes = new Set();
      (S.lsoasFc ? S.lsoasFc.features : []).forEach((f) => codes.add(f.properties.dominant_pcn_code));
      const items = [...codes].filter(Boolean).sort((a, b) => pcnName(a).localeCompare(pcnName(b)))
        .map((c) => legendItem(swatch(pcnColour(c)), pcnName(c)));
      items.push(legendItem(swatch('#ffffff', 'hatched'), 'dashed outline: contested (no clear main PCN)'));
      section('LSOAs by main PCN (where most residents are registered)', items);
    }
    if (layerOn('districts')) section('Districts', [legendItem(lineSample('#111'), 'district council boundary')]);
    if (layerOn('pcn-footprints')) section('PCN footprints', [legendItem(lineSample('#777'), 'edge of the LSOAs where a PCN is the main one (colour per PCN)')]);
    if (layerOn('pcn-catchments')) section('PCN catchments', [legendItem(lineSample('#6a1b9a', true), 'published practice catchment of a PCN')]);
    $('legend').hidden = !box.firstChild;
  }

  // ---------------------------------------------------------------- map interaction
  function hoverText(latlng) {
    const parts = [];
    const f = S.blocksFc ? featureAt(S.blocksFc, latlng) : null;
    if (f) {
      const p = f.properties;
      parts.push(p.block_name + ' (' + kindLabel(p.block_kind) + ') · ' + areaLabel(blockArea(p.block_code)));
    } else {
      const a = featureAt(S.areasFc, latlng);
      if (a) parts.push(areaLabel(areaIdOf(a.properties)));
    }
    if (S.mode === 'health' && S.pcn && S.lsoasFc) {
      const l = featureAt(S.lsoasFc, latlng);
      if (l) {
        const s = S.pcnShare.get(l.properties.lsoa_code);
        parts.push(l.properties.lsoa_name + ': ' + (s ? fmtPct(s.share) + ' of the LSOA\'s patients' : 'no patients') + ' with ' + pcnName(S.pcn.pcn_code));
      }
    } else if (layerOn('lsoas') && S.lsoasFc) {
      const l = featureAt(S.lsoasFc, latlng);
      if (l) {
        const p = l.properties;
        parts.push(p.lsoa_name + ': main PCN ' + pcnName(p.dominant_pcn_code) + ' (' + fmtPct(p.dominant_share, 0) + ')' + (p.contested ? ', contested' : ''));
      }
    }
    return parts.join(' — ');
  }
  let hoverPending = null;
  map.on('mousemove', (e) => {
    hoverPending = e.latlng;
    window.requestAnimationFrame(() => {
      if (!hoverPending) return;
      const t = hoverText(hoverPending);
      hoverPending = null;
      const box = $('hover-info');
      box.textContent = t;
      box.hidden = !t;
    });
  });
  map.on('mouseout', () => { $('hover-info').hidden = true; });

  map.on('click', (e) => {
    if (C.pinning) { pinAt(e.latlng); return; }
    const oe = e.originalEvent || {};
    const many = oe.shiftKey || oe.ctrlKey || oe.metaKey;
    const blk = S.blocksFc ? featureAt(S.blocksFc, e.latlng) : null;
    if (S.mode === 'analyst' && blk) {
      const code = blk.properties.block_code;
      selectBlock(code, many ? 'toggle' : 'only');
      return;
    }
    const code = blk ? blk.properties.block_code : null;
    const areaId = code ? blockArea(code) : (() => { const a = featureAt(S.areasFc, e.latlng); return a ? areaIdOf(a.properties) : null; })();
    if (areaId) selectArea(areaId);
  });

  let zoomTimer = null;
  map.on('zoomend', () => {
    map.getContainer().dataset.zoom = String(map.getZoom());
    window.clearTimeout(zoomTimer);
    zoomTimer = window.setTimeout(() => {
      if (S.planId && S.areasZoom !== null && detailZoom() > S.areasZoom) refreshAreas().catch(showError);
    }, 400);
  });

  // ---------------------------------------------------------------- region, plans
  async function loadRegion() {
    S.region = await api('/api/region');
    (S.region.pcns || []).forEach((p) => S.pcnNames.set(p.code, p.name));
    (S.region.districts || []).forEach((d) => S.districtNames.set(d.code, d.name));
    pcnColourCache.clear();
    const foot = clear($('attribution'));
    const atts = [...new Set(S.region.attributions || [])];
    const text = el('span', { id: 'attribution-text', text: 'Data: ' + atts.join(' · ') });
    const more = el('button', { type: 'button', id: 'attribution-toggle', className: 'link-button', 'aria-expanded': 'false', 'aria-controls': 'attribution-text' }, 'All sources');
    more.addEventListener('click', () => {
      const open = foot.classList.toggle('open');
      more.setAttribute('aria-expanded', open ? 'true' : 'false');
      more.textContent = open ? 'Fewer' : 'All sources';
    });
    foot.appendChild(text);
    foot.appendChild(more);
    if (S.region.name) $('app-title').textContent = 'Service delivery areas: ' + S.region.name;
    const bb = S.region.bounds;
    if (Array.isArray(bb) && bb.length === 4 && bb.every((x) => num(x) !== null)) {
      fitRegion(L.latLngBounds([bb[1], bb[0]], [bb[3], bb[2]]));
    }
    const sel = $('pcn-select');
    [...S.pcnNames.entries()].sort((a, b) => a[1].localeCompare(b[1]))
      .forEach(([code, name]) => sel.appendChild(el('option', { value: code, text: name + ' (' + code + ')' })));
  }

  async function loadPlans(preferId) {
    S.plans = await api('/api/plans');
    const sel = clear($('plan-select'));
    for (const p of S.plans) {
      sel.appendChild(el('option', { value: p.id, text: p.name + (num(p.alignment) !== null ? ' — alignment ' + fmtPct(p.alignment, 0) : '') }));
    }
    S.plansLoaded = true;
    $('plan-create').hidden = S.plans.length > 0 || !can('edit_plans');
    sel.hidden = S.plans.length === 0;
    if (!S.plans.length) {
      $('plan-summary-line').textContent = can('edit_plans')
        ? 'There is no plan yet. Build a first plan: the areas are drawn automatically and you can change them afterwards.'
        : 'There is no plan yet: an analyst builds the first one.';
      return null;
    }
    const fromHash = new URLSearchParams(location.hash.slice(1)).get('plan');
    const want = [preferId, fromHash].find((id) => id !== null && id !== undefined && S.plans.some((p) => String(p.id) === String(id)));
    const id = want !== undefined ? want : S.plans[0].id;
    sel.value = String(id);
    return id;
  }

  async function openPlan(id) {
    S.planId = id;
    S.selected.clear();
    S.selectedArea = null;
    S.preview = null;
    S.compare = null;
    S.versions = [];
    S.pcn = null;
    C.key = null;
    C.list = [];
    C.editing = null;
    C.replying = null;
    const z = detailZoom();
    const [plan, fc] = await Promise.all([
      api('/api/plans/' + enc(id)),
      api('/api/plans/' + enc(id) + '/areas?zoom=' + z),
    ]);
    S.areasZoom = z;
    setPlan(plan);
    drawAreas(fc);
    if (!S.fitted) fitRegion(S.layers.areas.getBounds());
    renderAll();
    updateDownloads();
    refreshIndicator();
    const h = new URLSearchParams(location.hash.slice(1));
    h.set('plan', id);
    history.replaceState(null, '', '#' + h.toString());
    loadLsoaLookup().catch(() => { /* optional */ });
  }

  /** Fits the map to the region once, leaving room for the bottom sheet on a phone. */
  function fitRegion(b) {
    if (!b || !b.isValid()) return;
    S.fitted = true;
    map.fitBounds(b, Object.assign({ animate: false }, mapPadding(10)));
  }
  /** Padding for fitBounds: on a phone, the bottom sheet hides the lower part of the map. */
  function mapPadding(px) {
    return phone.matches ? { paddingTopLeft: [px, px], paddingBottomRight: [px, $('panel').offsetHeight + px] } : { padding: [px, px] };
  }
  /** Centres the map on a point, in the part of the map the bottom sheet leaves visible. */
  function showPoint(latlng, zoom) {
    map.setView(latlng, zoom, { animate: false });
    if (phone.matches) map.panBy([0, Math.round($('panel').offsetHeight / 2)], { animate: false });
    if (S.layers.found) S.layers.found.remove();
    S.layers.found = L.circleMarker(latlng, { pane: 'selection', radius: 8, color: '#000', weight: 3, fillColor: '#ffd400', fillOpacity: 1, interactive: false }).addTo(map);
  }

  function setPlan(plan) {
    S.plan = plan;
    S.areas = new Map();
    S.areaOrder = [];
    for (const a of plan.areas || []) {
      S.areas.set(a.area_id, a);
      S.areaOrder.push(a.area_id);
    }
    body.dataset.revision = String(plan.revision);
  }

  /** Reloads the plan after an edit; the map redraws the dissolved areas. */
  async function reloadPlan() {
    const z = detailZoom();
    const [plan, fc] = await Promise.all([
      api('/api/plans/' + enc(S.planId)),
      api('/api/plans/' + enc(S.planId) + '/areas?zoom=' + z),
    ]);
    S.areasZoom = z;
    setPlan(plan);
    drawAreas(fc);
    S.lsoaByArea = null;
    renderAll();
    refreshIndicator();
    loadLsoaLookup().catch(() => { /* optional */ });
  }

  async function loadLsoaLookup() {
    const text = await apiText('/api/plans/' + enc(S.planId) + '/download?format=lsoas-csv');
    const lines = String(text || '').split(/\r?\n/).filter(Boolean);
    const head = (lines.shift() || '').split(',');
    const ci = head.indexOf('lsoa_code'), ai = head.indexOf('area_id');
    const si = head.findIndex((h) => h.startsWith('population_share'));
    const by = new Map();
    for (const line of lines) {
      const f = line.split(',');
      const a = f[ai];
      if (!by.has(a)) by.set(a, []);
      by.get(a).push({ code: f[ci], share: si >= 0 ? num(f[si]) : null });
    }
    S.lsoaByArea = by;
    if (S.selectedArea) renderAreaLsoas();
  }

  function updateDownloads() {
    const base = '/api/plans/' + enc(S.planId) + '/download?format=';
    const name = (S.plan && S.plan.name ? S.plan.name : 'plan').replace(/[^A-Za-z0-9_-]+/g, '_');
    const set = (id, fmt, file) => { const a = $(id); a.href = base + fmt; a.setAttribute('download', name + '_' + file); };
    set('download-geojson', 'geojson', 'areas.geojson');
    set('download-gpkg', 'gpkg', 'areas.gpkg');
    set('download-blocks-csv', 'blocks-csv', 'parish_to_area.csv');
    set('download-lsoas-csv', 'lsoas-csv', 'lsoa_to_area.csv');
    const pb = '/api/plans/' + enc(S.planId) + '/profiles?format=';
    $('profiles-download-csv').href = pb + 'csv';
    $('profiles-download-csv').setAttribute('download', name + '_profiles.csv');
    $('profiles-download-json').href = pb + 'json';
    $('profiles-download-json').setAttribute('download', name + '_profiles.json');
    const m = $('pcn-matrix-csv');
    m.href = '/api/plans/' + enc(S.planId) + '/pcn-alignment?format=csv';
    m.setAttribute('download', name + '_pcn_by_area.csv');
  }

  // ---------------------------------------------------------------- panel rendering
  function renderAll() {
    renderPlanSummary();
    renderAreaList();
    renderAreaDetails();
    restyleBlocks();
    renderSelection();
    updateLegend();
  }

  function renderPlanSummary() {
    const p = S.plan;
    if (!p) return;
    const s = p.summary || {};
    $('plan-title').textContent = p.name || 'Plan';
    $('plan-summary-line').textContent = (s.areas || S.areaOrder.length) + ' areas · PCN alignment ' + fmtPct(s.alignment)
      + ' · revision ' + p.revision;
    const dl = clear($('plan-figures'));
    const add = (k, v, title) => { dl.appendChild(el('dt', { text: k, title })); dl.appendChild(el('dd', { text: v })); };
    add('PCN alignment', fmtPct(s.alignment), 'Share of registered patients who are with their area\'s main PCN');
    if (s.worst_area) add('Least aligned area', s.worst_area + ' (' + fmtPct(s.worst_area_alignment) + ')');
    add('Largest size difference', fmtPct(s.max_deviation), 'The area furthest from the average number of residents');
    add('Areas not in one piece', String(s.non_contiguous_areas !== undefined ? s.non_contiguous_areas : '–'));
  }

  function renderAreaList() {
    const ul = clear($('area-list'));
    for (const id of S.areaOrder) {
      const a = S.areas.get(id);
      ul.appendChild(el('li', null, el('button', {
        type: 'button', className: 'area-item', dataset: { area: id }, 'aria-current': id === S.selectedArea ? 'true' : null,
        onclick: () => selectArea(id, { focus: true, zoom: true }),
      }, swatch(areaColourOf(id)), el('span', { text: areaLabel(id) }),
      el('span', { className: 'figure', text: fmtInt(a.resident_population) + ' · ' + fmtPct(a.pcn_alignment, 0) }))));
    }
  }

  function selectArea(id, opts) {
    if (!S.areas.has(id)) return;
    S.selectedArea = id;
    restyleAreas();
    renderAreaDetails();
    if (opts && opts.zoom) zoomToArea(id);
    if (opts && opts.focus) $('area-title').focus();
  }
  function zoomToArea(id) {
    if (!S.layers.areas) return;
    S.layers.areas.eachLayer((l) => {
      if (areaIdOf(l.feature.properties) === id) map.fitBounds(l.getBounds(), Object.assign({ maxZoom: 12 }, mapPadding(20)));
    });
  }
  $('area-back').addEventListener('click', () => {
    const prev = S.selectedArea;
    S.selectedArea = null;
    restyleAreas();
    renderAreaDetails();
    const b = document.querySelector('#area-list button[data-area="' + CSS.escape(prev || '') + '"]');
    if (b) b.focus();
  });

  const kindLabel = (k) => ({ parish: 'parish', unparished: 'area without a parish council', lsoa: 'LSOA', 'lsoa-part': 'part of an LSOA' }[k] || k || 'block');

  function renderAreaDetails() {
    const id = S.selectedArea;
    const showDetails = !!id && S.mode !== 'health' && S.mode !== 'admin';
    $('area-details').hidden = !showDetails;
    $('area-list-section').hidden = !!id || S.mode === 'health' || S.mode === 'admin';
    document.querySelectorAll('#area-list button').forEach((b) => b.setAttribute('aria-current', b.dataset.area === id ? 'true' : 'false'));
    syncComments();
    if (!id) return;
    const a = S.areas.get(id);
    $('area-title').textContent = areaLabel(id);
    $('area-comments-link').textContent = 'Comments on this area';
    const renaming = S.mode === 'analyst' && can('edit_plans');
    if ($('area-rename-form').dataset.area !== id || $('area-rename-form').hidden !== !renaming) $('area-rename').value = a.area_name || '';
    $('area-rename-form').dataset.area = id;
    $('area-rename-form').hidden = !renaming;
    $('area-population').textContent = fmtInt(a.resident_population)
      + (num(a.registered_population) !== null ? ' (' + fmtInt(a.registered_population) + ' registered patients)' : '');
    const dev = num(a.deviation);
    const devEl = $('area-deviation');
    devEl.textContent = dev === null ? '–' : (Math.abs(dev) < 0.0005 ? 'the average size'
      : fmtPct(Math.abs(dev)) + (dev > 0 ? ' above' : ' below') + ' the average');
    devEl.className = dev !== null && Math.abs(dev) > 0.25 ? 'bad' : '';
    $('area-main-pcn').textContent = a.main_pcn_code ? pcnName(a.main_pcn_code) + ' (' + a.main_pcn_code + ')' : '–';
    $('area-alignment').textContent = fmtPct(a.pcn_alignment) + ' of registered patients are with the main PCN';
    $('area-compactness').textContent = num(a.compactness) === null ? '–' : Number(a.compactness).toFixed(2) + ' (1 is a circle)';
    const cont = $('area-contiguity');
    cont.textContent = a.contiguous === false ? 'No: the area is in more than one piece' : 'Yes';
    cont.className = a.contiguous === false ? 'bad' : '';
    $('area-districts').textContent = (a.district_codes || []).map((c) => S.districtNames.get(c) || c).join(', ') || '–';
    renderPcnMix(a);
    renderAreaProfile(id);
    renderBlockList();
    renderAreaLsoas();
  }

  // ---------------------------------------------------------------- area profiles and the choropleth
  /** The area's profile (key figures and charts, from profile-charts.js), fetched once per plan revision. */
  async function renderAreaProfile(id) {
    const box = $('area-profile');
    const key = S.planId + ':' + (S.plan ? S.plan.revision : '') + ':' + id;
    $('profile-print-link').href = 'profile.html?plan=' + enc(S.planId) + '&area=' + enc(id);
    if (box.dataset.key === key) return;
    box.dataset.key = key;
    delete box.dataset.area;
    const figs = clear($('profile-key-figures'));
    const charts = clear($('profile-charts'));
    if (!window.SdaProfile) return;
    let p = S.profiles.get(key);
    if (!p) {
      $('profile-status').textContent = 'Loading the profile…';
      try {
        p = await api('/api/plans/' + enc(S.planId) + '/areas/' + enc(id) + '/profile');
      } catch (e) {
        if (box.dataset.key === key) $('profile-status').textContent = 'The profile could not be loaded: ' + e.message;
        return;
      }
      S.profiles.set(key, p);
    }
    if (box.dataset.key !== key) return; // another area was chosen meanwhile
    if (!p.indicators || !p.indicators.length) {
      $('profile-status').textContent = 'The region was imported without indicators, so there is no profile.';
      return;
    }
    $('profile-status').textContent = 'Figures for the LSOAs that fit best in this area, next to '
      + (p.districts.length ? p.districts.map((d) => d.name).join(', ') : 'its district') + ' and ' + p.region.name + '. Each figure gives its date and source.';
    figs.appendChild(window.SdaProfile.keyFigures(p));
    charts.appendChild(window.SdaProfile.charts(p));
    box.dataset.area = id;
  }

  const CHORO_COLOURS = ['#edf8fb', '#b3cde3', '#8c96c6', '#8856a7', '#810f7c'];
  const NO_DATA = '#d9d9d9';
  function choroFormat(ind, v) {
    if (v === null || v === undefined) return '–';
    if (!ind) return String(v);
    if (ind.kind === 'proportion' || ind.kind === 'distribution' || ind.kind === 'category_shares' || ind.kind === 'age_bands') return fmtPct(v);
    return fmtInt(v);
  }
  function choroColour(id) {
    const v = S.choro.values.get(id);
    if (v === null || v === undefined) return NO_DATA;
    const k = S.choro.classes.find((c) => v >= c.lo && v <= c.hi);
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
  async function loadIndicators() {
    S.indicators = await api('/api/indicators');
    const sel = $('indicator-select');
    for (const i of S.indicators) sel.appendChild(el('option', { value: i.id, text: i.label }));
    $('choropleth-box').hidden = !S.indicators.length;
  }
  async function showIndicator(id, part) {
    if (!id) {
      S.choro = null;
      $('indicator-part').hidden = true;
      $('indicator-part-label').hidden = true;
    } else {
      const r = await api('/api/plans/' + enc(S.planId) + '/indicators/' + enc(id) + (part ? '?part=' + enc(part) : ''));
      const values = new Map(r.areas.map((a) => [a.area_id, a.value === null ? null : Number(a.value)]));
      S.choro = { indicator: r.indicator, part: r.part, parts: r.parts, values, region: r.region, classes: quantileClasses([...values.values()]) };
      const ps = $('indicator-part');
      clear(ps);
      r.parts.forEach((k) => ps.appendChild(el('option', { value: k, text: k, selected: k === r.part })));
      ps.hidden = !r.parts.length;
      $('indicator-part-label').hidden = !r.parts.length;
      announce('Areas coloured by ' + r.indicator.label + (r.part ? ': ' + r.part : ''));
    }
    restyleAreas();
    updateLegend();
  }
  $('indicator-select').addEventListener('change', () => showIndicator($('indicator-select').value, null).catch(showError));
  $('indicator-part').addEventListener('change', () => showIndicator($('indicator-select').value, $('indicator-part').value).catch(showError));
  /** After an edit the areas change: the choropleth follows. */
  function refreshIndicator() {
    if (S.choro) showIndicator(S.choro.indicator.id, S.choro.part).catch(showError);
  }

  function renderPcnMix(a) {
    const box = clear($('area-pcn-mix'));
    const mix = Object.entries(a.pcn_mix || {}).map(([k, v]) => [k, Number(v)]).sort((p, q) => q[1] - p[1]);
    if (!mix.length) { box.appendChild(el('p', { className: 'hint', text: 'No registrations known.' })); return; }
    const top = mix.slice(0, 6);
    const rest = mix.slice(6).reduce((s, [, v]) => s + v, 0);
    const total = mix.reduce((s, [, v]) => s + v, 0);
    const other = Math.max(rest, total < 0.999 ? 1 - total : 0);
    if (other > 0.0005) top.push(['other', other]);
    const W = 360, rowH = 20, labelW = 170, barW = 140;
    const svg = svgEl('svg', { viewBox: '0 0 ' + W + ' ' + (top.length * rowH + 4), role: 'img' });
    const desc = top.map(([k, v]) => (k === 'other' ? 'other PCNs' : pcnName(k)) + ' ' + fmtPct(v, 0)).join(', ');
    svg.setAttribute('aria-label', 'PCN mix of ' + a.area_id + ': ' + desc);
    const title = svgEl('title'); title.textContent = 'PCN mix: ' + desc; svg.appendChild(title);
    top.forEach(([k, v], i) => {
      const y = i * rowH + 2;
      const name = k === 'other' ? 'Other PCNs' : pcnName(k);
      const t = svgEl('text', { x: 0, y: y + 14 }); t.textContent = name.length > 26 ? name.slice(0, 25) + '…' : name; svg.appendChild(t);
      svg.appendChild(svgEl('rect', { x: labelW, y: y + 3, width: Math.max(1, v * barW), height: 13, fill: k === 'other' ? '#bbb' : pcnColour(k), stroke: '#333', 'stroke-width': 0.5 }));
      const vt = svgEl('text', { x: labelW + Math.max(1, v * barW) + 4, y: y + 14 }); vt.textContent = v < 0.005 ? 'under 1%' : fmtPct(v, 0); svg.appendChild(vt);
    });
    box.appendChild(svg);
  }

  function blocksOfArea(id) {
    if (!S.plan || !S.plan.blocks) return [];
    return Object.keys(S.plan.blocks).filter((c) => S.plan.blocks[c].area_id === id)
      .sort((p, q) => blockName(p).localeCompare(blockName(q)));
  }
  const blockName = (code) => (S.blockProps.get(code) || {}).block_name || code;

  function renderBlockList() {
    const ul = clear($('area-blocks'));
    const codes = blocksOfArea(S.selectedArea);
    if (!codes.includes(S.activeBlock)) S.activeBlock = codes.find((c) => S.selected.has(c)) || codes[0] || null;
    for (const code of codes) {
      const p = S.blockProps.get(code) || {};
      const locked = blockLocked(code);
      const li = el('li', {
        role: 'option', id: 'block-opt-' + code, dataset: { block: code },
        'aria-selected': S.selected.has(code) ? 'true' : 'false',
        tabindex: code === S.activeBlock ? '0' : '-1',
      }, el('span', { className: 'name', text: blockName(code) }),
      el('span', { className: 'kind', text: kindLabel(p.block_kind) }),
      el('span', { className: 'figure', text: p.resident_population !== undefined ? fmtInt(p.resident_population) : '' }),
      locked ? el('span', { className: 'lock', text: 'locked' }) : null);
      ul.appendChild(li);
    }
    if (!codes.length) ul.appendChild(el('li', { role: 'option', 'aria-disabled': 'true', text: 'No blocks.' }));
  }
  function focusBlockOption(code) {
    S.activeBlock = code;
    document.querySelectorAll('#area-blocks [role=option]').forEach((li) => li.setAttribute('tabindex', li.dataset.block === code ? '0' : '-1'));
    const li = $('block-opt-' + code);
    if (li) { li.focus(); li.scrollIntoView({ block: 'nearest' }); }
  }
  $('area-blocks').addEventListener('click', (e) => {
    const li = e.target.closest('[role=option][data-block]');
    if (!li) return;
    const many = e.shiftKey || e.ctrlKey || e.metaKey;
    selectBlock(li.dataset.block, many ? 'toggle' : 'only', { keepFocus: true });
    focusBlockOption(li.dataset.block);
  });
  $('area-blocks').addEventListener('keydown', (e) => {
    const li = e.target.closest('[role=option][data-block]');
    if (!li) return;
    const opts = [...document.querySelectorAll('#area-blocks [role=option][data-block]')];
    const i = opts.indexOf(li);
    let next = null;
    switch (e.key) {
      case 'ArrowDown': next = opts[Math.min(opts.length - 1, i + 1)]; break;
      case 'ArrowUp': next = opts[Math.max(0, i - 1)]; break;
      case 'Home': next = opts[0]; break;
      case 'End': next = opts[opts.length - 1]; break;
      case 'Enter': selectBlock(li.dataset.block, 'only', { keepFocus: true }); focusBlockOption(li.dataset.block); e.preventDefault(); return;
      case ' ': case 'Spacebar': selectBlock(li.dataset.block, 'toggle', { keepFocus: true }); focusBlockOption(li.dataset.block); e.preventDefault(); return;
      default: return;
    }
    e.preventDefault();
    if (next) {
      if (e.shiftKey) selectBlock(next.dataset.block, 'add', { keepFocus: true });
      focusBlockOption(next.dataset.block);
    }
  });

  function renderAreaLsoas() {
    const ul = clear($('area-lsoas'));
    if (!S.lsoaByArea) { ul.appendChild(el('li', { text: 'Loading…' })); return; }
    const rows = (S.lsoaByArea.get(S.selectedArea) || []).slice().sort((p, q) => p.code.localeCompare(q.code));
    if (!S.lsoasFc && rows.length) layerFc('lsoas').then(() => { if (S.selectedArea) renderAreaLsoas(); }).catch(() => { /* names are optional */ });
    for (const r of rows) {
      const name = S.lsoaNames.get(r.code);
      ul.appendChild(el('li', { text: r.code + (name ? ' ' + name : '') + (r.share !== null && r.share < 0.995 ? ' (' + fmtPct(r.share, 0) + ' of its residents in this area)' : '') }));
    }
    if (!rows.length) ul.appendChild(el('li', { text: 'None' }));
  }

  // ---------------------------------------------------------------- selection and moves (analyst)
  /** mode: only | toggle | add */
  function selectBlock(code, mode, opts) {
    if (!S.plan || !S.plan.blocks || !S.plan.blocks[code]) return;
    if (mode === 'only') { S.selected.clear(); S.selected.add(code); }
    else if (mode === 'toggle') { if (S.selected.has(code)) S.selected.delete(code); else S.selected.add(code); }
    else S.selected.add(code);
    S.preview = null;
    const area = blockArea(code);
    if (area !== S.selectedArea) {
      S.selectedArea = area;
      S.activeBlock = code;
      restyleAreas();
      renderAreaDetails();
    } else {
      document.querySelectorAll('#area-blocks [role=option][data-block]').forEach((li) => li.setAttribute('aria-selected', S.selected.has(li.dataset.block) ? 'true' : 'false'));
    }
    restyleBlocks();
    renderSelection();
    renderComposer();
    if (!(opts && opts.keepFocus) && opts && opts.focusList) focusBlockOption(code);
  }

  function neighbourAreas() {
    const own = new Set([...S.selected].map(blockArea));
    const near = new Map();
    if (S.blockAdj) {
      for (const c of S.selected) {
        for (const n of S.blockAdj.get(c) || []) {
          if (S.selected.has(n)) continue;
          const a = blockArea(n);
          if (a && !own.has(a)) near.set(a, (near.get(a) || 0) + 1);
        }
      }
    }
    return [...near.keys()].sort();
  }

  function renderSelection() {
    const codes = [...S.selected];
    const n = codes.length;
    const pop = codes.reduce((s, c) => s + (num((S.blockProps.get(c) || {}).resident_population) || 0), 0);
    $('selection-summary').textContent = n === 0
      ? 'Nothing selected. Select parishes on the map (Shift or Ctrl for several) or in the list above.'
      : 'Selected: ' + codes.map(blockName).join(', ') + ' (' + fmtInt(pop) + ' residents, now in ' + [...new Set(codes.map(blockArea))].join(', ') + ').';
    const target = $('move-target');
    const prev = target.value;
    clear(target);
    const near = n ? neighbourAreas() : [];
    const own = new Set(codes.map(blockArea));
    if (n) {
      const g1 = el('optgroup', { label: 'Neighbouring areas' });
      near.forEach((a) => g1.appendChild(el('option', { value: a, text: areaLabel(a) })));
      if (near.length) target.appendChild(g1);
      const others = S.areaOrder.filter((a) => !own.has(a) && !near.includes(a));
      const g2 = el('optgroup', { label: near.length ? 'Other areas (not touching)' : 'Areas' });
      others.forEach((a) => g2.appendChild(el('option', { value: a, text: areaLabel(a) })));
      if (others.length) target.appendChild(g2);
      if ([...target.options].some((o) => o.value === prev)) target.value = prev;
    } else {
      target.appendChild(el('option', { value: '', text: 'Select a parish first' }));
    }
    target.disabled = n === 0;
    $('move-preview').disabled = n === 0 || !target.value;
    $('move-commit').disabled = !(S.preview && S.preview.key === moveKey() && S.preview.result.accepted !== false);
    $('move-clear').disabled = n === 0;
    const allLocked = n > 0 && codes.every(blockLocked);
    const lock = $('lock-toggle');
    lock.disabled = n === 0;
    lock.textContent = allLocked ? 'Unlock selected' : 'Lock selected';
    lock.setAttribute('aria-pressed', allLocked ? 'true' : 'false');
    $('why-button').disabled = n === 0;
    $('why-button').textContent = n === 1 ? 'Why is ' + blockName(codes[0]) + ' here?' : 'Why is this parish here?';
    if (!S.preview) $('preview-result').hidden = true;
  }
  const moveKey = () => [...S.selected].sort().join(',') + '>' + $('move-target').value + '@' + (S.plan ? S.plan.revision : '');

  $('move-target').addEventListener('change', () => {
    S.preview = null;
    $('preview-result').hidden = true;
    $('move-preview').disabled = !$('move-target').value || !S.selected.size;
    $('move-commit').disabled = true;
  });
  $('move-clear').addEventListener('click', () => {
    S.selected.clear();
    S.preview = null;
    restyleBlocks();
    renderAreaDetails();
    renderSelection();
    announce('Selection cleared.');
  });

  function describeOutcome(r, verb) {
    const parts = [];
    for (const a of r.areas || []) {
      const rb = num(a.residents_before), ra = num(a.residents_after);
      const ab = num(a.alignment_before), aa = num(a.alignment_after);
      let s = a.area_id + ':';
      if (rb !== null && ra !== null) s += ' residents ' + fmtInt(rb) + ' to ' + fmtInt(ra) + ' (' + fmtSigned(ra - rb) + ')';
      if (ab !== null && aa !== null) s += ', alignment ' + fmtPct(ab) + ' to ' + fmtPct(aa);
      parts.push(s);
    }
    if (num(r.alignment_before) !== null && num(r.alignment_after) !== null) {
      parts.push('plan alignment ' + fmtPct(r.alignment_before) + ' to ' + fmtPct(r.alignment_after));
    }
    return verb + ' ' + parts.join('; ') + '.';
  }

  /** "In one piece?" after the move, from pieces_after (or contiguous_after / contiguous). */
  function piecesText(a) {
    const pieces = num(a.pieces_after);
    if (pieces !== null) return pieces <= 1 ? (pieces === 0 ? 'Empty' : 'Yes') : 'No: ' + pieces + ' pieces';
    const c = a.contiguous_after !== undefined ? a.contiguous_after : a.contiguous;
    return c === false ? 'No' : c === true ? 'Yes' : '–';
  }

  function plainReason(r) {
    let reason = r.reason || r.error || 'The move is not allowed.';
    const cut = r.cut_off || [];
    if (cut.length) {
      const names = cut.map((c) => (typeof c === 'string' ? blockName(c) : (c.block_name || c.block_code || JSON.stringify(c))));
      reason += ' These would be cut off from the rest of their area: ' + names.join(', ') + '.';
    }
    return reason;
  }

  function showPreview(r, committed) {
    const box = $('preview-result');
    box.hidden = false;
    const verdict = $('preview-verdict');
    const refused = r.accepted === false;
    verdict.className = refused ? 'refused' : 'accepted';
    verdict.textContent = refused ? 'This move is not possible: ' + plainReason(r)
      : committed ? 'Done: the move is made.' : 'This move is possible. Check the figures, then choose “Make this move”.';
    const tb = clear($('preview-table').querySelector('tbody'));
    for (const a of r.areas || []) {
      const rb = num(a.residents_before), ra = num(a.residents_after);
      const ab = num(a.alignment_before), aa = num(a.alignment_after);
      tb.appendChild(el('tr', { dataset: { area: a.area_id } },
        el('th', { scope: 'row', text: areaLabel(a.area_id) }),
        el('td', { text: rb !== null && ra !== null ? fmtInt(rb) + ' → ' + fmtInt(ra) + ' (' + fmtSigned(ra - rb) + ')' : '–' }),
        el('td', { text: ab !== null && aa !== null ? fmtPct(ab) + ' → ' + fmtPct(aa) + ' (' + fmtPts(aa - ab) + ')' : '–' }),
        el('td', { text: piecesText(a) })));
      if (a.main_pcn_before && a.main_pcn_after && a.main_pcn_before !== a.main_pcn_after) {
        tb.appendChild(el('tr', { className: 'note' }, el('td', { colspan: '4', text: a.area_id + ': main PCN changes from '
          + pcnName(a.main_pcn_before) + ' to ' + pcnName(a.main_pcn_after) + '.' })));
      }
    }
    $('preview-table').hidden = !(r.areas && r.areas.length);
    $('preview-plan').textContent = num(r.alignment_before) !== null && num(r.alignment_after) !== null
      ? 'Whole plan: PCN alignment ' + fmtPct(r.alignment_before) + ' → ' + fmtPct(r.alignment_after) + ' (' + fmtPts(r.alignment_after - r.alignment_before) + ').'
      : '';
  }

  async function previewMove() {
    const to = $('move-target').value;
    if (!to || !S.selected.size) return;
    const key = moveKey();
    const req = { blocks: [...S.selected], to, preview: true, revision: S.plan.revision };
    let r;
    try {
      r = await api('/api/plans/' + enc(S.planId) + '/moves', { method: 'POST', body: req });
    } catch (e) {
      if (e.status === 422) r = Object.assign({ accepted: false }, e.data || {});
      else if (e.status === 409) { await staleRevision(); return; }
      else { showError(e); return; }
    }
    S.preview = { key, result: r };
    renderSelection();
    showPreview(r, false);
    announce(r.accepted === false ? 'Move refused: ' + plainReason(r) : describeOutcome(r, 'Preview:'));
  }
  async function commitMove() {
    if (!S.preview || S.preview.key !== moveKey()) return;
    const to = $('move-target').value;
    const moved = [...S.selected];
    const req = { blocks: moved, to, preview: false, revision: S.plan.revision };
    let r;
    try {
      r = await api('/api/plans/' + enc(S.planId) + '/moves', { method: 'POST', body: req });
    } catch (e) {
      if (e.status === 422) { S.preview = null; showPreview(Object.assign({ accepted: false }, e.data || {}), false); announce('Move refused: ' + plainReason(e.data || {})); return; }
      if (e.status === 409) { await staleRevision(); return; }
      showError(e);
      return;
    }
    if (r && r.accepted === false) { S.preview = null; showPreview(r, false); announce('Move refused: ' + plainReason(r)); return; }
    S.preview = null;
    await reloadPlan();
    showPreview(r || {}, true);
    $('preview-verdict').focus();
    const names = moved.map(blockName).join(', ');
    announce(describeOutcome(r || {}, 'Moved ' + names + ' to ' + to + '.'));
  }
  async function staleRevision() {
    await reloadPlan();
    S.preview = null;
    renderSelection();
    showError(new Error('Someone else changed this plan a moment ago. The map now shows their changes; check your selection and preview again.'));
  }
  $('move-preview').addEventListener('click', () => previewMove().catch(showError));
  $('move-commit').addEventListener('click', () => commitMove().catch(showError));

  async function undoRedo(which) {
    let r;
    try {
      r = await api('/api/plans/' + enc(S.planId) + '/' + which, { method: 'POST', body: {} });
    } catch (e) {
      if (e.status === 409) { announce(which === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.'); $('preview-result').hidden = true; showError(new Error(which === 'undo' ? 'There is nothing to undo.' : 'There is nothing to redo.')); return; }
      throw e;
    }
    S.preview = null;
    await reloadPlan();
    if (r && r.areas && r.areas.length) showPreview(Object.assign({}, r, { accepted: true }), true);
    else $('preview-result').hidden = true;
    const verdict = $('preview-verdict');
    verdict.textContent = which === 'undo' ? 'Undone: the last change is reversed.' : 'Redone: the change is made again.';
    announce(describeOutcome(r || {}, which === 'undo' ? 'Undone.' : 'Redone.'));
  }
  $('undo').addEventListener('click', () => undoRedo('undo').catch(showError));
  $('redo').addEventListener('click', () => undoRedo('redo').catch(showError));

  $('lock-toggle').addEventListener('click', async () => {
    const codes = [...S.selected];
    if (!codes.length) return;
    const locked = !codes.every(blockLocked);
    try {
      await api('/api/plans/' + enc(S.planId) + '/locks', { method: 'POST', body: { blocks: codes, locked } });
      await reloadPlan();
      announce((locked ? 'Locked ' : 'Unlocked ') + codes.map(blockName).join(', ') + '.');
    } catch (e) { showError(e); }
  });

  function describeValue(v) {
    if (v === null || v === undefined) return '';
    if (typeof v !== 'object') return String(v);
    if (Array.isArray(v)) return v.map(describeValue).join(', ');
    return Object.entries(v).map(([k, x]) => k.replace(/_/g, ' ') + ': ' + (typeof x === 'number' && x <= 1 && x >= 0 && /share|alignment|lean/.test(k) ? fmtPct(x) : describeValue(x))).join('; ');
  }
  $('why-button').addEventListener('click', async () => {
    const code = [...S.selected][0];
    if (!code) return;
    try {
      const r = await api('/api/plans/' + enc(S.planId) + '/blocks/' + enc(code) + '/why');
      $('why-box').hidden = false;
      $('why-text').textContent = r.text || 'No explanation available.';
      const ul = clear($('why-details'));
      const lean = Array.isArray(r.leanings) ? r.leanings : [];
      if (lean.length) {
        ul.appendChild(el('li', null, el('strong', { text: 'Where its residents are registered: ' }),
          lean.map((l) => (l.pcn_name || pcnName(l.pcn_code) || describeValue(l)) + (num(l.share) !== null ? ' ' + fmtPct(l.share, 0) : '')).join(', ')));
      }
      for (const o of Array.isArray(r.alternatives) ? r.alternatives : []) {
        const change = num(o.alignment_change);
        const name = o.area_id ? areaLabel(o.area_id) : describeValue(o);
        ul.appendChild(el('li', null, el('strong', { text: 'Could join ' + name + ': ' }),
          (change !== null ? 'plan alignment ' + fmtPts(change) : '')
          + (o.main_pcn ? ' (its main PCN is ' + pcnName(o.main_pcn) + ')' : '')
          + (o.allowed === false ? '; not allowed (it would break an area, a lock or a district boundary)' : '')));
      }
      announce(r.text || '');
    } catch (e) { showError(e); }
  });

  // ---------------------------------------------------------------- versions and comparison
  async function loadVersions() {
    S.versions = await api('/api/plans/' + enc(S.planId) + '/versions');
    const ul = clear($('version-list'));
    for (const v of S.versions) {
      ul.appendChild(el('li', { dataset: { version: v.version }, text: 'Version ' + v.version + (v.label ? ': ' + v.label : '')
        + (v.created_at ? ' — ' + String(v.created_at).replace('T', ' ').slice(0, 16) : '') + (v.created_by ? ' by ' + v.created_by : '') }));
    }
    if (!S.versions.length) ul.appendChild(el('li', { text: 'No saved versions yet.' }));
    for (const id of ['compare-a', 'compare-b']) {
      const sel = $(id);
      const prev = sel.value;
      clear(sel);
      for (const v of S.versions) sel.appendChild(el('option', { value: String(v.version), text: 'Version ' + v.version + (v.label ? ': ' + v.label : '') }));
      sel.appendChild(el('option', { value: 'current', text: 'The plan as it is now' }));
      if ([...sel.options].some((o) => o.value === prev)) sel.value = prev;
      else sel.value = id === 'compare-b' || !S.versions.length ? 'current' : String(S.versions[S.versions.length - 1].version);
    }
  }
  $('version-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const label = $('version-label').value.trim() || ('Saved ' + new Date().toLocaleString('en-GB'));
    try {
      const v = await api('/api/plans/' + enc(S.planId) + '/versions', { method: 'POST', body: { label } });
      $('version-label').value = '';
      await loadVersions();
      if (v && v.version !== undefined) $('compare-a').value = String(v.version);
      announce('Saved version ' + (v && v.version !== undefined ? v.version : '') + ': ' + label + '.');
    } catch (err) { showError(err); }
  });

  async function runCompare() {
    const a = $('compare-a').value, b = $('compare-b').value;
    const r = await api('/api/plans/' + enc(S.planId) + '/compare?a=' + enc(a) + '&b=' + enc(b));
    S.compare = r;
    const changed = r.changed_blocks || [];
    const label = (v) => (v === 'current' ? 'the plan now' : 'version ' + v);
    $('compare-summary').textContent = changed.length
      ? changed.length + (changed.length === 1 ? ' block moved' : ' blocks moved') + ' between ' + label(a) + ' and ' + label(b) + '. They are outlined in orange on the map.'
      : 'No block changed area between ' + label(a) + ' and ' + label(b) + '.';
    const ul = clear($('compare-changed'));
    for (const c of changed) {
      ul.appendChild(el('li', { dataset: { block: c.block_code } }, el('button', {
        type: 'button', className: 'link-button',
        onclick: () => { const f = S.blockFeature.get(c.block_code); if (f) map.fitBounds(L.geoJSON(f).getBounds(), { maxZoom: 13 }); },
      }, (c.block_name || c.block_code) + ': ' + c.from_area + ' → ' + c.to_area)));
    }
    const tb = clear($('compare-table').querySelector('tbody'));
    const ra = new Map(((r.a || {}).areas || []).map((x) => [x.area_id, x]));
    const rb = new Map(((r.b || {}).areas || []).map((x) => [x.area_id, x]));
    const ids = [...new Set([...ra.keys(), ...rb.keys()])].sort();
    const touched = new Set(changed.flatMap((c) => [c.from_area, c.to_area]));
    for (const id of ids) {
      const x = ra.get(id) || {}, y = rb.get(id) || {};
      tb.appendChild(el('tr', { className: touched.has(id) ? 'changed' : null, dataset: { area: id } },
        el('th', { scope: 'row', text: id }),
        el('td', { className: 'num', text: fmtInt(x.resident_population) }),
        el('td', { className: 'num', text: fmtInt(y.resident_population) }),
        el('td', { className: 'num', text: fmtPct(x.pcn_alignment) }),
        el('td', { className: 'num', text: fmtPct(y.pcn_alignment) })));
    }
    const sa = (r.a || {}).summary || {}, sb = (r.b || {}).summary || {};
    tb.appendChild(el('tr', null, el('th', { scope: 'row', text: 'Whole plan' }), el('td', { className: 'num', text: '' }), el('td', { className: 'num', text: '' }),
      el('td', { className: 'num', text: fmtPct(sa.alignment) }), el('td', { className: 'num', text: fmtPct(sb.alignment) })));
    $('compare-result').hidden = false;
    $('compare-clear').hidden = false;
    drawCompare();
    updateLegend();
    announce($('compare-summary').textContent);
  }
  function drawCompare() {
    if (S.layers.compare) { S.layers.compare.remove(); S.layers.compare = null; }
    if (!S.compare) return;
    const feats = (S.compare.changed_blocks || []).map((c) => S.blockFeature.get(c.block_code)).filter(Boolean);
    if (!feats.length) return;
    S.layers.compare = L.geoJSON({ type: 'FeatureCollection', features: feats }, {
      style: { pane: 'compare', interactive: false, color: '#ff6d00', weight: 4, fill: true, fillColor: '#ff6d00', fillOpacity: 0.35, dashArray: '8 4' },
      interactive: false,
    }).addTo(map);
  }
  $('compare-run').addEventListener('click', () => runCompare().catch(showError));
  $('compare-clear').addEventListener('click', () => {
    S.compare = null;
    drawCompare();
    $('compare-result').hidden = true;
    $('compare-clear').hidden = true;
    updateLegend();
  });

  // ---------------------------------------------------------------- health-partner view
  S.pcnShare = new Map();
  async function loadAlignment() {
    const rows = await api('/api/plans/' + enc(S.planId) + '/pcn-alignment');
    S.alignment = rows;
    const tb = clear($('coterminosity-table').querySelector('tbody'));
    rows.slice().sort((p, q) => (num(q.coterminosity) || 0) - (num(p.coterminosity) || 0)).forEach((r) => {
      const c = num(r.coterminosity);
      tb.appendChild(el('tr', { dataset: { pcn: r.pcn_code } },
        el('th', { scope: 'row' }, el('button', {
          type: 'button', className: 'link-button', 'aria-label': 'Show ' + (r.pcn_name || r.pcn_code) + ' on the map',
          onclick: () => { $('pcn-select').value = r.pcn_code; choosePcn(r.pcn_code).catch(showError); },
        }, r.pcn_name || pcnName(r.pcn_code))),
        el('td', { className: 'num', text: fmtInt(r.patients) }),
        el('td', { text: r.best_area || '–' }),
        el('td', { className: 'num' }, el('span', { className: 'bar', style: { width: Math.round((c || 0) * 30) + 'px' }, 'aria-hidden': 'true' }), fmtPct(c, 0)),
        el('td', { className: 'num', text: r.areas_spanned !== undefined ? String(r.areas_spanned) : '–' })));
    });
  }
  async function choosePcn(code) {
    if (!code) {
      S.pcn = null;
      drawPcnShare();
      $('pcn-view').hidden = true;
      updateLegend();
      return;
    }
    const [view] = await Promise.all([api('/api/plans/' + enc(S.planId) + '/pcns/' + enc(code)), layerFc('lsoas')]);
    S.pcn = view;
    S.pcnShare = new Map((view.lsoas || []).map((l) => [l.lsoa_code, l]));
    drawPcnShare();
    const total = (view.areas || []).reduce((s, a) => s + (num(a.patients) || 0), 0);
    $('pcn-summary').textContent = (view.pcn_name || pcnName(code)) + ' (' + code + '): ' + fmtInt(total) + ' patients living in '
      + (view.lsoas || []).length + ' LSOAs and ' + (view.areas || []).length + ' service delivery areas.';
    const tb = clear($('pcn-areas-table').querySelector('tbody'));
    (view.areas || []).slice().sort((p, q) => (num(q.share) || 0) - (num(p.share) || 0)).forEach((a) => {
      tb.appendChild(el('tr', { dataset: { area: a.area_id } },
        el('th', { scope: 'row' }, swatch(areaColourOf(a.area_id)), ' ', areaLabel(a.area_id)),
        el('td', { className: 'num', text: fmtInt(a.patients) }),
        el('td', { className: 'num' }, el('span', { className: 'bar', style: { width: Math.round((num(a.share) || 0) * 60) + 'px' }, 'aria-hidden': 'true' }), fmtPct(a.share))));
    });
    $('pcn-view').hidden = false;
    updateLegend();
    const b = S.layers.share && S.layers.share.getLayers().length ? S.layers.share.getBounds() : null;
    if (b && b.isValid()) map.fitBounds(b, { padding: [20, 20], maxZoom: 12 });
    announce($('pcn-summary').textContent);
  }
  function drawPcnShare() {
    if (S.layers.share) { S.layers.share.remove(); S.layers.share = null; }
    if (!S.pcn || !S.lsoasFc || S.mode !== 'health') return;
    const feats = S.lsoasFc.features.filter((f) => S.pcnShare.has(f.properties.lsoa_code));
    S.layers.share = L.geoJSON({ type: 'FeatureCollection', features: feats }, {
      style: (f) => ({
        pane: 'share', interactive: false, color: '#ffffff', weight: 0.4,
        fill: true, fillColor: shareColour(num(S.pcnShare.get(f.properties.lsoa_code).share) || 0), fillOpacity: 0.85,
      }),
      interactive: false,
    }).addTo(map);
  }
  $('pcn-select').addEventListener('change', () => choosePcn($('pcn-select').value).catch(showError));

  // ---------------------------------------------------------------- dialogs
  /** Opens a modal dialog and puts the focus in it; when it closes the focus goes back where it was. */
  function openDialog(d, focusEl) {
    d._returnFocus = null;
    d._opener = document.activeElement;
    if (!d.open) d.showModal();
    if (focusEl) focusEl.focus();
  }
  function closeDialog(d, returnTo) {
    d._returnFocus = returnTo || null;
    if (d.open) d.close();
  }
  document.querySelectorAll('dialog').forEach((d) => {
    d.addEventListener('cancel', (e) => { if (d.dataset.required === 'true') e.preventDefault(); });
    d.addEventListener('close', () => {
      if (d.dataset.required === 'true' && !SESSION.signedIn) {
        // no public read: the sign-in form stays until someone signs in (a browser may close it on Escape anyway)
        d.showModal();
        $('signin-username').focus();
        return;
      }
      const t = d._returnFocus || d._opener;
      d._returnFocus = null;
      if (t && document.contains(t) && t.getClientRects().length) t.focus();
      if (d._onClose) { const f = d._onClose; d._onClose = null; f(); }
    });
  });
  /** Shows a message in a form's alert region (cleared first, so the same message is announced again). */
  function formError(id, text) {
    const p = $(id);
    p.textContent = '';
    if (text) window.setTimeout(() => { p.textContent = text; }, 30);
  }
  /** A yes/no question in a dialog; resolves true when confirmed. */
  function confirmDialog(text, okLabel) {
    const d = $('confirm-dialog');
    $('confirm-text').textContent = text;
    $('confirm-ok').textContent = okLabel || 'OK';
    return new Promise((resolve) => {
      let answer = false;
      d._onClose = () => resolve(answer);
      $('confirm-form').onsubmit = (e) => { e.preventDefault(); answer = true; closeDialog(d); };
      openDialog(d, $('confirm-cancel'));
    });
  }
  $('confirm-cancel').addEventListener('click', () => closeDialog($('confirm-dialog')));

  // ---------------------------------------------------------------- session: sign in, sign out, password
  function applySession(s) {
    const before = SESSION.user ? SESSION.user.username + ':' + SESSION.user.role : '';
    SESSION.loaded = true;
    SESSION.signedIn = !!(s && s.signed_in);
    SESSION.publicRead = !(s && s.public_read === false);
    SESSION.permissions = new Set((s && s.permissions) || []);
    SESSION.user = (s && s.user) || null;
    SESSION.csrf = (s && s.csrf_token) || null;
    const u = SESSION.user;
    body.dataset.user = u ? u.username : '';
    body.dataset.role = u ? u.role : '';
    $('signin-open').hidden = SESSION.signedIn;
    $('account-menu').hidden = !SESSION.signedIn;
    if (!SESSION.signedIn) $('account-menu').open = false;
    $('account-name').textContent = u ? (u.display_name || u.username) : '';
    $('account-role').textContent = u ? roleLabel(u.role) : '';
    $('account-username').textContent = u ? u.username + ' (' + roleLabel(u.role) + ')' : '';
    $('account-summary').setAttribute('aria-label', u ? 'Signed in as ' + (u.display_name || u.username) + ', ' + roleLabel(u.role) + ': account menu' : 'Account menu');
    const changed = before !== (u ? u.username + ':' + u.role : '');
    if (changed) {
      C.key = null;
      C.editing = null;
      C.replying = null;
    }
    applyPermissions();
    return changed;
  }
  async function refreshSession() {
    const changed = applySession(await api('/api/session', { quiet: true }));
    if (changed) afterSessionChange();
  }
  /** Shows or hides every tool by the permissions of whoever is signed in (hidden, not just disabled). */
  function applyPermissions() {
    $('mode-analyst').hidden = !can('edit_plans');
    $('mode-admin').hidden = !can('manage_accounts');
    $('plan-create').hidden = !(can('edit_plans') && S.plansLoaded && !S.plans.length);
    if ((S.mode === 'analyst' && !can('edit_plans')) || (S.mode === 'admin' && !can('manage_accounts'))) setMode('explore');
    $('comments-signin').hidden = SESSION.signedIn;
    $('comments-body').hidden = !can('read_comments');
    $('comment-form').hidden = !can('comment');
    if (!can('read_comments')) {
      C.list = [];
      C.key = null;
      cancelPin();
      clearPin();
      drawCommentMarkers();
    }
    if (S.started) renderAreaDetails();
  }
  /** After signing in or out: tools, comments and (for admins) the accounts screen follow. */
  function afterSessionChange() {
    if (!S.started) { if (can('view_plans')) loadData(); return; }
    syncComments();
    if (S.mode === 'admin') loadAdmin().catch(showError);
  }
  function sessionEnded() {
    const wasSignedIn = SESSION.signedIn;
    refreshSession().catch(() => { /* the error is shown by the caller */ }).then(() => {
      if (!$('signin-dialog').open) openSignin(wasSignedIn ? 'Your session has ended. Sign in again to go on.' : 'This needs an account: sign in first.');
    });
  }

  const SIGNIN_WHY = 'Sign in with the user name and password your administrator gave you.';
  function openSignin(reason, opts) {
    const d = $('signin-dialog');
    const required = !!(opts && opts.required);
    d.dataset.required = required ? 'true' : 'false';
    $('signin-cancel').hidden = required;
    $('signin-why').textContent = reason || SIGNIN_WHY;
    $('signin-error').textContent = '';
    $('signin-password').value = '';
    openDialog(d, $('signin-username').value ? $('signin-password') : $('signin-username'));
  }
  $('signin-open').addEventListener('click', () => openSignin());
  $('comments-signin-button').addEventListener('click', () => openSignin('Sign in to read and write comments.'));
  $('signin-cancel').addEventListener('click', () => closeDialog($('signin-dialog')));
  $('signin-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const username = $('signin-username').value.trim();
    const password = $('signin-password').value;
    if (!username) { formError('signin-error', 'Enter your user name.'); $('signin-username').focus(); return; }
    if (!password) { formError('signin-error', 'Enter your password.'); $('signin-password').focus(); return; }
    $('signin-submit').disabled = true;
    try {
      const s = await api('/api/session', { method: 'POST', body: { username, password }, signingIn: true });
      $('signin-password').value = '';
      applySession(s);
      const u = SESSION.user || { username };
      closeDialog($('signin-dialog'), $('account-summary'));
      announce('Signed in as ' + (u.display_name || u.username) + ' (' + roleLabel(u.role) + ').');
      afterSessionChange();
    } catch (err) {
      formError('signin-error', err.status === 401 ? 'Wrong user name or password, or the account is disabled.' : err.message);
      $('signin-password').focus();
      $('signin-password').select();
    } finally {
      $('signin-submit').disabled = false;
    }
  });
  $('signout').addEventListener('click', async () => {
    try {
      await api('/api/session', { method: 'DELETE' });
    } catch (e) {
      if (e.status !== 401) { showError(e); return; }
    }
    $('account-menu').open = false;
    if (!SESSION.publicRead) { location.reload(); return; }
    applySession(await api('/api/session'));
    afterSessionChange();
    $('signin-open').focus();
    announce('Signed out.');
  });
  $('account-menu').addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && $('account-menu').open) { $('account-menu').open = false; $('account-summary').focus(); }
  });
  $('password-open').addEventListener('click', () => {
    $('account-menu').open = false;
    ['password-current', 'password-new', 'password-confirm'].forEach((id) => { $(id).value = ''; });
    $('password-error').textContent = '';
    openDialog($('password-dialog'), $('password-current'));
    $('password-dialog')._opener = $('account-summary');
  });
  $('password-cancel').addEventListener('click', () => closeDialog($('password-dialog')));
  $('password-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const current = $('password-current').value, next = $('password-new').value;
    if (!current) { formError('password-error', 'Enter your current password.'); $('password-current').focus(); return; }
    if (next.length < 10) { formError('password-error', 'The new password needs at least 10 characters.'); $('password-new').focus(); return; }
    if (next !== $('password-confirm').value) { formError('password-error', 'The two new passwords differ: type the same one twice.'); $('password-confirm').focus(); return; }
    $('password-submit').disabled = true;
    try {
      await api('/api/session/password', { method: 'POST', body: { current, new: next } });
      closeDialog($('password-dialog'));
      announce('Your password is changed. Your other sessions are signed out.');
    } catch (err) {
      formError('password-error', err.message);
    } finally {
      $('password-submit').disabled = false;
    }
  });

  // ---------------------------------------------------------------- comments
  const when = (t) => (t ? String(t).replace('T', ' ').replace(/(\.\d+)?Z?$/, '').slice(0, 16) : '');
  const commentScopeArea = () => ($('comment-scope').value === 'area' && S.selectedArea ? S.selectedArea : null);
  function commentQuery(format) {
    const q = new URLSearchParams();
    const area = commentScopeArea();
    if (area) q.set('area', area);
    if ($('comment-filter-status').value) q.set('status', $('comment-filter-status').value);
    if ($('comment-filter-about').value) q.set('about', $('comment-filter-about').value);
    const author = $('comment-filter-mine').checked && SESSION.user ? SESSION.user.username : $('comment-filter-author').value.trim().toLowerCase();
    if (author) q.set('author', author);
    if (format) q.set('format', format);
    return q.toString();
  }
  const commentFiltered = () => !!($('comment-filter-status').value || $('comment-filter-about').value
    || $('comment-filter-author').value.trim() || $('comment-filter-mine').checked);

  /** Loads the comments of the plan (or the chosen area) when what is asked for changed, or always with force. */
  async function loadComments(force) {
    if (!can('read_comments') || !S.planId || S.mode === 'admin') return;
    const key = S.planId + '?' + commentQuery() + '|' + (SESSION.user ? SESSION.user.username : '');
    if (!force && key === C.key) return;
    C.key = key;
    const seq = ++C.seq;
    const csv = $('comments-csv');
    csv.href = '/api/plans/' + enc(S.planId) + '/comments?' + commentQuery('csv');
    csv.setAttribute('download', 'plan-' + S.planId + '-comments.csv');
    const rows = await api('/api/plans/' + enc(S.planId) + '/comments?' + commentQuery());
    if (seq !== C.seq) return;
    C.list = Array.isArray(rows) ? rows : [];
    renderComments();
    drawCommentMarkers();
  }
  function syncComments(force) {
    renderComposer();
    loadComments(force).catch(showError);
  }

  function commentContext(c) {
    const then = c.area_name_then, now = c.area_name_now;
    const area = c.area_id ? c.area_id + (then && then !== c.area_id ? ' “' + then + '”' : '')
      + (now && now !== then ? ' (now “' + now + '”)' : '') : 'no area';
    const at = 'at plan revision ' + c.plan_revision + (c.plan_version ? ', after saved version ' + c.plan_version : '');
    const place = c.block_name || c.block_code || 'the region';
    if (c.about === 'parish') {
      return 'Pinned to ' + place + ', then in area ' + area
        + (c.block_area_now && c.block_area_now !== c.area_id ? ' (now in ' + c.block_area_now + ')' : '') + '; written ' + at + '.';
    }
    if (c.about === 'point') {
      const lat = num(c.lat), lon = num(c.lon);
      return 'Pinned to a point in ' + place + (lat !== null && lon !== null ? ' (' + lat.toFixed(4) + ', ' + lon.toFixed(4) + ')' : '')
        + ', then in area ' + area + '; written ' + at + '.';
    }
    return 'Written about area ' + area + ' ' + at + '.';
  }
  function commentStatusLine(c) {
    if (c.status === 'hidden') {
      return 'Hidden by ' + (c.moderated_by || 'a moderator') + (c.moderated_at ? ' on ' + when(c.moderated_at) : '') + '. Reason: '
        + sentence(c.moderation_reason || 'none given') + (c.text !== null && c.text !== undefined ? (c.own ? ' Only you and moderators still see its text.' : ' You see its text as a moderator.') : '');
    }
    if (c.status === 'withdrawn') {
      return c.own ? 'You withdrew this comment: only you and moderators still see its text.'
        : 'Withdrawn by its author' + (c.text !== null && c.text !== undefined ? ': you see its text as a moderator.' : '.');
    }
    if (c.moderated_at) return 'Restored by ' + (c.moderated_by || 'a moderator') + ' on ' + when(c.moderated_at) + '. Reason: ' + sentence(c.moderation_reason || 'none given');
    return null;
  }
  function commentButton(action, label, aria, fn) {
    return el('button', { type: 'button', className: 'link-button', dataset: { action }, 'aria-label': aria, onclick: fn }, label);
  }
  function commentArticle(c, isReply) {
    const who = c.author || 'someone';
    const art = el('article', {
      className: 'comment', id: 'comment-' + c.id, tabindex: '-1', 'aria-labelledby': 'comment-meta-' + c.id,
      dataset: { comment: String(c.id), status: c.status, about: c.about || '', own: c.own ? 'true' : 'false' },
    });
    art.appendChild(el('p', { className: 'comment-meta', id: 'comment-meta-' + c.id },
      el('span', { className: 'comment-author', text: who }), ' (' + roleLabel(c.author_role) + (c.own ? ', you' : '') + ')',
      isReply ? ' replied' : '', ' · ', el('time', { datetime: c.created_at, text: when(c.created_at) }),
      c.edited_at && c.status === 'visible' ? ' · edited ' + when(c.edited_at) : ''));
    art.appendChild(el('p', { className: 'comment-context', text: isReply ? 'Written at plan revision ' + c.plan_revision + '.' : commentContext(c) }));
    if (C.editing === c.id && c.own && c.status === 'visible') {
      art.appendChild(editForm(c));
    } else if (c.text !== null && c.text !== undefined) {
      art.appendChild(el('p', { className: 'comment-text', text: c.text }));
    } else {
      art.appendChild(el('p', { className: 'comment-text gone', text: c.status === 'withdrawn' ? 'Withdrawn by its author.' : 'Hidden by a moderator.' }));
    }
    const status = commentStatusLine(c);
    if (status) art.appendChild(el('p', { className: 'comment-moderation', text: status }));
    const actions = el('div', { className: 'comment-actions' });
    const visible = c.status === 'visible';
    if (!isReply && visible && can('comment')) {
      actions.appendChild(commentButton('reply', 'Reply', 'Reply to ' + who, () => { C.replying = c.id; C.editing = null; renderComments(); focusLater('reply-text-' + c.id); }));
    }
    if (c.own && visible && can('comment')) {
      actions.appendChild(commentButton('edit', 'Edit', 'Edit your comment of ' + when(c.created_at), () => { C.editing = c.id; C.replying = null; renderComments(); focusLater('comment-edit-' + c.id); }));
      actions.appendChild(commentButton('withdraw', 'Withdraw', 'Withdraw your comment of ' + when(c.created_at), () => withdrawComment(c).catch(showError)));
    }
    if (can('moderate') && visible) actions.appendChild(commentButton('hide', 'Hide', 'Hide the comment by ' + who, () => moderateComment(c, 'hide')));
    if (can('moderate') && c.status === 'hidden') actions.appendChild(commentButton('restore', 'Restore', 'Restore the comment by ' + who, () => moderateComment(c, 'restore')));
    if (!isReply && (c.area_id || c.block_code || c.lat !== null)) {
      actions.appendChild(commentButton('show', 'Show on map', 'Show on the map what the comment by ' + who + ' is about', () => showCommentPlace(c)));
    }
    if (actions.firstChild) art.appendChild(actions);
    return art;
  }
  function focusLater(id) {
    window.setTimeout(() => { const e = $(id); if (e) e.focus(); }, 0);
  }
  function focusComment(id) {
    const a = $('comment-' + id);
    if (a) { a.scrollIntoView({ block: 'nearest' }); a.focus(); }
    return !!a;
  }
  function renderComments() {
    const ol = clear($('comment-list'));
    const ids = new Set(C.list.map((c) => c.id));
    const roots = [];
    const replies = new Map();
    for (const c of C.list) {
      if (c.parent === null || c.parent === undefined || !ids.has(c.thread_id)) roots.push(c);
      else {
        if (!replies.has(c.thread_id)) replies.set(c.thread_id, []);
        replies.get(c.thread_id).push(c);
      }
    }
    roots.sort((p, q) => q.id - p.id); // newest thread first; replies in the order they were written
    for (const r of roots) {
      const li = el('li', { className: 'comment-thread', dataset: { thread: String(r.thread_id) } }, commentArticle(r, r.parent !== null && r.parent !== undefined));
      const reps = replies.get(r.id) || [];
      if (reps.length) {
        li.appendChild(el('ol', { className: 'comment-replies', 'aria-label': 'Replies to ' + (r.author || 'the comment') },
          reps.map((x) => el('li', null, commentArticle(x, true)))));
      }
      if (C.replying === r.id) li.appendChild(replyForm(r));
      ol.appendChild(li);
    }
    if (!roots.length) ol.appendChild(el('li', { className: 'hint comment-empty', text: commentFiltered() ? 'No comments match these filters.' : 'No comments yet.' }));
    $('comment-count').textContent = '(' + C.list.length + ')';
  }
  function textForm(opts) {
    const ta = el('textarea', { id: opts.id, rows: '3', maxlength: '4000' });
    ta.value = opts.value || '';
    const err = el('p', { className: 'form-error', role: 'alert', id: opts.id + '-error' });
    const form = el('form', { className: 'inline-form', novalidate: true },
      el('label', { for: opts.id, text: opts.label }), ta, err,
      el('div', { className: 'button-row' },
        el('button', { type: 'submit', className: 'primary', text: opts.submit }),
        el('button', { type: 'button', text: 'Cancel', onclick: opts.cancel })));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      if (!ta.value.trim()) { formError(err.id, 'Write something first.'); ta.focus(); return; }
      try {
        await opts.send(ta.value);
      } catch (x) {
        formError(err.id, x.message);
        if (x.status === 409) loadComments(true).catch(showError);
      }
    });
    return form;
  }
  function editForm(c) {
    return textForm({
      id: 'comment-edit-' + c.id, label: 'Edit your comment', value: c.text, submit: 'Save changes',
      cancel: () => { C.editing = null; renderComments(); focusComment(c.id); },
      send: async (text) => {
        await api('/api/comments/' + enc(c.id), { method: 'PATCH', body: { text, revision: c.revision } });
        C.editing = null;
        await loadComments(true);
        focusComment(c.id);
        announce('Your comment is changed.');
      },
    });
  }
  function replyForm(root) {
    return textForm({
      id: 'reply-text-' + root.id, label: 'Your reply to ' + (root.author || 'this comment'), submit: 'Post reply',
      cancel: () => { C.replying = null; renderComments(); focusComment(root.id); },
      send: async (text) => {
        const r = await api('/api/plans/' + enc(S.planId) + '/comments', { method: 'POST', body: { text, parent: root.id } });
        C.replying = null;
        await loadComments(true);
        if (!(r && focusComment(r.id))) focusComment(root.id);
        announce('Your reply is posted.');
      },
    });
  }
  async function withdrawComment(c) {
    const ok = await confirmDialog('Withdraw your comment? It stays in the record, marked as withdrawn; only you and moderators can still read it.', 'Withdraw');
    if (!ok) { focusComment(c.id); return; }
    try {
      await api('/api/comments/' + enc(c.id) + '/withdraw', { method: 'POST', body: { revision: c.revision } });
      announce('Your comment is withdrawn.');
    } catch (e) {
      showError(e);
    }
    await loadComments(true);
    focusComment(c.id);
  }
  function moderateComment(c, action) {
    const d = $('moderate-dialog');
    const hide = action === 'hide';
    $('moderate-title').textContent = hide ? 'Hide this comment' : 'Restore this comment';
    $('moderate-submit').textContent = hide ? 'Hide' : 'Restore';
    $('moderate-quote').textContent = (c.author || '') + ': ' + (c.text === null || c.text === undefined ? '(no text)' : c.text);
    $('moderate-reason').value = '';
    $('moderate-error').textContent = '';
    $('moderate-form').onsubmit = async (e) => {
      e.preventDefault();
      const reason = $('moderate-reason').value.trim();
      if (!reason) { formError('moderate-error', 'Give a reason: it is shown with the comment and kept in the audit log.'); $('moderate-reason').focus(); return; }
      $('moderate-submit').disabled = true;
      try {
        await api('/api/comments/' + enc(c.id) + '/' + action, { method: 'POST', body: { reason, revision: c.revision } });
        closeDialog(d);
        await loadComments(true);
        focusComment(c.id);
        announce(hide ? 'The comment is hidden.' : 'The comment is restored.');
      } catch (x) {
        formError('moderate-error', x.message);
        if (x.status === 409) loadComments(true).catch(showError);
      } finally {
        $('moderate-submit').disabled = false;
      }
    };
    openDialog(d, $('moderate-reason'));
  }
  $('moderate-cancel').addEventListener('click', () => closeDialog($('moderate-dialog')));

  function showCommentPlace(c) {
    const lat = num(c.lat), lon = num(c.lon);
    if (lat !== null && lon !== null) {
      showPoint(L.latLng(lat, lon), Math.max(map.getZoom(), 13));
      announce('Showing the point of the comment on the map.');
      return;
    }
    const area = c.block_code ? blockArea(c.block_code) : c.area_id;
    if (area && S.areas.has(area)) selectArea(area, { zoom: !c.block_code });
    if (c.block_code) {
      const f = S.blockFeature.get(c.block_code);
      if (f) map.fitBounds(L.geoJSON(f).getBounds(), Object.assign({ maxZoom: 13 }, mapPadding(20)));
    }
    announce('Showing ' + (c.block_name || areaLabel(area)) + ' on the map.');
  }

  /** Point comments as markers; a click on one brings its comment into view. */
  function drawCommentMarkers() {
    if (S.layers.comments) { S.layers.comments.remove(); S.layers.comments = null; }
    if (!can('read_comments') || S.mode === 'admin') return;
    const group = L.layerGroup();
    for (const c of C.list) {
      const lat = num(c.lat), lon = num(c.lon);
      if (c.about !== 'point' || lat === null || lon === null) continue;
      const m = L.circleMarker([lat, lon], {
        pane: 'comments', radius: 7, color: '#3d1466', weight: 2, bubblingMouseEvents: false,
        fillColor: c.status === 'visible' ? '#b07cd8' : '#bbbbbb', fillOpacity: 0.95,
      });
      const excerpt = c.text ? (c.text.length > 60 ? c.text.slice(0, 59) + '…' : c.text) : '(' + c.status + ')';
      m.bindTooltip(el('span', { text: (c.author || '') + ': ' + excerpt }), { direction: 'top' });
      m.on('click', () => { if (!focusComment(c.id)) announce('That comment is not in the list: change the filters.'); });
      group.addLayer(m);
    }
    S.layers.comments = group.addTo(map);
    map.getContainer().dataset.commentMarkers = String(group.getLayers().length);
  }

  // the composer: what the comment is about
  const aboutChoice = () => (document.querySelector('input[name="comment-about"]:checked') || {}).value || 'area';
  function renderComposer() {
    if (!S.plan) return;
    renderCommentScope();
    if (!can('comment')) return;
    const about = aboutChoice();
    $('comment-area-row').hidden = about === 'point';
    $('comment-block-row').hidden = about !== 'parish';
    $('comment-point-row').hidden = about !== 'point';
    const areaSel = $('comment-area');
    const want = S.selectedArea || areaSel.value;
    if (areaSel.dataset.plan !== S.planId + ':' + S.plan.revision) {
      clear(areaSel);
      S.areaOrder.forEach((id) => areaSel.appendChild(el('option', { value: id, text: areaLabel(id) })));
      areaSel.dataset.plan = S.planId + ':' + S.plan.revision;
    }
    if (want && S.areas.has(want)) areaSel.value = want;
    renderComposerBlocks();
  }
  function renderCommentScope() {
    const scope = $('comment-scope');
    const areaOpt = scope.querySelector('option[value="area"]');
    areaOpt.disabled = !S.selectedArea;
    areaOpt.textContent = S.selectedArea ? 'area ' + areaLabel(S.selectedArea) : 'the chosen area (choose one first)';
    if (!S.selectedArea && scope.value === 'area') scope.value = 'plan';
    else if (S.selectedArea && C.scopePref === 'area') scope.value = 'area';
    $('comments-title').textContent = commentScopeArea() ? 'Comments on ' + areaLabel(S.selectedArea) : 'Comments on this plan';
    const link = $('area-comments-link');
    link.hidden = !can('read_comments');
  }
  function renderComposerBlocks() {
    const area = $('comment-area').value;
    const sel = $('comment-block');
    const codes = blocksOfArea(area);
    const key = area + ':' + codes.length + ':' + (S.blocksFc ? 'named' : 'codes');
    if (sel.dataset.key !== key) {
      clear(sel);
      codes.forEach((code) => sel.appendChild(el('option', { value: code, text: blockName(code) + ' (' + kindLabel((S.blockProps.get(code) || {}).block_kind) + ')' })));
      sel.dataset.key = key;
    }
    const pick = [...S.selected].find((c) => codes.includes(c)) || (codes.includes(S.activeBlock) ? S.activeBlock : null);
    if (pick) sel.value = pick;
  }
  document.querySelectorAll('input[name="comment-about"]').forEach((r) => r.addEventListener('change', () => {
    if (aboutChoice() !== 'point') cancelPin();
    renderComposer();
  }));
  $('comment-area').addEventListener('change', renderComposerBlocks);
  $('comment-scope').addEventListener('change', () => { C.scopePref = $('comment-scope').value; syncComments(); });
  ['comment-filter-status', 'comment-filter-about', 'comment-filter-mine'].forEach((id) => $(id).addEventListener('change', () => syncComments()));
  let authorTimer = null;
  $('comment-filter-author').addEventListener('input', () => { window.clearTimeout(authorTimer); authorTimer = window.setTimeout(() => syncComments(), 400); });
  $('area-comments-link').addEventListener('click', () => {
    C.scopePref = 'area';
    $('comment-scope').value = 'area';
    syncComments();
    $('comments-title').scrollIntoView({ block: 'start' });
    $('comments-title').focus();
  });

  // pinning a point: a click on the map (or Enter on the map for its centre)
  function startPin() {
    C.pinning = true;
    $('comment-pin').setAttribute('aria-pressed', 'true');
    map.getContainer().classList.add('pinning');
    $('comment-pin-status').textContent = 'Click the map where your comment is about (or press Enter on the map to pin its centre). Escape cancels.';
    announce($('comment-pin-status').textContent);
  }
  function cancelPin() {
    if (!C.pinning) return;
    C.pinning = false;
    $('comment-pin').setAttribute('aria-pressed', 'false');
    map.getContainer().classList.remove('pinning');
    $('comment-pin-status').textContent = C.pin ? pinText(C.pin) : 'No point chosen yet.';
  }
  function clearPin() {
    C.pin = null;
    if (S.layers.pin) { S.layers.pin.remove(); S.layers.pin = null; }
    $('comment-pin-status').textContent = 'No point chosen yet.';
  }
  function pinText(latlng) {
    const f = S.blocksFc ? featureAt(S.blocksFc, latlng) : null;
    const where = f ? ' in ' + f.properties.block_name + ' (' + areaLabel(blockArea(f.properties.block_code)) + ')' : '';
    return 'Point chosen: ' + latlng.lat.toFixed(4) + ', ' + latlng.lng.toFixed(4) + where + '.';
  }
  function pinAt(latlng) {
    C.pin = latlng;
    if (S.layers.pin) S.layers.pin.remove();
    S.layers.pin = L.circleMarker(latlng, { pane: 'comments', radius: 9, color: '#000', weight: 3, dashArray: '3 3', fillColor: '#ff6d00', fillOpacity: 0.9, interactive: false }).addTo(map);
    cancelPin();
    $('comment-pin-status').textContent = pinText(latlng);
    announce($('comment-pin-status').textContent);
    $('comment-pin').focus();
  }
  $('comment-pin').addEventListener('click', () => {
    if (C.pinning) { cancelPin(); return; }
    startPin();
  });
  map.getContainer().addEventListener('keydown', (e) => {
    if (C.pinning && e.key === 'Enter' && e.target === map.getContainer()) { e.preventDefault(); pinAt(map.getCenter()); }
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && C.pinning && !document.querySelector('dialog[open]')) { cancelPin(); $('comment-pin').focus(); }
  });

  $('comment-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const text = $('comment-text').value;
    const about = aboutChoice();
    if (!text.trim()) { formError('comment-form-error', 'Write your comment first.'); $('comment-text').focus(); return; }
    const req = { text };
    if (about === 'area') {
      if (!$('comment-area').value) { formError('comment-form-error', 'Choose the area first.'); $('comment-area').focus(); return; }
      req.area = $('comment-area').value;
    } else if (about === 'parish') {
      if (!$('comment-block').value) { formError('comment-form-error', 'Choose the parish or block first.'); $('comment-block').focus(); return; }
      req.block = $('comment-block').value;
    } else {
      if (!C.pin) { formError('comment-form-error', 'Pin a point on the map first.'); $('comment-pin').focus(); return; }
      req.lon = Number(C.pin.lng.toFixed(6));
      req.lat = Number(C.pin.lat.toFixed(6));
    }
    formError('comment-form-error', '');
    $('comment-post').disabled = true;
    try {
      const c = await api('/api/plans/' + enc(S.planId) + '/comments', { method: 'POST', body: req });
      $('comment-text').value = '';
      if (about === 'point') clearPin();
      await loadComments(true);
      if (c && focusComment(c.id)) announce('Your comment is posted.');
      else announce('Your comment is posted. It is about ' + (c && c.area_id ? areaLabel(c.area_id) : 'another area') + ': show the whole plan to see it.');
    } catch (err) {
      formError('comment-form-error', err.message);
    } finally {
      $('comment-post').disabled = false;
    }
  });

  // ---------------------------------------------------------------- admin: accounts and the audit log
  const ROLES = ['member', 'health-partner', 'analyst', 'admin'];
  async function loadAdmin() {
    await Promise.all([loadAccounts(), loadAudit()]);
  }
  async function loadAccounts() {
    const rows = await api('/api/accounts');
    A.accounts = Array.isArray(rows) ? rows : [];
    renderAccounts();
  }
  function renderAccounts() {
    const ul = clear($('account-list'));
    const me = SESSION.user ? SESSION.user.username : null;
    for (const a of A.accounts) {
      const u = a.username;
      const sid = 'role-' + u.replace(/[^a-z0-9_-]/g, '_');
      const roleSel = el('select', { id: sid }, ROLES.map((r) => el('option', { value: r, text: roleLabel(r), selected: r === a.role })));
      const roleBtn = el('button', { type: 'button', dataset: { action: 'role' }, disabled: true, 'aria-label': 'Change the role of ' + u }, 'Change role');
      roleSel.addEventListener('change', () => { roleBtn.disabled = roleSel.value === a.role; });
      roleBtn.addEventListener('click', () => changeAccount(a, { role: roleSel.value }, 'The role of ' + u + ' is now ' + roleLabel(roleSel.value) + '.').catch(showError));
      ul.appendChild(el('li', { dataset: { username: u, role: a.role, disabled: a.disabled ? 'true' : 'false' } },
        el('p', { className: 'account-head' }, el('strong', { text: a.display_name || u }), ' ', el('span', { className: 'hint', text: u + (u === me ? ' (you)' : '') }),
          ' · ', a.disabled ? el('span', { className: 'disabled-tag', text: 'disabled' }) : el('span', { text: 'active' })),
        el('div', { className: 'button-row' }, el('label', { for: sid, text: 'Role' }), roleSel, roleBtn),
        el('div', { className: 'button-row' },
          el('button', {
            type: 'button', dataset: { action: a.disabled ? 'enable' : 'disable' }, 'aria-label': (a.disabled ? 'Enable ' : 'Disable ') + u,
            onclick: () => toggleDisabled(a).catch(showError),
          }, a.disabled ? 'Enable' : 'Disable'),
          el('button', { type: 'button', dataset: { action: 'reset' }, 'aria-label': 'Reset the password of ' + u, onclick: () => resetPassword(a).catch(showError) }, 'Reset password'))));
    }
    if (!A.accounts.length) ul.appendChild(el('li', { text: 'No accounts.' }));
  }
  async function changeAccount(a, change, done) {
    try {
      await api('/api/accounts/' + enc(a.username), { method: 'PATCH', body: Object.assign({ revision: a.revision }, change) });
    } catch (e) {
      if (e.status !== 409 || !e.data || e.data.revision === undefined) throw e;
      // changed since the list was loaded (by another admin, or by them: a password change counts)
      await loadAdmin();
      const sel = document.querySelector('#account-list li[data-username="' + CSS.escape(a.username) + '"] select');
      if (sel && change.role) { sel.value = change.role; sel.dispatchEvent(new Event('change')); }
      showError(new Error('The account ' + a.username + ' was changed a moment ago, by another admin or by its owner. '
        + 'The list is up to date now: check it and try again.'));
      return;
    }
    await loadAdmin();
    announce(done);
    const li = document.querySelector('#account-list li[data-username="' + CSS.escape(a.username) + '"] button');
    if (li) li.focus();
  }
  async function toggleDisabled(a) {
    if (!a.disabled) {
      const ok = await confirmDialog('Disable ' + a.username + '? They are signed out at once and cannot sign in until the account is enabled again.', 'Disable');
      if (!ok) return;
    }
    await changeAccount(a, { disabled: !a.disabled }, (a.disabled ? 'Enabled ' : 'Disabled ') + a.username + '.');
  }
  function showPassword(text, password) {
    $('password-result-text').textContent = text;
    $('generated-password').textContent = password;
    $('password-result').hidden = false;
    $('password-result').focus();
    announce(text + ' The password is shown once, below.');
  }
  $('password-result-close').addEventListener('click', () => {
    $('password-result').hidden = true;
    $('generated-password').textContent = '';
    $('new-username').focus();
  });
  async function resetPassword(a) {
    const ok = await confirmDialog('Reset the password of ' + a.username + '? Their sessions end, and a new password is shown once for you to pass on.', 'Reset password');
    if (!ok) return;
    const r = await api('/api/accounts/' + enc(a.username) + '/password', { method: 'POST', body: {} });
    await loadAdmin();
    if (r && r.generated_password) showPassword('New password for ' + a.username + ':', r.generated_password);
  }
  $('account-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const username = $('new-username').value.trim().toLowerCase();
    if (!username) { formError('account-form-error', 'Enter a user name.'); $('new-username').focus(); return; }
    const req = { username, role: $('new-role').value };
    if ($('new-display-name').value.trim()) req.display_name = $('new-display-name').value.trim();
    if ($('new-password').value) req.password = $('new-password').value;
    formError('account-form-error', '');
    $('account-add').disabled = true;
    try {
      const r = await api('/api/accounts', { method: 'POST', body: req });
      ['new-username', 'new-display-name', 'new-password'].forEach((id) => { $(id).value = ''; });
      await loadAdmin();
      if (r && r.generated_password) showPassword('Account ' + r.username + ' (' + roleLabel(r.role) + ') is added. Its password:', r.generated_password);
      else announce('Account ' + username + ' is added with the password you chose.');
    } catch (err) {
      formError('account-form-error', err.message);
    } finally {
      $('account-add').disabled = false;
    }
  });
  async function loadAudit() {
    const action = $('audit-action').value;
    const rows = await api('/api/audit-log?limit=200' + (action ? '&action=' + enc(action) : ''));
    const ol = clear($('audit-log'));
    for (const r of Array.isArray(rows) ? rows : []) {
      ol.appendChild(el('li', { dataset: { action: r.action } },
        el('time', { datetime: r.at, text: when(r.at) }), ' · ', el('span', { text: r.actor || '?' }), ' · ',
        el('span', { className: 'audit-action', text: r.action }), r.target ? ' · ' + r.target : '',
        r.detail ? ' — ' + r.detail : '', r.remote ? ' (' + r.remote + ')' : ''));
    }
    if (!ol.firstChild) ol.appendChild(el('li', { text: 'Nothing logged.' }));
  }
  $('audit-action').addEventListener('change', () => loadAudit().catch(showError));
  $('audit-refresh').addEventListener('click', () => loadAudit().then(() => announce('Audit log refreshed.')).catch(showError));

  // ---------------------------------------------------------------- analyst: rename an area
  $('area-rename-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const id = S.selectedArea;
    const name = $('area-rename').value.trim();
    if (!id || !name) return;
    try {
      await api('/api/plans/' + enc(S.planId) + '/areas/' + enc(id), { method: 'PATCH', body: { name, revision: S.plan.revision } });
    } catch (err) {
      if (err.status === 409) { await staleRevision(); return; }
      showError(err);
      return;
    }
    await reloadPlan();
    C.key = null;
    syncComments(true);
    announce('Area ' + id + ' is now called ' + name + '.');
  });

  // ---------------------------------------------------------------- modes
  const MODES = ['explore', 'analyst', 'health', 'admin'];
  const modeAllowed = (m) => (m === 'analyst' ? can('edit_plans') : m === 'admin' ? can('manage_accounts') : true);
  function setMode(mode, opts) {
    if (!modeAllowed(mode)) mode = 'explore';
    if (C.pinning) cancelPin();
    S.mode = mode;
    body.dataset.mode = mode;
    for (const m of MODES) {
      const t = $('mode-' + m);
      t.setAttribute('aria-selected', m === mode ? 'true' : 'false');
      t.tabIndex = m === mode ? 0 : -1;
    }
    $('panel-body').setAttribute('aria-labelledby', 'mode-' + mode);
    $('analyst-tools').hidden = mode !== 'analyst';
    $('versions-section').hidden = mode !== 'analyst';
    $('health-tools').hidden = mode !== 'health';
    $('admin-tools').hidden = mode !== 'admin';
    $('plan-summary').hidden = mode === 'admin';
    $('comments').hidden = mode === 'admin';
    if (mode === 'admin') loadAdmin().catch(showError);
    map.getContainer().classList.toggle('picking', mode === 'analyst');
    if (mode !== 'analyst') { S.selected.clear(); S.preview = null; }
    if (mode === 'analyst') {
      loadBlocks().then(restyleBlocks).catch(showError);
      loadVersions().catch(showError);
    }
    if (mode === 'health') {
      loadAlignment().catch(showError);
      if (S.pcn) drawPcnShare();
    } else if (S.layers.share) { S.layers.share.remove(); S.layers.share = null; }
    if (mode !== 'analyst' && S.compare) { S.compare = null; drawCompare(); $('compare-result').hidden = true; }
    restyleAreas();
    restyleBlocks();
    renderAreaDetails();
    renderSelection();
    updateLegend();
    drawCommentMarkers();
    const h = new URLSearchParams(location.hash.slice(1));
    if (mode === 'explore') h.delete('mode'); else h.set('mode', mode);
    history.replaceState(null, '', '#' + h.toString());
    if (opts && opts.announce) announce({ explore: 'Explore view.', analyst: 'Analyst view: select parishes to move them.', health: 'Health-partner view: choose a PCN.', admin: 'Accounts: add accounts, change roles, read the audit log.' }[mode]);
  }
  MODES.forEach((m) => {
    const t = $('mode-' + m);
    t.addEventListener('click', () => setMode(m, { announce: true }));
    t.addEventListener('keydown', (e) => {
      // only the tabs this user has: hidden ones are skipped
      const shown = MODES.filter((x) => !$('mode-' + x).hidden);
      const i = shown.indexOf(m);
      let j = null;
      if (e.key === 'ArrowRight') j = (i + 1) % shown.length;
      else if (e.key === 'ArrowLeft') j = (i + shown.length - 1) % shown.length;
      else if (e.key === 'Home') j = 0;
      else if (e.key === 'End') j = shown.length - 1;
      if (j === null) return;
      e.preventDefault();
      setMode(shown[j], { announce: true });
      $('mode-' + shown[j]).focus();
    });
  });

  // ---------------------------------------------------------------- search
  const search = { results: [], active: -1, timer: null, seq: 0 };
  const searchInput = $('search-input');
  const kindText = { parish: 'parish', lsoa: 'LSOA', postcode: 'postcode' };
  function closeSearch() {
    $('search-results').hidden = true;
    searchInput.setAttribute('aria-expanded', 'false');
    searchInput.removeAttribute('aria-activedescendant');
    search.active = -1;
  }
  function setActive(i) {
    search.active = i;
    [...$('search-results').children].forEach((li, j) => li.setAttribute('aria-selected', j === i ? 'true' : 'false'));
    if (i >= 0) {
      searchInput.setAttribute('aria-activedescendant', 'search-result-' + i);
      const li = $('search-result-' + i);
      if (li) li.scrollIntoView({ block: 'nearest' });
    } else searchInput.removeAttribute('aria-activedescendant');
  }
  async function runSearch(q) {
    const seq = ++search.seq;
    if (q.trim().length < 2) { closeSearch(); return; }
    const rows = await api('/api/search?q=' + enc(q.trim()));
    if (seq !== search.seq) return;
    search.results = rows || [];
    const ul = clear($('search-results'));
    search.results.forEach((r, i) => {
      ul.appendChild(el('li', {
        role: 'option', id: 'search-result-' + i, dataset: { index: i, code: r.code, block: r.block_code || '' }, 'aria-selected': 'false',
        onmousedown: (e) => { e.preventDefault(); pickResult(i); },
      }, el('span', { text: r.name || r.code }), el('span', { className: 'kind', text: (kindText[r.kind] || r.kind || '') + (r.code && r.code !== r.name ? ' ' + r.code : '') })));
    });
    if (!search.results.length) ul.appendChild(el('li', { role: 'option', 'aria-disabled': 'true', text: 'Nothing found for “' + q + '”.' }));
    ul.hidden = false;
    searchInput.setAttribute('aria-expanded', 'true');
    $('search-status').textContent = search.results.length + (search.results.length === 1 ? ' result' : ' results') + '. Use the arrow keys and Enter.';
    setActive(-1);
  }
  searchInput.addEventListener('input', () => {
    window.clearTimeout(search.timer);
    const q = searchInput.value;
    search.timer = window.setTimeout(() => runSearch(q).catch(showError), 180);
  });
  searchInput.addEventListener('keydown', (e) => {
    const n = search.results.length;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if ($('search-results').hidden && searchInput.value.trim().length >= 2) { runSearch(searchInput.value).catch(showError); return; }
      if (n) setActive((search.active + 1) % n);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      if (n) setActive((search.active - 1 + n) % n);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (!$('search-results').hidden && n) pickResult(search.active >= 0 ? search.active : 0);
      else runSearch(searchInput.value).catch(showError);
    } else if (e.key === 'Escape') {
      closeSearch();
    }
  });
  searchInput.addEventListener('blur', () => window.setTimeout(closeSearch, 150));

  async function pickResult(i) {
    const r = search.results[i];
    if (!r) return;
    closeSearch();
    searchInput.value = r.name || r.code;
    const lat = num(r.lat), lon = num(r.lon);
    if (lat !== null && lon !== null) showPoint(L.latLng(lat, lon), Math.max(map.getZoom(), r.kind === 'postcode' ? 14 : 12));
    const code = r.block_code;
    if (code && S.plan && S.plan.blocks && S.plan.blocks[code]) {
      if (S.mode === 'analyst') {
        await loadBlocks();
        selectBlock(code, 'only');
        focusBlockOption(code);
      } else {
        selectArea(blockArea(code));
        S.activeBlock = code;
        renderBlockList();
        $('area-title').focus();
      }
      announce((r.name || r.code) + ' is in ' + areaLabel(blockArea(code)) + '.');
    } else {
      announce('Showing ' + (r.name || r.code) + ' on the map.');
    }
    if (!S.blocksFc) loadBlocks().catch(() => { /* names only */ });
  }

  // ---------------------------------------------------------------- phone bottom sheet
  const phone = window.matchMedia('(max-width: 700px)');
  function applyPhone() {
    const legend = $('legend');
    if (phone.matches) {
      $('layers-box').open = false;
      $('layers-box').appendChild(legend);
    } else {
      $('map-wrap').appendChild(legend);
    }
    setSheet('half');
    window.setTimeout(() => map.invalidateSize(), 50);
  }
  if (phone.addEventListener) phone.addEventListener('change', applyPhone);
  /** The bottom sheet on a phone: half height → full height → collapsed → half height. */
  function setSheet(state) {
    const p = $('panel');
    p.classList.toggle('expanded', state === 'expanded');
    p.classList.toggle('collapsed', state === 'collapsed');
    const t = $('panel-toggle');
    t.setAttribute('aria-expanded', state === 'collapsed' ? 'false' : 'true');
    t.textContent = { half: 'Show more details', expanded: 'Hide details', collapsed: 'Show details' }[state];
    window.setTimeout(() => map.invalidateSize(), 50);
  }
  $('panel-toggle').addEventListener('click', () => {
    const p = $('panel');
    setSheet(p.classList.contains('collapsed') ? 'half' : p.classList.contains('expanded') ? 'collapsed' : 'expanded');
  });

  // ---------------------------------------------------------------- plan picker
  $('plan-select').addEventListener('change', () => {
    openPlan($('plan-select').value).then(() => { if (S.mode === 'analyst') loadVersions(); if (S.mode === 'health') loadAlignment(); }).catch(showError);
  });
  $('plan-create').addEventListener('click', async () => {
    $('plan-create').disabled = true;
    $('plan-summary-line').textContent = 'Building the plan: this takes a few seconds…';
    try {
      const p = await api('/api/plans', { method: 'POST', body: { name: 'First plan' } });
      const id = await loadPlans(p && p.id);
      if (id !== null) await openPlan(id);
      announce('The plan is built.');
    } catch (e) { showError(e); } finally { $('plan-create').disabled = false; }
  });

  // ---------------------------------------------------------------- hooks for tests and the browser console
  window.sda = {
    map,
    state: S,
    /** Fits the map to a block and returns a pixel inside it, measured from the map's top-left corner. */
    blockPoint(code) {
      const f = S.blockFeature.get(code);
      if (!f) return null;
      map.fitBounds(L.geoJSON(f).getBounds(), { animate: false, padding: [60, 60], maxZoom: 13 });
      const c = map.latLngToContainerPoint(labelPoint(f.geometry));
      return { x: Math.round(c.x), y: Math.round(c.y) };
    },
  };

  // ---------------------------------------------------------------- start
  async function start() {
    applyPhone();
    updateLegend();
    try {
      applySession(await api('/api/session', { quiet: true }));
    } catch (e) {
      // the data requests below say what is wrong
      applySession({ signed_in: false, public_read: true, permissions: ['view_plans'] });
    }
    if (!can('view_plans')) {
      // no public read-only access: the sign-in form instead of the map's data
      body.dataset.state = 'signin';
      $('plan-summary-line').textContent = 'This planner is open to signed-in users only. Sign in to see the plans.';
      openSignin('This planner is open to signed-in users only. Sign in to see the plans.', { required: true });
      return;
    }
    await loadData();
  }
  async function loadData() {
    if (S.loading) return;
    S.loading = true;
    try {
      loadIndicators().catch(() => { $('choropleth-box').hidden = true; });
      const [, id] = await Promise.all([loadRegion(), loadPlans()]);
      if (id !== null && id !== undefined) await openPlan(id);
      S.started = true;
      body.dataset.state = 'ready';
      applyPermissions();
      syncComments();
      const h = new URLSearchParams(location.hash.slice(1));
      const mode = h.get('mode');
      if (MODES.includes(mode) && mode !== 'explore') setMode(mode);
      // blocks give the map its picking and the lists their names; load them after the first paint
      window.setTimeout(() => loadBlocks().then(() => { restyleBlocks(); drawCompare(); }).catch(showError), 0);
    } catch (e) {
      body.dataset.state = 'error';
      showError(e);
    } finally {
      S.loading = false;
    }
  }
  start();
}());
