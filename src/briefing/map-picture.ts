/**
 * The map as a PNG a planner can paste into a report: the map canvas with its names, a title
 * band with the date, a scale bar, the legend and the credit drawn into one 2D canvas.
 * Loaded with import() from the briefing's button.
 */
import type { MapImage } from '../map/capture';
import { exportFileName } from '../lib/planner-table';
import { downloadBlob } from '../panels/exports';
import type { LegendEntry } from './legend';

const FONT = '"Noto Sans", "Noto Sans SC", sans-serif';

export interface PictureText {
  title: string;
  date: string;
  credit: string;
  legend: LegendEntry[];
  fileSubject: string[];
  day: string;
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('the map picture could not be read'));
    img.src = src;
  });
}

function drawSymbol(ctx: CanvasRenderingContext2D, e: LegendEntry, x: number, y: number) {
  ctx.fillStyle = e.color;
  ctx.strokeStyle = e.color;
  ctx.beginPath();
  if (e.shape === 'line') {
    ctx.lineWidth = 3;
    ctx.moveTo(x - 8, y);
    ctx.lineTo(x + 8, y);
    ctx.stroke();
    return;
  }
  if (e.shape === 'circle') ctx.arc(x, y, 6, 0, Math.PI * 2);
  else if (e.shape === 'square') ctx.rect(x - 6, y - 6, 12, 12);
  else if (e.shape === 'diamond') {
    ctx.moveTo(x, y - 7);
    ctx.lineTo(x + 7, y);
    ctx.lineTo(x, y + 7);
    ctx.lineTo(x - 7, y);
  } else {
    ctx.moveTo(x, y - 7);
    ctx.lineTo(x + 7, y + 6);
    ctx.lineTo(x - 7, y + 6);
  }
  ctx.closePath();
  ctx.fill();
}

/** Composes the picture; sizes in CSS pixels times the map's pixel ratio. */
export async function composeMapPicture(image: MapImage, text: PictureText): Promise<HTMLCanvasElement> {
  await document.fonts?.ready;
  const map = await loadImage(image.dataUrl);
  const r = image.pixelRatio;
  const w = image.width;
  const head = 56;
  const columns = Math.max(1, Math.floor(w / 220));
  const legendRows = Math.ceil(text.legend.length / columns);
  const foot = 16 + legendRows * 20 + 30;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(w * r);
  canvas.height = Math.round((head + image.height + foot) * r);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.scale(r, r);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, w, head + image.height + foot);
  ctx.fillStyle = '#111111';
  ctx.textBaseline = 'middle';
  ctx.font = `bold 18px ${FONT}`;
  ctx.fillText(text.title, 12, 20, w - 24);
  ctx.font = `14px ${FONT}`;
  ctx.fillText(text.date, 12, 42, w - 24);
  ctx.drawImage(map, 0, head, image.width, image.height);
  // The names the app draws as DOM labels over the canvas.
  ctx.textAlign = 'center';
  for (const label of image.labels) {
    ctx.font = label.kind === 'country' ? `bold 15px ${FONT}` : label.kind === 'province' ? `italic 12px ${FONT}` : `11px ${FONT}`;
    ctx.lineWidth = 3;
    ctx.strokeStyle = '#ffffff';
    ctx.strokeText(label.text, label.x, head + label.y);
    ctx.fillStyle = label.kind === 'province' ? '#6b5a7a' : '#222222';
    ctx.fillText(label.text, label.x, head + label.y);
  }
  ctx.textAlign = 'left';
  // Scale bar, bottom left of the map.
  const sy = head + image.height - 14;
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.fillRect(6, sy - 16, image.scale.widthPx + 12, 24);
  ctx.strokeStyle = '#333333';
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  ctx.moveTo(12, sy - 4);
  ctx.lineTo(12, sy + 2);
  ctx.lineTo(12 + image.scale.widthPx, sy + 2);
  ctx.lineTo(12 + image.scale.widthPx, sy - 4);
  ctx.stroke();
  ctx.fillStyle = '#333333';
  ctx.font = `11px ${FONT}`;
  ctx.fillText(image.scale.label, 16, sy - 8);
  // Legend and credit under the map.
  const top = head + image.height + 16;
  ctx.font = `12px ${FONT}`;
  text.legend.forEach((entry, i) => {
    const x = 16 + (i % columns) * (w / columns);
    const y = top + Math.floor(i / columns) * 20;
    drawSymbol(ctx, entry, x, y);
    ctx.fillStyle = '#222222';
    ctx.fillText(entry.label, x + 14, y, w / columns - 36);
  });
  ctx.fillStyle = '#555555';
  ctx.font = `11px ${FONT}`;
  ctx.fillText(text.credit, 12, top + legendRows * 20 + 8, w - 24);
  return canvas;
}

export async function saveMapPicture(image: MapImage, text: PictureText) {
  const canvas = await composeMapPicture(image, text);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the picture could not be encoded');
  downloadBlob(exportFileName(text.fileSubject, text.day, 'png'), blob);
}
