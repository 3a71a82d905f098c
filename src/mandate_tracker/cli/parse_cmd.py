"""`mandate parse` and `mandate demo`: read a resolution and show its structure."""

from __future__ import annotations

import io
import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.tree import Tree

from mandate_tracker.cli import app, err_console
from mandate_tracker.cli.output import write_atomically
from mandate_tracker.cli.workspace_cmd import DbOption
from mandate_tracker.model import Document, Item


class Format(StrEnum):
    json = "json"
    md = "md"
    text = "text"
    akn = "akn"


class Stage(StrEnum):
    raw = "raw"
    clean = "clean"
    tree = "tree"


def read_and_analyse(path: str) -> Document:
    """Read a resolution and analyse every provision (the pipeline up to `analyse`)."""
    from mandate_tracker.analyse import analyse_document
    from mandate_tracker.parse import read_document

    return analyse_document(read_document(path))


@app.command()
def parse(
    file: Annotated[str, typer.Argument(help="A resolution as PDF or text; '-' reads stdin.")],
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to a file instead of stdout.")
    ] = None,
    dump_stage: Annotated[
        Stage | None,
        typer.Option("--dump-stage", help="Print an intermediate stage instead (for debugging)."),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Warn about provisions whose verb is unknown.")
    ] = False,
) -> None:
    """Read a resolution into its structure: preamble, paragraphs, items, headings, facts."""
    if dump_stage is not None:
        _write(_dump_stage(file, dump_stage), output)
        return
    doc = read_and_analyse(file)
    if strict:
        from mandate_tracker.analyse import strict_warnings

        for warning in strict_warnings(doc):
            err_console.print(f"[yellow]warning:[/] {warning}", highlight=False)
    _write(render(doc, format), output)


def render(doc: Document, format: Format) -> str:
    """The document in one of the output formats."""
    from mandate_tracker.parse import document_to_dict
    from mandate_tracker.parse.render import to_markdown
    from mandate_tracker.parse.schema import validate_document_json

    if format is Format.json:
        data = document_to_dict(doc)
        validate_document_json(data)
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if format is Format.md:
        return to_markdown(doc)
    if format is Format.akn:
        from mandate_tracker.analyse.akn import document_to_akn

        return document_to_akn(doc).decode("utf-8")
    return _terminal_view(doc)


def _dump_stage(file: str, stage: Stage) -> str:
    from mandate_tracker.ingest import clean, read_source
    from mandate_tracker.parse import document_to_dict
    from mandate_tracker.parse.structure import read_structure

    source = read_source(file)
    if stage is Stage.raw:
        return source.text
    cleaned = clean(source.text)
    if stage is Stage.clean:
        return cleaned.text + "\n"
    tree = document_to_dict(read_structure(cleaned, source.name))
    return json.dumps(tree, indent=2, ensure_ascii=False) + "\n"


def _terminal_view(doc: Document) -> str:
    console = Console(file=io.StringIO(), width=100, force_terminal=False, color_system=None)
    info = doc.info
    root = Tree(f"{info.symbol or doc.source_name} · {info.kind} · {info.date or 'no date'}")
    if info.authors:
        root.add(f"authors: {', '.join(info.authors)}")
    root.add(f"preamble: {len(doc.preamble)} paragraphs")
    headings = {h.before: h for h in doc.headings}
    for paragraph in doc.paragraphs:
        if paragraph.number in headings:
            root.add(f"§ {headings[paragraph.number].title}")
        branch = root.add(f"{paragraph.number}. {paragraph.verb} — {_short(paragraph.text)}")
        _add_items(branch, paragraph.items)
    for unclassified in doc.unclassified:
        root.add(f"unclassified (line {unclassified.line}): {_short(unclassified.text)}")
    console.print(root)
    output = console.file
    assert isinstance(output, io.StringIO)
    return output.getvalue()


def _add_items(branch: Tree, items: list[Item]) -> None:
    for item in items:
        text = item.title if item.title else _short(item.text)
        _add_items(branch.add(f"{item.label} {text}"), item.items)


def _short(text: str, width: int = 70) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


def _write(text: str, output: Path | None) -> None:
    if output is None:
        typer.echo(text, nl=False)
        return
    write_atomically(output, text.encode("utf-8"))


@app.command()
def demo(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
    db: DbOption = None,
) -> None:
    """The main job on the built-in example, S/2020/600: set up the workspace, import the
    resolution if it is empty, and serve the web app (prints the URL and a demo login)."""
    from mandate_tracker.web.server import run_demo_server

    run_demo_server(host, port, db)
