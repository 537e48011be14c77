"""Import of people from HR system exports (CSV or XLSX, English or German column names).

Pipeline, each step its own module:

    reading     bytes → header + rows with their spreadsheet row numbers
    columns     header → canonical fields (alias table, mirrored in docs/import-format.md)
    parsing     cell → typed value, per field (pure)
    snapshot    the database as plain dicts, read in a handful of queries
    validation  cross-row checks over the final reporting graph (pure)
    plan        what each valid row creates or changes (pure)
    apply       the database write (bulk, one transaction)
    services    `people_import`, the entry point for the command, the web flow and the demo
"""
