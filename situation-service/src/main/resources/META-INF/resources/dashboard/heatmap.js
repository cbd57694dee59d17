// The heatmap page: units × preparation groups in four labelled bands, the national row, the risk list.
import {
  API, BAND_GLYPHS, GROUPS, errorText, fetchJson, formatDate, formatInstant, formatPercent, h, keepFresh,
  localName, onLanguageChange, param, setParam, t, wireLanguageSwitch,
} from './common.js';

const RISKS_SHOWN = 12;
const RISKS_ALL = 500;
const form = document.getElementById('controls');
const table = document.getElementById('heatmap');
const status = document.getElementById('status');
const riskList = document.getElementById('risks');
const riskAll = document.getElementById('risks-all');
const riskFilter = document.getElementById('risk-kind');
const snapshotSelect = document.getElementById('snapshot');
const map = document.getElementById('map');
const mapGroup = document.getElementById('map-group');
const inputs = {
  from: document.getElementById('from'),
  to: document.getElementById('to'),
  deadline: document.getElementById('deadline'),
  asOf: document.getElementById('asOf'),
};

// What is looked at; mirrored in the address so a view can be bookmarked and shared.
const state = {
  view: param('view') === 'readiness' ? 'readiness' : 'progress',
  // Without a window in the address: the service's default for the page (the demo round's window), else the API's.
  from: param('from') || (param('to') ? '' : document.body.dataset.defaultFrom),
  to: param('to') || (param('from') ? '' : document.body.dataset.defaultTo),
  deadline: param('deadline'),
  asOf: param('asOf'),
  snapshot: param('snapshot'),
  mapGroup: GROUPS.includes(param('mapGroup')) ? param('mapGroup') : 'HTT',
};
let picture = null;
let risks = null;
let snapshots = [];
let showAllRisks = false;
let riskKind = '';
let updatedAt = null;
let failure = null;
/** The round frozen last before the picture shown, for the change arrows: { url, name, body }. */
let previous = null;
/** Every unit's trend over the frozen rounds, for the sparklines: { key, body }. */
let trends = null;

function pictureUrl() {
  const base = state.snapshot
    ? `${API}/snapshots/${encodeURIComponent(state.snapshot)}/${state.view}`
    : `${API}/${state.view}`;
  const query = new URLSearchParams();
  if (!state.snapshot) {
    if (state.view === 'progress') {
      if (state.from) query.set('from', state.from);
      if (state.to) query.set('to', state.to);
    } else if (state.deadline) {
      query.set('deadline', state.deadline);
    }
    if (state.asOf) query.set('asOf', state.asOf);
  }
  const search = query.toString();
  return search ? `${base}?${search}` : base;
}

async function refresh() {
  const url = pictureUrl();
  try {
    const [result] = await Promise.all([fetchJson(url), loadSnapshots()]);
    // The reader chose another round, view or window while this answer was on its way: the refresh started for
    // that choice renders it, and this stale answer must not overwrite it.
    if (url !== pictureUrl()) return;
    failure = null;
    updatedAt = new Date().toISOString();
    const before = [previous?.url, trends?.key].join();
    await Promise.all([loadPrevious(), loadTrends()]);
    const changedAround = [previous?.url, trends?.key].join() !== before;
    if (result.changed || picture === null || table.dataset.url !== url || changedAround) {
      picture = result.body;
      table.dataset.url = url;
      renderTable();
      await loadRisks();
    }
  } catch (error) {
    if (url !== pictureUrl()) return;
    failure = error;
  }
  renderStatus();
}

async function loadSnapshots() {
  try {
    const result = await fetchJson(`${API}/snapshots`);
    if (result.changed || snapshots.length === 0) {
      snapshots = Array.isArray(result.body) ? result.body : result.body.snapshots ?? [];
      renderSnapshotOptions();
    }
  } catch {
    // Without snapshots the live picture still works; the selector keeps only "live".
  }
}

