// The config the fast path can read without cosmiconfig: a JSON file
// (plangen.config.json, .plangenrc.json, package.json's "plangen" key), found by
// the very discovery load-config.ts uses (config/config-files.ts). A YAML or
// JS/TS config, or one that imports others ($import), is the full CLI's: a
// config that runs code can read anything, so its bytes do not decide it.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { configCandidates } from '../config/config-files.js';
import type { LoadedConfig } from '../config/load-config.js';
import type { PlangenConfig } from '../config/types.js';

export interface JsonConfig {
  /** Undefined when there is no config file at all. */
  readonly loaded: LoadedConfig | undefined;
  readonly bytes: Buffer | undefined;
}

/**
 * The config as JSON, or undefined when only the full CLI can load it. Unchecked: the fast path trusts it
 * only when its bytes are those a full run checked (the fingerprint holds them).
 */
export function readJsonConfig(file: string | undefined, cwd: string): JsonConfig | undefined {
  if (file !== undefined) {
    const filepath = path.resolve(cwd, file);
    let bytes: Buffer;
    try {
      bytes = readFileSync(filepath);
    } catch {
      return undefined;
    }
    const config = configIn(filepath, bytes);
    return config === undefined || config === null ? undefined : loadedConfig(filepath, bytes, config);
  }
  for (const { filepath, bytes } of configCandidates(cwd)) {
    const config = configIn(filepath, bytes);
    if (config === undefined) return undefined;
    if (config !== null) return loadedConfig(filepath, bytes, config);
    // null: no config in this file (package.json without "plangen"), as cosmiconfig skips it
  }
  return { loaded: undefined, bytes: undefined };
}

/** The config object, null for a file that holds none, undefined for what JSON.parse cannot decide. */
function configIn(filepath: string, bytes: Buffer): object | null | undefined {
  const name = path.basename(filepath);
  if (!name.endsWith('.json')) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
  const config = name === 'package.json' ? (json as Record<string, unknown> | null)?.['plangen'] : json;
  if (config === undefined || config === null) return null;
  if (typeof config !== 'object' || Array.isArray(config) || Object.hasOwn(config, '$import') || Object.hasOwn(config, 'outputs')) return undefined;
  return config;
}

function loadedConfig(filepath: string, bytes: Buffer, config: object): JsonConfig {
  return { loaded: { config: config as PlangenConfig, filepath, dir: path.dirname(filepath) }, bytes };
}
