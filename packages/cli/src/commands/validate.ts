// Placeholder until the validate command lands; it is not registered as working anywhere.
export async function run(_args: Record<string, unknown>): Promise<number> {
  process.stderr.write('plangen validate: not available in this build yet\n');
  return 2;
}
