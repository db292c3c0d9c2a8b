"""Page routers of the web app; optional ones from other parts plug in (docs/web.md)."""
