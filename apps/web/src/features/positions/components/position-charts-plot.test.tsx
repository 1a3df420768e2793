import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import PositionChartsPlot from './position-charts-plot';

describe('PositionChartsPlot', () => {
  it('draws one labelled chart each for health factor, margin fraction and PnL, tolerating missing samples', () => {
    const point = (minute: number, hf: string | null) => ({
      timestamp: `2026-12-04T12:0${minute}:00.000Z`,
      health_factor: hf,
      health_factor_min: hf,
      margin_fraction: '0.15',
      margin_fraction_min: '0.15',
      delta_ratio: '0.0008',
      pnl: '45.30',
    });
    const { container } = render(<PositionChartsPlot points={[point(0, '0.28'), point(1, null), point(2, '0.27')]} />);
    const captions = [...container.querySelectorAll('figcaption')].map((c) => c.textContent);
    expect(captions).toEqual(['Asgard health factor', 'Hyperliquid margin fraction', 'PnL']);
  });
});
