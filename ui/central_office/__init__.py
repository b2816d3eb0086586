"""The central office desk: a Qt window that works the reconciliation over HTTP.

It speaks only to the central service's admin API (``/admin/v1``) with an
admin bearer token (:mod:`ui.central_office.client`); never the terminal HMAC,
never the database.  Every call runs on a :class:`ui.workers.Worker`.
"""
