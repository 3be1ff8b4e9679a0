import { describe, expect, it } from 'vitest';
import { docLines, identifier, jsonCode, propertyKey, regexLiteral, safeCode, stringLiteral } from '../../packages/cli/src/generate/escape.js';
import { escapeLineBreaks, escapeLineSeparators } from '../../packages/cli/src/line-breaks.js';
import { permittedValues } from '../../packages/cli/src/generate/typing-schema.js';

describe('stringLiteral', () => {
  it('escapes quotes, backslashes, line separators and </script>', () => {
    expect(stringLiteral('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(stringLiteral('x\u2028y\u2029z')).toBe('"x\\u2028y\\u2029z"');
    expect(stringLiteral('</script>')).toBe('"\\u003c/script>"');
  });

  it('keeps backticks and ${ inert inside a double-quoted literal', () => {
    const literal = stringLiteral('`${process.exit(1)}`');
    expect(literal).toBe('"`${process.exit(1)}`"');
    expect(JSON.parse(literal)).toBe('`${process.exit(1)}`');
  });

  it('round-trips through JavaScript evaluation', () => {
    const text = 'é "q" \u2028 </script> `${x}` \\n';
    expect(new Function(`return ${stringLiteral(text)};`)()).toBe(text);
  });
});

describe('jsonCode', () => {
  it('is JSON with the line separators escaped, and evaluates to the same value', () => {
    const value = { 'a\u2028': ['b\u2029', 1, null], '</script>': true };
    expect(jsonCode(value)).toBe('{"a\\u2028":["b\\u2029",1,null],"</script>":true}');
    expect(new Function(`return ${jsonCode(value)};`)()).toEqual(value);
  });
});

describe('safeCode', () => {
  it('escapes line separators and </script in any case, and leaves other code as it is', () => {
    expect(safeCode('const a = "x\u2028y\u2029</SCRIPT>";')).toBe('const a = "x\\u2028y\\u2029<\\/SCRIPT>";');
    expect(safeCode('const b = "</b>"; const c = /a</u;')).toBe('const b = "</b>"; const c = /a</u;');
  });
});

describe('regexLiteral', () => {
  it('is the literal of new RegExp(source, flags), slashes and line terminators escaped', () => {
    const literal = regexLiteral('^a/b\u2028c$', 'u');
    expect(literal).toBe('/^a\\/b\\u2028c$/u');
    const regex = new Function(`return ${literal};`)() as RegExp;
    expect(regex.test('a/b\u2028c')).toBe(true);
  });
});

describe('line-breaks (the one \\uXXXX spelling of line breaks)', () => {
  it('escapeLineSeparators escapes U+2028/U+2029 only; escapeLineBreaks also \\n and \\r', () => {
    expect(escapeLineSeparators('a\nb\u2028c\u2029')).toBe('a\nb\\u2028c\\u2029');
    expect(escapeLineBreaks('a\nb\rc\u2028d\u2029')).toBe('a\\u000ab\\u000dc\\u2028d\\u2029');
  });
});

describe('docLines', () => {
  it('cannot close the comment or start a tag, and splits on every line break', () => {
    expect(docLines('a */ b\r\nc\rd\u2028e\u2029@param x')).toEqual(['a *\\/ b', 'c', 'd', 'e', '\\@param x']);
  });
});

describe('propertyKey', () => {
  it('is bare for identifiers and quoted otherwise, __proto__ included', () => {
    expect(propertyKey('order_id')).toBe('order_id');
    expect(propertyKey('class')).toBe('class');
    expect(propertyKey('order id')).toBe('"order id"');
    expect(propertyKey('__proto__')).toBe('"__proto__"');
    expect(propertyKey('ü')).toBe('"ü"');
  });
});

describe('identifier', () => {
  it('refuses names that are not identifiers or are reserved', () => {
    expect(identifier('trackOrderCompleted')).toBe('trackOrderCompleted');
    expect(() => identifier('delete')).toThrow('plangen: "delete" is not a valid identifier for generated code');
    expect(() => identifier('a*/b')).toThrow('plangen: "a*/b" is not a valid identifier for generated code');
  });
});

describe('permittedValues', () => {
  it('reads plain alternations, anchored or not', () => {
    expect(permittedValues('fall|winter|spring')).toEqual(['fall', 'winter', 'spring']);
    expect(permittedValues('^(fall|winter)$')).toEqual(['fall', 'winter']);
    expect(permittedValues('^(?:Lawyer Morty|Evil Morty)$')).toEqual(['Lawyer Morty', 'Evil Morty']);
    expect(permittedValues('^fall$')).toEqual(['fall']);
  });

  it('refuses anything with other regex syntax', () => {
    expect(permittedValues('fall')).toBeUndefined();
    expect(permittedValues('^ord_')).toBeUndefined();
    expect(permittedValues('^a|b$')).toBeUndefined();
    expect(permittedValues('v1.0|v2.0')).toBeUndefined();
    expect(permittedValues('^(a+|b)$')).toBeUndefined();
    expect(permittedValues('a||b')).toBeUndefined();
  });
});
