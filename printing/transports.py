"""Tiny transports: bytes to a device and back, each operation with a deadline.

No call here can block longer than its timeout: connect, write and read all
carry one, and every device exception leaves as a ``PrinterFault``
(``raise fault(...) from e``).  Command logic lives elsewhere; a transport
knows how to move bytes and nothing about ESC/POS.
"""

from __future__ import annotations

import errno
import os
import select
import socket
import time
from typing import Protocol

from printing.errors import PrinterFault, fault
from printing.urls import PrinterAddress

DEFAULT_TIMEOUT = 3.0


class Transport(Protocol):
    address: PrinterAddress
    two_way: bool
    written: int  # bytes of the last write that reached the device

    def write(self, data: bytes, timeout: float | None = None) -> None: ...
    def read_byte(self, timeout: float) -> int | None: ...
    def drain(self) -> None: ...
    def close(self) -> None: ...


class TcpTransport:
    """Raw TCP to port 9100: one connection per job, closed afterwards."""

    two_way = True

    def __init__(self, address: PrinterAddress, timeout: float) -> None:
        self.address, self.timeout, self.written = address, timeout, 0
        try:
            self.sock = socket.create_connection((address.host, address.port), timeout=timeout)
        except TimeoutError as e:
            raise fault("printer_timeout", f"sin respuesta de {address.describe()}") from e
        except socket.gaierror as e:
            raise fault("printer_offline", f"no se encuentra {address.host}") from e
        except OSError as e:
            raise fault("printer_offline", f"{address.describe()} no acepta la conexión") from e
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def write(self, data: bytes, timeout: float | None = None) -> None:
        deadline = time.monotonic() + (timeout or self.timeout)
        view = memoryview(data)
        self.written = 0
        try:
            while self.written < len(data):
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError
                self.sock.settimeout(left)
                self.written += self.sock.send(view[self.written : self.written + 8192])
        except TimeoutError as e:
            raise fault("printer_timeout", "no recibió todo el recibo") from e
        except OSError as e:
            raise fault("printer_offline", "se cortó la conexión") from e

    def read_byte(self, timeout: float) -> int | None:
        try:
            self.sock.settimeout(max(0.001, timeout))
            got = self.sock.recv(1)
        except TimeoutError:
            return None
        except OSError as e:
            raise fault("printer_offline", "se cortó la conexión") from e
        if not got:
            raise fault("printer_offline", "la impresora cerró la conexión")
        return got[0]

    def drain(self) -> None:
        """Drop bytes the printer sent on its own (automatic status, old answers)."""
        try:
            self.sock.setblocking(False)
            while self.sock.recv(256):
                pass
        except (BlockingIOError, InterruptedError):
            pass
        except OSError:
            pass
        finally:
            self.sock.settimeout(self.timeout)

    def close(self) -> None:
        # Unread input at close() makes the kernel answer with a reset, which
        # can make a printer drop what it has not processed yet: drain it,
        # then close our side only for writing.
        self.drain()
        try:
            self.sock.shutdown(socket.SHUT_WR)
        except OSError:
            pass
        self.sock.close()


class SerialTransport:
    """pyserial with read and write timeouts; the port is opened per job."""

    two_way = True

    def __init__(self, address: PrinterAddress, timeout: float) -> None:
        import serial

        self._serial = serial
        o = address.options
        self.address, self.timeout, self.written = address, timeout, 0
        self.baudrate = int(o.get("baudrate", 9600))
        flag = lambda name: o.get(name, "0").lower() in ("1", "on", "yes", "true", "si", "sí")  # noqa: E731
        try:
            self.port = serial.Serial(
                port=address.device,
                baudrate=self.baudrate,
                bytesize=int(o.get("bytesize", 8)),
                parity=o.get("parity", "N").upper(),
                stopbits=float(o.get("stopbits", 1)) if o.get("stopbits") == "1.5" else int(o.get("stopbits", 1)),
                timeout=timeout,
                write_timeout=timeout,
                rtscts=flag("rtscts"),
                dsrdtr=flag("dsrdtr"),
                xonxoff=flag("xonxoff"),
            )
        except (serial.SerialException, ValueError, OSError) as e:
            raise fault("printer_offline", f"no se puede abrir {address.device}") from e

    def _write_budget(self, size: int, timeout: float | None) -> float:
        # 10 bits a byte on the wire; a 2 KB receipt takes 2 s at 9600 baud
        return (timeout or self.timeout) + size * 10 / self.baudrate * 1.5

    def write(self, data: bytes, timeout: float | None = None) -> None:
        self.written = 0
        try:
            self.port.write_timeout = self._write_budget(len(data), timeout)
            self.written = self.port.write(data) or 0
        except self._serial.SerialTimeoutException as e:
            raise fault("printer_timeout", "no recibió todo el recibo") from e
        except (self._serial.SerialException, OSError) as e:
            raise fault("printer_offline", f"falló el puerto {self.address.device}") from e

    def read_byte(self, timeout: float) -> int | None:
        try:
            self.port.timeout = max(0.001, timeout)
            got = self.port.read(1)
        except (self._serial.SerialException, OSError) as e:
            raise fault("printer_offline", f"falló el puerto {self.address.device}") from e
        return got[0] if got else None

    def drain(self) -> None:
        try:
            self.port.reset_input_buffer()
        except (self._serial.SerialException, OSError):
            pass

    def close(self) -> None:
        try:
            self.port.close()
        except (self._serial.SerialException, OSError):
            pass


