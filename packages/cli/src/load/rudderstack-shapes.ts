// The parts of RudderStack's two tracking-plan exports that plangen reads, as JSON Schemas,
// so malformed plans get the same located errors as the other formats. Everything else
// RudderStack writes (ids, timestamps, workspace, the plan's own version) is accepted and
// ignored. Event versions are checked by rudderstack-version.ts, which can say what a
// RudderStack version looks like.
import type { JsonSchema } from '../model/types.js';

export const RUDDERSTACK_EVENT_TYPES = ['track', 'identify', 'page', 'screen', 'group'] as const;

/** Tracking Plan API v1 (RudderTyper 1.x): Segment's Config API shape with string versions. */
export const TRACKING_PLAN_API_SHAPE: JsonSchema = {
  type: 'object',
  required: ['rules'],
  properties: {
    name: { type: 'string' },
    display_name: { type: 'string' },
    rules: {
      type: 'object',
      properties: {
        events: {
          type: 'array',
          items: {
            type: 'object',
            required: ['name', 'rules'],
            properties: {
              name: { type: 'string' },
              // null, as API responses may carry for a missing description, reads as none.
              description: { type: ['string', 'null'] },
              rules: { type: 'object' },
            },
          },
        },
        global: { type: 'object' },
        identify: { type: 'object' },
        group: { type: 'object' },
        // RudderStack looks any other call up under its type (rudder-transformer's getEventSchema).
        page: { type: 'object' },
        screen: { type: 'object' },
        identify_traits: { type: ['object', 'array'] },
        group_traits: { type: ['object', 'array'] },
      },
    },
  },
};

/**
 * Data Catalog API (RudderTyper 2): one `rules.events` list of every call type, each tagged with `eventType`;
 * plans written before non-track rules existed have no `eventType` (every rule is a track rule).
 */
export const DATA_CATALOG_API_SHAPE: JsonSchema = {
  type: 'object',
  required: ['rules'],
  properties: {
    name: { type: 'string' },
    description: { type: 'string' },
    rules: {
      type: 'object',
      required: ['events'],
      properties: {
        events: {
          type: 'array',
          items: {
            type: 'object',
            required: ['rules'],
            properties: {
              name: { type: 'string' },
              // null, as API responses may carry for a missing description, reads as none.
              description: { type: ['string', 'null'] },
              eventType: { enum: [...RUDDERSTACK_EVENT_TYPES] },
              rules: { type: 'object' },
            },
          },
        },
      },
    },
  },
};
