"""The vault's key hierarchy.

A random 256-bit data key encrypts the database. It is stored only wrapped (AES-256-GCM):
once under a key stretched from the passphrase with Argon2id, once under the recovery key that
`init` shows a single time. Changing the passphrase re-wraps the data key; nothing else changes.
The header holding the wrapped keys and the KDF parameters is plain JSON, versioned, so the
parameters can be raised later without breaking old vaults.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from dataclasses import dataclass
from typing import Any

from alliance.errors import VaultError, WrongPassphrase

HEADER_FORMAT = "alliance-vault"
HEADER_VERSION = 1
KEY_BYTES = 32

# The floor the issue sets, and the defaults we ship (calibrated so unlocking takes about
# half a second on a current laptop; see BENCHMARKS.md).
KDF_FLOOR = {"time_cost": 3, "memory_kib": 64 * 1024}
DEFAULT_KDF = {"time_cost": 3, "memory_kib": 192 * 1024, "parallelism": 4}

# The one test setting: makes key derivation cheap so the suite runs fast. Vaults made with it
# record the cheap parameters in their header, and only open while the setting is on.
FAST_KDF_ENV = "ALLIANCE_INSECURE_FAST_KDF"
_FAST_KDF = {"time_cost": 1, "memory_kib": 8 * 1024, "parallelism": 1}


@dataclass(frozen=True)
class KdfParams:
    time_cost: int
    memory_kib: int
    parallelism: int
    salt: bytes

    def public(self) -> dict[str, Any]:
        return {
            "name": "argon2id",
            "time_cost": self.time_cost,
            "memory_kib": self.memory_kib,
            "parallelism": self.parallelism,
            "salt": _b64(self.salt),
        }


def insecure_fast_kdf() -> bool:
    return os.environ.get(FAST_KDF_ENV) == "1"


def new_kdf_params() -> KdfParams:
    chosen = _FAST_KDF if insecure_fast_kdf() else DEFAULT_KDF
    return KdfParams(salt=secrets.token_bytes(16), **chosen)


def meets_floor(params: KdfParams) -> bool:
    return (
        params.time_cost >= KDF_FLOOR["time_cost"] and params.memory_kib >= KDF_FLOOR["memory_kib"]
    )


def derive_passphrase_key(passphrase: str, params: KdfParams) -> bytes:
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(
        passphrase.encode("utf-8"),
        params.salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def database_key(data_key: bytes) -> bytes:
    """The raw SQLCipher page key, kept separate from the data key by HKDF."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(
        hashes.SHA256(), KEY_BYTES, salt=None, info=b"alliance sqlcipher page key v1"
    ).derive(data_key)


# --- recovery key -------------------------------------------------------------------------


def new_recovery_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def format_recovery_key(raw: bytes) -> str:
    """Base32 in groups of four, easy to write down: `ABCD-EFGH-...`."""
    text = base64.b32encode(raw).decode("ascii").rstrip("=")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def parse_recovery_key(text: str) -> bytes:
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    padded = cleaned + "=" * (-len(cleaned) % 8)
    try:
        raw = base64.b32decode(padded)
    except ValueError:
        raw = b""
    if len(raw) != KEY_BYTES:
        raise WrongPassphrase("That is not a recovery key: expected 13 groups of 4 letters/digits.")
    return raw


def _recovery_wrapping_key(recovery: bytes, salt: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(hashes.SHA256(), KEY_BYTES, salt=salt, info=b"alliance recovery wrap v1").derive(
        recovery
    )


# --- the header ---------------------------------------------------------------------------


def new_header(passphrase: str, data_key: bytes, recovery: bytes) -> dict[str, Any]:
    params = new_kdf_params()
    recovery_salt = secrets.token_bytes(16)
    return {
        "format": HEADER_FORMAT,
        "version": HEADER_VERSION,
        "kdf": params.public(),
        "wrapped": {
            "passphrase": _wrap(
                derive_passphrase_key(passphrase, params), data_key, params.public()
            ),
            "recovery": {
                "salt": _b64(recovery_salt),
                **_wrap(_recovery_wrapping_key(recovery, recovery_salt), data_key, "recovery"),
            },
        },
    }


def rewrap_passphrase(
    header: dict[str, Any], data_key: bytes, new_passphrase: str
) -> dict[str, Any]:
    """A copy of the header with the data key wrapped under a new passphrase (and fresh salt)."""
    params = new_kdf_params()
    updated: dict[str, Any] = json.loads(json.dumps(header))
    updated["kdf"] = params.public()
    updated["wrapped"]["passphrase"] = _wrap(
        derive_passphrase_key(new_passphrase, params), data_key, params.public()
    )
    return updated


def unwrap_with_passphrase(header: dict[str, Any], passphrase: str) -> bytes:
    params = read_kdf_params(header)
    if not meets_floor(params) and not insecure_fast_kdf():
        raise VaultError(
            "This vault's key-derivation settings are below Alliance's floor; refusing."
        )
    kek = derive_passphrase_key(passphrase, params)
    return _unwrap(kek, header["wrapped"]["passphrase"], params.public(), "Wrong passphrase.")


def unwrap_with_recovery(header: dict[str, Any], recovery_text: str) -> bytes:
    recovery = parse_recovery_key(recovery_text)
    stanza = header["wrapped"]["recovery"]
    kek = _recovery_wrapping_key(recovery, _unb64(stanza["salt"]))
    return _unwrap(kek, stanza, "recovery", "Wrong recovery key.")


def read_kdf_params(header: dict[str, Any]) -> KdfParams:
    if header.get("format") != HEADER_FORMAT or header.get("version") != HEADER_VERSION:
        raise VaultError("The vault header is not one this version of Alliance can read.")
    kdf = header["kdf"]
    if kdf.get("name") != "argon2id":
        raise VaultError(f"Unknown key derivation {kdf.get('name')!r} in the vault header.")
    return KdfParams(
        time_cost=int(kdf["time_cost"]),
        memory_kib=int(kdf["memory_kib"]),
        parallelism=int(kdf["parallelism"]),
        salt=_unb64(kdf["salt"]),
    )


def _wrap(kek: bytes, data_key: bytes, context: object) -> dict[str, str]:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = secrets.token_bytes(12)
    sealed = AESGCM(kek).encrypt(nonce, data_key, _aad(context))
    return {"nonce": _b64(nonce), "ciphertext": _b64(sealed)}


def _unwrap(kek: bytes, stanza: dict[str, str], context: object, wrong: str) -> bytes:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        return AESGCM(kek).decrypt(
            _unb64(stanza["nonce"]), _unb64(stanza["ciphertext"]), _aad(context)
        )
    except InvalidTag:
        raise WrongPassphrase(wrong) from None


def _aad(context: object) -> bytes:
    # Binding the KDF parameters into the AAD means a header edited to weaker settings
    # fails to unwrap instead of silently downgrading.
    return b"alliance data key v1|" + json.dumps(context, sort_keys=True).encode()


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _unb64(text: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except ValueError:
        raise VaultError("The vault header is damaged (bad base64).") from None
