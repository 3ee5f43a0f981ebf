"""Reading and checking the content: content/*.yaml with source positions (sourcemap) to
the validated model (load, model, model_types), every cross-check (radar names, glyphs in
the fonts, pictures, font files, dates, the program), all problems at once (messages,
salvage); the JSON Schemas and the starter project of ``deckbuilder new`` (scaffold).

May import: text/ and the modules at the top.
"""
