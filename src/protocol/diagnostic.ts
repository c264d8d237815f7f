/**
 * A problem found in an author's sources, as the terminal prints it and the dev overlay shows
 * it: the same object on both sides of the WebSocket, so it lives in the shared protocol.
 */
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  file?: string;
  line?: number;
  column?: number;
  /** A few source lines around the position, already formatted. */
  frame?: string;
}
