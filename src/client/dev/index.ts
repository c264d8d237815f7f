import { offerPlugin } from '../plugin-registry';
import { ChecksPanel } from './checks-panel';
import { DevClient } from './dev-client';
import { FollowToggle } from './follow-toggle';

/**
 * The dev server's bundle, loaded before the runtime: the client (socket, patches, overlay)
 * starts at once, and with the follow toggle and the checks panel it is offered to reveal.js as
 * plugins (see plugin-registry.ts). A frame of reveal.js's speaker view (`?receiver`) gets the
 * client only: it follows its parent window, not the edits.
 */
const deckName = decodeURIComponent(location.pathname.split('/')[1] ?? '');
const receiver = /[?&]receiver\b/.test(location.search);

const client = new DevClient(deckName, receiver);
offerPlugin(() => client);
if (!receiver) {
  offerPlugin(() => new FollowToggle());
  offerPlugin(() => new ChecksPanel());
}
