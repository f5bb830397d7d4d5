export { openStore, shownUrl, type HistoryStore } from './store.js';
export { DRIVERS, loadDriver, MissingDriverError, type DriverName } from './drivers.js';
