// The sandbox's HubSpot accounts ("portals"): the demo portal every test knows, and a second one with
// its own portal id, owners, customers, tasks and key token, for switching between accounts. Dana Demo
// (demo@example.com) is a user of both, as an agency's consultant is of every client portal: the same
// HubSpot user id, another owner id in each.
import type { AccountDetails } from '../src/hubspot/types';
import { ACCOUNT_DETAILS } from './routes/account';
import { DEMO_OWNER_EMAIL, DEMO_PROFILE, SeedProfile } from './seed';

export interface PortalProfile {
  portalId: number;
  /** What the consent page shows in its account chooser. */
  name: string;
  /** `hub_domain` of the account's tokens. */
  hubDomain: string;
  details: AccountDetails & Record<string, unknown>;
  seed: SeedProfile;
}

export const DEMO_PORTAL_ID = ACCOUNT_DETAILS.portalId;
export const SECOND_PORTAL_ID = 39_517_604;
/** The second portal's default key token (a Service Key of that account). */
export const SECOND_PORTAL_TOKEN = 'sandbox-token-portal2';
/** Dana Demo's owner id in the second portal (owner ids are per account). */
export const SECOND_PORTAL_DEMO_OWNER_ID = '86000001';

export const DEMO_PORTAL: PortalProfile = {
  portalId: DEMO_PORTAL_ID, name: 'Demo Co', hubDomain: 'demo-co.example', details: ACCOUNT_DETAILS, seed: DEMO_PROFILE,
};

export const SECOND_PORTAL: PortalProfile = {
  portalId: SECOND_PORTAL_ID,
  name: 'Globex Client Portal',
  hubDomain: 'globex.example',
  details: {
    ...ACCOUNT_DETAILS, portalId: SECOND_PORTAL_ID, accountType: 'STANDARD', timeZone: 'Europe/Berlin', companyCurrency: 'EUR',
    utcOffset: '+01:00', utcOffsetMilliseconds: 3_600_000, uiDomain: 'app-eu1.hubspot.com', dataHostingLocation: 'eu1',
  },
  seed: {
    owners: [
      [SECOND_PORTAL_DEMO_OWNER_ID, DEMO_OWNER_EMAIL, 'Dana', 'Demo', 9_100_001],
      ['86000002', 'akira.sato@globex.example', 'Akira', 'Sato', 9_300_002],
      ['86000003', 'lena.fischer@globex.example', 'Lena', 'Fischer', 9_300_003],
      ['86000004', 'tomas.novak@globex.example', 'Tomáš', 'Novák', 9_300_004],
    ],
    // Ids that never collide with the demo portal's: HS-70000000001 is not a task there, and back.
    idBase: { tasks: 70_000_000_001, contacts: 71_000_001, companies: 72_000_001, deals: 73_000_001 },
    prngSeed: 39_517_604,
    demoTasks: 60,
    companyShift: 17,
  },
};
