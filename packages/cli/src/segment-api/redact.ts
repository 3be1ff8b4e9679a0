// The Public API token must never reach a terminal, a log or a file: every
// message the client builds (its own, the server's, fetch's) passes through here.

export const REDACTED = '[redacted token]';

/** `text` with every occurrence of `secret` replaced; the text itself when there is no secret. */
export function redact(text: string, secret: string | undefined): string {
  if (secret === undefined || secret === '') return text;
  return text.split(secret).join(REDACTED);
}
