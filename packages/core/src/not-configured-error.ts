/** A wrapper ran before `configure({ analytics })`, or the configured client lacks the method it needs. */
export class PlangenNotConfiguredError extends Error {
  override readonly name = 'PlangenNotConfiguredError';
}
