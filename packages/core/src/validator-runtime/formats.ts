// The ajv-formats "full" mode checks that ajv standalone code references by name.
// Ported from ajv-formats 3.0.1 src/formats.ts (MIT, Evgeny Poberezkin); every
// check must keep behaving exactly like the original (test/validators compares
// them). Formats that ajv-formats defines as a bare regular expression (email,
// uuid, hostname, ipv4, ...) are not here: ajv inlines those into the generated
// code as regex literals.

/** A string format with an ordering, used by ajv-formats' formatMinimum/formatMaximum keywords. */
export interface ComparableFormat {
  readonly validate: (value: string) => boolean;
  readonly compare: (left: string, right: string) => number | undefined;
}

/** An OpenAPI number format (int32, int64, float, double). */
export interface NumberFormat {
  readonly type: 'number';
  readonly validate: (value: number) => boolean;
}

function isLeapYear(year: number): boolean {
  // https://tools.ietf.org/html/rfc3339#appendix-C
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

const DATE = /^(\d\d\d\d)-(\d\d)-(\d\d)$/;
const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// full-date, http://tools.ietf.org/html/rfc3339#section-5.6
function date(value: string): boolean {
  const matches = DATE.exec(value);
  if (!matches) return false;
  const year = Number(matches[1]);
  const month = Number(matches[2]);
  const day = Number(matches[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && isLeapYear(year) ? 29 : (DAYS[month] ?? 0));
}

function compareDate(left: string, right: string): number | undefined {
  if (!(left && right)) return undefined;
  if (left > right) return 1;
  if (left < right) return -1;
  return 0;
}

const TIME = /^(\d\d):(\d\d):(\d\d(?:\.\d+)?)(z|([+-])(\d\d)(?::?(\d\d))?)?$/i;

// `strictTimeZone`: RFC 3339 time (offset required) rather than ISO 8601 time.
function time(value: string, strictTimeZone: boolean): boolean {
  const matches = TIME.exec(value);
  if (!matches) return false;
  const hour = Number(matches[1]);
  const minute = Number(matches[2]);
  const second = Number(matches[3]);
  const zone = matches[4];
  const zoneSign = matches[5] === '-' ? -1 : 1;
  const zoneHour = Number(matches[6] || 0);
  const zoneMinute = Number(matches[7] || 0);
  if (zoneHour > 23 || zoneMinute > 59 || (strictTimeZone && !zone)) return false;
  if (hour <= 23 && minute <= 59 && second < 60) return true;
  // A leap second is only valid at 23:59:60 UTC.
  const utcMinute = minute - zoneMinute * zoneSign;
  const utcHour = hour - zoneHour * zoneSign - (utcMinute < 0 ? 1 : 0);
  return (utcHour === 23 || utcHour === -1) && (utcMinute === 59 || utcMinute === -1) && second < 61;
}

function compareTime(left: string, right: string): number | undefined {
  if (!(left && right)) return undefined;
  const leftTime = new Date('2020-01-01T' + left).valueOf();
  const rightTime = new Date('2020-01-01T' + right).valueOf();
  if (!(leftTime && rightTime)) return undefined;
  return leftTime - rightTime;
}

function compareIsoTime(left: string, right: string): number | undefined {
  if (!(left && right)) return undefined;
  const leftMatch = TIME.exec(left);
  const rightMatch = TIME.exec(right);
  if (!(leftMatch && rightMatch)) return undefined;
  const leftKey = `${leftMatch[1]}${leftMatch[2]}${leftMatch[3]}`;
  const rightKey = `${rightMatch[1]}${rightMatch[2]}${rightMatch[3]}`;
  if (leftKey > rightKey) return 1;
  if (leftKey < rightKey) return -1;
  return 0;
}

const DATE_TIME_SEPARATOR = /t|\s/i;

// date-time, http://tools.ietf.org/html/rfc3339#section-5.6
function dateTime(value: string, strictTimeZone: boolean): boolean {
  const parts = value.split(DATE_TIME_SEPARATOR);
  return parts.length === 2 && date(parts[0] ?? '') && time(parts[1] ?? '', strictTimeZone);
}

function compareDateTime(left: string, right: string): number | undefined {
  if (!(left && right)) return undefined;
  const leftTime = new Date(left).valueOf();
  const rightTime = new Date(right).valueOf();
  if (!(leftTime && rightTime)) return undefined;
  return leftTime - rightTime;
}

function compareIsoDateTime(left: string, right: string): number | undefined {
  if (!(left && right)) return undefined;
  const [leftDate, leftTime] = left.split(DATE_TIME_SEPARATOR);
  const [rightDate, rightTime] = right.split(DATE_TIME_SEPARATOR);
  // ajv-formats passes the raw (possibly undefined) parts on; the casts keep that behaviour.
  const dates = compareDate(leftDate as string, rightDate as string);
  if (dates === undefined) return undefined;
  return dates || compareTime(leftTime as string, rightTime as string);
}

const NOT_URI_FRAGMENT = /\/|:/;
// http://jmrware.com/articles/2009/uri_regexp/URI_regex.html + optional protocol + required "."
const URI =
  /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)(?:\?(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;

function uri(value: string): boolean {
  return NOT_URI_FRAGMENT.test(value) && URI.test(value);
}

// https://github.com/miguelmota/is-base64
const BYTE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/gm;

function byte(value: string): boolean {
  // The global flag makes test() stateful; start every check from the beginning.
  BYTE.lastIndex = 0;
  return BYTE.test(value);
}

const Z_ANCHOR = /[^\\]\\Z/;

function regex(value: string): boolean {
  if (Z_ANCHOR.test(value)) return false;
  try {
    new RegExp(value);
    return true;
  } catch {
    return false;
  }
}

const MIN_INT32 = -(2 ** 31);
const MAX_INT32 = 2 ** 31 - 1;

export const formatDate: ComparableFormat = { validate: date, compare: compareDate };
export const formatTime: ComparableFormat = { validate: (value) => time(value, true), compare: compareTime };
export const formatDateTime: ComparableFormat = { validate: (value) => dateTime(value, true), compare: compareDateTime };
export const formatIsoTime: ComparableFormat = { validate: (value) => time(value, false), compare: compareIsoTime };
export const formatIsoDateTime: ComparableFormat = { validate: (value) => dateTime(value, false), compare: compareIsoDateTime };
export const formatUri: (value: string) => boolean = uri;
export const formatRegex: (value: string) => boolean = regex;
export const formatByte: (value: string) => boolean = byte;
export const formatInt32: NumberFormat = {
  type: 'number',
  validate: (value) => Number.isInteger(value) && value <= MAX_INT32 && value >= MIN_INT32,
};
// JSON numbers are safe only up to 2**53, so every integer is a valid int64.
export const formatInt64: NumberFormat = { type: 'number', validate: (value) => Number.isInteger(value) };
export const formatFloat: NumberFormat = { type: 'number', validate: () => true };
export const formatDouble: NumberFormat = { type: 'number', validate: () => true };
