// A unit's drill-down: per preparation group, each tracked subtask with its status and whether it is overdue.
import {
  API, GROUPS, errorText, fetchJson, formatDate, formatInstant, h, keepFresh, localName, onLanguageChange, param, t,
  wireLanguageSwitch,
} from './common.js';

const main = document.getElementById('main');
const region = main.dataset.region;
const status = document.getElementById('status');
const title = document.getElementById('unit-name');
const summary = document.getElementById('unit-summary');
const groupsEl = document.getElementById('groups');
let unit = null;
let failure = null;

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
});
render();
keepFresh(refresh);
