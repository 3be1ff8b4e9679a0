// What `plangen init` prints after writing the starter files: how to generate,
// and how the app calls configure() with its analytics client, then a wrapper
// of the starter plan, in the shape that client's SDK takes.
import type { ClientChoice, ClientPackage } from './detect-client.js';
import { STARTER_CONFIG_FILE, STARTER_OUT, STARTER_PLAN_FILE } from './starter-files.js';

/** How each client package is set up and handed to configure(), and a call of the starter plan's wrapper. */
const SNIPPETS: Readonly<Record<ClientPackage | 'generic', readonly string[]>> = {
  '@segment/analytics-next': [
    "import { AnalyticsBrowser } from '@segment/analytics-next';",
    `import { configure, trackSignedUp } from './${STARTER_OUT}/index.js';`,
    "configure({ analytics: AnalyticsBrowser.load({ writeKey: '<write key>' }) });",
    "trackSignedUp({ method: 'email' });",
  ],
  '@segment/analytics-node': [
    "import { Analytics } from '@segment/analytics-node';",
    `import { configure, trackSignedUp } from './${STARTER_OUT}/index.js';`,
    "configure({ analytics: new Analytics({ writeKey: '<write key>' }) });",
    "trackSignedUp({ userId: 'user-1', properties: { method: 'email' } });",
  ],
  '@segment/analytics-react-native': [
    "import { createClient } from '@segment/analytics-react-native';",
    `import { configure, trackSignedUp } from './${STARTER_OUT}/index.js';`,
    "configure({ analytics: createClient({ writeKey: '<write key>' }) });",
    "await trackSignedUp({ method: 'email' });",
  ],
  '@rudderstack/analytics-js': [
    "import { RudderAnalytics } from '@rudderstack/analytics-js';",
    `import { configure, trackSignedUp } from './${STARTER_OUT}/index.js';`,
    'const analytics = new RudderAnalytics();',
    "analytics.load('<write key>', '<data plane URL>');",
    'configure({ analytics });',
    "trackSignedUp({ method: 'email' });",
  ],
  '@rudderstack/rudder-sdk-node': [
    "import Analytics from '@rudderstack/rudder-sdk-node';",
    `import { configure, trackSignedUp } from './${STARTER_OUT}/index.js';`,
    "configure({ analytics: new Analytics('<write key>', { dataPlaneUrl: '<data plane URL>' }) });",
    "trackSignedUp({ userId: 'user-1', properties: { method: 'email' } });",
  ],
  generic: [
    `import { configure, trackSignedUp } from './${STARTER_OUT}/index.js';`,
    '// Any client with analytics.js methods: track(event, properties, options, callback), identify, ...',
    'configure({ analytics: myAnalyticsClient });',
    "trackSignedUp({ method: 'email' });",
  ],
};

export function initNextSteps(choice: ClientChoice): string {
  return [
    `plangen: wrote ${STARTER_CONFIG_FILE} and ${STARTER_PLAN_FILE} (client ${choice.client}: ${choice.reason})`,
    '',
    'Next steps:',
    `  1. Describe your events in ${STARTER_PLAN_FILE}.`,
    `  2. Run \`npx plangen\` to generate the typed SDK into ${STARTER_OUT}.`,
    '  3. In your app, call configure() once with your analytics client, then the track functions:',
    '',
    ...SNIPPETS[choice.package].map((line) => `       ${line}`),
    '',
  ].join('\n');
}
