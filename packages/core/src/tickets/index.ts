export type { Ticket, TicketClosure, TicketDraft, TicketMarker, TicketTracker, TicketSection, TicketBlock, TicketInline } from './types.js';
export { compareTicketIds } from './types.js';
export { ticketSections, plainTitle } from './content.js';
export { readMarker, writeMarker, ticketFrom } from './marker.js';
export { planTickets, ticketKey, completedTools, type TicketOptions, type TicketPlan } from './plan.js';
export { syncTickets, describeTrackerError, type TicketSyncResult } from './sync.js';
export { acceptanceOf, applyTicketAcceptances, ticketAcceptances, DEFAULT_ACCEPTED_AS, DEFAULT_ACCEPTED_FOR_DAYS, type AcceptanceOptions, type TicketAcceptance } from './acceptance.js';
