// ajv writes every error push as `if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}`,
// a tenth of the module; the equivalent `(vErrors || (vErrors = [])).push(err0);` is half as long.
import { JSON_STRING } from './code-tokens.js';

const PUSH = new RegExp(`${JSON_STRING}|if\\(vErrors === null\\)\\{vErrors = \\[(err\\d+)\\];\\}else \\{vErrors\\.push\\(\\1\\);\\}`, 'g');

export function compactErrorPushes(code: string): string {
  return code.replace(PUSH, (text, error: string | undefined) =>
    error === undefined ? text : `(vErrors || (vErrors = [])).push(${error});`,
  );
}
