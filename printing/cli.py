"""``ventanilla printer test``: what the installer runs when setting up an outlet."""

from __future__ import annotations

import sys

from app.domain.errors import DomainError
from printing.errors import PrinterFault
from printing.testpage import print_test_page

EXIT_OK = 0
EXIT_FAULT = 1  # the printer did not take the page
EXIT_USAGE = 2  # the URL or the profile cannot work


def printer_test_command(url: str, profile: str = "80mm", timeout: float = 5.0) -> int:
    """Print the test page; one Spanish line on stderr and a non-zero code when it did not print."""
    try:
        print_test_page(url, profile, timeout)
    except PrinterFault as e:
        print(f"error: {e.message}", file=sys.stderr)
        return EXIT_FAULT
    except DomainError as e:
        print(f"error: {e.message}", file=sys.stderr)
        return EXIT_USAGE
    print(f"Página de prueba impresa en {url} (perfil {profile}).")
    return EXIT_OK
