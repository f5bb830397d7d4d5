export type { Ticket, TicketDraft, TicketMarker, TicketTracker } from './types.js';
export { readMarker, writeMarker, ticketFrom } from './marker.js';
export { planTickets, ticketKey, completedTools, type TicketOptions, type TicketPlan } from './plan.js';
export { syncTickets, type TicketSyncResult } from './sync.js';
