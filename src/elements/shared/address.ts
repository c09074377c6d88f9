/** The delivery address as the customer reads it, shared by the handling details and the map's text. */
import type { Address } from '../../api/types.js';

/** The address as display lines: street, second line, then "Locality, Area Postal"; none without an address. */
export function addressLines(address: Address | undefined): string[] {
  if (!address) return [];
  const region = [address.administrativeArea, address.postalCode].filter(Boolean).join(' ');
  const city = [address.locality, region].filter(Boolean).join(', ');
  return [address.addressLine1, address.addressLine2 ?? '', city].map((line) => line.trim()).filter(Boolean);
}

/** The address on one line, for text alternatives. */
export function addressText(address: Address | undefined): string {
  return addressLines(address).join(', ');
}
