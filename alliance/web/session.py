"""What the web app holds in memory: the unlocked vault (or none) and the browser sessions.

One server serves one person's vault. The vault is opened once, by a passphrase typed in the
browser, and kept in this process until the Lock button, or until it has been idle for
`idle_seconds` (15 minutes by default); locking closes it and forgets it.

Every vault call runs on one dedicated thread (`Keeper.run`): SQLCipher connections belong to
the thread that made them, and one writer at a time is what SQLite wants anyway.

Browser sessions are random tokens in an HttpOnly, SameSite=Strict cookie. Each has its own
CSRF token; only a session that unlocked (or created) the vault is let in, so another browser or
another user on the same machine meets the passphrase page even while the vault is open.
"""

from __future__ import annotations

import asyncio
import functools
import secrets
import time
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from alliance.errors import VaultError, WrongPassphrase

if TYPE_CHECKING:
    from alliance.services.vault import Vault

T = TypeVar("T")

IDLE_SECONDS = 15 * 60
MAX_TRIES = 3
COOLDOWN_SECONDS = 30.0
MAX_SESSIONS = 64


class Locked(VaultError):
    """The vault is not open in this server (locked, idle-locked, or never unlocked)."""


@dataclass
class BrowserSession:
    id: str
    csrf: str
    authorised: bool = False
    flashes: list[tuple[str, str]] = field(default_factory=list)  # (kind, message)
    recovery_key: str | None = None  # shown once after creating the vault, until confirmed
    draft: str | None = None  # text typed before an idle lock, for the Today page to show

    def flash(self, message: str, kind: str = "info") -> None:
        self.flashes.append((kind, message))

    def take_flashes(self) -> list[tuple[str, str]]:
        taken, self.flashes = self.flashes, []
        return taken


class Keeper:
    """The vault, its one thread, the idle clock, and the browser sessions."""

    def __init__(
        self,
        home: Path,
        *,
        idle_seconds: float = IDLE_SECONDS,
        cooldown_seconds: float = COOLDOWN_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.home = home
        self.idle_seconds = idle_seconds
        self.cooldown_seconds = cooldown_seconds
        self.clock = clock
        self.vault: Vault | None = None
        self.launch_token: str | None = None  # lets the browser `serve` opened straight in
        self.last_activity = clock()
        self._failures = 0
        self._blocked_until = 0.0
        self._sessions: OrderedDict[str, BrowserSession] = OrderedDict()
        self._executor: ThreadPoolExecutor | None = None

    # --- the vault -------------------------------------------------------------------------

    @property
    def unlocked(self) -> bool:
        return self.vault is not None

    def vault_exists(self) -> bool:
        from alliance.services.vault import vault_exists

        return vault_exists(self.home)

    async def run(self, work: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """`work(vault, *args, **kwargs)` on the vault thread. Raises Locked when locked."""

        def call() -> T:
            vault = self.vault
            if vault is None:
                raise Locked("The vault is locked.")
            return work(vault, *args, **kwargs)

        return await self._on_thread(call)

    async def create(self, passphrase: str) -> str:
        """Create the vault at `home`, keep it open; returns the recovery key to show once."""
        from alliance.services.vault import init_vault

        def make() -> tuple[Vault, str]:
            return init_vault(passphrase, self.home)

        self.vault, recovery = await self._on_thread(make)
        self.touch()
        return recovery

    async def unlock(self, passphrase: str) -> None:
        """Open the vault. Three wrong passphrases in a row hold further tries for a while."""
        from alliance.services.vault import unlock

        wait = self._blocked_until - self.clock()
        if wait > 0:
            raise WrongPassphrase(
                f"Three wrong passphrases: wait {int(wait) + 1} seconds before trying again."
            )
        try:
            vault = await self._on_thread(
                functools.partial(unlock, self.home, passphrase=passphrase)
            )
        except WrongPassphrase:
            self._failures += 1
            if self._failures >= MAX_TRIES:
                self._failures = 0
                self._blocked_until = self.clock() + self.cooldown_seconds
            raise WrongPassphrase("That passphrase does not open this vault.") from None
        self._failures = 0
        await self.adopt(vault)

    async def adopt(self, vault: Vault) -> None:
        """Serve an already open vault (the demo); any vault held before is closed."""
        await self.lock()
        self.vault = vault
        self.touch()

    async def lock(self) -> bool:
        """Close and forget the vault; every browser session must unlock again."""
        vault, self.vault = self.vault, None
        for session in self._sessions.values():
            session.authorised = False
            session.recovery_key = None
            session.draft = None
        if vault is None:
            return False
        await self._on_thread(vault.close)
        return True

    def touch(self) -> None:
        self.last_activity = self.clock()

    def idle_expired(self) -> bool:
        return self.unlocked and self.clock() - self.last_activity >= self.idle_seconds

    async def lock_if_idle(self) -> bool:
        if self.idle_expired():
            return await self.lock()
        return False

    async def watch_idle(self) -> None:
        """Lock after the idle time even when no request comes (runs for the app's life)."""
        period = max(0.05, min(15.0, self.idle_seconds / 4))
        while True:
            await asyncio.sleep(period)
            await self.lock_if_idle()

    async def shutdown(self) -> None:
        await self.lock()
        if self._executor is not None:
            self._executor.shutdown(wait=True)
            self._executor = None

    async def _on_thread(self, call: Callable[[], T]) -> T:
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="alliance-vault")
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, call)

    # --- browser sessions ------------------------------------------------------------------

    def session(self, token: str | None) -> BrowserSession | None:
        if not token:
            return None
        found = self._sessions.get(token)
        if found is not None:
            self._sessions.move_to_end(token)
        return found

    def new_session(self) -> BrowserSession:
        session = BrowserSession(id=secrets.token_urlsafe(32), csrf=secrets.token_urlsafe(32))
        self._sessions[session.id] = session
        while len(self._sessions) > MAX_SESSIONS:
            self._sessions.popitem(last=False)
        return session

    def authorise(self, session: BrowserSession) -> BrowserSession:
        """Let this browser in, under a new session id and CSRF token (no fixation)."""
        self._sessions.pop(session.id, None)
        fresh = self.new_session()
        fresh.flashes = session.flashes
        fresh.authorised = True
        return fresh

    def check_launch_token(self, token: str) -> bool:
        expected = self.launch_token
        return expected is not None and secrets.compare_digest(expected, token)

    def new_launch_token(self) -> str:
        self.launch_token = secrets.token_urlsafe(24)
        return self.launch_token
