// The token comes from the environment only: never from a flag (shell history,
// process lists) or a file (committed by mistake), and is never written anywhere.
import { PlanError } from '../errors.js';

export const TOKEN_VARIABLE = 'SEGMENT_PUBLIC_API_TOKEN';

export function readToken(env: NodeJS.ProcessEnv, access: 'read' | 'write'): string {
  const token = env[TOKEN_VARIABLE]?.trim();
  if (token === undefined || token === '') {
    const role = access === 'read' ? 'Tracking Plan Read-only' : 'Tracking Plan Admin';
    throw new PlanError(
      { file: TOKEN_VARIABLE },
      'the Segment Public API token is missing: the environment variable is not set',
      `Create a Public API token in Segment (Settings > Access Management > Tokens) with the ${role} role and export it as ${TOKEN_VARIABLE}`,
    );
  }
  return token;
}
