/**
 * Joins PDFs printed part by part into one, in order, with the deck's title in its metadata.
 * pdf-lib is loaded only here: nothing else in Deckhand reads or writes PDF.
 */
export async function mergePdfs(parts: readonly Uint8Array[], meta: { title: string }): Promise<{ pdf: Uint8Array; pages: number }> {
  // pdf-lib is CommonJS: bundled for Node, its exports arrive as the namespace's default.
  const lib = (await import('pdf-lib')) as typeof import('pdf-lib') & { default?: typeof import('pdf-lib') };
  const { PDFDocument } = lib.default ?? lib;
  const out = await PDFDocument.create({ updateMetadata: false });
  for (const part of parts) {
    const doc = await PDFDocument.load(part, { updateMetadata: false });
    for (const page of await out.copyPages(doc, doc.getPageIndices())) out.addPage(page);
  }
  out.setTitle(meta.title, { showInWindowTitleBar: true });
  out.setCreator('Deckhand');
  out.setProducer('Deckhand (Chromium, pdf-lib)');
  out.setCreationDate(new Date());
  // Plain objects (no object streams): the metadata stays readable, so a later export knows this file is its own.
  return { pdf: await out.save({ useObjectStreams: false }), pages: out.getPageCount() };
}
