"""Receipts on paper and PDF, the cash drawer and the customer display (docs/printing.md).

Implements ``app.services.ports.ReceiptPrinter`` with :class:`EscposPrinter`;
everything else here is device plumbing the counter reaches through it or
the small classes below.
"""

from printing.cli import printer_test_command
from printing.display import CustomerDisplay
from printing.drawer import CashDrawer
from printing.errors import JobInterrupted, PrinterFault, PrinterProfileError, PrinterUrlError
from printing.layout import Layout, receipt_layout, void_layout
from printing.pdf import ReportPayment, ShiftReport, TableReport, receipt_pdf, shift_report_pdf, table_pdf
from printing.printer import DrawerSettings, EscposPrinter, make_receipt_printer
from printing.profiles import PROFILES, PrinterProfile, get_profile
from printing.render import render_escpos
from printing.scanner import SerialScanner
from printing.spool import HeldReceipt, ReceiptSpool
from printing.status import PrinterStatus
from printing.testpage import print_test_page, test_page_layout
from printing.urls import PrinterAddress, parse_printer_url

__all__ = [
    "CashDrawer",
    "CustomerDisplay",
    "DrawerSettings",
    "EscposPrinter",
    "HeldReceipt",
    "JobInterrupted",
    "Layout",
    "PROFILES",
    "PrinterAddress",
    "PrinterFault",
    "PrinterProfile",
    "PrinterProfileError",
    "PrinterStatus",
    "PrinterUrlError",
    "ReceiptSpool",
    "ReportPayment",
    "SerialScanner",
    "ShiftReport",
    "TableReport",
    "get_profile",
    "make_receipt_printer",
    "parse_printer_url",
    "print_test_page",
    "printer_test_command",
    "receipt_layout",
    "receipt_pdf",
    "render_escpos",
    "shift_report_pdf",
    "table_pdf",
    "test_page_layout",
    "void_layout",
]
