// The embedding map's 3-D view as pure math: points on the first three principal components, a turn (yaw) and a
// tilt (pitch) chosen by the learner, and the orthographic projection onto the screen.
import { groupOf, type GroupId } from './embeddingMapModel.ts';

/** A word on the first three principal components. */
export interface MapPoint3 { id: number; word: string; group: GroupId | null; x: number; y: number; z: number }

/** The view direction in degrees: yaw turns about the vertical axis, pitch tilts towards or away from the viewer. */
export interface ViewAngles { yaw: number; pitch: number }

/** The starting view: a small turn and tilt so all three axes are visible at once. */
export const DEFAULT_ANGLES: ViewAngles = { yaw: 30, pitch: 20 };

/** One key press turns this many degrees; with Shift, ROTATE_FINE. */
export const ROTATE_STEP = 15;
/** See ROTATE_STEP. */
export const ROTATE_FINE = 5;

/** Points from the worker's 3-D PCA coords [V, 3], special tokens and punctuation left out. */
export function mapPoints3(coords: ArrayLike<number>, vocabulary: readonly string[]): MapPoint3[] {
  const points: MapPoint3[] = [];
  vocabulary.forEach((word, id) => {
    if (!/^[a-z]/.test(word)) return;
    points.push({ id, word, group: groupOf(word), x: coords[id * 3], y: coords[id * 3 + 1], z: coords[id * 3 + 2] });
  });
  return points;
}

/** Adds a turn and a tilt: yaw wraps into [−180, 180), pitch stops at ±90 so the picture never flips upside down. */
export function rotateBy(a: ViewAngles, dYaw: number, dPitch: number): ViewAngles {
  const yaw = ((((a.yaw + dYaw + 180) % 360) + 360) % 360) - 180;
  return { yaw, pitch: Math.max(-90, Math.min(90, a.pitch + dPitch)) };
}

/** The (turn, tilt) a key asks for, or null so the key keeps its usual job. */
export function rotationForKey(key: string, fine: boolean): [number, number] | null {
  const step = fine ? ROTATE_FINE : ROTATE_STEP;
  const moves: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
  return moves[key] ?? null;
}

/**
 * Rotates a point by yaw about the y axis, then by pitch about the x axis, and drops the depth axis.
 * p: [3] -> [screenX, screenY, depth]; screenY points up, larger depth is nearer the viewer.
 */
export function project(p: readonly [number, number, number], a: ViewAngles): [number, number, number] {
  const yaw = (a.yaw * Math.PI) / 180;
  const pitch = (a.pitch * Math.PI) / 180;
  const x1 = p[0] * Math.cos(yaw) + p[2] * Math.sin(yaw);
  const z1 = -p[0] * Math.sin(yaw) + p[2] * Math.cos(yaw);
  const y2 = p[1] * Math.cos(pitch) - z1 * Math.sin(pitch);
  const z2 = p[1] * Math.sin(pitch) + z1 * Math.cos(pitch);
  return [x1, y2, z2];
}

/**
 * The centre of the cloud (its centroid) and the radius that holds `share` of the points. A few outlying words
 * would otherwise shrink the whole cloud to a dot; the view pins those to its edge instead.
 */
export function cloudRadius(points: readonly MapPoint3[], share = 1): { centre: [number, number, number]; radius: number } {
  const n = points.length || 1;
  const centre: [number, number, number] = [0, 0, 0];
  for (const p of points) [centre[0], centre[1], centre[2]] = [centre[0] + p.x / n, centre[1] + p.y / n, centre[2] + p.z / n];
  const distances = points.map((p) => Math.hypot(p.x - centre[0], p.y - centre[1], p.z - centre[2])).sort((a, b) => a - b);
  const radius = distances.length ? distances[Math.min(distances.length - 1, Math.ceil(share * distances.length) - 1)] : 0;
  return { centre, radius: radius || 1 };
}

/** A sentence for screen readers and the status line: where the view points now. */
export function describeAngles(a: ViewAngles): string {
  const turn = a.yaw === 0 ? 'not turned' : `turned ${Math.abs(a.yaw)}° to the ${a.yaw > 0 ? 'right' : 'left'}`;
  // Positive pitch moves near points down the screen: the cloud is seen from above.
  const tilt = a.pitch === 0 ? 'seen level' : `seen from ${Math.abs(a.pitch)}° ${a.pitch > 0 ? 'above' : 'below'}`;
  return `View ${turn}, ${tilt}.`;
}
