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
};
let picture = null;
let risks = null;
let snapshots = [];
let showAllRisks = false;
let riskKind = '';
let updatedAt = null;
let failure = null;

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
    if (result.changed || picture === null || table.dataset.url !== url) {
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
    tr.append(h('td', { colspan: groups.length * (readiness ? 2 : 1), class: 'not-reported-cell' }, t('notReported')));
    return tr;
  }
  for (const group of groups) {
    const cell = row.cells?.[group] ?? { tracked: 0 };
    const differs = typical && typical[group] != null && cell.tracked !== typical[group] ? cell.tracked : null;
    if (readiness) {
      tr.append(
        bandCell(group, 'inProgress', cell.tracked, cell.inProgress, cell.inProgressPercent, cell.inProgressBand, 'inProgress.count', differs),
        bandCell(group, 'done', cell.tracked, cell.done, cell.donePercent, cell.doneBand, 'done.count', differs));
    } else {
      tr.append(bandCell(group, 'started', cell.tracked, cell.started, cell.percent, cell.band, 'started.count', differs));
    }
  }
  return tr;
}

function bandCell(group, measure, tracked, count, percent, band, countKey, differs) {
  if (!tracked || percent == null || !band) {
    return h('td', { class: 'cell empty', dataset: { group, measure } },
      h('span', { class: 'pct' }, '–'), h('span', { class: 'band-label' }, t('noTracked')));
  }
  const counted = t(countKey, { n: count, of: tracked });
  return h('td', { class: `cell band-${band}`, dataset: { group, measure, band }, title: counted },
    h('span', { class: 'pct' }, formatPercent(percent)),
    h('span', { class: 'band-label' }, h('span', { class: 'glyph', 'aria-hidden': 'true' }, BAND_GLYPHS[band]), ' ', t(`band.${band}`)),
    h('span', { class: differs != null ? 'count differs' : 'count' }, `${count}/${tracked}`,
      differs != null ? h('span', { class: 'visually-hidden' }, ` (${t('tracked.differs', { n: differs })})`) : null));
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