/** Loads the picture of the round frozen last before the one shown (the live picture: the latest round). */
async function loadPrevious() {
  const shownRound = snapshots.find((s) => s.id === state.snapshot);
  const shown = shownRound ? shownRound.at : state.asOf || null;
  const earlier = snapshots
    .filter((s) => s.id !== state.snapshot && (!shown || Date.parse(s.at) < Date.parse(shown)))
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  if (earlier.length === 0) {
    previous = null;
    return;
  }
  const url = `${API}/snapshots/${encodeURIComponent(earlier[0].id)}/${state.view}`;
  if (previous?.url === url) return;
  try {
    previous = { url, name: earlier[0].name, body: (await fetchJson(url)).body };
  } catch {
    previous = null;
  }
}

/** Loads every unit's trend once per set of frozen rounds. */
async function loadTrends() {
  const key = snapshots.map((s) => s.id).join(',');
  if (trends?.key === key) return;
  try {
    trends = { key, body: (await fetchJson(`${API}/trends`)).body };
  } catch {
    trends = null;
  }
}

/** A unit's sparkline: progress and done share of the map's group at each frozen round (uPlot), described in words. */
function sparkCell(region, label) {
  const td = h('td', { class: 'trend-cell', dataset: { trend: region } });
  const group = state.mapGroup;
  const points = trends?.body?.units?.find((u) => u.region === region)?.groups?.[group] ?? [];
  if (points.length < 2 || typeof uPlot === 'undefined') {
    td.append('–');
    return td;
  }
  const progress = points.map((p) => p.progressPercent);
  const done = points.map((p) => p.donePercent);
  const series = (values) => values.map((v) => (v == null ? '–' : formatPercent(v))).join(' → ');
  const described = t('trend.spark', { name: label, group: t(`group.${group}`), progress: series(progress), done: series(done) });
  const box = h('div', { class: 'spark', role: 'img', 'aria-label': described, title: described });
  td.append(box);
  // eslint-disable-next-line no-undef
  new uPlot({
    width: 96,
    height: 30,
    legend: { show: false },
    cursor: { show: false },
    select: { show: false },
    scales: { x: { time: false }, y: { range: [0, 100] } },
    axes: [{ show: false }, { show: false }],
    series: [{}, { stroke: '#00347a', width: 1.5 }, { stroke: '#1b7a2e', width: 1.5 }],
  }, [points.map((_, i) => i), progress, done], box);
  return td;
}

/** The previous round's percent of a cell, or null. */
function previousPercent(region, group, key) {
  const row = previous?.body?.rows?.find((r) => r.region === region);
  return row?.reported ? row.cells?.[group]?.[key] ?? null : null;
}

// One page of the national ranking as of the instant or round being looked at, filtered by reason on the server.
async function loadRisks() {
  const query = new URLSearchParams({ size: String(showAllRisks ? RISKS_ALL : RISKS_SHOWN) });
  if (riskKind) query.set('reason', riskKind);
  if (state.snapshot) query.set('round', state.snapshot);
  else if (state.asOf) query.set('asOf', state.asOf);
  try {
    risks = (await fetchJson(`${API}/risks?${query}`)).body;
  } catch {
    risks = null;
  }
  renderRisks();
}

// ---- rendering --------------------------------------------------------------------------------------------

function renderAll() {
  renderControls();
  renderSnapshotOptions();
  if (picture) renderTable();
  renderRisks();
  renderStatus();
}

function renderControls() {
  form.querySelector(`input[name=view][value=${state.view}]`).checked = true;
  form.dataset.view = state.view;
  const snapshot = snapshots.find((s) => s.id === state.snapshot);
  const frozen = Boolean(snapshot);
  const show = (input, value) => {
    // A refresh must not overwrite what the reader is typing.
    if (document.activeElement !== input) input.value = value;
  };
  show(inputs.from, frozen ? snapshot.window?.from ?? '' : state.from || picture?.window?.from || '');
  show(inputs.to, frozen ? snapshot.window?.to ?? '' : state.to || picture?.window?.to || '');
  show(inputs.deadline, frozen ? snapshot.deadline ?? '' : state.deadline || picture?.deadline || '');
  show(inputs.asOf, toLocalInput(frozen ? snapshot.at : state.asOf));
  for (const input of Object.values(inputs)) input.disabled = frozen;
  document.getElementById('csv').href = pictureUrl().replace(`/${state.view}`, `/${state.view}.csv`);
  const summary = document.getElementById('summary-link');
  summary.hidden = !frozen;
  if (frozen) {
    const lang = document.documentElement.lang || 'fi';
    summary.href = `/rounds/${encodeURIComponent(snapshot.id)}/summary?lang=${encodeURIComponent(lang)}`;
  }
}

