"""Taking the identity central gives a terminal at enrolment."""

from __future__ import annotations

from app.domain.errors import DomainError
from app.services.journal import record_audit
from app.services.ports import Clock, UnitOfWorkFactory


def record_enrolment(uow_factory: UnitOfWorkFactory, clock: Clock, terminal_id: str, agent_id: str, secret: str, central_url: str, *, by: str | None = None) -> None:
    """Store the terminal id and secret central issued.

    Items already in the outbox were sealed under the provisional id (their
    hash covers ``terminal_id``), so central could never accept them: a
    terminal that took payments before enrolment must be set up afresh.
    """
    with uow_factory() as uow:
        counters = uow.terminal.counters()
        if counters.terminal_id == terminal_id:
            raise DomainError("already_enrolled", "Esta caja ya está dada de alta con ese identificador.")
        if counters.last_seq > 0:
            raise DomainError(
                "outbox_not_empty",
                "Esta caja ya registró operaciones sin alta; use una carpeta de datos nueva para darla de alta.",
            )
        counters.terminal_id = terminal_id
        uow.terminal.save_counters(counters)
        uow.values.set("terminal_secret", secret)
        uow.values.set("agent_id", agent_id)
        uow.values.set("central_url", central_url)
        record_audit(uow, clock.now(), by, "enrolled", terminal_id=terminal_id, agent_id=agent_id, central_url=central_url)
        uow.commit()


def credentials(uow_factory: UnitOfWorkFactory) -> tuple[str, str, str] | None:
    """(terminal_id, secret, central_url) once enrolled, else None."""
    with uow_factory() as uow:
        secret = uow.values.get("terminal_secret")
        url = uow.values.get("central_url")
        terminal_id = uow.terminal.counters().terminal_id
    if not secret or not url:
        return None
    return terminal_id, secret, url
