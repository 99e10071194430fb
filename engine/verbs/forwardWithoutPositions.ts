// A traced forward pass of a course model with its added position signal switched off: the same weights, but the
// learned or sinusoidal rows are not added at the input (rotary models also skip their rotation). Chapter 8 uses it
// to show that, without positions, the first block at the last position sees the prompt as a bag of tokens.
import { forward, type Model } from '../model.ts';
import { requireModel } from '../modelStore.ts';
import { traceBuffers, type Trace } from '../trace.ts';
import type { HandlerContext } from '../handlers.ts';
import { promptIds, tokenTexts } from './prompt.ts';

/** The model with positions 'none': wpe (if any) left out, everything else shared, not copied. */
export function withoutPositions(model: Model): Model {
  const params = { ...model.params };
  delete params.wpe;
  return { config: { ...model.config, positions: 'none' }, params };
}

/** Runs the text through the model without any position signal; logits [T, V] and the trace are transferred. */
export function forwardWithoutPositionsVerb(
  params: { model: string; text: string },
  ctx: HandlerContext,
): { ids: number[]; tokens: string[]; logits: Float32Array; trace: Trace } {
  const entry = requireModel(params.model);
  const ids = promptIds(entry, params.text);
  const result = forward(withoutPositions(entry.model), ids, { trace: true });
  const trace = result.trace!;
  ctx.transfer.push(result.logits.buffer as ArrayBuffer);
  for (const buffer of traceBuffers(trace)) if (!ctx.transfer.includes(buffer)) ctx.transfer.push(buffer);
  return { ids, tokens: tokenTexts(entry, ids), logits: result.logits, trace };
}
