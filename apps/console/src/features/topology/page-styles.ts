import { makeStyles, tokens } from '@fluentui/react-components';

/** The topology page: the drawing beside its findings, then the table. */
export const usePageStyles = makeStyles({
  page: { overflow: 'auto', height: '100%', padding: tokens.spacingHorizontalM, boxSizing: 'border-box' },
  /** The drawing beside its findings, as high as the window leaves room for (420 px at least). */
  view: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) 260px',
    gap: tokens.spacingHorizontalS,
    height: 'max(420px, calc(100vh - 250px))',
  },
  diagram: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minHeight: 0,
    position: 'relative',
  },
  laying: { position: 'absolute', inset: 0, zIndex: 5, pointerEvents: 'none' },
  cycles: { fontSize: '13px' },
  /** A button that reads as a link in a sentence (Show DS1, 12 computers). */
  linkButton: { padding: 0, minWidth: 0, textDecoration: 'underline', verticalAlign: 'baseline' },
  findings: {
    overflow: 'auto',
    minHeight: 0,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalSNudge,
  },
  findingsTitle: { fontSize: '13px', margin: '2px 2px 6px' },
  finding: { marginBottom: tokens.spacingVerticalSNudge },
  findingServers: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalSNudge,
    marginTop: tokens.spacingVerticalXS,
  },
  findingServer: { display: 'inline-flex', gap: tokens.spacingHorizontalSNudge },
  /** The line that says what the search found: one line, cut short. */
  found: {
    fontSize: tokens.fontSizeBase200,
    height: '18px',
    margin: '0 0 4px',
    overflow: 'hidden',
    whiteSpace: 'nowrap',
    textOverflow: 'ellipsis',
  },
});
