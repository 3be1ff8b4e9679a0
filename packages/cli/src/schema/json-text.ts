// A frozen value's JSON text, spelt once: the validators' planning and the types'
// chunks both key their cache entries by the text of each schema of the model
// (each spelling of a 500-event plan's schemas is ~20 ms). Only a frozen value's
// text is kept (the model is deep-frozen: model/deep-freeze.ts), so a text can
// never outlive a change to its value.
const texts = new WeakMap<object, string>();

/** JSON.stringify(value), kept for a frozen object or array: frozen as model/deep-freeze.ts freezes, every value inside it too. */
export function jsonText(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  let text = texts.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    if (Object.isFrozen(value)) texts.set(value, text);
  }
  return text;
}
