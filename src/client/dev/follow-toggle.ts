import type { DeckPlugin } from '../plugin-registry';
import { keepActivationKeys } from './keys';

const KEY = 'deckhand-follow-edits';

export const FOLLOW_EDITS_PLUGIN = 'deckhand-dev-follow';

/** The page's "follow edits" switch: on by default, remembered per browser. */
export class FollowToggle implements DeckPlugin {
  readonly id = FOLLOW_EDITS_PLUGIN;
  on = localStorage.getItem(KEY) !== 'off';
  private readonly button = document.createElement('button');

  init(): void {
    const b = this.button;
    b.type = 'button';
    b.className = 'deck-dev-follow';
    b.setAttribute('style', 'position:fixed;left:10px;bottom:10px;z-index:2147483646;font:13px system-ui,sans-serif;padding:4px 10px;border-radius:14px;border:1px solid #8894a8;background:rgba(255,255,255,.85);color:#1b2330;cursor:pointer');
    b.addEventListener('click', () => this.set(!this.on));
    keepActivationKeys(b);
    this.render();
    document.body.appendChild(b);
  }

  destroy(): void {
    this.button.remove();
  }

  private set(on: boolean): void {
    this.on = on;
    localStorage.setItem(KEY, on ? 'on' : 'off');
    this.render();
  }

  private render(): void {
    this.button.textContent = this.on ? 'Follow edits: on' : 'Follow edits: off';
    this.button.setAttribute('aria-pressed', String(this.on));
    this.button.title = 'Jump to the slide you are editing';
  }
}
