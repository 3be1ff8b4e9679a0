// The one formatting pass over the generated index.ts.
import { format } from 'prettier';

export function formatTypeScript(source: string): Promise<string> {
  return format(source, { parser: 'typescript', printWidth: 120, singleQuote: true });
}