function renderSnapshotOptions() {
  const live = snapshotSelect.querySelector('option[value=""]');
  snapshotSelect.replaceChildren(live, ...snapshots.map((s) => h('option', { value: s.id }, s.name)));
  snapshotSelect.value = snapshots.some((s) => s.id === state.snapshot) ? state.snapshot : '';
}

function renderStatus() {
  status.classList.toggle('error', Boolean(failure));
  if (failure) {
    status.textContent = failure.status === 404 && !state.snapshot ? t('noRoadmap') : errorText(failure);
    return;
  }
  if (!picture) {
    status.textContent = t('loading');
    return;
  }
  const parts = [t('updated', { time: formatInstant(updatedAt) })];
  if (picture.newestEventAt) parts.push(t('newestEvent', { time: formatInstant(picture.newestEventAt) }));
  if (picture.roadmapVersion != null) parts.push(t('roadmapVersion', { v: picture.roadmapVersion }));
  parts.push(picture.snapshot || picture.asOf ? t('frozen') : t('live'));
  status.textContent = parts.join(' · ');
}

function renderTable() {
  const readiness = state.view === 'readiness';
  const groups = picture.groups?.length ? picture.groups : GROUPS;
  table.dataset.view = state.view;
  renderControls();
  renderCaption();

  const headRow = h('tr', {}, h('th', { scope: 'col', class: 'unit-col' }, t('unit')));
  for (const group of groups) {
    headRow.append(h('th', { scope: 'colgroup', colspan: readiness ? 2 : 1, class: 'group-col', dataset: { group } },
      h('span', { class: 'group-name' }, t(`group.${group}`)), h('span', { class: 'group-code' }, group)));
  }
  headRow.append(h('th', { scope: 'col', rowspan: readiness ? 2 : 1, class: 'trend-col' },
    t('trend.col'), h('span', { class: 'group-code' }, t(`group.${state.mapGroup}`))));
  const head = [headRow];
  if (readiness) {
    const subRow = h('tr', {}, h('td', {}));
    for (const group of groups) {
      subRow.append(h('th', { scope: 'col', class: 'measure' }, t('inProgress')), h('th', { scope: 'col', class: 'measure' }, t('done')));
    }
    head.push(subRow);
  }
  const typical = typicalTracked(groups);
  const trackedRow = h('tr', { class: 'tracked-row' }, h('th', { scope: 'row' }, t('tracked')));
  for (const group of groups) {
    trackedRow.append(h('td', { colspan: readiness ? 2 : 1, dataset: { group } }, typical[group] ?? '–'));
  }
  trackedRow.append(h('td', {}));
  head.push(trackedRow);
  table.tHead.replaceChildren(...head);

  const rows = [];
  if (picture.national) {
    rows.push(unitRow({ national: true, label: t('national'), note: t('national.note') }, picture.national, groups, null));
  }
  for (const row of picture.rows ?? []) {
    rows.push(unitRow({ region: row.region, label: localName(row.name) || row.region }, row, groups, typical));
  }
  table.tBodies[0].replaceChildren(...rows);
  renderMap();
  // For the browser test's Navigation Timing: when the table was first on the screen.
  if (performance.getEntriesByName('heatmap-visible').length === 0) performance.mark('heatmap-visible');
}

// ---- the tile map ------------------------------------------------------------------------------------------

/**
 * One tile per unit, placed roughly where it lies (row, column), Uusimaa's six together: a schematic map, since the
 * counties' borders cannot be fetched here. Abbreviations are what fits on a tile; the full name is read out.
 */
