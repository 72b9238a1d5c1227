// Deterministic accounts: 'empty', 'demo' (a realistic small team: owners, ~50 contacts / companies /
// deals, ~200 tasks over every status, priority, type and due bucket relative to today) and
// `{tasks: N}` (the same CRM records with N generated tasks, for benchmarks).
import type { Owner } from '../src/hubspot/types';
import { Prng } from './prng';
import { AccountData, AssociatedType, emptyAccount, StoredObject } from './store';
import { BODIES, COMPANIES as ALL_COMPANIES, DEAL_PRODUCTS, DEAL_STAGES, FIRST_NAMES, HOSTILE_BODIES, JOB_TITLES, LAST_NAMES, SUBJECTS } from './seedData';
import type { SeedSpec } from './types';

const DAY = 86_400_000;
const DEMO_ID_BASE = { tasks: 60_000_000_001, contacts: 51_000_001, companies: 52_000_001, deals: 53_000_001 };
export const DEMO_OWNER_EMAIL = 'demo@example.com';
/** The demo user ("Dana Demo"): the owner tests, the demo and benchmarks sign in as. */
export const DEMO_OWNER_ID = '75000001';

/** What makes one account's seed differ from another's (the second demo portal, portals.ts). */
export interface SeedProfile {
  /** [owner id, email, first name, last name, HubSpot user id] */
  owners: [id: string, email: string, first: string, last: string, userId: number][];
  /** First id of each object type. */
  idBase: { tasks: number; contacts: number; companies: number; deals: number };
  prngSeed: number;
  /** Tasks of the 'demo' seed. */
  demoTasks: number;
  /** The company list starts this far in, so another account has other customers. */
  companyShift: number;
}

export const DEMO_PROFILE: SeedProfile = {
  owners: [
    [DEMO_OWNER_ID, DEMO_OWNER_EMAIL, 'Dana', 'Demo', 9_100_001],
    ['75000002', 'priya.shah@example.com', 'Priya', 'Shah', 9_100_002],
    ['75000003', 'marcus.lee@example.com', 'Marcus', 'Lee', 9_100_003],
    ['75000004', 'sofia.garcia@example.com', 'Sofía', 'García', 9_100_004],
  ],
  idBase: DEMO_ID_BASE, prngSeed: 20_240_611, demoTasks: 200, companyShift: 0,
};

export function seedAccount(spec: SeedSpec, now = Date.now(), profile: SeedProfile = DEMO_PROFILE): AccountData {
  // 'empty' has no tasks but the owners and CRM records, so tasks can still be associated.
  const taskCount = spec === 'demo' ? profile.demoTasks : spec === 'empty' ? 0 : Math.max(0, Math.floor(spec.tasks));
  return build(taskCount, now, profile);
}

function owners(now: number, profile: SeedProfile): Owner[] {
  const iso = new Date(now - 400 * DAY).toISOString();
  return profile.owners.map(([id, email, firstName, lastName, userId]) => ({
    id, email, firstName, lastName, userId, type: 'PERSON', archived: false, createdAt: iso, updatedAt: iso,
  }));
}

function record(id: number, props: Record<string, string>, createdAt: number, updatedAt: number, createProp: string, modifiedProp: string): StoredObject {
  const sid = String(id);
  return {
    id: sid,
    props: { ...props, [createProp]: new Date(createdAt).toISOString(), [modifiedProp]: new Date(updatedAt).toISOString(), hs_object_id: sid },
    createdAt,
    updatedAt,
    archived: false,
  };
}

interface Crm {
  contacts: StoredObject[];
  companies: StoredObject[];
  deals: StoredObject[];
  /** Contact index → company index */
  contactCompany: number[];
  dealCompany: number[];
}

