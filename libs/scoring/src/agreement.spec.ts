import { krippendorffAlpha, meanSignedDeviation, reliabilityOf } from './agreement.js';

// Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011), section C: four observers,
// twelve units, values 1–5, missing values. Rows here are the units, columns the observers A–D.
const _ = null;
const PUBLISHED = [
  [1, 1, _, 1],
  [2, 2, 3, 2],
  [3, 3, 3, 3],
  [3, 3, 3, 3],
  [2, 2, 2, 2],
  [1, 2, 3, 4],
  [4, 4, 4, 4],
  [1, 1, 2, 1],
  [2, 2, 2, 2],
  [_, 5, 5, 5],
  [_, _, 1, 1],
  [_, 3, _, _],
];

describe('krippendorffAlpha', () => {
  it('reproduces the published example: interval 0.849, ordinal 0.815, over 40 pairable values', () => {
    const interval = krippendorffAlpha(PUBLISHED, 'interval');
    expect(interval.alpha).toBeCloseTo(0.849, 3);
    expect(interval.pairableValues).toBe(40);
    expect(krippendorffAlpha(PUBLISHED, 'ordinal').alpha).toBeCloseTo(0.815, 3);
  });

  it('does not depend on the order of units or of raters', () => {
    const reordered = [...PUBLISHED].reverse().map((unit) => [...unit].reverse());
    expect(krippendorffAlpha(reordered, 'ordinal').alpha).toBeCloseTo(krippendorffAlpha(PUBLISHED, 'ordinal').alpha!, 12);
  });

  it('is 1 when every unit is agreed and the units differ', () => {
    expect(
      krippendorffAlpha(
        [
          [4, 4, 4],
          [2, 2, _],
          [0, 0, 0],
        ],
        'ordinal',
      ).alpha,
    ).toBe(1);
    expect(
      krippendorffAlpha(
        [
          [80, 80],
          [55.5, 55.5],
        ],
        'interval',
      ).alpha,
    ).toBe(1);
  });

  it('is below 0 when raters disagree more than chance would', () => {
    expect(
      krippendorffAlpha(
        [
          [0, 4],
          [4, 0],
          [0, 4],
        ],
        'interval',
      ).alpha!,
    ).toBeLessThan(0);
  });

  it('says "no variation" instead of a number when every value is the same', () => {
    expect(
      krippendorffAlpha(
        [
          [3, 3],
          [3, 3, 3],
        ],
        'ordinal',
      ),
    ).toEqual({ alpha: null, pairableValues: 5, noVariation: true });
  });

  it('is null with fewer than two pairable values: lone values and missing ones do not pair', () => {
    expect(
      krippendorffAlpha(
        [
          [3, _, _],
          [_, 2, _],
        ],
        'ordinal',
      ),
    ).toEqual({ alpha: null, pairableValues: 0, noVariation: false });
    expect(krippendorffAlpha([], 'interval').alpha).toBeNull();
  });

  it('ordinal distances follow the ranks seen, interval ones the values', () => {
    // 0 and 4 are the only values: ordinally as far as two adjacent ranks can be, so the two metrics agree here…
    const twoValues = [
      [0, 4],
      [0, 0],
      [4, 4],
    ];
    expect(krippendorffAlpha(twoValues, 'ordinal').alpha).toBeCloseTo(krippendorffAlpha(twoValues, 'interval').alpha!, 12);
    // …but with answers 0, 1 and 4 the ordinal distances come from how many values lie between two
    // ranks, not from the gaps between the values: the figures part.
    const gapped = [
      [0, 1],
      [1, 1],
      [1, 1],
      [0, 0],
      [4, 4],
      [1, 4],
    ];
    expect(krippendorffAlpha(gapped, 'ordinal').alpha).toBeCloseTo(0.6944, 4);
    expect(krippendorffAlpha(gapped, 'interval').alpha).toBeCloseTo(0.6605, 4);
  });
});

describe('reliabilityOf', () => {
  it('bands alpha at 0.800 and 0.667', () => {
    expect(reliabilityOf(0.8)).toBe('RELIABLE');
    expect(reliabilityOf(0.7999)).toBe('TENTATIVE');
    expect(reliabilityOf(0.667)).toBe('TENTATIVE');
    expect(reliabilityOf(0.6669)).toBe('UNRELIABLE');
    expect(reliabilityOf(-0.2)).toBe('UNRELIABLE');
    expect(reliabilityOf(null)).toBeNull();
  });
});

describe('meanSignedDeviation', () => {
  it('averages answer − reference where both exist: positive is lenient, negative harsh', () => {
    expect(
      meanSignedDeviation([
        { value: 4, reference: 3 },
        { value: 3, reference: 3 },
        { value: null, reference: 2 },
        { value: 2, reference: null },
        { value: 4, reference: 2 },
      ]),
    ).toEqual({ mean: 1, count: 3 });
    expect(meanSignedDeviation([{ value: 60, reference: 75.5 }])).toEqual({ mean: -15.5, count: 1 });
  });

  it('has no mean without a pair', () => {
    expect(meanSignedDeviation([{ value: 3, reference: null }])).toEqual({ mean: null, count: 0 });
  });
});
