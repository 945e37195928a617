"""The ``svodka`` command: thin commands that parse arguments and call the library."""
