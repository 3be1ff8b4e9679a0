// The load stage: plan file -> checked, normalized, immutable PlanModel.
// read (YAML/JSON with positions) -> detect the format -> check and read it
// into plan entries -> build the model.
import { readFile } from 'node:fs/promises';
import { PlanError } from '../errors.js';
import { buildModel } from '../model/build-model.js';
import type { PlanEntries } from '../model/plan-entries.js';
import type { PlanFormat, PlanModel } from '../model/types.js';
import { checkDepth } from './check-depth.js';
import { checkPlangenPlan } from './check-plangen-plan.js';
import { checkUnicode } from './check-unicode.js';
import { decodePlanText } from './decode-plan-text.js';
import { detectFormat } from './detect-format.js';
import { printWarning, type WarningSink } from './load-warnings.js';
import { rememberSource } from './locate.js';
import { readPlangenPlan } from './read-plangen-plan.js';
import { readRudderstackDataCatalogApi } from './read-rudderstack-data-catalog-api.js';
import { readRudderstackTrackingPlanApi } from './read-rudderstack-tracking-plan-api.js';
import { readSegmentConfigApi } from './read-segment-config-api.js';
import { readSegmentPublicApi } from './read-segment-public-api.js';
import { parseSource, type SourceDocument } from './source-document.js';

export interface LoadOptions {
  /** Read the plan in this format instead of detecting it. */
  readonly format?: PlanFormat;
  /** Receives each warning (the plan loads regardless); by default it is printed on stderr. */
  readonly onWarning?: WarningSink;
}

export async function loadPlan(file: string, options: LoadOptions = {}): Promise<PlanModel> {
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
export function loadPlanBytes(bytes: Uint8Array, file: string, options: LoadOptions = {}): PlanModel {
  return loadPlanText(decodePlanText(bytes, file), file, options);
}

/** The same for text that is not on disk (a git revision, a fuzz case); `file` names it in errors. */
export function loadPlanText(text: string, file: string, options: LoadOptions = {}): PlanModel {
  const source: SourceDocument = { ...parseSource(text, file), warn: options.onWarning ?? printWarning };
  rememberSource(source);
  checkDepth(source);
  checkUnicode(source);
  return buildModel(readEntries(source, options.format ?? detectFormat(source)));
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
