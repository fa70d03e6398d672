"""newskg: news articles in, a knowledge graph of who met whom out."""

__version__ = "0.1.0"
