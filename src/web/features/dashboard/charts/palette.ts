/** Series colours, distinguishable and printable; the nth series takes the nth colour. */
export const PALETTE = [
  '#1677ff',
  '#fa8c16',
  '#52c41a',
  '#eb2f96',
  '#722ed1',
  '#13c2c2',
  '#faad14',
  '#a0d911',
  '#8c8c8c',
];
export const colourOf = (i: number) => PALETTE[i % PALETTE.length];
