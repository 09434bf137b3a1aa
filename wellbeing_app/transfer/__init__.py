"""Export and import: our own JSON and CSV export, re-import of that JSON, and Daylio CSV import.

Every import is validated completely first and then written in one transaction, so it is all or nothing;
exports are plain (not encrypted) files written without ever overwriting one.
"""

from __future__ import annotations

from wellbeing_app.transfer.daylio import (
    DEFAULT_MOODS,
    import_daylio,
    import_daylio_file,
    parse_mood_mapping,
)
from wellbeing_app.transfer.export import (
    EXPORT_FORMAT,
    EXPORT_VERSION,
    ExportResult,
    ImportContext,
    Progress,
    Section,
    export_csv,
    export_document,
    export_json,
    sections,
    write_export,
)
from wellbeing_app.transfer.import_json import (
    ImportSummary,
    SectionCounts,
    import_json,
    import_json_file,
    read_import_file,
)

__all__ = [
    "DEFAULT_MOODS",
    "EXPORT_FORMAT",
    "EXPORT_VERSION",
    "ExportResult",
    "ImportContext",
    "ImportSummary",
    "Progress",
    "Section",
    "SectionCounts",
    "export_csv",
    "export_document",
    "export_json",
    "import_daylio",
    "import_daylio_file",
    "import_json",
    "import_json_file",
    "parse_mood_mapping",
    "read_import_file",
    "sections",
    "write_export",
]
