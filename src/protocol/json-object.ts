/**
 * What a socket sent, as an object, or undefined when it is not JSON or not an object: every
 * parser of page messages starts here and reads only the exact shapes it knows.
 */
export function jsonObject(raw: string): Record<string, unknown> | undefined {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return undefined;
  }
  return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
}
