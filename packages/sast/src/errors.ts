/** The engine could not run: its grammar files are missing or unreadable (a bundle that did not copy them). */
export class GrammarError extends Error {
  override readonly name = 'GrammarError';
  /** The file that could not be read. */
  readonly file: string;

  constructor(message: string, file: string, options?: { cause?: unknown }) {
    super(message, options);
    this.file = file;
  }
}
