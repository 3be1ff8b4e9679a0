// The `--format` choices of the commands that print a report (inspect, validate,
// diff, lint): one list, read by the flags in cli.ts and by each command's type.

export const OUTPUT_FORMATS = ['text', 'json'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** `plangen audit` also prints SARIF 2.1.0, for code scanning. */
export const AUDIT_OUTPUT_FORMATS = [...OUTPUT_FORMATS, 'sarif'] as const;
export type AuditOutputFormat = (typeof AUDIT_OUTPUT_FORMATS)[number];
