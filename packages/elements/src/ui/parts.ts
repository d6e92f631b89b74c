/**
 * The stable part names of the acct-* elements (DESIGN.md "Styling"), those an element rendered
 * inside another's shadow root (the tabs of `<acct-settings>`, the elements `<acct-overview>`
 * opens in place) passes on to its outer host, so the page's `::part()` rules reach them.
 */
export const SHARED_PARTS = [
  'section',
  'field',
  'label',
  'input',
  'hint',
  'error',
  'button',
  'button-primary',
  'button-danger',
  'link',
  'banner',
  'table',
  'dialog',
  'qr',
] as const;

/**
 * The `exportparts` value for an inner acct-* element. Each part keeps its plain name, so
 * `acct-settings::part(button)` styles the buttons of every tab as it would one element's; with
 * `prefix` it is also exported as `<prefix>-<part>` (`security-button`), so a host can style the
 * elements of one tab (or one in-place section) apart.
 */
export function exportParts(prefix?: string): string {
  return SHARED_PARTS.map((p) => (prefix ? `${p}, ${p}:${prefix}-${p}` : p)).join(', ');
}
