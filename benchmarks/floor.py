"""The floor: the same text and pictures written with python-pptx and reportlab, no layout.

The cheapest way those libraries allow: one text box per slide, pictures already JPEG at
their placed size (made once by `prepare`, outside the timed run), reportlab without
ASCII85. Run as a whole process by run.py.

    python benchmarks/floor.py prepare PROJECT OUT   # pictures at their target size
    python benchmarks/floor.py PROJECT OUT           # the timed run
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import yaml
from PIL import Image
from pptx import Presentation
from pptx.util import Pt
from reportlab import rl_config
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas


def _texts(node: object) -> list[str]:
    if isinstance(node, dict):
        return [t for k, v in node.items() if k not in ("path", "color", "alt") for t in _texts(v)]
    if isinstance(node, list):
        return [t for v in node for t in _texts(v)]
    return [str(node)] if node is not None else []


def _jpeg(path: Path, width: int, height: int) -> bytes:
    with Image.open(path) as image:
        image = image.convert("RGB").resize((width, height))
        out = io.BytesIO()
        image.save(out, "JPEG", quality=85)
        return out.getvalue()


def main(project: Path, out: Path) -> None:
    rl_config.useA85 = 0
    content = project / "content"
    trends = yaml.safe_load((content / "trends.yaml").read_text("utf-8"))["trends"]
    others = [yaml.safe_load((content / n).read_text("utf-8")) for n in
              ("deck.yaml", "scenarios.yaml", "future-circle.yaml", "program.yaml")]
    pages = [_texts(t) for t in trends] + [_texts(o) for o in others]
    pictures = {t["picture"]["path"]: (out / "pictures" / Path(t["picture"]["path"]).name
                                       ).read_bytes() for t in trends}
    prs = Presentation()
    prs.slide_width, prs.slide_height = Pt(960), Pt(540)
    layout = prs.slide_layouts[6]
    canvas = Canvas(str(out / "floor.pdf"), pagesize=(960, 540))
    for i, lines in enumerate(pages):
        slide = prs.slides.add_slide(layout)
        box = slide.shapes.add_textbox(Pt(500), Pt(40), Pt(400), Pt(460))
        box.text_frame.text = "\n".join(lines)
        y = 500.0
        for line in lines:
            canvas.drawString(500, y, line[:120])
            y -= 12
        if i < len(trends):
            data = pictures[trends[i]["picture"]["path"]]
            slide.shapes.add_picture(io.BytesIO(data), 0, 0, Pt(440), Pt(540))
            canvas.drawImage(ImageReader(io.BytesIO(data)), 0, 0, 440, 540)
        canvas.showPage()
    prs.save(str(out / "floor.pptx"))
    canvas.save()


def prepare(project: Path, out: Path) -> None:
    trends = yaml.safe_load((project / "content" / "trends.yaml").read_text("utf-8"))["trends"]
    (out / "pictures").mkdir(parents=True, exist_ok=True)
    for trend in trends:
        source = project / trend["picture"]["path"]
        (out / "pictures" / source.name).write_bytes(_jpeg(source, 1222, 1500))


if __name__ == "__main__":
    if sys.argv[1] == "prepare":
        prepare(Path(sys.argv[2]), Path(sys.argv[3]))
    else:
        main(Path(sys.argv[1]), Path(sys.argv[2]))
