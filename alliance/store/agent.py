"""The unlock window: a small process that holds the data key for a while.

Deriving the key from a passphrase is deliberately slow, so after one unlock the CLI hands the
data key to this agent. It listens on a Unix socket that only its owner can reach (a 0700
folder, a 0600 socket, and the peer's uid checked with SO_PEERCRED), forgets the key after
15 idle minutes, and exits on `alliance lock`. Python cannot promise to wipe memory; the agent
keeps the key for as short a time as it is useful.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import socket
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

IDLE_SECONDS_DEFAULT = 15 * 60
IDLE_ENV = "ALLIANCE_UNLOCK_SECONDS"
_SOCKET_NAME = "agent.sock"


def socket_path(home: Path) -> Path:
    """Inside the vault folder, unless that path is too long for a Unix socket."""
    candidate = home.resolve() / _SOCKET_NAME
    if len(os.fsencode(candidate)) < 100:
        return candidate
    digest = hashlib.sha256(os.fsencode(home.resolve())).hexdigest()[:16]
    folder = Path(tempfile.gettempdir()) / f"alliance-{os.getuid()}"
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder / f"{digest}.sock"


def fetch_key(home: Path) -> bytes | None:
    """The data key from a running agent, or None when the vault is locked."""
    reply = _request(home, b"GET\n")
    if reply is None or not reply.startswith(b"KEY "):
        return None
    return bytes.fromhex(reply[4:].strip().decode("ascii"))


def lock(home: Path) -> bool:
    """End the agent; True if one was running."""
    return _request(home, b"LOCK\n") is not None


def start(home: Path, data_key: bytes, idle_seconds: int | None = None) -> None:
    """Start an agent for this vault in the background and wait until it answers."""
    lock(home)
    idle = idle_seconds or int(os.environ.get(IDLE_ENV, IDLE_SECONDS_DEFAULT))
    process = subprocess.Popen(
        [sys.executable, "-m", "alliance.store.agent", str(home.resolve()), str(idle)],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        close_fds=True,
    )
    assert process.stdin is not None
    process.stdin.write(data_key.hex().encode() + b"\n")
    process.stdin.close()
    # The launcher forks the real agent and exits at once, so nothing is left to reap here.
    process.wait(timeout=10)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        if fetch_key(home) == data_key:
            return
        time.sleep(0.02)
    raise RuntimeError("the unlock agent did not start")


def _request(home: Path, message: bytes) -> bytes | None:
    path = socket_path(home)
    if not path.exists():
        return None
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
        client.settimeout(2)
        try:
            client.connect(str(path))
            client.sendall(message)
            return client.recv(256)
        except OSError:
            return None


def _peer_uid(conn: socket.socket) -> int:
    creds = conn.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    _pid, uid, _gid = struct.unpack("3i", creds)
    return int(uid)


def serve(home: Path, data_key: bytes, idle_seconds: int) -> None:
    path = socket_path(home)
    path.unlink(missing_ok=True)
    old_umask = os.umask(0o177)
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(path))
    finally:
        os.umask(old_umask)
    os.chmod(path, 0o600)
    server.listen(8)
    last_used = time.monotonic()
    try:
        while True:
            remaining = idle_seconds - (time.monotonic() - last_used)
            if remaining <= 0:
                return
            server.settimeout(remaining)
            try:
                conn, _ = server.accept()
            except TimeoutError:
                return
            with conn:
                if _peer_uid(conn) != os.getuid():
                    continue
                conn.settimeout(2)
                with contextlib.suppress(OSError):
                    command = conn.recv(64).strip()
                    if command == b"GET":
                        conn.sendall(b"KEY " + data_key.hex().encode() + b"\n")
                        last_used = time.monotonic()
                    elif command == b"LOCK":
                        conn.sendall(b"BYE\n")
                        return
    finally:
        server.close()
        path.unlink(missing_ok=True)


def _launch() -> None:
    key = bytes.fromhex(sys.stdin.readline().strip())
    if os.fork() > 0:
        os._exit(0)
    os.setsid()
    serve(Path(sys.argv[1]), key, int(sys.argv[2]))


if __name__ == "__main__":
    _launch()
