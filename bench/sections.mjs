// Benchmarks of single features, each a module of its own: `run(context)` measures and
// returns the section's markdown (a `## ` heading, then tables and lines). run.mjs runs
// them after the codegen comparison, in this order; a failing one becomes a note.
//
// context: { workDir, plangenBin, coreEntry, quick, plans: [{ name, label, events, file }], log }
export const SECTIONS = [
  { title: 'start-up: a cold generation against node -e 0 (issue 15)', load: () => import('./startup.mjs') },
  { title: 'per call through the real clients (issue 15)', load: () => import('./real-client-call.mjs') },
  { title: 'profile of a cold generation of the reference plan (issue 15)', load: () => import('./profile-codegen.mjs') },
  { title: 'nothing changed, and one event changed (issue 15)', load: () => import('./incremental.mjs') },
  { title: 'large plans: 10,000 events within the default heap (issue 15)', load: () => import('./large.mjs') },
  { title: 'reading a plan: plangen inspect against node -e 0 (issue 15)', load: () => import('./load-plan.mjs') },
  { title: 'plangen docs on the 2,000-event plan', load: () => import('./docs-page.mjs') },
  { title: 'plangen audit on the 2,000-file synthetic app', load: () => import('./audit.mjs') },
  { title: 'several outputs in one run (issue 19)', load: () => import('./outputs.mjs') },
  { title: 'pull, push and spreadsheets on the 2,000-event plan (issue 17)', load: () => import('./sync.mjs') },
];
