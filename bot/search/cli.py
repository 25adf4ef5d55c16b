"""`digestbot ask` and `digestbot search`: the archive's answers from the shell."""

from __future__ import annotations

import argparse
from typing import Any

from bot.core.batch import emit, run_batch
from bot.core.exits import EXIT_OK, EXIT_USAGE, CliError
from bot.core.payloads import payload_to_text
from bot.search.domain import answerability
from bot.search.domain.model import Answer
from bot.search.render import answer_payload, search_payload
from bot.search.service import AnswerService


def _hit_json(hit: Any) -> dict[str, Any]:
    return {
        "article_id": hit.article_id,
        "title": hit.title,
        "url": hit.url,
        "excerpt": hit.excerpt,
        "score": round(float(hit.score), 6),
    }


def _article_json(hit: Any) -> dict[str, Any]:
    return {
        "article_id": hit.article_id,
        "title": hit.title,
        "url": hit.url,
        "score": round(float(hit.score), 6),
    }


def check_ask_args(args: argparse.Namespace) -> None:
    if not args.batch and args.question is None:
        raise CliError("ask needs a question, or --batch with JSON lines on stdin", EXIT_USAGE)


def check_search_args(args: argparse.Namespace) -> None:
    if not args.batch and args.query is None:
        raise CliError("search needs a query, or --batch with JSON lines on stdin", EXIT_USAGE)


async def run_ask(args: argparse.Namespace, answers: AnswerService) -> int:
    if args.batch:

        async def hits_for(question: str) -> list[dict[str, Any]]:
            answer = await answers.ask(question, k=args.k)
            return [_hit_json(h) for h in answer.hits]

        return await run_batch("question", "hits", hits_for)
    answer = await answers.ask(args.question, k=args.k)
    if args.json:
        emit(answer_json(answer))
    else:
        print(payload_to_text(answer_payload(answer, page_size=args.k)))
    return EXIT_OK


def answer_json(answer: Answer) -> dict[str, Any]:
    """``digestbot ask --json``: the answer /ask renders, with its kind and reason."""
    return {
        "question": answer.question,
        "hits": [_hit_json(h) for h in answer.hits],
        "reason": answer.reason,
        "kind": answer.kind,
        "notice": answer.notice,
        "suggestions": [_article_json(s) for s in answer.suggestions],
    }


async def run_search(args: argparse.Namespace, answers: AnswerService) -> int:
    if args.batch:

        async def results_for(query: str) -> list[dict[str, Any]]:
            return [_article_json(h) for h in await answers.search(query, k=args.k)]

        return await run_batch("query", "results", results_for)
    hits = await answers.search(args.query, k=args.k)
    if args.json:
        kind = answerability.kind_of(args.query)
        reason = None if hits else answerability.search_refusal(kind)
        results = [_article_json(h) for h in hits]
        emit({"query": args.query, "results": results, "kind": kind, "reason": reason})
    else:
        print(payload_to_text(search_payload(args.query, hits, page_size=args.k)))
    return EXIT_OK
