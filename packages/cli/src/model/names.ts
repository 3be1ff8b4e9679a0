// TypeScript names for plan elements. Wire names are free text ("Order Completed",
// "order_completed", "42_--terrible==\"event'++name~!3"); generated code needs
// identifiers that are valid, stable across runs and unique within one SDK.
import type { Identifiers } from './types.js';

/** Prefix for names that would start with a digit or end up empty. */
export const NAME_PREFIX = 'Event';

/** Latin letters NFKD leaves whole; spelled out so "Straße" keeps its word. */
const LETTERS_WITHOUT_DECOMPOSITION: Readonly<Record<string, string>> = {
  ß: 'ss', æ: 'ae', Æ: 'Ae', ø: 'o', Ø: 'O', œ: 'oe', Œ: 'Oe', đ: 'd', Đ: 'D', ł: 'l', Ł: 'L', þ: 'th',
};

/**
 * PascalCase from a wire name: diacritics removed (NFKD; ß, æ, ø... spelled out), split on anything that
 * is not an ASCII letter or digit and on camelCase boundaries, each word
 * capitalized (all-caps words such as "ID" become "Id").
 */
export function pascalCase(wireName: string): string {
  const ascii = wireName
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[ßæÆøØœŒđĐłŁþ]/g, (letter) => LETTERS_WITHOUT_DECOMPOSITION[letter] ?? '');
  const words = ascii
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '');
  const joined = words.map(capitalize).join('');
  return joined === '' || /^[0-9]/.test(joined) ? `${NAME_PREFIX}${joined}` : joined;
}

function capitalize(word: string): string {
  const rest = word.slice(1);
  return word.charAt(0).toUpperCase() + (word === word.toUpperCase() ? rest.toLowerCase() : rest);
}

/** The fixed names of identify, group, page, screen and the common validator. */
export const CALL_IDENTIFIERS = {
  identify: { fn: 'identify', type: 'IdentifyTraits', validator: 'validateIdentifyTraits' },
  group: { fn: 'group', type: 'GroupTraits', validator: 'validateGroupTraits' },
  page: { fn: 'page', type: 'PageProperties', validator: 'validatePageProperties' },
  screen: { fn: 'screen', type: 'ScreenProperties', validator: 'validateScreenProperties' },
} as const satisfies Record<string, Identifiers>;

export const COMMON_VALIDATOR = 'validateCommon';

/** A whole-payload schema's validator is named after the properties validator: `validateOrderCompletedV2Payload`. */
export function payloadValidatorName(validator: string): string {
  return `${validator}Payload`;
}

/** Names the generated SDK exports besides the per-event ones; no event may take them. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([
  ...Object.values(CALL_IDENTIFIERS).flatMap((ids) => [ids.fn, ids.type, ids.validator, payloadValidatorName(ids.validator)]),
  COMMON_VALIDATOR,
  'configure',
]);

export interface EventIdentifiers {
  readonly latest: Identifiers;
  readonly versions: ReadonlyMap<number, Identifiers>;
}

/** Every name one event emits, for base name `pascal`. */
export function eventIdentifiers(pascal: string, versions: readonly number[]): EventIdentifiers {
  const latest = Math.max(...versions);
  const forVersion = (version: number): Identifiers => ({
    fn: `track${pascal}V${version}`,
    type: `${pascal}V${version}Properties`,
    validator: `validate${pascal}V${version}`,
  });
  return {
    latest: { fn: `track${pascal}`, type: `${pascal}Properties`, validator: forVersion(latest).validator },
    versions: new Map(versions.map((version) => [version, forVersion(version)])),
  };
}

function allNames({ latest, versions }: EventIdentifiers): string[] {
  const names = [latest.fn, latest.type];
  for (const ids of versions.values()) names.push(ids.fn, ids.type, ids.validator, payloadValidatorName(ids.validator));
  return names;
}

/**
 * Assigns identifiers to events given in wire-name order. The first event keeps
 * its PascalCase name; a later one whose names would collide with a name already
 * taken (or reserved) gets the suffix 2, 3, ... on its base name.
 */
export function assignEventIdentifiers(
  events: readonly { readonly name: string; readonly versions: readonly number[] }[],
): EventIdentifiers[] {
  const taken = new Set(RESERVED_NAMES);
  return events.map(({ name, versions }) => {
    const base = pascalCase(name);
    for (let suffix = 1; ; suffix += 1) {
      const ids = eventIdentifiers(suffix === 1 ? base : `${base}${suffix}`, versions);
      const names = allNames(ids);
      if (names.some((candidate) => taken.has(candidate))) continue;
      for (const candidate of names) taken.add(candidate);
      return ids;
    }
  });
}
