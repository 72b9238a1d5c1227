// A sandbox account whose every user-typed field is hostile: owners' names, contacts', companies' and
// deals' names, and one task per payload (subject = tagged payload, notes = the payload as HubSpot HTML).
// The sandbox has no write endpoints for owners or CRM records, so the account is written as a
// `dataFile` (the sandbox's persistence format) and a sandbox is started on it.
import * as fs from 'fs';
import * as path from 'path';
import { seedAccount } from '../../../../sandbox/seed';
import type { AccountData, StoredObject } from '../../../../sandbox/store';
import { HOSTILE_PAYLOADS, tagged } from '../../../fixtures/hostilePayloads';
import { DEMO_OWNER_ID as ME } from '../../../support/demo';

/** The demo user (email demo@example.com): "me" in every run; its name is hostile too. */
export { ME };
export const FIRST_HOSTILE_OWNER = 75000100;
export const FIRST_HOSTILE_TASK = 90000000001;

export interface HostileAccount {
  dataFile: string;
  /** Payload index → its task id. */
  taskIds: string[];
  /** Tasks of odd index belong to a hostile owner, even ones to me. */
  ownerOf: (index: number) => string;
}

export function writeHostileAccount(dir: string, now = Date.now()): HostileAccount {
  const account: AccountData = seedAccount('empty', now);
  const iso = new Date(now - 86_400_000).toISOString();
  const payloads = HOSTILE_PAYLOADS;
  const owner0 = account.owners.find((o) => o.id === ME);
  if (owner0) {
    owner0.firstName = payloads[0].text;
    owner0.lastName = payloads[3].text;
  }
  payloads.forEach((payload, i) => {
    account.owners.push({
      id: String(FIRST_HOSTILE_OWNER + i), email: `hostile${i}@example.com`, firstName: payload.text, lastName: `#${i}`,
      userId: 9_000_000 + i, type: 'PERSON', archived: false, createdAt: iso, updatedAt: iso,
    });
  });
  const rename = (objects: StoredObject[], prop: string, extra?: string) =>
    objects.forEach((object, i) => {
      const payload = payloads[i % payloads.length];
      object.props[prop] = payload.text;
      if (extra) {
        object.props[extra] = `#${i}`;
      }
    });
  rename(account.objects.contacts, 'firstname', 'lastname');
  rename(account.objects.companies, 'name');
  rename(account.objects.deals, 'dealname');

  const midnight = new Date(now);
  midnight.setHours(12, 0, 0, 0);
  const ownerOf = (i: number) => (i % 2 === 0 ? ME : String(FIRST_HOSTILE_OWNER + i));
  const taskIds: string[] = [];
  payloads.forEach((payload, i) => {
    const id = String(FIRST_HOSTILE_TASK + i);
    taskIds.push(id);
    account.objects.tasks.push({
      id,
      props: {
        hs_task_subject: tagged(payload, i),
        hs_task_body: payload.text,
        hs_timestamp: new Date(midnight.getTime() + i * 60_000).toISOString(),
        hs_task_status: 'NOT_STARTED',
        hs_task_priority: 'HIGH',
        hs_task_type: 'TODO',
        hubspot_owner_id: ownerOf(i),
        hs_createdate: iso,
        hs_lastmodifieddate: iso,
        hs_object_id: id,
      },
      createdAt: now - 86_400_000,
      updatedAt: now - 86_400_000,
      archived: false,
    });
    const contact = account.objects.contacts[i % account.objects.contacts.length];
    const company = account.objects.companies[i % account.objects.companies.length];
    const deal = account.objects.deals[i % account.objects.deals.length];
    account.associations.push([id, 'contacts', contact.id], [id, 'companies', company.id], [id, 'deals', deal.id]);
  });
  account.nextId.tasks = FIRST_HOSTILE_TASK + payloads.length;
  fs.mkdirSync(dir, { recursive: true });
  const dataFile = path.join(dir, 'hostile-account.json');
  fs.writeFileSync(dataFile, JSON.stringify(account));
  return { dataFile, taskIds, ownerOf };
}
