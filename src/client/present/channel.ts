import type { PresentCommand, PresentMessage } from '../../protocol/present-messages';

export interface Channel {
  /** Sends if the socket is open; returns whether it was sent. */
  send(command: PresentCommand): boolean;
  /** Drops the socket and connects again (a command went unanswered: the link may be dead). */
  reconnect(): void;
}

export interface ChannelHandlers {
  message(m: PresentMessage): void;
  open(): void;
  close(): void;
}

/**
 * The presenter server's WebSocket, as the dev client uses it: typed messages in, commands out,
 * and reconnection with back-off after a restart or a network change.
 */
export function openChannel(handlers: ChannelHandlers): Channel {
  let ws: WebSocket | undefined;
  let delay = 250;
  const connect = () => {
    const socket = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/_deckhand/ws`);
    ws = socket;
    socket.onopen = () => {
      delay = 250;
      handlers.open();
    };
    socket.onmessage = (e) => {
      if (socket === ws) handlers.message(JSON.parse(String(e.data)) as PresentMessage);
    };
    socket.onclose = () => {
      if (socket !== ws) return;
      handlers.close();
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 2000);
    };
  };
  connect();
  return {
    send(command) {
      if (ws?.readyState !== WebSocket.OPEN) return false;
      ws.send(JSON.stringify(command));
      return true;
    },
    reconnect() {
      const old = ws;
      ws = undefined;
      old?.close();
      handlers.close();
      connect();
    },
  };
}
