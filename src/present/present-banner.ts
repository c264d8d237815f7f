import { slideLabel, type SlidePosition } from '../protocol/present-messages';
import type { PresentUrls } from './present-urls';

export interface BannerInputs {
  title: string;
  slides: number;
  urls: PresentUrls;
  /** The audience link as a terminal QR code, when other devices can reach it. */
  qr?: string;
  /** Where a resumed talk goes on from. */
  resumedAt?: SlidePosition;
}

/** What `deckhand present` prints once it listens: the three links, what each is for, and the QR code. */
export function formatPresentBanner(b: BannerInputs): string {
  const lines = [
    `deckhand: presenting "${b.title}" (${b.slides} slide${b.slides === 1 ? '' : 's'})`,
    `  audience  ${b.urls.audience}`,
    b.urls.shared ? '            for everyone in the room: the deck, following your slides (QR code below)' : '            this machine only: start with --host 0.0.0.0 (or this machine\'s address) to let the room join',
    `  speaker   ${b.urls.speaker}`,
    '            for this laptop: current and next slide, notes, timer',
    `  remote    ${b.urls.remote}`,
    '            for your phone: previous/next buttons, notes, timer',
    'The speaker and remote links hold the presenter token: whoever has them can drive the talk. Keep them off the projector.',
  ];
  if (b.qr) lines.push('', b.qr.trimEnd(), `  ${b.urls.audience}`);
  if (b.resumedAt) lines.push('', `Resumed the talk at slide ${slideLabel(b.resumedAt)} with the same links (--new-session starts over).`);
  lines.push('(Ctrl+C to stop)');
  return lines.join('\n');
}
