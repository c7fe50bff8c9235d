-- The people Agir has met: sign-in name → the name people read ("Paul Porteur") and roles, so
-- that histories, receipts and lists show names, not logins, and staff can pick people (a jury's
-- members) instead of typing sign-in names. Written when someone signs in.
CREATE TABLE person (
    username     VARCHAR(100) NOT NULL PRIMARY KEY,
    display_name VARCHAR(200) NOT NULL,
    email        VARCHAR(320),
    roles        VARCHAR(200) NOT NULL,
    last_seen    TIMESTAMP(6) NOT NULL
);
