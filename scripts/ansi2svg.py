#!/usr/bin/env python3
"""Render a terminal capture with ANSI colours (`tmux capture-pane -e -p`) as an SVG image.

Every character is placed on its own grid cell, so box drawing, blocks and braille line up
exactly as in the terminal. Usage: ansi2svg.py CAPTURE.txt OUT.svg [--cols 120 --rows 40]
"""
import argparse
import html
import re

BASE16 = ["#1d1f21", "#cc342b", "#198844", "#c5a332", "#3971ed", "#a36ac7", "#3971ed", "#c5c8c6",
          "#969896", "#cc342b", "#198844", "#fba922", "#3971ed", "#a36ac7", "#3971ed", "#ffffff"]
FG, BG = "#d0d0d0", "#16181c"


def xterm(n):
    if n < 16:
        return BASE16[n]
    if n >= 232:
        g = 8 + 10 * (n - 232)
        return "#%02x%02x%02x" % (g, g, g)
    n -= 16
    lv = [0, 95, 135, 175, 215, 255]
    return "#%02x%02x%02x" % (lv[n // 36], lv[(n // 6) % 6], lv[n % 6])


def parse(text, cols, rows):
    """Returns rows of cells (char, fg, bg, bold, dim, italic, underline)."""
    grid = []
    state = dict(fg=None, bg=None, bold=False, dim=False, italic=False, underline=False, reverse=False)
    for line in text.split("\n")[:rows]:
        cells = []
        for token in re.split(r"(\x1b\[[0-9;:]*m)", line):
            if token.startswith("\x1b["):
                codes = [int(c) if c else 0 for c in re.split(r"[;:]", token[2:-1])] or [0]
                i = 0
                while i < len(codes):
                    c = codes[i]
                    if c == 0:
                        state.update(fg=None, bg=None, bold=False, dim=False, italic=False, underline=False, reverse=False)
                    elif c == 1: state["bold"] = True
                    elif c == 2: state["dim"] = True
                    elif c == 3: state["italic"] = True
                    elif c == 4: state["underline"] = True
                    elif c == 7: state["reverse"] = True
                    elif c == 22: state.update(bold=False, dim=False)
                    elif c == 23: state["italic"] = False
                    elif c == 24: state["underline"] = False
                    elif c == 27: state["reverse"] = False
                    elif 30 <= c <= 37: state["fg"] = xterm(c - 30)
                    elif 90 <= c <= 97: state["fg"] = xterm(c - 90 + 8)
                    elif c == 39: state["fg"] = None
                    elif 40 <= c <= 47: state["bg"] = xterm(c - 40)
                    elif 100 <= c <= 107: state["bg"] = xterm(c - 100 + 8)
                    elif c == 49: state["bg"] = None
                    elif c in (38, 48) and i + 2 < len(codes) and codes[i + 1] == 5:
                        state["fg" if c == 38 else "bg"] = xterm(codes[i + 2])
                        i += 2
                    elif c in (38, 48) and i + 4 < len(codes) and codes[i + 1] == 2:
                        state["fg" if c == 38 else "bg"] = "#%02x%02x%02x" % tuple(codes[i + 2:i + 5])
                        i += 4
                    i += 1
            else:
                for ch in token:
                    fg, bg = state["fg"] or FG, state["bg"]
                    if state["reverse"]:
                        fg, bg = (bg or BG), fg
                    cells.append((ch, fg, bg, state["bold"], state["dim"], state["italic"], state["underline"]))
        grid.append(cells[:cols])
    return grid


def shape(c, x, y, cw, ch, fill):
    """Braille and block elements drawn as shapes, so charts and bars are as crisp and gapless
    as in a terminal (fonts draw them with gaps, or not at all). None for ordinary glyphs."""
    o = ord(c)
    if 0x2801 <= o <= 0x28FF:
        bits, dots = o - 0x2800, []
        for bit, (dx, dy) in enumerate([(0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (1, 2), (0, 3), (1, 3)]):
            if bits & (1 << bit):
                dots.append(f'<circle cx="{x + (dx + 0.5) * cw / 2:.1f}" cy="{y + (dy + 0.5) * ch / 4:.1f}" r="1.5" fill="{fill}"/>')
        return "".join(dots)
    if 0x2581 <= o <= 0x2588:  # lower eighths … full block
        h = ch * (o - 0x2580) / 8
        return f'<rect x="{x:.1f}" y="{y + ch - h:.1f}" width="{cw + 0.3:.1f}" height="{h + 0.3:.1f}" fill="{fill}"/>'
    if 0x2589 <= o <= 0x258F:  # left seven eighths … left eighth
        w = cw * (0x2590 - o) / 8
        return f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{ch + 0.3:.1f}" fill="{fill}"/>'
    return None


def render(grid, cols, rows, cw=9.0, ch=18.0, pad=12):
    w, h = int(cols * cw + 2 * pad), int(rows * ch + 2 * pad)
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}">',
           f'<rect width="100%" height="100%" rx="8" fill="{BG}"/>',
           '<g font-family="DejaVu Sans Mono, DejaVu Sans, monospace" font-size="15">']
    for y, cells in enumerate(grid):
        top = pad + y * ch
        for x, c in enumerate(cells):
            if c[2]:
                out.append(f'<rect x="{pad + x * cw:.1f}" y="{top:.1f}" width="{cw + 0.3:.1f}" height="{ch + 0.3:.1f}" fill="{c[2]}"/>')
        for x, c in enumerate(cells):
            drawn = shape(c[0], pad + x * cw, top, cw, ch, c[1])
            if drawn is not None:
                out.append(drawn)
                cells[x] = (" ",) + c[1:]
        x = 0
        while x < len(cells):  # runs of equal style, each glyph on its own cell
            style = cells[x][1:]
            run = x
            while run < len(cells) and cells[run][1:] == style:
                run += 1
            chars = [cells[i][0] for i in range(x, run)]
            if any(c != " " for c in chars):
                xs = " ".join(f"{pad + i * cw:.1f}" for i in range(x, run))
                fg, _, bold, dim, italic, underline = style
                attrs = f'fill="{fg}"' + (' font-weight="bold"' if bold else "") + (' opacity="0.6"' if dim else "")
                attrs += (' font-style="italic"' if italic else "") + (' text-decoration="underline"' if underline else "")
                text = html.escape("".join(chars))
                # preserve: leading and trailing spaces of a run keep their cells.
                out.append(f'<text xml:space="preserve" x="{xs}" y="{top + ch * 0.78:.1f}" {attrs}>{text}</text>')
            x = run
    out.append("</g></svg>")
    return "\n".join(out) + "\n"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("capture")
    p.add_argument("out")
    p.add_argument("--cols", type=int, default=120)
    p.add_argument("--rows", type=int, default=40)
    a = p.parse_args()
    with open(a.capture, encoding="utf-8") as f:
        grid = parse(f.read(), a.cols, a.rows)
    with open(a.out, "w", encoding="utf-8") as f:
        f.write(render(grid, a.cols, a.rows))


if __name__ == "__main__":
    main()