function buildCrm(rng: Prng, now: number, ownerIds: string[], profile: SeedProfile): Crm {
  const ID_BASE = profile.idBase;
  const COMPANIES = [...ALL_COMPANIES.slice(profile.companyShift), ...ALL_COMPANIES.slice(0, profile.companyShift)];
  const companies = COMPANIES.map(([name, domain, city, industry], i) => {
    const created = now - rng.int(90, 700) * DAY;
    return record(ID_BASE.companies + i, { name, domain, city, industry, hubspot_owner_id: rng.pick(ownerIds) }, created, created + rng.int(1, 80) * DAY, 'createdate', 'hs_lastmodifieddate');
  });
  const contactCompany: number[] = [];
  const contacts = Array.from({ length: 50 }, (_, i) => {
    const first = FIRST_NAMES[i % FIRST_NAMES.length];
    const last = LAST_NAMES[(i * 7 + Math.floor(i / FIRST_NAMES.length)) % LAST_NAMES.length];
    const c = (i * 3) % COMPANIES.length;
    contactCompany.push(c);
    const created = now - rng.int(30, 600) * DAY;
    return record(ID_BASE.contacts + i, {
      firstname: first,
      lastname: last,
      email: `${first}.${last}`.toLowerCase().normalize('NFD').replace(/[^a-z.]/g, '') + `@${COMPANIES[c][1]}`,
      phone: `+1 555 01${String(i).padStart(2, '0')}`,
      company: COMPANIES[c][0],
      jobtitle: rng.pick(JOB_TITLES),
      hubspot_owner_id: rng.pick(ownerIds),
    }, created, created + rng.int(1, 25) * DAY, 'createdate', 'lastmodifieddate');
  });
  const dealCompany: number[] = [];
  const deals = Array.from({ length: 50 }, (_, i) => {
    const c = (i * 11) % COMPANIES.length;
    dealCompany.push(c);
    const created = now - rng.int(10, 200) * DAY;
    return record(ID_BASE.deals + i, {
      dealname: `${COMPANIES[c][0]} – ${rng.pick(DEAL_PRODUCTS)}`,
      amount: String(rng.int(20, 900) * 100),
      dealstage: rng.pick(DEAL_STAGES),
      pipeline: 'default',
      closedate: new Date(now + rng.int(-30, 120) * DAY).toISOString(),
      hubspot_owner_id: rng.pick(ownerIds),
    }, created, created + rng.int(1, 9) * DAY, 'createdate', 'hs_lastmodifieddate');
  });
  return { contacts, companies, deals, contactCompany, dealCompany };
}

const TYPE_WEIGHTS = [['TODO', 45], ['CALL', 25], ['EMAIL', 25], ['LINKED_IN', 5]] as const;
/** Overdue and undated tasks are more often done or stuck. */
const PAST_STATUS_WEIGHTS = [['NOT_STARTED', 55], ['IN_PROGRESS', 15], ['WAITING', 10], ['DEFERRED', 5], ['COMPLETED', 15]] as const;
const STATUS_WEIGHTS = [['NOT_STARTED', 65], ['IN_PROGRESS', 15], ['WAITING', 10], ['DEFERRED', 4], ['COMPLETED', 6]] as const;
const PRIORITY_WEIGHTS = [['HIGH', 20], ['MEDIUM', 30], ['LOW', 25], ['NONE', 10], ['', 15]] as const;

type Bucket = 'overdue' | 'today' | 'tomorrow' | 'thisWeek' | 'later' | 'none';

/** Due date for a bucket, relative to local midnight today; undefined = no due date. */
function dueFor(bucket: Bucket, rng: Prng, today: number): number | undefined {
  const at = (dayOffset: number) => today + dayOffset * DAY + rng.int(8, 18) * 3_600_000 + rng.pick([0, 15, 30, 45]) * 60_000;
  switch (bucket) {
    case 'overdue': return at(-rng.int(1, 21));
    case 'today': return at(0);
    case 'tomorrow': return at(1);
    case 'thisWeek': return at(rng.int(2, 6));
    case 'later': return at(rng.int(7, 90));
    case 'none': return undefined;
  }
}

function fill(template: string, v: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => v[k] ?? '');
}

