"""deckbuilder: YAML content and pictures in, an editable PPTX deck out."""
