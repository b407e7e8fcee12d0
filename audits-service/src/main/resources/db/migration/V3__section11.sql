-- Section 11 (Children Act 2004) self-assessments: standards, each agency's cycle, ratings per standard.
CREATE TABLE s11_standard (
    code        VARCHAR(20)  NOT NULL,
    title       VARCHAR(300) NOT NULL,
    description TEXT,
    ordinal     INT          NOT NULL,
    active      BOOLEAN      NOT NULL,
    PRIMARY KEY (code)
);
INSERT INTO s11_standard (code, title, description, ordinal, active) VALUES
  ('S11-1', 'Senior management commitment to safeguarding', 'Senior managers show leadership and commitment to safeguarding and promoting the welfare of children.', 1, TRUE),
  ('S11-2', 'A clear statement of the agency''s responsibilities towards children', 'The agency''s responsibilities for safeguarding are set out and available to all staff.', 2, TRUE),
  ('S11-3', 'A clear line of accountability for safeguarding', 'Named leads and a clear route of accountability up to the board.', 3, TRUE),
  ('S11-4', 'Service development takes account of the need to safeguard and of children''s views', 'Services are planned with the voice of the child heard and acted on.', 4, TRUE),
  ('S11-5', 'Training on safeguarding for all staff', 'Staff receive safeguarding training and supervision suited to their role.', 5, TRUE),
  ('S11-6', 'Safer recruitment and managing allegations', 'Safer recruitment practice, and allegations against staff are referred to the LADO.', 6, TRUE),
  ('S11-7', 'Effective inter-agency working', 'The agency works with partners to safeguard children, including escalation.', 7, TRUE),
  ('S11-8', 'Information sharing', 'Staff share information in line with guidance and know when consent is not needed.', 8, TRUE);

CREATE TABLE s11_assessment (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    agency      VARCHAR(16)  NOT NULL,
    -- The cycle's period identifier, e.g. 2017April for 2017/18.
    cycle       VARCHAR(16)  NOT NULL,
    carried_from BIGINT,
    created_by  VARCHAR(100) NOT NULL,
    created_at  TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_s11_assessment UNIQUE (agency, cycle)
);

CREATE TABLE s11_rating (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    assessment_id    BIGINT       NOT NULL,
    standard_code    VARCHAR(20)  NOT NULL,
    -- GREEN, AMBER or RED; null until rated.
    rag              VARCHAR(8),
    evidence         TEXT,
    board_comment    TEXT,
    board_comment_by VARCHAR(100),
    board_comment_at TIMESTAMP(3),
    updated_by       VARCHAR(100) NOT NULL,
    updated_at       TIMESTAMP(3) NOT NULL,
    version          BIGINT       NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_s11_rating UNIQUE (assessment_id, standard_code),
    CONSTRAINT fk_rating_assessment FOREIGN KEY (assessment_id) REFERENCES s11_assessment (id),
    CONSTRAINT fk_rating_standard FOREIGN KEY (standard_code) REFERENCES s11_standard (code)
);
