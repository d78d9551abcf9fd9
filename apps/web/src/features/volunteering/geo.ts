// Distances on the phone: sorting activities near me (the server decides the geofence itself).

/** Great-circle distance in metres between two WGS-84 points. */
export function distanceMetres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371000 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** `1.2` (km, one decimal) for a distance in metres. */
export function formatKm(metres: number): string {
  return (Math.round(metres / 100) / 10).toFixed(1);
}

/**
 * The phone's position now (never a cached one: a check-in must happen where the phone is), or null when
 * location is refused, unavailable or too slow.
 */
export function readPositionNow(timeoutMs = 8000): Promise<{ lat: number; lng: number } | null> {
  const geo = globalThis.navigator?.geolocation;
  if (!geo) return Promise.resolve(null);
  return new Promise((resolve) => {
    geo.getCurrentPosition(
      (p) => resolve({ lat: p.coords.latitude, lng: p.coords.longitude }),
      () => resolve(null),
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 0 },
    );
  });
}
