// The template prints only what the view holds: handlebars runs strict, so a key the view lacks
// (a misspelling in the template or the view model) throws instead of printing nothing.
import { describe, expect, it } from 'vitest';
import { DEFAULT_GENERATE_OPTIONS } from '../../packages/cli/src/generate/options.js';
import { render } from '../../packages/cli/src/generate/render.js';
import { buildSdkView, type SdkView } from '../../packages/cli/src/generate/view-model.js';
import { miniShop } from './hand-model.js';

function view(): SdkView {
  return buildSdkView(miniShop(), DEFAULT_GENERATE_OPTIONS, 'export interface Placeholder {}');
}

describe('render (strict handlebars)', () => {
  it('prints a complete view', () => {
    const text = render('sdk.ts.hbs', view());
    expect(text).toContain('export interface Placeholder {}');
    expect(text).toContain('export function trackOrderCompleted(');
  });

  it('a top-level key the view lacks throws instead of printing nothing', () => {
    const { coreImportList, ...rest } = view();
    expect(coreImportList).not.toBe('');
    expect(() => render('sdk.ts.hbs', { ...rest, coreImportLis: coreImportList })).toThrow(/"coreImportList" not defined/);
  });

  it('a key a wrapper lacks inside #each throws instead of printing nothing', () => {
    const full = view();
    const [first, ...others] = full.wrappers;
    const { fn, ...withoutFn } = first!;
    expect(fn).toBe('trackOrderCompleted');
    expect(() => render('sdk.ts.hbs', { ...full, wrappers: [withoutFn, ...others] })).toThrow(/"fn" not defined/);
  });

  it('text is printed as it is, without HTML escaping', () => {
    const full = view();
    const text = render('sdk.ts.hbs', { ...full, types: 'type A = "<&>" | `x`;' });
    expect(text).toContain('type A = "<&>" | `x`;');
  });
});
