/**
 * Text made safe for XML 1.0 content and attribute values.
 *
 * The five markup characters are escaped so a name like `<script>` or `A & B` reads back as itself;
 * characters XML 1.0 forbids outright (most C0 controls, lone surrogates, U+FFFE/U+FFFF) cannot be
 * escaped at all, so they become U+FFFD rather than making the whole file unreadable.
 *
 * @example
 * xmlText('<b> & "c"') // '&lt;b&gt; &amp; &quot;c&quot;'
 */
const FORBIDDEN_IN_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

export function xmlText(value: string): string {
  return value.replace(FORBIDDEN_IN_XML, '\uFFFD').replace(/[&<>"']/g, (character) => ENTITIES[character]!);
}
