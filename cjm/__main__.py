"""`python -m cjm` runs the command line."""

from cjm.cli import main

main()
