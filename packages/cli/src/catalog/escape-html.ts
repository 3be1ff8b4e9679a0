// The one place where plan text becomes HTML in the docs catalog. Every name,
// description, label and value goes through `html`, so `<script>`, quotes or a
// `</script>` in a plan can only ever be text, in element content and in
// attribute values alike (the five characters that can end either are escaped).
// Data handed to the page script goes through `scriptJson`.
import { jsonCode } from '../generate/escape.js';

const SPECIAL = /[&<>"']/g;
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe in element content and in a double- or single-quoted attribute value. */
export function html(text: string): string {
  return text.replace(SPECIAL, (character) => ENTITIES[character] ?? character);
}

/**
 * A JSON value for a `<script type="application/json">` element: `<` is written `\u003c` (valid only
 * inside JSON strings, where it is the only place it can stand), so neither `</script` nor `<!--` can
 * appear, and U+2028/U+2029 as escapes, as in every script plangen emits.
 */
export function scriptJson(value: unknown): string {
  return jsonCode(value).replace(/</g, '\\u003c');
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The fragment that links to an event, `event/Order%20Completed`: percent-encoded, so it holds no space
 * and reads the same in the address bar, an `id` and an `href`. Lone surrogates become U+FFFD first.
 */
export function eventAnchor(name: string): string {
  return `event/${encodeURIComponent(name.replace(LONE_SURROGATE, '\uFFFD'))}`;
}
