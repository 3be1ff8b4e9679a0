// Labels as the list of key:value pairs they are: a key with several values
// (`platform: [ios, android]`) is several labels, shown one by one wherever
// labels are printed (inspect, the generated doc comments).
import type { Labels } from './types.js';

export function labelPairs(labels: Labels): [string, string][] {
  return Object.entries(labels).flatMap(([key, value]): [string, string][] => (typeof value === 'string' ? [[key, value]] : value.map((one) => [key, one])));
}
