import QRCode from 'qrcode';

/**
 * QR codes for links. The terminal form sets its own black-on-white colours, so it scans on
 * dark and light terminal themes alike; half-block characters keep it about 16 lines tall.
 */
export function renderTerminalQr(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'terminal', small: true, errorCorrectionLevel: 'L' });
}

/** An SVG element for a page (the speaker view shows the phone remote's link this way). */
export function renderSvgQr(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', margin: 2, errorCorrectionLevel: 'L' });
}