class UsbTransport:
    """A USB printer through pyusb (optional dependency; needs libusb)."""

    two_way = True

    def __init__(self, address: PrinterAddress, timeout: float) -> None:
        self.address, self.timeout, self.written = address, timeout, 0
        try:
            import usb.core
            import usb.util
        except ImportError as e:
            raise fault("printer_error", "falta el paquete pyusb para impresoras USB") from e
        self._usb = usb
        try:
            dev = usb.core.find(idVendor=address.vendor_id, idProduct=address.product_id)
        except usb.core.NoBackendError as e:
            raise fault("printer_error", "falta la biblioteca libusb") from e
        if dev is None:
            raise fault("printer_offline", f"no hay {address.describe()} conectada")
        o = address.options
        self.interface = int(o.get("interface", "0"), 0)
        try:
            if dev.is_kernel_driver_active(self.interface):
                dev.detach_kernel_driver(self.interface)
        except (NotImplementedError, usb.core.USBError):
            pass
        try:
            dev.set_configuration()
        except usb.core.USBError:
            pass  # already configured
        self.dev = dev
        self.out_ep = int(o["out_ep"], 0) if "out_ep" in o else None
        self.in_ep = int(o["in_ep"], 0) if "in_ep" in o else None
        if self.out_ep is None or self.in_ep is None:
            intf = dev.get_active_configuration()[(self.interface, 0)]
            for ep in intf:
                is_in = usb.util.endpoint_direction(ep.bEndpointAddress) == usb.util.ENDPOINT_IN
                if is_in and self.in_ep is None:
                    self.in_ep = ep.bEndpointAddress
                if not is_in and self.out_ep is None:
                    self.out_ep = ep.bEndpointAddress
        if self.out_ep is None:
            raise fault("printer_error", "la impresora USB no tiene salida de datos")
        self.two_way = self.in_ep is not None

    def write(self, data: bytes, timeout: float | None = None) -> None:
        self.written = 0
        try:
            self.written = self.dev.write(self.out_ep, data, timeout=int((timeout or self.timeout) * 1000))
        except self._usb.core.USBTimeoutError as e:
            raise fault("printer_timeout", "no recibió todo el recibo") from e
        except self._usb.core.USBError as e:
            raise fault("printer_offline", "falló la conexión USB") from e
        if self.written < len(data):
            raise fault("printer_timeout", "no recibió todo el recibo")

    def read_byte(self, timeout: float) -> int | None:
        if self.in_ep is None:
            return None
        try:
            got = self.dev.read(self.in_ep, 64, timeout=max(1, int(timeout * 1000)))
        except self._usb.core.USBTimeoutError:
            return None
        except self._usb.core.USBError as e:
            raise fault("printer_offline", "falló la conexión USB") from e
        return got[0] if len(got) else None

    def drain(self) -> None:
        while self.in_ep is not None:
            try:
                if not len(self.dev.read(self.in_ep, 64, timeout=1)):
                    break
            except self._usb.core.USBError:
                break

    def close(self) -> None:
        try:
            self._usb.util.dispose_resources(self.dev)
        except self._usb.core.USBError:
            pass


class FileTransport:
    """Bytes appended to a file or written to a device node such as /dev/usb/lp0.

    Opened non-blocking so a device node whose printer is off cannot hang
    the write; a regular file ignores the flag.
    """

    two_way = False

    def __init__(self, address: PrinterAddress, timeout: float) -> None:
        self.address, self.timeout, self.written = address, timeout, 0
        flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        try:
            self.fd = os.open(address.device, flags, 0o644)
        except FileNotFoundError as e:
            raise fault("printer_offline", f"no existe la carpeta de {address.device}") from e
        except PermissionError as e:
            raise fault("printer_error", f"sin permiso para escribir en {address.device}") from e
        except OSError as e:
            if e.errno in (errno.ENXIO, errno.ENODEV, errno.EBUSY):
                raise fault("printer_offline", f"{address.device} no responde") from e
            raise fault("printer_error", f"no se puede abrir {address.device}") from e

    def write(self, data: bytes, timeout: float | None = None) -> None:
        deadline = time.monotonic() + (timeout or self.timeout)
        view = memoryview(data)
        self.written = 0
        try:
            while self.written < len(data):
                try:
                    self.written += os.write(self.fd, view[self.written :])
                except BlockingIOError:
                    left = deadline - time.monotonic()
                    if left <= 0:
                        raise fault("printer_timeout", f"{self.address.device} no recibe datos") from None
                    select.select([], [self.fd], [], min(left, 0.2))
        except OSError as e:
            if e.errno == errno.ENOSPC:
                raise fault("printer_error", "el disco está lleno") from e
            raise fault("printer_offline", f"falló la escritura en {self.address.device}") from e

    def read_byte(self, timeout: float) -> int | None:
        return None

    def drain(self) -> None:
        pass

    def close(self) -> None:
        try:
            os.close(self.fd)
        except OSError:
            pass


def open_transport(address: PrinterAddress, timeout: float | None = None) -> Transport:
    """Connect to the device at ``address``; PrinterFault when it is not there."""
    t = address.timeout if address.timeout is not None else (timeout if timeout is not None else DEFAULT_TIMEOUT)
    if address.scheme == "tcp":
        return TcpTransport(address, t)
    if address.scheme == "serial":
        return SerialTransport(address, t)
    if address.scheme == "usb":
        return UsbTransport(address, t)
    if address.scheme == "file":
        return FileTransport(address, t)
    raise PrinterFault("printer_error", f"No sé imprimir por {address.scheme}.")  # pragma: no cover - parse refuses it
