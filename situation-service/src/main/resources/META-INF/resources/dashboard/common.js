// Shared by the dashboard pages: UI texts and language switching, formatting, and conditional fetches.

const ALL_TEXTS = JSON.parse(document.getElementById('dashboard-texts').textContent);
export const API = '/api/v1/situation';
export const GROUPS = ['HTT', 'JO', 'PJ', 'YP', 'ICT'];
export const BAND_GLYPHS = { UNDER_25: '○', FROM_25_TO_49: '◔', FROM_50_TO_75: '◑', OVER_75: '◕' };

let lang = document.body.dataset.lang || 'fi';
const languageListeners = [];

export function currentLang() {
  return lang;
}

/** The UI string for a key in the current language, with {placeholders} filled from vars. */
export function t(key, vars = {}) {
  const text = ALL_TEXTS[lang]?.[key] ?? ALL_TEXTS.fi[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
}

/** A name object from the API ({fi, sv, en}) in the current language; Finnish when there is no translation. */
export function localName(name) {
  if (!name) return '';
  if (typeof name === 'string') return name;
  return name[lang] || name.fi || Object.values(name)[0] || '';
}

/** Re-labels every static element that carries data-t (text) or data-t-aria-label (accessible name). */
function applyTexts() {
  document.documentElement.lang = lang;
  document.body.dataset.lang = lang;
  document.title = t('title');
  for (const el of document.querySelectorAll('[data-t]')) el.textContent = t(el.dataset.t);
  for (const el of document.querySelectorAll('[data-t-aria-label]')) el.setAttribute('aria-label', t(el.dataset.tAriaLabel));
  for (const el of document.querySelectorAll('.languages a')) {
    if (el.dataset.lang === lang) el.setAttribute('aria-current', 'true');
    else el.removeAttribute('aria-current');
  }
  const hiddenLang = document.querySelector('input[type=hidden][name=lang]');
  if (hiddenLang) hiddenLang.value = lang;
}

/** Calls listener after every language switch so pages re-render their dynamic parts. */
export function onLanguageChange(listener) {
  languageListeners.push(listener);
}

/** Makes the language links switch in place (no reload) and keep the address shareable. */
export function wireLanguageSwitch() {
  for (const link of document.querySelectorAll('.languages a')) {
    link.addEventListener('click', (event) => {
      event.preventDefault();
      lang = link.dataset.lang;
      setParam('lang', lang);
      applyTexts();
      languageListeners.forEach((listener) => listener());
    });
  }
}

/** Replaces one query parameter of the page address (empty removes it) without reloading. */
export function setParam(name, value) {
  const url = new URL(location.href);
  if (value) url.searchParams.set(name, value);
  else url.searchParams.delete(name);
  history.replaceState(null, '', url);
}

export function param(name) {
  return new URL(location.href).searchParams.get(name) || '';
}

const locales = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

/** An ISO date (2021-04-01) the way the current language writes it. */
export function formatDate(iso) {
  if (!iso) return '';
  const options = lang === 'en'
    ? { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }
    : { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locales[lang], options).format(new Date(`${iso.substring(0, 10)}T00:00:00Z`));
}

/** An instant in the reader's time zone, to the minute. */
export function formatInstant(iso) {
  if (!iso) return '';
  return new Intl.DateTimeFormat(locales[lang], { dateStyle: 'short', timeStyle: 'medium' }).format(new Date(iso));
}

/** A percentage with the language's spacing ("57 %" in Finnish and Swedish, "57%" in English). */
export function formatPercent(value) {
  return lang === 'en' ? `${value}%` : `${value}\u00a0%`;
}

const etags = new Map();
const bodies = new Map();

/**
 * GETs JSON with If-None-Match when the same address answered before.
 * Resolves to {changed, body}; changed is false on 304 (body is the one seen last). Rejects with {status} otherwise.
 */
export async function fetchJson(url) {
  const headers = { Accept: 'application/json' };
  if (etags.has(url)) headers['If-None-Match'] = etags.get(url);
  // no-store: the page handles 304 itself rather than letting the HTTP cache turn it into a silent 200.
  const response = await fetch(url, { headers, cache: 'no-store' });
  if (response.status === 304 && bodies.has(url)) return { changed: false, body: bodies.get(url) };
  if (!response.ok) throw { status: response.status };
  const body = await response.json();
  const etag = response.headers.get('ETag');
  if (etag) etags.set(url, etag);
  else etags.delete(url);
  const previous = bodies.get(url);
  bodies.set(url, body);
  // Endpoints without an ETag: compare bodies, so the page re-renders only when something changed.
  const changed = etag ? true : JSON.stringify(previous) !== JSON.stringify(body);
  return { changed, body };
}

/** A human message for a failed fetch. */
export function errorText(error) {
  return t('error', { status: error?.status ?? error?.message ?? error });
}

/** Creates an element with attributes and children (strings become text nodes, never HTML). */
export function h(tag, attributes = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') el.className = value;
    else if (name === 'dataset') Object.assign(el.dataset, value);
    else el.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/**
 * Calls refresh now and whenever the picture may have changed: on the server's change stream when it has one,
 * else (and as a slow safety net even then) by polling. Returns a function that forces an immediate refresh.
 */
export function keepFresh(refresh) {
  const fast = Number(document.body.dataset.refresh) || 5000;
  const slow = Number(document.body.dataset.fallbackRefresh) || 60000;
  let streamOpen = false;
  let timer = null;
  let running = null;

  const run = async () => {
    clearTimeout(timer);
    if (running) await running.catch(() => {});
    running = refresh();
    try {
      await running;
    } finally {
      running = null;
      if (!document.hidden) timer = setTimeout(run, streamOpen ? slow : fast);
    }
  };

  if ('EventSource' in window) {
    const stream = new EventSource(`${API}/changes`);
    stream.addEventListener('open', () => (streamOpen = true));
    stream.addEventListener('changed', () => run());
    // A closed stream (404 when the server has none, or a restart) leaves polling at full speed.
    stream.addEventListener('error', () => (streamOpen = stream.readyState === EventSource.OPEN));
  }
  // A hidden tab stops polling; coming back refreshes at once.
  document.addEventListener('visibilitychange', () => {
    if (!document.hidden) run();
  });
  run();
  return run;
}
