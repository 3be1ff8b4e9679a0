// RFC 6901 JSON pointers (`~` <-> `~0`, `/` <-> `~1`): the CLI's name for the one implementation,
// which lives in @plangen/core (`packages/core/src/json-pointer.ts`) because core ships to apps and
// cannot depend on the CLI; core's validation errors and the CLI's plan locations escape alike.
export {
  childPointer,
  escapePointerToken,
  formatPointer,
  parsePointer,
  unescapePointerToken,
} from '@plangen/core/internal';
