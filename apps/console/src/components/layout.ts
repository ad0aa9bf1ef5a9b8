import { makeStyles, tokens } from '@fluentui/react-components';

/**
 * Layouts the work areas share: a stack of controls in a pane, a column that fills its pane and the
 * part of it that takes the rest of the height, the small text and headings of a pane and a table.
 * Combine them with mergeClasses; a file's own makeStyles holds what only it uses.
 */
export const useLayoutStyles = makeStyles({
  /** Controls one under the other, 6 px apart (the details pane's actions). */
  stack: { display: 'grid', gap: tokens.spacingVerticalSNudge },
  /** Controls one under the other, 8 px apart (forms, dialog bodies). */
  stackWide: { display: 'grid', gap: tokens.spacingVerticalS },
  /** A column as high as its pane. */
  column: { display: 'flex', flexDirection: 'column', height: '100%' },
  /** A column whose parts stand 8 px apart. */
  spaced: { gap: tokens.spacingVerticalS },
  /** The part of a column that takes the height left. */
  fill: { flex: 1, minHeight: 0 },
  /** A sentence of a pane or dialog. */
  text: { margin: 0, fontSize: '13px' },
  /** The controls of a navigation pane, 8 px from its edge and apart. */
  panel: { padding: tokens.spacingHorizontalS, display: 'grid', gap: tokens.spacingVerticalS },
  /** The title of what the details pane shows (an alert, a job). */
  detailsTitle: { margin: '0 0 8px', fontSize: '15px' },
  /** A small note under a control. */
  note: { margin: 0, fontSize: tokens.fontSizeBase200 },
  /** A heading inside a pane. */
  heading: { fontSize: tokens.fontSizeBase300, margin: 0 },
  /** A dialog's or panel's title. */
  title: { fontSize: '15px', margin: 0 },
  /** Text that says something secondary (a description under a title). */
  secondary: { color: tokens.colorNeutralForeground2 },
  /** Text that says little (an optional step, an empty section). */
  muted: { color: tokens.colorNeutralForeground3 },
  strong: { fontWeight: tokens.fontWeightSemibold },
  /** A plain table of small text with collapsed borders. */
  table: { borderCollapse: 'collapse', fontSize: '13px' },
  /** A form of a details pane. */
  form: { display: 'grid', gap: tokens.spacingVerticalS, maxWidth: '360px' },
});
