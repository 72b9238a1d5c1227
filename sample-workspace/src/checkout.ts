// Checkout for the web shop: totals, discounts and the hand-off to the payment provider.
export interface LineItem {
  sku: string;
  quantity: number;
  unitPriceCents: number;
}

// TODO: confirm the volume discount tiers with Olivia before the next release @contact:olivia.anderson@northwind-traders.example !high due:+3d
const VOLUME_DISCOUNTS: Array<[minQuantity: number, percent: number]> = [
  [10, 5],
  [50, 10],
];

export function totalCents(items: LineItem[]): number {
  const gross = items.reduce((sum, item) => sum + item.quantity * item.unitPriceCents, 0);
  const quantity = items.reduce((sum, item) => sum + item.quantity, 0);
  const percent = VOLUME_DISCOUNTS.filter(([min]) => quantity >= min).pop()?.[1] ?? 0;
  return Math.round(gross * (1 - percent / 100));
}

/* FIXME: rounding differs from the invoice system for totals ending in .5 cents;
   ask finance which rule applies. */
export function formatTotal(cents: number): string {
  // This string mentions TODO but is not a comment, so it must never become a task:
  const label = 'TODO list total';
  return `${label}: ${(cents / 100).toFixed(2)}`;
}
