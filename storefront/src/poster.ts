import type { StorePoster } from "medusa-plugin-distribution/client"
import { formatMoney, type T } from "./i18n"
import { tileColour } from "./ui"

export const POSTER_WIDTH = 750
export const POSTER_HEIGHT = 1200
const FONT = `"PingFang SC", "Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", system-ui, sans-serif`

function loadImage(src: string): Promise<HTMLImageElement | null> {
  return new Promise((resolve) => {
    const image = new Image()
    // A photo from another origin must allow CORS, or the canvas could not be exported; without it, the tile is drawn.
    if (!src.startsWith("data:")) image.crossOrigin = "anonymous"
    image.onload = () => resolve(image)
    image.onerror = () => resolve(null)
    image.src = src
  })
}

/** Lines of at most `width` pixels, at most `max` of them (the last one ends in "…" when cut). */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number, max: number): string[] {
  // CJK text breaks anywhere; Latin text at spaces.
  const tokens = /[\u3000-\u9fff]/.test(text) ? Array.from(text) : text.split(/(\s+)/)
  const lines: string[] = []
  let line = ""
  for (const token of tokens) {
    if (ctx.measureText(line + token).width > width && line) {
      lines.push(line.trim())
      line = token.trimStart()
    } else line += token
  }
  if (line.trim()) lines.push(line.trim())
  if (lines.length > max) {
    const kept = lines.slice(0, max)
    kept[max - 1] = kept[max - 1].replace(/.$/, "…")
    return kept
  }
  return lines
}

function roundRect(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number) {
  ctx.beginPath()
  ctx.moveTo(x + r, y)
  ctx.arcTo(x + w, y, x + w, y + h, r)
  ctx.arcTo(x + w, y + h, x, y + h, r)
  ctx.arcTo(x, y + h, x, y, r)
  ctx.arcTo(x, y, x + w, y, r)
  ctx.closePath()
}

/**
 * The share poster: the product's photo, title and price, the link's QR code and the
 * distributor's name, drawn from `GET /store/distribution/me/share-links/:id/poster`.
 * Everything on it is same-origin or a data URL, so the canvas exports as PNG.
 */
export async function drawPoster(canvas: HTMLCanvasElement, poster: StorePoster, t: T, locale: string, shopName: string) {
  canvas.width = POSTER_WIDTH
  canvas.height = POSTER_HEIGHT
  const ctx = canvas.getContext("2d")!
  const [photo, qr] = await Promise.all([poster.image ? loadImage(poster.image) : Promise.resolve(null), loadImage(poster.qr_png)])

  ctx.fillStyle = "#f4efe6"
  ctx.fillRect(0, 0, POSTER_WIDTH, POSTER_HEIGHT)

  // The picture: the product's photo (cover), else a tile in its colour with its initial.
  const pad = 40
  const side = POSTER_WIDTH - pad * 2
  ctx.save()
  roundRect(ctx, pad, pad, side, side, 28)
  ctx.clip()
  if (photo) {
    const scale = Math.max(side / photo.width, side / photo.height)
    const w = photo.width * scale
    const h = photo.height * scale
    ctx.drawImage(photo, pad + (side - w) / 2, pad + (side - h) / 2, w, h)
  } else {
    ctx.fillStyle = tileColour(poster.title)
    ctx.fillRect(pad, pad, side, side)
    ctx.fillStyle = "rgba(255,255,255,0.92)"
    ctx.font = `bold 260px ${FONT}`
    ctx.textAlign = "center"
    ctx.textBaseline = "middle"
    ctx.fillText(poster.title.slice(0, 1), POSTER_WIDTH / 2, pad + side / 2)
    ctx.font = `600 36px ${FONT}`
    ctx.fillText(shopName, POSTER_WIDTH / 2, pad + side - 60)
  }
  ctx.restore()

  // Title and price.
  ctx.textAlign = "left"
  ctx.textBaseline = "alphabetic"
  ctx.fillStyle = "#1d1d1f"
  ctx.font = `bold 40px ${FONT}`
  let y = pad + side + 70
  for (const line of wrap(ctx, poster.title, side, 2)) {
    ctx.fillText(line, pad, y)
    y += 52
  }
  if (poster.price !== null) {
    ctx.fillStyle = "#d6332a"
    ctx.font = `bold 56px ${FONT}`
    ctx.fillText(formatMoney(poster.price, poster.currency_code, locale), pad, y + 18)
  }

  // The QR card, bottom right, with the distributor's name beside it.
  const qrSize = 250
  const qrX = POSTER_WIDTH - pad - qrSize
  const qrY = POSTER_HEIGHT - pad - qrSize
  ctx.fillStyle = "#ffffff"
  roundRect(ctx, qrX - 14, qrY - 14, qrSize + 28, qrSize + 28, 18)
  ctx.fill()
  if (qr) {
    ctx.imageSmoothingEnabled = false
    ctx.drawImage(qr, qrX, qrY, qrSize, qrSize)
  }
  ctx.fillStyle = "#1f4d3a"
  ctx.font = `600 34px ${FONT}`
  const textWidth = qrX - pad - 40
  let ty = qrY + 70
  for (const line of wrap(ctx, t("poster_from", { name: poster.display_name }), textWidth, 3)) {
    ctx.fillText(line, pad, ty)
    ty += 46
  }
  ctx.fillStyle = "#6b6b6b"
  ctx.font = `28px ${FONT}`
  ctx.fillText(t("poster_scan"), pad, ty + 16)
  ctx.fillText(shopName, pad, qrY + qrSize)
}
