// A unit's drill-down: per preparation group, each tracked subtask with its status and whether it is overdue.
import {
  API, GROUPS, errorText, fetchJson, formatDate, formatInstant, formatPercent, h, keepFresh, localName,
  onLanguageChange, param, t,
  wireLanguageSwitch,
} from './common.js';

const main = document.getElementById('main');
const region = main.dataset.region;
const status = document.getElementById('status');
const title = document.getElementById('unit-name');
const summary = document.getElementById('unit-summary');
const groupsEl = document.getElementById('groups');
const trendEl = document.getElementById('trend-groups');
const trendNote = document.getElementById('trend-note');
let unit = null;
let failure = null;
/** The unit's trend over the frozen rounds, its forecast and the movement between the last two rounds. */
let trend = null;
/** The unit's stale data (status-service's, through this service): { body } or { failure }. */
let stale = null;
const STALE_SHOWN = 15;

function unitUrl() {
  const asOf = param('asOf');
  return `${API}/units/${encodeURIComponent(region)}${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`;
}

async function refresh() {
  try {
    const result = await fetchJson(unitUrl());
    failure = null;
    if (result.changed || unit === null) {
      unit = result.body;
      render();
    }
  } catch (error) {
    failure = error;
  }
  renderStatus();
}

async function loadTrend() {
  try {
    const [trends, forecast] = await Promise.all([
      fetchJson(`${API}/trends?region=${encodeURIComponent(region)}`),
      fetchJson(`${API}/forecast?region=${encodeURIComponent(region)}`),
    ]);
    const rounds = trends.body.rounds ?? [];
    let movement = null;
    if (rounds.length >= 2) {
      const from = rounds[rounds.length - 2].id;
      const to = rounds[rounds.length - 1].id;
      const query = new URLSearchParams({ from, to, region, measure: 'progress' });
      try {
        movement = (await fetchJson(`${API}/movement?${query}`)).body;
      } catch {
        movement = null; // the trend and forecast stand without it
      }
    }
    trend = {
      rounds,
      unit: (trends.body.units ?? []).find((u) => u.region === region),
      forecast: forecast.body,
      cells: (forecast.body.units ?? []).find((u) => u.region === region)?.groups ?? {},
      movement: movement?.units?.find((u) => u.region === region)?.cells ?? null,
      movementRounds: movement ? [movement.from.name, movement.to.name] : null,
    };
  } catch (error) {
    trend = { failure: error };
  }
  renderTrend();
}

async function loadStale() {
  try {
    stale = { body: (await fetchJson(`${API}/units/${encodeURIComponent(region)}/stale`)).body };
  } catch (error) {
    stale = { failure: error };
  }
  renderStale();
}

/** The tracked subtasks not reported or confirmed for two rounds, the oldest first. */
function renderStale() {
  const note = document.getElementById('stale-note');
  const list = document.getElementById('stale-list');
  if (!stale) return;
  if (stale.failure) {
    const restricted = stale.failure.status === 401 || stale.failure.status === 403;
    note.textContent = restricted ? t('stale.restricted') : errorText(stale.failure);
    list.replaceChildren();
    return;
  }
  const body = stale.body;
  const subtasks = body.subtasks ?? [];
  if (!body.before) note.textContent = t('stale.tooEarly', { n: body.rounds });
  else if (subtasks.length === 0) note.textContent = t('stale.none', { n: body.rounds });
  else note.textContent = t('stale.some', { count: subtasks.length, n: body.rounds, before: formatDate(body.before) });
  list.replaceChildren(...subtasks.slice(0, STALE_SHOWN).map((s) => h('li', { dataset: { subtask: s.subtask } },
    h('span', { class: 'subtask-id' }, s.subtask), ' ',
    s.lastAt ? t('stale.last', { at: formatDate(s.lastAt), n: s.roundsSince }) : t('stale.never'))));
  if (subtasks.length > STALE_SHOWN) list.append(h('li', { class: 'more' }, t('stale.more', { n: subtasks.length - STALE_SHOWN })));
}

