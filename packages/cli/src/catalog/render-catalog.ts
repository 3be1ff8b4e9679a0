// The catalog stage: pure, like generate: the model and the SDK's signatures in,
// the files of `--out` out (`index.html`, or README.md and events/*.md).
import type { GeneratedFile } from '../generate/options.js';
import type { SdkSignatures } from '../model/sdk-signatures.js';
import type { PlanModel } from '../model/types.js';
import { catalogView } from './catalog-view.js';
import type { DocsFormat } from './formats.js';
import { renderHtml } from './render-html.js';
import { renderMarkdown } from './render-markdown.js';

export function renderCatalog(model: PlanModel, sdk: SdkSignatures, format: DocsFormat): GeneratedFile[] {
  const view = catalogView(model, sdk);
  return format === 'markdown' ? renderMarkdown(view) : [{ path: 'index.html', content: renderHtml(view) }];
}
