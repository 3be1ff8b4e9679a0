// json-schema-to-typescript sees no name from the plan: it rewrites names its own
// way (`Viewed3dModel` becomes `Viewed3DModel`) and walks property maps as plain
// objects (a key `hasOwnProperty` or `__proto__` breaks it). Type names and
// property keys go in as placeholders and are put back in its output, keys
// through the one escaping function.
import { propertyKey } from './escape.js';

// Letters then digits: json-schema-to-typescript keeps such a name as it is.
const TYPE_PREFIX = 'PlangenType';
const KEY_PREFIX = 'plangenKey';

// A comment (the plan's text in it cannot close it: escape.ts), a double-quoted literal, or a placeholder.
const TOKENS = /\/\*[\s\S]*?\*\/|"(?:[^"\\\n]|\\.)*"|\b(?:PlangenType|plangenKey)\d+\b/g;

export class Placeholders {
  private readonly byName = new Map<string, string>();
  private readonly byKey = new Map<string, string>();
  private readonly restored = new Map<string, string>();

  /** The placeholder for a type name of the generated file. */
  type(name: string): string {
    return this.placeholder(this.byName, TYPE_PREFIX, name, name);
  }

  /** The placeholder for a property key of the plan. */
  key(property: string): string {
    return this.placeholder(this.byKey, KEY_PREFIX, property, propertyKey(property));
  }

  /** The output with every placeholder outside comments and string literals replaced by what it stands for. */
  restore(output: string): string {
    return output.replace(TOKENS, (token) => this.restored.get(token) ?? token);
  }

  private placeholder(known: Map<string, string>, prefix: string, text: string, printed: string): string {
    let placeholder = known.get(text);
    if (placeholder === undefined) {
      placeholder = `${prefix}${this.restored.size}`;
      known.set(text, placeholder);
      this.restored.set(placeholder, printed);
    }
    return placeholder;
  }
}
