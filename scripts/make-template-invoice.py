#!/usr/bin/env python3
"""Writes the sample invoice of the invoice-extraction template (standard library only).

templates/invoice-extraction/sample-invoice.pdf is a one-page electronic invoice (电子发票)
with a text layer, made from the lines below so that its content can be read and changed
in review. The font is Adobe's STSong-Light, which PDF readers supply (it is not
embedded, so the file stays small); a ToUnicode map makes the text extractable by any
reader. Running this again gives the same bytes.
    python3 scripts/make-template-invoice.py
"""
import os

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
OUT = os.path.join(ROOT, 'templates', 'invoice-extraction', 'sample-invoice.pdf')

PAGE_W, PAGE_H = 595, 842  # A4 in points
LEFT, RIGHT = 50, 545

HEADER = [('发票号码：26332000000012345678', 10), ('开票日期：2026年03月18日', 10)]
BUYER = ['购买方信息', '名称：杭州云杉数科有限公司', '统一社会信用代码/纳税人识别号：91330106MA2H7K3P5Q']
SELLER = ['销售方信息', '名称：杭州西溪茶业有限公司', '统一社会信用代码/纳税人识别号：91330110MA27QW8X3L']
# Columns: (title, x, align) — numbers are right-aligned at x.
COLUMNS = [('项目名称', 56, 'l'), ('规格型号', 170, 'l'), ('单位', 250, 'l'), ('数量', 305, 'r'),
           ('单价', 365, 'r'), ('金额', 435, 'r'), ('税率', 450, 'l'), ('税额', 539, 'r')]
ROWS = [
    ['*茶*西湖龙井', '明前特级 250g', '盒', '4', '320.00', '1280.00', '13%', '166.40'],
    ['*茶*凤凰单丛', '蜜兰香 100g', '罐', '6', '85.00', '510.00', '13%', '66.30'],
    ['*日用杂品*盖碗茶具', '六件套', '套', '2', '168.00', '336.00', '13%', '43.68'],
]
TOTALS = ['合计', '¥2126.00', '¥276.38']
GRAND = ('价税合计（大写）：贰仟肆佰零贰元叁角捌分', '（小写）¥2402.38')
NOTES = ['备注：订单号 XX-20260315-0087，货物已于 2026 年 3 月 16 日送达。', '开票人：王敏']


def width(text, size):
    """Advance of `text` in points: full-width characters 1 em, ASCII half an em (the font's W)."""
    return sum(size * (0.5 if ord(c) < 0x80 else 1.0) for c in text)


def hex_text(text):
    return '<' + ''.join(f'{ord(c):04X}' for c in text) + '>'


def show(text, x, y, size, align='l'):
    if align == 'r':
        x -= width(text, size)
    elif align == 'c':
        x -= width(text, size) / 2
    return f'BT /F1 {size} Tf {x:.2f} {y:.2f} Td {hex_text(text)} Tj ET'


def content():
    ops = []
    ops.append(show('电子发票（普通发票）', PAGE_W / 2, 790, 18, 'c'))
    for i, (line, size) in enumerate(HEADER):
        ops.append(show(line, RIGHT, 760 - i * 15, size, 'r'))
    # Buyer and seller side by side, each in a box.
    top = 720
    for col, lines in enumerate([BUYER, SELLER]):
        x = LEFT + col * 250
        ops.append(f'0.6 w {x} {top - 62} 245 62 re S')
        for i, line in enumerate(lines):
            ops.append(show(line, x + 6, top - 16 - i * 18, 10 if i == 0 else 8.5))
    # The table of items.
    y = 620
    ops.append(f'0.6 w {LEFT} {y - 12} {RIGHT - LEFT} 20 re S')
    for title, x, align in COLUMNS:
        ops.append(show(title, x, y - 5, 9, align))
    for r, row in enumerate(ROWS):
        ry = y - 30 - r * 20
        for (title, x, align), cell in zip(COLUMNS, row):
            ops.append(show(cell, x, ry, 9, align))
    ty = y - 30 - len(ROWS) * 20 - 6
    ops.append(f'0.6 w {LEFT} {ty - 8} m {RIGHT} {ty - 8} l S')
    ops.append(f'{LEFT} {ty + 12} m {RIGHT} {ty + 12} l S')
    ops.append(show(TOTALS[0], COLUMNS[0][1], ty, 9))
    ops.append(show(TOTALS[1], COLUMNS[5][1], ty, 9, 'r'))
    ops.append(show(TOTALS[2], COLUMNS[7][1], ty, 9, 'r'))
    gy = ty - 28
    ops.append(show(GRAND[0], LEFT + 6, gy, 10))
    ops.append(show(GRAND[1], RIGHT, gy, 10, 'r'))
    for i, line in enumerate(NOTES):
        ops.append(show(line, LEFT + 6, gy - 30 - i * 18, 9))
    return '\n'.join(ops) + '\n'


def to_unicode(chars):
    lines = ['/CIDInit /ProcSet findresource begin', '12 dict begin', 'begincmap',
             '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
             '/CMapName /Adobe-Identity-UCS def', '/CMapType 2 def',
             '1 begincodespacerange', '<0000> <FFFF>', 'endcodespacerange']
    chars = sorted(chars)
    for start in range(0, len(chars), 100):
        block = chars[start:start + 100]
        lines.append(f'{len(block)} beginbfchar')
        lines += [f'<{ord(c):04X}> <{ord(c):04X}>' for c in block]
        lines.append('endbfchar')
    lines += ['endcmap', 'CMapName currentdict /CMap defineresource pop', 'end', 'end']
    return '\n'.join(lines) + '\n'


def stream(text):
    data = text.encode('latin-1')
    return f'<< /Length {len(data)} >>\nstream\n'.encode('latin-1') + data + b'endstream'


def pdf():
    body = content()
    used = {c for c in ''.join(
        [t for t, _ in HEADER] + BUYER + SELLER + [c[0] for c in COLUMNS] + sum(ROWS, []) + TOTALS + list(GRAND) + NOTES +
        ['电子发票（普通发票）'])}
    objects = [
        b'<< /Type /Catalog /Pages 2 0 R >>',
        b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        f'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_W} {PAGE_H}] /Contents 4 0 R '
        f'/Resources << /Font << /F1 5 0 R >> >> >>'.encode('latin-1'),
        stream(body),
        b'<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H '
        b'/DescendantFonts [6 0 R] /ToUnicode 8 0 R >>',
        b'<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light '
        b'/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> '
        b'/FontDescriptor 7 0 R /DW 1000 /W [1 95 500 814 907 500] >>',
        b'<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] '
        b'/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
        stream(to_unicode(used)),
        b'<< /Title (Sample invoice) /Producer (Flowdeck scripts/make-template-invoice.py) >>',
    ]
    out = bytearray(b'%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f'{number} 0 obj\n'.encode('latin-1') + obj + b'\nendobj\n'
    xref = len(out)
    out += f'xref\n0 {len(objects) + 1}\n0000000000 65535 f \n'.encode('latin-1')
    for offset in offsets:
        out += f'{offset:010d} 00000 n \n'.encode('latin-1')
    out += (f'trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info {len(objects)} 0 R >>\n'
            f'startxref\n{xref}\n%%EOF\n').encode('latin-1')
    return bytes(out)


if __name__ == '__main__':
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, 'wb') as f:
        f.write(pdf())
    print('wrote', os.path.relpath(OUT, ROOT))
