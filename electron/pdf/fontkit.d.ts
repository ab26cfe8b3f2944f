// The one fontkit function VănThư uses (fontkit 2 ships no types).
declare module 'fontkit' {
  export function create(buffer: Buffer, postscriptName?: string): unknown;
}
