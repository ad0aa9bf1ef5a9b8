import { makeStyles, tokens } from '@fluentui/react-components';

/** The reporting work area's layouts: a report as a document, its sections and the actions pane. */
export const useReportingStyles = makeStyles({
  /** The display of a report or of the readiness check. */
  document: { display: 'grid', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM },
  documentTitle: { fontSize: '18px', margin: 0 },
  documentLead: { margin: '2px 0 0', fontSize: '13px', color: tokens.colorNeutralForeground2 },
  /** The actions pane: one control a row, as wide as the pane. */
  actions: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: tokens.spacingVerticalS },
  /** A section of the details pane: its heading, then its lines. */
  section: { display: 'grid', gap: tokens.spacingVerticalXS },
  sectionWide: { display: 'grid', gap: tokens.spacingVerticalSNudge },
  selected: { background: tokens.colorNeutralBackground1Selected },
});
