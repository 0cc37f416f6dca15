"""`python -m cjm` runs the command line.

The guard matters: a worker process of `cjm build -j` started by `spawn` imports this module
again (as `__mp_main__`), and must not run the command a second time.
"""

from cjm.cli import main

if __name__ == "__main__":
    main()
