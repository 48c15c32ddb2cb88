-- Sign-in attempts counted before the password is checked, one row per scope and key: `pair` (name and address),
-- `name` (every address) and `address` (every name). An attempt takes its place in one UPDATE under the row's
-- lock, so attempts arriving at once are admitted one after the other and never more than the limit of them
-- reach the password hash. `attempts` counts the failures (and the attempts in flight) since the last success;
-- past the free ones each admitted attempt sets `blocked_until` further out (growing delays). `succeeded_at`
-- marks an address the name signed in from: there a stranger's failures from elsewhere do not hold the user up.
CREATE TABLE login_attempts (
  scope text NOT NULL CHECK (scope IN ('pair', 'name', 'address')),
  key text NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  blocked_until timestamptz NOT NULL DEFAULT now(),
  succeeded_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scope, key)
);
CREATE INDEX login_attempts_updated ON login_attempts (updated_at);

DROP TABLE login_failures;

-- A disabled user cannot sign in, and their sessions are gone (npm run server:user -- --disable NAME).
ALTER TABLE users ADD COLUMN disabled_at timestamptz;
