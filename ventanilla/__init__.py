"""The composition root: command line and wiring.

app/ holds the domain, services and storage and knows nothing of Qt, devices
or the network; ui/, printing/, sync/ and central/ are adapters around it.
This package is the one place that knows them all and plugs them together.
"""
