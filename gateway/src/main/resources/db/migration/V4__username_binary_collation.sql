-- Usernames compare byte for byte. Under the database's default accent- and width-insensitive collation
-- (utf8mb4_unicode_ci) a lookup of 'mánager' or 'ｍａｎａｇｅｒ' found 'manager', so the sign-in throttle,
-- keyed on the name as typed, counted each spelling apart (issue 14, finding 3). The gateway looks up only
-- canonical names (lower-case ASCII, see Usernames); this makes sure the database cannot widen a match.
-- H2 (MODE=MySQL) accepts the clause and compares case- and accent-sensitively anyway.
ALTER TABLE user_account MODIFY username VARCHAR(100) NOT NULL COLLATE utf8mb4_bin;
