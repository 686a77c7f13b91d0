import sys

from tadarki.cli import main

sys.exit(main())
