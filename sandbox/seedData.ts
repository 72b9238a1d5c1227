// Names and phrases for the demo account. Invented; domains use reserved example TLDs where it matters.
export const FIRST_NAMES = [
  'Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Elijah', 'Sophia', 'James', 'Isabella', 'Lucas',
  'Mia', 'Mateo', 'Amelia', 'Benjamin', 'Harper', 'Hiro', 'Evelyn', 'Aarav', 'Chloe', 'Jonas',
  'Zoe', 'Kwame', 'Leila', 'Tomasz', 'Ingrid', 'Rafael', 'Yuki', 'Omar', 'Freya', 'Diego',
];

export const LAST_NAMES = [
  'Anderson', 'Okafor', 'Nguyen', 'Schmidt', 'Rossi', 'Kowalski', 'Haddad', 'Tanaka', 'Johansson', 'Silva',
  'Patel', 'Murphy', 'Dubois', 'Kim', 'Novak', 'Fischer', 'Moreau', 'Costa', 'Larsen', 'Mensah',
  'Ivanova', 'Brennan', 'Castillo', 'Eriksen', 'Yilmaz', 'Fernandes', 'Walsh', 'Sato', 'Bauer', 'Ortiz',
];

/** [company name, domain, city, industry] */
export const COMPANIES: [string, string, string, string][] = [
  ['Northwind Traders', 'northwind-traders.example', 'Seattle', 'WHOLESALE'],
  ['Contoso Logistics', 'contoso-logistics.example', 'Chicago', 'LOGISTICS_AND_SUPPLY_CHAIN'],
  ['Fabrikam Robotics', 'fabrikam.example', 'Boston', 'MACHINERY'],
  ['Blue Harbor Analytics', 'blueharbor.example', 'Austin', 'COMPUTER_SOFTWARE'],
  ['Tailspin Air', 'tailspin-air.example', 'Denver', 'AIRLINES_AVIATION'],
  ['Wide World Importers', 'wideworldimporters.example', 'Miami', 'IMPORT_AND_EXPORT'],
  ['Litware Health', 'litware-health.example', 'Nashville', 'HOSPITAL_HEALTH_CARE'],
  ['Proseware Labs', 'proseware.example', 'San Diego', 'BIOTECHNOLOGY'],
  ['Adventure Works Outdoors', 'adventure-works.example', 'Portland', 'SPORTING_GOODS'],
  ['Alpine Ski House', 'alpineskihouse.example', 'Salt Lake City', 'LEISURE_TRAVEL_TOURISM'],
  ['Coho Vineyard', 'cohovineyard.example', 'Napa', 'WINE_AND_SPIRITS'],
  ['Lucerne Publishing', 'lucernepublishing.example', 'New York', 'PUBLISHING'],
  ['Margie\'s Travel', 'margiestravel.example', 'Orlando', 'LEISURE_TRAVEL_TOURISM'],
  ['Trey Research', 'treyresearch.example', 'Raleigh', 'RESEARCH'],
  ['Woodgrove Bank', 'woodgrovebank.example', 'Charlotte', 'BANKING'],
  ['Humongous Insurance', 'humongousinsurance.example', 'Hartford', 'INSURANCE'],
  ['Graphic Design Institute', 'graphicdesigninstitute.example', 'Providence', 'EDUCATION_MANAGEMENT'],
  ['Relecloud', 'relecloud.example', 'San Jose', 'INFORMATION_TECHNOLOGY_AND_SERVICES'],
  ['Southridge Video', 'southridgevideo.example', 'Los Angeles', 'ENTERTAINMENT'],
  ['First Up Consultants', 'firstupconsultants.example', 'Atlanta', 'MANAGEMENT_CONSULTING'],
  ['Fourth Coffee', 'fourthcoffee.example', 'Seattle', 'FOOD_BEVERAGES'],
  ['VanArsdel Ltd', 'vanarsdel.example', 'Toronto', 'RETAIL'],
  ['Wingtip Toys', 'wingtiptoys.example', 'Minneapolis', 'CONSUMER_GOODS'],
  ['City Power & Light', 'citypowerlight.example', 'Phoenix', 'UTILITIES'],
  ['School of Fine Art', 'fineartschool.example', 'Philadelphia', 'FINE_ART'],
  ['Datum Corporation', 'datumcorp.example', 'Dallas', 'COMPUTER_HARDWARE'],
  ['Consolidated Messenger', 'consolidatedmessenger.example', 'Newark', 'PACKAGE_FREIGHT_DELIVERY'],
  ['Best For You Organics', 'bestforyouorganics.example', 'Boulder', 'FOOD_PRODUCTION'],
  ['Nod Publishers', 'nodpublishers.example', 'Ann Arbor', 'PUBLISHING'],
  ['Bellows College', 'bellowscollege.example', 'Burlington', 'HIGHER_EDUCATION'],
  ['Munson\'s Pickles', 'munsonspickles.example', 'Madison', 'FOOD_PRODUCTION'],
  ['Lamna Healthcare', 'lamnahealthcare.example', 'Columbus', 'HOSPITAL_HEALTH_CARE'],
  ['Fincher Architects', 'fincherarchitects.example', 'Pittsburgh', 'ARCHITECTURE_PLANNING'],
  ['Liberty\'s Delightful Sweets', 'libertysweets.example', 'Baltimore', 'FOOD_BEVERAGES'],
  ['Parnell Aerospace', 'parnellaero.example', 'Wichita', 'AVIATION_AEROSPACE'],
  ['Reiter Marine', 'reitermarine.example', 'Norfolk', 'MARITIME'],
  ['Sagebrush Solar', 'sagebrushsolar.example', 'Albuquerque', 'RENEWABLES_ENVIRONMENT'],
  ['Kestrel Security', 'kestrelsecurity.example', 'Reston', 'COMPUTER_NETWORK_SECURITY'],
  ['Orbital Freight', 'orbitalfreight.example', 'Houston', 'TRANSPORTATION_TRUCKING_RAILROAD'],
  ['Meridian Dental', 'meridiandental.example', 'Tampa', 'MEDICAL_PRACTICE'],
  ['Quillfeather Legal', 'quillfeather.example', 'Washington', 'LEGAL_SERVICES'],
  ['Harborview Hotels', 'harborviewhotels.example', 'San Francisco', 'HOSPITALITY'],
  ['Ironbark Construction', 'ironbarkbuild.example', 'Sacramento', 'CONSTRUCTION'],
  ['Larkspur Media', 'larkspurmedia.example', 'Brooklyn', 'ONLINE_MEDIA'],
  ['Tidewater Foods', 'tidewaterfoods.example', 'Savannah', 'FOOD_PRODUCTION'],
  ['Cobalt Fintech', 'cobaltfintech.example', 'Jersey City', 'FINANCIAL_SERVICES'],
  ['Evergreen Nurseries', 'evergreennurseries.example', 'Eugene', 'FARMING'],
  ['Granite Peak Fitness', 'granitepeakfitness.example', 'Boise', 'HEALTH_WELLNESS_AND_FITNESS'],
  ['Summit Ridge Realty', 'summitridgerealty.example', 'Scottsdale', 'REAL_ESTATE'],
  ['Vantage Print Co', 'vantageprint.example', 'Cleveland', 'PRINTING'],
];

