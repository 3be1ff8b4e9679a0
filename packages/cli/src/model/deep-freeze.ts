// The model is shared by every stage; freezing it makes an accidental mutation in
// one stage fail loudly instead of changing what the next stage sees.
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  for (const child of Object.values(value)) deepFreeze(child);
  return Object.freeze(value);
}
