// Addresses VănThư talks to over the network (the sync server, the update feed): encrypted
// (https), or plain http only to this very PC, never with a name or password in them. One rule
// for the sync address typed in Đồng bộ, for vanthu.config.json and for the update loop.
// (Read without URL: shared/ runs with neither the DOM's nor Node's globals.)
const ADDRESS = /^(https?):\/\/([^/?#\s]+)(?:[/?#]|$)/i;

export function isHttpsOrLocal(address: string): boolean {
  const m = ADDRESS.exec(address.trim());
  if (!m) return false;
  const scheme = m[1]!.toLowerCase();
  const authority = m[2]!;
  if (authority.includes('@')) return false;
  return scheme === 'https' || /^127\.0\.0\.1(:\d{1,5})?$/.test(authority);
}
