/** The registry of engine CLI verbs: to add one, write scripts/cli/<verb>.ts exporting a Verb and list it here. */
import type { Verb } from './types.ts';
import { tokenizeVerb } from './tokenize.ts';
import { logitsVerb } from './logits.ts';
import { generateVerb } from './generate.ts';
import { inspectVerb } from './inspect.ts';
import { makeTestModelVerb } from './makeTestModel.ts';
import { corpusVerb } from './corpus.ts';
import { evalVerb } from './eval.ts';
import { evalFineTuneVerb } from './evalFineTune.ts';
import { trainVerb } from './train.ts';
import { convertVerb } from './convert.ts';

/** Every verb, in the order the help lists them. */
export const VERBS: Verb[] = [tokenizeVerb, logitsVerb, generateVerb, inspectVerb, corpusVerb, evalVerb, evalFineTuneVerb, trainVerb, convertVerb, makeTestModelVerb];
