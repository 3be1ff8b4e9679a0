// Is `x.track(...)` (identify, group, page, screen) a call on an analytics
// client? By type where the project has the client's types: the receiver's type,
// or else the method, is declared in one of the client packages. By well-known
// global name where it has none (`window.analytics` from the snippet, an untyped
// `analytics`): only when the checker knows nothing of the method.
import { ts } from 'ts-morph';
import { unwrap } from './scan-file.js';

/** Packages whose types mark a client: Segment's and RudderStack's SDKs, the snippet's types, and @plangen/core's client interfaces. */
export const CLIENT_PACKAGES: ReadonlySet<string> = new Set([
  '@segment/analytics-next',
  '@segment/analytics-node',
  '@segment/analytics-core',
  '@segment/analytics-react-native',
  '@types/segment-analytics',
  '@rudderstack/analytics-js',
  '@rudderstack/rudder-sdk-node',
  '@rudderstack/rudder-sdk-react-native',
  'rudder-sdk-js',
  '@plangen/core',
]);

/** Receivers recognized by name when their type is unknown (the analytics.js and RudderStack snippets). */
export const GLOBAL_CLIENT_NAMES: ReadonlySet<string> = new Set(
  ['analytics', 'rudderanalytics'].flatMap((name) => [name, `window.${name}`, `globalThis.${name}`, `self.${name}`]),
);

/** The package a declaration file belongs to: the name after its last `node_modules/`. */
export function packageOf(fileName: string): string | undefined {
  const at = fileName.lastIndexOf('/node_modules/');
  if (at < 0) return undefined;
  const [scope, name] = fileName.slice(at + '/node_modules/'.length).split('/');
  if (scope === undefined) return undefined;
  return scope.startsWith('@') && name !== undefined ? `${scope}/${name}` : scope;
}

/** `window.analytics`, `(window as any).analytics`, `analytics`: the dotted path of plain names, else undefined. */
export function dottedName(expression: ts.Expression): string | undefined {
  const inner = unwrap(expression);
  if (ts.isIdentifier(inner)) return inner.text;
  if (ts.isPropertyAccessExpression(inner) && ts.isIdentifier(inner.name)) {
    const left = dottedName(inner.expression);
    return left !== undefined ? `${left}.${inner.name.text}` : undefined;
  }
  return undefined;
}

function clientPackage(declarations: readonly ts.Declaration[] | undefined): string | undefined {
  for (const declaration of declarations ?? []) {
    const name = packageOf(declaration.getSourceFile().fileName);
    if (name !== undefined && CLIENT_PACKAGES.has(name)) return name;
  }
  return undefined;
}

/** How the receiver of `call` (a `receiver.method(...)` call) is a client, or undefined when it is not one. */
export function clientOf(checker: ts.TypeChecker, call: ts.CallExpression): string | undefined {
  const callee = unwrap(call.expression) as ts.PropertyAccessExpression;
  const receiverType = checker.getTypeAtLocation(callee.expression);
  const types = receiverType.isUnionOrIntersection() ? receiverType.types : [receiverType];
  for (const type of types) {
    const found = clientPackage((type.aliasSymbol ?? type.getSymbol())?.declarations);
    if (found !== undefined) return found;
  }
  const method = checker.getSymbolAtLocation(callee.name);
  const found = clientPackage(method?.declarations);
  if (found !== undefined) return found;
  if (method !== undefined) return undefined;
  const name = dottedName(callee.expression);
  return name !== undefined && GLOBAL_CLIENT_NAMES.has(name) ? name : undefined;
}

export type EventName = { readonly known: true; readonly name: string } | { readonly known: false };

/** A name known statically: a string literal, or an expression whose type is one string literal (a `const`, an `as const` member). */
function nameFrom(checker: ts.TypeChecker, expression: ts.Expression): EventName {
  const inner = unwrap(expression);
  if (ts.isStringLiteral(inner) || ts.isNoSubstitutionTemplateLiteral(inner)) return { known: true, name: inner.text };
  const type = checker.getTypeAtLocation(inner);
  return type.isStringLiteral() ? { known: true, name: type.value } : { known: false };
}

/**
 * The event name of a raw track call: its first argument (analytics-next, the snippet:
 * `track('Order Completed', props)`), or the `event` of its message (analytics-node,
 * RudderStack's Node SDK: `track({ event: 'Order Completed', userId })`).
 */
export function trackedEventName(checker: ts.TypeChecker, call: ts.CallExpression): EventName {
  const [first] = call.arguments;
  if (first === undefined) return { known: false };
  const inner = unwrap(first);
  if (ts.isObjectLiteralExpression(inner)) {
    for (const property of inner.properties) {
      const key = property.name;
      if (key === undefined || !(ts.isIdentifier(key) || ts.isStringLiteral(key)) || key.text !== 'event') continue;
      if (ts.isPropertyAssignment(property)) return nameFrom(checker, property.initializer);
      if (ts.isShorthandPropertyAssignment(property)) return nameFrom(checker, property.name);
    }
    return { known: false };
  }
  const type = checker.getTypeAtLocation(inner);
  if (type.flags & ts.TypeFlags.StringLike || type.flags & ts.TypeFlags.Any) return nameFrom(checker, inner);
  const event = type.getProperty('event');
  if (event === undefined) return { known: false };
  const eventType = checker.getTypeOfSymbolAtLocation(event, inner);
  return eventType.isStringLiteral() ? { known: true, name: eventType.value } : { known: false };
}
