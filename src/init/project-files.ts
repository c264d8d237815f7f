/**
 * The files around the example deck: package.json (Deckhand as a devDependency, one script per
 * command), .gitignore and a three-line README. Each takes the project's name, which is also the
 * deck's folder under slides/.
 */
export function packageJson(name: string, version: string): string {
  const deck = `slides/${name}`;
  const pkg = {
    name,
    version: '0.1.0',
    private: true,
    description: `${name}: slides written in Markdown with Deckhand`,
    scripts: {
      dev: `deckhand dev ${deck}`,
      build: `deckhand build ${deck}`,
      check: `deckhand check ${deck}`,
      export: `deckhand export ${deck} -o ${name}.pdf`,
      'export:html': `deckhand export ${deck} -o ${name}.html`,
      present: `deckhand present ${deck}`,
    },
    devDependencies: { deckhand: `^${version}` },
  };
  return JSON.stringify(pkg, null, 2) + '\n';
}

export function gitignore(name: string): string {
  return ['node_modules/', 'dist/', `${name}.pdf`, `${name}.html`, ''].join('\n');
}

export function readme(name: string): string {
  return [
    `# ${name}`,
    '',
    `Slides written in Markdown (\`slides/${name}/\`) and built into a reveal.js deck by [Deckhand](https://www.npmjs.com/package/deckhand).`,
    'Run `npm install` once, then `npm run dev` for a live preview (`npm run check`, `npm run build`, `npm run export` when it is ready).',
    '',
  ].join('\n');
}
