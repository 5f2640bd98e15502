// apigw dashboard: vanilla ES2020, no framework, no build step, no external URL.
// Every URL is relative to the page (served at the admin prefix + "/"), so any --admin-prefix works.
// Data is only ever written with textContent or attributes, never parsed as HTML.
'use strict';

const MAX_FEED_ROWS = 500;
const SEED_ROWS = 50;
const STATS_EVERY_MS = 2000;
const SVG_NS = 'http://www.w3.org/2000/svg';

const state = {
  overview: null,
  feedRows: new Map(), // requestId -> <tr>
  selected: null, // requestId shown in the inspector
  websocketRefresh: null, // pending timer
  charts: new Map(), // route label -> chart card
};

// ---------- small DOM helpers ----------

/** An element with a class and text, children appended; text goes through textContent. */
function el(tag, className, text, ...children) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  for (const child of children) if (child) node.append(child);
  return node;
}

function svg(tag, attributes) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, String(value));
  return node;
}

function $(selector) {
  return document.querySelector(selector);
}

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' }, cache: 'no-store' });
  const text = await response.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch (e) {
    throw new Error(`${url} answered ${response.status} with something that is not JSON`);
  }
  if (!response.ok) {
    const error = new Error((body && body.message) || `${url} answered ${response.status}`);
    error.status = response.status;
    throw error;
  }
  return body;
}

function notice(message) {
  const box = $('#notice');
  box.textContent = message || '';
  box.hidden = !message;
}

// ---------- formatting ----------

function millis(value) {
  if (value === null || value === undefined) return '–';
  if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
  if (value >= 100) return `${value.toFixed(0)} ms`;
  if (value >= 10) return `${value.toFixed(1)} ms`;
  return `${value.toFixed(2)} ms`;
}

