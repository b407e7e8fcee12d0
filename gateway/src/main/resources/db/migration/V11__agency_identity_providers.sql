-- Sign-in with an agency's own OpenID Connect provider (issue 19, identity.federation).
-- How an agency's staff sign in: through which configured provider (its name under
-- micronaut.security.oauth2.clients; null: none, passwords only) and whether passwords still work for it.
-- No row: no provider, passwords work (every agency before this migration).
CREATE TABLE agency_sign_in (
    agency_code      VARCHAR(16)  NOT NULL,
    provider         VARCHAR(64)  NULL DEFAULT NULL,
    password_sign_in BOOLEAN      NOT NULL DEFAULT TRUE,
    version          BIGINT       NOT NULL,
    updated_at       TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (agency_code),
    CONSTRAINT fk_agency_sign_in_agency FOREIGN KEY (agency_code) REFERENCES agency (code)
);

-- A person's account at a provider: the provider's subject id (the ID token's "sub", at most 255
-- characters by OpenID Connect Core 1.0 section 2) linked to a Quadrant account, by the manager or by
-- the first sign-in matched on a verified e-mail address. One subject, one account; one account, one
-- subject per provider.
CREATE TABLE provider_link (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    user_id    BIGINT       NOT NULL,
    provider   VARCHAR(64)  NOT NULL,
    subject    VARCHAR(255) NOT NULL,
    linked_at  TIMESTAMP(3) NOT NULL,
    linked_by  VARCHAR(100) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_provider_link_subject UNIQUE (provider, subject),
    CONSTRAINT uq_provider_link_user UNIQUE (user_id, provider),
    CONSTRAINT fk_provider_link_user FOREIGN KEY (user_id) REFERENCES user_account (id) ON DELETE CASCADE
);
