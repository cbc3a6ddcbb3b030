"""The Textual user interface: a thin layer over :mod:`readerui.core`."""