const TILES = {
  lappi: [1, 3, 'LAP'],
  'pohjois-pohjanmaa': [2, 3, 'PPO'], kainuu: [2, 4, 'KAI'],
  'keski-pohjanmaa': [3, 2, 'KPO'], 'pohjois-savo': [3, 4, 'PSA'], 'pohjois-karjala': [3, 5, 'PKA'],
  pohjanmaa: [4, 1, 'POH'], 'etela-pohjanmaa': [4, 2, 'EPO'], 'keski-suomi': [4, 3, 'KSU'], 'etela-savo': [4, 4, 'ESA'],
  satakunta: [5, 1, 'SAT'], pirkanmaa: [5, 2, 'PIR'], 'paijat-hame': [5, 3, 'PHÄ'], 'etela-karjala': [5, 5, 'EKA'],
  'varsinais-suomi': [6, 1, 'VSU'], 'kanta-hame': [6, 2, 'KHÄ'], kymenlaakso: [6, 4, 'KYM'],
  'lansi-uusimaa': [7, 1, 'LUU'], 'keski-uusimaa': [7, 2, 'KUU'], 'vantaa-kerava': [7, 3, 'VAK'], 'ita-uusimaa': [7, 4, 'IUU'],
  helsinki: [8, 2, 'HKI'], hus: [8, 3, 'HUS'],
};

function renderMap() {
  const readiness = state.view === 'readiness';
  const group = state.mapGroup;
  mapGroup.replaceChildren(...GROUPS.map((g) => h('option', { value: g }, t(`group.${g}`))));
  mapGroup.value = group;
  document.getElementById('map-measure').textContent = t(readiness ? 'map.measure.done' : 'map.measure.progress',
    { group: t(`group.${group}`) });
  const tiles = [];
  for (const row of picture.rows ?? []) {
    const place = TILES[row.region];
    if (!place) continue;
    const name = localName(row.name) || row.region;
    const cell = row.cells?.[group] ?? {};
    const percent = readiness ? cell.donePercent : cell.percent;
    const band = readiness ? cell.doneBand : cell.band;
    const tile = h('a', {
      href: `/units/${encodeURIComponent(row.region)}${location.search}`,
      class: !row.reported ? 'tile not-reported-tile' : band ? `tile band-${band}` : 'tile empty',
      dataset: { region: row.region, band: row.reported && band ? band : '' },
      title: name,
    },
    h('span', { class: 'tile-code' }, place[2]),
    h('span', { class: 'visually-hidden' }, ` ${name}: `),
    h('span', { class: 'tile-value' }, !row.reported ? t('map.notReported') : percent == null ? '–' : formatPercent(percent)),
    row.reported && band ? h('span', { class: 'visually-hidden' }, `, ${t(`band.${band}`)}`) : null);
    tile.style.gridRow = String(place[0]);
    tile.style.gridColumn = String(place[1]);
    tiles.push(tile);
  }
  map.replaceChildren(...tiles);
}

function renderCaption() {
  const readiness = state.view === 'readiness';
  const title = document.getElementById('caption-title');
  const explain = document.getElementById('caption-explain');
  title.dataset.t = readiness ? 'readiness.caption' : 'progress.caption';
  explain.dataset.t = readiness ? 'readiness.explain' : 'progress.explain';
  title.textContent = t(title.dataset.t);
  explain.textContent = t(explain.dataset.t);
  const scope = [];
  if (picture.snapshot) {
    const snapshot = snapshots.find((s) => s.id === picture.snapshot.id);
    scope.push(t('snapshot.caption', { name: picture.snapshot.name, at: formatInstant(snapshot?.at) }));
  }
  if (readiness && picture.deadline) scope.push(t('readiness.deadline', { deadline: formatDate(picture.deadline) }));
  if (!readiness && picture.window) {
    scope.push(t('progress.window', { from: formatDate(picture.window.from), to: formatDate(picture.window.to) }));
  }
  if (picture.asOf && !picture.snapshot) scope.push(t('asOf.caption', { at: formatInstant(picture.asOf) }));
  if (previous) scope.push(t('delta.caption', { round: previous.name }));
  document.getElementById('caption-scope').textContent = scope.join(' · ');
}

