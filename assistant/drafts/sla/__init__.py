"""Marketing–sales SLA draft: definitions from the company's playbook, numbers from the plan.

What the company already wrote down (the MQL threshold, the scoring table, the follow-up
deadline, the SQL criteria) is quoted from its playbook, so the SLA formalises the practice
rather than replacing it.  What is missing is proposed and marked as a proposal; a proposed
number (e.g. a follow-up deadline when the playbook has none) is registered as a fact whose
source says "proposal", so the reviewer sees it is Axis's suggestion, not the company's rule.

The monthly MQL/SQL commitments are the reverse plan of ``assistant.analytics.planning``: the
revenue target (``--revenue-target``, or the latest month's won-deal target × the average deal
size) walked back through the pooled conversion rates, formula and assumptions shown.

Parts, one concept each: ``playbook`` (finding and quoting the company's rules, proposals where
there are none), ``commitments`` (the reverse plan), ``operating`` (reason codes, meetings,
escalation, owners); ``composition`` builds the payload and ``sections`` renders it.  This
package offers what every draft kind offers: ``PAYLOAD``, ``compose`` and ``render``.
"""

from __future__ import annotations

from assistant.drafts.sla.commitments import Commitment, Commitments
from assistant.drafts.sla.composition import PAYLOAD, SlaDraft, compose
from assistant.drafts.sla.sections import render

__all__ = ["PAYLOAD", "Commitment", "Commitments", "SlaDraft", "compose", "render"]
