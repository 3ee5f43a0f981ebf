"""Slides and pictures added to a python-pptx presentation in constant time.

python-pptx's ``Slides.add_slide`` and ``add_picture`` each look through the whole package:
the presentation's relationships are regrouped and searched for the new slide, the next
slide id is the maximum over every id, and a picture is looked up by SHA-1 among all image
parts, found by walking every part. A deck of 1,000 slides then spends most of its time
there (0.5 ms for the first slide, 4.5 ms for the 1,000th). The same steps are taken here
with python-pptx's own parts and elements, keeping counters and an index instead of
searching, so each slide costs the same. Ids, part names and relationship ids come out as
python-pptx would give them, so the package's bytes do not change (tested).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.parts.image import Image, ImagePart
from pptx.parts.slide import SlidePart

from .private import add_picture_shape, append_slide_id, relate_new

MEDIA_PREFIX = "/ppt/media/image"


class DeckParts:
    """The running state python-pptx would otherwise recompute for every slide."""

    def __init__(self, prs: Any) -> None:
        self.prs = prs
        self.part = prs.part
        ids = prs.slides.element
        self.slides = len(ids)
        self.next_id = max([255, *(int(i) for i in ids.xpath("./p:sldId/@id"))]) + 1
        self.images: dict[str, ImagePart] = {}
        self.used: set[int] = set()
        for part in self.part.package.iter_parts():  # once: a template may bring pictures
            if isinstance(part, ImagePart):
                self.images.setdefault(part.sha1, part)
            if part.partname.startswith(MEDIA_PREFIX) and part.partname.idx is not None:
                self.used.add(part.partname.idx)
        self.free = 1

    def add_slide(self, layout: Any) -> Any:
        """A new, empty slide on ``layout`` (its placeholders are not copied: the plan
        draws everything itself)."""
        self.slides += 1
        partname = PackURI(f"/ppt/slides/slide{self.slides}.xml")
        slide_part = SlidePart.new(partname, self.part.package, layout.part)
        rid = relate_new(self.part, RT.SLIDE, slide_part)
        append_slide_id(self.prs.slides.element, self.next_id, rid)
        self.next_id += 1
        return slide_part.slide

    def image(self, slide_part: Any, path: Path) -> tuple[ImagePart, str]:
        """The picture's part (one per distinct picture in the package) and its
        relationship id on ``slide_part``."""
        image = Image.from_file(str(path))
        part = self.images.get(image.sha1)
        if part is None:
            while self.free in self.used:
                self.free += 1
            self.used.add(self.free)
            part = ImagePart(PackURI(f"{MEDIA_PREFIX}{self.free}.{image.ext}"),
                             image.content_type, self.part.package, image.blob, image.filename)
            self.images[image.sha1] = part
        return part, slide_part.relate_to(part, RT.IMAGE)


def add_picture(shapes: Any, parts: DeckParts, path: Path, x: int, y: int, cx: int, cy: int
                ) -> Any:
    """``shapes.add_picture`` with the picture's part found through ``parts``."""
    image_part, rid = parts.image(shapes.part, path)
    return add_picture_shape(shapes, image_part, rid, x, y, cx, cy)
