"""How the PDF fixtures here were made (needs LibreOffice, pypdf and Pillow; not run by the
tests): a Word brochure converted to PDF, the same PDF encrypted and cut short, and an
image-only PDF standing for a scan."""

import shutil
import subprocess
from pathlib import Path

import docx
from PIL import Image, ImageDraw
from pypdf import PdfWriter

out = Path("/work/main/tests/ingest/data/docs")
work = Path("/tmp/fixwork")
shutil.rmtree(work, ignore_errors=True)
work.mkdir()
d = docx.Document()
d.add_heading("サンプル製品 パンフレット", level=1)
d.add_paragraph(
    "サンプル製品は、請求書の受け取りから支払いまでをまとめて管理するクラウドサービスです。"
)
d.add_heading("料金", level=2)
t = d.add_table(rows=3, cols=2)
for r, (a, b) in enumerate([("プラン", "月額"), ("スタンダード", "8万円"), ("プロ", "15万円")]):
    t.cell(r, 0).text = a
    t.cell(r, 1).text = b
d.add_page_break()
d.add_heading("導入効果", level=2)
for line in ["経理の作業時間を平均38%削減", "導入企業は1,240社（2026年3月時点）"]:
    d.add_paragraph(line, style="List Bullet")
d.save(work / "brochure.docx")
subprocess.run(
    [
        "soffice",
        "--headless",
        "-env:UserInstallation=file:///tmp/lo-fix",
        "--convert-to",
        "pdf",
        "--outdir",
        str(work),
        str(work / "brochure.docx"),
    ],
    check=True,
    capture_output=True,
)
shutil.copy(work / "brochure.pdf", out / "brochure.pdf")
# encrypted
w = PdfWriter(clone_from=str(work / "brochure.pdf"))
w.encrypt("secret")
with open(out / "locked.pdf", "wb") as f:
    w.write(f)
# truncated
data = (work / "brochure.pdf").read_bytes()
(out / "truncated.pdf").write_bytes(data[: len(data) // 3])
# scan: image only
img = Image.new("RGB", (800, 1100), "white")
ImageDraw.Draw(img).rectangle([100, 100, 700, 300], outline="black")
img.save(work / "scan.png")
img.save(out / "scan.pdf", "PDF")
for p in sorted(out.iterdir()):
    print(p.name, p.stat().st_size)
