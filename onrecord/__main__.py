"""``python -m onrecord`` runs the command-line interface."""

from onrecord.cli import main

main()
