"""Users, PIN login and lockout."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.errors import DomainError, Unauthorized
from app.domain.users import MAX_FAILED_PINS, Role, User, lockout_after_failure, valid_pin
from app.services.journal import record_audit
from app.services.ports import Clock, PinHasher, UnitOfWorkFactory, UserRecord


@dataclass(frozen=True, slots=True)
class LoggedIn:
    user: User


def _user(r: UserRecord) -> User:
    return User(r.user_id, r.name, Role(r.role), r.active)


class AuthService:
    def __init__(self, uow: UnitOfWorkFactory, hasher: PinHasher, clock: Clock) -> None:
        self.uow, self.hasher, self.clock = uow, hasher, clock

    def add_user(self, user_id: str, name: str, role: Role | str, pin: str, *, by: str | None = None) -> User:
        user_id = user_id.strip()
        if not user_id or not user_id.replace("_", "").replace("-", "").isalnum():
            raise DomainError("bad_user_id", "El usuario solo puede tener letras, números, guion y guion bajo.", field="user_id")
        role = Role(role)
        if not valid_pin(pin):
            raise DomainError("bad_pin_format", "El PIN debe tener de 4 a 8 dígitos.", field="pin")
        with self.uow() as uow:
            if uow.users.get(user_id) is not None:
                raise DomainError("user_exists", f"El usuario {user_id} ya existe.", field="user_id")
            uow.users.add(UserRecord(user_id, name.strip() or user_id, role.value, self.hasher.hash(pin)))
            record_audit(uow, self.clock.now(), by, "user_added", new_user=user_id, role=role.value)
            uow.commit()
        return User(user_id, name, role)

    def login(self, user_id: str, pin: str) -> User:
        """Check a PIN. Five wrong PINs in a row lock the user for five minutes."""
        now = self.clock.now()
        with self.uow() as uow:
            record = uow.users.get(user_id.strip())
            if record is None or not record.active:
                record_audit(uow, now, None, "login_failed", attempted_user=user_id.strip()[:32], why="unknown_user")
                uow.commit()
                raise Unauthorized("bad_credentials", "Usuario o PIN incorrecto.")
            if record.locked_until is not None and now < record.locked_until:
                minutes = max(1, int((record.locked_until - now).total_seconds() + 59) // 60)
                record_audit(uow, now, record.user_id, "login_refused", why="locked")
                uow.commit()
                raise Unauthorized(
                    "user_locked",
                    f"Usuario bloqueado por {MAX_FAILED_PINS} intentos fallidos. Intente de nuevo en {minutes} min o llame al supervisor.",
                )
            if not self.hasher.verify(record.pin_hash, pin):
                record.failed_attempts += 1
                record.locked_until = lockout_after_failure(record.failed_attempts, now)
                if record.locked_until is not None:
                    record.failed_attempts = 0
                uow.users.save(record)
                record_audit(
                    uow, now, record.user_id, "login_failed", why="bad_pin", locked=record.locked_until is not None
                )
                uow.commit()
                if record.locked_until is not None:
                    raise Unauthorized("user_locked", "PIN incorrecto. Usuario bloqueado por 5 minutos.")
                left = MAX_FAILED_PINS - record.failed_attempts
                raise Unauthorized("bad_credentials", f"Usuario o PIN incorrecto. Quedan {left} intentos.")
            record.failed_attempts = 0
            record.locked_until = None
            uow.users.save(record)
            record_audit(uow, now, record.user_id, "login")
            uow.commit()
            return _user(record)

    def approve(self, user_id: str, pin: str) -> User:
        """A supervisor's credentials for an override, a void or a large difference."""
        user = self.login(user_id, pin)
        if not user.can_approve:
            raise Unauthorized("not_a_supervisor", f"{user.name} no puede autorizar: se necesita un supervisor.")
        return user

    def users(self) -> list[User]:
        with self.uow() as uow:
            return [_user(r) for r in uow.users.all()]


class Argon2PinHasher:
    """argon2id.  Production uses the library's defaults; tests pass cheap parameters."""

    def __init__(self, *, time_cost: int | None = None, memory_cost: int | None = None, parallelism: int | None = None) -> None:
        from argon2 import PasswordHasher

        kwargs = {k: v for k, v in dict(time_cost=time_cost, memory_cost=memory_cost, parallelism=parallelism).items() if v}
        self._ph = PasswordHasher(**kwargs)

    def hash(self, pin: str) -> str:
        return self._ph.hash(pin)

    def verify(self, pin_hash: str, pin: str) -> bool:
        from argon2.exceptions import InvalidHashError, VerificationError

        try:
            return self._ph.verify(pin_hash, pin)
        except (VerificationError, InvalidHashError):
            return False

    @classmethod
    def cheap(cls) -> Argon2PinHasher:
        return cls(time_cost=1, memory_cost=8, parallelism=1)
