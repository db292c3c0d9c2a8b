"""Shipped instrument definitions (YAML) and the catalog that loads and validates them.

Use `alliance.instruments.catalog.load_instrument(id, user_dir=None)` and
`list_instruments(user_dir=None)`; they return `alliance.domain.instruments.Instrument`.
"""
