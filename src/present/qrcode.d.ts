/** The part of `qrcode` (1.5, no bundled types) that Deckhand uses. */
declare module 'qrcode' {
  export interface ToStringOptions {
    type?: 'utf8' | 'svg' | 'terminal';
    /** Terminal only: two rows of modules per line of text. */
    small?: boolean;
    margin?: number;
    errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H';
  }
  export function toString(text: string, options?: ToStringOptions): Promise<string>;
  const QRCode: { toString: typeof toString };
  export default QRCode;
}
