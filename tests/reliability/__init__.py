"""Reliability and security campaigns (tools/chaos): the short versions of each, for make test."""
