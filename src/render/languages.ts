import type { LanguageFn } from 'highlight.js';
import xml from 'highlight.js/lib/languages/xml';
import bash from 'highlight.js/lib/languages/bash';
import c from 'highlight.js/lib/languages/c';
import cpp from 'highlight.js/lib/languages/cpp';
import csharp from 'highlight.js/lib/languages/csharp';
import css from 'highlight.js/lib/languages/css';
import markdown from 'highlight.js/lib/languages/markdown';
import diff from 'highlight.js/lib/languages/diff';
import ruby from 'highlight.js/lib/languages/ruby';
import go from 'highlight.js/lib/languages/go';
import graphql from 'highlight.js/lib/languages/graphql';
import ini from 'highlight.js/lib/languages/ini';
import java from 'highlight.js/lib/languages/java';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import kotlin from 'highlight.js/lib/languages/kotlin';
import less from 'highlight.js/lib/languages/less';
import lua from 'highlight.js/lib/languages/lua';
import makefile from 'highlight.js/lib/languages/makefile';
import perl from 'highlight.js/lib/languages/perl';
import objectivec from 'highlight.js/lib/languages/objectivec';
import php from 'highlight.js/lib/languages/php';
import phpTemplate from 'highlight.js/lib/languages/php-template';
import plaintext from 'highlight.js/lib/languages/plaintext';
import python from 'highlight.js/lib/languages/python';
import pythonRepl from 'highlight.js/lib/languages/python-repl';
import r from 'highlight.js/lib/languages/r';
import rust from 'highlight.js/lib/languages/rust';
import scss from 'highlight.js/lib/languages/scss';
import sql from 'highlight.js/lib/languages/sql';
import swift from 'highlight.js/lib/languages/swift';
import yaml from 'highlight.js/lib/languages/yaml';
import typescript from 'highlight.js/lib/languages/typescript';
import vbnet from 'highlight.js/lib/languages/vbnet';
import wasm from 'highlight.js/lib/languages/wasm';
import dockerfile from 'highlight.js/lib/languages/dockerfile';
import nginx from 'highlight.js/lib/languages/nginx';
import powershell from 'highlight.js/lib/languages/powershell';

/**
 * highlight.js's bash, reading a command-line option (`--rm`, `-it`) as one word: the grammar
 * finds its built-ins at any word boundary, so the `rm` of `docker run --rm` was coloured as
 * the rm command (31 times in the flagship deck).
 */
const bashWithOptions: LanguageFn = (hljs) => {
  const language = bash(hljs);
  return { ...language, contains: [{ match: /(?<![\w$-])--?[A-Za-z][\w-]*/, relevance: 0 }, ...(language.contains ?? [])] };
};

/**
 * The languages build-time highlighting knows: highlight.js's common set plus what the
 * flagship deck and Docker talks need (Dockerfile, nginx, PowerShell). Registered on Deckhand's
 * own highlight.js instance, never on the shared one other code may use. Terminal transcripts
 * (`console`, `shell-session`, `shell`) have their own highlighter: see console-session.ts.
 */
export const LANGUAGES: Record<string, LanguageFn> = {
  xml,
  bash: bashWithOptions,
  c,
  cpp,
  csharp,
  css,
  markdown,
  diff,
  ruby,
  go,
  graphql,
  ini,
  java,
  javascript,
  json,
  kotlin,
  less,
  lua,
  makefile,
  perl,
  objectivec,
  php,
  'php-template': phpTemplate,
  plaintext,
  python,
  'python-repl': pythonRepl,
  r,
  rust,
  scss,
  sql,
  swift,
  yaml,
  typescript,
  vbnet,
  wasm,
  dockerfile,
  nginx,
  powershell,
};
