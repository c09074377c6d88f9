/**
 * The simulated drive from the store to the delivery address: the shopper's position as a function of how
 * far into the drive we are. The route runs along a street grid (north–south, then east–west, then the
 * rest) so the marker moves the way a car does rather than as the crow flies.
 */
import type { SandboxCoordinates } from './records.js';

const EARTH_RADIUS_M = 6_371_000;
const toRad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in metres. */
export function distanceMeters(a: SandboxCoordinates, b: SandboxCoordinates): number {
  const dLat = toRad(b.latitude - a.latitude);
  const dLon = toRad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a.latitude)) * Math.cos(toRad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Waypoints of the drive: store, two grid corners, destination. */
function routeWaypoints(from: SandboxCoordinates, to: SandboxCoordinates): SandboxCoordinates[] {
  const midLat = from.latitude + (to.latitude - from.latitude) * 0.6;
  const midLon = from.longitude + (to.longitude - from.longitude) * 0.7;
  return [
    from,
    { latitude: midLat, longitude: from.longitude },
    { latitude: midLat, longitude: midLon },
    { latitude: to.latitude, longitude: midLon },
    to,
  ];
}

const round7 = (value: number) => Math.round(value * 1e7) / 1e7;

/** The position `progress` (0 = at the store, 1 = arrived; clamped) of the way along the route. */
export function positionAlongRoute(from: SandboxCoordinates, to: SandboxCoordinates, progress: number): SandboxCoordinates {
  const points = routeWaypoints(from, to);
  const legs = points.slice(1).map((point, i) => distanceMeters(points[i] as SandboxCoordinates, point));
  const total = legs.reduce((sum, leg) => sum + leg, 0);
  const clamped = Math.min(1, Math.max(0, Number.isFinite(progress) ? progress : 0));
  if (total === 0 || clamped >= 1) return { latitude: round7(to.latitude), longitude: round7(to.longitude) };
  let remaining = clamped * total;
  for (let i = 0; i < legs.length; i += 1) {
    const leg = legs[i] as number;
    const start = points[i] as SandboxCoordinates;
    const end = points[i + 1] as SandboxCoordinates;
    if (remaining <= leg && leg > 0) {
      const t = remaining / leg;
      return {
        latitude: round7(start.latitude + (end.latitude - start.latitude) * t),
        longitude: round7(start.longitude + (end.longitude - start.longitude) * t),
      };
    }
    remaining -= leg;
  }
  return { latitude: round7(to.latitude), longitude: round7(to.longitude) };
}
