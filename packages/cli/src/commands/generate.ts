// Placeholder until the generate command lands; it is not registered as working anywhere.
export async function run(_args: Record<string, unknown>): Promise<number> {
  process.stderr.write('plangen generate: not available in this build yet\n');
  return 2;
}
