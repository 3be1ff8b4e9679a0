// The load stage: plan file -> checked, normalized, immutable PlanModel, with
// the locator that places its elements in the file (model/locator.ts).
// read (YAML/JSON with positions) -> detect the format -> check and read it
// into plan entries -> build the model.
import { readFile } from 'node:fs/promises';
import { PlanError } from '../errors.js';
import { buildModel } from '../model/build-model.js';
import { locateError } from '../model/located-error.js';
import type { Locator } from '../model/locator.js';
import type { PlanEntries } from '../model/plan-entries.js';
import type { PlanFormat, PlanModel } from '../model/types.js';
import { checkDepth } from './check-depth.js';
import type { CheckedSchemas } from './checked-schemas.js';
import { checkPlangenPlan } from './check-plangen-plan.js';
import { checkUnicode, mayHoldSurrogate } from './check-unicode.js';
import { decodePlanText } from './decode-plan-text.js';
import { detectFormat } from './detect-format.js';
import { printWarning, type WarningSink } from './load-warnings.js';
import { sourceLocator } from './locate.js';
import { readPlangenPlan } from './read-plangen-plan.js';
import { readRudderstackDataCatalogApi } from './read-rudderstack-data-catalog-api.js';
import { readRudderstackTrackingPlanApi } from './read-rudderstack-tracking-plan-api.js';
import { readSegmentConfigApi } from './read-segment-config-api.js';
import { readSegmentPublicApi } from './read-segment-public-api.js';
import { isJsonFile, parseSource, type SourceDocument } from './source-document.js';

export interface LoadOptions {
  /** Read the plan in this format instead of detecting it. */
  readonly format?: PlanFormat;
  /** Receives each warning (the plan loads regardless); by default it is printed on stderr. */
  readonly onWarning?: WarningSink;
  /** Schemas that passed the checks in an earlier run, and where this run adds its own (checked-schemas.ts). */
  readonly checkedSchemas?: CheckedSchemas;
}

/** A loaded plan: the model, and where its elements are written, for every stage that reports positions. */
export interface LoadedPlan {
  readonly model: PlanModel;
  readonly locator: Locator;
}

export async function loadPlan(file: string, options: LoadOptions = {}): Promise<LoadedPlan> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new PlanError({ file }, `cannot read the plan: ${reason}`, 'Check the path, or pass --plan <file>');
  }
  return loadPlanBytes(bytes, file, options);
}

/** A plan's bytes from elsewhere (a git revision): decoded as a file on disk is (decode-plan-text.ts), then loaded. */
export function loadPlanBytes(bytes: Uint8Array, file: string, options: LoadOptions = {}): LoadedPlan {
  return loadPlanText(decodePlanText(bytes, file), file, options);
}

/** The same for text that is not on disk (a git revision, a fuzz case); `file` names it in errors. */
export function loadPlanText(text: string, file: string, options: LoadOptions = {}): LoadedPlan {
  const parsed = parseSource(text, file);
  const locator = sourceLocator(parsed);
  const warn = options.onWarning ?? printWarning;
  // The checks and the model raise errors and warnings at SourceRefs; they are placed here, where the document is.
  const source: SourceDocument = {
    ...parsed,
    warn: (warning) => warn(locateError(warning, locator)),
    ...(options.checkedSchemas && { checked: options.checkedSchemas }),
  };
  try {
    // JSON's nesting was measured on its text (json-source.ts), and it has no aliases to expand into more.
    if (!isJsonFile(file)) checkDepth(source);
    if (mayHoldSurrogate(text)) checkUnicode(source);
    return { model: buildModel(readEntries(source, options.format ?? detectFormat(source))), locator };
  } catch (error) {
    throw locateError(error, locator);
  }
}

function readEntries(source: SourceDocument, format: PlanFormat): PlanEntries {
  switch (format) {
    case 'plangen':
      return readPlangenPlan(checkPlangenPlan(source), source.file);
    case 'segment-public-api':
      return readSegmentPublicApi(source);
    case 'segment-config-api':
      return readSegmentConfigApi(source);
    case 'rudderstack-tracking-plan-api':
      return readRudderstackTrackingPlanApi(source);
    case 'rudderstack-data-catalog-api':
      return readRudderstackDataCatalogApi(source);
  }
}