function clock(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  const pad = (n, width = 2) => String(n).padStart(width, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

function usd(value) {
  if (value === 0) return '$0.00';
  if (Math.abs(value) >= 0.01) return `$${value.toFixed(2)}`;
  // Fixed notation to a millionth of a cent (the backend's precision): toPrecision would switch to 2.50e-7.
  return `$${value.toFixed(8)}`;
}

function bytes(size) {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}

function statusClass(status) {
  if (status >= 500) return 's5xx';
  if (status >= 400) return 's4xx';
  if (status >= 300) return 's3xx';
  return 's2xx';
}

// ---------- pretty JSON, as DOM (coloured, still plain text) ----------

/** The text as indented, coloured JSON when it parses as JSON (objects and arrays only), else null. */
function prettyJson(text) {
  const trimmed = (text || '').trim();
  if (!(trimmed.startsWith('{') || trimmed.startsWith('['))) return null;
  let value;
  try {
    value = JSON.parse(trimmed);
  } catch (e) {
    return null;
  }
  const fragment = document.createDocumentFragment();
  appendJson(fragment, value, '');
  return fragment;
}

/** Appends value as JSON.stringify(value, null, 2) would write it, with tokens in spans for colour. */
function appendJson(parent, value, indent) {
  if (value === null) {
    parent.append(el('span', 'j-null', 'null'));
  } else if (Array.isArray(value)) {
    if (value.length === 0) {
      parent.append('[]');
      return;
    }
    parent.append('[\n');
    value.forEach((item, index) => {
      parent.append(indent + '  ');
      appendJson(parent, item, indent + '  ');
      parent.append(index < value.length - 1 ? ',\n' : '\n');
    });
    parent.append(indent + ']');
  } else if (typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 0) {
      parent.append('{}');
      return;
    }
    parent.append('{\n');
    keys.forEach((key, index) => {
      parent.append(indent + '  ', el('span', 'j-key', JSON.stringify(key)), ': ');
      appendJson(parent, value[key], indent + '  ');
      parent.append(index < keys.length - 1 ? ',\n' : '\n');
    });
    parent.append(indent + '}');
  } else if (typeof value === 'string') {
    parent.append(el('span', 'j-string', JSON.stringify(value)));
  } else if (typeof value === 'number') {
    parent.append(el('span', 'j-number', JSON.stringify(value)));
  } else {
    parent.append(el('span', 'j-bool', JSON.stringify(value)));
  }
}

/** A journal body (JournalBody: text, base64, truncated, size) as a <pre>: pretty JSON when it is JSON. */
function bodyBlock(body, className) {
  if (!body || body.size === 0) return el('p', `none ${className || 'body'}`, 'no body');
  const pre = el('pre', className || 'body');
  const pretty = body.base64 ? null : prettyJson(body.text);
  if (pretty) pre.append(pretty);
  else pre.textContent = body.text;
  const notes = [];
  if (body.base64) notes.push(`binary, ${bytes(body.size)}, shown as base64`);
  else notes.push(bytes(body.size));
  if (body.truncated) notes.push(`cut at the first ${bytes(body.text.length)}; the journal keeps 64 KB`);
  const wrapper = el('div', 'body-wrap', null, el('div', 'body-note', notes.join(' · ')), pre);
  return wrapper;
}

function headersTable(headers) {
  if (!headers || headers.length === 0) return el('p', 'none', 'no headers');
  const table = el('table', 'kv headers');
  for (const header of headers) {
    const row = el('tr', null, null, el('th', null, header.name), el('td', 'mono', header.value));
    table.append(row);
  }
  return table;
}

function kvTable(pairs) {
  const table = el('table', 'kv');
  for (const [key, value] of pairs) {
    if (value === undefined) continue;
    const cell = value instanceof Node ? el('td', null, null, value) : el('td', 'mono', value === null ? '–' : value);
    table.append(el('tr', null, null, el('th', null, key), cell));
  }
  return table;
}

// ---------- overview: header and routes ----------

async function loadOverview() {
  const overview = await getJson('api/overview');
  state.overview = overview;
  $('#api-title').textContent = overview.title || '(untitled API)';
  document.title = `${overview.title || 'API'} · apigw`;
  $('#api-type').textContent = overview.type;
  $('#api-stage').textContent = overview.stage;
  $('#api-id').textContent = overview.apiId;
  $('#api-base-url').textContent = overview.webSocketUrl || overview.baseUrl;
  if (!overview.observability) {
    notice('Observability is off (--no-observability): no live feed, journal, statistics or inspector.');
  }
  renderRoutes(overview);
  $('#websocket-panel').hidden = overview.type !== 'WEBSOCKET';
  if (overview.type === 'WEBSOCKET') refreshWebSocket();
}

function integrationCell(integration) {
  const cell = el('td', 'integration');
  if (!integration) return cell;
  cell.append(el('span', `badge integ ${String(integration.type).toLowerCase()}`, integration.type));
  if (integration.target) cell.append(' ', el('span', 'mono target', integration.target));
  return cell;
}

function renderRoutes(overview) {
  const body = $('#routes tbody');
  body.replaceChildren();
  const webSocket = overview.type === 'WEBSOCKET';
  // A WebSocket route has no method authorization of its own ($connect's authorizer guards the connection).
  const headings = webSocket ? ['Route key', 'Integration'] : ['Route', 'Integration', 'Authorization'];
  $('#routes thead').replaceChildren(el('tr', null, null, ...headings.map((heading) => el('th', null, heading))));
  const routes = webSocket ? overview.webSocketRoutes || [] : overview.routes || [];
  for (const route of routes) {
    const row = el('tr', 'route');
    if (webSocket) {
      row.dataset.route = route.routeKey;
      row.append(el('td', 'mono route-key', route.routeKey), integrationCell(route.integration));
    } else {
      row.dataset.route = route.route;
      row.title = route.path;
      const label = el('td', 'mono route-key');
      const space = route.route.indexOf(' ');
      if (space > 0) {
        label.append(el('span', `method m-${route.route.slice(0, space).toLowerCase()}`, route.route.slice(0, space)),
          ' ', route.route.slice(space + 1));
      } else {
        label.textContent = route.route;
      }
      const auth = el('td', 'auth', route.authorization === 'NONE' ? 'none' : route.authorization);
      if (route.authorizer) auth.append(' ', el('span', 'mono', `(${route.authorizer})`));
      if (route.apiKeyRequired) auth.append(' ', el('span', 'badge key', 'API key'));
      row.append(label, integrationCell(route.integration), auth);
    }
    body.append(row);
  }
  $('#routes-count').textContent = String(routes.length);
  if (routes.length === 0) {
    body.append(el('tr', null, null, el('td', 'empty', 'The API declares no routes.')));
  }
}

// ---------- live feed ----------

/** A feed item from either an SSE request event or a journal entry. */
function feedItem(data) {
  if (data.request) {
    return {
      sequence: data.sequence, requestId: data.requestId, time: data.time, method: data.request.method,
      path: data.request.rawPath, route: data.route, status: data.response.status,
      latencyMillis: data.latencyMillis, errorType: data.errorType,
    };
  }
  return data;
}

function feedRow(item) {
  const row = el('tr', 'feed-row');
  row.dataset.requestId = item.requestId;
  row.dataset.sequence = String(item.sequence);
  row.dataset.time = String(Date.parse(item.time) || 0);
  const status = el('td', `num status ${statusClass(item.status)}`, item.status);
  if (item.errorType) status.title = item.errorType;
  row.append(
    el('td', 'time mono', clock(item.time)),
    el('td', 'method', item.method),
    el('td', 'path mono', item.path),
    el('td', item.route ? 'route mono' : 'route mono none', item.route || '(no route)'),
    status,
    el('td', 'num latency', millis(item.latencyMillis)));
  row.addEventListener('click', () => inspect(item.requestId));
  if (item.requestId === state.selected) row.classList.add('selected');
  return row;
}

/** Adds a row: live ones on top; seeded ones (from the journal) in time order among those already shown. */
function addFeedItem(item, live) {
  if (!item || !item.requestId || state.feedRows.has(item.requestId)) return;
  const body = $('#feed tbody');
  const row = feedRow(item);
  if (live) {
    body.prepend(row);
  } else {
    const key = Number(row.dataset.time);
    let before = null;
    for (const existing of body.rows) {
      const existingKey = Number(existing.dataset.time);
      // Times only: the feed and the journal number requests with counters of their own.
      if (existingKey < key) {
        before = existing;
        break;
      }
    }
    body.insertBefore(row, before);
  }
  state.feedRows.set(item.requestId, row);
  while (body.rows.length > MAX_FEED_ROWS) {
    const last = body.rows[body.rows.length - 1];
    state.feedRows.delete(last.dataset.requestId);
    last.remove();
  }
  updateFeedCount();
}

function updateFeedCount() {
  const count = state.feedRows.size;
  $('#feed-count').textContent = count ? String(count) : '';
  $('#feed-empty').hidden = count > 0;
}

async function seedFeed() {
  if (state.overview && !state.overview.observability) return;
  try {
    const entries = await getJson(`journal?limit=${SEED_ROWS}`);
    for (const entry of entries) addFeedItem(feedItem(entry), false);
  } catch (e) {
    notice(`The journal could not be read: ${e.message}`);
  }
}

function connectEvents() {
  const stateBadge = $('#connection-state');
  const setState = (live) => {
    stateBadge.textContent = live ? 'live' : 'offline';
    stateBadge.className = `state ${live ? 'live' : 'offline'}`;
  };
  const source = new EventSource('api/events');
  // 'ready' comes once the server has subscribed this stream ('open' comes before that, when events could still be
  // missed): from then on every event arrives, and the journal fills the gap before it, after a reconnect too.
  source.addEventListener('ready', () => {
    setState(true);
    seedFeed();
  });
  source.addEventListener('error', () => setState(source.readyState === EventSource.OPEN));
  source.addEventListener('request', (event) => {
    try {
      addFeedItem(feedItem(JSON.parse(event.data)), true);
    } catch (e) {
      notice(`A live event could not be read: ${e.message}`);
    }
  });
  source.addEventListener('websocket', () => scheduleWebSocketRefresh());
}

// ---------- inspector ----------

function step(number, title, ...content) {
  const section = el('section', 'step');
  section.dataset.step = title;
  section.append(el('h3', null, null, el('span', 'step-number', number), ' ', title));
  for (const part of content) if (part) section.append(part);
  return section;
}

async function inspect(requestId) {
  state.selected = requestId;
  for (const row of document.querySelectorAll('#feed tr.feed-row.selected')) row.classList.remove('selected');
  const row = state.feedRows.get(requestId);
  if (row) row.classList.add('selected');
  const inspector = $('#inspector');
  inspector.replaceChildren(el('p', 'empty', 'Loading…'));
  let entry;
  try {
    entry = await getJson(`api/journal/${encodeURIComponent(requestId)}`);
  } catch (e) {
    if (state.selected !== requestId) return;
    inspector.replaceChildren(el('p', 'error', e.status === 404
      ? `Request ${requestId} is no longer in the journal (it keeps the newest ${state.overview ? state.overview.journalSize : ''} requests).`
      : `The request could not be loaded: ${e.message}`));
    return;
  }
  if (state.selected !== requestId) return; // another row was clicked meanwhile
  renderEntry(entry);
}

function renderEntry(entry) {
  const inspector = $('#inspector');
  inspector.dataset.requestId = entry.requestId;
  $('#inspector-title').textContent = `${entry.request.method} ${entry.request.rawPath} · ${entry.requestId}`;
  const steps = [];
  let n = 1;
  const request = entry.request;
  const target = request.rawPath + (request.query ? `?${request.query}` : '');
  steps.push(step(n++, 'Client request',
    el('p', 'line', null, el('span', 'method', request.method), ' ', el('span', 'mono', target),
      el('span', 'muted', ` from ${request.sourceIp} at ${entry.time}`)),
    headersTable(request.headers), bodyBlock(request.body, 'body request-body')));

  steps.push(step(n++, 'Matched route', kvTable([
    ['route', entry.route === null ? '(no route took the request)' : entry.route],
    ['gateway error', entry.errorType ? `${entry.errorType}${entry.errorMessage ? `: ${entry.errorMessage}` : ''}` : undefined],
  ])));

  const caller = entry.caller || {};
  const claims = Object.entries(caller.claims || {});
  steps.push(step(n++, 'Authorizer / caller', ...authorizationParts(entry.authorization),
    el('h4', null, 'caller'), kvTable([
      ['kind', caller.kind],
      ['principal', caller.principalId === null || caller.principalId === undefined ? undefined : caller.principalId],
      ['API key id', caller.apiKeyId === null || caller.apiKeyId === undefined ? undefined : caller.apiKeyId],
    ]), claims.length ? el('div', null, null, el('h4', null, 'claims / context'), kvTable(claims)) : null));

  const integration = entry.integration;
  if (!integration) {
    steps.push(step(n++, 'Integration', el('p', 'none', 'No integration was called: API Gateway answered by itself.')));
  } else if (integration.type === 'lambda') {
    steps.push(step(n++, 'Integration request (event)',
      el('p', 'line', null, 'Lambda function ', el('b', 'mono', integration.functionName)),
      bodyBlock(integration.event, 'event')));
    steps.push(step(n++, 'Integration response (raw)',
      integration.functionErrorType ? el('p', 'error', `function error: ${integration.functionErrorType}`) : null,
      integration.payload ? bodyBlock(integration.payload, 'payload')
        : el('p', 'error', integration.failure || 'The function never answered (timeout or throttle).')));
  } else if (integration.type === 'http') {
    steps.push(step(n++, 'Integration request (backend request)',
      el('p', 'line', null, el('span', 'method', integration.method), ' ', el('span', 'mono', integration.url)),
      headersTable(integration.requestHeaders), bodyBlock(integration.requestBody, 'backend-request')));
    steps.push(step(n++, 'Integration response (raw)',
      integration.status === null
        ? el('p', 'error', integration.failure || 'The backend never answered (timeout or unreachable).')
        : el('p', 'line', null, 'status ', el('span', `status ${statusClass(integration.status)}`, integration.status)),
      integration.status === null ? null : headersTable(integration.responseHeaders),
      integration.responseBody ? bodyBlock(integration.responseBody, 'backend-response') : null));
  } else if (integration.type === 'cache') {
    steps.push(step(n++, 'Integration (stage cache hit)',
      el('p', 'line', null, 'Answered from the stage cache: the integration was not called.'),
      kvTable([['status', integration.status]])));
  } else {
    steps.push(step(n++, 'Integration (mock)', kvTable([['status', integration.status]])));
  }

  const response = entry.response;
  steps.push(step(n++, 'Client response',
    el('p', 'line', null, 'status ', el('span', `status ${statusClass(response.status)}`, response.status)),
    headersTable(response.headers), bodyBlock(response.body, 'body response-body')));

  const logs = entry.logLines || [];
  steps.push(step(n++, 'Function log lines', logs.length
    ? el('pre', 'logs', logs.join('\n').replace(/\n+$/, ''))
    : el('p', 'none', integration && integration.type === 'lambda' ? 'The function logged nothing.' : 'No function was called.'),
    entry.logLinesTruncated ? el('p', 'muted', 'Only the last lines are kept.') : null));

  const overhead = entry.integrationLatencyMillis === null ? null : entry.latencyMillis - entry.integrationLatencyMillis;
  steps.push(step(n++, 'Timings', timingBar(entry), kvTable([
    ['arrived', entry.time],
    ['response latency', millis(entry.latencyMillis)],
    ['integration latency', entry.integrationLatencyMillis === null ? 'no integration' : millis(entry.integrationLatencyMillis)],
    ['gateway overhead', overhead === null ? undefined : millis(Math.max(0, overhead))],
  ]), stageTable(entry.stages)));
  inspector.replaceChildren(...steps);
}

/** The authorize stage (JournalEntry.Authorization): who decided, what, and a Lambda authorizer's traffic. */
function authorizationParts(authorization) {
  if (!authorization) {
    return [el('p', 'none authorization', 'No authorization: the route has no authorizer and the API no resource policy.')];
  }
  const denied = authorization.outcome === 'denied';
  const lambda = authorization.mechanism === 'lambda';
  const parts = [el('h4', null, 'authorization'), kvTable([
    ['mechanism', authorization.mechanism],
    ['authorizer', authorization.name === null || authorization.name === undefined ? undefined : authorization.name],
    ['outcome', denied ? `denied: ${authorization.status} ${authorization.responseType}` : 'allowed'],
    ['cached', lambda ? (authorization.cached ? 'yes: answered from the authorizer cache' : 'no') : undefined],
    ['latency', millis(authorization.latencyMillis)],
    ['detail', authorization.detail === null || authorization.detail === undefined ? undefined : authorization.detail],
  ])];
  if (authorization.event) {
    parts.push(el('h4', null, 'authorizer event'), bodyBlock(authorization.event, 'authorizer-event'));
  }
  if (authorization.response) {
    parts.push(el('h4', null, 'authorizer response (raw)'), bodyBlock(authorization.response, 'authorizer-response'));
  } else if (lambda && authorization.event) {
    parts.push(el('p', 'error', 'The authorizer function never answered (timeout, throttle or missing function).'));
  }
  return parts;
}

const STAGES = [
  ['route', 'route'],
  ['authorize', 'authorize'],
  ['meter', 'usage plan / throttle'],
  ['validate', 'validate'],
  ['integration', 'integration'],
  ['respond', 'respond'],
];

/** A row per pipeline stage the request reached (StageTimings), each with a bar proportional to its share. */
function stageTable(stages) {
  const reached = STAGES.filter(([key]) => stages && typeof stages[key] === 'number');
  if (reached.length === 0) return null;
  const total = reached.reduce((sum, [key]) => sum + stages[key], 0);
  const table = el('table', 'kv stages');
  for (const [key, label] of reached) {
    const fill = el('div', 'timing-integration');
    fill.style.width = `${(total > 0 ? (stages[key] / total) * 100 : 0).toFixed(1)}%`;
    const barCell = el('td', 'stage-bar', null, el('div', 'timing-bar', null, fill));
    barCell.style.width = '50%';
    const row = el('tr', null, null, el('th', null, label), el('td', 'mono', millis(stages[key])), barCell);
    row.dataset.stage = key;
    table.append(row);
  }
  return el('div', null, null, el('h4', null, 'per stage'), table);
}

function timingBar(entry) {
  if (entry.integrationLatencyMillis === null || !(entry.latencyMillis > 0)) return null;
  const share = Math.min(1, entry.integrationLatencyMillis / entry.latencyMillis);
  const bar = el('div', 'timing-bar');
  const integration = el('div', 'timing-integration');
  integration.style.width = `${(share * 100).toFixed(1)}%`;
  integration.title = `integration ${millis(entry.integrationLatencyMillis)}`;
  bar.append(integration);
  return bar;
}

// ---------- per-route charts ----------

const CHART = { width: 240, band: 30, gap: 5, left: 30 };

async function refreshStats() {
  if (state.overview && !state.overview.observability) return;
  try {
    renderStats(await getJson('api/stats'));
  } catch (e) {
    // The next tick tries again; the connection badge already tells whether the gateway is there.
  }
}

function renderStats(stats) {
  const container = $('#charts');
  const routes = (stats.routes || []).slice();
  const order = new Map(routes.map((route, index) => [route.route, index]));
  routes.sort((a, b) => (b.count > 0) - (a.count > 0) || order.get(a.route) - order.get(b.route));
  const empty = container.querySelector('p.empty');
  if (empty) empty.remove();
  const end = Date.parse(stats.now);
  const start = end - stats.windowSeconds * 1000;
  const cards = [];
  for (const route of routes) {
    let card = state.charts.get(route.route);
    if (!card) {
      card = el('div', 'chart');
      card.dataset.route = route.route;
      state.charts.set(route.route, card);
    }
    drawChart(card, route, start, end, stats.bucketSeconds);
    cards.push(card);
  }
  const seen = new Set(routes.map((route) => route.route));
  for (const [label, card] of state.charts) {
    if (!seen.has(label)) state.charts.delete(label);
  }
  container.replaceChildren(...cards);
  if (cards.length === 0) {
    container.append(el('p', 'empty', state.overview && state.overview.type === 'WEBSOCKET'
      ? 'No route keys to chart: the frames are in the connections panel.'
      : 'No routes.'));
  }
}

function drawChart(card, route, start, end, bucketSeconds) {
  const errors = route.errors4xx + route.errors5xx;
  const title = el('div', 'chart-title', null, el('span', 'mono', route.route));
  const totals = el('div', 'chart-totals');
  if (route.count === 0) {
    totals.textContent = 'no requests yet';
    card.classList.add('idle');
    card.replaceChildren(title, totals);
    return;
  }
  card.classList.remove('idle');
  totals.append(el('span', null, `${route.count} req`),
    el('span', errors ? 'err' : null, `${route.errors4xx} 4xx · ${route.errors5xx} 5xx`),
    el('span', null, `p50 ${millis(route.p50)} · p99 ${millis(route.p99)}`));
  const series = route.series || [];
  const { width, band, gap, left } = CHART;
  const height = band * 3 + gap * 2 + 10;
  const plot = width - left;
  const span = Math.max(1, end - start);
  const x = (iso) => Math.min(width - 1.5, left + ((Date.parse(iso) - start) / span) * plot);
  const barWidth = Math.max(1.5, (bucketSeconds * 1000 / span) * plot);
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': `${route.route} traffic` });

  const bands = [
    { top: 0, label: 'req/s', max: Math.max(1, ...series.map((b) => b.count / bucketSeconds)) },
    { top: band + gap, label: 'err %', max: 100 },
    { top: 2 * (band + gap), label: 'ms', max: Math.max(1, ...series.map((b) => b.p99 || 0)) },
  ];
  for (const b of bands) {
    chart.append(svg('rect', { x: left, y: b.top, width: plot, height: band, class: 'band' }));
    const label = svg('text', { x: left - 4, y: b.top + 9, class: 'axis', 'text-anchor': 'end' });
    label.textContent = b.max >= 100 ? b.max.toFixed(0) : String(Number(b.max.toPrecision(2)));
    const unit = svg('text', { x: left - 4, y: b.top + band - 2, class: 'axis unit', 'text-anchor': 'end' });
    unit.textContent = b.label;
    chart.append(label, unit);
  }
  for (const [text, at, anchor] of [['5 min ago', left, 'start'], ['now', width, 'end']]) {
    const tick = svg('text', { x: at, y: height - 1, class: 'axis', 'text-anchor': anchor });
    tick.textContent = text;
    chart.append(tick);
  }
  const [rate, errorRate, latency] = bands;
  const y = (b, value) => b.top + band - (Math.min(value, b.max) / b.max) * band;
  for (const bucket of series) {
    const bx = x(bucket.t);
    const perSecond = bucket.count / bucketSeconds;
    chart.append(svg('rect', { x: bx, y: y(rate, perSecond), width: barWidth, height: band - (y(rate, perSecond) - rate.top), class: 'bar req' }));
    if (bucket.errors > 0) {
      const percent = (bucket.errors / bucket.count) * 100;
      chart.append(svg('rect', { x: bx, y: y(errorRate, percent), width: barWidth, height: band - (y(errorRate, percent) - errorRate.top), class: 'bar err' }));
    }
  }
  for (const key of ['p99', 'p50']) {
    // Lines join adjacent buckets only: a gap in traffic stays a gap, a lone bucket is a dot.
    let run = [];
    const flush = () => {
      if (run.length === 1) chart.append(svg('circle', { cx: run[0][0], cy: run[0][1], r: 1.8, class: `dot ${key}` }));
      else if (run.length > 1) chart.append(svg('polyline', { points: run.map((p) => p.join(',')).join(' '), class: `line ${key}` }));
      run = [];
    };
    let previous = null;
    for (const bucket of series) {
      const t = Date.parse(bucket.t);
      if (previous !== null && t - previous > bucketSeconds * 1000) flush();
      if (bucket[key] !== null && bucket[key] !== undefined) {
        run.push([(x(bucket.t) + barWidth / 2).toFixed(1), y(latency, bucket[key]).toFixed(1)]);
      }
      previous = t;
    }
    flush();
  }
  card.replaceChildren(title, totals, chart);
}

// ---------- cost ----------

async function refreshCost() {
  try {
    renderCost(await getJson('api/cost'));
  } catch (e) {
    $('#cost').replaceChildren(el('p', 'error', `Prices could not be loaded: ${e.message}`));
  }
}

function renderCost(cost) {
  const table = el('table', 'cost-lines');
  table.append(el('thead', null, null, el('tr', null, null, el('th', null, 'Item'), el('th', 'num', 'Quantity'),
    el('th', 'num', 'Per million'), el('th', 'num', 'Cost'))));
  const body = el('tbody');
  for (const line of cost.lines || []) {
    body.append(el('tr', 'cost-line', null, el('td', null, line.item),
      el('td', 'num', `${Number(line.quantity).toLocaleString('en-US', { maximumFractionDigits: 2 })} ${
        line.quantity === 1 ? line.unit.replace(/s$/, '') : line.unit}`),
      el('td', 'num', `$${Number(line.usdPerMillion).toFixed(2)}`), el('td', 'num', usd(line.usd))));
  }
  body.append(el('tr', 'total-row', null, el('td', null, 'Total'), el('td'), el('td'),
    el('td', 'num total', usd(cost.totalUsd))));
  table.append(body);
  const source = el('a', 'source', 'AWS pricing');
  if (/^https:\/\//.test(cost.source || '')) {
    source.href = cost.source;
    source.target = '_blank';
    source.rel = 'noopener noreferrer';
  }
  const meta = el('p', 'cost-meta', null,
    el('span', null, `${cost.apiType} API in ${cost.region}, prices as of `), el('b', 'prices-date', cost.pricesAsOf),
    ' (', source, ')');
  $('#cost').replaceChildren(table, meta, el('p', 'cost-meta note', cost.note));
}

// ---------- WebSocket connections ----------

function scheduleWebSocketRefresh() {
  if (state.websocketRefresh !== null) return;
  // Frames arrive in bursts: one fetch per burst is enough.
  state.websocketRefresh = setTimeout(() => {
    state.websocketRefresh = null;
    refreshWebSocket();
    refreshCost();
  }, 150);
}

async function refreshWebSocket() {
  if (!state.overview || state.overview.type !== 'WEBSOCKET') return;
  try {
    renderWebSocket(await getJson('api/websocket'));
  } catch (e) {
    $('#websocket').replaceChildren(el('p', 'error', `Connections could not be loaded: ${e.message}`));
  }
}

function renderWebSocket(data) {
  const container = $('#websocket');
  const connections = data.connections || [];
  $('#websocket-count').textContent = connections.length ? String(connections.filter((c) => c.open).length) + ' open' : '';
  if (connections.length === 0) {
    container.replaceChildren(el('p', 'empty', 'No connections yet.'));
    return;
  }
  const open = new Set([...container.querySelectorAll('.connection[open]')].map((node) => node.dataset.connectionId));
  const first = container.querySelector('.connection') === null;
  const nodes = connections.map((connection, index) => {
    const details = el('details', `connection ${connection.open ? 'is-open' : 'is-closed'}`);
    details.dataset.connectionId = connection.connectionId;
    if (open.has(connection.connectionId) || (first && index === 0)) details.open = true;
    const status = connection.open ? 'open' : `closed${connection.closeCode === null ? '' : ` (${connection.closeCode})`}`;
    details.append(el('summary', null, null,
      el('span', 'mono connection-id', connection.connectionId),
      el('span', `badge ${connection.open ? 'live' : 'closed'}`, status),
      el('span', 'muted', ` ${connection.sourceIp} · since ${clock(connection.connectedAt)}`
        + (connection.closedAt ? ` · closed ${clock(connection.closedAt)}` : '')),
      el('span', 'muted frames-count', ` · ${connection.frames.length} frames`)));
    const list = el('div', 'frames');
    for (const frame of connection.frames) {
      const data = prettyJson(frame.data);
      const pre = el('pre', 'frame-data');
      if (data) pre.append(data);
      else pre.textContent = frame.data;
      const item = el('div', `frame ${frame.direction}`, null,
        el('div', 'frame-head', null,
          el('span', 'direction', frame.direction === 'in' ? '→ in' : '← out'),
          el('span', 'mono', clock(frame.time)),
          frame.routeKey ? el('span', 'mono route-key', frame.routeKey) : null,
          el('span', 'muted', bytes(frame.size) + (frame.truncated ? ' (cut)' : ''))),
        pre);
      item.dataset.direction = frame.direction;
      list.append(item);
    }
    if (connection.frames.length === 0) list.append(el('p', 'none', 'no frames yet'));
    details.append(list);
    return details;
  });
  container.replaceChildren(...nodes);
}

// ---------- start ----------

async function start() {
  $('#feed-clear').addEventListener('click', () => {
    $('#feed tbody').replaceChildren();
    state.feedRows.clear();
    updateFeedCount();
  });
  updateFeedCount();
  try {
    await loadOverview();
  } catch (e) {
    notice(`The gateway could not be reached: ${e.message}. Reload the page once it runs.`);
  }
  if (!state.overview || state.overview.observability) connectEvents();
  refreshStats();
  refreshCost();
  setInterval(() => {
    refreshStats();
    refreshCost();
  }, STATS_EVERY_MS);
}

start();
