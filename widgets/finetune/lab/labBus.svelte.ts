// What the fine-tuning widgets on one page share: every lab drives the worker's single fine-tuned copy of the
// model, so only one may train at a time, and WeightDiff shows whatever the latest run did to the weights.
import type { MatrixChange } from '../../../engine/finetune/weightDiff.ts';

/** Page-wide state of the fine-tuned copy. */
class LabBus {
  /** Id of the lab whose run (running or paused) owns the fine-tuned copy, or null. */
  owner = $state<string | null>(null);
  /** ‖ΔW‖/‖W‖ per matrix after the latest probe step of any lab; null until a run reports. */
  changes = $state.raw<MatrixChange[] | null>(null);
  /** The step those changes were measured at (0 after a reset). */
  changesStep = $state(0);

  /** Records a lab's latest matrix changes. */
  publish(changes: MatrixChange[] | null, step: number): void {
    this.changes = changes;
    this.changesStep = step;
  }
}

/** The page's one bus. */
export const labBus = new LabBus();
