export { startDashboard, ListenError, type DashboardOptions, type RunningDashboard } from './server.js';
export { createApp, type AppOptions } from './app.js';
export { DashboardData, overviewOf, type Overview, type OverviewSnapshot, type FigureOptions, type StoreSource } from './data.js';
export { authorized, isLoopback } from './access.js';
