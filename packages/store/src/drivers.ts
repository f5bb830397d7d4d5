import { PipewardenError } from '@pipewarden/core';

/** The database drivers the store can use: optional peer dependencies, installed only by those who want a store. */
export const DRIVERS = {
  'better-sqlite3': { what: 'the SQLite store', version: '12.9.0' },
  pg: { what: 'a PostgreSQL store', version: '8.23.1' },
} as const;

export type DriverName = keyof typeof DRIVERS;

/** A driver the store needs is not installed: one line naming the package to add (exit 2). */
export class MissingDriverError extends PipewardenError {
  override readonly name = 'MissingDriverError';
  readonly driver: DriverName;

  constructor(driver: DriverName, file: string, cause: unknown) {
    const { what, version } = DRIVERS[driver];
    super(`${what} needs the ${driver} package, which Pipewarden does not install: add it beside @pipewarden/cli (npm install ${driver}@${version})`, { file, cause });
    this.driver = driver;
  }
}

/** The driver's module not being found at all, as opposed to a driver that is there and fails to load (a bad build). */
function isMissing(error: unknown, driver: DriverName): boolean {
  const { code, message } = error as NodeJS.ErrnoException;
  return (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && typeof message === 'string' && message.includes(`'${driver}'`);
}

/** Loads a driver on first use (`load` is the literal import, so bundlers and type checks see it). */
export async function loadDriver<T>(driver: DriverName, file: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (isMissing(error, driver)) throw new MissingDriverError(driver, file, error);
    throw error;
  }
}
