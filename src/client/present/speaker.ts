import { Driver, tokenFromHash } from './driver';
import { FrameDeck, frameUrl } from './frame-deck';
import { TalkClock } from './talk-clock';
import { byId, forwardKeys, notesSize, readViewConfig, showCount, showNotes, showStatus } from './view-parts';

/**
 * The speaker view, on the presenter's laptop: the current slide (which the presenter drives,
 * with the keyboard here or inside it), the next step, notes, the timer, clock and pacing.
 */
const config = readViewConfig();

async function start(): Promise<void> {
  const [current, next] = await Promise.all([
    FrameDeck.load(byId<HTMLIFrameElement>('deck-present-current'), frameUrl(config.frameUrl)),
    FrameDeck.load(byId<HTMLIFrameElement>('deck-present-next'), frameUrl(config.frameUrl, { controls: false, keyboard: false, touch: false, slideNumber: false })),
  ]);
  const notes = byId('deck-present-notes');
  const count = byId('deck-present-count');
  const end = byId('deck-present-end');
  const clock = new TalkClock(current, { elapsed: byId('deck-present-elapsed'), clock: byId('deck-present-clock'), pacing: byId('deck-present-pacing') });

  const showUpcoming = async () => {
    // The preview shows what comes next even while the room is blacked out.
    end.hidden = !(await next.preview({ ...current.position, paused: false }));
  };
  const driver = new Driver(current, tokenFromHash(), {
    state: (s) => showStatus(byId('deck-present-status'), s),
    moved: () => {
      showNotes(notes, current);
      showCount(count, current);
      void showUpcoming();
      clock.render();
    },
    timer: (ms) => clock.setElapsed(ms),
    remote: (info) => showRemoteLink(info),
  }, [current, next]);
  byId('deck-present-reset').addEventListener('click', () => driver.resetTimer());
  forwardKeys(current, notesSize(notes, byId('deck-present-notes-smaller'), byId('deck-present-notes-larger'), byId('deck-present-notes-size')));
  showNotes(notes, current);
  showCount(count, current);
  await showUpcoming();
  document.documentElement.dataset.deckViewReady = 'true';
}

function showRemoteLink(info: { url: string; qrSvg: string } | undefined): void {
  const button = byId('deck-present-remote');
  button.hidden = !info;
  if (!info) return;
  const dialog = byId<HTMLDialogElement>('deck-present-remote-dialog');
  byId('deck-present-remote-qr').innerHTML = info.qrSvg;
  byId('deck-present-remote-link').textContent = info.url;
  button.onclick = () => dialog.showModal();
}

void start();
