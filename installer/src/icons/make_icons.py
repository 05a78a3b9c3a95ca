#!/usr/bin/env python3
"""Draws the Activity Tracker icon (a pulse line on a dark tile with an alert dot) and writes it as
PNG (Linux), ICO (Windows) and ICNS (macOS), standard library only, so the icons can be remade
anywhere: python3 make_icons.py"""
import math
import struct
import zlib

SIZE = 256
BG = (22, 27, 34)
LINE = (63, 185, 80)
ALERT = (248, 81, 73)


def inside_rounded(x, y, r=48):
    cx = min(max(x, r), SIZE - 1 - r)
    cy = min(max(y, r), SIZE - 1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def pulse(x):
    """The heartbeat-like activity line, y for each x."""
    base = 150
    if 70 <= x < 95:
        return base - (x - 70) * 3.2
    if 95 <= x < 125:
        return base - 80 + (x - 95) * 5.2
    if 125 <= x < 150:
        return base + 76 - (x - 125) * 3.0
    return base


def distance_to_line(x, y):
    best = 1e9
    for sx in range(20, 236):
        d = math.hypot(x - sx, y - pulse(sx))
        best = min(best, d)
    return best


def pixels():
    rows = []
    for y in range(SIZE):
        row = bytearray([0])  # PNG filter: none
        for x in range(SIZE):
            if not inside_rounded(x, y):
                row += bytes((0, 0, 0, 0))
                continue
            colour = BG
            if math.hypot(x - 196, y - 70) <= 22:
                colour = ALERT
            elif abs(y - pulse(x)) < 40 and 14 <= x <= 242 and distance_to_line(x, y) <= 7:
                colour = LINE
            row += bytes(colour + (255,))
        rows.append(bytes(row))
    return b"".join(rows)


def png(raw):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def ico(png_bytes):
    # one 256x256 entry holding PNG data (Windows Vista and later read PNG inside ICO)
    return struct.pack("<HHH", 0, 1, 1) + struct.pack("<BBBBHHII", 0, 0, 0, 0, 1, 32, len(png_bytes), 22) + png_bytes


def icns(png_bytes):
    entry = b"ic08" + struct.pack(">I", len(png_bytes) + 8) + png_bytes  # ic08: 256x256 PNG
    return b"icns" + struct.pack(">I", len(entry) + 8) + entry


if __name__ == "__main__":
    data = png(pixels())
    open("activity-tracker.png", "wb").write(data)
    open("activity-tracker.ico", "wb").write(ico(data))
    open("activity-tracker.icns", "wb").write(icns(data))
