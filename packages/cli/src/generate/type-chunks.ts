// The types block in chunks, so a cache can keep each chunk's output: the
// entries are cut into chunks at content-defined points (an entry whose name
// hashes to a boundary ends a chunk), so a changed or added event changes one
// chunk's input and no other's. Each chunk is compiled by json-schema-to-
// typescript on its own, with the definitions it reaches, and the outputs are
// put back together as one combined run would print them: that run prints all
// type aliases, then all interfaces, each in depth-first order over the entries
// with every name once; concatenating the chunks' declarations of each kind in
// chunk order, each name once, is the same text (test: every golden and the
// 500-event plan, byte for byte, against the one-run output).
import { createHash } from 'node:crypto';

/** Entries per chunk on average, and at most. */
const AVERAGE_CHUNK = 24;
const LONGEST_CHUNK = 96;

/** Consecutive runs of `items`, cut after an item whose name hashes to a boundary (or at LONGEST_CHUNK). */
export function contentDefinedChunks<T extends { readonly name: string }>(items: readonly T[]): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  for (const item of items) {
    current.push(item);
    const hash = createHash('sha256').update(item.name).digest().readUInt32BE(0);
    if (hash % AVERAGE_CHUNK === 0 || current.length >= LONGEST_CHUNK) {
      chunks.push(current);
      current = [];
    }
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

export interface Declaration {
  readonly kind: string;
  readonly name: string;
  readonly text: string;
}

const DECLARATION = /^export (type|interface|enum|const enum|declare enum) ([A-Za-z_$][\w$]*)/;

/**
 * The top-level declarations of json-schema-to-typescript's output (format: false, root line dropped): each
 * starts at an `export` line, with the doc comment right above it. Inside a declaration no line starts with
 * `export ` (property keys are placeholders there, and comments start with ` *`).
 */
export function declarationsOf(output: string): Declaration[] {
  const lines = output.replace(/\n+$/, '').split('\n');
  const starts: number[] = [];
  for (let index = 0; index < lines.length; index++) {
    if (!DECLARATION.test(lines[index]!)) continue;
    let start = index;
    if (lines[index - 1] === ' */') while (start > 0 && lines[start] !== '/**') start--;
    starts.push(start);
  }
  if (lines.slice(0, starts[0] ?? lines.length).some((line) => line !== '')) throw chunkError('text before its first declaration');
  return starts.map((start, index) => {
    const slice = lines.slice(start, starts[index + 1] ?? lines.length);
    while (slice.at(-1) === '') slice.pop();
    const [, kind, name] = DECLARATION.exec(slice.find((line) => DECLARATION.test(line))!)!;
    return { kind: kind!, name: name!, text: slice.join('\n') };
  });
}

/** The chunks' declarations as one run prints them: type aliases, interfaces, then enums, each name once. */
export function assembleDeclarations(chunks: readonly (readonly Declaration[])[]): string {
  const seen = new Set<string>();
  const sections: Record<string, string[]> = { type: [], interface: [], enum: [] };
  for (const declarations of chunks) {
    for (const { kind, name, text } of declarations) {
      if (seen.has(name)) continue;
      seen.add(name);
      (sections[kind] ?? sections['enum']!).push(text);
    }
  }
  return [sections['type']!, sections['interface']!, sections['enum']!].map((texts) => texts.join('\n')).filter(Boolean).join('\n\n');
}

// Placeholders are numbered in the order the whole plan first uses them, so one new property renumbers every
// later chunk. A chunk's cache entry is kept with its own numbering (in order of first appearance in its input):
// the same chunk anywhere in any plan then has the same key and the same cached text.
const PLACEHOLDER = /\b(PlangenType|plangenKey)(\d+)\b/g;
const LOCAL = /\b(PlangenLocalType|plangenLocalKey)(\d+)\b/g;

export interface LocalNames {
  /** The input with its placeholders renumbered. */
  readonly input: string;
  /** Global placeholder -> local one, and back; undefined when the text already holds local-looking names. */
  toLocal(text: string): string | undefined;
  toGlobal(text: string): string;
}

export function localNames(input: string): LocalNames | undefined {
  if (/PlangenLocalType|plangenLocalKey/.test(input)) return undefined; // plan text that looks like ours: no cache
  const local = new Map<string, string>();
  const global = new Map<string, string>();
  const rename = (token: string, kind: string): string => {
    let name = local.get(token);
    if (name === undefined) {
      name = `${kind === 'PlangenType' ? 'PlangenLocalType' : 'plangenLocalKey'}${local.size}`;
      local.set(token, name);
      global.set(name, token);
    }
    return name;
  };
  const renamed = input.replace(PLACEHOLDER, (token, kind: string) => rename(token, kind));
  return {
    input: renamed,
    toLocal(text) {
      if (/PlangenLocalType|plangenLocalKey/.test(text)) return undefined;
      let unknown = false;
      const result = text.replace(PLACEHOLDER, (token) => local.get(token) ?? ((unknown = true), token));
      // A name json-schema-to-typescript derived from a placeholder (PlangenType3Item) would keep the global number.
      return unknown || /(?:PlangenType|plangenKey)\d+[A-Za-z_$]/.test(text) ? undefined : result;
    },
    toGlobal: (text) => text.replace(LOCAL, (token) => global.get(token) ?? token),
  };
}

function chunkError(problem: string): Error {
  return new Error(`plangen internal error: json-schema-to-typescript's output for a chunk of types had ${problem}.`);
}
