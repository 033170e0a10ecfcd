// pngjs 5 ships no types; the browser test needs only its synchronous reader.
declare module "pngjs" {
  export const PNG: { sync: { read(buffer: Buffer): { width: number; height: number; data: Buffer } } }
}
