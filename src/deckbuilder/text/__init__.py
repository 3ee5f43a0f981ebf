"""Fonts and text: measuring in the deck's faces and their fallbacks, line breaking, German
hyphenation, WCAG contrast, the EOT container for embedded fonts, installing the fonts.

Knows nothing of the content: a text is a string, a face a key of the theme.

May import: the modules at the top (errors, theme, atomic, cache_file) only.
"""
