// plangen init picks analytics-react-native for a project depending on @segment/analytics-react-native (issue 19).
import { describe, expect, it } from 'vitest';
import { chooseClient } from '../../packages/cli/src/config/detect-client.js';
import { initNextSteps } from '../../packages/cli/src/config/init-next-steps.js';

describe('init with @segment/analytics-react-native', () => {
  it('chooses analytics-react-native and shows createClient() handed to configure()', () => {
    const choice = chooseClient(undefined, ['@segment/analytics-react-native']);
    expect(choice).toEqual({ client: 'analytics-react-native', package: '@segment/analytics-react-native', reason: '@segment/analytics-react-native is in package.json' });
    const steps = initNextSteps(choice);
    expect(steps).toContain("configure({ analytics: createClient({ writeKey: '<write key>' }) });");
    expect(steps).toContain("await trackSignedUp({ method: 'email' });");
  });

  it('with a Node client too, falls back to analytics-next and says so', () => {
    expect(chooseClient(undefined, ['@segment/analytics-node', '@segment/analytics-react-native']).client).toBe('analytics-next');
  });
});
