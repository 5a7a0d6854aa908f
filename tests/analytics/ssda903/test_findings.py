from careboard.analytics.ssda903.findings import Finding, Severity, mask


def test_personal_values_are_masked_but_codes_are_not():
    assert mask("CHILD", "A1234") == "A••••"
    assert mask("UPN", "A12345678901B") == "A" + "•" * 12
    assert mask("PLACE", "U4") == "U4"


def test_location_names_file_table_row_and_column():
    finding = Finding(
        "103",
        Severity.ERROR,
        "Ethnicity code is not valid.",
        table="header",
        row=7,
        column="ETHNIC",
        value="XXXX",
        file="header.csv",
    )
    assert finding.location() == "header.csv, header, row 7, column ETHNIC"
    assert finding.blocks_import
