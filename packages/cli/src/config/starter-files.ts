// What `plangen init` writes: a config and a minimal native-format plan with
// one event in two versions, so the first `plangen` run shows versioned wrappers.
import type { ClientKind } from '../generate/options.js';

export const STARTER_CONFIG_FILE = 'plangen.config.json';
export const STARTER_PLAN_FILE = 'plan.yaml';
export const STARTER_OUT = 'src/analytics';

export function starterConfig(client: ClientKind): string {
  return `${JSON.stringify({ plan: STARTER_PLAN_FILE, out: STARTER_OUT, client }, null, 2)}\n`;
}

export const STARTER_PLAN = `# The tracking plan: every event the app sends, with typed, versioned properties.
# Add a version instead of changing one that is in production.
name: My App
events:
  # Keyed by the event name exactly as the app sends it.
  Signed Up:
    description: A user created an account.
    versions:
      - version: 1
        properties:
          method:
            type: string
            required: true
            description: How the user signed up, such as email or google.
      - version: 2
        properties:
          method:
            type: string
            required: true
            description: How the user signed up, such as email or google.
          referrer:
            type: string
            description: The page the user came from, if known.
`;
