"""Roos agent: the local companion of the Roos browser extension."""

__version__ = "0.1.0"
API_VERSION = 1
