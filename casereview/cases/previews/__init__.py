"""Previews of what each party sees of a case."""