export const JOB_TITLES = [
  'VP of Sales', 'Head of Operations', 'Procurement Manager', 'CTO', 'Office Manager', 'Director of Marketing',
  'CFO', 'IT Manager', 'Founder & CEO', 'Purchasing Lead',
];

export const DEAL_PRODUCTS = ['Annual license', 'Pilot', 'Renewal', 'Expansion', 'Onboarding package', 'Enterprise upgrade', 'Support plan'];

export const DEAL_STAGES = [
  'appointmentscheduled', 'qualifiedtobuy', 'presentationscheduled', 'decisionmakerboughtin', 'contractsent', 'closedwon', 'closedlost',
];

/** Subject templates by task type; {first} {last} {company} {deal} are filled in. */
export const SUBJECTS: Record<string, string[]> = {
  CALL: [
    'Call {first} {last} about {deal}',
    'Follow-up call with {first} ({company})',
    'Discovery call: {company}',
    'Call {first} to confirm the kickoff date',
    'Check in with {first} on the pilot results',
  ],
  EMAIL: [
    'Email {first} the revised proposal',
    'Send pricing sheet to {company}',
    'Reply to {first}\'s questions about onboarding',
    'Send the contract to {first} {last}',
    'Share case study with {company}',
  ],
  TODO: [
    'Prepare QBR deck for {company}',
    'Update deal notes for {deal}',
    'Review contract redlines from {company}',
    'Log meeting notes: {company}',
    'Check renewal date for {company}',
    'Draft mutual action plan for {deal}',
    'Ask legal about the {company} DPA',
  ],
  LINKED_IN: [
    'Connect with {first} {last} on LinkedIn',
    'Congratulate {first} on the new role',
  ],
};

export const BODIES = [
  '<p>Discuss <strong>renewal</strong> terms and the Q3 rollout.</p>',
  '<p>Agenda:</p><ul><li>pricing</li><li>timeline</li><li>security review</li></ul>',
  '<p>See the <a href="https://example.com/notes">call notes</a> before reaching out.</p>',
  '<p>They asked for a <em>10% discount</em> on a two-year term. Check with finance first.</p>',
  '<p>Waiting on their IT team to whitelist our domain.</p>',
  'Plain text note: bring the updated ROI numbers.',
  '',
  '',
];

/** Untrusted markup exactly as a real account may hold it: the extension must escape it. */
export const HOSTILE_BODIES = [
  '<img src=x onerror="alert(\'xss\')">Please review the attached quote',
  '<script>alert(1)</script><p>Check the attachment &amp; reply</p>',
];