/** The header row's count per group: what most units track (a unit that differs shows its own count). */
function typicalTracked(groups) {
  const typical = {};
  for (const group of groups) {
    const counts = new Map();
    for (const row of picture.rows ?? []) {
      const tracked = row.cells?.[group]?.tracked;
      if (tracked != null) counts.set(tracked, (counts.get(tracked) ?? 0) + 1);
    }
    let best = null;
    for (const [tracked, n] of counts) if (best === null || n > counts.get(best) || (n === counts.get(best) && tracked > best)) best = tracked;
    typical[group] = best;
  }
  return typical;
}

function unitRow(unit, row, groups, typical) {
  const readiness = state.view === 'readiness';
  const header = unit.national
    ? h('th', { scope: 'row' }, unit.label, h('span', { class: 'note' }, unit.note))
    : h('th', { scope: 'row' }, h('a', {
        href: `/units/${encodeURIComponent(unit.region)}${location.search}`,
        'aria-label': t('drill', { name: unit.label }),
      }, unit.label));
  const tr = h('tr', { class: unit.national ? 'national' : 'unit', dataset: unit.national ? { national: 'true' } : { region: unit.region } }, header);
  if (!row.reported) {
    tr.classList.add('not-reported');
    tr.append(h('td', { colspan: groups.length * (readiness ? 2 : 1), class: 'not-reported-cell' }, t('notReported')),
      unit.national ? h('td', {}) : sparkCell(unit.region, unit.label));
    return tr;
  }
  for (const group of groups) {
    const cell = row.cells?.[group] ?? { tracked: 0 };
    const differs = typical && typical[group] != null && cell.tracked !== typical[group] ? cell.tracked : null;
    const was = (key) => (unit.national ? null : previousPercent(unit.region, group, key));
    if (readiness) {
      tr.append(
        bandCell(group, 'inProgress', cell.tracked, cell.inProgress, cell.inProgressPercent, cell.inProgressBand, 'inProgress.count', differs, was('inProgressPercent')),
        bandCell(group, 'done', cell.tracked, cell.done, cell.donePercent, cell.doneBand, 'done.count', differs, was('donePercent')));
    } else {
      tr.append(bandCell(group, 'started', cell.tracked, cell.started, cell.percent, cell.band, 'started.count', differs, was('percent')));
    }
  }
  tr.append(unit.national ? h('td', {}) : sparkCell(unit.region, unit.label));
  return tr;
}

/** ▲ 5 / ▼ 3 / ► 0: the change in percentage points since the previous round, its meaning read out. */
function delta(percent, was) {
  if (percent == null || was == null) return null;
  const change = percent - was;
  const arrow = change > 0 ? '▲' : change < 0 ? '▼' : '►';
  return h('span', { class: `delta ${change > 0 ? 'up' : change < 0 ? 'down' : 'same'}`, dataset: { change: String(change) } },
    h('span', { 'aria-hidden': 'true' }, `${arrow} ${Math.abs(change)}`),
    h('span', { class: 'visually-hidden' }, t('delta', { n: change > 0 ? `+${change}` : String(change), round: previous.name })));
}

function bandCell(group, measure, tracked, count, percent, band, countKey, differs, was) {
  if (!tracked || percent == null || !band) {
    return h('td', { class: 'cell empty', dataset: { group, measure } },
      h('span', { class: 'pct' }, '–'), h('span', { class: 'band-label' }, t('noTracked')));
  }
  const counted = t(countKey, { n: count, of: tracked });
  return h('td', { class: `cell band-${band}`, dataset: { group, measure, band }, title: counted },
    h('span', { class: 'pct' }, formatPercent(percent)),
    h('span', { class: 'band-label' }, h('span', { class: 'glyph', 'aria-hidden': 'true' }, BAND_GLYPHS[band]), ' ', t(`band.${band}`)),
    h('span', { class: differs != null ? 'count differs' : 'count' }, `${count}/${tracked}`,
      differs != null ? h('span', { class: 'visually-hidden' }, ` (${t('tracked.differs', { n: differs })})`) : null),
    delta(percent, was));
}

