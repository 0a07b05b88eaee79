"""What we are and what we offer, from the product document (kind: product).

The category is the document's own 「<name>は…です。」 sentence; benefits are its 主な機能 items
closest to the problem; the product's own 未対応 / 予定 notes are kept as caveats, because a
positioning that hides what is not there yet is the kind of claim sales later has to retract.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.domain.grounding import Claim
from assistant.drafts.claims import bullets, cited, claim_refs
from assistant.drafts.context import DraftContext
from assistant.drafts.evidence import Passage
from assistant.drafts.positioning.gaps import gap
from assistant.drafts.positioning.matching import SUPPORT_MIN, pick
from assistant.text.statements import Statement, statements

_NOT_YET = ("未対応", "未取得", "検討中", "予定")
_FEATURE = re.compile(r"^\*\*(.+?)\*\*\s*[:：]\s*(.*)$")


@dataclass(frozen=True)
class Product:
    name: str
    category: tuple[Passage, Statement] | None
    features: list[tuple[Passage, Statement]]
    strengths: list[tuple[Passage, Statement]]
    effects: list[tuple[Passage, Statement]]
    not_yet: list[tuple[Passage, Statement]]


def find_product(ctx: DraftContext) -> Product | None:
    """The product document's statements sorted by what they say (None: no document)."""
    passages = ctx.corpus.of_kind("product")
    if not passages:
        return None
    meta = passages[0].meta
    name = str(meta.get("product") or meta.get("name") or passages[0].title.split()[0])
    found = [(p, st) for p in passages for st in statements(p.text)]
    said = [(p, st) for p, st in found if not st.text.startswith("※")]
    what_it_is = next((x for x in said if x[1].text.startswith(f"{name}は")), None)
    features = [x for x in said if "機能" in x[1].heading and not _is_not_yet(x[1].text)]
    intro = [x for x in said if name in x[1].heading and not _is_not_yet(x[1].text)]
    return Product(
        name=name,
        category=what_it_is,
        features=features,
        strengths=features + [x for x in intro if x is not what_it_is],
        effects=[x for x in said if "導入効果" in x[1].heading],
        not_yet=[x for x in said if _is_not_yet(x[1].text)],
    )


def _is_not_yet(text: str) -> bool:
    return any(word in text for word in _NOT_YET)


def category_phrase(product: Product) -> str:
    """「ケイリクラウドは、…クラウドサービスです。」 -> 「…クラウドサービス」."""
    if product.category is None:
        return ""
    text = product.category[1].text
    m = re.match(rf"^{re.escape(product.name)}は[、,]?(.+?)です。?$", text)
    return m.group(1) if m else text


def category_claim(ctx: DraftContext, product: Product | None) -> Claim:
    """The product document's own sentence saying what the product is."""
    if product is None or product.category is None:
        return gap(ctx, "no_category", product.name if product else ctx.t("製品名", "the product"))
    passage, st = product.category
    return cited(ctx.book, passage, st.text)


def feature_label(text: str) -> str:
    """「**請求書受領**:PDF…」 -> 「請求書受領」 (the text itself when it has no label)."""
    m = _FEATURE.match(text)
    return m.group(1) if m else text


def benefit_claim(
    ctx: DraftContext, product: Product | None, problems: Sequence[str]
) -> tuple[Claim, list[Statement]]:
    """The feature closest to each problem (or the first feature), quoted as a list."""
    if product is None or not product.features:
        claim = gap(ctx, "no_features")
        return claim, []
    chosen: list[tuple[Passage, Statement]] = []
    for problem in problems:
        chosen += [
            x for x in pick(product.features, problem, n=1, least=SUPPORT_MIN) if x not in chosen
        ]
    chosen = chosen or product.features[:1]
    quotes = [cited(ctx.book, passage, st.text) for passage, st in chosen]
    return Claim(text=bullets(quotes), refs=claim_refs(quotes)), [st for _, st in chosen]


def caveat_claims(
    ctx: DraftContext, product: Product | None, problems: Sequence[str]
) -> list[Claim]:
    """The product's own 未対応 / 予定 notes that touch the problem: said, never hidden."""
    if product is None or not problems:
        return []
    found = pick(product.not_yet, problems[0], n=2, least=SUPPORT_MIN + 1)
    return [cited(ctx.book, passage, st.text) for passage, st in found]
