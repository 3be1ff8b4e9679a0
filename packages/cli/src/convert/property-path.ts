// A property row names its place under the event as a path: `filters.price.min`
// for nested objects, `products[].product_id` for the properties of an array's
// items, `tags[]` for the items themselves. A name holding `.`, `[`, `]` or `\`
// escapes it with `\` (`size\.eu`).

export type PathStep = { readonly property: string } | { readonly items: true };

const SPECIAL = /[.[\]\\]/g;

export function formatPath(steps: readonly PathStep[]): string {
  let text = '';
  for (const step of steps) {
    if ('items' in step) text += '[]';
    else text += `${text === '' ? '' : '.'}${step.property.replace(SPECIAL, (char) => `\\${char}`)}`;
  }
  return text;
}

/** The steps of a path, or the problem with it and the 1-based character where it is. */
export function parsePath(text: string): { steps: PathStep[] } | { problem: string; at: number } {
  const steps: PathStep[] = [];
  let name = '';
  let named = false;
  const endName = () => {
    steps.push({ property: name });
    name = '';
    named = false;
  };
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (char === '\\') {
      const next = text[index + 1];
      if (next === undefined || !'.[]\\'.includes(next)) return { problem: 'a "\\" escapes only ".", "[", "]" or "\\"', at: index + 1 };
      name += next;
      named = true;
      index += 1;
    } else if (char === '.') {
      if (named) endName();
      else if (steps.length === 0 || !('items' in steps.at(-1)!)) return { problem: 'an empty name before "."', at: index + 1 };
      if (index === text.length - 1) return { problem: 'a name must follow "."', at: index + 1 };
    } else if (char === '[') {
      if (text[index + 1] !== ']') return { problem: '"[" must be followed by "]" (items of an array: products[].id)', at: index + 1 };
      if (named) endName();
      else if (steps.length === 0) return { problem: 'a property name must come before "[]"', at: index + 1 };
      steps.push({ items: true });
      index += 1;
    } else if (char === ']') {
      return { problem: 'a "]" without "["', at: index + 1 };
    } else {
      if (!named && steps.length > 0 && 'items' in steps.at(-1)! && text[index - 1] !== '.') return { problem: 'a "." must separate "[]" from the next name', at: index + 1 };
      name += char;
      named = true;
    }
  }
  if (named) endName();
  if (steps.length === 0) return { problem: 'the property name is empty', at: 1 };
  return { steps };
}
