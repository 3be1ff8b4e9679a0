// `--fail-on KINDS` of `plangen audit`: finding kinds, comma-separated (or the flag
// repeated), or `none`. Checked while yargs parses, so a misspelled kind is a usage
// error that runs nothing and names the kinds there are.
import { AUDIT_KINDS, type AuditKind } from '../audit/kinds.js';
import { quote } from '../messages/quote.js';

/** yargs `coerce` for `--fail-on`; thrown messages become usage errors. */
export function failOnKinds(value: unknown): unknown {
  const texts = (Array.isArray(value) ? value : [value]).filter((text): text is string => typeof text === 'string');
  const words = texts.flatMap((text) => text.split(',')).map((word) => word.trim()).filter((word) => word !== '');
  if (words.length === 0) throw new Error(`--fail-on is empty: give finding kinds (${AUDIT_KINDS.join(', ')}) or none, e.g. --fail-on raw-unplanned`);
  if (words.length === 1 && words[0] === 'none') return [];
  const kinds: AuditKind[] = [];
  for (const word of words) {
    if (!(AUDIT_KINDS as readonly string[]).includes(word)) {
      throw new Error(`--fail-on takes finding kinds (${AUDIT_KINDS.join(', ')}) or none, not ${quote(word)}: e.g. --fail-on raw-unplanned,raw-dynamic`);
    }
    if (!kinds.includes(word as AuditKind)) kinds.push(word as AuditKind);
  }
  return kinds;
}
