// The three transformer families as data: which query may attend to which key in each attention block, the
// training objective and typical tasks (chapter 7, W7.3). Pure, so the diagrams and their text share one source.

/** A family's id. */
export type FamilyId = 'bert' | 'gpt' | 't5';

/** One attention block of a family: who asks (rows), who is looked at (columns), and which cells are allowed. */
export interface AttentionBlock {
  name: string;
  /** Labels of the query rows and key columns. */
  rows: string[];
  cols: string[];
  /** Whether query row i may attend to key column j. */
  allowed: (i: number, j: number) => boolean;
  /** The pattern's name in words: "full grid", "triangle", "rectangle". */
  shape: string;
}

/** A family: its models, its blocks and what it is for. */
export interface Family {
  id: FamilyId;
  label: string;
  example: string;
  blocks: AttentionBlock[];
  objective: string;
  tasks: string;
  /** A sentence describing the diagrams for readers who cannot see them. */
  description: string;
}

const INPUT = ['the', 'bear', 'ate', 'honey'];
const OUTPUT = ['l’ours', 'a', 'mangé'];
const all = () => true;
const causal = (i: number, j: number) => j <= i;

/** The three families, in the order the widget offers them. */
export const FAMILIES: Family[] = [
  {
    id: 'bert', label: 'Encoder-only', example: 'BERT',
    blocks: [{ name: 'self-attention', rows: INPUT, cols: INPUT, allowed: all, shape: 'full grid' }],
    objective: 'Fill in words hidden in the middle of a sentence (masked language modelling), using the words on both sides.',
    tasks: 'Understanding text: classifying it, tagging words, finding the answer span in a passage, comparing sentences.',
    description: 'One 4 by 4 grid with every cell open: every token attends to every token, before and after it.',
  },
  {
    id: 'gpt', label: 'Decoder-only', example: 'GPT, and this course’s models',
    blocks: [{ name: 'causal self-attention', rows: INPUT, cols: INPUT, allowed: causal, shape: 'triangle' }],
    objective: 'Predict the next token from the tokens before it.',
    tasks: 'Generating text: continuing a prompt, chat, code, and any task phrased as text to continue.',
    description: 'One 4 by 4 grid open on and below the diagonal only, a triangle: each token attends to itself and earlier tokens.',
  },
  {
    id: 't5', label: 'Encoder–decoder', example: 'T5, and the original Transformer',
    blocks: [
      { name: 'encoder self-attention', rows: INPUT, cols: INPUT, allowed: all, shape: 'full grid' },
      { name: 'decoder self-attention', rows: OUTPUT, cols: OUTPUT, allowed: causal, shape: 'triangle' },
      { name: 'cross-attention', rows: OUTPUT, cols: INPUT, allowed: all, shape: 'rectangle' },
    ],
    objective: 'Turn an input text into an output text: the encoder reads the input both ways, the decoder writes the output one token at a time.',
    tasks: 'Translation, summarising, question answering written as text to text.',
    description: 'Three grids: the encoder’s 4 by 4 full grid over the input; the decoder’s 3 by 3 triangle over the output so far; and a 3 by 4 rectangle, fully open, where each output token (query) attends to every input token (keys and values from the encoder).',
  },
];

/** How many cells of a block are open. */
export function openCells(block: AttentionBlock): number {
  let n = 0;
  for (let i = 0; i < block.rows.length; i++) for (let j = 0; j < block.cols.length; j++) if (block.allowed(i, j)) n++;
  return n;
}
