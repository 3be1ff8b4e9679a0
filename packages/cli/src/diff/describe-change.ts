// How a change's place reads in messages. JSON output keeps the exact schema
// pointer; people read `property "products[].price"`.
import type { DiffScope } from './types.js';
import { parsePointer } from '../schema/json-pointer.js';

/** `property "coupon": `, `payload property "context.app": `, `properties: ` for the schema itself, '' for a whole element. */
export function describeLocation(change: { readonly scope?: DiffScope; readonly pointer?: string }): string {
  if (change.scope === undefined) return '';
  const path = propertyPath(change.pointer ?? '');
  const schema = change.scope === 'schema' ? 'common schema' : change.scope;
  if (path === '') return `${schema}: `;
  // Properties and traits are what "property" means by default; other schemas are named.
  const prefix = change.scope === 'properties' || change.scope === 'traits' ? '' : `${schema} `;
  return `${prefix}property ${JSON.stringify(path)}: `;
}

/** `/properties/products/items/properties/price` -> `products[].price`. */
export function propertyPath(pointer: string): string {
  const segments = parsePointer(pointer);
  let path = '';
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index];
    if (segment === 'properties' && index + 1 < segments.length) {
      path += `${path === '' ? '' : '.'}${segments[++index] ?? ''}`;
    } else if (segment === 'items') {
      path += '[]';
    } else if (segment === 'additionalProperties') {
      path += `${path === '' ? '' : '.'}*`;
    } else {
      path += `<${segment ?? ''}>`;
    }
  }
  return path;
}
