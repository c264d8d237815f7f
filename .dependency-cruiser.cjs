/**
 * Deckhand's architecture, as rules a tool checks on every `npm test` (see README "Architecture").
 * Each rule's comment says why it exists.
 */
module.exports = {
  forbidden: [
    {
      name: 'pure-stages',
      comment: 'parse/ and render/ turn strings into data: no file system, no network, no processes, no server, browser or CLI code, so each stage is testable from plain strings and reusable in memory.',
      severity: 'error',
      from: { path: '^src/(parse|render)/' },
      to: { path: ['^(node:)?(fs|fs/promises|child_process|http|https|net|os|worker_threads)$', '^src/(server|client|present|cli|export|check|load|write|diagrams)/'] },
    },
    {
      name: 'pure-stages-read-no-environment',
      comment: 'Nothing parse/ or render/ depends on, however indirectly, may read the environment (cwd, DECKHAND_* variables): resolve-options.ts does, and the CLI and API pass its values in.',
      severity: 'error',
      from: { path: '^src/(parse|render)/' },
      to: { path: '^src/resolve-options\\.ts$', reachable: true },
    },
    {
      name: 'client-stays-in-the-browser',
      comment: 'Browser code (client/) is bundled for the page: it may use only itself and the shared protocol/ folder, never Node-side modules, not even pure ones.',
      severity: 'error',
      from: { path: '^src/client/' },
      to: { path: '^src/', pathNot: '^src/(client|protocol)/' },
    },
    {
      name: 'client-no-node',
      comment: 'Node built-ins do not exist in the page.',
      severity: 'error',
      from: { path: '^src/(client|protocol)/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'protocol-is-shared',
      comment: 'Messages between the browser and the servers are plain types and pure helpers, importable from both sides.',
      severity: 'error',
      from: { path: '^src/protocol/' },
      to: { path: '^src/', pathNot: '^src/protocol/' },
    },
    {
      name: 'only-bin-runs-the-cli',
      comment: 'The CLI maps arguments to the API and exit codes; nothing else may depend on it (bin/deckhand.js calls run()).',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'no-circular',
      comment: 'A cycle means two modules are one concern, or a stage reaches back into a later one.',
      severity: 'error',
      from: {},
      to: { circular: true, dependencyTypes: ['local', 'type-only', 'import'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
