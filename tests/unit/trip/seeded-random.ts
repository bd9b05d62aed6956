/** Mulberry32: a tiny seeded generator, so a failing random case can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random WGS84 points inside the zone's neighbourhood (about 20 km × 35 km around 泸州). */
export function randomZonePoints(random: () => number, count: number): [number, number][] {
  return Array.from({ length: count }, () => [105.35 + random() * 0.2, 28.84 + random() * 0.32] as [number, number]);
}
