// The 3-D embedding map's math: rotation (checked against rotation matrices written out here), keys, angles, points.
import { describe, expect, test } from 'vitest';
import { DEFAULT_ANGLES, cloudRadius, describeAngles, mapPoints3, project, rotateBy, rotationForKey } from '../../widgets/embeddings/map3d.ts';

/** Independent oracle: R = Rx(pitch) · Ry(yaw) as explicit 3×3 matrices, applied to a column vector. */
function oracle(p: number[], yawDeg: number, pitchDeg: number): number[] {
  const [cy, sy] = [Math.cos((yawDeg * Math.PI) / 180), Math.sin((yawDeg * Math.PI) / 180)];
  const [cp, sp] = [Math.cos((pitchDeg * Math.PI) / 180), Math.sin((pitchDeg * Math.PI) / 180)];
  const ry = [[cy, 0, sy], [0, 1, 0], [-sy, 0, cy]];
  const rx = [[1, 0, 0], [0, cp, -sp], [0, sp, cp]];
  const mul = (m: number[][], v: number[]) => m.map((row) => row.reduce((s, x, i) => s + x * v[i], 0));
  return mul(rx, mul(ry, p));
}

describe('project', () => {
  test('no turn, no tilt: x and y stay, z is the depth', () => {
    expect(project([1, 2, 3], { yaw: 0, pitch: 0 })).toEqual([1, 2, 3]);
  });
  test('a quarter turn brings the z axis to the screen x axis', () => {
    const [x, y, depth] = project([0, 0, 1], { yaw: 90, pitch: 0 });
    expect(x).toBeCloseTo(1, 12);
    expect(y).toBeCloseTo(0, 12);
    expect(depth).toBeCloseTo(0, 12);
  });
  test.each([[30, 20], [-150, 75], [179, -90], [45, 45]])('matches Rx·Ry at yaw %d°, pitch %d°', (yaw, pitch) => {
    for (const p of [[1, 0, 0], [0.3, -2, 5], [-1.5, 4, -0.25]] as [number, number, number][]) {
      const got = project(p, { yaw, pitch });
      oracle(p, yaw, pitch).forEach((v, i) => expect(got[i]).toBeCloseTo(v, 12));
    }
  });
  test('rotation keeps lengths', () => {
    const p: [number, number, number] = [3, -4, 12];
    expect(Math.hypot(...project(p, { yaw: 37, pitch: -61 }))).toBeCloseTo(13, 12);
  });
});

describe('angles and keys', () => {
  test('yaw wraps, pitch stops at ±90', () => {
    expect(rotateBy({ yaw: 170, pitch: 0 }, 15, 0)).toEqual({ yaw: -175, pitch: 0 });
    expect(rotateBy({ yaw: -175, pitch: 0 }, -15, 0)).toEqual({ yaw: 170, pitch: 0 });
    expect(rotateBy({ yaw: 0, pitch: 85 }, 0, 15).pitch).toBe(90);
    expect(rotateBy({ yaw: 0, pitch: -85 }, 0, -15).pitch).toBe(-90);
  });
  test('arrow keys turn 15°, 5° with Shift; other keys are left alone', () => {
    expect(rotationForKey('ArrowRight', false)).toEqual([15, 0]);
    expect(rotationForKey('ArrowUp', true)).toEqual([0, 5]);
    expect(rotationForKey('ArrowLeft', true)).toEqual([-5, 0]);
    expect(rotationForKey('a', false)).toBeNull();
  });
  test('the view is described in words', () => {
    expect(describeAngles(DEFAULT_ANGLES)).toBe('View turned 30° to the right, seen from 20° above.');
    expect(describeAngles({ yaw: 0, pitch: 0 })).toBe('View not turned, seen level.');
    expect(describeAngles({ yaw: -45, pitch: -10 })).toBe('View turned 45° to the left, seen from 10° below.');
  });
});

describe('points', () => {
  test('three columns per row; specials and punctuation left out', () => {
    const vocab = ['<pad>', '.', 'paris', 'cat'];
    const coords = new Float32Array([9, 9, 9, 9, 9, 9, 1, 2, 3, 4, 5, 6]);
    expect(mapPoints3(coords, vocab)).toEqual([
      { id: 2, word: 'paris', group: 'capitals', x: 1, y: 2, z: 3 },
      { id: 3, word: 'cat', group: 'animals', x: 4, y: 5, z: 6 },
    ]);
  });
  test('cloud radius: the farthest point from the centroid', () => {
    const pts = [[0, 0, 0], [2, 0, 0], [0, 2, 0], [0, 0, 2]].map(([x, y, z], id) => ({ id, word: `w${id}`, group: null, x, y, z }));
    const { centre, radius } = cloudRadius(pts);
    expect(centre).toEqual([0.5, 0.5, 0.5]);
    // Centroid (0.5, 0.5, 0.5) to (2, 0, 0): √(2.25 + 0.25 + 0.25) = √2.75.
    expect(radius).toBeCloseTo(Math.sqrt(2.75), 12);
    expect(cloudRadius([]).radius).toBe(1);
  });
  test('with a share, the radius holds that share of the points and ignores the outlier', () => {
    // 19 points at distance 1 from the origin-ish centroid and one far outlier along x.
    const pts = Array.from({ length: 20 }, (_, id) => ({ id, word: `w${id}`, group: null, x: id === 19 ? 100 : 0, y: 0, z: 0 }));
    const all = cloudRadius(pts);
    const most = cloudRadius(pts, 0.95);
    expect(all.centre[0]).toBeCloseTo(5, 12);
    expect(all.radius).toBeCloseTo(95, 12);
    // 95 % of 20 points = 19 points, all 5 away from the centroid (5, 0, 0).
    expect(most.radius).toBeCloseTo(5, 12);
  });
});
