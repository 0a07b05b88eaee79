"""The 訴求軸 messaging matrix: personas × message axes, every cell a cited message or a gap.

Parts: ``evidence`` finds and ranks a cell's evidence (nothing cited yet), ``cells`` cites it
into a ``Cell`` (a message or a gap), ``matrix`` picks the rows and columns, orders the axes
and renders.  This package offers what every draft kind offers: ``PAYLOAD``, ``compose`` and
``render``.
"""

from __future__ import annotations

from assistant.drafts.messaging.matrix import PAYLOAD, Messaging, compose, render

__all__ = ["PAYLOAD", "Messaging", "compose", "render"]
