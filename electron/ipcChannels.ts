// One IPC channel per contract method; the preload only forwards names of this shape.
export const CHANNEL_PREFIX = 'vanthu:';
export const METHOD_NAME = /^[a-zA-Z]+\.[a-zA-Z]+$/;

export function channelOf(method: string): string {
  return `${CHANNEL_PREFIX}${method}`;
}
