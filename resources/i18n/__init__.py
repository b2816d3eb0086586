"""Qt translation catalogues (.ts sources, .qm compiled by `python -m ui.i18n compile`)."""
