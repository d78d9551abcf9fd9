// Region outlines for the phone's map: GET /region-shapes?level=… as GeoJSON features with names and label points.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('region shapes', () => {
  it('needs a session (401), a known level (400 naming it) and region.read (403)', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/region-shapes' })).statusCode).toBe(401);
    const inspector = await t.login('inspector');
    const bad = await inspector.inject({ method: 'GET', url: '/api/v1/region-shapes?level=planet' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0].field).toBe('level');
    const auditor = await t.login('auditor');
    expect((await auditor.inject({ method: 'GET', url: '/api/v1/region-shapes' })).statusCode).toBe(403);
  });

  it('gives the townships’ outlines (default level) and the districts’, each named, with a label point', async () => {
    const inspector = await t.login('inspector');
    const towns = (await inspector.inject({ method: 'GET', url: '/api/v1/region-shapes' })).json();
    expect(towns).toMatchObject({ type: 'FeatureCollection', level: 'township' });
    expect(towns.features.length).toBeGreaterThan(3);
    for (const f of towns.features) {
      expect(f.properties.code).toMatch(/^6203\d{5}$/);
      expect(f.properties.name).toBeTruthy();
      expect(f.properties.center).toHaveLength(2);
      expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
    }
    const districts = (await inspector.inject({ method: 'GET', url: '/api/v1/region-shapes?level=county' })).json();
    expect(districts.features.length).toBeGreaterThan(0);
    expect(districts.features.every((f: { properties: { code: string } }) => f.properties.code.length === 6)).toBe(
      true,
    );
  });
});
