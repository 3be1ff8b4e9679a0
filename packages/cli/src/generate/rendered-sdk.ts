// index.ts's text before the layout: sdk.ts.hbs over the view (view-model.ts). With
// a cache, the template's wrappers, which it prints last and one after another, are
// printed per group of events and kept by what those events' wrappers read
// (eventWrappersInput), so a run after one event changed builds and prints that
// event's group only. Each group is printed by the template itself, over a view
// that holds only its wrappers, less what that view prints without them: the
// template stays the one source of the text (rendered-sdk.test.ts checks the pieces
// join to the whole render).
import type { PlanModel } from '../model/types.js';
import type { GenerateOptions } from './options.js';
import { render } from './render.js';
import { keepsParts, type StageCache } from './stage-cache.js';
import { textDigest } from './text-digest.js';
import { buildSdkView, callWrappers, eventWrappers, eventWrappersInput, sdkViewHead, type SdkView, type WrapperView } from './view-model.js';

const TEMPLATE = 'sdk.ts.hbs';
// Groups of 16 events on average, cut after an event whose name hashes to a cut, so an added or removed event
// moves no other group's cut; at most 64.
const AVERAGE_GROUP = 16;
const LONGEST_GROUP = 64;
const KIND = 'sdk-event-wrappers';

// A view that prints nothing of its own but the template's fixed text, around `wrappers`.
const BARE_VIEW: SdkView = {
  header: [],
  coreImportList: '',
  validatorImportList: '',
  validatorsModule: '',
  types: '',
  aliases: [],
  runtime: '',
  configureSignature: '',
  wrappers: [],
};

export function renderSdk(model: PlanModel, options: GenerateOptions, types: string, cache: StageCache): string {
  if (!keepsParts(cache)) return render(TEMPLATE, buildSdkView(model, options, types));
  const bare = render(TEMPLATE, BARE_VIEW);
  const printWrappers = (wrappers: readonly WrapperView[]): string => {
    const text = render(TEMPLATE, { ...BARE_VIEW, wrappers });
    if (!text.startsWith(bare)) throw new Error(`plangen: ${TEMPLATE} must print its wrappers last`);
    return text.slice(bare.length);
  };
  const pieces = [render(TEMPLATE, sdkViewHead(model, options, types))];
  const settings = JSON.stringify([options.client, options.mode]);
  for (const events of groupsOfEvents(model.events)) {
    const input = textDigest(`${settings}\n${events.map(eventWrappersInput).join('\n')}`);
    let text = cache.get<unknown>(KIND, input);
    if (typeof text !== 'string') {
      text = printWrappers(events.flatMap((event) => eventWrappers(event, options)));
      cache.set(KIND, input, text);
    }
    pieces.push(text as string);
  }
  pieces.push(printWrappers(callWrappers(model, options)));
  return pieces.join('');
}

/** The events cut into groups by their names (FNV-1a of the UTF-16 text: a cut needs no cryptographic hash). */
export function groupsOfEvents<T extends { readonly name: string }>(events: readonly T[]): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  for (const event of events) {
    current.push(event);
    let hash = 0x811c9dc5;
    for (let index = 0; index < event.name.length; index++) hash = Math.imul(hash ^ event.name.charCodeAt(index), 0x01000193);
    if ((hash >>> 0) % AVERAGE_GROUP === 0 || current.length >= LONGEST_GROUP) {
      groups.push(current);
      current = [];
    }
  }
  if (current.length > 0) groups.push(current);
  return groups;
}
