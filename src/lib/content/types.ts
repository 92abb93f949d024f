/** The shapes the content check works with (shared by the registry and the check). */

export interface SourceFile {
  /** Path relative to the project root, with forward slashes, e.g. "content/roles/csm.yaml". */
  path: string;
  text: string;
  /** The file's raw bytes, when read from disk: lets the check tell a non-UTF-8 file from a broken one. */
  bytes?: Uint8Array;
}
export interface ContentProblem {
  file: string;
  path: string;
  message: string;
}
export interface Entry<T> {
  id: string;
  file: string;
  data: T;
  /** Markdown body, for Markdown collections. */
  body?: string;
}
