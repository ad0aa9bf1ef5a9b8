import { makeStyles, tokens } from '@fluentui/react-components';

/**
 * The boxes of the topology drawing: a DPM server (its border says whether it has findings, its
 * background whether it failed), a protected computer and a server's list of computers. Their
 * sizes are the layout's (SIZE in model.ts) and stay with it.
 */
export const useNodeStyles = makeStyles({
  server: {
    boxSizing: 'border-box',
    display: 'grid',
    alignContent: 'center',
    justifyItems: 'center',
    padding: '4px 8px',
    borderRadius: '6px',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    background: tokens.colorBrandBackground2,
    cursor: 'pointer',
    position: 'relative',
  },
  /** A server with findings, none of them an error. */
  warned: { border: `3px solid ${tokens.colorPaletteMarigoldBorder2}` },
  /** A server with a finding that is an error. */
  broken: { border: `3px solid ${tokens.colorPaletteRedBorder2}` },
  failed: { background: tokens.colorPaletteRedBackground1 },
  serverName: {
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    maxWidth: '100%',
  },
  serverDetail: { color: tokens.colorNeutralForeground2, whiteSpace: 'nowrap' },
  /** The count of a server's findings, on its corner. */
  badge: {
    position: 'absolute',
    top: '-10px',
    right: '-8px',
    background: tokens.colorPaletteMarigoldBackground3,
    color: 'white',
    borderRadius: '10px',
    padding: '0 6px',
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
  },
  badgeError: { background: tokens.colorPaletteRedBackground3 },
  computer: {
    boxSizing: 'border-box',
    display: 'grid',
    placeItems: 'center',
    borderRadius: '16px',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    background: tokens.colorNeutralBackground3,
    cursor: 'pointer',
  },
  computerName: { whiteSpace: 'nowrap' },
  list: {
    boxSizing: 'border-box',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: '6px',
    borderRadius: '6px',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    background: tokens.colorNeutralBackground1,
    cursor: 'default',
    fontSize: tokens.fontSizeBase200,
  },
  listTitle: { fontSize: tokens.fontSizeBase200 },
  listItems: { listStyle: 'none', margin: 0, padding: 0, overflow: 'auto', flex: 1 },
  listItem: {
    padding: '2px 6px',
    borderRadius: tokens.borderRadiusMedium,
    whiteSpace: 'nowrap',
    fontWeight: tokens.fontWeightRegular,
  },
  /** The computer the topology's search found. */
  found: { background: tokens.colorPaletteYellowBackground2, fontWeight: tokens.fontWeightSemibold },
});
