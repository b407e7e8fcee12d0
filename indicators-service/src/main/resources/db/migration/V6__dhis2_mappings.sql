-- DHIS2 identifiers (issue 20). A real DHIS2 file names data elements, category option combos and org units
-- by 11-character UIDs; these say which indicator and which agency each one is. UIDs compare byte for byte
-- (DHIS2's are case-sensitive; H2 in MySQL mode accepts the clause and compares so anyway).

-- A data element (with one of its category option combos, or '' for every combo without a mapping of its own)
-- is one indicator; an indicator carries at most one data element and combo, so that an export names it one way.
CREATE TABLE dhis2_data_element (
    id                    BIGINT       NOT NULL AUTO_INCREMENT,
    data_element          VARCHAR(11)  NOT NULL COLLATE utf8mb4_bin,
    category_option_combo VARCHAR(11)  NOT NULL COLLATE utf8mb4_bin,
    indicator_code        VARCHAR(40)  NOT NULL,
    version               BIGINT       NOT NULL,
    updated_by            VARCHAR(100) NOT NULL,
    updated_at            TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_dhis2_data_element UNIQUE (data_element, category_option_combo),
    CONSTRAINT uq_dhis2_data_element_indicator UNIQUE (indicator_code),
    CONSTRAINT fk_dhis2_data_element_indicator FOREIGN KEY (indicator_code) REFERENCES indicator (code)
);

-- An org unit is one agency (agency codes are configuration, quadrant.agencies); an agency carries at most one.
CREATE TABLE dhis2_org_unit (
    org_unit    VARCHAR(11)  NOT NULL COLLATE utf8mb4_bin,
    agency_code VARCHAR(16)  NOT NULL,
    version     BIGINT       NOT NULL,
    updated_by  VARCHAR(100) NOT NULL,
    updated_at  TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (org_unit),
    CONSTRAINT uq_dhis2_org_unit_agency UNIQUE (agency_code)
);
