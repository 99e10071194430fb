/** One line per planned chapter, so the home page shows the whole arc even before every chapter is written. */
export const courseArc: { order: number; title: string; line: string }[] = [
  { order: 1, title: 'One token at a time', line: 'A language model turns a prefix into a probability for every next token, picks one, and repeats.' },
  { order: 2, title: 'Tokens', line: 'Text becomes IDs before any number exists: byte-pair encoding by hand, then real tokenizers.' },
  { order: 3, title: 'Embeddings', line: 'An ID is an address; the row it points to holds what the model knows about the token.' },
  { order: 4, title: 'Similarity', line: 'Dot product, cosine and distance, where they disagree, and a surprise in high dimensions.' },
  { order: 5, title: 'Softmax, temperature and sampling', line: 'Scores become probabilities; temperature and truncation decide how the next token is drawn.' },
  { order: 6, title: 'Attention', line: 'Queries, keys and values let each token pull in the context it needs.' },
  { order: 7, title: 'Masking', line: 'Why a next-token predictor must not see ahead, and how that gives the KV cache.' },
  { order: 8, title: 'Position', line: 'Attention ignores order; learned, sinusoidal and rotary positions put it back.' },
  { order: 9, title: 'A full block', line: 'Layer norm, attention, the MLP and the residual stream, end to end, with shapes at every arrow.' },
  { order: 10, title: 'Fine-tuning', line: 'Teach the model a fact it has never seen, right in your browser, and watch what it forgets.' },
];