function renderTrend() {
  if (trend?.failure) {
    trendNote.textContent = errorText(trend.failure);
    trendEl.replaceChildren();
    return;
  }
  if (!trend || trend.rounds.length === 0) {
    trendNote.textContent = t('trend.none');
    trendEl.replaceChildren();
    return;
  }
  trendNote.textContent = t('trend.note', {
    n: trend.rounds.length, deadline: formatDate(trend.forecast.deadline), target: trend.forecast.target,
  });
  trendEl.replaceChildren(...GROUPS.map(trendFigure));
}

/** One group's trend: a chart (uPlot) and the same numbers as a table, the forecast and the last movement in words. */
function trendFigure(group) {
  const points = trend.unit?.groups?.[group] ?? [];
  const cell = trend.cells[group];
  const name = t(`group.${group}`);
  const chart = h('div', { class: 'trend-chart', role: 'img', 'aria-label': t('trend.chart', { group: name }) });
  const rows = points.map((point) => {
    const round = trend.rounds.find((r) => r.id === point.round);
    return h('tr', { dataset: { round: point.round } },
      h('th', { scope: 'row' }, round?.name ?? point.round),
      h('td', {}, point.progressPercent == null ? '–' : formatPercent(point.progressPercent)),
      h('td', {}, point.donePercent == null ? '–' : formatPercent(point.donePercent)));
  });
  const figure = h('figure', { class: 'trend-figure', dataset: { group } },
    h('figcaption', {}, name, ' ', h('span', { class: 'group-code' }, group)),
    chart,
    h('table', { class: 'trend-table' },
      h('caption', { class: 'visually-hidden' }, t('trend.chart', { group: name })),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, t('trend.round')),
        h('th', { scope: 'col' }, t('view.progress')),
        h('th', { scope: 'col' }, t('done')))),
      h('tbody', {}, rows)),
    h('p', { class: 'forecast' }, forecastText(cell)),
    trend.movement?.[group] ? h('p', { class: 'movement' }, movementText(trend.movement[group])) : null);
  drawChart(chart, points, cell);
  return figure;
}

function forecastText(cell) {
  if (!cell || cell.projected == null) return t('forecast.none');
  const text = t('forecast.text', {
    deadline: formatDate(trend.forecast.deadline),
    projected: formatPercent(Math.round(cell.projected)),
    low: Math.round(cell.low),
    high: Math.round(cell.high),
    pace: (cell.pacePerMonth ?? 0).toFixed(1),
  });
  return cell.likelyToMiss ? `${text} ${t('forecast.miss')}` : text;
}

function movementText(cell) {
  if (cell.total == null) return t('movement.none', { from: trend.movementRounds[0], to: trend.movementRounds[1] });
  const signed = (n) => (n > 0 ? `+${n}` : String(n));
  return t('movement.text', {
    from: trend.movementRounds[0], to: trend.movementRounds[1], total: signed(cell.total),
    reported: signed(cell.reported), roadmap: signed(cell.roadmap), window: signed(cell.window),
  });
}

/** Progress and done over the rounds, and the forecast with its 80 % band at the deadline. */
function drawChart(target, points, cell) {
  if (typeof uPlot === 'undefined' || points.length === 0) return;
  const at = (id) => Date.parse(trend.rounds.find((r) => r.id === id)?.at) / 1000;
  const xs = points.map((p) => at(p.round));
  const progress = points.map((p) => p.progressPercent);
  const done = points.map((p) => p.donePercent);
  const forecast = points.map(() => null);
  const low = points.map(() => null);
  const high = points.map(() => null);
  if (cell?.projected != null) {
    xs.push(Date.parse(trend.forecast.deadline) / 1000);
    progress.push(null);
    done.push(null);
    forecast[forecast.length - 1] = done[done.length - 2];
    forecast.push(cell.projected);
    low.push(cell.low);
    high.push(cell.high);
    low[low.length - 2] = done[done.length - 2];
    high[high.length - 2] = done[done.length - 2];
  }
  // eslint-disable-next-line no-undef
  new uPlot({
    width: 300,
    height: 150,
    legend: { show: true, live: false },
    cursor: { show: false },
    scales: { y: { range: [0, 100] } },
    axes: [
      { values: (u, ticks) => ticks.map((v) => new Date(v * 1000).toLocaleDateString(document.documentElement.lang || 'fi', { month: 'numeric', year: 'numeric' })) },
      { values: (u, ticks) => ticks.map((v) => `${v} %`) },
    ],
    series: [
      {},
      { label: t('view.progress'), stroke: '#00347a', width: 2 },
      { label: t('done'), stroke: '#1b7a2e', width: 2 },
      { label: t('forecast.label'), stroke: '#1b7a2e', dash: [5, 5], width: 1.5 },
      { label: t('forecast.low'), stroke: '#8a8a8a', width: 1 },
      { label: t('forecast.high'), stroke: '#8a8a8a', width: 1 },
    ],
    bands: [{ series: [5, 4], fill: 'rgba(27, 122, 46, 0.12)' }],
  }, [xs, progress, done, forecast, low, high], target);
}

