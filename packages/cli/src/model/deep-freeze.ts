// The model is shared by every stage; freezing it makes an accidental mutation in
// one stage fail loudly instead of changing what the next stage sees.
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  // Index loops rather than Object.values: a load freezes every node of every schema, and the arrays of values
  // were half the time (the model's arrays hold only items: they come from JSON or YAML data and from the loader).
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) deepFreeze(value[index]);
  } else {
    const object = value as Record<string, unknown>;
    const keys = Object.keys(object);
    for (let index = 0; index < keys.length; index++) deepFreeze(object[keys[index]!]);
  }
  return Object.freeze(value);
}
