"""Reliability and security campaigns (issue 9): crashes, hostile networks, bad input, intruders, load.

Each campaign is a function ``run(size, workdir, log) -> CampaignResult``
with a short size (``make test`` runs it from ``tests/reliability``) and a long
one (``make chaos`` runs ``python -m tools.chaos all``, which also writes the
table of the last run into ``docs/reliability.md``).
"""
