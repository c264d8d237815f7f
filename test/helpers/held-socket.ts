/**
 * An init script (`page.addInitScript`) for a page that must load before it hears from the server:
 * for the next document only, its first WebSocket opens when `__releaseSocket()` is called (then
 * stands in for it both ways); `__socketHeld` says the page has asked for it.
 */
export const HOLD_FIRST_SOCKET = `(() => {
  // Only the page itself: its frames (sandboxed in present's views) open no socket.
  if (window !== window.top) return;
  if (sessionStorage.getItem('test-held')) return;
  sessionStorage.setItem('test-held', '1');
  const Real = window.WebSocket;
  let first = true;
  window.WebSocket = function (url, protocols) {
    if (!first) return new Real(url, protocols);
    first = false;
    const stand = {};
    window.__socketHeld = true;
    window.__releaseSocket = () => {
      const ws = new Real(url, protocols);
      for (const k of ['onopen', 'onmessage', 'onclose', 'onerror']) ws[k] = (e) => stand[k] && stand[k](e);
      // The page answers too (it asks for what it missed).
      Object.defineProperty(stand, 'readyState', { get: () => ws.readyState });
      stand.send = (data) => ws.send(data);
      stand.close = () => ws.close();
    };
    return stand;
  };
  for (const k of ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED']) window.WebSocket[k] = Real[k];
})()`;
