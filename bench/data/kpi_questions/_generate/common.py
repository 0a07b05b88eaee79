"""Shared helpers for the generator: deterministic XLSX/CSV writing."""
import io
import zipfile

FIXED_ZIP_TIME = (2026, 12, 1, 9, 0, 0)
FIXED_ISO = "2026-12-01T00:00:00Z"


def month_list(start, end):
    """Inclusive list of 'YYYY-MM' strings."""
    y, m = map(int, start.split("-"))
    ey, em = map(int, end.split("-"))
    out = []
    while (y, m) <= (ey, em):
        out.append(f"{y:04d}-{m:02d}")
        m += 1
        if m == 13:
            y, m = y + 1, 1
    return out


def save_workbook_deterministic(wb, path):
    """Save an openpyxl workbook so that the bytes do not depend on the clock."""
    import datetime
    fixed = datetime.datetime(2026, 12, 1, 0, 0, 0)
    wb.properties.created = fixed
    wb.properties.modified = fixed
    wb.properties.creator = "marketing"
    wb.properties.lastModifiedBy = "marketing"
    buf = io.BytesIO()
    wb.save(buf)
    buf.seek(0)
    src = zipfile.ZipFile(buf)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                import re
                txt = data.decode("utf-8")
                txt = re.sub(r"(<dcterms:created[^>]*>)[^<]*(</dcterms:created>)", r"\g<1>%s\g<2>" % FIXED_ISO, txt)
                txt = re.sub(r"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", r"\g<1>%s\g<2>" % FIXED_ISO, txt)
                data = txt.encode("utf-8")
            zi = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            dst.writestr(zi, data)
    with open(path, "wb") as f:
        f.write(out.getvalue())


def write_csv(path, header, rows, bom=True, encoding="utf-8"):
    import csv
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(header)
    for r in rows:
        w.writerow(["" if v is None else v for v in r])
    data = buf.getvalue()
    with open(path, "wb") as f:
        if bom and encoding == "utf-8":
            f.write(b"\xef\xbb\xbf")
        f.write(data.encode(encoding))
