// The HTML catalog: one self-contained index.html. The overview and the event
// list come first, then the script; each event's details (its versions' tables,
// changes, functions) follow as inert text that the script parses when the
// event is first opened, so the page of a 2,000-event plan is usable once the
// list is read and never lays out 2,000 tables. Every byte of plan text goes through
// escape-html.ts; the CSP allows only this page's own script and style, by hash.
import { createHash } from 'node:crypto';
import type { CallView, CatalogView, ChangeView, EventView, FunctionView, VersionView } from './catalog-view.js';
import { eventAnchor, html, scriptJson } from './escape-html.js';
import { PAGE_SCRIPT } from './page-script.js';
import { PAGE_STYLE } from './page-style.js';
import { requiredText, type PropertyRow } from './property-rows.js';
import { nounFor } from '../messages/plural.js';

export function renderHtml(view: CatalogView): string {
  const csp = [
    "default-src 'none'",
    `script-src '${sha256(PAGE_SCRIPT)}'`,
    `style-src '${sha256(PAGE_STYLE)}'`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const sections = [
    ['events', 'Events'],
    ...view.calls.map((call) => [call.kind, call.title]),
    ...(view.common !== undefined ? [['common', 'Common schema']] : []),
  ];
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    '<meta name="generator" content="plangen docs">',
    `<title>${html(view.name)}: tracking plan</title>`,
    `<style>${PAGE_STYLE}</style>`,
    '</head>',
    '<body>',
    '<a class="skip" href="#events">Skip to the events</a>',
    '<header>',
    `<h1>${html(view.name)}</h1>`,
    ...(view.description !== undefined ? [`<p>${html(view.description)}</p>`] : []),
    '<ul class="counts">',
    `<li><strong>${view.counts.events}</strong> ${nounFor(view.counts.events, 'event')}</li>`,
    `<li><strong>${view.counts.versions}</strong> ${nounFor(view.counts.versions, 'version')}</li>`,
    `<li><strong>${view.counts.properties}</strong> ${nounFor(view.counts.properties, 'property', 'properties')} across versions</li>`,
    `<li><strong>${view.labels.length}</strong> ${nounFor(view.labels.length, 'label')} in use</li>`,
    '</ul>',
    `<nav aria-label="Sections"><ul class="counts">${sections.map(([id, title]) => `<li><a href="#${id}">${html(title ?? '')}</a></li>`).join('')}</ul></nav>`,
    '</header>',
    '<main>',
    ...eventsSection(view),
    ...view.calls.map(callSection),
    ...(view.common !== undefined ? commonSection(view.common) : []),
    '</main>',
    `<script type="application/json" id="plangen-index">${scriptJson(view.events.map((event) => ({ s: event.searchText, l: event.labels })))}</script>`,
    `<script>${PAGE_SCRIPT}</script>`,
    ...view.events.map(detailsSource),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

function eventsSection(view: CatalogView): string[] {
  const labels = view.labels.map(
    ({ label, events }) => `<button type="button" data-label="${html(label)}" aria-pressed="false">${html(label)}<span class="count"><span class="sr">(</span>${events}<span class="sr"> ${nounFor(events, 'event')})</span></span></button>`,
  );
  return [
    '<section id="events" aria-labelledby="events-title">',
    '<h2 id="events-title">Events</h2>',
    '<div class="filters" role="search">',
    '<label for="search">Search events by name, description or property (press / to focus)</label>',
    '<input id="search" type="search" autocomplete="off" spellcheck="false" aria-controls="event-list" aria-describedby="status">',
    ...(labels.length > 0 ? [`<fieldset><legend>Labels</legend>${labels.join('')}</fieldset>`] : []),
    '<p id="status" role="status">',
    `${view.events.length} ${nounFor(view.events.length, 'event')}.`,
    '</p>',
    '<button type="button" id="clear">Clear filters</button>',
    '</div>',
    `<ol class="events" id="event-list">`,
    ...view.events.map(eventItem),
    '</ol>',
    '</section>',
  ];
}

function eventItem(event: EventView, index: number): string {
  const versions = event.versions.map((version) => `v${version.version}`).reverse().join(', ');
  const labels = event.labels.map((label) => `<span class="chip">${html(label)}</span>`).join('');
  const description = event.description !== undefined ? `<p class="summary-text">${html(event.description)}</p>` : '';
  // A heading's button opens the event (the accordion pattern): lighter than <details> when 2,000 rows are filtered.
  return (
    `<li class="event" data-event="${html(event.name)}" id="${html(eventAnchor(event.name))}">` +
    `<h3><button type="button" class="toggle" aria-expanded="false" aria-controls="d${index}">${html(event.name)}</button></h3>` +
    `<span class="meta">${versions}</span>${labels}${description}<div class="body" id="d${index}" hidden></div></li>`
  );
}

/** Event `index`'s details, after the page's script: the page works while the parser is still reading them. */
function detailsSource(event: EventView, index: number): string {
  return `<script type="text/html" id="details-${index}">${inertHtml(eventDetails(event))}</script>`;
}

/**
 * Markup kept as the text of a `<script type="text/html">` (never run: not JavaScript) until the event is
 * opened. Plan text in it is escaped, so it holds no `<` of its own; the generator's markup never writes
 * `<script` or `<!--`, the only sequences that could end the element early or change how it is read.
 */
function inertHtml(markup: string): string {
  if (/<(?:\/?script|!--)/i.test(markup)) throw new Error('plangen: event details must not contain <script or <!--');
  return markup;
}

/** An event's opened content: the permalink, then its versions, latest first. */
export function eventDetails(event: EventView): string {
  const labels = event.labels.length > 0 ? `<p>Labels: ${event.labels.map((label) => `<span class="chip">${html(label)}</span>`).join('')}</p>` : '';
  const link = `<p class="permalink"><a href="#${html(eventAnchor(event.name))}">Link to ${html(event.name)}</a></p>`;
  return `${link}${labels}${event.versions.map((version) => versionSection(event, version)).join('')}`;
}

function versionSection(event: EventView, version: VersionView): string {
  const title = `${event.name} v${version.version}`;
  return [
    `<section class="version"><h3>Version ${version.version}${version.latest ? ' <span class="badge">latest</span>' : ''}</h3>`,
    version.description !== undefined ? `<p>${html(version.description)}</p>` : '',
    sameLabels(event, version) ? '' : `<p>Labels of this version: ${version.labels.map((label) => `<span class="chip">${html(label)}</span>`).join('') || 'none'}</p>`,
    '<h4>Properties</h4>',
    propertyTable(version.properties, `Properties of ${title}`),
    version.payload !== undefined ? `<h4>Whole payload</h4>${propertyTable(version.payload, `Payload of ${title}`)}` : '',
    version.changes !== undefined ? changesList(version.changes.from, version.changes.list) : '',
    '<h4>Generated functions</h4>',
    functionList(version.functions),
    `<pre><code>${html(version.snippet)}</code></pre>`,
    '</section>',
  ].join('');
}

function sameLabels(event: EventView, version: VersionView): boolean {
  return event.labels.join('\n') === version.labels.join('\n');
}

function changesList(from: number, changes: readonly ChangeView[]): string {
  const heading = `<h4>Changes from version ${from}</h4>`;
  if (changes.length === 0) return `${heading}<p>No change to the schema.</p>`;
  const items = changes.map((change) => `<li class="${change.classification}"><span class="badge">${change.classification}</span> ${html(change.text)}</li>`);
  return `${heading}<ul class="changes">${items.join('')}</ul>`;
}

function functionList(functions: readonly FunctionView[]): string {
  return `<ul class="functions">${functions.map((fn) => `<li><code>${html(fn.signature)}</code>: ${html(fn.note)}</li>`).join('')}</ul>`;
}

/** The properties table; nested rows carry their depth as a class (the CSP allows no style attribute). */
export function propertyTable(rows: readonly PropertyRow[], caption: string): string {
  if (rows.length === 0) return '<p>No properties.</p>';
  const body = rows.map(
    (row) =>
      // Cells and rows end where the next begins (their end tags are optional): 2,000 events' tables weigh less.
      `<tr${row.depth > 0 ? ` class="d${Math.min(row.depth, 8)}"` : ''}><th scope="row">${html(row.name)}<td>${html(row.type)}` +
      `<td>${requiredText(row)}<td>${row.nullable ? 'yes' : 'no'}` +
      `<td>${row.constraints.map(html).join('<br>')}<td>${html(row.description ?? '')}`,
  );
  return (
    `<table><caption class="sr">${html(caption)}</caption><thead><tr><th scope="col">Property</th><th scope="col">Type</th>` +
    `<th scope="col">Required</th><th scope="col">Nullable</th><th scope="col">Allowed values</th><th scope="col">Description</th></tr></thead>` +
    `<tbody>${body.join('')}</tbody></table>`
  );
}

function callSection(call: CallView): string {
  return [
    `<section id="${call.kind}" aria-labelledby="${call.kind}-title">`,
    `<h2 id="${call.kind}-title">${html(call.title)}</h2>`,
    call.description !== undefined ? `<p>${html(call.description)}</p>` : '',
    propertyTable(call.rows, call.title),
    call.payload !== undefined ? `<h3>Whole payload</h3>${propertyTable(call.payload, `Payload of ${call.kind}`)}` : '',
    `<h3>Generated function</h3>${functionList([call.function])}`,
    '</section>',
  ].join('\n');
}

function commonSection(common: NonNullable<CatalogView['common']>): string[] {
  return [
    '<section id="common" aria-labelledby="common-title">',
    '<h2 id="common-title">Common schema</h2>',
    '<p>Every payload (track, identify, group, page, screen) must match this JSON Schema.</p>',
    propertyTable(common.rows, 'Common schema'),
    `<details><summary>The JSON Schema</summary><pre><code>${html(JSON.stringify(common.schema, null, 2))}</code></pre></details>`,
    '</section>',
  ];
}
