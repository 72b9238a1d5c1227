// Conversion between Unix ms (HubSpot's `hs_timestamp`) and the value of an <input type="datetime-local">,
// in the local time zone of whoever runs it. The webview runs it, so times show in the user's zone
// even when the extension host runs elsewhere (code-server, remote).

const pad = (n: number) => String(n).padStart(2, '0');

/** Unix ms → `YYYY-MM-DDTHH:mm` in local time; '' for none. */
export function toLocalInput(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) {
    return '';
  }
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * `YYYY-MM-DDTHH:mm[:ss]` in local time → Unix ms. '' → null (no value); anything unparsable or
 * impossible (Feb 30, hour 25) → undefined, so the form can say it is invalid rather than guess.
 */
export function fromLocalInput(value: string): number | null | undefined {
  const trimmed = value.trim();
  if (!trimmed) {
    return null;
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(trimmed);
  if (!match) {
    return undefined;
  }
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
  const d = new Date(year, month - 1, day, hour, minute, second);
  const roundTrips = d.getFullYear() === year && d.getMonth() === month - 1 && d.getDate() === day
    && d.getMinutes() === minute;
  // A time skipped by a daylight-saving change moves forward an hour; accept it as the browser would.
  return roundTrips && Number.isFinite(d.getTime()) && hour < 24 ? d.getTime() : undefined;
}

/** Tomorrow at 09:00 local time: the default due date of a new task. */
export function defaultDueAt(now: Date = new Date()): number {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 9, 0, 0, 0).getTime();
}
