/** What the speaker and remote pages read from `#deck-present-config`. Never the token. */
export interface PresentPageConfig {
  deck: string;
  /** The deck frame's page (sandboxed, driven by postMessage), which the views load in frames. */
  frameUrl: string;
  title: string;
}
