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
import { contentDefinedChunks } from './type-chunks.js';
import { buildSdkView, callWrappers, eventWrappers, eventWrappersInput, sdkViewHead, type SdkView, type WrapperView } from './view-model.js';

const TEMPLATE = 'sdk.ts.hbs';
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
  for (const events of contentDefinedChunks(model.events)) {
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
