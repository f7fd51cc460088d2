"""`python -m kg`: the same command as `kg`."""

from kg.cli import app

app(prog_name="kg")