const RISK_REASONS = ['NEVER_REPORTED', 'NOT_REPORTED_THIS_ROUND', 'OVERDUE_CRITICAL', 'DELAYED', 'SUPPORT_REQUESTED',
  'BELOW_PEER_MEDIAN', 'FALLING'];

function renderRisks() {
  const counts = risks?.reasonCounts ?? {};
  const all = Object.values(counts).length ? (riskKind ? null : risks.total) : 0;
  riskFilter.replaceChildren(
    h('option', { value: '' }, all == null ? t('risks.kind.ALL') : `${t('risks.kind.ALL')} (${all})`),
    ...RISK_REASONS.filter((reason) => counts[reason] || reason === riskKind)
      .map((reason) => h('option', { value: reason }, `${t(`risks.kind.${reason}`)} (${counts[reason] ?? 0})`)));
  riskFilter.value = riskKind;
  const shown = risks?.risks ?? [];
  if (shown.length === 0) {
    riskList.replaceChildren(h('li', { class: 'risk none' }, t('risks.none')));
  } else {
    // The message names the unit, the group and every reason; the whole message links to the unit's drill-down.
    riskList.replaceChildren(...shown.map((risk) => {
      const subtasks = [...new Set(risk.reasons.flatMap((reason) => reason.subtasks))].join(', ');
      return h('li', { class: `risk severity-${risk.severity}`,
        dataset: { rank: String(risk.rank), reasons: risk.reasons.map((reason) => reason.code).join(' '), region: risk.region, group: risk.group } },
        h('span', { class: 'severity' }, t(`severity.${risk.severity}`)), ' ',
        h('span', { class: 'score' }, t('risks.score', { n: formatScore(risk.score) })), ' ',
        h('a', { class: 'message', href: `/units/${encodeURIComponent(risk.region)}${location.search}`, title: subtasks || null },
          localName(risk.message)));
    }));
  }
  const total = risks?.total ?? 0;
  riskAll.hidden = showAllRisks || total <= RISKS_SHOWN;
  riskAll.textContent = t('risks.showAll', { n: total });
}

function formatScore(score) {
  return new Intl.NumberFormat(document.documentElement.lang || 'fi', { maximumFractionDigits: 1 }).format(score);
}

// ---- controls ---------------------------------------------------------------------------------------------

/** A datetime-local value (reader's local time) for an instant, to the second. */
function toLocalInput(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

function readControls() {
  state.view = form.querySelector('input[name=view]:checked').value;
  state.snapshot = snapshotSelect.value;
  if (!state.snapshot) {
    state.from = inputs.from.value;
    state.to = inputs.to.value;
    state.deadline = inputs.deadline.value;
    state.asOf = inputs.asOf.value ? new Date(inputs.asOf.value).toISOString() : '';
  }
  for (const [name, value] of Object.entries(state)) setParam(name, name === 'view' && value === 'progress' ? '' : value);
  document.getElementById('asOf-instant').value = state.asOf;
}

let refreshNow = null;

function apply() {
  readControls();
  renderControls();
  refreshNow();
}

form.addEventListener('change', apply);
form.addEventListener('submit', (event) => {
  event.preventDefault();
  apply();
});
document.getElementById('now').addEventListener('click', () => {
  snapshotSelect.value = '';
  inputs.asOf.value = '';
  for (const input of Object.values(inputs)) input.disabled = false;
  apply();
});
mapGroup.addEventListener('change', () => {
  state.mapGroup = mapGroup.value;
  setParam('mapGroup', state.mapGroup === 'HTT' ? '' : state.mapGroup);
  if (picture) renderTable();
});
riskFilter.addEventListener('change', () => {
  riskKind = riskFilter.value;
  showAllRisks = false;
  loadRisks();
});
riskAll.addEventListener('click', () => {
  showAllRisks = true;
  loadRisks();
});

wireLanguageSwitch();
onLanguageChange(renderAll);
renderControls();
refreshNow = keepFresh(refresh);