function renderStatus() {
  status.classList.toggle('error', Boolean(failure));
  if (failure) status.textContent = failure.status === 404 ? t('unit.notFound') : errorText(failure);
  else if (!unit) status.textContent = t('loading');
  else if (!unit.reported) status.textContent = t('unit.neverReported');
  else status.textContent = t('unit.lastReported', { time: formatInstant(unit.lastReportedAt) });
}

function render() {
  // The way back keeps what the heatmap was showing (view, window, language…).
  const back = new URLSearchParams(location.search);
  document.getElementById('back').href = `/${back.toString() ? `?${back}` : ''}`;
  if (!unit) return;
  const name = localName(unit.name) || region;
  title.textContent = name;
  document.title = `${name} – ${t('title')}`;
  const subtasks = (unit.groups ?? []).flatMap((group) => group.subtasks ?? []);
  const done = subtasks.filter((s) => s.status === 'DONE').length;
  const started = subtasks.filter((s) => ['IN_PROGRESS', 'ON_SCHEDULE', 'DELAYED'].includes(s.status)).length;
  const overdue = subtasks.filter((s) => s.overdue).length;
  summary.textContent = `${t('unit.tracked', { n: subtasks.length })}: ${t('unit.summary', { done, started, overdue })}`;
  // Groups in the house order (HTT, JO, PJ, YP, ICT); an unknown one last.
  const rank = (group) => (GROUPS.includes(group.group) ? GROUPS.indexOf(group.group) : GROUPS.length);
  const groups = [...(unit.groups ?? [])].sort((a, b) => rank(a) - rank(b));
  groupsEl.replaceChildren(...groups.map(groupSection));
}

function groupSection(group) {
  const id = `group-${group.group}`;
  const withComments = (group.subtasks ?? []).some((s) => s.comment || s.supportNeeded);
  return h('section', { class: 'unit-group', 'aria-labelledby': id, dataset: { group: group.group } },
    h('h2', { id }, t(`group.${group.group}`), ' ', h('span', { class: 'group-code' }, group.group)),
    h('table', { class: 'subtasks' },
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, t('col.subtask')),
        h('th', { scope: 'col' }, t('col.schedule')),
        h('th', { scope: 'col' }, t('col.status')),
        h('th', { scope: 'col' }, t('col.reportedAt')),
        withComments ? h('th', { scope: 'col' }, t('col.comment')) : null)),
      h('tbody', {}, (group.subtasks ?? []).map((subtask) => subtaskRow(subtask, withComments)))));
}

function subtaskRow(subtask, withComments) {
  const state = subtask.status ?? 'UNREPORTED';
  return h('tr', { class: subtask.overdue ? 'overdue' : null, dataset: { subtask: subtask.id, status: state } },
    h('th', { scope: 'row' }, h('span', { class: 'subtask-id' }, subtask.id), ' ', localName(subtask.name)),
    h('td', { class: 'schedule' }, subtask.schedule ? `${formatDate(subtask.schedule.from)}–${formatDate(subtask.schedule.to)}` : ''),
    h('td', {},
      h('span', { class: `status-badge status-${state}` }, t(`status.${state}`)),
      subtask.overdue ? [' ', h('span', { class: 'overdue-badge' }, `⚠ ${t('overdue')}`)] : null),
    h('td', {}, formatInstant(subtask.reportedAt)),
    withComments ? h('td', {}, subtask.comment ?? '',
      subtask.supportNeeded ? [' ', h('span', { class: 'support-badge' }, t('supportNeeded'))] : null) : null);
}

wireLanguageSwitch();
onLanguageChange(() => {
  render();
  renderStatus();
  renderTrend();
  renderStale();
});
render();
keepFresh(refresh);
loadTrend();
loadStale();
