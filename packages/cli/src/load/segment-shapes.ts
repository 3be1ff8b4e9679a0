// The parts of Segment's two export formats that plangen reads, as JSON Schemas,
// so malformed exports get the same located errors as native plans. Everything
// else Segment writes (ids, timestamps, slugs) is accepted and ignored.
import type { JsonSchema } from '../model/types.js';

const RULE_TYPES = ['TRACK', 'IDENTIFY', 'GROUP', 'PAGE', 'SCREEN', 'COMMON'];
const version: JsonSchema = { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER };

export const PUBLIC_API_SHAPE: JsonSchema = {
  type: 'object',
  required: ['rules'],
  properties: {
    name: { type: 'string' },
    description: { type: 'string' },
    rules: {
      type: 'array',
      items: {
        type: 'object',
        required: ['type', 'jsonSchema'],
        properties: {
          key: { type: 'string' },
          type: { enum: RULE_TYPES },
          version,
          jsonSchema: { type: 'object' },
        },
      },
    },
  },
};

export const CONFIG_API_SHAPE: JsonSchema = {
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
              description: { type: 'string' },
              version,
              rules: { type: 'object' },
            },
          },
        },
        global: { type: 'object' },
        identify: { type: 'object' },
        group: { type: 'object' },
        identify_traits: { type: ['object', 'array'] },
        group_traits: { type: ['object', 'array'] },
      },
    },
  },
};
