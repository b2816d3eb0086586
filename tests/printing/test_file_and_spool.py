"""file:// printers and the spool that keeps receipts the printer did not take."""

from __future__ import annotations

import os
import stat
from datetime import datetime, timezone

import pytest

from printing.decode import decode_escpos
from printing.errors import PrinterFault
from printing.printer import EscposPrinter
from printing.spool import ReceiptSpool, receipt_from_dict, receipt_to_dict
from tests.printing.conftest import make_receipt


def test_file_printer_appends_each_job(tmp_path, receipt):
    out = tmp_path / "receipt.bin"
    printer = EscposPrinter(f"file://{out}", "80mm-42")
    printer.print_receipt(receipt)
    printer.print_receipt(make_receipt(print_count=2))
    decoded = decode_escpos(out.read_bytes())
    assert decoded.status_requests == []  # a file cannot answer
    assert decoded.code_pages == [19, 19] and decoded.cuts == ["partial", "partial"]
    assert decoded.text.count("TOTAL PAGADO") == 2 and "COPIA" in decoded.text
    assert all(len(line) <= 42 for line in decoded.text_lines if not line.startswith(" " * 21))


def test_file_printer_in_a_missing_folder_is_offline_and_the_receipt_is_held(tmp_path, receipt):
    spool = ReceiptSpool(tmp_path / "spool")
    with pytest.raises(PrinterFault) as info:
        EscposPrinter(f"file://{tmp_path}/no/such/dir/r.bin", spool=spool).print_receipt(receipt)
    assert info.value.code == "printer_offline"
    assert [h.receipt_no for h in spool.pending()] == [123]


@pytest.mark.skipif(os.name != "posix", reason="named pipes are POSIX")
def test_device_node_that_does_not_drain_times_out_instead_of_hanging(tmp_path, receipt):
    fifo = tmp_path / "lp0"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a device that never reads
    try:
        assert stat.S_ISFIFO(os.stat(fifo).st_mode)
        big = make_receipt(lines=tuple(make_receipt().lines) * 2000)  # more than the pipe holds
        with pytest.raises(PrinterFault) as info:
            EscposPrinter(f"file://{fifo}", timeout=0.3).print_receipt(big)
        assert info.value.code == "printer_timeout"
    finally:
        os.close(reader)


def test_receipt_survives_the_spool_round_trip(tmp_path):
    r = make_receipt(offline=True, print_count=2, extra={"voided_at": datetime(2026, 11, 23, tzinfo=timezone.utc)})
    back = receipt_from_dict(receipt_to_dict(r))
    assert back.extra["voided_at"] == "2026-11-23T00:00:00+00:00"
    assert back.__class__(**{**back.__dict__, "extra": r.extra}) == r


def test_spool_counts_attempts_keeps_the_cut_off_mark_and_lists_oldest_first(tmp_path):
    spool = ReceiptSpool(tmp_path)
    spool.hold(make_receipt(receipt_no=7, payment_id="b"), "paper_out", "sin papel", interrupted=True)
    spool.hold(make_receipt(receipt_no=5, payment_id="a"), "cover_open", "tapa")
    again = spool.hold(make_receipt(receipt_no=7, payment_id="b"), "printer_timeout", "no contesta")
    assert (again.attempts, again.interrupted, again.fault_code) == (2, True, "printer_timeout")
    assert [h.receipt_no for h in ReceiptSpool(tmp_path).pending()] == [5, 7]  # survives a restart
    spool.release("b")
    assert [h.payment_id for h in spool.pending()] == ["a"]
    assert not list(tmp_path.glob(".held-*"))  # no temporary files left behind
