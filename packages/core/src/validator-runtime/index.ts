// What precompiled validators import at run time instead of ajv: its runtime
// helpers and the ajv-formats checks that standalone code references by name.
export { deepEqual } from './deep-equal.js';
export {
  formatByte,
  formatDate,
  formatDateTime,
  formatDouble,
  formatFloat,
  formatInt32,
  formatInt64,
  formatIsoDateTime,
  formatIsoTime,
  formatRegex,
  formatTime,
  formatUri,
  type ComparableFormat,
  type NumberFormat,
} from './formats.js';
export { pushError } from './push-error.js';
export { pushSharedErrors } from './push-shared-errors.js';
export { ucs2length } from './ucs2length.js';
