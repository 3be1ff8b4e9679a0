// The rewrites of ajv's standalone code read the text the pinned ajv writes. Fed code written as a
// changed ajv might write it, each one stops with an internal error naming itself and ajv's version,
// instead of emitting bigger or broken validators.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { compactErrorPushes } from '../../packages/cli/src/generate/validators/compact-error-pushes.js';
import { hoistSchemaValues } from '../../packages/cli/src/generate/validators/hoist-schema-values.js';
import { ownKeyLoops } from '../../packages/cli/src/generate/validators/own-key-loops.js';
import { rewriteRuntimeRequires } from '../../packages/cli/src/generate/validators/runtime-imports.js';
import { layOutModule } from '../../packages/cli/src/generate/validators/stable-layout.js';

const AJV_VERSION = (createRequire(import.meta.url)('ajv/package.json') as { version: string }).version;

function changedAjv(rewrite: string, finding: string): string {
  return (
    `plangen internal error: the ${rewrite} rewrite ${finding} in the code of ajv ${AJV_VERSION}. ` +
    `ajv writes its validators differently than packages/cli/src/generate/validators/${rewrite}.ts expects: update the rewrite with the pinned ajv version.`
  );
}

const PUSH = (error: string) => `if(vErrors === null){vErrors = [${error}];}else {vErrors.push(${error});}`;
const SITE_OBJECT = '{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "string"}}';

describe('compact-error-pushes on a changed ajv', () => {
  it('rewrites the code of the pinned ajv and counts every error', () => {
    const code = `const err0 = ${SITE_OBJECT};${PUSH('err0')}errors++;const err1 = {};${PUSH('err1')}errors++;`;
    expect(compactErrorPushes(code)).toEqual({
      code: 'vErrors = pushError(vErrors,instancePath,"#/type","type",{type: "string"});errors++;const err1 = {};(vErrors || (vErrors = [])).push(err1);errors++;',
      callsPushError: true,
    });
  });

  it('keeps the object of a propertyNames error, which has a field more', () => {
    const code = `const err0 = {instancePath,schemaPath:"#/propertyNames/pattern",keyword:"pattern",params:{pattern: "^a"},propertyName:key0};${PUSH('err0')}errors++;`;
    expect(compactErrorPushes(code)).toEqual({
      code: 'const err0 = {instancePath,schemaPath:"#/propertyNames/pattern",keyword:"pattern",params:{pattern: "^a"},propertyName:key0};(vErrors || (vErrors = [])).push(err0);errors++;',
      callsPushError: false,
    });
  });

  it('fails loudly when an error object has a field more (the site would keep its whole object)', () => {
    const code = `const err0 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "string"},message:"must be string"};${PUSH('err0')}errors++;`;
    expect(() => compactErrorPushes(code)).toThrow(changedAjv('compact-error-pushes', 'turned 0 of 1 error objects into pushError calls'));
  });

  it('fails loudly when the push is written another way (the site would keep its long push)', () => {
    const code = `const err0 = ${SITE_OBJECT};vErrors ??= [];vErrors.push(err0);errors++;`;
    expect(() => compactErrorPushes(code)).toThrow(changedAjv('compact-error-pushes', 'turned 0 of 1 error objects into pushError calls'));
  });

  it('fails loudly when an error of another shape is pushed another way', () => {
    const code = `const e1 = {};(vErrors ||= []).push(e1);errors++;`;
    expect(() => compactErrorPushes(code)).toThrow(changedAjv('compact-error-pushes', 'rewrote 0 of 1 error pushes'));
  });
});

describe('own-key-loops on a changed ajv', () => {
  const HAS_OWN = 'const func0 = Object.prototype.hasOwnProperty;';

  it("walks own keys with for...in and ajv's hasOwnProperty constant, leaving strings as they are", () => {
    const code = `${HAS_OWN}function v(data){const s = "Object.keys(x)";for(const key0 of Object.keys(data)){if(key0 !== "a"){errors++;}}}`;
    expect(ownKeyLoops(code)).toBe(
      `${HAS_OWN}function v(data){const s = "Object.keys(x)";for(const key0 in data){if(!func0.call(data, key0))continue;if(key0 !== "a"){errors++;}}}`,
    );
  });

  it('declares the constant under an unused name when ajv wrote none', () => {
    const code = 'function v(data){func3;for(const key1 of Object.keys(data2)){errors++;}}';
    expect(ownKeyLoops(code)).toBe(
      'const func4 = Object.prototype.hasOwnProperty;function v(data){func3;for(const key1 in data2){if(!func4.call(data2, key1))continue;errors++;}}',
    );
  });

  it("keeps minProperties' and maxProperties' counts, which need the array", () => {
    const code = `${HAS_OWN}function v(data){if(Object.keys(data).length > 3){errors++;}}`;
    expect(ownKeyLoops(code)).toBe(code);
  });

  it('leaves code without key loops unchanged', () => {
    expect(ownKeyLoops('function v(data){return true;}')).toBe('function v(data){return true;}');
  });

  it('fails loudly when ajv reads keys another way (the loop would keep allocating)', () => {
    expect(() => ownKeyLoops(`${HAS_OWN}function v(data){const keys = Object.keys(data);}`)).toThrow(
      changedAjv('own-key-loops', 'rewrote 0 of 1 Object.keys calls'),
    );
  });
});

