import type { NewFile } from '../write/write-new-files';
import { basicsChapter } from './deck-basics';
import { layoutChapter, WORKFLOW_DIAGRAM } from './deck-layout';
import { LOGO_SVG } from './logo-svg';
import { gitignore, packageJson, readme } from './project-files';

/**
 * Every file `deckhand init` writes, as data: paths relative to the new project's folder.
 * `name` is the project's npm name and its deck's folder; `version` is Deckhand's own.
 */
export function scaffoldFiles(name: string, version: string): NewFile[] {
  const deck = `slides/${name}`;
  return [
    { path: 'package.json', data: packageJson(name, version) },
    { path: '.gitignore', data: gitignore(name) },
    { path: 'README.md', data: readme(name) },
    { path: `${deck}/01-basics.md`, data: basicsChapter() },
    { path: `${deck}/02-diagrams-and-layout.md`, data: layoutChapter(name) },
    { path: `${deck}/images/logo.svg`, data: LOGO_SVG },
    { path: 'diagrams/workflow.mmd', data: WORKFLOW_DIAGRAM },
  ];
}

/**
 * An npm package name from a folder name: lower case, letters, digits, `-` and `_`, not
 * starting or ending with `-` or `_` ("My Talk 2025" → "my-talk-2025"); `my-talk` when nothing is left.
 */
export function projectName(folderName: string): string {
  const name = folderName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '')
    .slice(0, 100)
    .replace(/[-_]+$/g, '');
  return name || 'my-talk';
}
