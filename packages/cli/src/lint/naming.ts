// Naming styles for event and property names. Title Case means Segment's
// Object Action convention: at least two capitalized words ("Order Completed").
import type { NamingStyle } from './rule-ids.js';

const PATTERNS: Readonly<Record<NamingStyle, RegExp>> = {
  'Title Case': /^[A-Z0-9][A-Za-z0-9]*(?: [A-Z0-9][A-Za-z0-9]*)+$/,
  snake_case: /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/,
  camelCase: /^[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)*$/,
};

/**
 * Traits that Segment's Identify and Group specs name in camelCase; destinations
 * map them by these exact names, so they are never a naming-convention problem.
 */
export const SEGMENT_SPEC_TRAITS: ReadonlySet<string> = new Set(['createdAt', 'firstName', 'lastName']);

export function followsStyle(name: string, style: NamingStyle): boolean {
  return PATTERNS[style].test(name);
}

/** The name rewritten in a style, for the "rename it to" hint. */
export function toStyle(name: string, style: NamingStyle): string {
  const words = splitWords(name);
  if (style === 'snake_case') return words.map((word) => word.toLowerCase()).join('_');
  if (style === 'camelCase') return words.map((word, index) => (index === 0 ? word.toLowerCase() : capitalize(word))).join('');
  return words.map(capitalize).join(' ');
}

function splitWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '');
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}
