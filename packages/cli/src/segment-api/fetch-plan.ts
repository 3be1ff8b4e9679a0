// The remote tracking plan as pull writes it: its details, every rule (all
// pages), and the plan.json text. push reads the same, to compare against.
import type { SegmentClient } from './http-client.js';
import { planFileText } from './plan-file.js';
import { getTrackingPlan, listRules, type ListProgress, type Rule, type TrackingPlanInfo } from './tracking-plans.js';

export interface RemotePlan {
  readonly info: TrackingPlanInfo;
  readonly rules: readonly Rule[];
  readonly text: string;
}

export async function fetchPlan(client: SegmentClient, id: string, onPage?: (progress: ListProgress) => void): Promise<RemotePlan> {
  const info = await getTrackingPlan(client, id);
  const rules = await listRules(client, id, onPage);
  return { info, rules, text: planFileText(info, rules) };
}
