// ArchitecturePicker's data: the attention pattern of each family, counted cell by cell.
import { describe, expect, test } from 'vitest';
import { FAMILIES, openCells } from '../../widgets/masking/architectures.ts';

const family = (id: string) => FAMILIES.find((f) => f.id === id)!;

describe('attention patterns of the three families', () => {
  test('BERT: one full grid, every cell open (T² = 16 for 4 tokens)', () => {
    const [block] = family('bert').blocks;
    expect(family('bert').blocks).toHaveLength(1);
    expect(openCells(block)).toBe(16);
    expect(block.shape).toBe('full grid');
  });

  test('GPT: one triangle, T(T+1)/2 = 10 open cells for 4 tokens, none above the diagonal', () => {
    const [block] = family('gpt').blocks;
    expect(openCells(block)).toBe(10);
    expect(block.allowed(0, 1)).toBe(false);
    expect(block.allowed(3, 0)).toBe(true);
    expect(block.allowed(2, 2)).toBe(true);
  });

  test('T5: encoder full grid, causal decoder triangle, and a fully open decoder × encoder cross rectangle', () => {
    const [enc, dec, cross] = family('t5').blocks;
    expect(openCells(enc)).toBe(enc.rows.length ** 2);
    expect(openCells(dec)).toBe((dec.rows.length * (dec.rows.length + 1)) / 2);
    expect(cross.rows).toEqual(dec.rows);
    expect(cross.cols).toEqual(enc.cols);
    expect(openCells(cross)).toBe(cross.rows.length * cross.cols.length);
    expect(cross.shape).toBe('rectangle');
  });

  test('every family says what it is trained to do and has a text description of its diagrams', () => {
    expect(family('bert').objective).toMatch(/both sides/);
    expect(family('gpt').objective).toMatch(/next token/);
    for (const f of FAMILIES) expect(f.description.length).toBeGreaterThan(40);
  });
});
