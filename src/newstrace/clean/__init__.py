"""Clean phase: from a raw page to the article body, with every removed block labelled."""
