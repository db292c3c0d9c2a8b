"""A page module whose own import fails: the app must say so, not skip it."""

import no_such_dependency  # noqa: F401
