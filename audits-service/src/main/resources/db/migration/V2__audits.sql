-- Audits, reviews and the other qualitative, practitioner and children-and-families evidence.
CREATE TABLE grading_scale (
    code           VARCHAR(40)  NOT NULL,
    name           VARCHAR(100) NOT NULL,
    -- Comma-separated, best grade first.
    grades         VARCHAR(400) NOT NULL,
    -- The lowest grade that meets the required standard.
    standard_grade VARCHAR(40)  NOT NULL,
    PRIMARY KEY (code)
);
INSERT INTO grading_scale (code, name, grades, standard_grade) VALUES
  ('OFSTED', 'Ofsted', 'OUTSTANDING,GOOD,REQUIRES_IMPROVEMENT,INADEQUATE', 'GOOD'),
  ('EARLY_HELP', 'Early help', 'OUTSTANDING,HIGHLY_EFFECTIVE,EFFECTIVE,INEFFECTIVE', 'EFFECTIVE');

-- The controlled, extendable vocabulary of themes (DESIGN.md "Themes").
CREATE TABLE theme (
    code       VARCHAR(60)  NOT NULL,
    label      VARCHAR(200) NOT NULL,
    active     BOOLEAN      NOT NULL,
    PRIMARY KEY (code)
);
INSERT INTO theme (code, label, active) VALUES
  ('NEGLECT', 'Neglect', TRUE),
  ('DOMESTIC_ABUSE', 'Domestic abuse', TRUE),
  ('PARENTAL_MENTAL_HEALTH', 'Parental mental health', TRUE),
  ('SUBSTANCE_MISUSE', 'Substance misuse', TRUE),
  ('EXPLOITATION', 'Exploitation', TRUE),
  ('VULNERABLE_ADOLESCENTS', 'Vulnerable adolescents', TRUE),
  ('THINK_FAMILY', 'Think family', TRUE),
  ('FATHERS', 'Fathers', TRUE),
  ('VOICE_OF_THE_CHILD', 'Voice of the child', TRUE),
  ('CHRONOLOGIES', 'Chronologies', TRUE),
  ('THRESHOLDS', 'Thresholds', TRUE),
  ('INFORMATION_SHARING', 'Information sharing', TRUE),
  ('SCHOOL_ATTENDANCE', 'School attendance', TRUE),
  ('ELECTIVE_HOME_EDUCATION', 'Elective home education', TRUE),
  ('DISABILITY', 'Disability', TRUE),
  ('WAS_NOT_BROUGHT', 'Was not brought', TRUE),
  ('HOUSING', 'Housing', TRUE),
  ('TRANSITIONS', 'Transitions', TRUE),
  ('ONLINE_ABUSE', 'Online abuse', TRUE),
  ('PHYSICAL_ABUSE', 'Physical abuse', TRUE),
  ('PROFESSIONAL_CURIOSITY', 'Professional curiosity', TRUE),
  ('SELF_HARM', 'Self-harm', TRUE),
  ('CUMULATIVE_HARM', 'Cumulative harm and the cumulative view', TRUE),
  ('EMOTIONAL_WELLBEING', 'Emotional wellbeing and mental health', TRUE),
  ('MULTI_AGENCY_WORKING', 'Multi-agency working', TRUE),
  ('SUPERVISION', 'Supervision', TRUE),
  ('ASSESSMENT', 'Assessment', TRUE),
  ('EDUCATION_HEALTH_CARE_PLANS', 'Education, Health and Care Plans', TRUE);

CREATE TABLE audit (
    id                           BIGINT        NOT NULL AUTO_INCREMENT,
    audit_type                   VARCHAR(40)   NOT NULL,
    title                        VARCHAR(300)  NOT NULL,
    lead_agency                  VARCHAR(16)   NOT NULL,
    -- Comma-separated agency codes (the lead agency is always a participant).
    participating_agencies       VARCHAR(400)  NOT NULL,
    period_start                 DATE          NOT NULL,
    period_end                   DATE          NOT NULL,
    planned_start                DATE,
    planned_end                  DATE,
    actual_start                 DATE,
    actual_end                   DATE,
    status                       VARCHAR(16)   NOT NULL,
    scope                        INT,
    summary                      TEXT,
    grading_scale                VARCHAR(40),
    compliance_threshold_percent DECIMAL(5, 2),
    created_by                   VARCHAR(100)  NOT NULL,
    updated_by                   VARCHAR(100)  NOT NULL,
    updated_at                   TIMESTAMP(3)  NOT NULL,
    version                      BIGINT        NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_audit_scale FOREIGN KEY (grading_scale) REFERENCES grading_scale (code)
);
CREATE INDEX ix_audit_lead ON audit (lead_agency);
CREATE INDEX ix_audit_period ON audit (period_end, period_start);

-- A graded case: one row per agency's single-agency view, and agency 'JOINT' for the joint conclusion.
CREATE TABLE audit_case (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    audit_id      BIGINT       NOT NULL,
    case_ref      VARCHAR(32)  NOT NULL,
    agency        VARCHAR(16)  NOT NULL,
    grade         VARCHAR(40)  NOT NULL,
    -- JSON object: domain -> grade.
    domain_grades TEXT,
    summary       TEXT,
    recorded_by   VARCHAR(100) NOT NULL,
    recorded_at   TIMESTAMP(3) NOT NULL,
    version       BIGINT       NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_audit_case UNIQUE (audit_id, case_ref, agency),
    CONSTRAINT fk_case_audit FOREIGN KEY (audit_id) REFERENCES audit (id)
);

CREATE TABLE finding (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    audit_id      BIGINT       NOT NULL,
    kind          VARCHAR(20)  NOT NULL,
    finding_text  TEXT         NOT NULL,
    -- Comma-separated theme codes from the vocabulary.
    themes        VARCHAR(1000) NOT NULL,
    quadrant      VARCHAR(24)  NOT NULL,
    agency        VARCHAR(16),
    action_ref    VARCHAR(64),
    action_status VARCHAR(32),
    created_by    VARCHAR(100) NOT NULL,
    created_at    TIMESTAMP(3) NOT NULL,
    updated_by    VARCHAR(100) NOT NULL,
    updated_at    TIMESTAMP(3) NOT NULL,
    version       BIGINT       NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_finding_audit FOREIGN KEY (audit_id) REFERENCES audit (id)
);
CREATE INDEX ix_finding_audit ON finding (audit_id);
