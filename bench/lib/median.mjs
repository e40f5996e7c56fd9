/** The middle value (the upper middle for an even count); `values` is left as it was. */
export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
