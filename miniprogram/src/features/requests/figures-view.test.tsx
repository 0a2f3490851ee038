import { render } from '@testing-library/react';
import { computeFigures } from '@linli/shared';
import { describe, expect, it } from 'vitest';
import { FiguresView } from './figures-view';

describe('<FiguresView>', () => {
  it('says which count is new reports and which is accepted ones (two different numbers)', () => {
    const f = computeFigures(
      [{ day: '2026-11-02', submitted: 5, accepted: 2, acceptedOnTime: 2 }],
      { from: '2026-11-01', to: '2026-11-03' },
      '2026-11-03',
      0,
    );
    const view = render(<FiguresView id="fig" figures={f} />);
    const tile = (k: string) => view.container.querySelector(`#fig-${k}`)?.textContent;
    expect(tile('submitted')).toBe('5新反映（期间报来）');
    expect(tile('accepted')).toBe('2已受理（期间受理）');
  });
});
