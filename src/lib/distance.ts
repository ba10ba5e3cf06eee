/**
 * Great-circle distance for the panel's "x km apart" (haversine on a 6,371 km sphere; good to
 * well under 1% at these distances). Kept apart from lib/geo.ts so the app does not pull in turf.
 */
export function distanceKm([lng1, lat1]: number[], [lng2, lat2]: number[]): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLng = (lng2 - lng1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
}
