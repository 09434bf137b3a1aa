"""The peer-supporter and debrief directory: contacts, their file formats, merging and matching.

Pure and storage-free: callers read files and write the vault; everything here takes and returns values.
"""

from wellbeing_app.directory.availability import Availability, Window, parse_availability
from wellbeing_app.directory.csv_format import export_csv, parse_csv
from wellbeing_app.directory.formats import (
    DirectoryFormat,
    export_directory,
    format_from_filename,
    parse_directory,
)
from wellbeing_app.directory.importing import MergePlan, merge_import
from wellbeing_app.directory.json_format import export_json, parse_json
from wellbeing_app.directory.languages import language_key, language_name
from wellbeing_app.directory.matching import Suggestion, SuggestionContext, filter_contacts, suggest
from wellbeing_app.directory.models import (
    PRIVATE_SOURCE,
    Contact,
    ContactKind,
    Profile,
    source_label,
    source_name_of,
)
from wellbeing_app.directory.rows import FIELD_NAMES, derived_id, new_private_contact
from wellbeing_app.directory.text import split_list
from wellbeing_app.directory.vcard_format import export_vcard, parse_vcard

__all__ = [
    "FIELD_NAMES",
    "PRIVATE_SOURCE",
    "Availability",
    "Contact",
    "ContactKind",
    "DirectoryFormat",
    "MergePlan",
    "Profile",
    "Suggestion",
    "SuggestionContext",
    "Window",
    "derived_id",
    "export_csv",
    "export_directory",
    "export_json",
    "export_vcard",
    "filter_contacts",
    "format_from_filename",
    "language_key",
    "language_name",
    "merge_import",
    "new_private_contact",
    "parse_availability",
    "parse_csv",
    "parse_directory",
    "parse_json",
    "parse_vcard",
    "source_label",
    "source_name_of",
    "split_list",
    "suggest",
]
