// Text as XML 1.0 element content: the characters XML cannot carry at all (a stored text could hold
// one from an old register) left out, the markup characters escaped.
const xmlChar = (c: string) => {
  const n = c.codePointAt(0)!;
  return n === 0x9 || n === 0xa || n === 0xd || (n >= 0x20 && n !== 0xfffe && n !== 0xffff);
};

export function xmlText(s: string): string {
  return [...s].filter(xmlChar).join('').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
