"""digestbot: the Discord bot of a North Korea news and discussion community."""

__version__ = "0.1.0"
