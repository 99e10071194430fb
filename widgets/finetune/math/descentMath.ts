// The "foggy mountain": plain gradient descent on a two-parameter loss surface, a tilted valley
// L(w) = L_min + ½ (w − w*)ᵀ H (w − w*). A quadratic keeps every regime exact: along each of H's two
// directions a step multiplies the distance to the valley floor by (1 − ηλ), so the curvatures λ decide
// which learning rates crawl, converge, bounce or blow up.

/** A point on the map: the two parameters. */
export type Point2 = [number, number];

/** The surface: curvatures along its two main directions, the tilt of the valley, its floor and lowest point. */
export interface Surface {
  /** Curvature along the valley (gentle) and across it (steep). */
  curvatures: [number, number];
  /** Angle of the valley's long direction, in radians from the w1 axis. */
  tilt: number;
  /** Where the loss is lowest. */
  minimum: Point2;
  /** The lowest loss (never 0, like a real model's). */
  floor: number;
}

/** The course's valley: four times steeper across than along, tilted by 30°, lowest loss 0.2 at (0, 0). */
export const VALLEY: Surface = { curvatures: [1, 4], tilt: Math.PI / 6, minimum: [0, 0], floor: 0.2 };

/** Where the hiker starts: far along the valley and a little up its side. */
export const START: Point2 = [-3.4, -1.1];

/** Coordinates of d = w − w* along the valley (u) and across it (v). */
function toValley(s: Surface, w: Point2): Point2 {
  const dx = w[0] - s.minimum[0];
  const dy = w[1] - s.minimum[1];
  const c = Math.cos(s.tilt);
  const sn = Math.sin(s.tilt);
  return [c * dx + sn * dy, -sn * dx + c * dy];
}

/** The loss at w. */
export function lossAt(s: Surface, w: Point2): number {
  const [u, v] = toValley(s, w);
  return s.floor + 0.5 * (s.curvatures[0] * u * u + s.curvatures[1] * v * v);
}

/** The slope at w: ∇L = H (w − w*). w: [2] -> gradient: [2] */
export function gradientAt(s: Surface, w: Point2): Point2 {
  const [u, v] = toValley(s, w);
  const gu = s.curvatures[0] * u;
  const gv = s.curvatures[1] * v;
  const c = Math.cos(s.tilt);
  const sn = Math.sin(s.tilt);
  return [c * gu - sn * gv, sn * gu + c * gv];
}

/** One step downhill: w ← w − η ∇L(w). */
export function descentStep(s: Surface, w: Point2, eta: number): Point2 {
  const g = gradientAt(s, w);
  return [w[0] - eta * g[0], w[1] - eta * g[1]];
}

/** One row of a run: where the hiker is after `step` steps, and the loss there. */
export interface PathPoint { step: number; w: Point2; loss: number }

/** Runs `steps` steps from `start`; returns steps + 1 points, the start first. */
export function descentPath(s: Surface, start: Point2, eta: number, steps: number): PathPoint[] {
  const path: PathPoint[] = [{ step: 0, w: start, loss: lossAt(s, start) }];
  let w = start;
  for (let step = 1; step <= steps; step++) {
    w = descentStep(s, w, eta);
    path.push({ step, w, loss: lossAt(s, w) });
  }
  return path;
}

/** How a learning rate behaves on a surface. */
export type Regime = 'frozen' | 'too-small' | 'good' | 'zigzag' | 'edge' | 'diverges';

/** Per-step factor on the distance to the floor along each main direction: 1 − ηλ. */
export function stepFactors(s: Surface, eta: number): [number, number] {
  return [1 - eta * s.curvatures[0], 1 - eta * s.curvatures[1]];
}

/** The largest learning rate that still converges: 2 / (steepest curvature). */
export function stableLimit(s: Surface): number {
  return 2 / Math.max(...s.curvatures);
}

/**
 * Classifies η from the step factors: |factor| > 1 somewhere diverges, exactly 1 bounces forever, a factor close
 * to 1 crawls (if no factor is negative) or zigzags slowly (if one is), anything else converges well.
 */
export function regimeOf(s: Surface, eta: number): Regime {
  if (eta === 0) return 'frozen';
  const factors = stepFactors(s, eta);
  const rate = Math.max(...factors.map(Math.abs));
  if (rate > 1 + 1e-9) return 'diverges';
  if (rate > 1 - 1e-9) return 'edge';
  if (rate > 0.9) return factors.some((f) => f < 0) ? 'zigzag' : 'too-small';
  return 'good';
}

/** First step at which the loss is within 1 % of the way from the start to the floor, or null within the path. */
export function stepsToSettle(path: readonly PathPoint[], floor: number): number | null {
  const gap = path[0].loss - floor;
  const hit = path.find((p) => p.loss - floor <= 0.01 * gap);
  return hit ? hit.step : null;
}
