"""The mandate reader and its JSON twin; uploading a new resolution."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Query, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, RedirectResponse, Response
from markupsafe import Markup

from mandate_tracker.errors import InputError, MandateError
from mandate_tracker.model import Document
from mandate_tracker.web.backend import ObligationFilter, WebBackend
from mandate_tracker.web.pages import (
    Admin,
    Backend,
    Viewer,
    as_json,
    cached_fragment,
    document_url,
    page,
    render_fragment,
)
from mandate_tracker.web.reader import find_provision, reader_view

router = APIRouter()

MAX_UPLOAD_BYTES = 20 * 1024 * 1024


def _links(backend: WebBackend) -> dict[str, str]:
    """Symbols of the workspace's documents and their reader URLs, for cross-references."""
    return {summary.symbol: document_url(summary.symbol) for summary in backend.documents()}


def _symbol(doc: Document) -> str:
    return doc.info.symbol or doc.source_name


@router.get("/reader", include_in_schema=False)
def reader_index(request: Request, user: Viewer, backend: Backend) -> Response:
    return page(request, "documents.html", documents=backend.documents())


@router.get("/api/documents", tags=["documents"])
def documents_api(user: Viewer, backend: Backend) -> JSONResponse:
    """The resolutions in the workspace."""
    return as_json({"documents": backend.documents()})


@router.get("/reader/panel", include_in_schema=False)
def reader_panel(
    request: Request,
    user: Viewer,
    backend: Backend,
    symbol: Annotated[str, Query(max_length=200)],
    anchor: Annotated[str, Query(max_length=200)],
) -> Response:
    """The side panel (an HTMX fragment): facts and obligations of one provision."""
    doc = backend.document(symbol)
    provision = find_provision(doc, anchor)
    obligations = backend.obligations(
        ObligationFilter(document=_symbol(doc), paragraph=provision.paragraph or None)
    )
    chosen = [o for o in obligations if o.anchor == anchor or anchor == f"para-{o.paragraph}"]
    return page(
        request,
        "_panel.html",
        doc_symbol=_symbol(doc),
        provision=provision,
        obligations=chosen or obligations,
    )


def reader_body(request: Request, backend: WebBackend, symbol: str) -> tuple[str, Markup]:
    """The document's title and laid-out body. It depends only on the document and the
    workspace's other documents (for links), never on the user: rendered once per revision."""

    def render() -> tuple[str, str]:
        doc = backend.document(symbol)
        view = reader_view(doc, _links(backend))
        return view.title, render_fragment("_reader_body.html", doc=doc, view=view)

    return cached_fragment(request, ("reader", symbol), render)


@router.get("/reader/{symbol:path}", include_in_schema=False)
async def reader(request: Request, symbol: str, user: Viewer, backend: Backend) -> Response:
    title, body = reader_body(request, backend, symbol)
    return page(request, "reader.html", title=title, body=body)


@router.get("/api/documents/{symbol:path}", tags=["documents"])
def document_api(symbol: str, user: Viewer, backend: Backend) -> JSONResponse:
    """One resolution in the JSON contract of `mandate parse`, with its obligations."""
    from mandate_tracker.parse import document_to_dict

    doc = backend.document(symbol)
    body = document_to_dict(doc)
    body["obligations"] = backend.obligations(ObligationFilter(document=_symbol(doc)))
    return as_json(body)


async def _read_upload(upload: UploadFile) -> bytes:
    data = await upload.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        raise InputError(
            f"the file is larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB",
            where=upload.filename or "upload",
        )
    if not data:
        raise InputError("the file is empty", where=upload.filename or "upload")
    return data


async def _import(backend: WebBackend, filename: str | None, data: bytes, actor: str) -> str:
    """Read, analyse and store the upload, off the event loop (it takes seconds)."""
    name = filename or "upload.txt"
    return await run_in_threadpool(lambda: backend.import_document(name, data, actor=actor))


@router.get("/upload", include_in_schema=False)
def upload_form(request: Request, user: Admin) -> Response:
    return page(request, "upload.html", error=None)


@router.post("/upload", include_in_schema=False)
async def upload(
    request: Request, user: Admin, backend: Backend, file: Annotated[UploadFile, File()]
) -> Response:
    try:
        data = await _read_upload(file)
        symbol = await _import(backend, file.filename, data, user.name)
    except MandateError as error:
        return page(request, "upload.html", error.http_status, error=error)
    return RedirectResponse(document_url(symbol), status_code=303)


@router.post("/api/documents", tags=["documents"], status_code=201)
async def upload_api(
    user: Admin, backend: Backend, file: Annotated[UploadFile, File()]
) -> JSONResponse:
    """Import a resolution (PDF or text) into the workspace; answers its symbol."""
    data = await _read_upload(file)
    symbol = await _import(backend, file.filename, data, user.name)
    return as_json({"symbol": symbol, "url": document_url(symbol)}, status_code=201)