function build(taskCount: number, now: number, profile: SeedProfile): AccountData {
  const ID_BASE = profile.idBase;
  const rng = new Prng(profile.prngSeed);
  const account = emptyAccount();
  account.owners = owners(now, profile);
  const ownerIds = account.owners.map((o) => o.id);
  const crm = buildCrm(rng, now, ownerIds, profile);
  account.objects.contacts = crm.contacts;
  account.objects.companies = crm.companies;
  account.objects.deals = crm.deals;

  const midnight = new Date(now);
  midnight.setHours(0, 0, 0, 0);
  const today = midnight.getTime();
  // Half of the tasks are the demo user's; some are nobody's.
  const ownerWeights: [string, number][] = [[ownerIds[0], 50], [ownerIds[1], 15], [ownerIds[2], 15], [ownerIds[3], 10], ['', 10]];
  const buckets: [Bucket, number][] = [['overdue', 30], ['today', 30], ['tomorrow', 25], ['thisWeek', 40], ['later', 60], ['none', 15]];
  const bucketList: Bucket[] = buckets.flatMap(([b, n]) => Array<Bucket>(n).fill(b));

  const tasks: StoredObject[] = [];
  const associations: AccountData['associations'] = [];
  for (let i = 0; i < taskCount; i++) {
    // Cycle through the buckets so every bucket is present in any account of ≥ 200 tasks.
    const bucket = bucketList[(i * 37) % bucketList.length];
    const type = rng.weighted(TYPE_WEIGHTS);
    const ci = rng.int(0, crm.contacts.length - 1);
    const contact = crm.contacts[ci];
    const company = crm.companies[crm.contactCompany[ci]];
    const dealIdx = crm.dealCompany.indexOf(crm.contactCompany[ci]);
    const deal = dealIdx >= 0 ? crm.deals[dealIdx] : rng.pick(crm.deals);
    const subject = fill(rng.pick(SUBJECTS[type]), {
      first: contact.props.firstname, last: contact.props.lastname, company: company.props.name, deal: deal.props.dealname,
    });
    const due = dueFor(bucket, rng, today);
    const status = rng.weighted(bucket === 'overdue' || bucket === 'none' ? PAST_STATUS_WEIGHTS : STATUS_WEIGHTS);
    const priority = rng.weighted(PRIORITY_WEIGHTS);
    const owner = rng.weighted(ownerWeights);
    const body = i % 97 === 13 ? HOSTILE_BODIES[(i / 97) & 1] : rng.pick(BODIES);
    const created = Math.min(now - 3_600_000, (due ?? now) - rng.int(1, 30) * DAY);
    const updated = Math.min(now - 60_000, created + rng.int(0, 5) * DAY);

    const props: Record<string, string> = { hs_task_subject: subject, hs_task_status: status, hs_task_type: type };
    if (due !== undefined) {
      props.hs_timestamp = new Date(due).toISOString();
      if (rng.next() < 0.2) {
        props.hs_task_reminders = String(due - 3_600_000);
      }
    }
    if (body) {
      props.hs_task_body = body;
    }
    if (priority) {
      props.hs_task_priority = priority;
    }
    if (owner) {
      props.hubspot_owner_id = owner;
    }
    if (status === 'COMPLETED') {
      props.hs_task_completion_date = new Date(updated).toISOString();
    }
    const task = record(ID_BASE.tasks + i, props, created, updated, 'hs_createdate', 'hs_lastmodifieddate');
    tasks.push(task);

    // Most tasks are about a contact, often also its company and deal; some stand alone.
    const links: [AssociatedType, StoredObject][] = [];
    const r = rng.next();
    if (r < 0.85) {
      links.push(['contacts', contact]);
    }
    if (r < 0.6) {
      links.push(['companies', company]);
    }
    if (r < 0.35) {
      links.push(['deals', deal]);
    }
    for (const [toType, obj] of links) {
      associations.push([task.id, toType, obj.id]);
    }
  }
  account.objects.tasks = tasks;
  account.associations = associations;
  account.nextId = {
    tasks: ID_BASE.tasks + taskCount,
    contacts: ID_BASE.contacts + crm.contacts.length,
    companies: ID_BASE.companies + crm.companies.length,
    deals: ID_BASE.deals + crm.deals.length,
  };
  return account;
}
