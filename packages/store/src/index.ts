export { openStore, shownUrl, type HistoryStore, type Sighting, type StoredDetail, type StoredTicket } from './store.js';
export { DRIVERS, loadDriver, MissingDriverError, type DriverName } from './drivers.js';
