/** What one kind of check on one part of the repository came to in a run. */
export interface CoverageLine {
  /** "Python code", "npm dependencies (lockfile)", "Dockerfiles", "Secrets in every file". */
  what: string;
  kind: 'code' | 'dependencies' | 'infrastructure' | 'secrets';
  /** How many files of it the repository has. */
  files: number;
  /** Scanners that ran on it. */
  checkedBy: string[];
  status: 'checked' | 'partly checked' | 'not checked';
  /** Why not, or why only partly. */
  why?: string | undefined;
}
