import { lookup } from 'mrmime';

/** What mrmime's list (from mime-db) leaves out that decks use. */
const EXTRA: Record<string, string> = { ico: 'image/x-icon', eot: 'application/vnd.ms-fontobject' };

/**
 * The media type of a file by its extension, for the servers, the exporters and the diagram
 * renderer's page: mrmime's standard list (captions, QuickTime, M4A, CSV…), text types in UTF-8.
 */
export function mimeType(file: string): string {
  const ext = file.slice(file.lastIndexOf('.') + 1).toLowerCase();
  const type = lookup(file) ?? EXTRA[ext] ?? 'application/octet-stream';
  return isText(type) ? `${type}; charset=utf-8` : type;
}

/** Types worth compressing, and read as text: markup, scripts, styles, JSON, SVG, captions. */
export function isText(type: string): boolean {
  return /^text\/|^application\/(json|javascript|xml)|^image\/svg\+xml/.test(type);
}

export function dataUri(file: string, data: Uint8Array): string {
  const type = mimeType(file).replace(/;.*$/, '');
  return `data:${type};base64,${Buffer.from(data).toString('base64')}`;
}
