import type { TopologyMatch } from './queries';

/** What the status line says of a DPM server the search found. */
export const serverFound = (m: TopologyMatch): string =>
  `${m.name}: DPM server` +
  `${m.protectedBy.length ? `, protected by ${m.protectedBy.map((p) => p.name).join(', ')}` : ''}.`;

/** What the status line says of a protected computer the search found. */
export const computerFound = (m: TopologyMatch): string =>
  `${m.name}: protected by ` +
  `${m.protectedBy.map((p) => `${p.name}${p.how === 'switched' ? ' (switched)' : ''}`).join(', ')}.`;
