"""The pure core of readerui: loading, extraction, pagination and analysis.

Nothing in this package imports Textual; the UI in ``readerui.ui`` sits on top of it and
``tests/test_architecture.py`` enforces the boundary.
"""
