"""Describe phase: title, site, author, stated publication date, language and categories."""
