export interface LocalRegistry {
  url: string;
  /** An npmrc that sets the registry and authenticates to it (for `npm publish`). */
  npmrc: string;
  token: string;
  dir: string;
  stop(): Promise<void>;
}
export function startRegistry(): Promise<LocalRegistry>;
export function seedDependencies(registry: LocalRegistry): Promise<number>;
