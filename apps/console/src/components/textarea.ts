/** Fluent's Textarea as a module of its own, for the pages that fetch it when it first shows. */
export { Textarea } from '@fluentui/react-components';
