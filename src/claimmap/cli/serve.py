"""``claimmap serve``: the local web app over a store."""

from __future__ import annotations

import click

DEFAULT_DB = "claimmap.db"


@click.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, metavar="FILE",
              help="The store to serve (a SQLite file or a database URL).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind. Anything but loopback needs a token.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--token", envvar="CLAIMMAP_TOKEN", default=None, metavar="TOKEN",
              help="Required on every write (Authorization: Bearer TOKEN). "
                   "Also read from CLAIMMAP_TOKEN.")
def serve(db: str, host: str, port: int, token: str | None) -> None:
    """Serve the claim map at http://HOST:PORT: events, articles, places, search,
    upload, and a JSON API (/openapi.json).

    \b
    Examples:
      claimmap serve --db claimmap.db
      CLAIMMAP_TOKEN=s3cret claimmap serve --host 0.0.0.0
    """
    import uvicorn

    from claimmap.pipeline import ClaimMap
    from claimmap.web.app import create_app
    from claimmap.web.security import LOOPBACK_NAMES, check_bind, is_loopback

    check_bind(host, token)
    hosts = LOOPBACK_NAMES if is_loopback(host) else ("*",)
    claimmap = ClaimMap(db)
    app = create_app(claimmap, token, allowed_hosts=hosts)
    click.echo(f"claimmap: serving {db} at http://{_url_host(host)}:{port}/ "
               f"(writes {'need the token' if token else 'open to this machine only'})")
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
    finally:
        claimmap.close()


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host and not host.startswith("[") else host
