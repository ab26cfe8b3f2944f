// Images a signing office uploads, drawn here: a handwritten signature (blue strokes) and a seal
// (red rings), on a transparent ground as the decree wants them, or on white (refused).
import { createCanvas } from '@napi-rs/canvas';

/** A PNG drawn like a scanned signature (blue strokes) or seal (red rings), on a transparent or white ground. */
export function inkPng(kind: 'signature' | 'seal', ground: 'transparent' | 'white' = 'transparent'): Uint8Array {
  const c = createCanvas(300, kind === 'seal' ? 300 : 120);
  const g = c.getContext('2d');
  if (ground === 'white') {
    g.fillStyle = '#fff';
    g.fillRect(0, 0, c.width, c.height);
  }
  g.lineWidth = 8;
  g.strokeStyle = kind === 'seal' ? '#d00000' : '#0033cc';
  g.beginPath();
  if (kind === 'seal') {
    g.arc(150, 150, 130, 0, Math.PI * 2);
    g.moveTo(240, 150);
    g.arc(150, 150, 90, 0, Math.PI * 2);
  } else {
    g.moveTo(20, 90);
    g.bezierCurveTo(80, 0, 140, 120, 280, 30);
  }
  g.stroke();
  return new Uint8Array(c.toBuffer('image/png'));
}
