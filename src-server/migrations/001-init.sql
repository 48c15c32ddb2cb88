-- Users, sessions and failed logins: the state of authentication lives here, so any number of stateless server
-- processes can share it.
CREATE TABLE users (
  id text PRIMARY KEY,
  name text NOT NULL UNIQUE,
  role text NOT NULL CHECK (role IN ('rep', 'integration', 'admin')),
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Only the SHA-256 of a token is stored: a stolen backup holds no usable credential.
CREATE TABLE sessions (
  token_hash bytea PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sessions_expiry ON sessions (expires_at);

CREATE TABLE login_failures (
  name text NOT NULL,
  ip text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_name ON login_failures (name, at);
CREATE INDEX login_failures_ip ON login_failures (ip, at);

-- One counter per collection. It is advanced only while the writer holds the collection's advisory lock, so
-- sequence order is commit order and a reader that has seen seq n has seen every row below n.
CREATE TABLE collection_seq (
  collection text PRIMARY KEY,
  last_seq bigint NOT NULL DEFAULT 0
);

-- Every replicated record of every collection. `owner_id` is the rep whose customer the record belongs to (null
-- for the shared catalog); `number` is the document number of orders and invoices, unique per collection.
CREATE TABLE documents (
  collection text NOT NULL,
  id text NOT NULL,
  data jsonb NOT NULL,
  seq bigint NOT NULL,
  owner_id text,
  customer_id text,
  number text,
  deleted boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (collection, id)
);
CREATE UNIQUE INDEX documents_seq ON documents (collection, seq);
CREATE INDEX documents_owner_seq ON documents (collection, owner_id, seq);
CREATE INDEX documents_customer ON documents (customer_id, collection) WHERE customer_id IS NOT NULL;
CREATE UNIQUE INDEX documents_number ON documents (collection, number) WHERE number IS NOT NULL;
