/**
 * The page's WebSocket to the Deckhand server it came from (`/_deckhand/ws`), shared by the dev
 * client and the present views: typed messages in (`In`), typed messages out (`Out`), JSON on
 * the wire, and reconnection with back-off (250 ms doubling to 2 s, each wait spread by ±50 %)
 * after a restart or a network change. The protocol types live in src/protocol/.
 */
export interface Socket<Out> {
  /** Sends if the socket is open; returns whether it was sent. */
  send(message: Out): boolean;
  /** Drops the socket and connects again (a command went unanswered: the link may be dead). */
  reconnect(): void;
  /** Closes for good: no more messages, no reconnection. */
  close(): void;
}

export interface SocketHandlers<In> {
  message(m: In): void;
  open?(): void;
  close?(): void;
}

const FIRST_DELAY_MS = 250;
const MAX_DELAY_MS = 2000;

export function openSocket<In, Out = never>(handlers: SocketHandlers<In>): Socket<Out> {
  let ws: WebSocket | undefined;
  let delay = FIRST_DELAY_MS;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  const connect = () => {
    if (closed) return;
    const socket = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/_deckhand/ws`);
    ws = socket;
    socket.onopen = () => {
      delay = FIRST_DELAY_MS;
      handlers.open?.();
    };
    socket.onmessage = (e) => {
      if (socket === ws) handlers.message(JSON.parse(String(e.data)) as In);
    };
    socket.onclose = () => {
      // A socket dropped by reconnect() or close() has been replaced or is gone for good.
      if (socket !== ws) return;
      handlers.close?.();
      // Spread out: after a restart, a room of phones that all lost the server at the same
      // moment would otherwise come back in one burst at each step of the back-off.
      retry = setTimeout(connect, delay * (0.5 + Math.random()));
      delay = Math.min(delay * 2, MAX_DELAY_MS);
    };
  };
  connect();
  return {
    send(message) {
      if (ws?.readyState !== WebSocket.OPEN) return false;
      ws.send(JSON.stringify(message));
      return true;
    },
    reconnect() {
      const old = ws;
      ws = undefined;
      old?.close();
      clearTimeout(retry);
      handlers.close?.();
      connect();
    },
    close() {
      closed = true;
      clearTimeout(retry);
      const old = ws;
      ws = undefined;
      old?.close();
    },
  };
}
