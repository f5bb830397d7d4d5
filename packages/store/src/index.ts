export { openStore, shownUrl, type HistoryStore } from './store.js';
