"""An upload handler that stops receiving an import file once it passes the size limit.

Django's default handlers keep a file in memory up to FILE_UPLOAD_MAX_MEMORY_SIZE and spool the
rest to a temporary file, whatever its size; the form could only check the size afterwards.
This handler sits first in the chain and stops the upload at TANDEM_IMPORT_MAX_BYTES, so that
neither memory nor disk ever holds more than the limit. The rest of the request body is read and
discarded (so that the browser gets the page with the message); cap the request body in the
reverse proxy as well.
"""

from __future__ import annotations

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import HttpRequest


class ImportSizeLimitHandler(FileUploadHandler):
    def __init__(self, request: HttpRequest | None = None, *, limit: int | None = None) -> None:
        super().__init__(request)
        self.limit = settings.TANDEM_IMPORT_MAX_BYTES if limit is None else limit
        self.received = 0
        self.exceeded = False

    def new_file(self, *args, **kwargs) -> None:
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self.received += len(raw_data)
        if self.received > self.limit:
            self.exceeded = True
            raise StopUpload(connection_reset=False)
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None  # the next handler in the chain builds the file
