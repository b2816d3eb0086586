"""A PNG of what an ESC/POS job prints, drawn from the decoded bytes.

For looking at receipts without paper: ``python -m printing.preview job.bin
out.png --columns 32``.  It draws what :func:`printing.decode.decode_escpos`
reads in the bytes -- text in the job's code page with its styles, the QR
payload as a QR code, the barcode, cuts and drawer pulses -- so a mistake in
the byte stream shows up here too.
"""

from __future__ import annotations

import argparse
import io
from pathlib import Path

import qrcode
from barcode import Code128
from PIL import Image, ImageDraw, ImageFont

from printing.decode import BarcodePrint, DecodedJob, PrintedLine, QRPrint, decode_escpos

_FONT_DIRS = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "C:/Windows/Fonts")


def _font(bold: bool, size: int):
    name = "DejaVuSansMono-Bold.ttf" if bold else "DejaVuSansMono.ttf"
    for d in _FONT_DIRS:
        path = Path(d) / name
        if path.exists():
            return ImageFont.truetype(str(path), size)
    return ImageFont.load_default()


def render_png(job: DecodedJob | bytes, columns: int = 48, *, char_px: int = 12) -> bytes:
    """PNG bytes of the paper: ``columns`` characters wide, each ``char_px`` pixels."""
    decoded = decode_escpos(job) if isinstance(job, (bytes, bytearray)) else job
    size = int(char_px / 0.6)
    line_h = int(size * 1.3)
    width = columns * char_px + 2 * char_px
    fonts = {(b, s): _font(b, size * s) for b in (False, True) for s in (1, 2)}

    blocks: list[tuple[str, object]] = [(k, v) for k, v in decoded.events
                                        if k in ("line", "qr", "barcode", "cut", "drawer", "realtime_drawer")]
    height = char_px
    for kind, value in blocks:
        if kind == "line":
            height += line_h * (2 if value.double_height else 1)
        elif kind == "qr":
            height += _qr_image(value, width).height + line_h // 2
        elif kind == "barcode":
            height += 70 + line_h
        else:
            height += line_h
    img = Image.new("RGB", (width, height + char_px), "white")
    draw = ImageDraw.Draw(img)
    y = char_px
    for kind, value in blocks:
        if kind == "line":
            y = _draw_line(draw, value, y, char_px, line_h, fonts)
        elif kind == "qr":
            qr_img = _qr_image(value, width)
            img.paste(qr_img, ((width - qr_img.width) // 2, y))
            y += qr_img.height + line_h // 2
        elif kind == "barcode":
            y = _draw_barcode(draw, value, y, width, line_h, fonts[(False, 1)])
        elif kind == "cut":
            draw.line([(0, y + line_h // 2), (width, y + line_h // 2)], fill="gray", width=1)
            draw.text((char_px, y), f"✂ corte {value}", fill="gray", font=fonts[(False, 1)])
            y += line_h
        else:
            draw.text((char_px, y), f"[cajón: {kind} {value}]", fill="gray", font=fonts[(False, 1)])
            y += line_h
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


def _draw_line(draw: ImageDraw.ImageDraw, line: PrintedLine, y: int, char_px: int, line_h: int, fonts) -> int:
    scale_w = 2 if line.double_width else 1
    scale_h = 2 if line.double_height else 1
    font = fonts[(line.bold, scale_h)]
    h = line_h * scale_h
    x = char_px
    if line.invert:
        draw.rectangle([x, y, x + len(line.text) * char_px * scale_w, y + h - 2], fill="black")
    for i, ch in enumerate(line.text):
        cx = x + i * char_px * scale_w
        if scale_h == 2 and scale_w == 1:
            # double height only: draw the tall glyph squeezed into one cell
            glyph = Image.new("L", (char_px * 2, h), 0)
            ImageDraw.Draw(glyph).text((0, 0), ch, fill=255, font=font)
            glyph = glyph.resize((char_px, h))
            draw.bitmap((cx, y), glyph, fill="white" if line.invert else "black")
        else:
            draw.text((cx, y), ch, fill="white" if line.invert else "black", font=font)
    return y + h


def _qr_image(qr: QRPrint, width: int) -> Image.Image:
    code = qrcode.QRCode(border=1, box_size=max(2, qr.module_dots // 2 + 1),
                         error_correction={"L": 1, "M": 0, "Q": 3, "H": 2}.get(qr.error_correction, 0))
    code.add_data(qr.data)
    code.make(fit=True)
    img = code.make_image(fill_color="black", back_color="white").convert("RGB")
    if img.width > width:
        img = img.resize((width, width))
    return img


def _draw_barcode(draw: ImageDraw.ImageDraw, bc: BarcodePrint, y: int, width: int, line_h: int, font) -> int:
    modules = Code128(bc.data).build()[0]
    unit = max(1, bc.width)
    x = (width - len(modules) * unit) // 2
    for i, m in enumerate(modules):
        if m == "1":
            draw.rectangle([x + i * unit, y, x + i * unit + unit - 1, y + 60], fill="black")
    if bc.hri in ("below", "both"):
        draw.text((width // 2 - len(bc.data) * 4, y + 62), bc.data, fill="black", font=font)
    return y + 70 + line_h


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="Dibuja un trabajo ESC/POS como PNG.")
    p.add_argument("job", type=Path)
    p.add_argument("png", type=Path)
    p.add_argument("--columns", type=int, default=48)
    args = p.parse_args(argv)
    args.png.write_bytes(render_png(args.job.read_bytes(), args.columns))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
