"""Plain persistence with no UI: where readerui keeps what it remembers between runs."""
