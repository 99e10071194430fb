// URL state of chapter 4's course-model widgets: what the learner typed survives a link, bad links fall back to
// the start with a notice, and the start state matches what the widgets open on.
import { describe, expect, test } from 'vitest';
import { decodeState, encodeState, type WidgetStateSpec } from '../../widgets/kit/urlState.ts';
import { sentencePairState, wordListState, wordPairState } from '../../widgets/similarity/modelWidgetStates.ts';
import { MAX_INPUT_LENGTH, WORD_PRESETS } from '../../widgets/similarity/similarityMatrixModel.ts';

const cases: [string, WidgetStateSpec<unknown>, unknown[]][] = [
  ['ModelWordPair', wordPairState, [{ first: 'king', second: 'queen' }, { first: 'zebra🦓', second: '' }]],
  ['ModelSimilarityMatrix', wordListState, [{ text: WORD_PRESETS[3].words.join(' ') }, { text: 'a, b' }]],
  ['SenseByLayer', sentencePairState, [{ first: 'she picked a ripe apple', second: 'he works at apple' }, { first: 'é — “quotes” & <tags>', second: 'x' }]],
];

for (const [name, spec, states] of cases) {
  describe(`${name} URL state`, () => {
    test('typed words and sentences (also unknown words, emoji and markup) survive encode → decode exactly', () => {
      for (const state of states) {
        const decoded = decodeState(spec, encodeState(spec, state));
        expect(decoded.notice).toBeNull();
        expect(decoded.state).toEqual(state);
      }
    });
    test('a malformed, oversized or wrong-version value opens the start state with a notice', () => {
      for (const raw of ['1.%%%', '1.' + 'A'.repeat(5000), `9.${encodeState(spec, states[0]).split('.')[1]}`, '1.eyJ4IjoxfQ']) {
        const decoded = decodeState(spec, raw);
        expect(decoded.notice).not.toBeNull();
        expect(decoded.state).toBe(spec.defaults);
      }
    });
  });
}

test('the word list refuses text longer than the input box allows', () => {
  expect(wordListState.schema.safeParse({ text: 'a '.repeat(MAX_INPUT_LENGTH) }).success).toBe(false);
});
