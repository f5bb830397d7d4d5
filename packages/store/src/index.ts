export { openStore, shownUrl, type HistoryStore, type Sighting, type StoredDetail } from './store.js';
export { DRIVERS, loadDriver, MissingDriverError, type DriverName } from './drivers.js';
