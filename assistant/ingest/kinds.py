"""Which kind of document a file is, from its title, headings, content and folder name.

Office, PDF and plain-text files carry no front matter, so Axis infers the kind —
``persona``, ``product``, ``competitor``, ``playbook``, ``brand-voice``, ``company`` or
``note`` — from the words a company uses for each, in Japanese and English.  The cues are the
vocabulary of the trade (役職・課題・情報源 for a persona, 料金・機能・連携 for a product, 強み・
弱み for a competitor, MQL・スコア・引き渡し for a playbook, 表記・禁止表現 for a brand guide),
not any one company's headings.  A title or folder word weighs more than a heading, a heading
more than a word in the body; a document with no clear signal is a ``note``.  The result says
which words decided it, ingest shows it, and ``--kind`` (or the Knowledge page) overrides it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.text.normalize import fold

CUES: dict[str, tuple[str, ...]] = {
    "persona": (
        "ペルソナ", "人物像", "ターゲット像", "顧客像", "プロフィール", "役職", "年齢", "経歴",
        "課題", "悩み", "困りごと", "ペイン", "情報収集", "情報源", "購買", "検討プロセス",
        "購買プロセス", "決裁", "意思決定", "関与者", "キーマン", "反論", "懸念", "刺さる",
        "persona", "buyer", "profile", "pain point", "pains", "decision maker", "objection",
        "job title", "day in the life",
    ),
    "product": (
        "製品", "サービス概要", "機能", "料金", "価格", "プラン", "月額", "初期費用", "導入効果",
        "導入実績", "連携", "未対応", "仕様", "オプション", "スペック", "パンフレット", "ソリューション",
        "product", "features", "pricing", "plan", "integration", "specification", "brochure",
        "fact sheet", "what's in the box",
    ),
    "competitor": (
        "競合", "他社", "比較", "強み", "弱み", "勝ちパターン", "負けパターン", "勝ち筋", "失注",
        "対抗", "差別化", "バトルカード", "competitor", "competition", "battlecard",
        "battle card", "strengths", "weaknesses", "win against", "versus", "vs.",
    ),
    "playbook": (
        "プレイブック", "mql", "sql", "リード", "スコアリング", "スコア", "引き渡し", "受け渡し",
        "引き継ぎ", "対応期限", "商談化", "ナーチャリング", "リサイクル", "差し戻し", "sla",
        "インサイドセールス", "運用ルール", "営業連携", "playbook", "lead scoring", "hand-off",
        "handoff", "lead management", "qualification", "recycle",
    ),
    "brand-voice": (
        "ブランド", "ボイス", "トーン", "表記", "言い換え", "禁止表現", "ng表現", "使わない",
        "文体", "用字用語", "表現ルール", "ガイドライン", "brand", "voice", "tone", "style guide",
        "wording", "do not say", "don't say", "terminology",
    ),
    "company": (
        "会社概要", "企業情報", "企業概要", "沿革", "所在地", "代表者", "設立", "資本金",
        "従業員数", "ミッション", "ビジョン", "事業内容", "about us", "company overview",
        "company profile", "our mission", "headquarters",
    ),
    "note": (
        "議事録", "打ち合わせ", "定例", "振り返り", "参加者", "出席者", "決定事項", "次回",
        "メモ", "報告", "minutes", "agenda", "attendees", "action items", "recap", "memo",
    ),
}  # fmt: skip
_WEIGHTS = {"path": 3.0, "title": 3.0, "heading": 1.5, "body": 0.5}
_BODY_CAP = 4.0  # body words confirm a kind, they cannot decide it alone
MIN_SCORE = 3.0
_ASCII_WORD = re.compile(r"^[a-z0-9 .'\-]+$")


@dataclass(frozen=True)
class KindGuess:
    kind: str
    score: float
    basis: tuple[str, ...]  # the cue words that decided it, where they were found

    def explain(self, lang: str = "ja") -> str:
        if not self.basis:
            return (
                "手がかりなし（メモとして扱います）" if lang == "ja" else "no clear signal (a note)"
            )
        return ", ".join(self.basis)


def _hits(cue: str, text: str) -> int:
    if _ASCII_WORD.match(cue):  # Latin words whole (not "sql" inside "mysql")
        return len(re.findall(rf"(?<![a-z]){re.escape(cue)}(?![a-z])", text))
    return text.count(cue)


def infer_kind(*, path: str, title: str, headings: list[str], body: str) -> KindGuess:
    """The best kind for a document, with the words that decided it (``note`` when unsure)."""
    places = {
        "path": fold(path.rsplit("/", 1)[0] + " " + path.rsplit("/", 1)[-1].rsplit(".", 1)[0]),
        "title": fold(title),
        "heading": fold(" \n".join(headings)),
        "body": fold(body[:20000]),
    }
    scores: dict[str, float] = {}
    reasons: dict[str, list[str]] = {}
    for kind, cues in CUES.items():
        score, body_score, found = 0.0, 0.0, []
        for cue in cues:
            key = fold(cue)
            for place, weight in _WEIGHTS.items():
                n = _hits(key, places[place])
                if not n:
                    continue
                if place == "body":
                    body_score += weight * min(n, 3)
                else:
                    score += weight
                    found.append(f"{place}:{cue}")
        scores[kind] = score + min(body_score, _BODY_CAP)
        reasons[kind] = found
    best = max(scores, key=lambda k: (scores[k], k == "note"))
    if scores[best] < MIN_SCORE:
        return KindGuess("note", scores[best], ())
    return KindGuess(best, round(scores[best], 2), tuple(reasons[best][:6]))
