"""CRM and MA exports (one record a row) → the monthly funnel, counted by event month.

importer   import_export / import_bytes / aggregate / store_import: read, validate, count
mappings   how each tool's report maps onto the funnel, as data tables
read       fast reading of CSV/TSV/XLSX exports into one string column per role
parse      vectorised cell parsing (dates to months, amounts to yen, flags to bools)
counts     monthly counts by event month, and the cohort view by creation month
"""

from assistant.analytics.crm.importer import CrmImport, import_bytes, import_export, store_import

__all__ = ["CrmImport", "import_bytes", "import_export", "store_import"]
