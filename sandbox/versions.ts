// The API versions the sandbox serves side by side over one account: the legacy numeric paths the seed
// was written against (`/crm/v3/…`, `/crm/v4/associations/…`) and HubSpot's date-based versions
// (`/crm/objects/2026-03/…`, `/crm/objects/2026-09/…`), each at the paths of HubSpot's published
// OpenAPI files (../shared/hubspot/official/).
export const API_VERSIONS = ['v3', '2026-03', '2026-09'] as const;
export type ApiVersion = typeof API_VERSIONS[number];
export const DATE_VERSIONS = ['2026-03', '2026-09'] as const;

export function isDateVersion(ver: ApiVersion): boolean {
  return ver !== 'v3';
}

/** `/crm/v3/objects/tasks` or `/crm/objects/2026-09/tasks`. */
export function objectsBase(ver: ApiVersion, objectType: string): string {
  return ver === 'v3' ? `/crm/v3/objects/${objectType}` : `/crm/objects/${ver}/${objectType}`;
}

/** `/crm/v3/properties` or `/crm/properties/2026-09`. */
export function propertiesBase(ver: ApiVersion): string {
  return ver === 'v3' ? '/crm/v3/properties' : `/crm/properties/${ver}`;
}

/** `/crm/v3/owners` or `/crm/owners/2026-09`. */
export function ownersBase(ver: ApiVersion): string {
  return ver === 'v3' ? '/crm/v3/owners' : `/crm/owners/${ver}`;
}

/** `/account-info/v3/details` or `/account-info/2026-09/details`. */
export function accountDetailsPath(ver: ApiVersion): string {
  return `/account-info/${ver}/details`;
}

/** Batch association reads: v4 for the legacy world, `/crm/associations/{ver}` for date versions. */
export function associationsBatchBase(ver: ApiVersion): string {
  return ver === 'v3' ? '/crm/v4/associations' : `/crm/associations/${ver}`;
}

/** Object-level association writes: v4 for the legacy world (the seed's v3 paths stay as they are). */
export function objectAssociationsBase(ver: ApiVersion): string {
  return ver === 'v3' ? '/crm/v4/objects' : `/crm/objects/${ver}`;
}

/** `/crm/v3/property-validations` or `/crm/property-validations/2026-09`. */
export function propertyValidationsBase(ver: ApiVersion): string {
  return ver === 'v3' ? '/crm/v3/property-validations' : `/crm/property-validations/${ver}`;
}
