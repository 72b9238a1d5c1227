// How an owner is named wherever the UI shows one (tree, reminders, linked TODOs, owner pickers).
import type { Owner } from '../hubspot/types';

/** "First Last" (either may be empty), else the email: HubSpot leaves the names empty for some users. */
export function ownerDisplayName(owner: Pick<Owner, 'firstName' | 'lastName' | 'email'>): string {
  const name = [owner.firstName, owner.lastName].map((part) => (part ?? '').trim()).filter(Boolean).join(' ');
  return name || owner.email;
}
