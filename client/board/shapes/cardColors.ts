import type { CardColor } from '../../../exercises/kit/definitions';

/**
 * How a tldraw colour name looks on our cards and zones: a header colour with dark or white text
 * chosen for contrast (WCAG AA at 12 px bold), a pale tint for zone backgrounds and a border.
 */
export interface CardPalette {
  header: string;
  headerText: string;
  tint: string;
  border: string;
}

const CARD_PALETTES: Record<CardColor, CardPalette> = {
  black: { header: '#2b2f36', headerText: '#ffffff', tint: '#f1f2f4', border: '#9aa0a9' },
  grey: { header: '#d9dde3', headerText: '#1d2433', tint: '#f4f5f7', border: '#b9bfc8' },
  'light-violet': { header: '#e4d7fb', headerText: '#3b1f73', tint: '#f8f4fe', border: '#c9b3f2' },
  violet: { header: '#6b3fc4', headerText: '#ffffff', tint: '#f3eefc', border: '#b59ae6' },
  blue: { header: '#2f5bd3', headerText: '#ffffff', tint: '#eef3fd', border: '#9db4ec' },
  'light-blue': { header: '#cfe6fb', headerText: '#0e3b66', tint: '#f1f8fe', border: '#9cc8ef' },
  yellow: { header: '#fbe38a', headerText: '#4a3800', tint: '#fffaeb', border: '#e9cf6a' },
  orange: { header: '#f7b267', headerText: '#4a2500', tint: '#fff5eb', border: '#eba760' },
  green: { header: '#217a4b', headerText: '#ffffff', tint: '#edf7f1', border: '#8fc7a7' },
  'light-green': { header: '#cdeecf', headerText: '#174a1c', tint: '#f2fbf3', border: '#9bd3a0' },
  'light-red': { header: '#fbd0cc', headerText: '#6b1710', tint: '#fef3f2', border: '#f0a9a2' },
  red: { header: '#c2352b', headerText: '#ffffff', tint: '#fdefee', border: '#e89b95' },
};

export function paletteOf(color: string): CardPalette {
  return CARD_PALETTES[color as CardColor] ?? CARD_PALETTES.grey;
}
