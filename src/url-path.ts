/**
 * A URL path as a file name. A "%" that starts no valid escape ("offer-50%.html") is what the
 * author wrote, so it stays as it is instead of throwing URIError out of a request handler.
 */
export function decodeUrlPath(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s.replace(/%[0-9a-fA-F]{2}/g, (e) => {
      try {
        return decodeURIComponent(e);
      } catch {
        return e;
      }
    });
  }
}
