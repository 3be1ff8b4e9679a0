// RudderStack event versions ("1-0-0", "1.2.0", 3) -> plangen's integer version.
// RudderStack bumps an event's version string on every edit; it never reads it back when
// it validates (it looks a rule up by tracking-plan version, event type and name). plangen
// keeps the major number: it depends on the string alone (stable however the plan grows),
// and a major bump renames the pinned wrapper (`trackOrderPurchasedV2`), as a new Segment
// version does. See docs/plan-format.md, "RudderStack formats".
import type { SourceRef } from '../model/types.js';
import { errorAt } from '../model/located-error.js';

/** MAJOR, MAJOR-MINOR or MAJOR-MINOR-PATCH with one separator ("-" or "."), no leading zeros (semver's rule). */
const VERSION_TEXT = /^(0|[1-9]\d*)(?:([-.])(?:0|[1-9]\d*)(?:\2(?:0|[1-9]\d*))?)?$/;
const FIX = 'Write MAJOR-MINOR-PATCH with a major version of 1 or more, such as "1-0-0" or "1.0.0", or a positive integer';

/**
 * The plangen version of a RudderStack rule: the major number of its `version` (1 when it has none).
 * `ref` points at the version value; `owner` names the rule in the message, e.g. `event "Order Purchased"`.
 */
export function rudderstackVersion(written: unknown, ref: SourceRef, owner: string): number {
  if (written === undefined) return 1;
  if (typeof written === 'number') {
    if (Number.isSafeInteger(written) && written >= 1) return written;
    throw errorAt(ref, `version ${String(written)} of ${owner} is not a positive integer`, FIX, 'value');
  }
  if (typeof written !== 'string') throw errorAt(ref, `version ${JSON.stringify(written)} of ${owner} is not a version`, FIX, 'value');
  const major = VERSION_TEXT.exec(written)?.[1];
  if (major === undefined) throw errorAt(ref, `version ${JSON.stringify(written)} of ${owner} is not a RudderStack version`, FIX, 'value');
  const number = Number(major);
  if (number === 0) throw errorAt(ref, `version ${JSON.stringify(written)} of ${owner} has major version 0, and plangen versions start at 1`, FIX, 'value');
  if (!Number.isSafeInteger(number)) throw errorAt(ref, `version ${JSON.stringify(written)} of ${owner} has a major version too large to send as a JSON number`, FIX, 'value');
  return number;
}
