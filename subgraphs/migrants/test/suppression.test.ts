import { secondarySuppression } from '../src/statistics/statistics.service';

describe('secondary suppression', () => {
  test('a lone "<5" in a line hides the smallest other cell of that line', () => {
    // By country: RU 120, KZ 40, JP 3. Total 163 is published: JP = 163 - 120 - 40 unless one more is hidden.
    const rows = [{ keys: ['RU'], n: 120 }, { keys: ['KZ'], n: 40 }, { keys: ['JP'], n: 3 }];
    expect([...secondarySuppression(rows)]).toEqual([1]);
  });

  test('two "<5" cells in a line protect each other; nothing more is hidden', () => {
    const rows = [{ keys: ['RU'], n: 120 }, { keys: ['JP'], n: 3 }, { keys: ['US'], n: 2 }];
    expect(secondarySuppression(rows).size).toBe(0);
  });

  test('two dimensions: every row and column line keeps at least two hidden cells or none', () => {
    const rows = [
      { keys: ['RU', 'F'], n: 50 }, { keys: ['RU', 'M'], n: 70 },
      { keys: ['JP', 'F'], n: 2 }, { keys: ['JP', 'M'], n: 9 },
    ];
    const extra = secondarySuppression(rows);
    const hidden = new Set([2, ...extra]);
    // JP line: JP-F (primary) and JP-M; F column: JP-F and RU-F.
    expect(hidden.has(3)).toBe(true);
    expect(hidden.has(0)).toBe(true);
    for (const line of [[0, 1], [2, 3], [0, 2], [1, 3]]) {
      const n = line.filter((i) => hidden.has(i)).length;
      expect(n === 0 || n >= 2).toBe(true);
    }
  });
});
