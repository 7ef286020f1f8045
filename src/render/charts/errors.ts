/**
 * The data given to a chart cannot be drawn (nothing left to plot once invalid values are dropped).
 * Callers attach no chart and keep the text reply, so the message says what was missing.
 */
export class ChartDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ChartDataError";
  }
}
