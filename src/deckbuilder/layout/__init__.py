"""Pure layout: the content model and the theme in, plans of positioned boxes out."""
