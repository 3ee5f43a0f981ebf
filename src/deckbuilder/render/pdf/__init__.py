"""The PDFs, drawn with reportlab: ``dossier.render`` (the A4 dossier, platypus pages)
and ``slides.render`` (the deck as 16:9 pages), both tagged (PDF/UA-1).

Kept empty so that the second process (build/aside.py) loads only what it renders."""
