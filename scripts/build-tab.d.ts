/** Types for scripts/build-tab.js (used by the tab's end-to-end test). */
export interface BuildTabOptions {
  outdir?: string;
  minify?: boolean;
  quiet?: boolean;
}
export function buildTab(options?: BuildTabOptions): Promise<string>;