describe('hoist-schema-values on a changed ajv', () => {
  const READ = 'function v(data){return schema11.enum;}';

  it('hoists from the declarations the pinned ajv writes', () => {
    expect(hoistSchemaValues(`const schema11 = {"enum":["a"]};${READ}`)).toBe('const schemaValue0 = ["a"];function v(data){return schemaValue0;}');
  });

  it('fails loudly when a schema constant is declared in another shape (it would stay whole)', () => {
    expect(() => hoistSchemaValues(`const schema11={"enum":["a"]};${READ}`)).toThrow(
      changedAjv('hoist-schema-values', 'read 0 of 1 schema constant declarations'),
    );
    expect(() => hoistSchemaValues(`var schema11 = {"enum":["a"]};${READ}`)).toThrow(
      changedAjv('hoist-schema-values', 'read 0 of 1 schema constant declarations'),
    );
  });

  it('fails loudly when a schema constant is read but never declared', () => {
    expect(() => hoistSchemaValues(READ)).toThrow(changedAjv('hoist-schema-values', 'found schema11 read but not declared'));
  });

  it('fails loudly when a schema constant holds something other than JSON', () => {
    expect(() => hoistSchemaValues(`const schema11 = {enum:["a"]};${READ}`)).toThrow(
      changedAjv('hoist-schema-values', 'found schema11 declared with a value that is not JSON'),
    );
  });
});

describe('runtime-imports on a changed ajv', () => {
  it('rewrites the requires of the pinned ajv, and leaves a data property named import or require alone', () => {
    const code = 'const func0 = require("ajv/dist/runtime/equal").default;if(data.import !== undefined && data.require !== undefined){}';
    expect(rewriteRuntimeRequires(code)).toEqual({
      code: 'const func0 = deepEqual;if(data.import !== undefined && data.require !== undefined){}',
      imports: ['deepEqual'],
    });
  });

  it('fails loudly when a helper is required by another path', () => {
    expect(() => rewriteRuntimeRequires('const func0 = require("ajv/dist/runtime/equal.js").default;')).toThrow(
      changedAjv('runtime-imports', 'found require("ajv/dist/runtime/equal.js").default, which it does not know,'),
    );
  });

  it('fails loudly when a helper is imported instead of required', () => {
    expect(() => rewriteRuntimeRequires('import equal from "ajv/dist/runtime/equal";const func0 = equal;')).toThrow(
      changedAjv('runtime-imports', 'found import equal from "ajv/dist/runtime/equal", which it does not know,'),
    );
  });
});

describe('stable-layout on a changed ajv', () => {
  const exports = [{ name: 'validateA', local: 'validate10' }];
  const FUNCTION = 'function validate10(data, {instancePath="", parentData, rootData=data}={}){if(!pattern0.test(data)){vErrors = pushError(vErrors,instancePath,"#/pattern","pattern",{pattern: "x"});}validate10.errors = null;return x ? pattern0 : 1;}';

  it('lays out the statements the pinned ajv writes, renaming only references: not strings, regex literals, properties or keys', () => {
    // The regex literal holds `/` in a class, a quote and a top-level name; the string names one too.
    const regex = String.raw`/[/"]validate10\//u`;
    const code = `const pattern0 = ${regex};${FUNCTION.replace('"#/pattern"', '"validate10 pattern0"')}`;
    const { body, locals } = layOutModule(code, exports);
    expect(locals).toEqual(['checkA']);
    const [constant, fn, end] = body.split('\n');
    expect(constant).toMatch(/^const pattern_[0-9a-f]{6} = /);
    expect(constant!.slice(constant!.indexOf(' = '))).toBe(` = ${regex};`);
    const pattern = constant!.slice('const '.length, constant!.indexOf(' ='));
    expect(fn).toBe(
      `function checkA(data, {instancePath="", parentData, rootData=data}={}){if(!${pattern}.test(data)){vErrors = pushError(vErrors,instancePath,"validate10 pattern0","pattern",{pattern: "x"});}checkA.errors = null;return x ? ${pattern} : 1;}`,
    );
    expect(end).toBe('');
  });

  it('fails loudly on a top-level statement other than a const or a function', () => {
    const code = `"use strict";${FUNCTION}`;
    expect(() => layOutModule(code, exports)).toThrow(
      changedAjv('stable-layout', `met something other than a top-level const or function, a string or a regex literal (${JSON.stringify(code.slice(0, 80))})`),
    );
  });

  it('fails loudly on a comment, a template literal or two constants in one statement (the scan would misread them)', () => {
    for (const code of [`/* c */${FUNCTION}`, `const a = 1;// c\n${FUNCTION}`, `const a = \`\${b}\`;${FUNCTION}`, `const a = 1, b = 2;${FUNCTION}`, `const a = "open;${FUNCTION}`]) {
      expect(() => layOutModule(code, exports), code).toThrow(/^plangen internal error: the stable-layout rewrite met something other than a top-level const or function/);
    }
  });

  it('fails loudly on a shorthand property naming a top-level value (renaming it would change the key)', () => {
    expect(() => layOutModule(`const wrapper0 = {validate10};${FUNCTION}`, exports)).toThrow("plangen internal error: ajv's code has the shorthand property validate10.");
  });

  it('fails loudly on a shorthand property after others, spaced, and on brackets that do not pair', () => {
    for (const wrapper of ['{a: 1, validate10 }', '{validate10 , a: 1}', '[{b: [2], validate10}]']) {
      expect(() => layOutModule(`const wrapper0 = ${wrapper};${FUNCTION}`, exports), wrapper).toThrow("plangen internal error: ajv's code has the shorthand property validate10.");
    }
    for (const value of ['(1]', '[1)', '{a: (1}', '[1}']) {
      expect(() => layOutModule(`const a0 = ${value};${FUNCTION}`, exports), value).toThrow(/^plangen internal error: the stable-layout rewrite met something other than a top-level const or function/);
    }
  });
});
